//! The check of one article: read → normalize → segment → extract → align →
//! compare, giving its findings (pairs judged, subject changes,
//! `unsupported`, `omitted`). Running it over many files is `batch.rs`.

use crate::align::{Context, pair};
use crate::catalogue::Catalogue;
use crate::claim::{Claim, Section};
use crate::compare::{Relation, judge, quote};
use crate::diagnostic::{Code, Finding, Location};
use crate::extract::extract_article;
use crate::segment::Article;

/// Why an article could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
    #[error(
        "{0}: no English original found (the check needs the English text after the Vietnamese)"
    )]
    NoEnglish(String),
    #[error("{0}: no Vietnamese text found (the check needs a Vietnamese summary or translation)")]
    NoVietnamese(String),
}

fn location(article: &Article, c: &Claim) -> Location {
    Location {
        path: article.parts[c.part].path.clone(),
        line: c.line,
        column: c.column,
        end_line: c.end_line,
        end_column: c.end_column,
        text: c.text.clone(),
        section: c.section.name(),
        lang: c.lang.code(),
    }
}

/// Check one article: every finding, in report order.
pub fn check_article(
    cat: &Catalogue,
    article: &Article,
    name: &str,
) -> Result<Vec<Finding>, CheckError> {
    analyze(cat, article, name).map(|a| a.findings)
}

/// Everything the check computed for an article: its claims, how they were
/// paired, and the findings. The evaluation uses the pairs to perturb claims.
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub pairing: crate::align::Pairing,
    pub findings: Vec<Finding>,
}

/// Check one article, keeping the intermediate results.
pub fn analyze(cat: &Catalogue, article: &Article, name: &str) -> Result<Analysis, CheckError> {
    if !article.has(|s| s == Section::Original) {
        return Err(CheckError::NoEnglish(name.to_string()));
    }
    if !article.has(|s| s != Section::Original) {
        return Err(CheckError::NoVietnamese(name.to_string()));
    }
    let claims = extract_article(cat, article);
    let pairing = pair(cat, article, &claims);
    let mut findings = Vec::new();
    for p in &pairing.pairs {
        let (vi, en) = (&claims[p.vi], &claims[p.en]);
        let verdict = judge(vi, en, p.related)
            .filter(|v| !(v.code == Code::RangeChanged && split_range(vi, en, &claims)))
            .or_else(|| {
                if p.related.relation >= Relation::Compatible {
                    subject_change(vi, en, &pairing.context[p.vi], &pairing.context[p.en], cat)
                } else {
                    None
                }
            });
        if let Some(v) = verdict {
            findings.push(Finding {
                code: v.code,
                severity: v.severity,
                message: v.message,
                target: Some(location(article, vi)),
                source: Some(location(article, en)),
            });
        }
    }
    for &v in &pairing.unpaired_vi {
        let c = &claims[v];
        if matches!(c.section, Section::Summary | Section::Takeaway) && !c.weak {
            findings.push(Finding {
                code: Code::Unsupported,
                severity: Code::Unsupported.severity(),
                message: format!(
                    "the {} says {}, which appears nowhere in the original",
                    c.section.name(),
                    quote(c, c.primary())
                ),
                target: Some(location(article, c)),
                source: None,
            });
        }
    }
    let has_translation = article.has(|s| s == Section::Translation);
    for &e in &pairing.unpaired_en {
        let c = &claims[e];
        if has_translation && significant(c) {
            findings.push(Finding {
                code: Code::Omitted,
                severity: Code::Omitted.severity(),
                message: format!(
                    "the original says {}; the translation has no matching figure",
                    quote(c, c.primary())
                ),
                target: None,
                source: Some(location(article, c)),
            });
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    Ok(Analysis {
        claims,
        pairing,
        findings,
    })
}

/// A range written as two figures on the other side ("from $3,500 to
/// $5,000" / "từ 3.500 đô la lên 5.000 đô la"): the point matches one end and
/// another claim of the same line matches the other.
fn split_range(vi: &Claim, en: &Claim, claims: &[Claim]) -> bool {
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
    claims.iter().any(|c| {
        c.part == point.part
            && c.line == point.line
            && c.lang == point.lang
            && !std::ptr::eq(c, point)
            && near(c, other)
    })
}

/// Whether losing a figure in translation changes the story: amounts with a
/// unit, a currency or a scale, and large counts. Small bare counts, years,
/// dates, ages, durations and multipliers are often restructured by
/// translators ("her 10 kids" → "con út", "in '71" → "năm 1971").
fn significant(c: &Claim) -> bool {
    use crate::claim::{Kind, Unit};
    if c.weak {
        return false;
    }
    match c.kind {
        Kind::Percent | Kind::PercentagePoint | Kind::Money | Kind::Fraction | Kind::Length => true,
        Kind::Measure => !matches!(&c.unit, Unit::Measure(d) if d == "age"),
        Kind::Count => c.scale > 1.0 || c.vague || c.primary().value >= 1000.0,
        Kind::Year | Kind::Date | Kind::Duration | Kind::Multiplier => false,
    }
}

/// Same number, different thing counted: population terms of different
/// groups, "16 other countries" → "16 quốc gia", or a range given for several
/// subjects pinned on one.
fn subject_change(
    vi: &Claim,
    en: &Claim,
    cv: &Context,
    ce: &Context,
    cat: &Catalogue,
) -> Option<crate::compare::Verdict> {
    // "people" is the generic population, compatible with every other.
    let groups = |ids: &[usize]| -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| cat.terms[i].group.as_deref())
            .filter(|g| *g != "other" && *g != "people")
            .collect()
    };
    let (gv, ge) = (groups(&cv.subject), groups(&ce.subject));
    let side = vi.section.name();
    let head = format!(
        "the original says {}; the {side} says {}",
        quote(en, en.primary()),
        quote(vi, vi.primary())
    );
    let why = if !gv.is_empty() && !ge.is_empty() && !gv.iter().any(|g| ge.contains(g)) {
        Some(format!(
            "it counts {} in the original, {} here",
            ge[0], gv[0]
        ))
    } else if ce.subject_other && !cv.subject_other && vi.section != Section::Translation {
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
    Some(crate::compare::Verdict {
        code: Code::SubjectChanged,
        severity: Code::SubjectChanged.severity(),
        message: format!("{head}: {why}"),
    })
}
