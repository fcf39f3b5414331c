//! Hostile input: every bad file gets a clear one-line error with exit 2, or a
//! correct result; nothing panics or hangs. Large inputs are generated here
//! (50 MB file, 10 MB line, 100,000 figures in one paragraph); the time limit
//! of each run is the "never hangs" check.

use crate::common;

use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(300));
    c
}

const ARTICLE: &str = "- Doanh thu tăng gần 25% lên 4,3 tỷ nhân dân tệ\nDoanh thu tăng 25% lên 4,3 tỷ nhân dân tệ trong năm 2024.\nRevenue rose almost 25% to 4.3 billion yuan in 2024.\n";

/// The findings of a JSON report as (code, target line:col, source line:col).
fn findings(out: &[u8]) -> Vec<String> {
    let doc: Value = serde_json::from_slice(out).unwrap();
    doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let at = |l: &Value| {
                if l.is_null() {
                    "-".to_string()
                } else {
                    format!("{}:{}", l["line"], l["column"])
                }
            };
            format!(
                "{} {} {}",
                f["code"].as_str().unwrap(),
                at(&f["target"]),
                at(&f["source"])
            )
        })
        .collect()
}

fn check_bytes(bytes: &[u8]) -> (i32, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, bytes).unwrap();
    let out = factcheck()
        .args(["--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn one_line_error(bytes: &[u8], expect: &str) {
    let (code, stdout, stderr) = check_bytes(bytes);
    assert_eq!(code, 2, "{stderr}");
    let doc: Value = serde_json::from_slice(&stdout).unwrap();
    let e = doc["files"][0]["error"].as_str().unwrap();
    assert!(e.contains(expect), "{e}");
    assert!(!e.contains('\n'));
}

#[test]
fn empty_and_blank_files_are_clear_errors() {
    one_line_error(b"", "no English original found");
    one_line_error(b"  \n\t\n   \n", "no English original found");
    factcheck()
        .arg("extract")
        .arg("-")
        .write_stdin("")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 claims"));
}

#[test]
fn binary_and_broken_encodings() {
    one_line_error(
        b"Doanh thu\0\0\x01 tang",
        "binary file (NUL byte at offset 9)",
    );
    let mut broken = ARTICLE.as_bytes().to_vec();
    broken.splice(8..8, [0xC3, 0x28]);
    one_line_error(&broken, "invalid UTF-8 at byte offset 8");
    one_line_error(&[0xFF, 0xFE, 0x41], "invalid UTF-16");
}

#[test]
fn utf16_crlf_lone_cr_and_nfd_give_the_same_findings() {
    use unicode_normalization::UnicodeNormalization;
    let (code, base, _) = check_bytes(ARTICLE.as_bytes());
    assert_eq!(code, 1);
    let base = findings(&base);
    assert!(!base.is_empty());
    for le in [true, false] {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in ARTICLE.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        assert_eq!(
            findings(&check_bytes(&b).1),
            base,
            "UTF-16 {}",
            if le { "LE" } else { "BE" }
        );
    }
    assert_eq!(
        findings(&check_bytes(ARTICLE.replace('\n', "\r\n").as_bytes()).1),
        base,
        "CRLF"
    );
    assert_eq!(
        findings(&check_bytes(ARTICLE.replace('\n', "\r").as_bytes()).1),
        base,
        "lone CR"
    );
    // NFD: the same findings; columns count the decomposed characters.
    let nfd: String = ARTICLE.nfd().collect();
    let got = findings(&check_bytes(nfd.as_bytes()).1);
    assert_eq!(got.len(), base.len());
    // The finding is on the translation (line 2), whose "tăng" decomposes.
    let line2: &str = nfd.lines().nth(1).unwrap();
    let col = line2.chars().take_while(|&c| c != '2').count() + 1;
    assert_eq!(col, 17, "NFD adds a combining mark before the figure");
    assert!(
        got.iter().any(|f| f.contains(&format!(" 2:{col} "))),
        "{got:?} (want column {col})"
    );
}

#[test]
fn absurd_numbers_do_not_break_anything() {
    let nines = "9".repeat(400);
    let text = format!(
        "- Doanh thu đạt {nines} USD và 1e309 người, tăng 99999999999999999999%\nDoanh thu đạt {nines} USD.\nRevenue reached ${nines}, up 99999999999999999999% and 1e309.\n"
    );
    let (code, out, stderr) = check_bytes(text.as_bytes());
    assert!(code == 0 || code == 1, "{stderr}");
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert!(doc["files"][0]["error"].is_null());
    factcheck()
        .arg("extract")
        .arg("-")
        .write_stdin(text)
        .assert()
        .code(0);
}

#[test]
fn paths_that_are_not_articles() {
    let dir = tempfile::tempdir().unwrap();
    let vi = dir.path().join("vi.txt");
    std::fs::write(&vi, "Doanh thu tăng 25%.\n").unwrap();
    factcheck()
        .args(["--translation"])
        .arg(&vi)
        .arg("--original")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("error: ").and(predicate::str::contains("is a directory")),
        );
    factcheck()
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    factcheck()
        .args(["-", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only once"));
}

#[cfg(unix)]
#[test]
fn fifos_and_unreadable_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if made {
        factcheck()
            .arg(&fifo)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a regular file"));
    } else {
        common::skip("hostile::fifo", "mkfifo is not available");
    }
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, ARTICLE).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        common::skip(
            "hostile::unreadable",
            "running as root: permissions do not stop reading",
        );
    } else {
        factcheck()
            .arg(&locked)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot read"));
    }
}

#[test]
fn control_characters_are_escaped_in_every_text_format() {
    let text = "- Doanh thu chiếm 25% \u{1b}]0;pwned\u{7} thị trường\u{1b}[2J\nDoanh thu chiếm gần một phần tư thị trường.\nRevenue is almost one-quarter \u{1b}[31mof the market.\n";
    for format in ["human", "concise", "github"] {
        let out = factcheck()
            .args(["--format", format, "-"])
            .write_stdin(text)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let s = String::from_utf8(out).unwrap();
        assert!(
            !s.contains('\u{1b}') && !s.contains('\u{7}'),
            "{format}: {s}"
        );
    }
}

#[test]
fn a_50_mb_article() {
    let demo = std::fs::read_to_string(common::repo("examples/vietnam-ev-battery.txt")).unwrap();
    let lines: Vec<&str> = demo.lines().collect();
    let split = lines
        .iter()
        .position(|l| l.starts_with("Vietnam’s EV upstarts"))
        .unwrap();
    let (vi, en) = (lines[..split].join("\n"), lines[split..].join("\n"));
    let mut text = String::with_capacity(52_000_000);
    while text.len() < 25_000_000 {
        text.push_str(&vi);
        text.push('\n');
    }
    let half = text.len();
    while text.len() < half + 25_000_000 {
        text.push_str(&en);
        text.push('\n');
    }
    let (code, out, stderr) = check_bytes(text.as_bytes());
    assert_eq!(code, 1, "{stderr}");
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert!(doc["totals"]["error"].as_u64().unwrap() > 0);
}

#[test]
fn a_10_mb_line_and_100000_figures_in_one_paragraph() {
    let sentence_vi = "Doanh thu tăng 25% lên 4,3 tỷ nhân dân tệ. ";
    let sentence_en = "Revenue rose 25% to 4.3 billion yuan. ";
    let vi = sentence_vi.repeat(10_000_000 / sentence_vi.len());
    let en = sentence_en.repeat(vi.len() / sentence_vi.len());
    let (code, out, stderr) = check_bytes(format!("{vi}\n{en}\n").as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        serde_json::from_slice::<Value>(&out).unwrap()["totals"]["warning"],
        0
    );

    let figures_vi: Vec<String> = (0..100_000)
        .map(|i| format!("{} người", i % 997 + 2))
        .collect();
    let figures_en: Vec<String> = (0..100_000)
        .map(|i| format!("{} people", i % 997 + 2))
        .collect();
    let text = format!(
        "Số liệu: {}.\nFigures: {}.\n",
        figures_vi.join(", "),
        figures_en.join(", ")
    );
    let (code, out, stderr) = check_bytes(text.as_bytes());
    assert!(code == 0 || code == 1, "{stderr}");
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert!(doc["files"][0]["error"].is_null());
    // Equal lists pair up: almost nothing is reported.
    assert!(
        doc["totals"]["error"].as_u64().unwrap() < 100,
        "{}",
        doc["totals"]
    );
}
