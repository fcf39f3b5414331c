//! The CI side of `factcheck`: every output format, `-o`, whole directories
//! in parallel, configuration, suppressions, baselines and `explain`.

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1").env_remove("CI");
    c
}

fn small() -> std::path::PathBuf {
    common::repo("tests/fixtures/small.txt")
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    String::from_utf8(cmd.assert().code(code).get_output().stdout.clone()).unwrap()
}

#[test]
fn concise_is_one_line_per_finding() {
    let out = stdout(
        factcheck().current_dir(common::repo(".")).args([
            "--format",
            "concise",
            "tests/fixtures/small.txt",
        ]),
        1,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(
        lines[0],
        "tests/fixtures/small.txt:1:29: warning[hedge-dropped] the original says \"almost one-quarter\" (just under 25%); the summary says \"25%\": the qualifier was dropped (write \"gần 25%\")"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/small.txt:6:13: error[value-mismatch] "))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/small.txt:9:64: warning[omitted] "))
    );
    assert!(lines.iter().any(|l| l.contains(": info[hedge-added] ")));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let out = stdout(factcheck().args(["--format", "sarif"]).arg(small()), 1);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let run = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), factcheck::diagnostic::CODES.len());
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "hedge-dropped" && r["defaultConfiguration"]["level"] == "warning")
    );
    let results = run["results"].as_array().unwrap();
    let dropped = results
        .iter()
        .find(|r| r["ruleId"] == "hedge-dropped")
        .unwrap();
    assert_eq!(
        dropped["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert_eq!(
        dropped["locations"][0]["physicalLocation"]["region"]["startColumn"],
        29
    );
    assert_eq!(
        dropped["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    for l in ["error", "warning", "note"] {
        assert!(levels.contains(&l), "{l} in {levels:?}");
    }
    let Some(shared) = common::shared_dir() else {
        common::skip("cli_ci::sarif schema validation", "../shared is absent");
        return;
    };
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // The official schema's `language` patterns have a stray `]` that the
    // validator refuses to compile; factcheck never writes `language`, so
    // those patterns are dropped and everything else is checked as published.
    assert!(drop_pattern(&mut schema, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") >= 1);
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema violations: {errors:#?}");
    // A file that cannot be read becomes a notification, still valid SARIF.
    let out = stdout(
        factcheck().args(["--format", "sarif", "/no/such/article.txt"]),
        2,
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(validator.is_valid(&doc));
    assert_eq!(
        doc["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

/// Remove every `"pattern": broken` from a schema; returns how many.
pub(crate) fn drop_pattern(v: &mut Value, broken: &str) -> usize {
    match v {
        Value::Object(map) => {
            let mut n = 0;
            if map.get("pattern").and_then(Value::as_str) == Some(broken) {
                map.remove("pattern");
                n += 1;
            }
            n + map
                .values_mut()
                .map(|x| drop_pattern(x, broken))
                .sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(|x| drop_pattern(x, broken)).sum(),
        _ => 0,
    }
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,b:c%.txt");
    std::fs::copy(small(), &odd).unwrap();
    let out = stdout(
        factcheck()
            .current_dir(dir.path())
            .args(["--format", "github", "a,b:c%.txt"]),
        1,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(
        lines[0],
        "::warning file=a%2Cb%3Ac%25.txt,line=1,col=29,endLine=1,endColumn=32,title=factcheck (hedge-dropped)::the original says \"almost one-quarter\" (just under 25%25); the summary says \"25%25\": the qualifier was dropped (write \"gần 25%25\")"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=a%2Cb%3Ac%25.txt,line=6,"))
    );
    assert!(lines.iter().any(|l| l.starts_with("::notice ")));
    // A message is data: %, CR and LF escaped, ':' and ',' kept.
    assert_eq!(
        factcheck::render::github::escape_data("a%, b: c\nd"),
        "a%25, b: c%0Ad"
    );
    assert_eq!(
        factcheck::render::github::escape_property("a%, b: c\nd"),
        "a%25%2C b%3A c%0Ad"
    );
}

#[test]
fn output_file_is_written_and_never_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::copy(small(), &article).unwrap();
    let report = dir.path().join("report.json");
    factcheck()
        .args(["--format", "json", "-o"])
        .arg(&report)
        .arg(&article)
        .assert()
        .code(1)
        .stdout("");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(doc["version"], 1);
    let before = std::fs::read(&article).unwrap();
    factcheck()
        .arg("-o")
        .arg(&article)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input file"));
    assert_eq!(std::fs::read(&article).unwrap(), before);
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

/// A directory of generated articles, every 100th unreadable.
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let sub = dir.path().join(format!("batch{}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        let path = sub.join(format!("article-{i:04}.txt"));
        if i % 100 == 50 {
            std::fs::write(&path, b"Doanh thu \xFF\xFE").unwrap();
            continue;
        }
        let (a, b) = (i % 90 + 5, i % 13 + 2);
        let vi_amount = if i % 3 == 0 { a + 1 } else { a };
        let text = format!(
            "- Doanh thu đạt {vi_amount} triệu USD, tăng {b}%\nhttps://example.com/{i}\nCông ty báo doanh thu {vi_amount} triệu USD trong năm {y}, tăng gần {b}%.\nThe company reported revenue of ${a} million in {y}, up almost {b}%.\n",
            y = 2000 + i % 25
        );
        std::fs::write(&path, text).unwrap();
    }
    dir
}

#[test]
fn a_thousand_articles_in_parallel_equal_a_serial_run() {
    let dir = generated(1000);
    let run = |threads: Option<&str>| {
        let mut c = factcheck();
        c.args(["--format", "json"]).arg(dir.path());
        if let Some(t) = threads {
            c.args(["--threads", t]);
        }
        c.assert().code(2).get_output().stdout.clone()
    };
    let parallel = run(None);
    assert_eq!(parallel, run(None), "repeated runs are byte-identical");
    assert_eq!(parallel, run(Some("1")), "one thread gives the same report");
    assert_eq!(parallel, run(Some("4")));
    let doc: Value = serde_json::from_slice(&parallel).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1000);
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "sorted by path");
    let broken = files.iter().filter(|f| !f["error"].is_null()).count();
    assert_eq!(broken, 10);
    // The others were all checked: every third one has a changed figure,
    // reported in the translation and (mismatch or unsupported) in the summary.
    let changed = files
        .iter()
        .filter(|f| {
            let found = f["findings"].as_array().unwrap();
            found.iter().any(|x| x["code"] == "value-mismatch")
                && found.iter().filter(|x| x["severity"] != "info").count() >= 2
        })
        .count();
    assert!((330..=340).contains(&changed), "{changed}");
}

#[test]
fn configuration_sets_severities_fail_on_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("articles/drafts")).unwrap();
    std::fs::copy(small(), dir.path().join("articles/a.txt")).unwrap();
    std::fs::copy(small(), dir.path().join("articles/drafts/b.txt")).unwrap();
    std::fs::write(
        dir.path().join("factcheck.yaml"),
        "# newsroom settings\nfail-on: error\nseverity:\n  hedge-added: off\n  omitted: error\nexclude:\n  - articles/drafts/\n",
    )
    .unwrap();
    let sub = dir.path().join("articles");
    let out = stdout(
        factcheck()
            .current_dir(&sub)
            .args(["--format", "concise", "."]),
        1,
    );
    assert!(!out.contains("drafts"), "{out}");
    assert!(!out.contains("hedge-added"), "{out}");
    assert!(out.contains("error[omitted]"), "{out}");
    // Only warnings left after turning errors off: fail-on error passes.
    std::fs::write(
        dir.path().join("factcheck.yaml"),
        "fail-on: error\nseverity:\n  value-mismatch: warning\n  omitted: info\n",
    )
    .unwrap();
    factcheck().current_dir(&sub).arg("a.txt").assert().code(0);
    factcheck()
        .current_dir(&sub)
        .args(["--isolated", "a.txt"])
        .assert()
        .code(1);
    // Errors in the file quote file:line.
    std::fs::write(
        dir.path().join("factcheck.yaml"),
        "fail-on: error\nseverity:\n  omited: info\n",
    )
    .unwrap();
    factcheck()
        .current_dir(&sub)
        .arg("a.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("factcheck.yaml:3: "))
        .stderr(predicate::str::contains("unknown code `omited`"));
}

#[test]
fn suppressions_survive_edits_and_rot_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::copy(small(), &article).unwrap();
    std::fs::write(
        dir.path().join("factcheck.yaml"),
        concat!(
            "suppressions:\n",
            "  - file: a.txt\n    code: value-mismatch\n    target: \"25 triệu USD\"\n    source: \"$35 million\"\n    reason: the plant figure was corrected by the company\n",
            "  - file: a.txt\n    code: omitted\n    source: \"27%\"\n    reason: exports are out of scope for this brief\n",
            "  - file: a.txt\n    code: hedge-dropped\n    target: \"25%\"\n    source: \"almost one-quarter\"\n    reason: house style rounds shares\n",
        ),
    )
    .unwrap();
    let json = |c: &mut Command| -> Value { serde_json::from_str(&stdout(c, 0)).unwrap() };
    let codes = |v: &Value| -> Vec<String> {
        v["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let doc = json(
        factcheck()
            .current_dir(dir.path())
            .args(["--format", "json", "a.txt"]),
    );
    assert_eq!(codes(&doc), ["hedge-added", "hedge-added"]);
    // A paragraph inserted above moves every line: the suppressions still hold.
    let text = std::fs::read_to_string(&article).unwrap();
    let edited = text.replacen(
        "Sao Mai mở rộng\n",
        "Sao Mai mở rộng\nMột đoạn mới không có con số.\n",
        1,
    );
    std::fs::write(&article, edited).unwrap();
    let doc = json(
        factcheck()
            .current_dir(dir.path())
            .args(["--format", "json", "a.txt"]),
    );
    assert_eq!(codes(&doc), ["hedge-added", "hedge-added"]);
    // The translation is fixed: that suppression is now stale, and said so.
    let fixed = std::fs::read_to_string(&article)
        .unwrap()
        .replace("25 triệu USD", "35 triệu USD");
    std::fs::write(&article, fixed).unwrap();
    let doc = json(
        factcheck()
            .current_dir(dir.path())
            .args(["--format", "json", "a.txt"]),
    );
    let findings = doc["files"][0]["findings"].as_array().unwrap();
    let stale: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "stale-suppression")
        .collect();
    assert_eq!(stale.len(), 1, "{findings:#?}");
    assert_eq!(stale[0]["severity"], "info");
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("value-mismatch")
    );
}

#[test]
fn a_baseline_is_written_then_applied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("archive")).unwrap();
    let article = dir.path().join("archive/a.txt");
    std::fs::copy(small(), &article).unwrap();
    let baseline = dir.path().join("baseline.yaml");
    factcheck()
        .current_dir(dir.path())
        .args(["--isolated", "--baseline", "baseline.yaml", "archive"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("wrote a baseline of 4 findings"));
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(text.contains("file: archive/a.txt"), "{text}");
    assert!(text.contains("reason:"), "{text}");
    factcheck()
        .current_dir(dir.path())
        .args(["--isolated", "--baseline", "baseline.yaml", "archive"])
        .assert()
        .code(0);
    // A new error appears: only it is reported.
    let edited = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        edited.replace(
            "Công ty chi 25 triệu USD cho nhà máy mới.",
            "Công ty chi 25 triệu USD cho nhà máy mới, xuất khẩu tăng 72%.",
        ),
    )
    .unwrap();
    let out = stdout(
        factcheck().current_dir(dir.path()).args([
            "--isolated",
            "--format",
            "concise",
            "--baseline",
            "baseline.yaml",
            "archive",
        ]),
        1,
    );
    assert_eq!(
        out.lines()
            .filter(|l| !l.contains("[stale-suppression]"))
            .count(),
        1,
        "{out}"
    );
    assert!(
        out.contains("value-mismatch") && out.contains("72%"),
        "{out}"
    );
}

#[test]
fn explain_prints_the_documentation() {
    factcheck()
        .args(["explain", "hedge-dropped"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("hedge-dropped (warning)"))
        .stdout(predicate::str::contains("What: "))
        .stdout(predicate::str::contains("Why: "))
        .stdout(predicate::str::contains("almost one-quarter"))
        .stdout(predicate::str::contains("gần một phần tư"));
    factcheck()
        .args(["explain", "all"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("stale-suppression"));
    factcheck()
        .args(["explain", "no-such-code"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("known codes: value-mismatch"));
}

#[test]
fn suggestions_reach_json_and_sarif_fixes() {
    let json: Value = serde_json::from_str(&stdout(
        factcheck().args(["--format", "json"]).arg(small()),
        1,
    ))
    .unwrap();
    let findings = json["files"][0]["findings"].as_array().unwrap();
    let fixes: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["suggestion"].as_str()))
        .collect();
    assert!(
        fixes.contains(&("hedge-dropped", Some("gần 25%"))),
        "{fixes:?}"
    );
    assert!(
        fixes.contains(&("value-mismatch", Some("35 triệu USD"))),
        "{fixes:?}"
    );
    // An omission has no span to replace: no suggestion, and no key.
    let omitted = findings.iter().find(|f| f["code"] == "omitted").unwrap();
    assert!(omitted.get("suggestion").is_none(), "{omitted}");

    let sarif: Value = serde_json::from_str(&stdout(
        factcheck().args(["--format", "sarif"]).arg(small()),
        1,
    ))
    .unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "value-mismatch")
        .unwrap();
    let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "35 triệu USD");
    let target = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        replacement["deletedRegion"]["startLine"],
        target["startLine"]
    );
    assert_eq!(
        replacement["deletedRegion"]["startColumn"],
        target["startColumn"]
    );
    assert_eq!(
        replacement["deletedRegion"]["endColumn"],
        target["endColumn"]
    );
}
