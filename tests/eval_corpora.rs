//! The standing measurement on real translations (issue 5): on the two TED
//! sets with human translations, recall on every error perturbation ≥ 95%,
//! on dropped qualifiers ≥ 90%, quiet on equivalent rewrites ≥ 99%, and at
//! most one false alarm per 100 sentence pairs with figures on both sides.
//! Reads ../shared/corpora; skipped with a message where it is absent.

mod common;

use factcheck::catalogue::builtin;
use factcheck::eval::{evaluate, known_errors_path, load_corpus, load_known_errors};

fn measure(name: &str, human: bool) {
    let Some(shared) = common::shared_dir() else {
        common::skip("eval_corpora", "../shared is absent");
        return;
    };
    let corpus = load_corpus(&shared.join("corpora").join(name)).unwrap();
    let known = load_known_errors(&known_errors_path(&common::repo("."), name)).unwrap();
    let report = evaluate(builtin(), &corpus, 8, 42, &known);
    let failures = report.failures(human);
    assert!(
        failures.is_empty(),
        "{failures:#?}\nfalse alarms: {:#?}",
        report.false_alarms
    );
    assert!(
        report.numeric_pairs >= 150,
        "{} numeric pairs",
        report.numeric_pairs
    );
    assert_eq!(
        report.known_errors_caught, report.known_errors,
        "every known error is caught"
    );
    // Every kind of perturbation was actually tried.
    for t in &report.perturbations {
        assert!(t.applied >= 1, "{} never applied", t.kind);
    }
}

#[test]
fn ted_tst2012_meets_the_thresholds() {
    measure("ted-tst2012", true);
}

#[test]
fn ted_tst2013_meets_the_thresholds() {
    measure("ted-tst2013", true);
}
