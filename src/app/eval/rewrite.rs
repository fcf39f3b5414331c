//! The rewrites of one Vietnamese claim (or one English line) that the
//! evaluation applies: perturbations that must be caught, equivalent
//! renderings that must stay quiet, and the seeded generator that picks new
//! values.

use serde::Serialize;

use super::report::{MIN_ERROR_RECALL, MIN_QUALIFIER_RECALL};
use factcheck::catalogue::Catalogue;
use factcheck::catalogue::schema::NumberRole;
use factcheck::claim::{Claim, Direction, Kind};

/// The words the rewrites write, from the catalogue: which scale word and
/// which currency word replaces which, the Vietnamese number words, and the
/// English scale words.
pub struct Words {
    /// Vietnamese scale words, longest first, each with its swap: the word a
    /// thousand times smaller, or else a thousand times larger.
    scale_swaps: Vec<(String, String)>,
    /// Vietnamese currency words, longest first, each with the first word of
    /// another currency (USD, or the euro for USD).
    currency_swaps: Vec<(String, String)>,
    /// The Vietnamese number word of each value 1 to 10.
    digits: Vec<Option<String>>,
    /// English scale words that stand apart from the number ("million",
    /// "bln"), longest first, and every English scale word (a glued one such
    /// as "m" is left alone).
    en_spelled: Vec<String>,
    en_all: Vec<String>,
}

impl Words {
    pub fn new(cat: &Catalogue) -> Words {
        let vi = &cat.vi.listed;
        let mut scales: Vec<&(String, f64, bool)> = vi.scales.iter().collect();
        scales.sort_by_key(|s| std::cmp::Reverse(s.0.chars().count()));
        let word_of = |f: f64| {
            vi.scales
                .iter()
                .find(|s| s.1 == f && !s.2)
                .map(|s| s.0.clone())
        };
        let scale_swaps = scales
            .iter()
            .filter_map(|(w, f, _)| {
                let to = word_of(f / 1000.0).or_else(|| word_of(f * 1000.0))?;
                Some((w.clone(), to))
            })
            .collect();
        let first_of = |code: &str| {
            vi.currencies
                .iter()
                .find(|c| &*c.1 == code)
                .map(|c| c.0.clone())
        };
        let mut currencies: Vec<&(String, std::sync::Arc<str>)> = vi.currencies.iter().collect();
        currencies.sort_by_key(|c| std::cmp::Reverse(c.0.chars().count()));
        let currency_swaps = currencies
            .iter()
            .filter_map(|(w, code)| {
                let to = if &**code == "USD" {
                    first_of("EUR")
                } else {
                    first_of("USD")
                }?;
                Some((w.clone(), to))
            })
            .collect();
        let digits = (0..=10)
            .map(|v| {
                vi.numbers
                    .iter()
                    .find(|(_, value, role, only_after)| {
                        *value == v as f64
                            && !only_after
                            && matches!(role, NumberRole::Unit | NumberRole::Ten)
                    })
                    .map(|n| n.0.clone())
            })
            .collect();
        let en = &cat.en.listed;
        Words {
            scale_swaps,
            currency_swaps,
            digits,
            en_spelled: {
                let mut v: Vec<String> = en
                    .scales
                    .iter()
                    .filter(|s| !s.2)
                    .map(|s| s.0.clone())
                    .collect();
                v.sort_by_key(|w| std::cmp::Reverse(w.len()));
                v
            },
            en_all: en.scales.iter().map(|s| s.0.to_lowercase()).collect(),
        }
    }
}

/// A deterministic random generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

/// The kinds of change applied to one Vietnamese claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perturbation {
    ChangedValue,
    SwappedScale,
    SwappedCurrency,
    DecimalDamage,
    DroppedQualifier,
    CollapsedRange,
}

/// Rewrites that must not change the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equivalent {
    PercentWord,
    ThousandWord,
    CurrencyWord,
    DigitsToWords,
    EnglishDollarWords,
}

pub const PERTURBATIONS: [Perturbation; 6] = [
    Perturbation::ChangedValue,
    Perturbation::SwappedScale,
    Perturbation::SwappedCurrency,
    Perturbation::DecimalDamage,
    Perturbation::DroppedQualifier,
    Perturbation::CollapsedRange,
];

pub const EQUIVALENTS: [Equivalent; 5] = [
    Equivalent::PercentWord,
    Equivalent::ThousandWord,
    Equivalent::CurrencyWord,
    Equivalent::DigitsToWords,
    Equivalent::EnglishDollarWords,
];

impl Perturbation {
    pub fn name(self) -> &'static str {
        match self {
            Perturbation::ChangedValue => "changed value",
            Perturbation::SwappedScale => "swapped scale word",
            Perturbation::SwappedCurrency => "swapped currency",
            Perturbation::DecimalDamage => "decimal damage",
            Perturbation::DroppedQualifier => "dropped qualifier",
            Perturbation::CollapsedRange => "range collapsed",
        }
    }
    pub fn threshold(self) -> f64 {
        if self == Perturbation::DroppedQualifier {
            MIN_QUALIFIER_RECALL
        } else {
            MIN_ERROR_RECALL
        }
    }
}

impl Equivalent {
    pub fn name(self) -> &'static str {
        match self {
            Equivalent::PercentWord => "% → phần trăm",
            Equivalent::ThousandWord => "6.000 → 6 nghìn",
            Equivalent::CurrencyWord => "USD ↔ đô la Mỹ",
            Equivalent::DigitsToWords => "2 → hai",
            Equivalent::EnglishDollarWords => "$6 million → 6 million dollars",
        }
    }
}

/// Replace the claim's span in its line (spans are byte offsets of the
/// normalised line; corpus lines are NFC, so they coincide).
fn splice(text: &str, c: &Claim, new: &str) -> Option<String> {
    let span = text.get(c.start..c.end)?;
    if span != c.text {
        return None;
    }
    Some(format!("{}{}{}", &text[..c.start], new, &text[c.end..]))
}

/// The first digit run of a claim's text (with separators), and its byte range.
fn digits(s: &str) -> Option<(usize, usize)> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let mut end = start;
    let b = s.as_bytes();
    while end < b.len()
        && (b[end].is_ascii_digit()
            || ((b[end] == b'.' || b[end] == b',')
                && b.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    Some((start, end))
}

/// A value written the Vietnamese way with `decimals` decimals.
fn vietnamese_number(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

pub fn perturb(
    words: &Words,
    kind: Perturbation,
    vi: &Claim,
    en: &Claim,
    line: &str,
    rng: &mut Rng,
) -> Option<String> {
    let t = &vi.text;
    let new = match kind {
        Perturbation::ChangedValue => {
            if matches!(vi.kind, Kind::Date) || vi.vague || vi.range {
                return None;
            }
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let reading = factcheck::extract::numeral::readings(num, factcheck::lang::Lang::Vi)
                .into_iter()
                .next()?;
            let decimals = num.rsplit_once(',').map_or(0, |(_, f)| f.len());
            let factor = *rng.pick(&[1.5, 2.0, 3.0, 0.5]);
            let v = reading.value * factor;
            if vi.kind == Kind::Year {
                // A year stays a year: written without a thousands separator.
                let y = reading.value + *rng.pick(&[3.0, 5.0, -4.0]);
                return splice(line, vi, &format!("{}{}{}", &t[..a], y, &t[b..]));
            }
            let mut s = vietnamese_number(v, decimals);
            let zero = s.chars().all(|c| c == '0' || c == ',' || c == '.');
            if s == vietnamese_number(reading.value, decimals) || zero {
                s = vietnamese_number(reading.value * 2.0 + 3.0, decimals);
            }
            format!("{}{}{}", &t[..a], s, &t[b..])
        }
        Perturbation::SwappedScale => {
            let (from, to) = words
                .scale_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))?;
            t.replacen(from.as_str(), to, 1)
        }
        Perturbation::SwappedCurrency => {
            if vi.kind != Kind::Money {
                return None;
            }
            let (from, to) = words
                .currency_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))?;
            t.replacen(from.as_str(), to, 1)
        }
        Perturbation::DecimalDamage => {
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let (int, frac) = num.rsplit_once(',')?;
            if int.contains(',') || frac.len() == 3 {
                return None;
            }
            format!("{}{}{}{}", &t[..a], int, frac, &t[b..])
        }
        Perturbation::DroppedQualifier => {
            let (eq, vq) = (en.qualifier.as_ref()?, vi.qualifier.as_ref()?);
            if !matches!(eq.kind.direction(), Direction::Above | Direction::Below)
                || vq.kind.direction() != eq.kind.direction()
            {
                return None;
            }
            let rest = t.strip_prefix(vq.text.as_str())?;
            rest.trim_start().to_string()
        }
        Perturbation::CollapsedRange => {
            if !vi.range || vi.vague || vi.kind == Kind::Year {
                return None;
            }
            let (a, b) = digits(t)?;
            let last = t.rfind(|c: char| c.is_ascii_digit())?;
            format!("{}{}", &t[a..b], &t[last + 1..])
        }
    };
    if new == *t {
        return None;
    }
    splice(line, vi, &new)
}

pub fn rewrite_vi(words: &Words, kind: Equivalent, vi: &Claim, line: &str) -> Option<String> {
    let t = &vi.text;
    let new = match kind {
        Equivalent::PercentWord => {
            if vi.kind != Kind::Percent || vi.range {
                return None;
            }
            let i = t.find('%')?;
            let before = t[..i].trim_end();
            format!("{before} phần trăm{}", &t[i + 1..])
        }
        Equivalent::ThousandWord => {
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let head = num.strip_suffix(".000")?;
            if head.contains(['.', ',']) || head.is_empty() {
                return None;
            }
            format!("{}{head} nghìn{}", &t[..a], &t[b..])
        }
        Equivalent::CurrencyWord => {
            if vi.kind != Kind::Money {
                return None;
            }
            if t.contains("USD") {
                t.replacen("USD", "đô la Mỹ", 1)
            } else if t.contains("đô la Mỹ") {
                t.replacen("đô la Mỹ", "USD", 1)
            } else if t.ends_with("đô la") {
                // Not "đô la Úc", "đô la Singapore": another currency.
                t.replacen("đô la", "USD", 1)
            } else {
                return None;
            }
        }
        Equivalent::DigitsToWords => {
            if vi.range || vi.vague || vi.kind == Kind::Year || vi.kind == Kind::Date {
                return None;
            }
            let (a, b) = digits(t)?;
            let v: usize = t[a..b].parse().ok()?;
            // A bare count in words is a weak claim, so only figures with a
            // unit or currency are rewritten; and only a number standing as a
            // word of its own ("2 tháng", not "8m", "3/4", "-2%", "£ 1").
            let before_ok = t[..a]
                .trim_end()
                .chars()
                .last()
                .is_none_or(char::is_alphabetic)
                && (a == 0 || t[..a].ends_with(' '));
            let alone = before_ok && t[b..].starts_with(' ');
            if !(1..=10).contains(&v) || vi.kind == Kind::Count || !alone {
                return None;
            }
            let word = words.digits.get(v)?.as_ref()?;
            format!("{}{word}{}", &t[..a], &t[b..])
        }
        Equivalent::EnglishDollarWords => return None,
    };
    if new == *t {
        return None;
    }
    splice(line, vi, &new)
}

/// "$6 million" → "6 million dollars", "$ 50,000" → "50,000 dollars" in an
/// English line.
pub fn rewrite_en_dollars(lex: &Words, line: &str) -> Option<String> {
    let i = line.find('$')?;
    if line[..i].ends_with(|c: char| c.is_alphanumeric()) {
        return None; // US$, HK$, A$
    }
    let rest = &line[i + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let (a, b) = digits(&rest[lead..])?;
    if a != 0 {
        return None;
    }
    let number = &rest[lead..lead + b];
    let after = &rest[lead + b..];
    let scale = lex.en_spelled.iter().find(|s| {
        after
            .strip_prefix(' ')
            .is_some_and(|x| x.starts_with(s.as_str()))
    });
    let (words, tail) = match scale {
        Some(s) => (format!("{number} {s}"), &after[1 + s.len()..]),
        None => (number.to_string(), after),
    };
    // "$115-million", "$5.7 bln": a scale this rewrite does not spell out.
    let next = tail.split_whitespace().next().unwrap_or("");
    if tail.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || lex.en_all.iter().any(|w| w == &next.to_lowercase())
    {
        return None;
    }
    Some(format!("{}{words} dollars{tail}", &line[..i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_render() {
        assert_eq!(vietnamese_number(16700.0, 0), "16.700");
        assert_eq!(vietnamese_number(4.35, 2), "4,35");
        assert_eq!(vietnamese_number(123.0, 0), "123");
    }

    #[test]
    fn english_dollars_rewrite() {
        let w = Words::new(factcheck::catalogue::builtin());
        assert_eq!(
            rewrite_en_dollars(&w, "spent $6 million on it").as_deref(),
            Some("spent 6 million dollars on it")
        );
        assert_eq!(
            rewrite_en_dollars(&w, "spent $ 50,000 on it").as_deref(),
            Some("spent 50,000 dollars on it")
        );
        assert_eq!(rewrite_en_dollars(&w, "spent US$6 on it"), None);
        assert_eq!(
            rewrite_en_dollars(&w, "spent $5 bln on it").as_deref(),
            Some("spent 5 bln dollars on it")
        );
        assert_eq!(rewrite_en_dollars(&w, "spent $5m on it"), None);
    }

    #[test]
    fn swaps_come_from_the_catalogue() {
        let w = Words::new(factcheck::catalogue::builtin());
        let swap = |t: &str| {
            w.scale_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))
                .cloned()
        };
        assert_eq!(
            swap("6 nghìn tỷ USD"),
            Some(("nghìn tỷ".into(), "tỷ".into()))
        );
        assert_eq!(swap("6 tỷ USD"), Some(("tỷ".into(), "triệu".into())));
        let cur = |t: &str| {
            w.currency_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))
                .cloned()
        };
        assert_eq!(cur("6 triệu đô la Mỹ").map(|c| c.1), Some("euro".into()));
        assert_eq!(cur("6 triệu euro").map(|c| c.1), Some("USD".into()));
        assert_eq!(w.digits[2].as_deref(), Some("hai"));
        assert_eq!(w.digits[10].as_deref(), Some("mười"));
    }
}
