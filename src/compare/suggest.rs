//! Suggested corrections: the original's figure written the Vietnamese way,
//! with the original's hedge ("almost one-quarter" → "gần 25%", "$35
//! million" → "35 triệu USD", "3 p.m." → "3 giờ chiều"). Every word comes
//! from the catalogue's `suggestions:` section; a figure it cannot write
//! gets no suggestion rather than a guess.

use crate::catalogue::Catalogue;
use crate::catalogue::schema::SuggestionsDef;
use crate::claim::{Claim, DateParts, Kind, Reading, Unit};

/// The correction for a Vietnamese claim `vi` whose source is `en`, read as
/// its reading `r`: none when they are not of one dimension; a length in
/// the unit `vi` converted to; a year with `vi`'s marker word if it has one.
pub fn suggest(cat: &Catalogue, vi: &Claim, en: &Claim, r: &Reading) -> Option<String> {
    let s = &cat.suggestions;
    // A figure of another kind ("65" for "65 tuổi trở lên") cannot stand in
    // the translation's place as written.
    if s.decimal.is_empty() || en.vague || super::dimension(vi) != super::dimension(en) {
        return None;
    }
    // A span of times or years has no single correction to write.
    if matches!(en.kind, Kind::Time | Kind::Year) && r.value_hi != r.value {
        return None;
    }
    let figure = match en.kind {
        Kind::Literal => return None,
        Kind::Date => en.date.as_ref().and_then(|d| date(s, d))?,
        Kind::Time => clock(s, r.value)?,
        Kind::Year => {
            let year = format!("{}", r.value.round() as i64);
            let marker = s.units.get("year")?;
            if vi.text.to_lowercase().starts_with(marker.as_str()) {
                format!("{marker} {year}")
            } else {
                year
            }
        }
        Kind::Multiplier => {
            let n = amount(s, en, r, 1.0)?;
            return Some(hedged(s, en, s.multiplier.as_ref()?.replace("{}", &n)));
        }
        Kind::Percent | Kind::Fraction | Kind::PercentagePoint => {
            let key = if en.unit == Unit::PercentagePoint {
                "percentage-point"
            } else {
                "percent"
            };
            join(amount(s, en, r, 1.0)?, s.units.get(key)?)
        }
        Kind::Money => {
            let Unit::Currency(code) = &en.unit else {
                return None;
            };
            join(amount(s, en, r, 1.0)?, s.currencies.get(code.as_ref())?)
        }
        Kind::Count => amount(s, en, r, 1.0)?,
        Kind::Duration => {
            let (id, days) = en.duration_unit.as_ref()?;
            join(amount(s, en, r, *days)?, s.units.get(id.as_ref())?)
        }
        Kind::Length | Kind::Measure => {
            // In the translation's own unit when it converted the figure
            // ("240 miles" → "386 km"), to the digits it wrote.
            let (id, precision) = match (&vi.unit_id, vi.readings.first()) {
                (Some(id), Some(v)) if Some(id) != en.unit_id.as_ref() => (id, v.precision),
                _ => (en.unit_id.as_ref()?, r.precision),
            };
            let spec = cat.units.iter().find(|u| u.id == *id)?;
            if spec.offset != 0.0 {
                return None;
            }
            let r = Reading { precision, ..*r };
            join(amount(s, en, &r, spec.factor)?, s.units.get(id.as_ref())?)
        }
    };
    Some(hedged(s, en, figure))
}

/// The figure after the original's hedge word, if it has one.
fn hedged(s: &SuggestionsDef, en: &Claim, figure: String) -> String {
    match en.qualifier.as_ref().and_then(|q| s.hedges.get(&q.kind)) {
        Some(word) => format!("{word} {figure}"),
        None => figure,
    }
}

/// A figure and its unit word: "25%" (a symbol is glued), "35 triệu USD".
fn join(figure: String, word: &str) -> String {
    if word.chars().all(|c| !c.is_alphanumeric()) {
        format!("{figure}{word}")
    } else {
        format!("{figure} {word}")
    }
}

/// The value of a reading in a unit `unit` canonical units large, with the
/// scale word the original wrote: "4,3 tỷ", "16.700", "11-19".
fn amount(s: &SuggestionsDef, en: &Claim, r: &Reading, unit: f64) -> Option<String> {
    if !(unit.is_finite() && unit > 0.0) {
        return None;
    }
    let scale = s
        .scales
        .iter()
        .find(|w| en.scale > 1.0 && (w.factor - en.scale).abs() < 1e-9 * en.scale);
    let divisor = unit * scale.map_or(1.0, |w| w.factor);
    let precision = r.precision / divisor;
    let lo = number(s, r.value / divisor, precision)?;
    let figure = if en.range || r.value_hi != r.value {
        format!("{lo}-{}", number(s, r.value_hi / divisor, precision)?)
    } else {
        lo
    };
    Some(match scale {
        Some(w) => format!("{figure} {}", w.word),
        None => figure,
    })
}

/// A number the Vietnamese way: as many decimals as the original wrote
/// (from the half-digit `precision`), "," before them and "." between
/// thousands.
fn number(s: &SuggestionsDef, v: f64, precision: f64) -> Option<String> {
    if !v.is_finite() || v.abs() >= 1e15 {
        return None;
    }
    let decimals = if precision > 0.0 && precision.is_finite() {
        (-(2.0 * precision).log10()).ceil().clamp(0.0, 6.0) as usize
    } else {
        // No written precision (a fraction word): what the value needs.
        (0..=2).find(|&d| ((v * 10f64.powi(d)).round() - v * 10f64.powi(d)).abs() < 1e-6)? as usize
    };
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    out.push_str(&crate::claim::group_thousands(int, &s.thousands));
    if !frac.is_empty() {
        out.push_str(&s.decimal);
        out.push_str(frac);
    }
    Some(out)
}

/// A time of day on a 12-hour clock with its part of the day: "3 giờ
/// chiều", "9 giờ 30 sáng".
fn clock(s: &SuggestionsDef, minutes: f64) -> Option<String> {
    let m = minutes.round().clamp(0.0, 24.0 * 60.0) as u32 % (24 * 60);
    let (hour, minute) = (m / 60, m % 60);
    let part = s
        .day_parts
        .iter()
        .find(|p| u32::from(p.from) <= hour && hour < u32::from(p.until))?;
    let twelve = match hour % 12 {
        0 => 12,
        h => h,
    };
    let word = s.units.get("hour")?;
    Some(if minute == 0 {
        format!("{twelve} {word} {}", part.word)
    } else {
        format!("{twelve} {word} {minute:02} {}", part.word)
    })
}

/// A date with the parts the original wrote: "ngày 14 tháng 7 năm 2024",
/// "tháng 7", "thứ Sáu".
fn date(s: &SuggestionsDef, d: &DateParts) -> Option<String> {
    if let (Some(w), None, None) = (d.weekday, d.day, d.month) {
        return s.weekdays.get(usize::from(w).checked_sub(1)?).cloned();
    }
    let mut parts = Vec::new();
    for (value, unit) in [
        (d.day.map(i32::from), "day"),
        (d.month.map(i32::from), "month"),
        (d.year, "year"),
    ] {
        if let Some(v) = value {
            parts.push(format!("{} {v}", s.units.get(unit)?));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        let s = &builtin().suggestions;
        assert_eq!(number(s, 16700.0, 0.5).unwrap(), "16.700");
        assert_eq!(number(s, 4.3, 0.05).unwrap(), "4,3");
        assert_eq!(number(s, 1234567.25, 0.005).unwrap(), "1.234.567,25");
        assert_eq!(number(s, 25.0, 0.0).unwrap(), "25");
        assert_eq!(number(s, 33.333333, 0.0), None);
        assert_eq!(number(s, f64::NAN, 0.5), None);
    }

    #[test]
    fn clock_times_take_their_part_of_the_day() {
        let s = &builtin().suggestions;
        assert_eq!(clock(s, 15.0 * 60.0).unwrap(), "3 giờ chiều");
        assert_eq!(clock(s, 9.0 * 60.0 + 30.0).unwrap(), "9 giờ 30 sáng");
        assert_eq!(clock(s, 0.0).unwrap(), "12 giờ đêm");
        assert_eq!(clock(s, 12.0 * 60.0 + 40.0).unwrap(), "12 giờ 40 trưa");
    }
}
