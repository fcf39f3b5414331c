//! The shape of a catalogue file, as serde reads it. Plain data, no logic:
//! `catalogue::load` parses files into these and `catalogue::compile` turns
//! them into lookup tables. Unknown keys are errors so a typo never silently
//! disables an entry.

use serde::Deserialize;

/// One YAML file of the catalogue. Every section is optional; files are merged.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    #[serde(default)]
    pub number_words: PerLang<NumberWordDef>,
    #[serde(default)]
    pub fractions: PerLang<FractionDef>,
    #[serde(default)]
    pub ordinals: PerLang<OrdinalDef>,
    #[serde(default)]
    pub scales: PerLang<ScaleDef>,
    #[serde(default)]
    pub vague: PerLang<VagueDef>,
    #[serde(default)]
    pub multipliers: PerLang<MultiplierDef>,
    #[serde(default)]
    pub units: Vec<UnitDef>,
    #[serde(default)]
    pub currencies: Vec<CurrencyDef>,
    #[serde(default)]
    pub qualifiers: PerLang<QualifierDef>,
    #[serde(default)]
    pub months: PerLang<MonthDef>,
    #[serde(default)]
    pub weekdays: PerLang<MonthDef>,
    #[serde(default)]
    pub clock: PerLang<ClockDef>,
    #[serde(default)]
    pub word_lists: PerLang<WordListDef>,
    #[serde(default)]
    pub terms: Vec<TermDef>,
    #[serde(default)]
    pub dimensions: Vec<DimensionDef>,
    #[serde(default)]
    pub compounds: PerLang<CompoundDef>,
    #[serde(default)]
    pub suggestions: Option<SuggestionsDef>,
}

/// How a figure of the original is written the Vietnamese way, for the
/// corrections findings suggest (claims/suggestions.yaml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionsDef {
    pub decimal: String,
    pub thousands: String,
    #[serde(default)]
    pub hedges: std::collections::BTreeMap<QualifierKind, String>,
    /// Largest first.
    #[serde(default)]
    pub scales: Vec<ScaleWordDef>,
    /// ISO code → word.
    #[serde(default)]
    pub currencies: std::collections::BTreeMap<String, String>,
    /// Unit id (or `percent`, `percentage-point`) → word.
    #[serde(default)]
    pub units: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub day_parts: Vec<DayPartWordDef>,
    /// Monday … Sunday.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// "gấp {} lần".
    #[serde(default)]
    pub multiplier: Option<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleWordDef {
    pub factor: f64,
    pub word: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayPartWordDef {
    pub from: u8,
    pub until: u8,
    pub word: String,
}

/// A word of several syllables holding a syllable the catalogue reads as a
/// unit, qualifier, scale or number ("bộ trưởng", minister): the word is
/// read whole, never as that syllable. `means` says what it is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompoundDef {
    pub word: String,
    #[serde(default)]
    pub means: Option<String>,
    /// Not a compound right after a number, where its first syllable is
    /// the number's unit: "30 năm mới học được" is thirty years, "năm mới
    /// 2020" the New Year.
    #[serde(default)]
    pub not_after_number: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A section with one list per language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLang<T> {
    #[serde(default = "Vec::new")]
    pub en: Vec<T>,
    #[serde(default = "Vec::new")]
    pub vi: Vec<T>,
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        PerLang {
            en: Vec::new(),
            vi: Vec::new(),
        }
    }
}

/// An example carried by a catalogue entry, checked by `factcheck catalogue
/// test` and the test suite. With one of `en`/`vi`: a phrase and every claim
/// the extractor must read from it, in the compact form of `Claim::key`
/// ("percent 25%", "money 6e12 USD"; a list when it holds several, "none"
/// when it holds none). With both: an English sentence and its Vietnamese
/// rendering, and what the check must say of the pair: a finding code at
/// warning or error ("value-mismatch") or "quiet".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub vi: Option<String>,
    pub expect: Expect,
    /// For a sentence pair: the correction the finding must suggest.
    #[serde(default)]
    pub suggest: Option<String>,
}

/// What an example expects: one claim key, code or "quiet"/"none", or the
/// list of every claim key in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Expect {
    One(String),
    All(Vec<String>),
}

impl Expect {
    /// The expected claim keys, in order ("none" is the empty list).
    pub fn keys(&self) -> Vec<String> {
        match self {
            Expect::One(s) if s == "none" => Vec::new(),
            Expect::One(s) => vec![s.clone()],
            Expect::All(v) => v.clone(),
        }
    }
    /// The text quoted in messages.
    pub fn describe(&self) -> String {
        match self {
            Expect::One(s) => s.clone(),
            Expect::All(v) => v.join("; "),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberRole {
    Unit,
    Teen,
    Tens,
    Ten,
    TensSuffix,
    Hundred,
    Thousand,
    Dozen,
    Filler,
    Article,
    Joiner,
    And,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWordDef {
    pub word: String,
    pub value: f64,
    pub role: NumberRole,
    #[serde(default = "yes")]
    pub alone: bool,
    #[serde(default)]
    pub only_after: Vec<String>,
    #[serde(default)]
    pub needs_next: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FractionDef {
    pub word: String,
    pub value: f64,
    /// Only a fraction when hyphenated to its numerator ("one-quarter") or
    /// before "of" or a determiner ("a quarter of sales"), since the word
    /// also names a period ("once a quarter", "two quarters").
    #[serde(default)]
    pub needs_of: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// An ordinal written as a word ("third", "ninth"), read as the literal of
/// its number ("the ninth goal" = "bàn thắng thứ 9").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdinalDef {
    pub word: String,
    pub value: f64,
    /// When set, an ordinal only after one of these words ("the second
    /// thing", not "a second").
    #[serde(default)]
    pub only_after: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleDef {
    pub word: String,
    pub factor: f64,
    #[serde(default)]
    pub attached: bool,
    #[serde(default)]
    pub needs_currency: bool,
    /// Not a scale when one of these words follows ("an 8m tall statue").
    #[serde(default)]
    pub unless_before: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueDef {
    pub word: String,
    pub base: f64,
    pub upper: f64,
    #[serde(default)]
    pub needs_scale: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A word that is a multiplier by itself ("double", "gấp đôi").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiplierDef {
    pub word: String,
    pub value: f64,
    /// Not a multiplier when one of these words follows ("double-digit").
    #[serde(default)]
    pub unless_before: Vec<String>,
    /// When set, a multiplier only before one of these words or at the end
    /// of a clause ("double its revenue", but not "double shifts").
    #[serde(default)]
    pub only_before: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A unit a word means instead when one of `words` is within `within`
/// tokens of the figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearDef {
    pub unit: String,
    pub words: Vec<String>,
    #[serde(default = "eight")]
    pub within: usize,
}

fn eight() -> usize {
    8
}

/// The kinds of claim a unit can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Percent,
    PercentagePoint,
    Length,
    Duration,
    Multiplier,
    Measure,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub id: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub dimension: Option<String>,
    pub factor: f64,
    /// Added after the factor: °F to °C is × 5/9, then − 17.78.
    #[serde(default)]
    pub offset: f64,
    /// Other units a figure in this one may be in, each a reading ("95
    /// degrees" is 95 °C or 95 °F).
    #[serde(default)]
    pub also: Vec<String>,
    /// "a"/"an" before the unit is one of it ("a decade", "a fortnight").
    #[serde(default)]
    pub one_with_article: bool,
    /// A smaller unit whose figure may follow, added to this one's
    /// ("5-foot-10", "5 feet 10 inches"): an earlier unit of the same kind.
    #[serde(default)]
    pub subunit: Option<String>,
    /// Read as another unit when one of these words stands near ("6,2 độ"
    /// near "động đất" is a magnitude, not a temperature).
    #[serde(default)]
    pub near: Vec<NearDef>,
    /// Words that name the unit before the figure ("magnitude 6.2").
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub vi: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyDef {
    pub code: String,
    #[serde(default)]
    pub symbols: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub vi: Vec<String>,
    /// Vietnamese words that are a currency only after a scale word or at
    /// the end of a phrase.
    #[serde(default)]
    pub weak: Vec<String>,
    /// The same for English.
    #[serde(default)]
    pub weak_en: Vec<String>,
    /// Words after a weak Vietnamese word that show it is not the currency.
    #[serde(default)]
    pub weak_not_before: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// How a qualifier bends the value it governs; see claims/qualifiers.yaml.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum QualifierKind {
    BelowClose,
    Approx,
    Above,
    AboveClose,
    AtLeast,
    Below,
    AtMost,
    Emphasis,
    ChangeTo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QualifierPosition {
    #[default]
    Before,
    After,
}

/// Claim kinds a qualifier condition may name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Percent,
    PercentagePoint,
    Money,
    Length,
    Measure,
    Year,
    Date,
    Duration,
    Count,
    Multiplier,
    Fraction,
    /// A time of day, in minutes after midnight ("3 p.m.", "15 giờ").
    Time,
    /// A number read as written and compared digit for digit: in a name or
    /// a code (Boeing 737, VTV3, Llama 3.1, COVID-19), a clock time or a
    /// label the extractor does not read otherwise (06:06, No. 1, 16th).
    Literal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithinDef {
    pub words: usize,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierDef {
    pub phrase: String,
    pub kind: QualifierKind,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub position: QualifierPosition,
    #[serde(default)]
    pub unless_after: Vec<String>,
    #[serde(default)]
    pub unless_within: Option<WithinDef>,
    /// How many tokens (Vietnamese syllables) before the figure the phrase
    /// may stand, verb and object between ("ước tính đã tiêu tốn của các
    /// hãng 1,2 tỷ USD"), in the same sentence with only words between: there
    /// it is no qualifier of the figure, only a hedge the figure may carry
    /// (`Claim::maybe_hedge`); its other conditions are not weighed. 0: right
    /// before the figure only; at most `MAX_REACH`.
    #[serde(default)]
    pub reach: usize,
    /// The phrase is often no hedge at all: a preposition ("over three
    /// generations" = qua ba thế hệ, "about four women" = về bốn người phụ
    /// nữ) or a comparative ("higher than three others"). Before a
    /// spelled-out small count it is not judged (`compare::verdict`).
    #[serde(default)]
    pub loose: bool,
    #[serde(default)]
    pub not_before: Vec<Kind>,
    /// `not_before` does not hold when one of these words follows the
    /// figure: "over 48 hours of video" is an amount of video, not a span
    /// of time.
    #[serde(default)]
    pub still_before: Vec<String>,
    /// Nor when one of these words stands right before the phrase: "in
    /// over a decade", "for over five years" bound a span of time.
    #[serde(default)]
    pub still_after: Vec<String>,
    /// A qualifier only of figures of these kinds ("after 9 p.m.").
    #[serde(default)]
    pub only_before: Vec<Kind>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// What a clock word does (claims/times.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockRole {
    /// After an hour, the part of the day it is in ("p.m.", "chiều").
    DayPart,
    /// A time by itself ("noon", "nửa đêm").
    Named,
    /// After an hour, makes it a time ("o'clock", "giờ", "h").
    Hour,
    /// After the minutes of a time ("phút").
    Minute,
    /// Before "N giờ", makes it a time rather than a duration ("lúc").
    Marker,
    /// A time zone after a time ("GMT", "ICT"), kept as context.
    Zone,
}

/// Words that make a number a time of day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockDef {
    pub role: ClockRole,
    pub words: Vec<String>,
    /// For a day part: the first hour of the day it covers ("chiều": 12).
    #[serde(default)]
    pub from: Option<u8>,
    /// For a day part: how many hours it covers ("chiều": 7, to 19:00).
    #[serde(default)]
    pub hours: Option<u8>,
    /// For a named time: its hour ("noon": 12).
    #[serde(default)]
    pub at: Option<u8>,
    /// For a day part: only after an hour word or minutes ("3 giờ buổi
    /// chiều"), never right after a bare number ("1 buổi chiều" is one
    /// afternoon).
    #[serde(default)]
    pub needs_hour: bool,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDef {
    pub number: u8,
    pub names: Vec<String>,
    /// For a month name that is also a common word ("May"): the only words
    /// after which it is a month on its own ("in May"). Empty: any word that
    /// places a month in time.
    #[serde(default)]
    pub alone_after: Vec<String>,
    /// Names that are the month wherever they stand, written with a capital
    /// and not followed by a name ("April was no exception", "the August
    /// data"; not "April Ryan"). Other names need a word that places them.
    #[serde(default)]
    pub alone: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Roles of the word lists; see claims/dates.yaml and claims/grammar.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordRole {
    DayMarker,
    MonthMarker,
    YearMarker,
    RangeTo,
    RangeBetween,
    RangeAnd,
    ChangeFrom,
    ChangeVerb,
    Transparent,
    RatioEvery,
    FractionOf,
    Negative,
    RatioThen,
    MultiplierPrefix,
    OrdinalPrefix,
    ClockSuffix,
    Timezone,
    FunctionWord,
    PeriodWord,
    CountedNoun,
    Abbreviation,
    EnglishMarker,
    VietnameseMarker,
    OrdinalSuffix,
    PowerConnector,
    DecadeSuffix,
    DecadeMarker,
    ChangeBy,
    FractionOfScale,
    AndAHalf,
    FractionContext,
    HalfArticle,
    HalfContext,
    HalfPrefix,
    OtherMarker,
    PopulationOf,
    Determiner,
    NamesAfter,
    Possessive,
    ScoreWord,
    WeekdayPrefix,
    WeekdayBefore,
    WeekdayAfter,
    MonthBefore,
    Alternative,
    AgeDecadeOwner,
    DecadePart,
    Consecutive,
}

impl WordRole {
    /// How many roles there are (roles index dense tables).
    pub const COUNT: usize = WordRole::Consecutive as usize + 1;
}

/// What an omitted figure of a dimension means to the story (`omitted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Omission {
    /// Always reported (the default).
    #[default]
    Always,
    /// Never reported: translators legitimately restructure these.
    Never,
    /// Reported when scaled, vague, or at least `large` in value.
    Large,
}

/// A dimension of measurement (what a claim's value is a quantity of): its
/// symbol for messages, and the rules that depend on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionDef {
    /// `share`, `percentage-point`, `money`, `length`, `year`, `date`,
    /// `duration`, `count`, `multiplier`, or the `dimension` of measure units.
    pub id: String,
    /// The canonical unit's symbol, printed after a value ("kg", "MW").
    #[serde(default)]
    pub symbol: Option<String>,
    /// A bare count may be this dimension with its unit left implicit
    /// ("bet billions" / "hàng tỷ USD").
    #[serde(default)]
    pub implicit: bool,
    /// Whether a figure of this dimension missing from the translation is
    /// reported as `omitted`.
    #[serde(default)]
    pub omitted: Omission,
    /// With `omitted: large`, the value from which a figure counts.
    #[serde(default)]
    pub large: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordListDef {
    pub role: WordRole,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermDef {
    pub id: String,
    #[serde(default)]
    pub group: Option<String>,
    pub en: Vec<String>,
    pub vi: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}
