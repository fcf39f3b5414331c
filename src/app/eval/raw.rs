//! The evaluation's cases, made on the raw text of a sentence pair with plain
//! patterns, independently of what the extractor finds: small, plausible
//! changes to the Vietnamese that must be caught, and equivalent renderings
//! that must stay quiet. Which words are scale words, currencies, hedges or
//! number words comes from the catalogue; where they occur is decided by
//! regular expressions over the text, never by the tool's claims, so a figure
//! the extractor misses is still perturbed (and its miss counted).

use regex::Regex;
use serde::Serialize;

use super::rewrite::{Rng, Words};
use factcheck::catalogue::Catalogue;
use factcheck::catalogue::schema::NumberRole;
use factcheck::claim::{Direction, QualifierKind};

/// Changes that must be caught (a warning or an error on the line that the
/// unchanged line did not have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// One digit of a number ±1: 19 → 18, 2.000 → 3.000.
    Digit,
    /// The hour of a time ±1: 15:00 → 16:00, 3 giờ → 4 giờ.
    Hour,
    /// One side of "N-M" +1: a score 2-1 → 2-2, a range 3-5 → 3-6.
    Score,
    /// A scale word after a number swapped: triệu ↔ tỷ.
    Scale,
    /// A currency word after an amount swapped: USD ↔ euro.
    Currency,
    /// A bounding hedge deleted (hơn, gần, dưới…) where the English bounds
    /// the figure too.
    BoundingHedgeDropped,
    /// An approximation deleted (khoảng, chừng…) where the English has one.
    ApproximationDropped,
    /// A bounding hedge turned the other way (hơn → gần, dưới → hơn) where
    /// the English bounds the figure.
    HedgeFlipped,
}

pub const CHANGES: [Change; 8] = [
    Change::Digit,
    Change::Hour,
    Change::Score,
    Change::Scale,
    Change::Currency,
    Change::BoundingHedgeDropped,
    Change::ApproximationDropped,
    Change::HedgeFlipped,
];

/// Rewrites that must stay quiet (no warning or error the unchanged line did
/// not have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Same {
    PercentWord,
    ThousandWord,
    SeparatorDropped,
    CurrencyWord,
    DigitsToWords,
    EnglishDollarWords,
}

pub const SAMES: [Same; 6] = [
    Same::PercentWord,
    Same::ThousandWord,
    Same::SeparatorDropped,
    Same::CurrencyWord,
    Same::DigitsToWords,
    Same::EnglishDollarWords,
];

/// The targets of issue 9: value, scale and currency changes ≥ 97%, dropped
/// or flipped bounding hedges ≥ 95%, dropped approximations ≥ 90%.
impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Digit => "one digit ±1 (19 → 18)",
            Change::Hour => "hour ±1 (15:00, 3 giờ)",
            Change::Score => "score or range N-M, +1",
            Change::Scale => "scale word (triệu ↔ tỷ)",
            Change::Currency => "currency (USD ↔ euro)",
            Change::BoundingHedgeDropped => "bounding hedge dropped",
            Change::ApproximationDropped => "approximation dropped",
            Change::HedgeFlipped => "hedge flipped (hơn ↔ gần)",
        }
    }
    pub fn threshold(self) -> f64 {
        match self {
            Change::BoundingHedgeDropped | Change::HedgeFlipped => 0.95,
            Change::ApproximationDropped => 0.90,
            _ => 0.97,
        }
    }
}

impl Same {
    pub fn name(self) -> &'static str {
        match self {
            Same::PercentWord => "% → phần trăm",
            Same::ThousandWord => "6.000 → 6 nghìn",
            Same::SeparatorDropped => "1.600 → 1600",
            Same::CurrencyWord => "USD ↔ đô la Mỹ",
            Same::DigitsToWords => "2 → hai",
            Same::EnglishDollarWords => "$6 million → 6 million dollars",
        }
    }
}

/// An alternation of phrases, longest first, each escaped; spaces in a
/// phrase match any run of whitespace.
fn alternation(words: impl IntoIterator<Item = String>) -> String {
    let mut v: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
    v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    v.dedup();
    let parts: Vec<String> = v
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// Is a hedge bounding (a direction), an approximation, or neither?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HedgeClass {
    Bounding(Direction),
    Approximation,
}

fn class_of(kind: QualifierKind) -> Option<HedgeClass> {
    match kind.direction() {
        Direction::Above => Some(HedgeClass::Bounding(Direction::Above)),
        Direction::Below => Some(HedgeClass::Bounding(Direction::Below)),
        Direction::Around => Some(HedgeClass::Approximation),
        Direction::Exact => None,
    }
}

/// The compiled patterns, and the catalogue words the rewrites write.
pub struct Patterns {
    number: Regex,
    hour: Regex,
    score: Regex,
    scale: Regex,
    currency: Regex,
    vi_hedge: Regex,
    en_hedge: Regex,
    percent: Regex,
    small: Regex,
    /// Vietnamese hedge phrases (lowercase) with their class.
    vi_hedges: Vec<(String, HedgeClass)>,
    en_hedges: Vec<(String, HedgeClass)>,
    /// What replaces a hedge pushing up (a "below" phrase) and down.
    flip_up: String,
    flip_down: String,
    percent_word: Option<String>,
    thousand_word: Option<String>,
    /// Vietnamese words of the dollar, catalogue order.
    usd_words: Vec<String>,
    words: Words,
}

impl Patterns {
    pub fn new(cat: &Catalogue) -> Patterns {
        let vi = &cat.vi.listed;
        let en = &cat.en.listed;
        let number_words = |l: &factcheck::catalogue::Listed| {
            let mut w: Vec<String> = l
                .numbers
                .iter()
                .filter(|n| {
                    !n.3 && !matches!(
                        n.2,
                        NumberRole::Filler | NumberRole::Joiner | NumberRole::And
                    )
                })
                .map(|n| n.0.clone())
                .collect();
            w.extend(l.fractions.iter().cloned());
            alternation(w)
        };
        let hedges = |l: &factcheck::catalogue::Listed| -> Vec<(String, HedgeClass)> {
            l.qualifiers
                .iter()
                .filter(|q| !q.2)
                .filter_map(|q| Some((q.0.to_lowercase(), class_of(q.1)?)))
                .collect()
        };
        let (vi_hedges, en_hedges) = (hedges(vi), hedges(en));
        let first_of = |kind: QualifierKind| {
            vi.qualifiers
                .iter()
                .find(|q| q.1 == kind && !q.2)
                .map(|q| q.0.clone())
                .unwrap_or_default()
        };
        let unit_words = |id: &str| -> Vec<String> {
            vi.units
                .iter()
                .filter(|(_, u)| &*cat.units[*u].id == id)
                .map(|(w, _)| w.clone())
                .collect()
        };
        let spaced_scales: Vec<String> = vi
            .scales
            .iter()
            .filter(|s| !s.2)
            .map(|s| s.0.clone())
            .collect();
        let num = r"\d+(?:[.,]\d+)*";
        let vi_numbers = number_words(vi);
        let compile = |p: &str| Regex::new(p).expect("eval patterns are valid");
        Patterns {
            number: compile(num),
            hour: compile(&format!(
                r"(?i)\b(\d{{1,2}})(?::\d{{2}}\b|\s+{}\b)",
                alternation(unit_words("hour"))
            )),
            score: compile(r"(?:^|[^\d.,/:])(\d{1,2}) ?[-–] ?(\d{1,2})(?:$|[^\d.,/:%])"),
            scale: compile(&format!(
                r"(?i)(?:{num}|\b{vi_numbers})\s+({})\b",
                alternation(spaced_scales.clone())
            )),
            currency: compile(&format!(
                r"(?i){num}(?:\s+{})?\s*({})\b",
                alternation(spaced_scales.clone()),
                alternation(vi.currencies.iter().map(|c| c.0.clone()))
            )),
            vi_hedge: compile(&format!(
                r"(?i)\b({})(\s+)(?:\d|{vi_numbers}\b)",
                alternation(vi_hedges.iter().map(|h| h.0.clone()))
            )),
            en_hedge: compile(&format!(
                r"(?i)\b({})\s+(?:[$£€]\s?)?(?:\d|{}\b)",
                alternation(en_hedges.iter().map(|h| h.0.clone())),
                number_words(en)
            )),
            percent: compile(&format!(r"({num})\s?%")),
            small: compile(r"(?:^|\s)(10|[1-9])\s+\w"),
            vi_hedges,
            en_hedges,
            flip_up: first_of(QualifierKind::BelowClose),
            flip_down: first_of(QualifierKind::Above),
            percent_word: unit_words("percent")
                .into_iter()
                .find(|w| w.chars().all(|c| c.is_alphabetic() || c == ' ')),
            thousand_word: vi
                .scales
                .iter()
                .find(|s| s.1 == 1e3 && !s.2)
                .map(|s| s.0.clone()),
            usd_words: vi
                .currencies
                .iter()
                .filter(|c| &*c.1 == "USD")
                .map(|c| c.0.clone())
                .collect(),
            words: Words::new(cat),
        }
    }

    fn vi_class(&self, phrase: &str) -> Option<HedgeClass> {
        let p = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        let p = p.to_lowercase();
        self.vi_hedges.iter().find(|h| h.0 == p).map(|h| h.1)
    }

    /// The classes of the hedges standing before a figure in an English line.
    fn en_classes(&self, en: &str) -> Vec<HedgeClass> {
        self.en_hedge
            .captures_iter(en)
            .filter_map(|c| {
                let p = c[1].split_whitespace().collect::<Vec<_>>().join(" ");
                let p = p.to_lowercase();
                self.en_hedges.iter().find(|h| h.0 == p).map(|h| h.1)
            })
            .collect()
    }
}

/// `text` with `range` replaced.
fn splice(text: &str, range: std::ops::Range<usize>, new: &str) -> String {
    format!("{}{new}{}", &text[..range.start], &text[range.end..])
}

/// A digit one away: up or down as `up` says; a leading 1 never becomes 0
/// ("1 chai" → "0 chai", "10" → "00" are not plausible figures).
fn nudge(d: u8, up: bool, leading: bool) -> u8 {
    let down_ok = d > 0 && !(leading && d == 1);
    if (up && d < 9) || !down_ok {
        d + 1
    } else {
        d - 1
    }
}

/// One change of the Vietnamese line `vi` (given its English `en`), at a
/// site picked with `rng`; `None` when the line has no site for it.
pub fn change(p: &Patterns, kind: Change, vi: &str, en: &str, rng: &mut Rng) -> Option<String> {
    match kind {
        Change::Digit => {
            let runs: Vec<regex::Match> = p.number.find_iter(vi).collect();
            let run = *rng.pick_opt(&runs)?;
            let digits: Vec<usize> = run
                .as_str()
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            let &k = rng.pick_opt(&digits)?;
            let at = run.start() + k;
            let d = vi.as_bytes()[at] - b'0';
            let new = nudge(d, rng.coin(), k == 0);
            Some(splice(vi, at..at + 1, &new.to_string()))
        }
        Change::Hour => {
            let sites: Vec<regex::Captures> = p.hour.captures_iter(vi).collect();
            let c = rng.pick_opt(&sites)?;
            let h = c.get(1)?;
            let hour: u32 = h.as_str().parse().ok()?;
            if hour > 23 {
                return None;
            }
            // Within the same half of the day where it can: 12 → 11, not 13.
            let new = if hour == 12 || hour == 23 {
                hour - 1
            } else {
                hour + 1
            };
            let width = h.as_str().len();
            Some(splice(vi, h.range(), &format!("{new:0width$}")))
        }
        Change::Score => {
            let sites: Vec<regex::Captures> = p.score.captures_iter(vi).collect();
            let c = rng.pick_opt(&sites)?;
            let side = c.get(if rng.coin() { 1 } else { 2 })?;
            let v: u32 = side.as_str().parse().ok()?;
            Some(splice(vi, side.range(), &(v + 1).to_string()))
        }
        Change::Scale => {
            let sites: Vec<regex::Captures> = p.scale.captures_iter(vi).collect();
            let w = rng.pick_opt(&sites)?.get(1)?;
            let lower = w.as_str().to_lowercase();
            let to = p.words.scale_swap(&lower)?;
            Some(splice(vi, w.range(), to))
        }
        Change::Currency => {
            let sites: Vec<regex::Captures> = p.currency.captures_iter(vi).collect();
            let w = rng.pick_opt(&sites)?.get(1)?;
            let to = p.words.currency_swap(w.as_str())?;
            Some(splice(vi, w.range(), to))
        }
        Change::BoundingHedgeDropped | Change::ApproximationDropped | Change::HedgeFlipped => {
            hedge_change(p, kind, vi, en, rng)
        }
    }
}

/// Drop or flip a Vietnamese hedge, where the English has one of the same
/// class before a figure: without it, the Vietnamese hedge may be the
/// translator's own, and dropping it would be a correction.
fn hedge_change(p: &Patterns, kind: Change, vi: &str, en: &str, rng: &mut Rng) -> Option<String> {
    let english = p.en_classes(en);
    let sites: Vec<(regex::Match, regex::Match, HedgeClass)> = p
        .vi_hedge
        .captures_iter(vi)
        .filter_map(|c| {
            let (h, gap) = (c.get(1)?, c.get(2)?);
            // After a figure the word joins a range ("từ 22% đến 30%"), it
            // does not hedge one.
            let before = vi[..h.start()].trim_end();
            if before.ends_with(|ch: char| ch.is_ascii_digit() || ch == '%') {
                return None;
            }
            let class = p.vi_class(h.as_str())?;
            let wanted = match (kind, class) {
                (Change::ApproximationDropped, HedgeClass::Approximation) => {
                    english.contains(&HedgeClass::Approximation)
                }
                (Change::BoundingHedgeDropped | Change::HedgeFlipped, HedgeClass::Bounding(d)) => {
                    english.contains(&HedgeClass::Bounding(d))
                }
                _ => false,
            };
            wanted.then_some((h, gap, class))
        })
        .collect();
    let (h, gap, class) = rng.pick_opt(&sites)?;
    if kind != Change::HedgeFlipped {
        let mut out = splice(vi, h.start()..gap.end(), "");
        if h.start() == 0 {
            out = capitalise(&out);
        }
        return Some(out);
    }
    let to = match class {
        HedgeClass::Bounding(Direction::Above) => &p.flip_up,
        _ => &p.flip_down,
    };
    let to = if h.as_str().starts_with(char::is_uppercase) {
        capitalise(to)
    } else {
        to.clone()
    };
    (!to.is_empty()).then(|| splice(vi, h.range(), &to))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// One equivalent rewrite of the Vietnamese line (or, for dollar words, of
/// the English line), at a site picked with `rng`.
pub fn same(p: &Patterns, kind: Same, vi: &str, en: &str, rng: &mut Rng) -> Option<String> {
    match kind {
        Same::PercentWord => {
            let word = p.percent_word.as_ref()?;
            let sites: Vec<regex::Captures> = p.percent.captures_iter(vi).collect();
            let c = rng.pick_opt(&sites)?;
            let (all, n) = (c.get(0)?, c.get(1)?);
            Some(splice(vi, all.range(), &format!("{} {word}", n.as_str())))
        }
        Same::ThousandWord => {
            let word = p.thousand_word.as_ref()?;
            let sites: Vec<regex::Match> = p
                .number
                .find_iter(vi)
                .filter(|m| {
                    let t = m.as_str();
                    t.strip_suffix(".000")
                        .is_some_and(|h| !h.is_empty() && !h.contains(['.', ',']))
                        && !vi[m.end()..].trim_start().starts_with(word.as_str())
                        // "1.000cc": the word would be glued to the unit.
                        && !vi[m.end()..].starts_with(char::is_alphanumeric)
                })
                .collect();
            let m = rng.pick_opt(&sites)?;
            let head = &m.as_str()[..m.as_str().len() - 4];
            Some(splice(vi, m.range(), &format!("{head} {word}")))
        }
        Same::SeparatorDropped => {
            let sites: Vec<regex::Match> = p
                .number
                .find_iter(vi)
                .filter(|m| {
                    let b = m.as_str().as_bytes();
                    b.len() == 5 && b[1] == b'.' && b[0] != b'0'
                })
                .collect();
            let m = rng.pick_opt(&sites)?;
            Some(splice(vi, m.range(), &m.as_str().replace('.', "")))
        }
        Same::CurrencyWord => {
            let sites: Vec<regex::Captures> = p
                .currency
                .captures_iter(vi)
                .filter(|c| p.usd_words.iter().any(|w| w == &c[1]))
                .collect();
            let w = rng.pick_opt(&sites)?.get(1)?;
            // Another word of the dollar, not one that merely extends this
            // one ("đô la" → "đô la Mỹ" would swallow the next word's role).
            let to = p.usd_words.iter().find(|x| {
                *x != w.as_str() && !x.contains(w.as_str()) && !w.as_str().contains(*x)
            })?;
            Some(splice(vi, w.range(), to))
        }
        Same::DigitsToWords => {
            // Only after a word or at the start: "£ 1", "GMT + 7" are not
            // written in words.
            let sites: Vec<regex::Captures> = p
                .small
                .captures_iter(vi)
                .filter(|c| {
                    let before = vi[..c.get(1).map_or(0, |d| d.start())].trim_end();
                    before.is_empty() || before.ends_with(char::is_alphabetic)
                })
                .collect();
            let d = rng.pick_opt(&sites)?.get(1)?;
            let v: usize = d.as_str().parse().ok()?;
            let word = p.words.digit_word(v)?;
            Some(splice(vi, d.range(), word))
        }
        Same::EnglishDollarWords => super::rewrite::rewrite_en_dollars(&p.words, en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns() -> Patterns {
        Patterns::new(factcheck::catalogue::builtin())
    }

    /// Every change, tried with many seeds, on a line that has its site.
    fn outcomes(kind: Change, vi: &str, en: &str) -> Vec<String> {
        let p = patterns();
        let mut out: Vec<String> = (0..40)
            .filter_map(|s| change(&p, kind, vi, en, &mut Rng(s)))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_digit_moves_by_one_without_a_leading_zero() {
        let got = outcomes(Change::Digit, "Giá 19 USD", "");
        assert_eq!(got, ["Giá 18 USD", "Giá 29 USD"]);
        assert_eq!(outcomes(Change::Digit, "mua 1 chai", ""), ["mua 2 chai"]);
        let got = outcomes(Change::Digit, "2.000 người", "");
        assert!(got.contains(&"3.000 người".to_string()), "{got:?}");
        assert!(got.iter().all(|g| !g.starts_with('0')), "{got:?}");
    }

    #[test]
    fn hours_scores_scales_and_currencies_change() {
        assert_eq!(
            outcomes(Change::Hour, "lúc 15:00 hôm nay", ""),
            ["lúc 16:00 hôm nay"]
        );
        assert_eq!(
            outcomes(Change::Hour, "lúc 3 giờ chiều", ""),
            ["lúc 4 giờ chiều"]
        );
        assert_eq!(outcomes(Change::Hour, "12:31 chiều", ""), ["11:31 chiều"]);
        assert_eq!(outcomes(Change::Hour, "03:07 chiều", ""), ["04:07 chiều"]);
        assert_eq!(
            outcomes(Change::Score, "thắng 2-1 trước", ""),
            ["thắng 2-2 trước", "thắng 3-1 trước"]
        );
        assert!(outcomes(Change::Score, "tỷ lệ 11-19%", "").is_empty());
        assert_eq!(
            outcomes(Change::Scale, "đạt 6 tỷ USD", ""),
            ["đạt 6 triệu USD"]
        );
        assert_eq!(
            outcomes(Change::Currency, "đạt 6 tỷ USD", ""),
            ["đạt 6 tỷ euro"]
        );
    }

    #[test]
    fn hedges_change_only_where_the_english_has_one_of_the_same_class() {
        let vi = "Hơn 50% nhân viên và khoảng 20 người";
        assert_eq!(
            outcomes(
                Change::BoundingHedgeDropped,
                vi,
                "More than half of the staff"
            ),
            ["50% nhân viên và khoảng 20 người"]
        );
        assert!(outcomes(Change::BoundingHedgeDropped, vi, "Half of the staff").is_empty());
        let range = "tăng từ 22% đến 30% một năm";
        assert!(outcomes(Change::BoundingHedgeDropped, range, "up to 30% a year").is_empty());
        assert_eq!(
            outcomes(Change::ApproximationDropped, vi, "about 20 people"),
            ["Hơn 50% nhân viên và 20 người"]
        );
        assert_eq!(
            outcomes(Change::HedgeFlipped, vi, "more than half"),
            ["Gần 50% nhân viên và khoảng 20 người"]
        );
    }

    #[test]
    fn equivalents_rewrite_the_raw_text() {
        let p = patterns();
        let one = |k: Same, vi: &str, en: &str| same(&p, k, vi, en, &mut Rng(1));
        assert_eq!(
            one(Same::PercentWord, "tăng 25% năm", "").as_deref(),
            Some("tăng 25 phần trăm năm")
        );
        assert_eq!(
            one(Same::ThousandWord, "6.000 tỷ USD", "").as_deref(),
            Some("6 nghìn tỷ USD")
        );
        assert_eq!(
            one(Same::SeparatorDropped, "có 1.600 người", "").as_deref(),
            Some("có 1600 người")
        );
        assert_eq!(
            one(Same::CurrencyWord, "chi 5 triệu USD", "").as_deref(),
            Some("chi 5 triệu đô la Mỹ")
        );
        assert_eq!(
            one(Same::DigitsToWords, "sau 2 tháng", "").as_deref(),
            Some("sau hai tháng")
        );
        assert_eq!(one(Same::DigitsToWords, "lúc 3:00", ""), None);
        assert_eq!(one(Same::DigitsToWords, "£ 1 đã mua", ""), None);
    }
}
