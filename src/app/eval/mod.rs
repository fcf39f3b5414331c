//! Evaluation on real translations: `factcheck eval CORPUS_DIR…`.
//!
//! Owns turning a line-aligned parallel corpus (`en.txt`, `vi.txt`) into
//! articles in the seed layout (groups of consecutive sentence pairs), and
//! three measurements made with the real check:
//! - false alarms: warnings and errors on the unchanged corpus, per 100
//!   sentence pairs that carry figures on both sides, leaving out the lines of
//!   a known-errors file (genuine translation errors, which the tool should
//!   catch);
//! - recall on changes made to the raw Vietnamese text with plain patterns
//!   (`raw.rs`), independently of what the extractor finds: a digit ±1, an
//!   hour ±1, a score, a scale word, a currency, a hedge dropped or flipped;
//! - quietness on equivalent rewrites of the raw text: % → phần trăm,
//!   6.000 → 6 nghìn, 1.600 → 1600, USD ↔ đô la Mỹ, 2 → hai, English
//!   "$6 million" → "6 million dollars".
//!
//! A case is caught when the changed line gets a warning or an error of a
//! code it did not have before; an equivalent is quiet when it gets none.
//! Every line of the corpus is a candidate, whatever the check said of it,
//! so the cases are the same for any tool (`--cases` writes them, for
//! `eval/pofilter_column.py`). Everything is deterministic: lines are taken
//! in corpus order and the sites and values come from a seeded generator.

#[cfg(test)]
mod claim_level;
mod corpus;
mod raw;
mod report;
mod rewrite;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use factcheck::catalogue::Catalogue;
use factcheck::check::{Analysis, analyze};
use factcheck::claim::Section;
use factcheck::diagnostic::{Code, Severity};

pub use corpus::{Corpus, load_corpus, load_known_errors, parse_known_errors};
use corpus::{build, corpus_line, groups};
use raw::{CHANGES, Change, Patterns, SAMES, Same};
use report::{Alarm, MIN_QUIET, Sample, Tally};
pub use report::{CorpusReport, table};
use rewrite::Rng;

/// The corpus lines (0-based) a finding at warning or above touches.
#[cfg_attr(not(test), allow(dead_code))]
fn strong_lines(a: &Analysis, group: &[usize]) -> BTreeSet<usize> {
    a.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .flat_map(|f| [&f.target, &f.source])
        .flatten()
        .filter_map(|l| corpus_line(group, l.line))
        .collect()
}

/// The codes of the findings at warning or above that touch corpus line
/// `line`, with how many of each.
fn complaints(a: Option<&Analysis>, group: &[usize], line: usize) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for f in a.into_iter().flat_map(|a| &a.findings) {
        let touches = [&f.target, &f.source]
            .into_iter()
            .flatten()
            .any(|l| corpus_line(group, l.line) == Some(line));
        if f.severity >= Severity::Warning && touches {
            *out.entry(f.code.name()).or_default() += 1;
        }
    }
    out
}

/// True when `after` has a code more often than `before`.
fn new_complaint(before: &BTreeMap<&str, usize>, after: &BTreeMap<&str, usize>) -> bool {
    after
        .iter()
        .any(|(code, n)| before.get(code).copied().unwrap_or(0) < *n)
}

/// One measured case: a sentence pair with one side rewritten.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub corpus: String,
    /// 1-based corpus line.
    pub line: usize,
    pub kind: String,
    /// "caught" for a change, "quiet" for an equivalent.
    pub expect: &'static str,
    /// Which side was rewritten: "vi" or "en".
    pub side: &'static str,
    pub en: String,
    pub vi: String,
    pub after: String,
    /// Whether factcheck did what `expect` says.
    pub factcheck: bool,
    #[serde(skip)]
    group: usize,
    #[serde(skip)]
    change: Option<Change>,
    #[serde(skip)]
    same: Option<Same>,
}

/// The check of one article, with the severities `--severity` sets.
fn check(
    cat: &Catalogue,
    article: &factcheck::segment::Article,
    severities: &[(Code, Severity)],
) -> Option<Analysis> {
    let mut a = analyze(cat, article, "eval").ok()?;
    for f in &mut a.findings {
        if let Some(&(_, s)) = severities.iter().find(|(c, _)| *c == f.code) {
            f.severity = s;
        }
    }
    Some(a)
}

/// Evaluate one corpus; also returns every case, for `--cases`.
pub fn evaluate(
    cat: &Catalogue,
    corpus: &Corpus,
    group_size: usize,
    seed: u64,
    known: &BTreeMap<usize, String>,
    severities: &[(Code, Severity)],
) -> (CorpusReport, Vec<Case>) {
    let groups = groups(corpus, group_size);
    let baseline: Vec<Option<Analysis>> = groups
        .par_iter()
        .map(|g| check(cat, &build(corpus, g, None, None), severities))
        .collect();
    let quiet = false_alarms(&groups, &baseline, known);
    let mut cases = cases(&Patterns::new(cat), corpus, &groups, seed);
    let outcomes: Vec<bool> = cases
        .par_iter()
        .map(|c| {
            let g = &groups[c.group];
            let line = c.line - 1;
            let article = if c.side == "en" {
                build(corpus, g, None, Some((line, &c.after)))
            } else {
                build(corpus, g, Some((line, &c.after)), None)
            };
            let after = check(cat, &article, severities);
            let before = complaints(baseline[c.group].as_ref(), g, line);
            let loud = new_complaint(&before, &complaints(after.as_ref(), g, line));
            loud == c.change.is_some()
        })
        .collect();
    for (c, o) in cases.iter_mut().zip(outcomes) {
        c.factcheck = o;
    }
    let perturbations = CHANGES
        .iter()
        .map(|&k| {
            tally(&cases, k.name(), k.threshold(), &|c: &Case| {
                c.change == Some(k)
            })
        })
        .collect();
    let equivalents = SAMES
        .iter()
        .map(|&k| tally(&cases, k.name(), MIN_QUIET, &|c: &Case| c.same == Some(k)))
        .collect();
    let report = CorpusReport {
        corpus: corpus.name.clone(),
        sentence_pairs: groups.iter().map(Vec::len).sum(),
        numeric_pairs: quiet.numeric_pairs,
        false_alarms_per_100: if quiet.numeric_pairs == 0 {
            0.0
        } else {
            100.0 * quiet.alarms.len() as f64 / quiet.numeric_pairs as f64
        },
        false_alarms: quiet.alarms,
        known_errors_caught: quiet.caught.len(),
        known_errors: known.len(),
        perturbations,
        equivalents,
    };
    (report, cases)
}

/// Every case of the corpus: for each sentence pair, one site per kind of
/// change and of equivalent, where the line has one.
fn cases(p: &Patterns, corpus: &Corpus, groups: &[Vec<usize>], seed: u64) -> Vec<Case> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for &line in g {
            let (en, vi) = (&corpus.en[line], &corpus.vi[line]);
            let case = |kind: &str, expect, side, after: String| Case {
                corpus: corpus.name.clone(),
                line: line + 1,
                kind: kind.to_string(),
                expect,
                side,
                en: en.clone(),
                vi: vi.clone(),
                after,
                factcheck: false,
                group: gi,
                change: None,
                same: None,
            };
            for k in CHANGES {
                if let Some(after) = raw::change(p, k, vi, en, &mut rng).filter(|a| a != vi) {
                    out.push(Case {
                        change: Some(k),
                        ..case(k.name(), "caught", "vi", after)
                    });
                }
            }
            for k in SAMES {
                let side = if k == Same::EnglishDollarWords {
                    "en"
                } else {
                    "vi"
                };
                let original = if side == "en" { en } else { vi };
                if let Some(after) = raw::same(p, k, vi, en, &mut rng).filter(|a| a != original) {
                    out.push(Case {
                        same: Some(k),
                        ..case(k.name(), "quiet", side, after)
                    });
                }
            }
        }
    }
    out
}

/// The unchanged corpus: sentence pairs with figures on both sides, false
/// alarms, and the known errors caught.
struct Baseline {
    numeric_pairs: usize,
    alarms: Vec<Alarm>,
    caught: BTreeSet<usize>,
}

fn false_alarms(
    groups: &[Vec<usize>],
    baseline: &[Option<Analysis>],
    known: &BTreeMap<usize, String>,
) -> Baseline {
    let mut out = Baseline {
        numeric_pairs: 0,
        alarms: Vec::new(),
        caught: BTreeSet::new(),
    };
    for (g, a) in groups.iter().zip(baseline) {
        let Some(a) = a else { continue };
        let lines_with = |original: bool| -> BTreeSet<usize> {
            a.claims
                .iter()
                .filter(|c| (c.section == Section::Original) == original)
                .filter_map(|c| corpus_line(g, c.line))
                .collect()
        };
        let (vi, en) = (lines_with(false), lines_with(true));
        out.numeric_pairs += vi.intersection(&en).count();
        for f in a
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
        {
            let lines: Vec<usize> = [&f.target, &f.source]
                .into_iter()
                .flatten()
                .filter_map(|l| corpus_line(g, l.line))
                .collect();
            let Some(&line) = lines.first() else { continue };
            if let Some(k) = lines.iter().find(|l| known.contains_key(&(*l + 1))) {
                out.caught.insert(k + 1);
                continue;
            }
            out.alarms.push(Alarm {
                line: line + 1,
                code: f.code.name().to_string(),
                severity: f.severity.name().to_string(),
                message: f.message.clone(),
            });
        }
    }
    out
}

/// The tally of the cases `pick` selects.
fn tally(cases: &[Case], kind: &str, threshold: f64, pick: &dyn Fn(&Case) -> bool) -> Tally {
    let mine: Vec<&Case> = cases.iter().filter(|c| pick(c)).collect();
    let applied = mine.len();
    let passed = mine.iter().filter(|c| c.factcheck).count();
    Tally {
        kind: kind.to_string(),
        applied,
        passed,
        rate: if applied == 0 {
            1.0
        } else {
            passed as f64 / applied as f64
        },
        threshold,
        failures: mine
            .iter()
            .filter(|c| !c.factcheck)
            .take(20)
            .map(|c| Sample {
                line: c.line,
                before: if c.side == "en" {
                    c.en.clone()
                } else {
                    c.vi.clone()
                },
                after: c.after.clone(),
            })
            .collect(),
    }
}
