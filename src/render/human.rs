//! `--format human`: diagnostics in the style of rustc and ruff — severity,
//! code and message, then the Vietnamese snippet and the English snippet with
//! `path:line:column` and a marker under the claim, then a one-line total.
//! Colour is the caller's choice (`--color`). A file that could not be
//! checked has nothing here: its error goes to standard error.

use unicode_width::UnicodeWidthStr;

use super::{FileReport, Renderer, Totals, sanitize};
use crate::diagnostic::{Location, Severity};

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s.name())
    }
    fn dim(&self, s: &str) -> String {
        self.paint("1;34", s)
    }
}

/// How many characters of context to show on each side of a claim.
const CONTEXT: usize = 36;

/// The line around a location, shortened to a window, with the marker offset
/// and width in terminal columns.
fn window(f: &FileReport, loc: &Location) -> Option<(String, usize, usize)> {
    let chars: Vec<char> = f.line_of(loc)?.chars().collect();
    // A span over several lines (a Markdown or HTML paragraph wrapped in
    // the file) is marked to the end of its first.
    let end = if loc.end_line == loc.line {
        loc.end_column - 1
    } else {
        chars.len()
    };
    let a = (loc.column - 1).min(chars.len());
    let b = end.clamp(a, chars.len());
    let from = a.saturating_sub(CONTEXT);
    let to = (b + CONTEXT).min(chars.len());
    let text = |r: std::ops::Range<usize>| sanitize(&chars[r].iter().collect::<String>());
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    let before = format!("{lead}{}", text(from..a));
    let claim = text(a..b);
    let shown = format!("{before}{claim}{}{tail}", text(b..to));
    Some((shown, before.width(), claim.width().max(1)))
}

fn snippet(
    out: &mut String,
    st: &Style,
    file: &FileReport,
    loc: &Location,
    first: bool,
    marker: char,
    gutter: usize,
) {
    let pad = " ".repeat(gutter);
    let arrow = if first { "-->" } else { ":::" };
    out.push_str(&format!(
        "{pad}{} {}:{}\n",
        st.dim(arrow),
        sanitize(&loc.path),
        loc.place()
    ));
    let label = format!("{} ({})", loc.section, loc.lang);
    match window(file, loc) {
        Some((text, offset, width)) => {
            out.push_str(&format!("{pad} {}\n", st.dim("|")));
            out.push_str(&format!(
                "{} {} {text}\n",
                st.dim(&format!("{:>gutter$}", loc.gutter())),
                st.dim("|")
            ));
            let marks: String = std::iter::repeat_n(marker, width).collect();
            out.push_str(&format!(
                "{pad} {} {}{} {label}\n",
                st.dim("|"),
                " ".repeat(offset),
                st.paint(if marker == '^' { "1;31" } else { "1;34" }, &marks)
            ));
        }
        None => out.push_str(&format!(
            "{pad} {} {} {label}\n",
            st.dim("|"),
            sanitize(&loc.text)
        )),
    }
}

/// The human renderer: diagnostics per file, a one-line total at the end.
pub struct Human {
    st: Style,
}

impl Human {
    pub fn new(color: bool) -> Self {
        Human {
            st: Style { color },
        }
    }
}

impl Renderer for Human {
    fn file(&mut self, f: &FileReport) -> String {
        let st = &self.st;
        let mut out = String::new();
        for x in &f.findings {
            out.push_str(&format!(
                "{}{}: {}\n",
                st.severity(x.severity),
                st.paint("1", &format!("[{}]", x.code.name())),
                sanitize(&x.message)
            ));
            // One gutter width for the whole diagnostic, as rustc does.
            let gutter = [&x.target, &x.source]
                .iter()
                .filter_map(|l| l.as_ref().map(|l| l.gutter().chars().count()))
                .max()
                .unwrap_or(1);
            let mut first = true;
            if let Some(t) = &x.target {
                snippet(&mut out, st, f, t, first, '^', gutter);
                first = false;
            }
            if let Some(s) = &x.source {
                snippet(&mut out, st, f, s, first, '-', gutter);
            }
            if let Some(fix) = &x.suggestion {
                out.push_str(&format!(
                    "{} {} {}: write \"{}\"\n",
                    " ".repeat(gutter),
                    st.paint("1;34", "="),
                    st.paint("1", "help"),
                    sanitize(fix)
                ));
            }
            out.push('\n');
        }
        out
    }

    fn finish(&mut self, t: &Totals) -> String {
        totals_line(t)
    }
}

/// `n thing` or `n things`.
pub fn plural(n: usize, s: &str) -> String {
    format!("{n} {s}{}", if n == 1 { "" } else { "s" })
}

/// The one-line total: files checked and their findings, then the files
/// that could not be checked, counted apart.
pub fn totals_line(t: &Totals) -> String {
    let mut total = format!(
        "{} checked: {}, {}, {}",
        plural(t.checked(), "file"),
        plural(t.error, "error"),
        plural(t.warning, "warning"),
        plural(t.info, "info")
    );
    if t.broken > 0 {
        total.push_str(&format!(
            "; {} could not be checked",
            plural(t.broken, "file")
        ));
    }
    total.push('\n');
    total
}
