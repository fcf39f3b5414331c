//! Markdown (`.md`) → lines in the seed layout, with pulldown-cmark.
//!
//! Each block (heading, paragraph, list item, code line) becomes a line; a
//! list item becomes a bullet (`- `) so that segmentation finds the summary;
//! a paragraph's soft and hard breaks become spaces; emphasis, link and
//! image syntax is dropped (a link keeps its text, an autolink or bare URL
//! its URL, an image nothing); raw HTML is dropped. Every character keeps
//! its line and column in the file as written.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::origin::{Builder, Locator, Origin, Unit, line_ranges};

/// Convert a Markdown text.
pub fn convert(text: &str) -> (String, Origin) {
    let mut loc = Locator::new(text);
    let mut b = Builder::new(Unit::Lines);
    // Open list items; whether the current line is a bullet with nothing
    // after it yet; depth inside an image (its alt text is no prose).
    let (mut items, mut fresh, mut image) = (0usize, false, 0usize);
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Item) => {
                b.end_line(false);
                let (l, c) = loc.at(range.start);
                b.push('-', l, c);
                b.push(' ', l, c);
                items += 1;
                fresh = true;
            }
            Event::End(TagEnd::Item) => {
                items = items.saturating_sub(1);
                b.end_line(false);
                fresh = false;
            }
            // The paragraphs of a list item make one bullet line.
            Event::Start(Tag::Paragraph) if items > 0 && !fresh && !b.ends_with_space() => {
                let (l, c) = loc.at(range.start);
                b.push(' ', l, c);
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if items > 0 => {}
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. },
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link,
            ) => {}
            // Every other block starts and ends a line.
            Event::Start(_) | Event::End(_) | Event::Rule => {
                b.end_line(false);
                fresh = false;
            }
            Event::Text(t) | Event::Code(t) if image == 0 => {
                text_at(&mut b, &mut loc, text, &t, range);
                fresh = false;
            }
            Event::SoftBreak | Event::HardBreak if image == 0 => {
                let (l, c) = loc.at(range.start);
                b.push(' ', l, c);
            }
            _ => {}
        }
    }
    b.finish(text.to_string(), line_ranges(text))
}

/// Push a text event: character by character from where it is written in
/// its source range, or all at the range's start when it is written
/// otherwise (an entity, an escape). A line break (in code) ends the line.
fn text_at(b: &mut Builder, loc: &mut Locator, src: &str, t: &str, range: std::ops::Range<usize>) {
    let found = src.get(range.clone()).and_then(|raw| raw.find(t));
    let start = loc.at(range.start);
    for (o, c) in t.char_indices() {
        if c == '\n' {
            b.end_line(false);
            continue;
        }
        let (l, col) = match found {
            Some(i) => loc.at(range.start + i + o),
            None => start,
        };
        b.push(c, l, col);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(md: &str) -> Vec<String> {
        convert(md).0.lines().map(str::to_string).collect()
    }

    #[test]
    fn blocks_become_seed_lines() {
        let md = "# Tiêu đề *lớn*\n\n- Doanh thu **tăng 25%**\n  trong năm\n* [Một](https://x.example) hai\n\n📌 Tóm lại\n\n<https://example.com/a>\n\nĐoạn một\ncòn tiếp.\n\n![ảnh 5](p.png) Hết <b>đậm</b>.\n";
        assert_eq!(
            lines(md),
            [
                "Tiêu đề lớn",
                "- Doanh thu tăng 25% trong năm",
                "- Một hai",
                "📌 Tóm lại",
                "https://example.com/a",
                "Đoạn một còn tiếp.",
                "Hết đậm.",
            ]
        );
    }

    #[test]
    fn columns_point_into_the_file() {
        let md = "Intro\n\n- Doanh thu **tăng 25%** nay\n\nxa &amp; 7%\n";
        let (text, o) = convert(md);
        let second = text.lines().nth(1).unwrap();
        let col = second.chars().position(|c| c == '2').unwrap() + 1;
        let p = o.place(2, col, col + 3).unwrap();
        // "- Doanh thu **tăng 25%**": "25%" is at column 20 of line 3.
        assert_eq!((p.line, p.column, p.end_column), (3, 20, 23));
        assert_eq!(o.quoted(3), Some("- Doanh thu **tăng 25%** nay"));
        let third = text.lines().nth(2).unwrap();
        assert_eq!(third, "xa & 7%");
        let p = o.place(3, 6, 8).unwrap();
        assert_eq!((p.line, p.column, p.end_column), (5, 10, 12));
    }

    #[test]
    fn loose_items_and_nested_lists() {
        let md = "- một\n\n  hai\n- ba\n  - bốn\n";
        assert_eq!(lines(md), ["- một hai", "- ba", "- bốn"]);
    }
}
