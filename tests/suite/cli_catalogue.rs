//! `factcheck catalogue test DIR`: a user's catalogue files carry their own
//! examples, and the command says which hold.

use assert_cmd::Command;
use predicates::prelude::*;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn the_examples_of_a_users_catalogue_are_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        r#"scales:
  en:
    - word: lakh
      factor: 1.0e5
      examples:
        - {en: "5 lakh people", expect: "count 500000"}
        - {en: "5 lakh rupees", expect: "count 5e5"}
terms:
  - id: farmers
    group: farmers
    en: [farmers]
    vi: [nông dân]
    examples:
      - {en: "Farmers earned 25% more.", vi: "Nông dân kiếm thêm 35%.", expect: value-mismatch}
      - {en: "Farmers earned 25% more.", vi: "Nông dân kiếm thêm 25%.", expect: quiet}
"#,
    )
    .unwrap();
    factcheck()
        .args(["catalogue", "test"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "house.yaml:7: `lakh`: \"5 lakh rupees\" expected [\"count 5e5\"], got [\"money 500000 INR\"]",
        ))
        .stdout(predicate::str::contains("4 examples run: 3 passed, 1 failed"));
    // Fixed, the file passes.
    let text = std::fs::read_to_string(dir.path().join("house.yaml")).unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        text.replace("expect: \"count 5e5\"", "expect: \"money 500000 INR\""),
    )
    .unwrap();
    factcheck()
        .args(["catalogue", "test"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "4 examples run: 4 passed, 0 failed",
        ));
}

#[test]
fn the_builtin_examples_all_hold_and_a_bad_file_is_exit_2() {
    factcheck()
        .args(["catalogue", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 failed"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "scales:\n  en:\n    - {word: x}\n",
    )
    .unwrap();
    factcheck()
        .args(["catalogue", "test"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml:3"));
}
