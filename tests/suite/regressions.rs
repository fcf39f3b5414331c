//! One-line regression fixtures (tests/fixtures/regressions.tsv): each class
//! of bug found on the corpora, in our own words, with what the check must
//! say: nothing at warning or above, or one specific code.

use factcheck::catalogue::builtin;
use factcheck::check::check_article;
use factcheck::diagnostic::Severity;
use factcheck::input::Source;
use factcheck::segment::Article;

#[test]
fn every_regression_fixture_holds() {
    let table = include_str!("../fixtures/regressions.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [class, en, vi, expect] = cols[..] else {
            panic!("bad fixture line: {line:?}");
        };
        count += 1;
        let original = Source {
            name: "en".into(),
            text: en.into(),
        };
        let translation = Source {
            name: "vi".into(),
            text: vi.into(),
        };
        let article = Article::from_files(&original, &translation, None);
        let findings = check_article(builtin(), &article, class).unwrap();
        let strong: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.code.name())
            .collect();
        let ok = if expect == "quiet" {
            strong.is_empty()
        } else {
            strong.contains(&expect)
        };
        if !ok {
            failures.push(format!("{class}: expected {expect}, got {strong:?}"));
        }
    }
    assert!(count >= 40, "{count} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
