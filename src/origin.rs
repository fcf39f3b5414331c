//! The way back from converted text to the file as written.
//!
//! A Markdown, HTML or Word article is turned into lines in the seed layout
//! (`formats`); every character of those lines remembers where it came from:
//! a line and column of the file for Markdown and HTML, a paragraph and a
//! character offset for a .docx. Positions are kept as runs (a character
//! that continues its neighbour's run costs nothing), so a map is small next
//! to its text. A plain text file has no origin: its lines are the file's.

use serde::Serialize;

/// What the numbers of a place count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Line and column of a text file (Markdown, HTML).
    Lines,
    /// Paragraph and character offset of a Word document.
    Paragraphs,
}

/// Where a claim is in a .docx: the paragraph (1-based, every paragraph of
/// the document body counted, empty ones included) and the characters from
/// its start (0-based, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParagraphSpan {
    pub paragraph: usize,
    pub offset: usize,
    pub end_offset: usize,
}

/// A span as reported: line and columns (1-based, end exclusive), and for a
/// .docx the same span as a paragraph and offsets (where `line` is the
/// paragraph and `column` the offset + 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub paragraph: Option<ParagraphSpan>,
}

/// From this character of a converted line on, characters come from
/// consecutive places of the source, starting at (`major`, `minor`): line
/// (or paragraph) 1-based, column (or offset) 0-based.
#[derive(Debug, Clone, Copy)]
struct Run {
    at: u32,
    major: u32,
    minor: u32,
}

/// The map of one converted file back to the file as written, and the text
/// its findings quote (the file's lines, or the document's paragraphs).
#[derive(Debug, Clone)]
pub struct Origin {
    pub unit: Unit,
    /// The runs of each converted line.
    lines: Vec<Vec<Run>>,
    /// The quoted text, and the byte range of each line or paragraph in it.
    quoted: String,
    ranges: Vec<(usize, usize)>,
}

impl Origin {
    /// The place of char `k` (0-based) of converted line `line` (1-based).
    fn at(&self, line: usize, k: usize) -> Option<(usize, usize)> {
        let runs = self.lines.get(line.checked_sub(1)?)?;
        let i = runs.partition_point(|r| r.at as usize <= k);
        let r = runs.get(i.checked_sub(1)?)?;
        Some((r.major as usize, r.minor as usize + (k - r.at as usize)))
    }

    /// The span of the source behind columns `column..end_column` (1-based,
    /// end exclusive) of converted line `line`.
    pub fn place(&self, line: usize, column: usize, end_column: usize) -> Option<Placed> {
        let (l, c) = self.at(line, column.checked_sub(1)?)?;
        let (el, ec) = if end_column > column {
            let (el, ec) = self.at(line, end_column - 2)?;
            (el, ec + 1)
        } else {
            (l, c)
        };
        let paragraph = (self.unit == Unit::Paragraphs).then_some(ParagraphSpan {
            paragraph: l,
            offset: c,
            end_offset: if el == l { ec } else { c },
        });
        Some(Placed {
            line: l,
            column: c + 1,
            end_line: el,
            end_column: ec + 1,
            paragraph,
        })
    }

    /// Line (or paragraph) `n` of the source, 1-based, as written.
    pub fn quoted(&self, n: usize) -> Option<&str> {
        let &(s, e) = self.ranges.get(n.checked_sub(1)?)?;
        self.quoted.get(s..e)
    }
}

/// Converted text in the making: characters pushed with their source
/// place, lines ended explicitly.
pub struct Builder {
    unit: Unit,
    text: String,
    lines: Vec<Vec<Run>>,
    runs: Vec<Run>,
    /// Characters of the current line.
    chars: u32,
    /// The place that would continue the last run.
    next: Option<(u32, u32)>,
}

impl Builder {
    pub fn new(unit: Unit) -> Self {
        Builder {
            unit,
            text: String::new(),
            lines: Vec::new(),
            runs: Vec::new(),
            chars: 0,
            next: None,
        }
    }

    /// Push one character from (`major`, `minor`). A line break inside a
    /// block becomes a space (lines end only with `end_line`); no line
    /// starts with a space.
    pub fn push(&mut self, c: char, major: usize, minor: usize) {
        let c = if matches!(c, '\n' | '\r') { ' ' } else { c };
        if c == ' ' && self.chars == 0 {
            return;
        }
        let place = (clamp(major), clamp(minor));
        if self.next != Some(place) {
            self.runs.push(Run {
                at: self.chars,
                major: place.0,
                minor: place.1,
            });
        }
        self.next = Some((place.0, place.1.saturating_add(1)));
        self.text.push(c);
        self.chars = self.chars.saturating_add(1);
    }

    /// True when the current line ends with a space (or has nothing).
    pub fn ends_with_space(&self) -> bool {
        self.chars == 0 || self.text.ends_with(' ')
    }

    /// Drop the spaces that end the current line.
    fn trim_end(&mut self) {
        while self.chars > 0 && self.text.ends_with(' ') {
            self.text.pop();
            self.chars -= 1;
            if self.runs.last().is_some_and(|r| r.at >= self.chars) {
                self.runs.pop();
            }
            self.next = None;
        }
    }

    /// End the current line, if it has anything; with `keep_empty`, an
    /// empty line too (a .docx keeps its empty paragraphs).
    pub fn end_line(&mut self, keep_empty: bool) {
        self.trim_end();
        if self.chars == 0 && !keep_empty {
            return;
        }
        self.text.push('\n');
        self.lines.push(std::mem::take(&mut self.runs));
        self.chars = 0;
        self.next = None;
    }

    /// The converted text and its origin; `quoted` and `ranges` are what
    /// snippets quote (see `Origin`).
    pub fn finish(mut self, quoted: String, ranges: Vec<(usize, usize)>) -> (String, Origin) {
        self.end_line(false);
        let origin = Origin {
            unit: self.unit,
            lines: self.lines,
            quoted,
            ranges,
        };
        (self.text, origin)
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The byte ranges of the lines of a text, split the way `normalize` splits
/// them (`\n`, `\r\n`, a lone `\r`), without their terminators.
pub fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    crate::normalize::line_spans(text).collect()
}

/// Byte offset → (line 1-based, column 0-based in characters) in a text,
/// fast for offsets asked in increasing order.
pub struct Locator<'a> {
    text: &'a str,
    /// The byte where each line starts.
    starts: Vec<usize>,
    /// The last answer: (byte, line index, column).
    cursor: (usize, usize, usize),
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts: Vec<usize> = line_ranges(text).iter().map(|r| r.0).collect();
        if starts.is_empty() {
            starts.push(0);
        }
        Locator {
            text,
            starts,
            cursor: (0, 0, 0),
        }
    }

    /// The place of byte `byte` (moved back to a character boundary).
    pub fn at(&mut self, byte: usize) -> (usize, usize) {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= byte).max(1) - 1;
        // Counted from the last answer on the same line, forwards or back,
        // so that a long line read in order costs its length once.
        let col = match self.cursor {
            (b, l, c) if l == line && b <= byte => c + self.text[b..byte].chars().count(),
            (b, l, c) if l == line && byte - self.starts[line] > b - byte => {
                c - self.text[byte..b].chars().count()
            }
            _ => self.text[self.starts[line]..byte].chars().count(),
        };
        self.cursor = (byte, line, col);
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_steps_back_along_a_line() {
        let mut l = Locator::new("ab\nxyzé uv");
        assert_eq!(l.at(9), (2, 5));
        assert_eq!(l.at(8), (2, 4));
        assert_eq!(l.at(4), (2, 1));
        assert_eq!(l.at(10), (2, 6));
        assert_eq!(l.at(1), (1, 1));
    }

    #[test]
    fn runs_map_columns_back() {
        let mut b = Builder::new(Unit::Lines);
        b.push('-', 3, 0);
        b.push(' ', 3, 0);
        for (i, c) in "25% doanh".chars().enumerate() {
            b.push(c, 3, 4 + i);
        }
        b.end_line(false);
        for (i, c) in "next".chars().enumerate() {
            b.push(c, 7, 2 + i);
        }
        let (text, o) = b.finish("x".into(), vec![(0, 1)]);
        assert_eq!(text, "- 25% doanh\nnext\n");
        let p = o.place(1, 3, 6).unwrap();
        assert_eq!((p.line, p.column, p.end_line, p.end_column), (3, 5, 3, 8));
        assert_eq!(o.place(1, 1, 2).unwrap().column, 1);
        assert_eq!(o.place(2, 2, 4).unwrap().column, 4);
        assert!(o.place(3, 1, 2).is_none());
        assert_eq!(o.quoted(1), Some("x"));
        assert_eq!(o.quoted(2), None);
    }

    #[test]
    fn trailing_spaces_are_trimmed_with_their_runs() {
        let mut b = Builder::new(Unit::Lines);
        b.push('a', 1, 0);
        b.push(' ', 1, 9);
        b.end_line(false);
        b.end_line(false);
        let (text, o) = b.finish(String::new(), vec![]);
        assert_eq!(text, "a\n");
        assert_eq!(o.lines[0].len(), 1);
    }

    #[test]
    fn locator_counts_characters_per_line() {
        let text = "ab\r\ncế d\rx\n";
        let mut l = Locator::new(text);
        assert_eq!(l.at(0), (1, 0));
        assert_eq!(l.at(4), (2, 0));
        let d = text.find('d').unwrap();
        assert_eq!(l.at(d), (2, 3));
        assert_eq!(l.at(1), (1, 1));
        assert_eq!(l.at(text.find('x').unwrap()), (3, 0));
        // Inside a character: its start.
        assert_eq!(l.at(6), (2, 1));
        assert_eq!(l.at(1000), l.at(text.len()));
        assert_eq!(line_ranges("a\r\nb\rc\nd").len(), 4);
    }
}
