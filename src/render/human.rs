//! `--format human`: diagnostics in the style of rustc and ruff — severity,
//! code and message, then the Vietnamese snippet and the English snippet with
//! `path:line:column` and a marker under the claim, then a one-line total.
//! Colour only on a terminal, and never when NO_COLOR is set.

use std::io::IsTerminal;

use unicode_width::UnicodeWidthStr;

use super::{Report, sanitize};
use crate::diagnostic::{Location, Severity};
use crate::segment::Article;

/// True when standard output is a terminal and NO_COLOR is unset or empty.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

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
fn window(article: &Article, loc: &Location) -> Option<(String, usize, usize)> {
    let part = article.parts.iter().find(|p| p.path == loc.path)?;
    let line = part.lines.get(loc.line - 1)?;
    let chars: Vec<char> = line.original().chars().collect();
    let (a, b) = (loc.column - 1, (loc.end_column - 1).min(chars.len()));
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
    article: Option<&Article>,
    loc: &Location,
    first: bool,
    marker: char,
    gutter: usize,
) {
    let pad = " ".repeat(gutter);
    let arrow = if first { "-->" } else { ":::" };
    out.push_str(&format!(
        "{pad}{} {}:{}:{}\n",
        st.dim(arrow),
        sanitize(&loc.path),
        loc.line,
        loc.column
    ));
    let label = format!("{} ({})", loc.section, loc.lang);
    match article.and_then(|a| window(a, loc)) {
        Some((text, offset, width)) => {
            out.push_str(&format!("{pad} {}\n", st.dim("|")));
            out.push_str(&format!(
                "{} {} {text}\n",
                st.dim(&format!("{:>gutter$}", loc.line)),
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

/// Render a report for a terminal.
pub fn render(report: &Report, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    for f in &report.files {
        if let Some(e) = &f.error {
            out.push_str(&format!(
                "{}: {}\n\n",
                st.severity(Severity::Error),
                sanitize(e)
            ));
            continue;
        }
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
                .filter_map(|l| l.as_ref().map(|l| l.line.to_string().len()))
                .max()
                .unwrap_or(1);
            let mut first = true;
            if let Some(t) = &x.target {
                snippet(&mut out, &st, f.article.as_ref(), t, first, '^', gutter);
                first = false;
            }
            if let Some(s) = &x.source {
                snippet(&mut out, &st, f.article.as_ref(), s, first, '-', gutter);
            }
            out.push('\n');
        }
    }
    let (e, w, i) = report.totals();
    let files = report.files.len();
    let broken = report.files.iter().filter(|f| f.error.is_some()).count();
    let plural = |n: usize, s: &str| format!("{n} {s}{}", if n == 1 { "" } else { "s" });
    let mut total = format!(
        "{} checked: {}, {}, {}",
        plural(files, "file"),
        plural(e, "error"),
        plural(w, "warning"),
        plural(i, "info")
    );
    if broken > 0 {
        total.push_str(&format!("; {} could not be read", plural(broken, "file")));
    }
    out.push_str(&total);
    out.push('\n');
    out
}
