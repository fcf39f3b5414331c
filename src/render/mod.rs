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
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod statistics;
pub mod view;

use crate::diagnostic::{Finding, Location, Severity};
use crate::segment::Article;

/// The check's results for one file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    pub path: String,
    /// Why the file could not be checked.
    pub error: Option<String>,
    pub findings: Vec<Finding>,
    /// The lines, as written, that the findings point into (for snippets;
    /// in a .docx, paragraphs).
    pub lines: Vec<QuotedLine>,
    /// The whole article with its claims and alignment, for the formats
    /// that show it (`Format::wants_article`); `None` otherwise.
    pub view: Option<Box<view::ArticleView>>,
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
                Some(QuotedLine {
                    path: path.to_string(),
                    line,
                    text: part.quoted_line(line)?.to_string(),
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

/// Counts over a run: files (checked or not), files that could not be
/// checked, findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Every file of the run, `broken` ones included.
    pub files: usize,
    pub broken: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Totals {
    /// The files that were checked: all but those that could not be.
    pub fn checked(&self) -> usize {
        self.files - self.broken
    }

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
    Human {
        color: bool,
    },
    Concise,
    Json,
    Sarif,
    Github,
    /// One self-contained HTML page with the articles side by side.
    Html,
    /// Counts per code (`--statistics`), as a table or JSON.
    Statistics {
        json: bool,
    },
}

impl Format {
    /// True for a format that shows whole articles (`FileReport::view`).
    pub fn wants_article(self) -> bool {
        matches!(self, Format::Html)
    }
}

/// The renderer of a format.
pub fn renderer(format: Format) -> Box<dyn Renderer> {
    match format {
        Format::Human { color } => Box::new(human::Human::new(color)),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
        Format::Html => Box::new(html::Html::default()),
        Format::Statistics { json } => Box::new(statistics::Statistics::new(json)),
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

/// True for a character that must never reach a terminal or an annotation
/// raw: C0 and C1 controls (ANSI escapes, OSC titles, bells, line breaks)
/// and the bidirectional controls that reorder what a reader sees
/// (U+202A–202E, U+2066–2069, U+200E/200F, U+061C).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Make text safe for a terminal or a CI annotation: every character
/// `is_unsafe` names is shown as `<U+202E>`, never sent raw. The one
/// sanitiser for article text, file names, configuration and catalogue text
/// and error messages.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A JSON number that stays valid: infinite bounds become `null`.
pub fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(super::sanitize("a\u{1b}[31mb"), "a<U+001B>[31mb");
        assert_eq!(super::sanitize("tỷ"), "tỷ");
        assert_eq!(super::sanitize("\u{9b}x\u{7f}"), "<U+009B>x<U+007F>");
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let s = super::sanitize(&format!("a{c}b"));
            assert_eq!(s, format!("a<U+{:04X}>b", c as u32));
        }
        // Zero-width joiners and other format characters are text, not controls.
        assert_eq!(super::sanitize("a\u{200D}b"), "a\u{200D}b");
    }
}
