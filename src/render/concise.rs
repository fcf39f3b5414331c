//! `--format concise`: one line per finding, `path:line:col: severity[code]
//! message`, for grep and editors' quickfix lists. A finding is placed at its
//! Vietnamese claim, or at the English one when there is none (`omitted`);
//! an input error or a stale suppression, which have no claim, at the file's
//! line 1, column 1, so that every line parses as `path:line:col:`. In a
//! .docx, which has no lines, the place is `path:¶paragraph+offset`.

use super::{FileReport, Renderer, Totals, sanitize};

/// The concise renderer: one line per finding, nothing at the end.
pub struct Concise;

impl Renderer for Concise {
    fn file(&mut self, f: &FileReport) -> String {
        file(f)
    }
    fn finish(&mut self, _: &Totals) -> String {
        String::new()
    }
}

fn file(f: &FileReport) -> String {
    let mut out = String::new();
    {
        if let Some(e) = &f.error {
            out.push_str(&format!(
                "{}:1:1: error[input] {}\n",
                sanitize(&f.path),
                sanitize(e)
            ));
            return out;
        }
        for x in &f.findings {
            let loc = x.target.as_ref().or(x.source.as_ref());
            let place = match loc {
                Some(l) => format!("{}:{}", l.path, l.place()),
                None => format!("{}:1:1", f.path),
            };
            let fix = match &x.suggestion {
                Some(fix) => format!(" (write \"{}\")", sanitize(fix)),
                None => String::new(),
            };
            out.push_str(&format!(
                "{}: {}[{}] {}{fix}\n",
                sanitize(&place),
                x.severity.name(),
                x.code.name(),
                sanitize(&x.message).replace('\n', " ")
            ));
        }
    }
    out
}
