//! Reporters: turning results into text for a terminal, a script or a CI
//! system. Renderers never decide anything; they only format what the
//! extractor and the comparator produced.

pub mod claims;
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Finding, Severity};
use crate::segment::Article;

/// The check's results for one file.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    /// Why the file could not be checked.
    pub error: Option<String>,
    pub findings: Vec<Finding>,
    /// The article, for showing snippets.
    pub article: Option<Article>,
}

/// The check's results for a run.
#[derive(Debug)]
pub struct Report {
    pub files: Vec<FileReport>,
}

impl Report {
    /// Counts of findings per severity: (error, warning, info).
    pub fn totals(&self) -> (usize, usize, usize) {
        let all = self.files.iter().flat_map(|f| &f.findings);
        let count = |s: Severity| all.clone().filter(|f| f.severity == s).count();
        (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        )
    }
}

/// Make text safe for a terminal: control characters (ANSI escapes included)
/// from the article are shown escaped, never sent raw.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A JSON number that stays valid: infinite bounds become `null`.
pub fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(super::sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(super::sanitize("tỷ"), "tỷ");
    }
}
