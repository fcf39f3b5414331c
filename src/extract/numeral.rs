//! Digit numerals and their readings.
//!
//! Vietnamese writes `.` for thousands and `,` for decimals (6.000 = 6000,
//! 4,3 = 4.3); English the reverse. Vietnamese news also writes English style
//! ("16,700 người", "6.3 triệu"). This module turns one numeral token into
//! every grammatical reading, most likely first, each with the precision of
//! its last written digit; the comparator later keeps the reading that fits.

use smallvec::SmallVec;

use crate::lang::Lang;

/// One reading of a numeral: its value and half a unit of its last digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumeralReading {
    pub value: f64,
    pub precision: f64,
}

/// How a separator is used in one reading.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    /// `,` thousands, `.` decimal.
    English,
    /// `.` thousands, `,` decimal.
    Vietnamese,
}

/// All readings of a numeral token such as "1,600", "4,3" or "6.000".
pub fn readings(token: &str, lang: Lang) -> SmallVec<[NumeralReading; 2]> {
    let has_dot = token.contains('.');
    let has_comma = token.contains(',');
    if !has_dot && !has_comma {
        return parse(token, Style::English).into_iter().collect();
    }
    let en = parse(token, Style::English);
    let vi = parse(token, Style::Vietnamese);
    let mut out = SmallVec::new();
    match lang {
        Lang::En => {
            // English text: English style, Vietnamese style when English is
            // impossible ("4,3", "1.600.000") or when a lone dot is followed
            // by exactly three digits ("23.000 VND" in translated text).
            let dot_thousands = has_dot
                && !has_comma
                && token.matches('.').count() == 1
                && token.rsplit('.').next().is_some_and(|g| g.len() == 3);
            match en {
                Some(r) => {
                    out.push(r);
                    if dot_thousands {
                        out.extend(vi);
                    }
                }
                None => out.extend(vi),
            }
        }
        Lang::Vi => {
            let three_after = |sep: char| {
                token
                    .rsplit(sep)
                    .next()
                    .is_some_and(|g| g.len() == 3 && token.matches(sep).count() >= 1)
            };
            if has_dot && !has_comma && three_after('.') {
                // "6.000", "1.600": thousands; a three-decimal English reading is
                // too rare in Vietnamese prose to keep.
                out.extend(vi);
            } else if has_comma && !has_dot && three_after(',') && en.is_some() {
                // "16,700": English-style thousands, or a three-decimal value.
                out.extend(en);
                out.extend(vi);
            } else {
                // "4,3" or "6.3" or mixed "1.234,5": whichever parses.
                out.extend(vi);
                out.extend(en);
            }
        }
    }
    out.dedup_by(|a: &mut NumeralReading, b: &mut NumeralReading| a.value == b.value);
    out
}

/// Parse with one convention; `None` when the grouping is not valid in it.
fn parse(token: &str, style: Style) -> Option<NumeralReading> {
    let (thousands, decimal) = match style {
        Style::English => (',', '.'),
        Style::Vietnamese => ('.', ','),
    };
    let mut parts = token.split(decimal);
    let int_part = parts.next()?;
    let frac_part = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(f) = frac_part
        && (f.is_empty() || f.contains(thousands))
    {
        return None;
    }
    let groups: Vec<&str> = int_part.split(thousands).collect();
    if groups.len() > 1 {
        if groups[0].is_empty() || groups[0].len() > 3 {
            return None;
        }
        if groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits: String = groups.concat();
    let mut text = digits.clone();
    let decimals = frac_part.map_or(0, str::len);
    if let Some(f) = frac_part {
        text.push('.');
        text.push_str(f);
    }
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some(NumeralReading {
        value,
        precision: 0.5 * 10f64.powi(-(decimals.min(300) as i32)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(t: &str, lang: Lang) -> Vec<f64> {
        readings(t, lang).iter().map(|r| r.value).collect()
    }

    #[test]
    fn vietnamese_conventions() {
        assert_eq!(values("6.000", Lang::Vi), [6000.0]);
        assert_eq!(values("4,3", Lang::Vi), [4.3]);
        assert_eq!(values("1.600", Lang::Vi), [1600.0]);
        assert_eq!(values("16,700", Lang::Vi), [16700.0, 16.7]);
        assert_eq!(values("6.3", Lang::Vi), [6.3]);
        assert_eq!(values("1.234,5", Lang::Vi), [1234.5]);
        assert_eq!(values("1.600.000", Lang::Vi), [1_600_000.0]);
    }

    #[test]
    fn english_conventions() {
        assert_eq!(values("1,600", Lang::En), [1600.0]);
        assert_eq!(values("4.3", Lang::En), [4.3]);
        assert_eq!(values("1,234.5", Lang::En), [1234.5]);
        assert_eq!(values("4,3", Lang::En), [4.3]);
        assert_eq!(values("1.600.000", Lang::En), [1_600_000.0]);
        assert_eq!(values("23.000", Lang::En), [23.0, 23000.0]);
    }

    #[test]
    fn precision_follows_the_last_digit() {
        assert_eq!(readings("4,3", Lang::Vi)[0].precision, 0.05);
        assert_eq!(readings("25", Lang::En)[0].precision, 0.5);
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        let big = "9".repeat(400);
        let r = readings(&big, Lang::En);
        assert!(r.is_empty() || r[0].value.is_finite());
    }
}
