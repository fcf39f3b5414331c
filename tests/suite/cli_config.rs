//! Issue 10, configuration and baselines at archive scale: configuration
//! found per file, two names in one directory refused, `..` in paths,
//! codes turned off, `--update-baseline`, and bounded YAML (depth, size,
//! non-finite catalogue numbers).

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1").env_remove("CI");
    c
}

fn small() -> std::path::PathBuf {
    common::repo("tests/fixtures/small.txt")
}

fn concise(cmd: &mut Command) -> String {
    let out = cmd.arg("--format").arg("concise").output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn configuration_is_found_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["quiet", "loud"] {
        std::fs::create_dir(d.join(sub)).unwrap();
        std::fs::copy(small(), d.join(sub).join("a.txt")).unwrap();
    }
    std::fs::write(
        d.join("quiet/factcheck.yaml"),
        "severity:\n  hedge-added: off\n",
    )
    .unwrap();
    let out = concise(factcheck().current_dir(d).arg("."));
    assert!(
        !out.contains("quiet/a.txt:2:20: info[hedge-added]"),
        "{out}"
    );
    assert!(out.contains("loud/a.txt:2:20: info[hedge-added]"), "{out}");
    std::fs::write(d.join("quiet/.factcheck.yaml"), "fail-on: never\n").unwrap();
    factcheck()
        .current_dir(d)
        .arg("quiet/a.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "both factcheck.yaml and .factcheck.yaml are in",
        ));
}

#[test]
fn dot_dot_paths_match_suppressions_and_stale_entries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("news/sub")).unwrap();
    std::fs::copy(small(), d.join("news/a.txt")).unwrap();
    std::fs::write(
        d.join("factcheck.yaml"),
        "suppressions:\n  - {file: news/a.txt, code: value-mismatch, target: \"25 triệu USD\", source: \"$35 million\", reason: ok}\n  - {file: news/a.txt, code: omitted, source: \"99%\", reason: gone}\n",
    )
    .unwrap();
    let out = concise(factcheck().current_dir(d).arg("news/sub/../a.txt"));
    assert!(!out.contains("value-mismatch"), "{out}");
    assert!(
        out.contains("news/sub/../a.txt:1:1: info[stale-suppression]"),
        "{out}"
    );
}

#[test]
fn baselines_ignore_codes_turned_off_and_update_prunes_stale_entries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(small(), d.join("a.txt")).unwrap();
    factcheck()
        .current_dir(d)
        .args(["--baseline", "b.yaml", "a.txt"])
        .assert()
        .code(0);
    let written = std::fs::read_to_string(d.join("b.yaml")).unwrap();
    assert_eq!(written.matches("- file: a.txt").count(), 4, "{written}");
    // A code turned off reports nothing, and its entries are not stale.
    std::fs::write(d.join("factcheck.yaml"), "severity:\n  hedge-added: off\n").unwrap();
    let out = concise(
        factcheck()
            .current_dir(d)
            .args(["--baseline", "b.yaml", "a.txt"]),
    );
    assert_eq!(out, "", "{out}");
    std::fs::remove_file(d.join("factcheck.yaml")).unwrap();
    // An entry that matches nothing is stale; --update-baseline prunes it.
    let stale = written.clone()
        + "- file: a.txt\n  code: omitted\n  source: 99%\n  reason: accepted in the baseline\n";
    std::fs::write(d.join("b.yaml"), &stale).unwrap();
    let out = concise(
        factcheck()
            .current_dir(d)
            .args(["--baseline", "b.yaml", "a.txt"]),
    );
    assert!(out.contains("a.txt:1:1: info[stale-suppression]"), "{out}");
    factcheck()
        .current_dir(d)
        .args(["--baseline", "b.yaml", "--update-baseline", "a.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "pruned 1 stale entry from b.yaml (4 kept)",
        ));
    assert_eq!(std::fs::read_to_string(d.join("b.yaml")).unwrap(), written);
}

#[test]
fn yaml_is_bounded_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cfg = d.join("deep.yaml");
    std::fs::write(
        &cfg,
        format!(
            "fail-on: error\nexclude: {}{}\n",
            "[".repeat(100),
            "]".repeat(100)
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    factcheck()
        .arg("--config")
        .arg(&cfg)
        .arg(small())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "deep.yaml:2: nested more than 64 levels deep",
        ));
    assert!(started.elapsed().as_secs() < 30);
    let big = d.join("big.yaml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(10_000_001))).unwrap();
    factcheck()
        .arg("--config")
        .arg(&big)
        .arg(small())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "big.yaml: larger than the limit of 10 MB",
        ));
    std::fs::create_dir(d.join("claims")).unwrap();
    std::fs::write(
        d.join("claims/units.yaml"),
        "units:\n  - name: furlong\n    factor: .nan\n",
    )
    .unwrap();
    factcheck()
        .args(["--claims"])
        .arg(d.join("claims"))
        .arg(small())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "units.yaml:3: `.nan` is not a finite number",
        ));
}
