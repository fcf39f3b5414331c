//! The standing measurement on real translations (issue 5): on the two TED
//! sets with human translations, recall on every error perturbation ≥ 95%,
//! on dropped qualifiers ≥ 90%, quiet on equivalent rewrites ≥ 99%, and at
//! most one false alarm per 100 sentence pairs with figures on both sides.
//! Runs `factcheck eval --check`; reads ../shared/corpora, skipped with a
//! message where it is absent.

use crate::common;

use assert_cmd::Command;

fn measure(name: &str) {
    let Some(shared) = common::shared_dir() else {
        common::skip("eval_corpora", "../shared is absent");
        return;
    };
    let out = Command::cargo_bin("factcheck")
        .unwrap()
        .args(["eval", "--check", "--format", "json", "--known-errors"])
        .arg(common::repo("eval/known-errors"))
        .arg(shared.join("corpora").join(name))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let report = &doc[0];
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stderr}\nfalse alarms: {:#}",
        report["false_alarms"]
    );
    assert!(
        report["numeric_pairs"].as_u64().unwrap() >= 150,
        "{} numeric pairs",
        report["numeric_pairs"]
    );
    assert_eq!(
        report["known_errors_caught"], report["known_errors"],
        "every known error is caught"
    );
    // Every kind of perturbation was actually tried.
    for t in report["perturbations"].as_array().unwrap() {
        assert!(
            t["applied"].as_u64().unwrap() >= 1,
            "{} never applied",
            t["kind"]
        );
    }
}

#[test]
fn ted_tst2012_meets_the_thresholds() {
    measure("ted-tst2012");
}

#[test]
fn ted_tst2013_meets_the_thresholds() {
    measure("ted-tst2013");
}
