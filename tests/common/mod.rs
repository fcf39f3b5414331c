//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// `../shared` beside the repository, when present. Third-party text (the
/// seed article, the corpora) is read from there, never copied in.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("seed").is_dir().then_some(dir)
}

/// Say loudly that a test was skipped: written straight to stderr so the
/// test harness's output capture does not hide it.
pub fn skip(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The path of a file in the repository.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The expectation format of `shared/seed/expected.yaml` (also used by the
/// project's own fixtures).
#[derive(Debug, serde::Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub must_flag: Vec<Item>,
    #[serde(default)]
    pub should_flag: Vec<Item>,
    #[serde(default)]
    pub may_note: Vec<Item>,
    #[serde(default)]
    pub must_not_flag: Vec<Item>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Item {
    #[serde(default)]
    pub id: Option<String>,
    pub vi: Fragment,
    #[serde(default)]
    pub en: Option<Fragment>,
    #[serde(default)]
    pub why: Option<String>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Fragment {
    pub line: usize,
    pub text: String,
}

pub fn load_expected(path: &std::path::Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    factcheck::catalogue::parse_yaml(&text)
        .unwrap_or_else(|(l, e)| panic!("{}:{l}: {e}", path.display()))
}

/// The 0-based char range of `frag` on a line, if present.
pub fn char_span(line: &str, frag: &str) -> Option<(usize, usize)> {
    let b = line.find(frag)?;
    let start = line[..b].chars().count();
    Some((start, start + frag.chars().count()))
}
