//! Acceptance tests of the check on whole articles: the seed (read from
//! ../shared, skipped with a message where absent) and the project's own
//! fixtures, each against its expectation file; the demo article in each
//! input format (text, Markdown, HTML, Word) by the same test.

use crate::common;

use common::{check_json, docx_paragraphs, load_expected, repo, score, score_lines};

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

/// The acceptance test of the demo article, in any of its formats: every
/// `must_flag` and `should_flag` caught, nothing else above info, at the
/// places its expectation file names in the file as written.
fn demo_meets_expectations(article: &str, expected: &str, lines: &[&str]) {
    let article = repo(article);
    let expected = load_expected(&repo(expected));
    let (code, findings) = check_json(&article);
    let s = score_lines(lines, &expected, &findings, false);
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
    assert_eq!(code, 1);
}

fn file_lines(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap()
}

#[test]
fn demo_article_meets_its_expectations() {
    let text = file_lines("examples/vietnam-ev-battery.txt");
    let lines: Vec<&str> = text.split('\n').collect();
    demo_meets_expectations(
        "examples/vietnam-ev-battery.txt",
        "examples/vietnam-ev-battery.expected.yaml",
        &lines,
    );
}

#[test]
fn demo_article_in_markdown_meets_its_expectations() {
    let text = file_lines("examples/vietnam-ev-battery.md");
    let lines: Vec<&str> = text.split('\n').collect();
    demo_meets_expectations(
        "examples/vietnam-ev-battery.md",
        "examples/vietnam-ev-battery.md.expected.yaml",
        &lines,
    );
}

#[test]
fn demo_article_in_html_meets_its_expectations() {
    let text = file_lines("examples/vietnam-ev-battery.html");
    let lines: Vec<&str> = text.split('\n').collect();
    demo_meets_expectations(
        "examples/vietnam-ev-battery.html",
        "examples/vietnam-ev-battery.html.expected.yaml",
        &lines,
    );
}

#[test]
fn demo_article_in_word_meets_its_expectations() {
    let paragraphs = docx_paragraphs(&repo("examples/vietnam-ev-battery.docx"));
    let lines: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    demo_meets_expectations(
        "examples/vietnam-ev-battery.docx",
        "examples/vietnam-ev-battery.docx.expected.yaml",
        &lines,
    );
}
