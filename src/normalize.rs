//! Normalisation for matching, with a way back to the file as written.
//!
//! Owns splitting a decoded text into lines (LF, CRLF and lone CR all end a
//! line), folding each line to NFC with typographic variants unified (no-break
//! and thin spaces become spaces, Unicode dashes and minus signs become `-`,
//! zero-width characters and control characters are dropped or blanked), and
//! the column map that turns a position in the normalised text back into a
//! 1-based character column of the original line. Decomposed Vietnamese
//! therefore yields the same claims, reported at the columns a user sees.
//! HTML character references left in scraped text are decoded first
//! (`entities.rs`), so a date glued to one ("&nbspJuly 1") is still read.
//!
//! A line is a range of its file's text, shared by every line of the file:
//! the text is held once, and only a line that normalisation changes (or a
//! long one, which keeps a char index) owns anything more.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::entities::{has_reference, reference};

/// One line of an input: the text as written and its normalised form.
#[derive(Clone)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The whole text of the file; the line is `buf[start..end]` (without
    /// its line terminator).
    buf: Arc<String>,
    start: usize,
    end: usize,
    /// The characters of `text()`.
    chars: usize,
    /// What only some lines need: `None` for a short line that needed no
    /// normalisation, as most are.
    extra: Option<Box<Extra>>,
}

impl std::fmt::Debug for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Line")
            .field("number", &self.number)
            .field("original", &self.original())
            .field("text", &self.text())
            .finish()
    }
}

/// The normalised text of a line that changed, and the char indexes of a
/// long line.
#[derive(Debug, Clone)]
struct Extra {
    /// NFC, with spaces and dashes folded, and for each char of it (plus one
    /// past the end) the 0-based char column in the original.
    normalized: Option<(String, Vec<u32>)>,
    /// Char counts at every `CHECKPOINT` bytes of the text and of the
    /// original (the same when the line needed no normalisation), for lines
    /// of `LONG` bytes or more: a shorter line is counted from its start.
    index: Option<Indexes>,
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

/// Lines at least this long keep a char index; a column of a shorter line
/// is counted from its start (at most this many bytes per lookup).
const LONG: usize = 1024;

/// Byte offset → char index for one string, in O(CHECKPOINT) per lookup.
#[derive(Debug, Clone, Default)]
struct CharIndex {
    /// `chars_before[k]` = number of chars before `boundary[k]`.
    chars_before: Vec<u32>,
    /// The first char boundary at or after `k * CHECKPOINT`.
    boundary: Vec<u32>,
}

impl CharIndex {
    fn new(s: &str) -> Self {
        let mut chars_before = Vec::with_capacity(s.len() / CHECKPOINT + 1);
        let mut boundary = Vec::with_capacity(s.len() / CHECKPOINT + 1);
        let (mut prev, mut n) = (0usize, 0usize);
        let mut at = 0;
        while at < s.len() {
            let mut b = at;
            while !s.is_char_boundary(b) {
                b += 1;
            }
            n += s[prev..b].chars().count();
            chars_before.push(n as u32);
            boundary.push(b as u32);
            prev = b;
            at += CHECKPOINT;
        }
        Self {
            chars_before,
            boundary,
        }
    }

    /// The checkpoint at or before `byte`: (chars before it, its byte).
    fn base(&self, byte: usize) -> (usize, usize) {
        let k = self.boundary.partition_point(|&b| b as usize <= byte);
        match k {
            0 => (0, 0),
            k => (
                self.chars_before[k - 1] as usize,
                self.boundary[k - 1] as usize,
            ),
        }
    }

    fn char_at_byte(&self, s: &str, byte: usize) -> usize {
        let byte = byte.min(s.len());
        let (chars, start) = self.base(byte);
        chars + s[start..byte].chars().count()
    }

    fn byte_at_char(&self, s: &str, ch: usize) -> usize {
        // The last checkpoint whose char count is <= ch.
        let k = self.chars_before.partition_point(|&c| c as usize <= ch);
        let (n, start) = match k {
            0 => (0, 0),
            k => (
                self.chars_before[k - 1] as usize,
                self.boundary[k - 1] as usize,
            ),
        };
        byte_at_char(&s[start..], ch - n) + start
    }
}

/// The byte offset of char `ch` of `s` (its length when `s` is shorter).
fn byte_at_char(s: &str, ch: usize) -> usize {
    s.char_indices().nth(ch).map_or(s.len(), |(b, _)| b)
}

impl Line {
    /// Build a line from its original text.
    pub fn new(number: usize, original: &str) -> Self {
        let len = original.len();
        Line::of(number, &Arc::new(original.to_string()), 0, len)
    }

    /// Line `number`, bytes `start..end` of `buf`.
    fn of(number: usize, buf: &Arc<String>, start: usize, end: usize) -> Self {
        let original = &buf[start..end];
        let clean = plainly_clean(original.as_bytes()).filter(|_| !has_reference(original));
        let normalized = match clean {
            Some(_) => None,
            None => normalize_line(original),
        };
        let chars = match (&normalized, clean) {
            (Some(n), _) => n.1.len() - 1,
            (None, Some(chars)) => chars,
            (None, None) => original.chars().count(),
        };
        let long = normalized.as_ref().map_or(original.len(), |n| n.0.len()) >= LONG
            || original.len() >= LONG;
        let index = long.then(|| Indexes {
            text: CharIndex::new(normalized.as_ref().map_or(original, |n| &n.0)),
            original: normalized.as_ref().map(|_| CharIndex::new(original)),
        });
        let extra = (normalized.is_some() || index.is_some())
            .then(|| Box::new(Extra { normalized, index }));
        Line {
            number,
            buf: Arc::clone(buf),
            start,
            end,
            chars,
            extra,
        }
    }

    /// The characters of `text()`.
    pub fn chars(&self) -> usize {
        self.chars
    }

    fn normalized(&self) -> Option<&(String, Vec<u32>)> {
        self.extra.as_ref().and_then(|e| e.normalized.as_ref())
    }

    /// NFC, with spaces and dashes folded: what every matcher reads.
    #[inline]
    pub fn text(&self) -> &str {
        match self.normalized() {
            Some(n) => &n.0,
            None => self.original(),
        }
    }

    /// The line exactly as written.
    #[inline]
    pub fn original(&self) -> &str {
        &self.buf[self.start..self.end]
    }

    fn index(&self) -> Option<&Indexes> {
        self.extra.as_ref().and_then(|e| e.index.as_ref())
    }

    /// The 0-based char column in the original line of a byte offset of `text`.
    pub fn original_column(&self, byte: usize) -> usize {
        let text = self.text();
        let ch = match self.index() {
            Some(i) => i.text.char_at_byte(text, byte),
            None => text[..byte.min(text.len())].chars().count(),
        };
        match self.normalized() {
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
        match self.normalized() {
            None => self.original().get(start..end),
            Some(_) => None,
        }
    }

    /// The text as written between two 1-based columns (end exclusive).
    pub fn original_slice(&self, column: usize, end_column: usize) -> &str {
        let original = self.original();
        let at = |ch: usize| match self.index() {
            Some(i) => i
                .original
                .as_ref()
                .unwrap_or(&i.text)
                .byte_at_char(original, ch),
            None => byte_at_char(original, ch),
        };
        let (s, e) = (at(column - 1), at(end_column - 1));
        &original[s..e.max(s)]
    }
}

/// Split a file's text into lines: `\n`, `\r\n` and a lone `\r` each end a
/// line. The lines share `buf`.
pub fn split_lines(buf: &Arc<String>) -> Vec<Line> {
    // Sized once: a huge article would otherwise leave up to half of a
    // doubled vector unused for the whole run.
    let ends = memchr::memchr2_iter(b'\n', b'\r', buf.as_bytes()).count();
    let mut lines = Vec::with_capacity(ends + 1);
    for (start, end) in line_spans(buf) {
        lines.push(Line::of(lines.len() + 1, buf, start, end));
    }
    lines.shrink_to_fit();
    lines
}

/// The byte ranges of the lines of a text, without their terminators
/// (`\n`, `\r\n`, a lone `\r`); no range after a final terminator.
pub fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        if let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let end = i + k;
            let line = (start, end);
            i = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
            start = i;
            Some(line)
        } else if start < bytes.len() {
            let line = (start, bytes.len());
            start = bytes.len();
            Some(line)
        } else {
            None
        }
    })
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

/// True when none of these eight bytes is a control character, DEL or
/// non-ASCII (exact: no false answer either way).
#[inline]
fn printable8(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
    let x = w ^ (0x7f * ONES);
    let del = x.wrapping_sub(ONES) & !x & HIGH;
    (w & HIGH) | below_space | del == 0
}

/// True when no byte of the line can begin a character needing work: no
/// `SUSPECT` byte but `0xE1` leading U+1E00–U+1EFF. Read without a branch
/// per byte (a line of Vietnamese would mispredict often).
/// Its characters when it is (counted in the same reading).
fn plainly_clean(bytes: &[u8]) -> Option<usize> {
    if bytes.is_ascii() {
        let mut chunks = bytes.chunks_exact(8);
        let clean = chunks
            .by_ref()
            .all(|c| printable8(u64::from_le_bytes(c.try_into().unwrap_or_default())));
        return (clean && chunks.remainder().iter().all(|&b| !SUSPECT[b as usize]))
            .then_some(bytes.len());
    }
    let mut flag = false;
    let mut after_e1 = false;
    let mut continuations = 0;
    for &b in bytes {
        flag |= (after_e1 & (b.wrapping_sub(0xb8) > 3)) | (SUSPECT[b as usize] & (b != 0xe1));
        after_e1 = b == 0xe1;
        continuations += usize::from((b as i8) < -0x40);
    }
    (!(flag | after_e1)).then_some(bytes.len() - continuations)
}

fn needs_work(s: &str) -> bool {
    let bytes = s.as_bytes();
    if has_reference(s) {
        return true;
    }
    if plainly_clean(bytes).is_some() {
        return false;
    }
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
    if !needs_work(original) {
        return None;
    }
    let cl = crate::chars::classes();
    let chars: Vec<char> = original.chars().collect();
    let mut text = String::with_capacity(original.len());
    let mut map: Vec<u32> = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    let mut segment = String::new();
    while i < chars.len() {
        // A segment is a starter and the combining marks that follow it: NFC
        // never composes across such a boundary for the scripts we read.
        // (No character below U+0300 combines.)
        let start = i;
        if chars[start] == '&' {
            let rest: String = chars[start..chars.len().min(start + 12)].iter().collect();
            if let Some((c, len)) = reference(&rest) {
                match fold(c) {
                    Fold::Keep => text.push(c),
                    Fold::Replace(r) => text.push(r),
                    Fold::Drop => {
                        i += len;
                        continue;
                    }
                }
                map.push(start as u32);
                i += len;
                continue;
            }
        }
        i += 1;
        while i < chars.len() && chars[i] >= '\u{300}' && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        // One character alone: a starter already in NFC stays as it is, and
        // so does what it folds to (a space or `-`).
        if i == start + 1 {
            let c = chars[start];
            let folded = match fold(c) {
                Fold::Keep => (c.is_ascii() || cl.is_nfc_starter(c)).then_some(Some(c)),
                Fold::Replace(r) => Some(Some(r)),
                Fold::Drop => Some(None),
            };
            if let Some(folded) = folded {
                if let Some(c) = folded {
                    text.push(c);
                    map.push(start as u32);
                }
                continue;
            }
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
        assert!(std::mem::size_of::<Line>() <= 48);
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
        // The quick reading agrees with the careful one.
        for line in [
            "Giá trị 4,3 tỷ",
            "tab\there",
            "ế",
            "\u{e1}",
            "a\u{1ef9}b",
            "\u{1f4cc} x",
            "plain ascii line!",
        ] {
            assert_eq!(
                plainly_clean(line.as_bytes()).is_some(),
                !line
                    .chars()
                    .any(|c| !matches!(fold(c), Fold::Keep) || !crate::chars::is_nfc_starter(c)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn line_endings() {
        let lines = split_lines(&Arc::new("a\r\nb\rc\nd".to_string()));
        let texts: Vec<_> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
        assert_eq!(lines[3].number, 4);
        assert_eq!(split_lines(&Arc::new("a\n".to_string())).len(), 1);
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

    /// Scraped text keeps HTML references; they read as what they stand
    /// for, and columns still point into the line as written.
    #[test]
    fn html_references_decode() {
        let line = Line::new(
            1,
            "By Dat &nbspJuly 1, 2019 | A &amp; B &#8211; &#x41;&apos; R&D &nope",
        );
        assert_eq!(line.text(), "By Dat  July 1, 2019 | A & B - A' R&D &nope");
        let b = line.text().find("July").unwrap();
        let p = line.position(b, b + 4);
        assert_eq!(line.original_slice(p.column, p.end_column), "July");
        let amp = line.text().find("& B").unwrap();
        let p = line.position(amp, amp + 1);
        assert_eq!(line.original_slice(p.column, p.end_column), "&amp;");
    }

    #[test]
    fn zero_width_dropped_columns_still_right() {
        let line = Line::new(1, "a\u{200B}b 42");
        assert_eq!(line.text(), "ab 42");
        let p = line.position(3, 5);
        assert_eq!((p.column, p.end_column), (5, 7));
    }

    /// Columns and slices agree with counting chars, on lines short and
    /// long (indexed), normalised or not.
    #[test]
    fn columns_agree_with_counting() {
        let pool = ["a", "ế", " ", "e\u{301}", "\u{2013}", "😀", "\u{a0}", "42"];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in [0, 1, 7, 255, 256, 257, 700, 1100, 3000] {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut s = String::new();
            let mut k = seed;
            while s.chars().count() < len {
                s.push_str(pool[(k % pool.len() as u64) as usize]);
                k = k.rotate_left(5) ^ (k >> 3) ^ 0x5555;
            }
            let line = Line::new(1, &s);
            let text = line.text().to_string();
            assert_eq!(line.chars(), text.chars().count());
            let map: Vec<usize> = match line.normalized() {
                Some(n) => n.1.iter().map(|&c| c as usize).collect(),
                None => (0..=text.chars().count()).collect(),
            };
            for (n, (b, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
                assert_eq!(line.original_column(b), map[n], "{len} {b}");
            }
            let chars = s.chars().count();
            for c in (1..=chars + 1).step_by(37) {
                let want: String = s.chars().skip(c - 1).take(5).collect();
                assert_eq!(line.original_slice(c, c + 5), want, "{len} {c}");
            }
        }
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
