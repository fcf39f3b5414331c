//! `--format concise`: one line per finding, `path:line:col: severity[code]
//! message`, for grep and editors' quickfix lists. A finding is placed at its
//! Vietnamese claim, or at the English one when there is none (`omitted`).

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
                "{}: error[input] {}\n",
                sanitize(&f.path),
                sanitize(e)
            ));
            return out;
        }
        for x in &f.findings {
            let loc = x.target.as_ref().or(x.source.as_ref());
            let place = match loc {
                Some(l) => format!("{}:{}:{}", l.path, l.line, l.column),
                None => f.path.clone(),
            };
            out.push_str(&format!(
                "{}: {}[{}] {}\n",
                sanitize(&place),
                x.severity.name(),
                x.code.name(),
                sanitize(&x.message).replace('\n', " ")
            ));
        }
    }
    out
}
