//! What the evaluation reports: per corpus, false alarms, known errors caught,
//! and a tally per kind of rewrite against its threshold; as JSON or as a
//! table for a terminal.

use serde::Serialize;

/// The thresholds a corpus must meet beyond each change's own
/// (`raw::Change::threshold`): quietness on equivalents, and false alarms
/// (human translations only).
pub const MIN_QUIET: f64 = 0.99;
pub const MAX_FALSE_ALARMS_PER_100: f64 = 1.0;

/// One measured line: the text before and after.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    /// 1-based corpus line.
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// Counts for one kind of rewrite.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub kind: String,
    pub applied: usize,
    /// Perturbations caught, or equivalents that stayed quiet.
    pub passed: usize,
    pub rate: f64,
    pub threshold: f64,
    /// Up to 20 failures, to read.
    pub failures: Vec<Sample>,
}

/// A false alarm on the unchanged corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Alarm {
    pub line: usize,
    pub code: String,
    pub severity: String,
    pub message: String,
}

/// The evaluation of one corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusReport {
    pub corpus: String,
    pub sentence_pairs: usize,
    pub numeric_pairs: usize,
    pub false_alarms: Vec<Alarm>,
    pub false_alarms_per_100: f64,
    /// Known translation errors that the check flags / lists in the file.
    pub known_errors_caught: usize,
    pub known_errors: usize,
    pub perturbations: Vec<Tally>,
    pub equivalents: Vec<Tally>,
}

impl CorpusReport {
    /// Thresholds crossed, as one-line messages (false alarms count only for
    /// human translations, `human == true`).
    pub fn failures(&self, human: bool) -> Vec<String> {
        let mut out = Vec::new();
        for t in self.perturbations.iter().chain(&self.equivalents) {
            if t.applied > 0 && t.rate < t.threshold {
                out.push(format!(
                    "{}: {} {:.1}% < {:.0}%",
                    self.corpus,
                    t.kind,
                    100.0 * t.rate,
                    100.0 * t.threshold
                ));
            }
        }
        if human && self.false_alarms_per_100 > MAX_FALSE_ALARMS_PER_100 {
            out.push(format!(
                "{}: {:.2} false alarms per 100 numeric pairs > {}",
                self.corpus, self.false_alarms_per_100, MAX_FALSE_ALARMS_PER_100
            ));
        }
        out
    }
}

/// One block of the table: a header and a row per kind.
fn rows(out: &mut String, (title, passed, rate): (&str, &str, &str), tallies: &[Tally]) {
    out.push_str(&format!(
        "  {title:<34} {:>8} {passed:>8} {rate:>8}\n",
        "applied"
    ));
    for t in tallies {
        out.push_str(&format!(
            "  {:<34} {:>8} {:>8} {:>7.1}%\n",
            t.kind,
            t.applied,
            t.passed,
            100.0 * t.rate
        ));
    }
}

/// A table for a terminal.
pub fn table(reports: &[CorpusReport]) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&format!(
            "{}: {} sentence pairs, {} with figures on both sides\n",
            r.corpus, r.sentence_pairs, r.numeric_pairs
        ));
        out.push_str(&format!(
            "  false alarms: {} ({:.2} per 100 numeric pairs); known errors caught: {} of {}\n",
            r.false_alarms.len(),
            r.false_alarms_per_100,
            r.known_errors_caught,
            r.known_errors
        ));
        for a in &r.false_alarms {
            out.push_str(&format!(
                "    line {:>5} {} {}: {}\n",
                a.line,
                a.severity,
                a.code,
                factcheck::render::sanitize(&a.message)
            ));
        }
        rows(
            &mut out,
            ("perturbation (must be caught)", "caught", "recall"),
            &r.perturbations,
        );
        rows(
            &mut out,
            ("equivalent rewrite (must be quiet)", "quiet", "rate"),
            &r.equivalents,
        );
    }
    out
}
