//! Issue 10 at the terminal: one sanitiser for every format and every source
//! of text, per-file errors on standard error, honest totals, and the habits
//! of CI linters (negated globs, --quiet, --statistics, --color,
//! --stdin-filename, empty input sets, completions, man page, concise
//! `path:line:col:`, eval's known errors).

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("CI");
    c
}

fn small() -> std::path::PathBuf {
    common::repo("tests/fixtures/small.txt")
}

/// Raw characters that must never reach a terminal or an annotation.
const RAW: [char; 5] = ['\u{1b}', '\u{7}', '\u{202E}', '\u{2067}', '\u{9b}'];

fn assert_clean(what: &str, text: &str) {
    for c in RAW {
        assert!(
            !text.contains(c),
            "{what}: raw U+{:04X} in {text}",
            c as u32
        );
    }
}

fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

const FORMATS: [&str; 5] = ["human", "concise", "json", "sarif", "github"];

#[test]
fn article_text_is_sanitised_in_every_format() {
    let text = "- Doanh thu chiếm 25% \u{202E}thị trường\u{1b}]0;pwned\u{7}\nDoanh thu chiếm gần một phần tư \u{2067}thị trường.\u{9b}\nRevenue is almost one-quarter \u{1b}[2J of the market.\n";
    for format in FORMATS {
        let (code, out, err) = run(factcheck()
            .args(["--format", format, "-"])
            .write_stdin(text));
        assert_eq!(code, Some(1), "{format}: {err}");
        assert_clean(format, &out);
        assert_clean(format, &err);
    }
    let (_, human, _) = run(factcheck().arg("-").write_stdin(text));
    assert!(human.contains("<U+202E>"), "{human}");
}

#[cfg(unix)]
#[test]
fn file_names_are_sanitised_in_every_format_and_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\u{1b}]0;x\u{7}\u{202E}b.txt";
    std::fs::copy(small(), dir.path().join(name)).unwrap();
    let broken = "c\u{1b}[31m\u{2067}.txt";
    std::fs::write(dir.path().join(broken), "Revenue rose 25%.\n").unwrap();
    for format in FORMATS {
        let (code, out, err) = run(factcheck()
            .current_dir(dir.path())
            .args(["--format", format, name, broken]));
        assert_eq!(code, Some(2), "{format}");
        if format != "json" {
            assert_clean(format, &out);
        }
        assert_clean(format, &err);
        assert!(err.contains("error: c<U+001B>[31m<U+2067>.txt: "), "{err}");
    }
}

#[test]
fn configuration_and_catalogue_text_is_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("factcheck.yaml"),
        // YAML escapes: the parser turns them into ESC, BEL and U+202E.
        "severity:\n  \"\\e]0;pwned\\a\\u202E\": off\n",
    )
    .unwrap();
    let (code, _, err) = run(factcheck().current_dir(d).arg(small()));
    assert_eq!(code, Some(2));
    assert_clean("config error", &err);
    assert!(err.contains("<U+001B>]0;pwned<U+0007><U+202E>"), "{err}");
    std::fs::write(
        d.join("factcheck.yaml"),
        "suppressions:\n  - {file: a.txt, code: omitted, source: \"9%\", reason: \"ok \\e[2J\\u202E\"}\n",
    )
    .unwrap();
    std::fs::copy(small(), d.join("a.txt")).unwrap();
    for format in ["human", "concise", "sarif", "github"] {
        let (_, out, _) = run(factcheck()
            .current_dir(d)
            .args(["--format", format, "a.txt"]));
        assert!(out.contains("stale-suppression"), "{format}: {out}");
        assert_clean(format, &out);
    }
    std::fs::remove_file(d.join("factcheck.yaml")).unwrap();
    std::fs::create_dir(d.join("claims")).unwrap();
    std::fs::write(d.join("claims/house.yaml"), "\"\\e]0;pwned\\a\": 1\n").unwrap();
    let (code, _, err) = run(factcheck()
        .current_dir(d)
        .args(["--claims", "claims", "a.txt"]));
    assert_eq!(code, Some(2));
    assert_clean("catalogue error", &err);
    assert!(err.contains("house.yaml"), "{err}");
}

#[test]
fn per_file_errors_go_to_stderr_and_totals_count_them_apart() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("english.txt");
    std::fs::write(&en, "Revenue rose 25% this year.\n").unwrap();
    let (code, out, err) = run(factcheck().arg(&en));
    assert_eq!(code, Some(2));
    assert_eq!(
        out,
        "0 files checked: 0 errors, 0 warnings, 0 infos; 1 file could not be checked\n"
    );
    assert!(
        err.starts_with(&format!("error: {}: no Vietnamese text", en.display())),
        "{err}"
    );
    let (_, out, _) = run(factcheck().arg(&en).arg(small()));
    assert!(
        out.ends_with(
            "1 file checked: 1 error, 2 warnings, 2 infos; 1 file could not be checked\n"
        ),
        "{out}"
    );
    // With -o, the error still reaches the terminal.
    let report = dir.path().join("r.json");
    let (code, out, err) = run(factcheck()
        .args(["--format", "json", "-o"])
        .arg(&report)
        .arg(&en));
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("no Vietnamese text"), "{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(
        doc["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("no Vietnamese")
    );
    // Concise is always path:line:col:, errors at 1:1.
    let (_, out, _) = run(factcheck().args(["--format", "concise"]).arg(&en));
    assert_eq!(
        out.lines().next().unwrap(),
        format!(
            "{}:1:1: error[input] {}: no Vietnamese text found (the check needs a Vietnamese summary or translation)",
            en.display(),
            en.display()
        )
    );
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::copy(small(), dir.path().join("a.txt")).unwrap();
    std::fs::copy(small(), dir.path().join("drafts/b.txt")).unwrap();
    dir
}

#[test]
fn negated_globs_quiet_and_statistics() {
    let dir = tree();
    let (_, out, _) = run(factcheck().current_dir(dir.path()).args([
        "--format",
        "concise",
        "--glob",
        "!drafts/**",
        ".",
    ]));
    assert!(!out.contains("drafts"), "{out}");
    assert!(out.contains("a.txt"), "{out}");
    let (code, out, _) = run(factcheck().arg("--quiet").arg(small()));
    assert_eq!(code, Some(1));
    assert!(!out.contains("checked"), "{out}");
    let (_, out, _) = run(factcheck().arg("--statistics").arg(dir.path()));
    assert_eq!(
        out,
        "     4  hedge-added            info\n     2  hedge-dropped          warning\n     2  omitted                warning\n     2  value-mismatch         error\n2 files checked: 2 errors, 4 warnings, 4 infos\n"
    );
    let (_, out, _) = run(factcheck()
        .args(["--statistics", "--format", "json"])
        .arg(small()));
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["code"], "hedge-added");
    assert_eq!(rows[0]["count"], 2);
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let coloured = |cmd: &mut Command| run(cmd.arg(small())).1.contains('\u{1b}');
    assert!(coloured(factcheck().args(["--color", "always"])));
    assert!(!coloured(
        factcheck()
            .args(["--color", "never"])
            .env("FORCE_COLOR", "1")
    ));
    assert!(!coloured(&mut factcheck()), "a pipe is not a terminal");
    assert!(coloured(factcheck().env("FORCE_COLOR", "1")));
    assert!(coloured(factcheck().env("CLICOLOR_FORCE", "1")));
    assert!(!coloured(factcheck().env("CLICOLOR_FORCE", "0")));
    assert!(!coloured(
        factcheck().env("FORCE_COLOR", "1").env("NO_COLOR", "1")
    ));
    assert!(coloured(
        factcheck().args(["--color", "always"]).env("NO_COLOR", "1")
    ));
}

#[test]
fn stdin_filename_brings_the_files_configuration_and_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("news")).unwrap();
    std::fs::write(
        d.join("news/factcheck.yaml"),
        "severity:\n  hedge-added: off\nsuppressions:\n  - {file: a.txt, code: value-mismatch, target: \"25 triệu USD\", source: \"$35 million\", reason: accepted}\n",
    )
    .unwrap();
    let text = std::fs::read_to_string(small()).unwrap();
    let (_, out, _) = run(factcheck()
        .current_dir(d)
        .args(["--format", "concise", "--stdin-filename", "news/a.txt", "-"])
        .write_stdin(text.clone()));
    assert!(
        out.starts_with("news/a.txt:1:29: warning[hedge-dropped]"),
        "{out}"
    );
    assert!(
        !out.contains("value-mismatch") && !out.contains("hedge-added"),
        "{out}"
    );
    let (_, plain, _) = run(factcheck()
        .current_dir(d)
        .args(["--format", "concise", "-"])
        .write_stdin(text));
    assert!(
        plain.contains("<stdin>:6:13: error[value-mismatch]"),
        "{plain}"
    );
}

#[test]
fn an_empty_input_set_warns_and_passes() {
    let dir = tempfile::tempdir().unwrap();
    factcheck()
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: no article files found"));
    factcheck()
        .args(["--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"files\": []"));
    factcheck()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input"));
}

#[test]
fn completions_and_the_manual_page() {
    for (shell, mark) in [
        ("bash", "_factcheck()"),
        ("zsh", "#compdef factcheck"),
        ("fish", "complete -c factcheck"),
    ] {
        factcheck()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark));
    }
    factcheck().arg("man").assert().success().stdout(
        predicate::str::contains(".TH factcheck 1").and(predicate::str::contains("max\\-size")),
    );
}

fn corpus(dir: &Path, name: &str) -> std::path::PathBuf {
    let c = dir.join(name);
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(
        c.join("en.txt"),
        "Revenue rose 25% to $4 million.\nIt has 300 staff.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("vi.txt"),
        "Doanh thu tăng 25% lên 4 triệu USD.\nCông ty có 200 nhân viên.\n",
    )
    .unwrap();
    c
}

#[test]
fn eval_says_which_known_errors_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = corpus(d, "mine");
    let (_, _, err) = run(factcheck().current_dir(d).arg("eval").arg(&c));
    assert!(err.contains("mine: 0 known errors from nowhere"), "{err}");
    std::fs::create_dir(d.join("known-errors")).unwrap();
    std::fs::write(d.join("known-errors/mine.tsv"), "2\tstaff count changed\n").unwrap();
    let (_, _, err) = run(factcheck().arg("eval").arg(&c));
    let beside = d.join("known-errors").join("mine.tsv");
    assert!(
        err.contains(&format!("mine: 1 known error from {}", beside.display())),
        "{err}"
    );
    // The project's corpora find their lists from anywhere.
    let ted = corpus(d, "ted-tst2012");
    let (_, _, err) = run(factcheck().current_dir("/").arg("eval").arg(&ted));
    assert!(
        err.contains("from the built-in eval/known-errors/ted-tst2012.tsv"),
        "{err}"
    );
}

#[test]
fn figures_read_like_a_person_wrote_them() {
    let text = "Năm 2035, doanh thu đạt 1000000000000000000000000000000000000000000 USD.\nIn 2035 revenue reaches 1000000000000000000000000000000000000000000 USD.\n";
    let (_, out, _) = run(factcheck().args(["extract", "-"]).write_stdin(text));
    assert!(out.contains(" 2035 "), "{out}");
    assert!(!out.contains("2,035"), "{out}");
    assert!(out.contains("1e42 USD"), "{out}");
    assert!(!out.contains("trillion"), "{out}");
    assert!(out.ends_with("  4 claims\n"), "{out}");
    let (_, one, _) = run(factcheck().args(["extract", "-"]).write_stdin("In 2035.\n"));
    assert!(one.ends_with("  1 claim\n"), "{one}");
    // Lengths in a unit a person reads, not nanometres.
    let (_, feet, _) = run(factcheck()
        .args(["--format", "concise", "-"])
        .write_stdin("Anh ấy cao 5 mét.\n\nHe is five feet tall.\n"));
    assert!(feet.contains("\"five feet\" (1.52 m)"), "{feet}");
    assert!(!feet.contains(" nm"), "{feet}");
}
