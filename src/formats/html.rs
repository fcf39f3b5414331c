//! HTML (`.html`, `.htm`: a CMS export or a saved page) → lines in the seed
//! layout, with the html5gum tokenizer (WHATWG's tokenizer, with byte spans).
//!
//! Block elements (paragraphs, headings, list items, table cells, `div`,
//! `br`…) end a line; a list item becomes a bullet (`- `); whitespace runs
//! collapse to one space as a browser shows them; character references are
//! decoded; `head`, `script`, `style`, `template`, `noscript`, `svg` and the
//! like are dropped with their content. Markup is forgiven as browsers
//! forgive it, except a file that ends inside a tag, a comment or a
//! `script`/`style` element — text would be lost silently — which is an
//! error. Every character keeps its line and column in the file as written.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::FormatError;
use crate::origin::{Builder, Locator, Origin, Unit, line_ranges};

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
    "select", "textarea", "title",
];

/// Elements that end a line where they start and where they end.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Convert an HTML text.
pub fn convert(text: &str) -> Result<(String, Origin), FormatError> {
    let mut loc = Locator::new(text);
    let mut b = Builder::new(Unit::Lines);
    // The dropped element we are in (its name, where it opened, how many of
    // its kind are open inside it).
    let mut dropping: Option<(Vec<u8>, usize, usize)> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if let Some((open, _, depth)) = &mut dropping {
                    if open.as_slice() == name && !tag.self_closing {
                        *depth += 1;
                    } else if open.as_slice() == b"head" && name == b"body" {
                        dropping = None;
                    }
                    continue;
                }
                if is(DROPPED, name) && !tag.self_closing {
                    dropping = Some((name.to_vec(), tag.span.start, 0));
                } else if is(BLOCKS, name) {
                    b.end_line(false);
                    if name == b"li" {
                        let (l, c) = loc.at(tag.span.start);
                        b.push('-', l, c);
                        b.push(' ', l, c);
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                match &mut dropping {
                    Some((open, _, depth)) if open.as_slice() == name => {
                        if *depth == 0 {
                            dropping = None;
                        } else {
                            *depth -= 1;
                        }
                    }
                    Some(_) => {}
                    None if is(BLOCKS, name) => b.end_line(false),
                    None => {}
                }
            }
            Token::String(s) if dropping.is_none() => {
                push_text(&mut b, &mut loc, text, &s.value, s.span.start, s.span.end);
            }
            Token::Error(e) => {
                // Reported at the end of the file: placed where what it is
                // inside of opened.
                let (what, opened) = match e.value {
                    html5gum::Error::EofInTag | html5gum::Error::EofBeforeTagName => {
                        ("a tag", text.rfind('<'))
                    }
                    html5gum::Error::EofInComment => ("a comment", text.rfind("<!--")),
                    html5gum::Error::EofInScriptHtmlCommentLikeText => {
                        ("a script", text.rfind("<!--"))
                    }
                    html5gum::Error::EofInCdata => ("a CDATA section", text.rfind("<![")),
                    html5gum::Error::EofInDoctype => ("a DOCTYPE", text.rfind("<!")),
                    _ => continue,
                };
                let at = opened.unwrap_or(e.span.start);
                return Err(ends_inside(&mut loc, what.to_string(), at));
            }
            _ => {}
        }
    }
    if let Some((name, at, _)) = dropping
        && matches!(
            name.as_slice(),
            b"script" | b"style" | b"textarea" | b"title"
        )
    {
        let what = format!("<{}>", String::from_utf8_lossy(&name));
        return Err(ends_inside(&mut loc, what, at));
    }
    Ok(b.finish(text.to_string(), line_ranges(text)))
}

fn ends_inside(loc: &mut Locator, what: String, at: usize) -> FormatError {
    let (line, c) = loc.at(at);
    FormatError::Html {
        what,
        line,
        column: c + 1,
    }
}

fn is(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// True for the whitespace HTML collapses.
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Push decoded text whose source is bytes `start..end`: each character at
/// the place it is written, found by walking the source beside it; a
/// character from a reference (`&amp;`, `&#7913;`) at the reference's `&`.
/// Whitespace runs become one space (none at the start of a line).
fn push_text(
    b: &mut Builder,
    loc: &mut Locator,
    src: &str,
    decoded: &[u8],
    start: usize,
    end: usize,
) {
    let decoded = String::from_utf8_lossy(decoded);
    let raw = src.get(start..end.min(src.len())).unwrap_or("");
    let mut p = 0; // byte in `raw`
    let mut last_ref = start;
    for c in decoded.chars() {
        let here = match raw[p..].chars().next() {
            Some(r) if r == c || (c == '\n' && r == '\r') => {
                let at = start + p;
                p += r.len_utf8();
                if r == '\r' && raw[p..].starts_with('\n') {
                    p += 1;
                }
                at
            }
            Some('&') => {
                last_ref = start + p;
                p += reference_len(&raw[p..]);
                last_ref
            }
            // A second character of one reference, or source we lost.
            _ => last_ref,
        };
        let (l, col) = loc.at(here);
        if collapsible(c) {
            if !b.ends_with_space() {
                b.push(' ', l, col);
            }
        } else {
            b.push(c, l, col);
        }
    }
}

/// The length of the character reference at the start of `s` (which starts
/// with `&`): up to its `;`, else its run of letters and digits.
fn reference_len(s: &str) -> usize {
    let body = &s[1..];
    let run = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(body.len());
    let semi = usize::from(body[run..].starts_with(';'));
    1 + run + semi
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        convert(html)
            .unwrap()
            .0
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn blocks_become_seed_lines() {
        let html = "<!DOCTYPE html><html><head><title>T 5%</title><style>p{x:1}</style></head>\n<body><h1>Tiêu   đề</h1>\n<ul><li>Doanh thu <b>tăng</b> 25%</li><li>Hai</li></ul>\n<p>📌 Tóm lại</p><script>var a = '<p>9%</p>';</script>\n<p><a href=\"https://x.example/a\">https://x.example/a</a></p><div>Một<br>hai &amp; ba&nbsp;4</div><!-- 7% --></body></html>";
        assert_eq!(
            lines(html),
            [
                "Tiêu đề",
                "- Doanh thu tăng 25%",
                "- Hai",
                "📌 Tóm lại",
                "https://x.example/a",
                "Một",
                "hai & ba\u{a0}4",
            ]
        );
    }

    #[test]
    fn columns_point_into_the_file() {
        let html =
            "<html>\n<body>\n  <p>Doanh thu\n    t&#259;ng <b>25%</b> n&agrave;y</p>\n</body>";
        let (text, o) = convert(html).unwrap();
        assert_eq!(text, "Doanh thu tăng 25% này\n");
        let col = text.chars().position(|c| c == '2').unwrap() + 1;
        let p = o.place(1, col, col + 3).unwrap();
        assert_eq!((p.line, p.column, p.end_column), (4, 18, 21));
        // "ă" is the reference `&#259;` at column 6.
        let p = o.place(1, 12, 13).unwrap();
        assert_eq!((p.line, p.column), (4, 6));
        let p = o.place(1, 21, 22).unwrap();
        assert_eq!((p.line, p.column), (4, 27));
        assert_eq!(o.quoted(4), Some("    t&#259;ng <b>25%</b> n&agrave;y</p>"));
    }

    #[test]
    fn truncated_markup_is_an_error() {
        for (html, what) in [
            ("<p>một</p><!-- cut", "comment"),
            ("<p>một</p><a href=\"x", "tag"),
            ("<p>một</p>\n<script>var x = 1;", "<script>"),
        ] {
            let e = convert(html).unwrap_err().to_string();
            assert!(e.contains(what), "{e}");
            assert!(!e.contains('\n'), "{e}");
        }
        // Forgiven as a browser forgives it.
        assert_eq!(lines("<p>một<p>hai</div></span>ba"), ["một", "hai", "ba"]);
    }
}
