//! The article's lines as HTML: every character escaped, and the spans laid
//! over them — the sentences summary claims link to, every claim
//! (underlined), every finding (marked by severity) — nested where they
//! overlap. A span over several pieces of text is cut into one element per
//! piece; only the first carries its `id`.

use super::escape;

/// What a span of a line is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// A sentence of the original a summary claim links to.
    Sentence { id: String },
    /// An extracted claim: how it was read, and the sentence it links to.
    Claim {
        reading: String,
        link: Option<String>,
    },
    /// A finding's span: its number, severity, title, and the id of its
    /// first piece.
    Finding {
        n: usize,
        severity: &'static str,
        title: String,
        id: String,
    },
}

impl Kind {
    /// Outer spans first when two cover the same text.
    fn rank(&self) -> u8 {
        match self {
            Kind::Sentence { .. } => 0,
            Kind::Claim { .. } => 1,
            Kind::Finding { .. } => 2,
        }
    }
}

/// A span of a line, in 0-based characters, end exclusive.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The opening tag of a span's piece (`first`: the piece it starts with),
/// and whether it is a link.
fn open(kind: &Kind, first: bool, in_link: bool) -> (String, bool) {
    match kind {
        Kind::Sentence { id } => {
            let id = if first {
                format!(" id=\"{}\"", escape(id))
            } else {
                String::new()
            };
            (format!("<span class=\"sent\"{id}>"), false)
        }
        Kind::Claim { reading, link } => match link {
            Some(to) if !in_link => (
                format!(
                    "<a class=\"c\" href=\"#{}\" title=\"{} — checked against this sentence of the original\">",
                    escape(to),
                    escape(reading)
                ),
                true,
            ),
            _ => (
                format!("<span class=\"c\" title=\"{}\">", escape(reading)),
                false,
            ),
        },
        Kind::Finding {
            n,
            severity,
            title,
            id,
        } => {
            let id = if first {
                format!(" id=\"{}\"", escape(id))
            } else {
                String::new()
            };
            (
                format!(
                    "<mark class=\"f {severity}\" data-f=\"{n}\"{id} tabindex=\"0\" title=\"{}\">",
                    escape(title)
                ),
                false,
            )
        }
    }
}

/// A line's text with its spans as HTML. Spans outside the line are
/// clipped; empty ones dropped.
pub fn mark_line(text: &str, mut spans: Vec<Span>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    for s in &mut spans {
        s.end = s.end.min(len);
    }
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.kind.rank()));
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.extend([0, len]);
    bounds.sort_unstable();
    bounds.dedup();
    let piece = |a: usize, b: usize| escape(&chars[a..b].iter().collect::<String>());
    let mut out = String::with_capacity(text.len() + 64 * spans.len());
    // Spans covering the current piece, in nesting order (indices into `spans`).
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&k| spans[k].end > a);
        while next < spans.len() && spans[next].start <= a {
            if spans[next].end > a {
                active.push(next);
            }
            next += 1;
        }
        let mut closes = Vec::with_capacity(active.len());
        let mut in_link = false;
        for &k in &active {
            let (tag, link) = open(&spans[k].kind, spans[k].start == a, in_link);
            in_link |= link;
            out.push_str(&tag);
            closes.push(if link {
                "</a>"
            } else if matches!(spans[k].kind, Kind::Finding { .. }) {
                "</mark>"
            } else {
                "</span>"
            });
        }
        out.push_str(&piece(a, b));
        for c in closes.iter().rev() {
            out.push_str(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            kind: Kind::Claim {
                reading: "percent 25".into(),
                link: None,
            },
        }
    }

    #[test]
    fn text_is_escaped_and_claims_wrapped() {
        let html = mark_line("<b>25%</b> & \"x\"", vec![claim(3, 6)]);
        assert_eq!(
            html,
            "&lt;b&gt;<span class=\"c\" title=\"percent 25\">25%</span>&lt;/b&gt; &amp; &quot;x&quot;"
        );
    }

    #[test]
    fn overlapping_spans_nest_and_ids_stay_unique() {
        let f = Span {
            start: 2,
            end: 8,
            kind: Kind::Finding {
                n: 7,
                severity: "error",
                title: "t".into(),
                id: "f-7".into(),
            },
        };
        let html = mark_line("ab12345678cd", vec![claim(0, 4), f]);
        assert_eq!(html.matches("id=\"f-7\"").count(), 1);
        assert_eq!(html.matches("data-f=\"7\"").count(), 2);
        assert_eq!(
            html.matches("<span").count(),
            html.matches("</span>").count()
        );
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
    }

    #[test]
    fn spans_past_the_end_are_clipped() {
        let html = mark_line("ab", vec![claim(1, usize::MAX), claim(5, 9)]);
        assert_eq!(html, "a<span class=\"c\" title=\"percent 25\">b</span>");
    }
}
