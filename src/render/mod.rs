//! Reporters: turning results into text for a terminal, a script or a CI
//! system. Renderers never decide anything; they only format what the
//! extractor and the comparator produced.
//!
//! Reports stream: a `Renderer` is given each file's results in order, as
//! soon as they are known, and the run's totals at the end, so a run over
//! thousands of articles holds none of them. A file's results carry the
//! lines their findings quote, not the article.

pub mod claims;
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Finding, Location, Severity};
use crate::segment::Article;

/// The check's results for one file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    pub path: String,
    /// Why the file could not be checked.
    pub error: Option<String>,
    pub findings: Vec<Finding>,
    /// The lines, as written, that the findings point into (for snippets).
    pub lines: Vec<QuotedLine>,
}

/// A line of an article quoted by a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedLine {
    pub path: String,
    pub line: usize,
    pub text: String,
}

impl FileReport {
    /// Keep, from the article, the lines the findings point into.
    pub fn quote_lines(&mut self, article: &Article) {
        let mut wanted: Vec<(&str, usize)> = self
            .findings
            .iter()
            .flat_map(|f| [&f.target, &f.source])
            .flatten()
            .map(|l| (l.path.as_str(), l.line))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        self.lines = wanted
            .into_iter()
            .filter_map(|(path, line)| {
                let part = article.parts.iter().find(|p| p.path == path)?;
                let l = part.lines.get(line.checked_sub(1)?)?;
                Some(QuotedLine {
                    path: path.to_string(),
                    line,
                    text: l.original().to_string(),
                })
            })
            .collect();
    }

    /// The line a location points into, as written.
    pub fn line_of(&self, loc: &Location) -> Option<&str> {
        self.lines
            .iter()
            .find(|l| l.line == loc.line && l.path == loc.path)
            .map(|l| l.text.as_str())
    }
}

/// Counts over a run: files, files that could not be checked, findings by
/// severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub broken: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Totals {
    pub fn add(&mut self, f: &FileReport) {
        self.files += 1;
        self.broken += usize::from(f.error.is_some());
        for x in &f.findings {
            match x.severity {
                Severity::Error => self.error += 1,
                Severity::Warning => self.warning += 1,
                Severity::Info => self.info += 1,
            }
        }
    }
}

/// A report format, fed one file at a time.
pub trait Renderer {
    /// The text of one file's results (some formats hold them to the end).
    fn file(&mut self, f: &FileReport) -> String;
    /// The rest of the report, once every file was given.
    fn finish(&mut self, totals: &Totals) -> String;
}

/// The report formats of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human { color: bool },
    Concise,
    Json,
    Sarif,
    Github,
}

/// The renderer of a format.
pub fn renderer(format: Format) -> Box<dyn Renderer> {
    match format {
        Format::Human { color } => Box::new(human::Human::new(color)),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
    }
}

/// A whole report at once (for tests and small callers).
pub fn render(format: Format, files: &[FileReport]) -> String {
    let mut r = renderer(format);
    let mut totals = Totals::default();
    let mut out = String::new();
    for f in files {
        totals.add(f);
        out.push_str(&r.file(f));
    }
    out.push_str(&r.finish(&totals));
    out
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
