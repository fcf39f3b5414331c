//! Verdicts beyond the values of a pair: a range written as two figures on
//! the other side, which omissions matter, and a changed subject.

use crate::catalogue::Catalogue;
use crate::catalogue::schema::Omission;
use crate::claim::{Claim, Kind, Section};
use crate::diagnostic::Code;

use super::Verdict;
use super::messages::both;

/// A range written as two figures on the other side ("from $3,500 to
/// $5,000" / "từ 3.500 đô la lên 5.000 đô la"): the point matches one end
/// and another claim of its line (`line_claims`) matches the other.
pub fn split_range(vi: &Claim, en: &Claim, line_claims: &[Claim]) -> bool {
    let (range, point) = match (vi.range, en.range) {
        (true, false) => (vi, en),
        (false, true) => (en, vi),
        _ => return false,
    };
    let near = |c: &Claim, v: f64| {
        !c.range
            && c.readings
                .iter()
                .any(|r| (r.value - v).abs() <= r.precision.max(1e-9 * v.abs()))
    };
    let r = range.primary();
    let (lo, hi) = (r.value, r.value_hi);
    let other = if near(point, lo) {
        hi
    } else if near(point, hi) {
        lo
    } else {
        return false;
    };
    line_claims.iter().any(|c| {
        c.part == point.part
            && c.line == point.line
            && c.lang == point.lang
            && !std::ptr::eq(c, point)
            && near(c, other)
    })
}

/// Whether losing a figure in translation changes the story, by the rule of
/// its dimension in the catalogue: amounts with a unit, a currency or a
/// scale, percentages and large counts do; small bare counts, years, dates,
/// ages, durations and multipliers are often restructured by translators
/// ("her 10 kids" → "con út", "in '71" → "năm 1971").
pub fn significant(c: &Claim) -> bool {
    if c.weak || c.conversion {
        return false;
    }
    match c.traits.omitted {
        Omission::Always => true,
        Omission::Never => false,
        Omission::Large => c.scale > 1.0 || c.vague || c.primary().value >= c.traits.large,
    }
}

/// Whether a figure of the translation that nothing in the original accounts
/// for is reported (code `added`): a figure the translator wrote in digits,
/// which asserts a number. Left out: figures in words (also fractions and
/// hedged halves, "hơn một nửa", whose English the reader does not always
/// take: "more than halved", "a one-third stake"); weak figures and any
/// figure written "1", often the English article ("1 chai mứt" for "a jar of
/// jam", "trong 1 tuần" for "in a week"); conversions the translator added in
/// brackets; and literals (labels and codes: "thứ 6" may be the weekday the
/// original names, "top 4" its "top four").
pub fn added_significant(c: &Claim) -> bool {
    // The number as written: "1" in "trong 1 tuần" ("in a week") too.
    let size = c.scale * c.duration_unit.as_ref().map_or(1.0, |(_, size)| *size);
    let one = c.readings.iter().any(|r| r.value / size == 1.0);
    !c.weak
        && !c.conversion
        && !one
        && c.kind != Kind::Literal
        && c.text.bytes().any(|b| b.is_ascii_digit())
}

/// What a figure counts, as the pairing read it around the claim.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// Term ids naming what the figure counts.
    pub terms: &'a [usize],
    /// "other"/"khác" among them ("16 other countries").
    pub other: bool,
    /// Names listed right after the figure ("for Alphabet, Meta and Microsoft").
    pub names_after: usize,
    /// The figure sits in parentheses after one name ("Alphabet (11-19%)").
    pub pinned_on_name: bool,
}

/// Same number, different thing counted: population terms of different
/// groups, "16 other countries" → "16 quốc gia", or a range given for several
/// subjects pinned on one.
pub fn subject_change(
    vi: &Claim,
    en: &Claim,
    cv: Subject,
    ce: Subject,
    cat: &Catalogue,
) -> Option<Verdict> {
    // "people" is the generic population, compatible with every other.
    let groups = |ids: &[usize]| -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| cat.terms[i].group.as_deref())
            .filter(|g| *g != "other" && *g != "people")
            .collect()
    };
    let (gv, ge) = (groups(cv.terms), groups(ce.terms));
    let why = if !gv.is_empty() && !ge.is_empty() && !gv.iter().any(|g| ge.contains(g)) {
        Some(format!(
            "it counts {} in the original, {} here",
            ge[0], gv[0]
        ))
    } else if ce.other && !cv.other && vi.section != Section::Translation {
        // A translation keeps the sentence around the count ("the highest
        // among 16 countries"), where Vietnamese often leaves "khác" implicit;
        // a summary restates the count as a bare fact.
        Some("the original counts \"other\" ones, excluding the subject itself".to_string())
    } else if en.range && ce.names_after >= 2 && cv.pinned_on_name {
        Some(
            "the original's range covers several subjects together; here it is pinned on one"
                .to_string(),
        )
    } else {
        None
    }?;
    let head = both(vi, vi.primary(), en, en.primary());
    Some(Verdict {
        code: Code::SubjectChanged,
        severity: Code::SubjectChanged.severity(),
        message: format!("{head}: {why}"),
    })
}
