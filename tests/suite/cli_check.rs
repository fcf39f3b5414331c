//! `factcheck FILE…` driven through the real binary: formats, exit codes,
//! several files, unreadable and one-language inputs.

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn small() -> std::path::PathBuf {
    common::repo("tests/fixtures/small.txt")
}

#[test]
fn human_report_snapshot() {
    let out = factcheck()
        .current_dir(common::repo("."))
        .arg("tests/fixtures/small.txt")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "no colour when NO_COLOR is set or not on a terminal"
    );
    insta::assert_snapshot!("small_human", text);
}

#[test]
fn json_report_follows_the_contract() {
    let out = factcheck()
        .arg("--format")
        .arg("json")
        .arg(small())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["version"], 1);
    let file = &doc["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with("small.txt"));
    assert!(file["error"].is_null());
    let findings = file["findings"].as_array().unwrap();
    let by_code = |c: &str| {
        findings
            .iter()
            .find(|f| f["code"] == c)
            .unwrap_or_else(|| panic!("no {c}: {findings:#?}"))
    };
    let dropped = by_code("hedge-dropped");
    assert_eq!(dropped["severity"], "warning");
    assert_eq!(dropped["target"]["section"], "summary");
    assert_eq!(dropped["target"]["lang"], "vi");
    assert_eq!(dropped["target"]["text"], "25%");
    assert_eq!(dropped["target"]["line"], 1);
    assert_eq!(dropped["target"]["column"], 29);
    assert_eq!(dropped["target"]["end_column"], 32);
    assert_eq!(dropped["source"]["text"], "almost one-quarter");
    assert_eq!(dropped["source"]["section"], "original");
    assert_eq!(dropped["source"]["lang"], "en");
    assert_eq!(dropped["source"]["line"], 8);
    assert!(
        dropped["message"]
            .as_str()
            .unwrap()
            .contains("almost one-quarter")
    );
    let mismatch = by_code("value-mismatch");
    assert_eq!(mismatch["severity"], "error");
    assert_eq!(mismatch["target"]["text"], "25 triệu USD");
    assert_eq!(mismatch["source"]["text"], "$35 million");
    let omitted = by_code("omitted");
    assert!(omitted["target"].is_null());
    assert_eq!(omitted["source"]["text"], "27%");
    let added = by_code("hedge-added");
    assert_eq!(added["severity"], "info");
    assert_eq!(added["target"]["section"], "summary");
    let totals = &doc["totals"];
    assert_eq!(totals["files"], 1);
    let count = |s: &str| findings.iter().filter(|f| f["severity"] == s).count() as u64;
    assert_eq!(totals["error"], count("error"));
    assert_eq!(totals["warning"], count("warning"));
    assert_eq!(totals["info"], count("info"));
    assert!(count("error") >= 1 && count("warning") >= 1 && count("info") >= 1);
}

/// The JSON report of an article given on standard input, checked to exit
/// with `code`.
fn json_of_stdin(article: &str, code: i32) -> Value {
    let out = factcheck()
        .args(["--format", "json", "-"])
        .write_stdin(article)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn unsupported_has_no_source() {
    let article = "- Dự án tạo ra 5.000 việc làm\nDoanh thu tăng mạnh trong năm nay.\nRevenue rose sharply this year.\n";
    let doc = json_of_stdin(article, 1);
    let f = &doc["files"][0]["findings"][0];
    assert_eq!(f["code"], "unsupported");
    assert!(f["source"].is_null());
    assert_eq!(f["target"]["text"], "5.000");
}

#[test]
fn a_figure_the_translation_adds_is_info() {
    // "2 thí nghiệm" for "a little experiment": a figure in digits that
    // nothing in the original accounts for; the "1" beside it, the English
    // article, is not reported.
    let article = "Chúng tôi làm 2 thí nghiệm nhỏ với 1 chai mứt.\nWe did a little experiment with a jar of jam.\n";
    let doc = json_of_stdin(article, 0);
    let findings = doc["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "added");
    assert_eq!(findings[0]["severity"], "info");
    assert_eq!(findings[0]["target"]["text"], "2");
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = common::repo("tests/fixtures/clean-equivalents.txt");
    factcheck()
        .arg(&clean)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
    factcheck().arg(small()).assert().code(1);
    factcheck()
        .args(["--fail-on", "error"])
        .arg(small())
        .assert()
        .code(1);
    factcheck()
        .args(["--fail-on", "never"])
        .arg(small())
        .assert()
        .code(0);
    // Only info findings: fail on info, not on warning.
    factcheck()
        .args(["--fail-on", "info"])
        .arg(&clean)
        .assert()
        .code(1);
    factcheck()
        .args(["--fail-on", "warning"])
        .arg(&clean)
        .assert()
        .code(0);
    // Only warnings, no error: --fail-on error passes.
    let warnings_only = "- Doanh thu chiếm 25% thị trường\nDoanh thu chiếm gần một phần tư thị trường.\nRevenue is almost one-quarter of the market.\n";
    factcheck()
        .args(["--fail-on", "error", "-"])
        .write_stdin(warnings_only)
        .assert()
        .code(0);
    factcheck()
        .args(["--fail-on", "warning", "-"])
        .write_stdin(warnings_only)
        .assert()
        .code(1);
    // Usage errors.
    factcheck()
        .args(["--fail-on", "sometimes"])
        .arg(small())
        .assert()
        .code(2);
    factcheck()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input"));
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xC3\x28 broken").unwrap();
    let english_only = dir.path().join("english.txt");
    std::fs::write(&english_only, "Revenue rose 25% this year.\nProfit fell.\n").unwrap();
    let out = factcheck()
        .args(["--format", "json"])
        .arg(&bad)
        .arg(small())
        .arg(&english_only)
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    assert!(
        files[0]["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte offset 0")
    );
    assert!(files[1]["error"].is_null());
    assert!(!files[1]["findings"].as_array().unwrap().is_empty());
    assert!(
        files[2]["error"]
            .as_str()
            .unwrap()
            .contains("no Vietnamese text found")
    );
    assert!(files[3]["error"].as_str().unwrap().contains("cannot read"));
    assert_eq!(doc["totals"]["files"], 4);
}

#[test]
fn vietnamese_only_is_an_error_for_the_check() {
    factcheck()
        .arg("-")
        .write_stdin("- Doanh thu tăng 25%\nDoanh thu của công ty tăng mạnh.\n")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("no English original found").not())
        .stderr(predicate::str::starts_with(
            "error: <stdin>: no English original found",
        ));
}

#[test]
fn explicit_files_check() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let vi = dir.path().join("vi.txt");
    std::fs::write(&en, "The company spent $35 million on a new plant.\n").unwrap();
    std::fs::write(&vi, "Công ty chi 25 triệu USD cho nhà máy mới.\n").unwrap();
    let out = factcheck()
        .args(["--format", "json", "--original"])
        .arg(&en)
        .arg("--translation")
        .arg(&vi)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let f = &doc["files"][0]["findings"][0];
    assert_eq!(f["code"], "value-mismatch");
    assert!(f["target"]["path"].as_str().unwrap().ends_with("vi.txt"));
    assert!(f["source"]["path"].as_str().unwrap().ends_with("en.txt"));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let article = "- Doanh thu chiếm 25% \u{1b}[31mthị trường\nDoanh thu chiếm gần một phần tư \u{1b}[31mthị trường.\nRevenue is almost one-quarter \u{1b}[2J of the market.\n";
    let out = factcheck()
        .arg("-")
        .write_stdin(article)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("<U+001B>"), "{text}");
}
