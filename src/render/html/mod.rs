//! `--format html`: one self-contained page for editors (inline CSS and
//! script, nothing fetched, printable). Each article gets a header with its
//! file, totals and findings table, then the Vietnamese beside the English,
//! paragraph beside the paragraph the check aligned it with (`ArticleView`),
//! every claim underlined and every finding marked by severity. The page
//! reads without its script: marks carry their message as a title, the
//! table links to them (`#f-N`). The script adds selection (both spans of a
//! finding), keyboard navigation (`j`/`n`, `k`/`p`) and a status bar.
//!
//! Streaming: each article's section is written as soon as its report is
//! given; the renderer keeps only one small entry per file (path, counts)
//! for the index of a folder, written at the end and placed first on the
//! page by the style sheet. What the run holds is the articles of the batch
//! being checked (`FileReport::view`), never the whole folder.
//! Finding numbers run through the whole report, so ids stay unique and
//! output is deterministic.

mod text;

use std::fmt::Write as _;

use super::view::{ArticleView, LineKey};
use super::{FileReport, Renderer, Totals, is_unsafe};
use crate::claim::Section;
use crate::diagnostic::{Finding, Location, Severity};
use text::{Kind, Span, mark_line};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Text as HTML: `& < > " '` escaped, and the characters a terminal report
/// would not show raw (controls, bidirectional overrides) shown as `<U+202E>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push(' '),
            c if is_unsafe(c) => {
                let _ = write!(out, "&lt;U+{:04X}&gt;", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// One file in the index of a folder's report.
struct Entry {
    article: usize,
    path: String,
    broken: bool,
    counts: [usize; 3],
}

/// The HTML renderer.
#[derive(Default)]
pub struct Html {
    started: bool,
    /// Findings numbered so far, over the whole report.
    findings: usize,
    index: Vec<Entry>,
}

fn head() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"factcheck\">\n\
         <title>factcheck report</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header class=\"top\">\n<h1>factcheck report</h1>\n<ul class=\"legend\" aria-label=\"legend\">\n\
         <li><span class=\"c\">123</span> a figure the check read</li>\n\
         <li><mark class=\"f error sw\"></mark> error: the numbers disagree</li>\n\
         <li><mark class=\"f warning sw\"></mark> warning: the claim says something different</li>\n\
         <li><mark class=\"f info sw\"></mark> info: a benign difference</li>\n\
         <li><a class=\"c\" href=\"#legend\">linked figure</a> a summary figure: links to its source sentence</li>\n\
         <li class=\"keys\"><kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>Esc</kbd> clear</li>\n\
         </ul>\n</header>\n<main id=\"report\">\n"
    )
}

fn plural(n: usize, s: &str) -> String {
    super::human::plural(n, s)
}

fn counts_html(c: [usize; 3]) -> String {
    format!(
        "<span class=\"n-error\">{}</span>, <span class=\"n-warning\">{}</span>, \
         <span class=\"n-info\">{}</span>",
        plural(c[0], "error"),
        plural(c[1], "warning"),
        plural(c[2], "info")
    )
}

/// A location as the table shows it: the claim's text and where it is.
fn cell(loc: Option<&Location>, id: &str, placed: bool) -> String {
    let Some(l) = loc else {
        return "<td>—</td>".into();
    };
    let text = escape(&l.text);
    let text = if placed {
        format!("<a href=\"#{id}\">{text}</a>")
    } else {
        text
    };
    format!(
        "<td>{text} <span class=\"loc\">{}:{} {}</span></td>",
        l.line, l.column, l.section
    )
}

/// The title of a finding's marks: message and suggestion.
fn title(f: &Finding) -> String {
    let mut t = format!("{}[{}]: {}", f.severity.name(), f.code.name(), f.message);
    if let Some(s) = &f.suggestion {
        let _ = write!(t, " — suggestion: {s}");
    }
    t
}

/// Ids of a finding's two spans: `f-N` for the Vietnamese one (or the
/// English one when there is no Vietnamese), `f-N-en` for the English one.
fn ids(f: &Finding, n: usize) -> (String, String) {
    let vi = format!("f-{n}");
    let en = if f.target.is_some() {
        format!("f-{n}-en")
    } else {
        vi.clone()
    };
    (vi, en)
}

impl Html {
    fn table(&self, f: &FileReport, first: usize, view: Option<&ArticleView>) -> String {
        if f.findings.is_empty() {
            return if f.error.is_none() {
                "<p class=\"none\">No findings.</p>\n".into()
            } else {
                String::new()
            };
        }
        let placed = |l: Option<&Location>| {
            l.zip(view).is_some_and(|(l, v)| {
                v.part_of(&l.path)
                    .is_some_and(|p| v.line((p, l.line)).is_some())
            })
        };
        let mut out = String::from(
            "<table class=\"findings\">\n<thead><tr><th>#</th><th>severity</th><th>code</th>\
             <th>message</th><th>Vietnamese</th><th>English</th></tr></thead>\n<tbody>\n",
        );
        for (k, x) in f.findings.iter().enumerate() {
            let n = first + k;
            let (vi, en) = ids(x, n);
            let sugg = x
                .suggestion
                .as_ref()
                .map(|s| format!("<div class=\"sugg\">{}</div>", escape(s)))
                .unwrap_or_default();
            let sev = x.severity.name();
            let anchor = if placed(x.target.as_ref()) || placed(x.source.as_ref()) {
                format!("<a href=\"#f-{n}\">{n}</a>")
            } else {
                n.to_string()
            };
            let _ = writeln!(
                out,
                "<tr id=\"r-{n}\" data-f=\"{n}\" class=\"{sev}\"><td>{anchor}</td>\
                 <td class=\"sev\">{sev}</td><td><code>{}</code></td>\
                 <td><span class=\"msg\">{}</span>{sugg}</td>{}{}</tr>",
                x.code.name(),
                escape(&x.message),
                cell(x.target.as_ref(), &vi, placed(x.target.as_ref())),
                cell(x.source.as_ref(), &en, placed(x.source.as_ref())),
            );
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

/// The spans of one line other than findings: the sentences summary claims
/// link to, and its claims.
fn spans_of(v: &ArticleView, a: usize, key: LineKey) -> Vec<Span> {
    let mut spans = Vec::new();
    // Sentences are in file and line order too.
    let from = v.sentences.partition_point(|s| (s.part, s.line) < key);
    for (k, s) in v.sentences.iter().enumerate().skip(from) {
        if (s.part, s.line) != key {
            break;
        }
        {
            spans.push(Span {
                start: s.column - 1,
                end: s.end_column - 1,
                kind: Kind::Sentence {
                    id: format!("a{a}-s{k}"),
                },
            });
        }
    }
    // Claims are in file and line order.
    let lo = v.claims.partition_point(|c| (c.part, c.line) < key);
    for c in v.claims[lo..]
        .iter()
        .take_while(|c| (c.part, c.line) == key)
    {
        spans.push(Span {
            start: c.column.saturating_sub(1),
            end: c.end_column.saturating_sub(1),
            kind: Kind::Claim {
                reading: c.reading.clone(),
                link: c.source_sentence.map(|k| format!("a{a}-s{k}")),
            },
        });
    }
    spans
}

/// The text of an article: a row per aligned group of paragraphs.
fn columns(v: &ArticleView, a: usize, findings: &[Finding], first: usize) -> String {
    // The findings of each line, found once (by part and line).
    let mut by_line: Vec<(LineKey, usize)> = Vec::new();
    for (k, f) in findings.iter().enumerate() {
        for l in [&f.target, &f.source].into_iter().flatten() {
            if let Some((key, _, _)) = v.locate(l) {
                by_line.push((key, k));
            }
        }
    }
    by_line.sort_unstable();
    by_line.dedup();
    let line_html = |out: &mut String, key: LineKey| {
        let Some(text) = v.line(key) else { return };
        let section = v.parts[key.0].lines[key.1 - 1].1;
        let lo = by_line.partition_point(|x| x.0 < key);
        let hi = by_line.partition_point(|x| x.0 <= key);
        // Each finding numbered as in the whole report.
        let mut spans = spans_of(v, a, key);
        for &(_, k) in &by_line[lo..hi] {
            spans.extend(spans_of_finding(v, key, &findings[k], first + k));
        }
        let class = section.map_or("other", Section::name);
        let _ = writeln!(
            out,
            "<p class=\"line {class}\" id=\"a{a}-p{}-l{}\"><span class=\"ln\">{}</span>{}</p>",
            key.0,
            key.1,
            key.1,
            mark_line(text, spans)
        );
    };
    let mut out = String::from(
        "<div class=\"cols colhead\"><div lang=\"vi\">Tiếng Việt</div><div lang=\"en\">English original</div></div>\n",
    );
    for row in &v.rows {
        out.push_str("<div class=\"cols row\"><div class=\"vi\" lang=\"vi\">\n");
        for &k in &row.vi {
            line_html(&mut out, k);
        }
        out.push_str("</div><div class=\"en\" lang=\"en\">\n");
        if row.en.is_empty() && row.vi.first().is_some_and(|&k| summary(v, k)) {
            out.push_str(
                "<p class=\"note\">The summary and takeaway: each figure links to the \
                 sentence of the original it was checked against.</p>\n",
            );
        }
        for &k in &row.en {
            line_html(&mut out, k);
        }
        out.push_str("</div></div>\n");
    }
    out
}

/// True for a line of the summary or the takeaway.
fn summary(v: &ArticleView, (part, line): LineKey) -> bool {
    v.parts[part]
        .lines
        .get(line - 1)
        .is_some_and(|l| matches!(l.1, Some(Section::Summary | Section::Takeaway)))
}

/// The spans of one finding on one line.
fn spans_of_finding(v: &ArticleView, key: LineKey, f: &Finding, n: usize) -> Vec<Span> {
    let (vi, en) = ids(f, n);
    let mut out = Vec::new();
    for (loc, id) in [(&f.target, vi), (&f.source, en)] {
        let placed = loc.as_ref().and_then(|l| v.locate(l));
        if let Some((_, column, end_column)) = placed.filter(|p| p.0 == key) {
            out.push(Span {
                start: column.saturating_sub(1),
                end: end_column.saturating_sub(1),
                kind: Kind::Finding {
                    n,
                    severity: f.severity.name(),
                    title: title(f),
                    id,
                },
            });
        }
    }
    out
}

impl Renderer for Html {
    fn file(&mut self, f: &FileReport) -> String {
        let mut out = String::new();
        if !self.started {
            self.started = true;
            out.push_str(&head());
        }
        let a = self.index.len() + 1;
        let first = self.findings + 1;
        self.findings += f.findings.len();
        let mut counts = [0; 3];
        for x in &f.findings {
            counts[match x.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
        self.index.push(Entry {
            article: a,
            path: f.path.clone(),
            broken: f.error.is_some(),
            counts,
        });
        let _ = write!(
            out,
            "<section class=\"article\" id=\"a-{a}\">\n<header>\n<h2>{}</h2>\n<p class=\"counts\">{}</p>\n",
            escape(&f.path),
            counts_html(counts)
        );
        if let Some(e) = &f.error {
            let _ = writeln!(
                out,
                "<p class=\"broken\">could not be checked: {}</p>",
                escape(e)
            );
        }
        out.push_str(&self.table(f, first, f.view.as_deref()));
        out.push_str("</header>\n");
        if let Some(v) = f.view.as_deref() {
            out.push_str(&columns(v, a, &f.findings, first));
        }
        out.push_str("</section>\n");
        out
    }

    fn finish(&mut self, t: &Totals) -> String {
        let mut out = String::new();
        if !self.started {
            out.push_str(&head());
        }
        if self.index.len() > 1 {
            out.push_str(&self.index_html());
        }
        let _ = write!(
            out,
            "<footer class=\"totals\">{}</footer>\n</main>\n\
             <p id=\"status\" role=\"status\" aria-live=\"polite\" hidden></p>\n\
             <script>\n{JS}</script>\n</body>\n</html>\n",
            escape(super::human::totals_line(t).trim_end())
        );
        out
    }
}

impl Html {
    /// The index of a folder's report: files worst first (could not be
    /// checked, then by errors, warnings, infos), ties in report order.
    fn index_html(&self) -> String {
        let mut order: Vec<&Entry> = self.index.iter().collect();
        order.sort_by_key(|e| {
            (
                std::cmp::Reverse((e.broken, e.counts[0], e.counts[1], e.counts[2])),
                e.article,
            )
        });
        let mut out = format!(
            "<nav class=\"index\" id=\"index\" aria-label=\"files\">\n<h2>{}, worst first</h2>\n\
             <table>\n<thead><tr><th>file</th><th>errors</th><th>warnings</th><th>info</th></tr></thead>\n<tbody>\n",
            plural(self.index.len(), "file")
        );
        for e in order {
            let broken = if e.broken {
                " <span class=\"broken\">could not be checked</span>"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#a-{}\">{}</a>{broken}</td><td class=\"n-error\">{}</td>\
                 <td class=\"n-warning\">{}</td><td class=\"n-info\">{}</td></tr>",
                e.article,
                escape(&e.path),
                e.counts[0],
                e.counts[1],
                e.counts[2]
            );
        }
        out.push_str("</tbody>\n</table>\n</nav>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Code, Finding, Location};
    use crate::render::{FileReport, Format, render};

    #[test]
    fn a_suggestion_shows_in_the_table_and_the_title() {
        let loc = |text: &str, lang| Location {
            path: "a.txt".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 4,
            text: text.into(),
            section: "translation",
            lang,
            paragraph: None,
        };
        let f = FileReport {
            path: "a.txt".into(),
            findings: vec![Finding {
                code: Code::HedgeDropped,
                severity: Code::HedgeDropped.severity(),
                message: "the qualifier was dropped".into(),
                target: Some(loc("25%", "vi")),
                source: Some(loc("almost 25%", "en")),
                suggestion: Some("gần 25% <b>".into()),
            }],
            ..FileReport::default()
        };
        let html = render(Format::Html, &[f]);
        assert!(html.contains("<div class=\"sugg\">gần 25% &lt;b&gt;</div>"));
        assert!(html.contains("<tr id=\"r-1\" data-f=\"1\" class=\"warning\">"));
        // Without the article, the table stands alone: no link to a span.
        assert!(!html.contains("href=\"#f-1\""));
        assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
        assert_eq!(
            super::title(&render_finding()),
            "warning[hedge-dropped]: m — suggestion: gần 25%"
        );
    }

    fn render_finding() -> Finding {
        Finding {
            code: Code::HedgeDropped,
            severity: Code::HedgeDropped.severity(),
            message: "m".into(),
            target: None,
            source: None,
            suggestion: Some("gần 25%".into()),
        }
    }

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            super::escape("<script>alert('x')</script> & \"\u{202E}\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&lt;U+202E&gt;&quot;"
        );
    }
}
