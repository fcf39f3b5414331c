//! `--format github`: GitHub Actions workflow commands, one per finding, so
//! findings appear as annotations on the pull request:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=factcheck (code)::message`.

use super::{FileReport, Renderer, Totals, sanitize};
use crate::diagnostic::Severity;

/// The GitHub renderer: one workflow command per finding.
pub struct Github;

impl Renderer for Github {
    fn file(&mut self, f: &FileReport) -> String {
        file(f)
    }
    fn finish(&mut self, _: &Totals) -> String {
        String::new()
    }
}

/// Escape a message (the data after `::`), as GitHub's toolkit does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=`, `title=`): also `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A property value from article, file name or configuration: sanitised
/// (no control or bidi character reaches the log), then escaped.
fn property(s: &str) -> String {
    escape_property(&sanitize(s))
}

/// A message, sanitised then escaped.
fn data(s: &str) -> String {
    escape_data(&sanitize(s))
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn file(f: &FileReport) -> String {
    let mut out = String::new();
    {
        if let Some(e) = &f.error {
            out.push_str(&format!(
                "::error file={},title={}::{}\n",
                property(&f.path),
                property("factcheck (input)"),
                data(e)
            ));
            return out;
        }
        for x in &f.findings {
            let title = property(&format!("factcheck ({})", x.code.name()));
            let at = x.target.as_ref().or(x.source.as_ref());
            // A .docx has no lines to annotate: the file, and the paragraph
            // and offset in the message.
            let (place, prefix) = match at {
                Some(l) if l.paragraph.is_some() => (
                    format!("file={},", property(&l.path)),
                    format!("{}: ", l.place()),
                ),
                Some(l) => (
                    format!(
                        "file={},line={},col={},endLine={},endColumn={},",
                        property(&l.path),
                        l.line,
                        l.column,
                        l.end_line,
                        l.end_column
                    ),
                    String::new(),
                ),
                None => (format!("file={},", property(&f.path)), String::new()),
            };
            let message = match &x.suggestion {
                Some(fix) => format!("{} (write \"{fix}\")", x.message),
                None => x.message.clone(),
            };
            out.push_str(&format!(
                "::{} {place}title={title}::{prefix}{}\n",
                command(x.severity),
                data(&message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% a,b: c\nd\re"), "50%25 a,b: c%0Ad%0De");
        assert_eq!(escape_property("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
    }
}
