//! Property tests of the number reader: amounts rendered the way Vietnamese
//! and English news write them are read back to the same value, and no text
//! makes the extractor panic.

use factcheck::catalogue::builtin;
use factcheck::claim::{Claim, Section, Unit};
use factcheck::extract::extract_line;
use factcheck::lang::Lang;
use factcheck::normalize::Line;
use proptest::prelude::*;

fn group(int: u64, sep: char) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

const EN_SCALES: [(&str, f64); 5] = [
    ("", 1.0),
    (" thousand", 1e3),
    (" million", 1e6),
    (" billion", 1e9),
    (" trillion", 1e12),
];
const VI_SCALES: [(&str, f64); 5] = [
    ("", 1.0),
    (" nghìn", 1e3),
    (" triệu", 1e6),
    (" tỷ", 1e9),
    (" nghìn tỷ", 1e12),
];

fn claims(lang: Lang, text: &str) -> Vec<Claim> {
    extract_line(builtin(), lang, Section::Translation, &Line::new(1, text))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #[test]
    fn rendered_amounts_read_back(
        int in 0u64..1_000_000_000,
        frac in proptest::option::of((1u32..=3).prop_flat_map(|d| (Just(d), 0u64..10u64.pow(d)))),
        scale in 0usize..5,
        currency in 0usize..3,
        vietnamese in any::<bool>(),
    ) {
        let (thousands, decimal, scales) = if vietnamese { ('.', ',', VI_SCALES) } else { (',', '.', EN_SCALES) };
        let mut number = group(int, thousands);
        let mut value = int as f64;
        if let Some((digits, f)) = frac {
            number.push(decimal);
            number.push_str(&format!("{f:0width$}", width = digits as usize));
            value += f as f64 / 10f64.powi(digits as i32);
        }
        let (scale_word, factor) = scales[scale];
        value *= factor;
        let (text, code) = match (currency, vietnamese) {
            (0, _) => (format!("đạt {number}{scale_word} người"), None),
            (1, true) => (format!("đạt {number}{scale_word} USD"), Some("USD")),
            (1, false) => (format!("reached ${number}{scale_word}"), Some("USD")),
            (_, true) => (format!("đạt {number}{scale_word} nhân dân tệ"), Some("CNY")),
            (_, false) => (format!("reached {number}{scale_word} yuan"), Some("CNY")),
        };
        let text = if vietnamese || currency != 0 { text } else { format!("reached {number}{scale_word} people") };
        let lang = if vietnamese { Lang::Vi } else { Lang::En };
        let found = claims(lang, &text);
        prop_assert_eq!(found.len(), 1, "{:?} gave {:?}", text, found.iter().map(Claim::key).collect::<Vec<_>>());
        let c = &found[0];
        prop_assert!(c.readings.iter().any(|r| close(r.value, value)), "{:?}: wanted {}, got {}", text, value, c.key());
        match code {
            Some(code) => prop_assert_eq!(&c.unit, &Unit::Currency(code.into())),
            None => prop_assert!(matches!(c.unit, Unit::None)),
        }
    }

    #[test]
    fn any_text_extracts_without_panicking(text in "\\PC{0,200}") {
        for lang in [Lang::Vi, Lang::En] {
            for c in claims(lang, &text) {
                prop_assert!(c.column >= 1 && c.end_column >= c.column);
            }
        }
    }

    #[test]
    fn numeric_soup_extracts_without_panicking(text in "[0-9.,:%$/ a-z\\-]{0,120}") {
        for lang in [Lang::Vi, Lang::En] {
            let _ = claims(lang, &text);
        }
    }
}
