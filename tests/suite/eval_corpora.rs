//! The standing measurement on real translations: `factcheck eval` on the two
//! TED sets with human translations. At most one false alarm per 100 sentence
//! pairs with figures on both sides, every known translation error caught
//! (those the file marks as reported as `added`, with it raised to warning),
//! and no kind of change or equivalent doing worse than the floor recorded
//! below. The floors are the measured rates (raised 2026-12-02, session 7, issue 9),
//! not the targets: `factcheck eval --check` holds the
//! targets (issue 9), and each floor is raised as the work that lifts it
//! lands. Reads ../shared/corpora, skipped with a message where it is absent.

use crate::common;

use assert_cmd::Command;

/// (kind, lowest acceptable rate) per corpus; kinds with fewer than 5 cases
/// there are not held (one case is no measurement).
const FLOORS_2012: &[(&str, f64)] = &[
    ("one digit ±1 (19 → 18)", 0.79),
    ("scale word (triệu ↔ tỷ)", 0.88),
    ("bounding hedge dropped", 1.0),
    ("approximation dropped", 0.90),
    ("hedge flipped (hơn ↔ gần)", 1.0),
    ("% → phần trăm", 1.0),
    ("2 → hai", 1.0),
];
const FLOORS_2013: &[(&str, f64)] = &[
    ("one digit ±1 (19 → 18)", 0.81),
    ("scale word (triệu ↔ tỷ)", 0.93),
    ("bounding hedge dropped", 0.92),
    ("hedge flipped (hơn ↔ gần)", 0.96),
    ("currency (USD ↔ euro)", 1.0),
    ("6.000 → 6 nghìn", 1.0),
    ("USD ↔ đô la Mỹ", 1.0),
    ("2 → hai", 1.0),
];

fn measure(name: &str, floors: &[(&str, f64)]) {
    let Some(shared) = common::shared_dir() else {
        common::skip("eval_corpora", "../shared is absent");
        return;
    };
    let eval = |extra: &[&str]| -> serde_json::Value {
        let out = Command::cargo_bin("factcheck")
            .unwrap()
            .args(["eval", "--format", "json", "--known-errors"])
            .arg(common::repo("eval/known-errors"))
            .args(extra)
            .arg(shared.join("corpora").join(name))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        doc[0].clone()
    };
    let report = &eval(&[]);
    let raised = &eval(&["--severity", "added=warning"]);
    assert!(
        report["numeric_pairs"].as_u64().unwrap() >= 150,
        "{} numeric pairs",
        report["numeric_pairs"]
    );
    assert!(
        report["false_alarms_per_100"].as_f64().unwrap() <= 1.0,
        "false alarms: {:#}",
        report["false_alarms"]
    );
    // Known errors the translator made by adding a figure are reported as
    // `added`, an info unless raised; their reasons say so.
    let listed = std::fs::read_to_string(common::repo(&format!("eval/known-errors/{name}.tsv")))
        .expect("known-errors file");
    let as_added = listed
        .lines()
        .filter(|l| l.ends_with("(reported as `added`)"))
        .count() as u64;
    let known = report["known_errors"].as_u64().unwrap();
    assert_eq!(
        report["known_errors_caught"].as_u64().unwrap(),
        known - as_added,
        "every known error is caught at default severity, but those reported as `added`"
    );
    assert_eq!(
        raised["known_errors_caught"], raised["known_errors"],
        "every known error is caught with `added` raised to warning"
    );
    let tallies: Vec<&serde_json::Value> = report["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["equivalents"].as_array().unwrap())
        .collect();
    for (kind, floor) in floors {
        let t = tallies
            .iter()
            .find(|t| t["kind"] == *kind)
            .unwrap_or_else(|| panic!("{name}: no tally for {kind}"));
        let applied = t["applied"].as_u64().unwrap();
        assert!(applied >= 5, "{name}: {kind}: only {applied} cases");
        let rate = t["rate"].as_f64().unwrap();
        assert!(
            rate >= *floor,
            "{name}: {kind}: {:.1}% < floor {:.0}%; misses: {:#}",
            100.0 * rate,
            100.0 * floor,
            t["failures"]
        );
    }
}

#[test]
fn ted_tst2012_holds_its_floors() {
    measure("ted-tst2012", FLOORS_2012);
}

#[test]
fn ted_tst2013_holds_its_floors() {
    measure("ted-tst2013", FLOORS_2013);
}
