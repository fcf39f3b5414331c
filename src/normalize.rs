//! Normalisation for matching, with a way back to the file as written.
//!
//! Owns splitting a decoded text into lines (LF, CRLF and lone CR all end a
//! line), folding each line to NFC with typographic variants unified (no-break
//! and thin spaces become spaces, Unicode dashes and minus signs become `-`,
//! zero-width characters and control characters are dropped or blanked), and
//! the column map that turns a position in the normalised text back into a
//! 1-based character column of the original line. Decomposed Vietnamese
//! therefore yields the same claims, reported at the columns a user sees.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// One line of an input: the text as written and its normalised form.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The line exactly as written (without its line terminator).
    original: String,
    /// NFC, with spaces and dashes folded, and for each char of it (plus one
    /// past the end) the 0-based char column in `original`; `None` when the
    /// two are char-for-char identical, as most lines are.
    normalized: Option<Box<(String, Vec<u32>)>>,
    /// Char counts at every `CHECKPOINT` bytes of the text and of the
    /// original, built on first use: only lines with claims need columns.
    index: OnceLock<Box<Indexes>>,
}

/// The char indexes of a line's text and of its original (the same when the
/// line needed no normalisation).
#[derive(Debug, Clone)]
struct Indexes {
    text: CharIndex,
    original: Option<CharIndex>,
}

/// A span of an original line, 1-based, columns in characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

const CHECKPOINT: usize = 256;

/// Byte offset → char index for one string, in O(CHECKPOINT) per lookup.
#[derive(Debug, Clone, Default)]
struct CharIndex {
    /// `chars_before[k]` = number of chars in the first `k * CHECKPOINT` bytes
    /// (rounded down to a char boundary).
    chars_before: Vec<u32>,
    /// Byte offset of the char boundary at or before `k * CHECKPOINT`.
    boundary: Vec<u32>,
}

impl CharIndex {
    fn new(s: &str) -> Self {
        if s.len() < CHECKPOINT {
            return Self::default();
        }
        let mut chars_before = Vec::with_capacity(s.len() / CHECKPOINT + 1);
        let mut boundary = Vec::with_capacity(s.len() / CHECKPOINT + 1);
        let mut next = 0usize;
        for (n, (b, _)) in s.char_indices().enumerate() {
            while b >= next {
                chars_before.push(n as u32);
                boundary.push(b as u32);
                next += CHECKPOINT;
            }
        }
        Self {
            chars_before,
            boundary,
        }
    }

    fn char_at_byte(&self, s: &str, byte: usize) -> usize {
        let byte = byte.min(s.len());
        let (base_chars, base_byte) = match byte / CHECKPOINT {
            0 => (0, 0),
            k if k < self.boundary.len() => {
                (self.chars_before[k] as usize, self.boundary[k] as usize)
            }
            _ => match self.boundary.last() {
                Some(&b) => (*self.chars_before.last().unwrap() as usize, b as usize),
                None => (0, 0),
            },
        };
        base_chars + s[base_byte..byte].chars().count()
    }

    fn byte_at_char(&self, s: &str, ch: usize) -> usize {
        // Find the last checkpoint whose char count is <= ch.
        let k = self.chars_before.partition_point(|&c| c as usize <= ch);
        let (mut n, start) = if k == 0 {
            (0usize, 0usize)
        } else {
            (
                self.chars_before[k - 1] as usize,
                self.boundary[k - 1] as usize,
            )
        };
        for (b, _) in s[start..].char_indices() {
            if n == ch {
                return start + b;
            }
            n += 1;
        }
        s.len()
    }
}

impl Line {
    /// Build a line from its original text.
    pub fn new(number: usize, original: &str) -> Self {
        Line {
            number,
            original: original.to_string(),
            normalized: normalize_line(original).map(Box::new),
            index: OnceLock::new(),
        }
    }

    /// NFC, with spaces and dashes folded: what every matcher reads.
    pub fn text(&self) -> &str {
        self.normalized.as_ref().map_or(&self.original, |n| &n.0)
    }

    /// The line exactly as written.
    pub fn original(&self) -> &str {
        &self.original
    }

    fn indexes(&self) -> &Indexes {
        self.index.get_or_init(|| {
            Box::new(Indexes {
                text: CharIndex::new(self.text()),
                original: self
                    .normalized
                    .as_ref()
                    .map(|_| CharIndex::new(&self.original)),
            })
        })
    }

    fn text_index(&self) -> &CharIndex {
        &self.indexes().text
    }

    fn original_index(&self) -> &CharIndex {
        let i = self.indexes();
        i.original.as_ref().unwrap_or(&i.text)
    }

    /// The 0-based char column in the original line of a byte offset of `text`.
    pub fn original_column(&self, byte: usize) -> usize {
        let ch = self.text_index().char_at_byte(self.text(), byte);
        match &self.normalized {
            None => ch,
            Some(n) => n.1[ch.min(n.1.len() - 1)] as usize,
        }
    }

    /// The span of the original line covering normalised bytes `start..end`.
    pub fn position(&self, start: usize, end: usize) -> Position {
        Position {
            line: self.number,
            column: self.original_column(start) + 1,
            end_line: self.number,
            end_column: self.original_column(end) + 1,
        }
    }

    /// Bytes `start..end` of the text when the line needed no
    /// normalisation, so the text is the line as written.
    pub fn unchanged_slice(&self, start: usize, end: usize) -> Option<&str> {
        match self.normalized {
            None => self.original.get(start..end),
            Some(_) => None,
        }
    }

    /// The text as written between two 1-based columns (end exclusive).
    pub fn original_slice(&self, column: usize, end_column: usize) -> &str {
        let index = self.original_index();
        let s = index.byte_at_char(&self.original, column - 1);
        let e = index.byte_at_char(&self.original, end_column - 1);
        &self.original[s..e.max(s)]
    }
}

/// Split text into lines: `\n`, `\r\n` and a lone `\r` each end a line.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // Sized once: a huge article would otherwise leave up to half of a
    // doubled vector unused for the whole run.
    let ends = memchr::memchr2_iter(b'\n', b'\r', bytes).count();
    let mut lines = Vec::with_capacity(ends + 1);
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        let end = i + k;
        lines.push(Line::new(lines.len() + 1, &text[start..end]));
        i = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        start = i;
    }
    if start < bytes.len() {
        lines.push(Line::new(lines.len() + 1, &text[start..]));
    }
    lines.shrink_to_fit();
    lines
}

/// What a single character becomes for matching.
enum Fold {
    Keep,
    Replace(char),
    Drop,
}

fn fold(c: char) -> Fold {
    match c {
        // No-break, thin, figure, narrow no-break and other spaces.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Fold::Replace(' ')
        }
        // Zero-width characters and stray byte-order marks carry nothing.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        // Hyphens, dashes and minus signs all read as `-`.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Fold::Replace('-')
        }
        // Control characters (ANSI escapes included) are blanked, never matched.
        c if c.is_control() => Fold::Replace(' '),
        _ => Fold::Keep,
    }
}

/// Bytes that may begin a character needing work. ASCII printables, UTF-8
/// continuation bytes and the lead bytes of U+00C0–U+02FF (Latin letters,
/// all NFC starters that fold to themselves; `plain_ranges_need_no_work`
/// checks it) are harmless; `0xE1` is harmless when it leads U+1E00–U+1EFF
/// (Latin Extended Additional: the Vietnamese letters).
const SUSPECT: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0x20;
    while b < 0x7f {
        t[b] = false;
        b += 1;
    }
    let mut b = 0x80;
    while b < 0xc0 {
        t[b] = false;
        b += 1;
    }
    let mut b = 0xc3;
    while b <= 0xcb {
        t[b] = false;
        b += 1;
    }
    t
};

fn needs_work(s: &str) -> bool {
    let bytes = s.as_bytes();
    let cl = crate::chars::classes();
    let mut unsure = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !SUSPECT[b as usize] {
            i += 1;
            continue;
        }
        if b == 0xe1
            && bytes
                .get(i + 1)
                .is_some_and(|&n| (0xb8..=0xbb).contains(&n))
        {
            i += 3;
            continue;
        }
        // A suspect byte starts a character (continuation bytes are never
        // suspect): decode it and check it alone.
        let c = s[i..].chars().next().unwrap_or('\0');
        if !matches!(fold(c), Fold::Keep) {
            return true;
        }
        // Most characters are starters already in NFC: only a line holding
        // another needs the normaliser's own check.
        unsure |= !cl.is_nfc_starter(c);
        i += c.len_utf8();
    }
    unsure
        && !unicode_normalization::is_nfc_quick(s.chars())
            .eq(&unicode_normalization::IsNormalized::Yes)
}

/// NFC-normalise and fold one line, with the map back to original columns;
/// `None` when nothing changes, as for most lines.
fn normalize_line(original: &str) -> Option<(String, Vec<u32>)> {
    if original.is_ascii() && !original.bytes().any(|b| b.is_ascii_control()) {
        return None;
    }
    if !needs_work(original) {
        return None;
    }
    let chars: Vec<char> = original.chars().collect();
    let mut text = String::with_capacity(original.len());
    let mut map: Vec<u32> = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    let mut segment = String::new();
    while i < chars.len() {
        // A segment is a starter and the combining marks that follow it: NFC
        // never composes across such a boundary for the scripts we read.
        let start = i;
        i += 1;
        while i < chars.len() && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        segment.clear();
        for &c in &chars[start..i] {
            match fold(c) {
                Fold::Keep => segment.push(c),
                Fold::Replace(r) => segment.push(r),
                Fold::Drop => {}
            }
        }
        for c in segment.nfc() {
            text.push(c);
            map.push(start as u32);
        }
    }
    map.push(chars.len() as u32);
    Some((text, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of an article has one for the whole run.
    #[test]
    fn a_line_stays_small() {
        assert!(std::mem::size_of::<Line>() <= 56);
    }

    /// The ranges `SUSPECT` passes without a look never need work.
    #[test]
    fn plain_ranges_need_no_work() {
        for cp in (0x20..0x7f).chain(0xc0..0x300).chain(0x1e00..0x1f00) {
            let c = char::from_u32(cp).unwrap();
            assert!(matches!(fold(c), Fold::Keep), "{c:?} folds");
            assert!(crate::chars::is_nfc_starter(c), "{c:?} is no NFC starter");
        }
        assert!(!needs_work("Giá trị 4,3 tỷ đồng ở Hà Nội"));
        assert!(needs_work("tab\there"));
        assert!(needs_work("11\u{2013}19"));
        assert!(needs_work("a\u{0301}"));
        assert!(!needs_work("Huawei’s"));
    }

    #[test]
    fn line_endings() {
        let lines = split_lines("a\r\nb\rc\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
        assert_eq!(lines[3].number, 4);
        assert_eq!(split_lines("a\n").len(), 1);
    }

    #[test]
    fn decomposed_vietnamese_maps_back() {
        let nfd: String = "gần 25% doanh thu".nfd().collect();
        let line = Line::new(1, &nfd);
        assert_eq!(line.text(), "gần 25% doanh thu");
        let start = line.text().find("25%").unwrap();
        let pos = line.position(start, start + 3);
        // "gần " is 4 chars in NFC but 5 in NFD ("a" + breve + grave → 3 chars).
        let expected_col = nfd.chars().take_while(|&c| c != '2').count() + 1;
        assert_eq!(pos.column, expected_col);
        assert_eq!(line.original_slice(pos.column, pos.end_column), "25%");
    }

    #[test]
    fn spaces_and_dashes_fold() {
        let line = Line::new(1, "11\u{2013}19\u{00A0}% \u{2212}5");
        assert_eq!(line.text(), "11-19 % -5");
        assert_eq!(line.original_slice(1, 6), "11\u{2013}19");
    }

    #[test]
    fn zero_width_dropped_columns_still_right() {
        let line = Line::new(1, "a\u{200B}b 42");
        assert_eq!(line.text(), "ab 42");
        let p = line.position(3, 5);
        assert_eq!((p.column, p.end_column), (5, 7));
    }

    #[test]
    fn long_line_columns() {
        let s = format!("{} 42", "ế".repeat(1000));
        let line = Line::new(1, &s);
        let b = line.text().find("42").unwrap();
        assert_eq!(line.position(b, b + 2).column, 1002);
        let nfd: String = s.nfd().collect();
        let line = Line::new(1, &nfd);
        let b = line.text().find("42").unwrap();
        let p = line.position(b, b + 2);
        assert_eq!(p.column, nfd.chars().count() - 1);
        assert_eq!(line.original_slice(p.column, p.end_column), "42");
    }
}
