//! Evaluation on real translations: `factcheck eval CORPUS_DIR…`.
//!
//! Owns turning a line-aligned parallel corpus (`en.txt`, `vi.txt`) into
//! articles in the seed layout (groups of consecutive sentence pairs), and
//! three measurements made with the real check:
//! - false alarms: warnings and errors on the unchanged corpus, per 100
//!   sentence pairs that carry figures on both sides, leaving out the lines of
//!   a known-errors file (genuine translation errors, which the tool should
//!   catch);
//! - recall on perturbations applied to one Vietnamese claim at a time
//!   (FactCC-style): changed value, swapped scale word, swapped currency,
//!   decimal-separator damage, dropped qualifier, range collapsed to a point;
//! - quietness on equivalent rewrites: % ↔ phần trăm, 6.000 ↔ 6 nghìn,
//!   USD ↔ đô la Mỹ, digits ↔ number words, "$6 million" ↔ "6 million dollars".
//!
//! Everything is deterministic: candidates are taken in corpus order and the
//! few random choices come from a seeded generator.

mod corpus;
mod report;
mod rewrite;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use factcheck::catalogue::Catalogue;
use factcheck::check::{Analysis, analyze};
use factcheck::claim::Section;
use factcheck::diagnostic::Severity;

pub use corpus::{Corpus, load_corpus, load_known_errors};
use corpus::{build, corpus_line, groups};
use report::{Alarm, MIN_QUIET, Sample, Tally};
pub use report::{CorpusReport, table};
use rewrite::{
    EQUIVALENTS, Equivalent, PERTURBATIONS, Perturbation, Rng, Words, perturb, rewrite_en_dollars,
    rewrite_vi,
};

/// The corpus lines (0-based) a finding at warning or above touches.
fn strong_lines(a: &Analysis, group: &[usize]) -> BTreeSet<usize> {
    a.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .flat_map(|f| [&f.target, &f.source])
        .flatten()
        .filter_map(|l| corpus_line(group, l.line))
        .collect()
}

/// Evaluate one corpus.
pub fn evaluate(
    cat: &Catalogue,
    corpus: &Corpus,
    group_size: usize,
    seed: u64,
    known: &BTreeMap<usize, String>,
) -> CorpusReport {
    let groups = groups(corpus, group_size);
    let baseline: Vec<Option<Analysis>> = groups
        .par_iter()
        .map(|g| analyze(cat, &build(corpus, g, None, None), "eval").ok())
        .collect();
    let quiet = false_alarms(&groups, &baseline, known);
    let words = Words::new(cat);
    let jobs = jobs(&words, corpus, &groups, &baseline, known, seed);
    let outcomes: Vec<bool> = jobs
        .par_iter()
        .map(|j| {
            let g = &groups[j.group];
            let article = if j.english {
                build(corpus, g, None, Some((j.line, &j.after)))
            } else {
                build(corpus, g, Some((j.line, &j.after)), None)
            };
            let loud = analyze(cat, &article, "eval")
                .map(|a| strong_lines(&a, g).contains(&j.line))
                .unwrap_or(false);
            // A perturbation passes when caught; an equivalent when quiet.
            loud == j.perturbation.is_some()
        })
        .collect();
    let perturbations = PERTURBATIONS
        .iter()
        .map(|&k| {
            tally(&jobs, &outcomes, k.name(), k.threshold(), &|j: &Job| {
                j.perturbation == Some(k)
            })
        })
        .collect();
    let equivalents = EQUIVALENTS
        .iter()
        .map(|&k| {
            tally(&jobs, &outcomes, k.name(), MIN_QUIET, &|j: &Job| {
                j.equivalent == Some(k)
            })
        })
        .collect();
    CorpusReport {
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
    }
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

/// Perturbations and equivalents, one claim (or line) at a time, on lines
/// the check leaves quiet and no known error touches.
fn jobs(
    words: &Words,
    corpus: &Corpus,
    groups: &[Vec<usize>],
    baseline: &[Option<Analysis>],
    known: &BTreeMap<usize, String>,
    seed: u64,
) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    let mut rng = Rng(seed);
    for (gi, (g, a)) in groups.iter().zip(baseline).enumerate() {
        let Some(a) = a else { continue };
        let loud = strong_lines(a, g);
        for p in &a.pairing.pairs {
            let (vi, en) = (&a.claims[p.vi], &a.claims[p.en]);
            if vi.section != Section::Translation {
                continue;
            }
            let Some(line) = corpus_line(g, vi.line) else {
                continue;
            };
            if loud.contains(&line) || known.contains_key(&(line + 1)) {
                continue;
            }
            let text = &corpus.vi[line];
            for kind in PERTURBATIONS {
                if let Some(after) = perturb(words, kind, vi, en, text, &mut rng) {
                    jobs.push(Job::perturbation(gi, line, kind, text, after));
                }
            }
            for kind in [
                Equivalent::PercentWord,
                Equivalent::ThousandWord,
                Equivalent::CurrencyWord,
                Equivalent::DigitsToWords,
            ] {
                if let Some(after) = rewrite_vi(words, kind, vi, text) {
                    jobs.push(Job::equivalent(gi, line, kind, text, after, false));
                }
            }
            if let Some(after) = rewrite_en_dollars(words, &corpus.en[line]) {
                jobs.push(Job::equivalent(
                    gi,
                    line,
                    Equivalent::EnglishDollarWords,
                    &corpus.en[line],
                    after,
                    true,
                ));
            }
        }
    }
    jobs.dedup_by(|a, b| {
        a.group == b.group && a.line == b.line && a.kind == b.kind && a.after == b.after
    });
    jobs
}

/// The tally of the jobs `pick` selects.
fn tally(
    jobs: &[Job],
    outcomes: &[bool],
    kind: &str,
    threshold: f64,
    pick: &dyn Fn(&Job) -> bool,
) -> Tally {
    let mine: Vec<(&Job, bool)> = jobs
        .iter()
        .zip(outcomes)
        .filter(|(j, _)| pick(j))
        .map(|(j, &o)| (j, o))
        .collect();
    let applied = mine.len();
    let passed = mine.iter().filter(|(_, o)| *o).count();
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
            .filter(|(_, o)| !o)
            .take(20)
            .map(|(j, _)| Sample {
                line: j.line + 1,
                before: j.before.clone(),
                after: j.after.clone(),
            })
            .collect(),
    }
}

/// One rewritten line to check.
#[derive(Debug, Clone, PartialEq)]
struct Job {
    group: usize,
    /// 0-based corpus line.
    line: usize,
    kind: String,
    perturbation: Option<Perturbation>,
    equivalent: Option<Equivalent>,
    english: bool,
    before: String,
    after: String,
}

impl Job {
    fn perturbation(
        group: usize,
        line: usize,
        p: Perturbation,
        before: &str,
        after: String,
    ) -> Job {
        Job {
            group,
            line,
            kind: p.name().to_string(),
            perturbation: Some(p),
            equivalent: None,
            english: false,
            before: before.to_string(),
            after,
        }
    }
    fn equivalent(
        group: usize,
        line: usize,
        e: Equivalent,
        before: &str,
        after: String,
        english: bool,
    ) -> Job {
        Job {
            group,
            line,
            kind: e.name().to_string(),
            perturbation: None,
            equivalent: Some(e),
            english,
            before: before.to_string(),
            after,
        }
    }
}
