//! `factcheck extract` driven through the real binary.

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "- Doanh thu đạt 4,3 tỷ nhân dân tệ, tăng gần 25%\n\
https://example.com/a\n\
Doanh thu của công ty đạt 4,3 tỷ nhân dân tệ (587 triệu USD) trong năm 2024.\n\
Revenue reached 4.3 billion yuan ($587 million) in 2024, up almost 25%.\n";

fn factcheck() -> Command {
    Command::cargo_bin("factcheck").unwrap()
}

fn json_claims(args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = factcheck();
    cmd.arg("extract").arg("--format").arg("json").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn keys(report: &Value) -> Vec<String> {
    report["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}:{} {}",
                c["section"].as_str().unwrap(),
                c["line"],
                c["column"],
                c["key"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn json_carries_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let report = json_claims(&[path.to_str().unwrap()], None);
    assert_eq!(report["version"], 1);
    let claims = report["files"][0]["claims"].as_array().unwrap();
    let yuan = claims
        .iter()
        .find(|c| c["section"] == "translation" && c["unit"] == "CNY")
        .unwrap();
    assert_eq!(yuan["value"], 4.3e9);
    assert_eq!(yuan["scale"], 1e9);
    assert_eq!(yuan["kind"], "money");
    assert_eq!(yuan["text"], "4,3 tỷ nhân dân tệ");
    assert_eq!(yuan["lang"], "vi");
    assert_eq!(
        (yuan["line"].as_u64(), yuan["column"].as_u64()),
        (Some(3), Some(27))
    );
    assert_eq!(yuan["end_column"], 45);
    let almost = claims
        .iter()
        .find(|c| c["section"] == "original" && c["kind"] == "percent")
        .unwrap();
    assert_eq!(almost["qualifier"]["kind"], "below-close");
    assert_eq!(almost["qualifier"]["text"], "almost");
    assert_eq!(almost["interval"]["hi"], 25.0);
    assert_eq!(almost["interval"]["hi_open"], true);
    assert_eq!(
        keys(&report),
        [
            "summary 1:17 money 4.3e9 CNY",
            "summary 1:42 percent 25% below-close",
            "translation 3:27 money 4.3e9 CNY",
            "translation 3:47 money 5.87e8 USD",
            "translation 3:68 year 2024",
            "original 4:17 money 4.3e9 CNY",
            "original 4:35 money 5.87e8 USD",
            "original 4:52 year 2024",
            "original 4:61 percent 25% below-close",
        ]
    );
}

#[test]
fn yaml_and_human_formats() {
    let out = factcheck()
        .args(["extract", "--format", "yaml", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = factcheck::catalogue::parse_yaml(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["files"][0]["claims"].as_array().unwrap().len(), 9);
    factcheck()
        .args(["extract", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(predicate::str::contains("  translation\n"))
        .stdout(predicate::str::contains("4.3 billion CNY"))
        .stdout(predicate::str::contains("9 claims"));
}

#[test]
fn the_demo_article_in_the_readme_runs() {
    factcheck()
        .arg("extract")
        .arg(common::repo("examples/vietnam-ev-battery.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("6 trillion USD"));
}

#[test]
fn explicit_files() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let vi = dir.path().join("vi.txt");
    let sum = dir.path().join("sum.txt");
    std::fs::write(&en, "Revenue rose 25% to $6 trillion.\n").unwrap();
    std::fs::write(&vi, "Doanh thu tăng 25% lên 6.000 tỷ USD.\n").unwrap();
    std::fs::write(&sum, "- Doanh thu tăng 25%\n📌 Tăng 25%.\n").unwrap();
    let report = json_claims(
        &[
            "--original",
            en.to_str().unwrap(),
            "--translation",
            vi.to_str().unwrap(),
            "--summary",
            sum.to_str().unwrap(),
        ],
        None,
    );
    let claims = report["files"][0]["claims"].as_array().unwrap();
    let sections: Vec<&str> = claims
        .iter()
        .map(|c| c["section"].as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "summary",
            "takeaway",
            "translation",
            "translation",
            "original",
            "original"
        ]
    );
    assert!(claims[0]["path"].as_str().unwrap().ends_with("sum.txt"));
    assert!(claims[5]["path"].as_str().unwrap().ends_with("en.txt"));
}

#[test]
fn encodings_and_line_endings_give_the_same_claims() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let base = keys(&json_claims(&["-"], Some(ARTICLE)));
    // UTF-8 with BOM, CRLF
    let p = dir.path().join("bom.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(ARTICLE.replace('\n', "\r\n").as_bytes());
    std::fs::write(&p, bytes).unwrap();
    assert_eq!(keys(&json_claims(&[p.to_str().unwrap()], None)), base);
    // UTF-16 LE and BE with BOM
    for le in [true, false] {
        let p = dir.path().join("u16.txt");
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in ARTICLE.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        std::fs::write(&p, bytes).unwrap();
        assert_eq!(keys(&json_claims(&[p.to_str().unwrap()], None)), base);
    }
    // NFD: same claims; columns count the decomposed characters as written.
    let nfd: String = ARTICLE.nfd().collect();
    let report = json_claims(&["-"], Some(&nfd));
    let got: Vec<String> = report["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = base
        .iter()
        .map(|k| k.split(' ').skip(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(got, want);
    let yuan = &report["files"][0]["claims"][2];
    let line3: &str = nfd.split('\n').nth(2).unwrap();
    let col = yuan["column"].as_u64().unwrap() as usize;
    let end = yuan["end_column"].as_u64().unwrap() as usize;
    let written: String = line3.chars().skip(col - 1).take(end - col).collect();
    assert_eq!(written.nfc().collect::<String>(), "4,3 tỷ nhân dân tệ");
}

#[test]
fn input_errors_are_one_line_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Doanh thu 25%\n\xFF\xFE\xFD tail").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let out = factcheck()
        .arg("extract")
        .arg(&bad)
        .arg(&good)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("9 claims"))
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.txt: invalid UTF-8 at byte offset 14"),
        "{stderr}"
    );

    factcheck()
        .args(["extract", "/no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/file.txt: cannot read"));
    // A directory is walked for articles; as an explicit file it is an error.
    factcheck()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains("good.txt"))
        .stdout(predicate::str::contains("9 claims"));
    factcheck()
        .args(["extract", "--translation"])
        .arg(&good)
        .arg("--original")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    factcheck()
        .args(["extract"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input"));
    factcheck()
        .args(["extract", "--format", "xml", "a"])
        .assert()
        .code(2);
}

#[test]
fn bad_catalogue_is_an_error_quoting_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("units.yaml"),
        "units:\n  - id: x\n    kind: percent\n    factor: one\n",
    )
    .unwrap();
    factcheck()
        .args(["extract", "--claims"])
        .arg(dir.path())
        .arg("-")
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("units.yaml:4:"));
}

#[test]
fn an_extra_catalogue_extends_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("lakh.yaml"),
        "scales:\n  en:\n    - {word: lakh, factor: 1.0e5}\n",
    )
    .unwrap();
    let report = json_claims(
        &["--claims", dir.path().to_str().unwrap(), "-"],
        Some("Doanh thu tăng mạnh\nRevenue was 3 lakh rupees.\n"),
    );
    assert_eq!(report["files"][0]["claims"][0]["key"], "money 300000 INR");
}

#[test]
fn output_is_deterministic_and_inputs_untouched() {
    let path = common::repo("examples/vietnam-ev-battery.txt");
    let before = std::fs::read(&path).unwrap();
    let run = || {
        factcheck()
            .arg("extract")
            .arg("--format")
            .arg("json")
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run(), run());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
