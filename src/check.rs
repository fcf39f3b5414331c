//! The check of one article: read → normalize → segment → extract → align →
//! compare, giving its findings. This file only orchestrates: extraction is
//! `extract/`, pairing `align/`, every verdict `compare/`. Running it over
//! many files is the application's (`app/check_cmd.rs`).

use crate::align::{ContextBuilder, Contexts, Pairing, pair};
use crate::catalogue::Catalogue;
use crate::claim::{Claim, Section};
use crate::compare::{
    self, Relation, Subject, added_significant, judge, significant, split_range, subject_change,
};
use crate::diagnostic::{Code, Finding, Location};
use crate::extract::{Extraction, MAX_CLAIMS_PER_LANGUAGE, read_article};
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

/// Where a claim is in the file as written (for Markdown, HTML and Word,
/// back through the part's origin).
fn location(article: &Article, c: &Claim) -> Location {
    let part = &article.parts[c.part];
    let at = part.place(c.line, c.column, c.end_column);
    Location {
        path: part.path.clone(),
        line: at.line,
        column: at.column,
        end_line: at.end_line,
        end_column: at.end_column,
        text: c.text.clone(),
        section: c.section.name(),
        lang: c.lang.code(),
        paragraph: at.paragraph,
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
    pub pairing: Pairing,
    pub findings: Vec<Finding>,
    /// What was left unchecked, as one-line notices ("more than 200,000
    /// figures in the Vietnamese part; …").
    pub notices: Vec<String>,
}

/// What a claim counts, from its context.
fn subject(contexts: &Contexts, claim: usize) -> Subject<'_> {
    let c = &contexts.of[claim];
    Subject {
        terms: contexts.subject(claim),
        other: c.subject_other,
        names_after: c.names_after as usize,
        pinned_on_name: c.pinned_on_name,
    }
}

/// The claims of the line a claim is on (claims are in file and line order).
fn line_of<'c>(claims: &'c [Claim], c: &Claim) -> &'c [Claim] {
    let key = |x: &Claim| (x.part, x.line);
    let lo = claims.partition_point(|x| key(x) < key(c));
    let hi = claims.partition_point(|x| key(x) <= key(c));
    &claims[lo..hi]
}

/// Check one article, keeping the intermediate results.
pub fn analyze(cat: &Catalogue, article: &Article, name: &str) -> Result<Analysis, CheckError> {
    if !article.has(|s| s == Section::Original) {
        return Err(CheckError::NoEnglish(name.to_string()));
    }
    if !article.has(|s| s != Section::Original) {
        return Err(CheckError::NoVietnamese(name.to_string()));
    }
    let mut builder = ContextBuilder::new(cat);
    let Extraction { claims, capped } = read_article(cat, article, &mut builder);
    let pairing = pair(article, &claims, builder.finish(claims.len()));
    let contexts = &pairing.contexts;
    let mut findings = Vec::new();
    for p in &pairing.pairs {
        let (vi, en) = (&claims[p.vi], &claims[p.en]);
        let point = if vi.range { en } else { vi };
        let verdict = judge(vi, en, p.related)
            .filter(|v| {
                !(v.code == Code::RangeChanged && split_range(vi, en, line_of(&claims, point)))
            })
            .or_else(|| {
                (p.related.relation >= Relation::Compatible)
                    .then(|| {
                        subject_change(
                            vi,
                            en,
                            subject(contexts, p.vi),
                            subject(contexts, p.en),
                            cat,
                        )
                    })
                    .flatten()
            });
        if let Some(v) = verdict {
            // Equal figures about different things: no figure to correct.
            let suggestion = (v.code != Code::SubjectChanged)
                .then(|| compare::suggest(cat, vi, en, &en.readings[p.related.en]))
                .flatten();
            findings.push(Finding {
                code: v.code,
                severity: v.severity,
                message: v.message,
                target: Some(location(article, vi)),
                source: Some(location(article, en)),
                suggestion,
            });
        }
    }
    let has_original = article.has(|s| s == Section::Original);
    for &v in &pairing.unpaired_vi {
        let c = &claims[v];
        let code = match c.section {
            Section::Summary | Section::Takeaway if !c.weak && !c.conversion => Code::Unsupported,
            Section::Translation if has_original && added_significant(c) => Code::Added,
            _ => continue,
        };
        findings.push(Finding {
            code,
            severity: code.severity(),
            message: compare::unsupported(c),
            target: Some(location(article, c)),
            source: None,
            suggestion: None,
        });
    }
    let has_translation = article.has(|s| s == Section::Translation);
    for &e in &pairing.unpaired_en {
        let c = &claims[e];
        if has_translation && significant(c) {
            findings.push(Finding {
                code: Code::Omitted,
                severity: Code::Omitted.severity(),
                message: compare::omitted(c),
                target: None,
                source: Some(location(article, c)),
                suggestion: None,
            });
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    let notices = capped
        .iter()
        .map(|lang| {
            format!(
                "more than {} figures in the {} part; the figures after them were not checked",
                crate::claim::human_num(MAX_CLAIMS_PER_LANGUAGE as f64),
                if *lang == crate::lang::Lang::En {
                    "English"
                } else {
                    "Vietnamese"
                }
            )
        })
        .collect();
    Ok(Analysis {
        claims,
        pairing,
        findings,
        notices,
    })
}
