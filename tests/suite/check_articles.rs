//! Acceptance tests of the check on whole articles: the seed (read from
//! ../shared, skipped with a message where absent) and the project's own
//! fixtures, each against its expectation file.

use crate::common;

use common::{check_json, load_expected, repo, score};

#[test]
fn seed_article_meets_its_expectations() {
    let Some(shared) = common::shared_dir() else {
        common::skip("check_articles::seed", "../shared is absent");
        return;
    };
    let article = shared.join("seed/china-ai-race.txt");
    let expected = load_expected(&shared.join("seed/expected.yaml"));
    let (code, findings) = check_json(&article);
    let s = score(&article, &expected, &findings, false);
    assert!(s.must_missed.is_empty(), "missed: {:#?}", s.must_missed);
    assert!(
        s.false_alarms.is_empty(),
        "false alarms: {:#?}",
        s.false_alarms
    );
    assert!(
        s.loud_notes.is_empty(),
        "may_note above info: {:#?}",
        s.loud_notes
    );
    assert_eq!(
        s.should_hit,
        expected.should_flag.len(),
        "should_flag caught"
    );
    assert_eq!(code, 1);
}

#[test]
fn every_code_fixture_gives_each_code_once() {
    let article = repo("tests/fixtures/every-code.txt");
    let expected = load_expected(&repo("tests/fixtures/every-code.expected.yaml"));
    let (code, findings) = check_json(&article);
    let s = score(&article, &expected, &findings, true);
    assert!(s.must_missed.is_empty(), "missed: {:#?}", s.must_missed);
    assert!(s.wrong_code.is_empty(), "wrong codes: {:#?}", s.wrong_code);
    assert!(
        s.false_alarms.is_empty(),
        "false alarms: {:#?}",
        s.false_alarms
    );
    assert!(
        s.loud_notes.is_empty(),
        "may_note above info: {:#?}",
        s.loud_notes
    );
    // The info codes are there too.
    for info in ["hedge-added", "rounded"] {
        assert!(
            findings
                .iter()
                .any(|f| f.code == info && f.severity == "info"),
            "{info}"
        );
    }
    assert_eq!(code, 1);
}

#[test]
fn clean_fixture_is_quiet() {
    let article = repo("tests/fixtures/clean-equivalents.txt");
    let expected = load_expected(&repo("tests/fixtures/clean-equivalents.expected.yaml"));
    let (code, findings) = check_json(&article);
    let s = score(&article, &expected, &findings, false);
    assert!(
        s.false_alarms.is_empty(),
        "false alarms: {:#?}",
        s.false_alarms
    );
    assert_eq!(code, 0, "{findings:#?}");
}

#[test]
fn demo_article_meets_its_expectations() {
    let article = repo("examples/vietnam-ev-battery.txt");
    let expected = load_expected(&repo("examples/vietnam-ev-battery.expected.yaml"));
    let (_, findings) = check_json(&article);
    let s = score(&article, &expected, &findings, false);
    assert!(s.must_missed.is_empty(), "missed: {:#?}", s.must_missed);
    assert!(
        s.false_alarms.is_empty(),
        "false alarms: {:#?}",
        s.false_alarms
    );
    assert!(
        s.loud_notes.is_empty(),
        "may_note above info: {:#?}",
        s.loud_notes
    );
    assert_eq!(s.should_hit, expected.should_flag.len());
}
