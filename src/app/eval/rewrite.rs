//! What the evaluation's rewrites write: the catalogue's scale, currency and
//! number words (`Words`), the English "$6 million → 6 million dollars"
//! rewrite, and the seeded generator that picks sites and values.

use factcheck::catalogue::Catalogue;
use factcheck::catalogue::schema::NumberRole;

/// The words the rewrites write, from the catalogue: which scale word and
/// which currency word replaces which, the Vietnamese number words, and the
/// English scale words.
pub struct Words {
    /// Vietnamese scale words, longest first, each with its swap: the word a
    /// thousand times smaller, or else a thousand times larger.
    pub(super) scale_swaps: Vec<(String, String)>,
    /// Vietnamese currency words, longest first, each with the first word of
    /// another currency (USD, or the euro for USD).
    pub(super) currency_swaps: Vec<(String, String)>,
    /// The Vietnamese number word of each value 1 to 10.
    pub(super) digits: Vec<Option<String>>,
    /// English scale words that stand apart from the number ("million",
    /// "bln"), longest first, and every English scale word (a glued one such
    /// as "m" is left alone).
    pub(super) en_spelled: Vec<String>,
    pub(super) en_all: Vec<String>,
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

impl Words {
    /// The scale word a thousand times smaller (or larger) than `word`.
    pub fn scale_swap(&self, word: &str) -> Option<&str> {
        self.scale_swaps
            .iter()
            .find(|(f, _)| f == word)
            .map(|(_, t)| t.as_str())
    }
    /// The currency word that replaces `word` (another currency).
    pub fn currency_swap(&self, word: &str) -> Option<&str> {
        self.currency_swaps
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(word))
            .map(|(_, t)| t.as_str())
    }
    /// The Vietnamese number word of `v` (1 to 10).
    pub fn digit_word(&self, v: usize) -> Option<&str> {
        self.digits.get(v)?.as_deref()
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
    /// One of `v`, or `None` when it is empty.
    pub fn pick_opt<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        (!v.is_empty()).then(|| self.pick(v))
    }
    pub fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

/// The first digit run of a text (with separators), and its byte range.
pub(super) fn digits(s: &str) -> Option<(usize, usize)> {
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
