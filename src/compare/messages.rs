//! How findings read: the claims quoted as written, with what they mean when
//! the text alone does not say it, in the messages of every code.

use crate::claim::{Claim, Kind, QualifierKind, Reading, Unit};

/// How an editor reads a claim: its text, then what it means when the text
/// alone does not say it ("almost one-quarter (just under 25%)").
pub fn quote(c: &Claim, r: &Reading) -> String {
    let meaning = meaning(c, r);
    if meaning.is_empty() || normalize_spaces(&meaning) == normalize_spaces(&c.text) {
        format!("\"{}\"", c.text)
    } else {
        format!("\"{}\" ({meaning})", c.text)
    }
}

/// The metric unit a length of `nm` nanometres reads best in: its size in
/// nanometres and its symbol.
fn length_unit(nm: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 4] = [(1e12, "km"), (1e9, "m"), (1e7, "cm"), (1e6, "mm")];
    UNITS
        .into_iter()
        .find(|&(factor, _)| nm >= factor)
        .unwrap_or((1.0, "nm"))
}

fn normalize_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value in plain English with its qualifier's meaning: "just under 25%".
pub fn meaning(c: &Claim, r: &Reading) -> String {
    // A literal means what it says.
    if c.kind == Kind::Literal {
        return String::new();
    }
    let mut unit = match (&c.duration_unit, c.kind) {
        (Some((name, _)), _) => format!(" {name}s"),
        (None, Kind::Year | Kind::Count | Kind::Date | Kind::Time) => String::new(),
        (None, _) => c.unit.symbol(),
    };
    let value = if c.unit == Unit::Nanometre {
        // Lengths are kept in nanometres; an editor reads "1.52 m".
        let (factor, symbol) = length_unit(r.value.abs().max(r.value_hi.abs()));
        unit = format!(" {symbol}");
        c.value_text(&r.scaled(1.0 / factor))
    } else {
        c.value_text(r)
    };
    let words = match c.qualifier.as_ref().map(|q| q.kind) {
        None | Some(QualifierKind::Emphasis) | Some(QualifierKind::ChangeTo) => "",
        Some(QualifierKind::BelowClose) => "just under ",
        Some(QualifierKind::Approx) => "about ",
        Some(QualifierKind::Above) => "more than ",
        Some(QualifierKind::AboveClose) => "just over ",
        Some(QualifierKind::AtLeast) => "at least ",
        Some(QualifierKind::Below) => "less than ",
        Some(QualifierKind::AtMost) => "at most ",
    };
    let vague = if c.vague {
        "an order of magnitude, "
    } else {
        ""
    };
    format!("{vague}{words}{value}{unit}")
}

/// The message of a summary claim with no source in the original.
pub fn unsupported(c: &Claim) -> String {
    format!(
        "the {} says {}, which appears nowhere in the original",
        c.section.name(),
        quote(c, c.primary())
    )
}

/// The message of an original's figure missing from the translation.
pub fn omitted(c: &Claim) -> String {
    format!(
        "the original says {}; the translation has no matching figure",
        quote(c, c.primary())
    )
}

/// The head of a message about a pair: both claims quoted.
pub fn both(vi: &Claim, rv: &Reading, en: &Claim, re: &Reading) -> String {
    format!(
        "the original says {}; the {} says {}",
        quote(en, re),
        vi.section.name(),
        quote(vi, rv)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_in_metres_or_kilometres() {
        assert_eq!(length_unit(1.524e9), (1e9, "m"));
        assert_eq!(length_unit(3.2e14), (1e12, "km"));
        assert_eq!(length_unit(5e7), (1e7, "cm"));
        assert_eq!(length_unit(12.0), (1.0, "nm"));
    }
}
