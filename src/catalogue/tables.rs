//! The compiled catalogue: lookup tables keyed by symbols, as the extractor,
//! the segmenter and the pairing read them.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::PhraseTable;
use super::schema::{Kind, NumberRole, Omission, QualifierKind, UnitKind, WordRole};
use crate::tokenize::Sym;

/// A number word after compilation.
#[derive(Debug, Clone)]
pub struct NumberWord {
    pub value: f64,
    pub role: NumberRole,
    pub alone: bool,
    pub only_after: Vec<Sym>,
    pub needs_next: bool,
}

/// A scale word ("million", "tỷ", "bn").
#[derive(Debug, Clone)]
pub struct Scale {
    pub factor: f64,
    pub attached: bool,
    pub needs_currency: bool,
    pub unless_before: Vec<Sym>,
}

/// A vague quantity ("billions of", "hàng tỷ").
#[derive(Debug, Clone, Copy)]
pub struct Vague {
    pub base: f64,
    pub upper: f64,
    pub needs_scale: bool,
}

/// A word that is a multiplier by itself ("double", "gấp đôi").
#[derive(Debug, Clone)]
pub struct Multiplier {
    pub value: f64,
    pub unless_before: Vec<Sym>,
    pub only_before: Vec<Sym>,
}

/// A unit after compilation: index into `Catalogue::units`.
#[derive(Debug, Clone)]
pub struct UnitSpec {
    pub id: Arc<str>,
    pub kind: UnitKind,
    pub dimension: Option<Arc<str>>,
    pub factor: f64,
    pub offset: f64,
    /// Other units a figure may be in (indices into `Catalogue::units`).
    pub also: Vec<usize>,
    pub one_with_article: bool,
    /// A smaller unit whose figure may follow (index into `Catalogue::units`).
    pub subunit: Option<usize>,
    /// Other units this one means near certain words: the unit index, the
    /// words (of either language) and how many tokens away they may stand.
    pub near: Vec<(usize, PhraseTable<()>, usize)>,
}

/// A currency word or symbol: which currency, whether the word is weak (has
/// an everyday meaning too), and the words after it that rule the currency out.
#[derive(Debug, Clone)]
pub struct CurrencyWord {
    pub code: Arc<str>,
    pub weak: bool,
    pub not_before: Vec<Sym>,
}

/// A qualifier phrase with its meaning and the conditions of its reading.
#[derive(Debug, Clone)]
pub struct QualifierRule {
    pub phrase: String,
    pub kind: QualifierKind,
    pub tolerance: f64,
    pub unless_after: Vec<Sym>,
    pub unless_within: Option<(usize, PhraseTable<()>)>,
    pub not_before: Vec<Kind>,
    /// Words after the figure that lift `not_before` ("over 48 hours of").
    pub still_before: Vec<Sym>,
    /// Words before the phrase that lift `not_before` ("in over a decade").
    pub still_after: Vec<Sym>,
    /// When not empty, a qualifier only of figures of these kinds.
    pub only_before: Vec<Kind>,
    /// How many words before a figure it may stand as a hedge the figure
    /// may carry (see `schema::QualifierDef::reach`).
    pub reach: usize,
    /// Often no hedge at all (see `schema::QualifierDef::loose`).
    pub loose: bool,
}

/// The clock words of one language (see `schema::ClockRole`).
#[derive(Debug, Default)]
pub struct Clock {
    /// Day parts: the first hour they cover, how many, and whether they
    /// need an hour word or minutes before them (`needs_hour`).
    pub parts: PhraseTable<(u8, u8, bool)>,
    /// Named times: their hour.
    pub named: PhraseTable<u8>,
    pub hour: PhraseTable<()>,
    pub minute: PhraseTable<()>,
    pub marker: PhraseTable<()>,
    pub zone: PhraseTable<()>,
}

impl Clock {
    /// Prepare every table for lookups over `n` symbols.
    pub fn seal(&mut self, n: usize) {
        self.parts.seal(n);
        self.named.seal(n);
        self.hour.seal(n);
        self.minute.seal(n);
        self.marker.seal(n);
        self.zone.seal(n);
    }
}

/// A bilingual term after compilation.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub group: Option<String>,
}

/// A dimension of measurement after compilation (see `schema::DimensionDef`).
#[derive(Debug, Clone)]
pub struct DimensionSpec {
    pub id: Arc<str>,
    pub symbol: Option<Arc<str>>,
    pub traits: DimensionTraits,
}

/// The rules that depend on a claim's dimension, carried by each claim.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DimensionTraits {
    /// A bare count may be this dimension with its unit left implicit.
    pub implicit: bool,
    pub omitted: Omission,
    /// With `Omission::Large`, the value from which an omission counts.
    pub large: f64,
}

/// The compiled tables of one language.
#[derive(Debug, Default)]
pub struct LangTables {
    pub number_words: FxHashMap<Sym, NumberWord>,
    /// Fraction words: value, and whether they need "of" after them.
    pub fractions: FxHashMap<Sym, (f64, bool)>,
    /// Ordinal words: value, and the words they must follow (any when empty).
    pub ordinals: FxHashMap<Sym, (f64, Vec<Sym>)>,
    pub multipliers: PhraseTable<Multiplier>,
    pub scales: PhraseTable<Scale>,
    pub vague: PhraseTable<Vague>,
    pub units: PhraseTable<usize>,
    /// Unit words written before the figure ("magnitude 6.2").
    pub units_before: PhraseTable<usize>,
    pub currency_prefix: PhraseTable<CurrencyWord>,
    pub currency_suffix: PhraseTable<CurrencyWord>,
    pub qualifiers_before: PhraseTable<QualifierRule>,
    pub qualifiers_after: PhraseTable<QualifierRule>,
    pub months: PhraseTable<u8>,
    /// Per month number, the only words after which that month's name
    /// stands alone (`alone_after`; empty for most months).
    pub month_alone_after: [Vec<Sym>; 13],
    /// Month names that are a month wherever they stand (`alone`).
    pub month_alone: Vec<Sym>,
    /// Days of the week, 1 (Monday) to 7 (Sunday).
    pub weekdays: PhraseTable<u8>,
    pub clock: Clock,
    pub terms: PhraseTable<usize>,
    /// Words of several syllables read as one word, never as the catalogue
    /// words inside them ("bộ trưởng" is no foot, "tấn công" no tonne).
    /// Words of several syllables, each with `not_after_number`.
    pub compounds: PhraseTable<bool>,
    /// One phrase table per word-list role, indexed by `WordRole as usize`.
    pub(super) roles: Vec<PhraseTable<()>>,
    /// The words of each role as written (possessive suffixes are stripped
    /// from names as text).
    pub(super) role_words: Vec<Vec<String>>,
    /// For each symbol, a bit per role it has as a one-word phrase.
    pub(super) role_bits: Vec<u64>,
    /// For each symbol, whether a claim may start at a word with it (numbers
    /// always may): the scan's quick rejection of ordinary words.
    pub(super) starts: Vec<bool>,
    /// The entries as written, in catalogue order, for tools that write
    /// text rather than read it (the evaluation's rewrites).
    pub listed: Listed,
}

/// Catalogue entries of one language as written.
#[derive(Debug, Default)]
pub struct Listed {
    /// Scale words: the word, its factor, whether it is glued to the number.
    pub scales: Vec<(String, f64, bool)>,
    /// Currency words written after the amount (not the weak ones), with
    /// their code.
    pub currencies: Vec<(String, Arc<str>)>,
    /// Number words: the word, its value and role, and whether it stands
    /// only after certain words.
    pub numbers: Vec<(String, f64, NumberRole, bool)>,
    /// Qualifier phrases as written, with their kind and whether they
    /// follow the figure.
    pub qualifiers: Vec<(String, QualifierKind, bool)>,
    /// Fraction words ("half", "quarter", "phần tư").
    pub fractions: Vec<String>,
    /// Unit words as written, with the index of their unit in
    /// `Catalogue::units`.
    pub units: Vec<(String, usize)>,
}

impl LangTables {
    /// The phrase table of a word-list role.
    pub fn role(&self, role: WordRole) -> &PhraseTable<()> {
        &self.roles[role as usize]
    }

    /// True when this one word has the role.
    #[inline]
    pub fn has_role(&self, role: WordRole, word: Sym) -> bool {
        self.role_bits
            .get(word.0 as usize)
            .is_some_and(|b| b & (1u64 << role as usize) != 0)
    }

    /// The words of a role as written in the catalogue.
    pub fn role_words(&self, role: WordRole) -> &[String] {
        &self.role_words[role as usize]
    }

    /// True when a claim may start at a word with this symbol.
    #[inline]
    pub fn may_start(&self, word: Sym) -> bool {
        self.starts.get(word.0 as usize).copied().unwrap_or(false)
    }
}
