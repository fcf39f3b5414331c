//! Every documented example of a finding code produces that code: the
//! documentation (README table, `factcheck explain`) cannot drift from the
//! behaviour.

use factcheck::catalogue::builtin;
use factcheck::check::check_article;
use factcheck::diagnostic::CODES;
use factcheck::input::Source;
use factcheck::segment::Article;

#[test]
fn each_documented_example_gives_its_code() {
    // A stale suppression needs a configuration; tests/cli_config.rs covers it.
    for doc in CODES.iter().filter(|d| d.name != "stale-suppression") {
        // A parenthesised side stands for "no figure here".
        let vi = if doc.bad_vi.starts_with('(') {
            "Lưu lượng dữ liệu tăng mạnh."
        } else {
            doc.bad_vi
        };
        let en = if doc.bad_en.starts_with('(') {
            "The project will create new jobs in the region."
        } else {
            doc.bad_en
        };
        let summary = matches!(
            doc.name,
            "unsupported" | "subject-changed" | "range-changed"
        );
        let text = if summary {
            format!(
                "- {vi}\nhttps://example.com/a\nBài viết về thị trường và doanh nghiệp.\n{en}\n"
            )
        } else {
            format!("{vi}\n{en}\n")
        };
        let article = Article::from_layout(
            factcheck::catalogue::builtin(),
            &Source {
                name: "doc.txt".into(),
                text,
            },
        );
        let findings = check_article(builtin(), &article, "doc.txt").unwrap();
        assert!(
            findings
                .iter()
                .any(|f| f.code.name() == doc.name && f.severity == doc.severity),
            "{}: {en:?} / {vi:?} gave {:?}",
            doc.name,
            findings
                .iter()
                .map(|f| (f.code.name(), f.severity.name()))
                .collect::<Vec<_>>()
        );
    }
}
