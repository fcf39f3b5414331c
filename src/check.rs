//! The check: read → normalize → segment → extract → align → compare, for
//! one article, giving its findings. Also runs `factcheck FILE…`: every file
//! checked independently, rendered, and the exit code chosen by --fail-on.

use std::process::ExitCode;

use crate::align::{Context, pair};
use crate::catalogue::Catalogue;
use crate::claim::{Claim, Section};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::compare::{Relation, judge, quote};
use crate::diagnostic::{Code, Finding, Location, Severity};
use crate::extract::extract_article;
use crate::render::{self, FileReport, Report};
use crate::run::{article_inputs, emit, load_catalogue};
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
    Ok(findings)
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

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// `factcheck FILE…`
pub fn run_check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let cat = load_catalogue(args.input.claims.as_deref())?;
    let inputs = article_inputs(&args.input)?;
    let mut files = Vec::new();
    for input in &inputs {
        let name = input.name();
        let result = input
            .read()
            .map_err(CheckError::from)
            .and_then(|article| check_article(&cat, &article, &name).map(|f| (article, f)));
        files.push(match result {
            Ok((article, findings)) => FileReport {
                path: name,
                error: None,
                findings,
                article: Some(article),
            },
            Err(e) => FileReport {
                path: name,
                error: Some(e.to_string()),
                findings: Vec::new(),
                article: None,
            },
        });
    }
    let report = Report { files };
    let text = match args.format {
        CheckFormat::Human => render::human::render(&report, render::human::use_color()),
        CheckFormat::Json => render::json::render(&report),
    };
    emit(&text)?;
    if report.files.iter().any(|f| f.error.is_some()) {
        return Ok(ExitCode::from(2));
    }
    let failing = args.fail_on.threshold().is_some_and(|t| {
        report
            .files
            .iter()
            .flat_map(|f| &f.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
