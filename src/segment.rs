//! Segmentation: which part of the article each line belongs to.
//!
//! Owns the article layout. One file in the seed's layout holds an optional
//! Vietnamese summary (bullet lines `- `, `• `, `* ` and a takeaway line
//! starting with 📌), an optional source URL line, the Vietnamese translation,
//! then the English original. No markers are required: the boundary between
//! the Vietnamese part and the English original is the single change point
//! that best separates Vietnamese lines from English ones, and the summary is
//! what precedes the URL line (or, without one, the leading bullets). Explicit
//! files (`--original`, `--translation`, `--summary`) skip the guessing.

use std::sync::Arc;

use crate::catalogue::Catalogue;
use crate::catalogue::schema::WordRole;
use crate::chars;
use crate::claim::Section;
use crate::input::Source;
use crate::lang::Lang;
use crate::normalize::{Line, split_lines};
use crate::origin::Placed;

/// One input file of an article, split into lines, each with its section.
#[derive(Debug, Clone)]
pub struct Part {
    /// The name shown in reports.
    pub path: String,
    pub lines: Vec<Line>,
    /// The section of each line; `None` for blank lines and the URL line.
    pub sections: Vec<Option<Section>>,
    /// For a Markdown, HTML or Word file, the way from its lines (converted
    /// to the seed layout) back to the file as written; `None` for text.
    pub origin: Option<Arc<crate::origin::Origin>>,
}

/// An article: one file in the seed layout, or explicit per-section files.
#[derive(Debug, Clone)]
pub struct Article {
    pub parts: Vec<Part>,
}

impl Section {
    pub fn lang(self) -> Lang {
        match self {
            Section::Original => Lang::En,
            _ => Lang::Vi,
        }
    }
}

/// How a line looks, before languages are weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Blank,
    Url,
    Bullet,
    Takeaway,
    Prose,
}

fn shape(text: &str) -> Shape {
    let t = text.trim();
    if t.is_empty() {
        return Shape::Blank;
    }
    if t.starts_with('📌') {
        return Shape::Takeaway;
    }
    let starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if (starts("http://") || starts("https://") || starts("www."))
        && !t.contains(char::is_whitespace)
    {
        return Shape::Url;
    }
    if ["- ", "• ", "* ", "+ "].iter().any(|b| t.starts_with(b)) {
        return Shape::Bullet;
    }
    Shape::Prose
}

impl Article {
    /// Segment one file in the seed's layout.
    pub fn from_layout(cat: &Catalogue, source: &Source) -> Article {
        Article::layout(cat, &source.name, Arc::new(source.text.clone()))
    }

    /// Segment one file in the seed's layout, keeping its text (not a copy).
    pub fn from_source(cat: &Catalogue, source: Source) -> Article {
        Article::layout(cat, &source.name, Arc::new(source.text))
    }

    fn layout(cat: &Catalogue, name: &str, text: Arc<String>) -> Article {
        let lines = split_lines(&text);
        drop(text);
        let shapes: Vec<Shape> = lines.iter().map(|l| shape(l.text())).collect();
        let langs: Vec<Option<Lang>> = lines
            .iter()
            .zip(&shapes)
            .map(|(l, s)| match s {
                Shape::Blank | Shape::Url => None,
                _ => identify(cat, l.text()),
            })
            .collect();
        let split = english_start(&langs);
        let first_url = shapes[..split].iter().position(|&s| s == Shape::Url);
        let summary_end = match first_url {
            Some(u) => u,
            None => shapes[..split]
                .iter()
                .position(|&s| !matches!(s, Shape::Bullet | Shape::Takeaway | Shape::Blank))
                .unwrap_or(split),
        };
        let sections = shapes
            .iter()
            .enumerate()
            .map(|(i, &s)| match s {
                Shape::Blank | Shape::Url => None,
                _ if i >= split => Some(Section::Original),
                Shape::Takeaway if i < summary_end => Some(Section::Takeaway),
                _ if i < summary_end => Some(Section::Summary),
                _ => Some(Section::Translation),
            })
            .collect();
        Article {
            parts: vec![Part {
                path: name.to_string(),
                lines,
                sections,
                origin: None,
            }],
        }
    }

    /// Build an article from explicit files.
    pub fn from_files(
        original: &Source,
        translation: &Source,
        summary: Option<&Source>,
    ) -> Article {
        let mut parts = Vec::new();
        if let Some(s) = summary {
            let lines = split_lines(&Arc::new(s.text.clone()));
            let sections = lines
                .iter()
                .map(|l| match shape(l.text()) {
                    Shape::Blank | Shape::Url => None,
                    Shape::Takeaway => Some(Section::Takeaway),
                    _ => Some(Section::Summary),
                })
                .collect();
            parts.push(Part {
                path: s.name.clone(),
                lines,
                sections,
                origin: None,
            });
        }
        for (src, section) in [
            (translation, Section::Translation),
            (original, Section::Original),
        ] {
            let lines = split_lines(&Arc::new(src.text.clone()));
            let sections = lines
                .iter()
                .map(|l| match shape(l.text()) {
                    Shape::Blank => None,
                    _ => Some(section),
                })
                .collect();
            parts.push(Part {
                path: src.name.clone(),
                lines,
                sections,
                origin: None,
            });
        }
        Article { parts }
    }

    /// True when some line is in one of these sections.
    pub fn has(&self, pred: impl Fn(Section) -> bool) -> bool {
        self.parts
            .iter()
            .any(|p| p.sections.iter().flatten().any(|&s| pred(s)))
    }
}

impl Part {
    /// Where columns `column..end_column` of converted line `line` are in
    /// the file as written; the same numbers for a plain text file.
    pub fn place(&self, line: usize, column: usize, end_column: usize) -> Placed {
        let plain = Placed {
            line,
            column,
            end_line: line,
            end_column,
            paragraph: None,
        };
        match &self.origin {
            None => plain,
            Some(o) => o.place(line, column, end_column).unwrap_or(plain),
        }
    }

    /// Line (or paragraph) `n` of the file as written, for a snippet.
    pub fn quoted_line(&self, n: usize) -> Option<&str> {
        match &self.origin {
            None => Some(self.lines.get(n.checked_sub(1)?)?.original()),
            Some(o) => o.quoted(n),
        }
    }
}

/// Guess the language of a line; `None` when it carries no signal either
/// way. A line is Vietnamese when enough of its words carry Vietnamese-only
/// letters (ă â đ ê ô ơ ư or tone marks), English when its words are plain
/// Latin and common English words occur (the catalogue's `english-marker`
/// list). Lines with neither signal (a URL, a name, a bare date) take the
/// language of their surroundings.
pub fn identify(cat: &Catalogue, text: &str) -> Option<Lang> {
    // Words and Vietnamese words decide most lines; the markers are looked
    // up only when they could change the answer.
    let mut n = count_words(cat, text, false);
    if n.words == 0 {
        return None;
    }
    let share = |n: &WordCounts| (n.vi_words + n.vi_markers) as f64 / n.words as f64;
    let decided = (n.vi_words >= 1 && share(&n) >= 0.2) || (n.vi_words == 0 && n.words >= 3);
    if !decided {
        n = count_words(cat, text, true);
    }
    // Vietnamese prose has diacritics on roughly half of its syllables; English
    // prose quoting a Vietnamese name has one or two.
    if share(&n) >= 0.2 && n.vi_words >= 1 {
        Some(Lang::Vi)
    } else if n.en_markers >= 1 || (n.words >= 3 && n.vi_words == 0) {
        Some(Lang::En)
    } else if n.vi_words >= 1 {
        Some(Lang::Vi)
    } else {
        None
    }
}

/// The words of a line, by what they say of its language.
#[derive(Default)]
struct WordCounts {
    words: usize,
    vi_words: usize,
    en_markers: usize,
    vi_markers: usize,
}

/// True when a byte may lead the UTF-8 of a Vietnamese letter (U+00C0–U+01B0
/// and U+1EA0–U+1EF9; `vietnamese_letters_have_these_lead_bytes` checks it).
fn vietnamese_lead(b: u8) -> bool {
    matches!(b, 0xc3..=0xc6 | 0xe1)
}

/// The character at `i` of valid UTF-8 and its length, decoded by hand.
#[inline]
fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as u32;
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&c| (c & 0x3f) as u32);
    match b {
        0..=0x7f => (b, 1),
        0xc0..=0xdf => (((b & 0x1f) << 6) | cont(1), 2),
        0xe0..=0xef => (((b & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    }
}

/// True when some byte may lead a Vietnamese letter; eight bytes at a time
/// while they are ASCII.
fn has_vietnamese_lead(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        if w & 0x8080_8080_8080_8080 != 0 && c.iter().any(|&b| vietnamese_lead(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| vietnamese_lead(b))
}

/// ASCII bytes that are part of a word: letters and the apostrophe.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphabetic() || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// Count the words of a line (runs of letters and apostrophes), those with a
/// Vietnamese letter and, with `markers`, the marker words of each language.
/// Without markers, a line with no byte that can lead a Vietnamese letter
/// stops at three words: the answer is English whatever follows; and a line
/// whose Vietnamese share can no longer fall below a fifth stops there,
/// counting every word it might still hold (the answer is Vietnamese).
fn count_words(cat: &Catalogue, text: &str, markers: bool) -> WordCounts {
    let mut n = WordCounts::default();
    let bytes = text.as_bytes();
    let cl = chars::classes();
    let stop_at = if !markers && !has_vietnamese_lead(bytes) {
        3
    } else {
        usize::MAX
    };
    let mut i = 0;
    // The word being read: where it started, and whether it has a
    // Vietnamese letter.
    let mut word: Option<(usize, bool)> = None;
    loop {
        // (is part of a word, is a Vietnamese letter, length); the end of
        // the line ends a word.
        let (part, vi, len) = match bytes.get(i) {
            None => (false, false, 0),
            Some(&b) if b < 0x80 => (ASCII_WORD[b as usize], false, 1),
            Some(_) => {
                let (cp, len) = decode(bytes, i);
                let c = char::from_u32(cp).unwrap_or(' ');
                let (alphabetic, vi) = cl.letter(c);
                (alphabetic || c == '’', vi, len)
            }
        };
        match (&mut word, part) {
            (Some((_, v)), true) => *v |= vi,
            (None, true) => {
                // Decided early: in the rest of the line at most one word
                // every two bytes, so the Vietnamese share can fall no lower
                // than this.
                // (Checked at every word once a Vietnamese word is in: five
                // times the Vietnamese words reaching `most` is a share of
                // at least a fifth, exactly.)
                if !markers && n.vi_words >= 1 {
                    let most = n.words + (bytes.len() - i).div_ceil(2);
                    if 5 * n.vi_words >= most {
                        n.words = most;
                        return n;
                    }
                }
                word = Some((i, vi));
            }
            (Some((start, vietnamese)), false) => {
                n.words += 1;
                if *vietnamese {
                    n.vi_words += 1;
                } else if markers {
                    match marker(cat, &text[*start..i]) {
                        1 | 3 => n.en_markers += 1,
                        2 => n.vi_markers += 1,
                        _ => {}
                    }
                }
                word = None;
                if n.words >= stop_at {
                    return n;
                }
            }
            (None, false) => {}
        }
        if len == 0 {
            return n;
        }
        i += len;
    }
}

/// Whether a word is an English marker (bit 1) or a Vietnamese one (bit 2).
fn marker(cat: &Catalogue, word: &str) -> u8 {
    if word.len() > cat.marker_len * 3 {
        return 0;
    }
    if let Some(map) = &cat.markers {
        // Every marker is short ASCII: a longer or non-ASCII word is none.
        return crate::catalogue::pack_ascii(word.as_bytes())
            .and_then(|k| map.get(&k).copied())
            .unwrap_or(0);
    }
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        chars::push_lowercase(c, &mut lower);
    }
    let sym = cat.sym(&lower);
    u8::from(cat.en.has_role(WordRole::EnglishMarker, sym))
        | (u8::from(cat.vi.has_role(WordRole::VietnameseMarker, sym)) << 1)
}

/// The index of the first line of the English original: the change point
/// that maximises Vietnamese lines before it plus English lines from it on.
/// Lines without a language signal count for neither side.
fn english_start(langs: &[Option<Lang>]) -> usize {
    let en_total = langs.iter().filter(|l| **l == Some(Lang::En)).count() as i64;
    let mut best = (en_total, 0usize);
    let (mut vi_before, mut en_before) = (0i64, 0i64);
    for (i, l) in langs.iter().enumerate() {
        match l {
            Some(Lang::Vi) => vi_before += 1,
            Some(Lang::En) => en_before += 1,
            None => {}
        }
        let score = vi_before + (en_total - en_before);
        if score > best.0 {
            best = (score, i + 1);
        }
    }
    // Lines without a language right after the Vietnamese part (a byline, a
    // bare date) belong to the English original that follows them.
    let mut split = best.1;
    while split > 0 && langs[split - 1].is_none() && split < langs.len() {
        split -= 1;
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    fn sections_of(text: &str) -> Vec<Option<Section>> {
        let src = Source {
            name: "a.txt".into(),
            text: text.into(),
        };
        Article::from_layout(crate::catalogue::builtin(), &src)
            .parts
            .remove(0)
            .sections
    }

    #[test]
    fn seed_layout() {
        let text = "- Doanh thu tăng 25% trong năm nay\n📌 Tóm lại, công ty tăng trưởng mạnh.\nhttps://example.com/x\nDoanh thu của công ty tăng mạnh\nTác giả: An\nRevenue rose sharply\nBy An\nRevenue rose 25% this year.";
        use Section::*;
        assert_eq!(
            sections_of(text),
            [
                Some(Summary),
                Some(Takeaway),
                None,
                Some(Translation),
                Some(Translation),
                Some(Original),
                Some(Original),
                Some(Original)
            ]
        );
    }

    #[test]
    fn no_summary_no_url() {
        use Section::*;
        let text = "Doanh thu của công ty tăng mạnh\n\nRevenue of the company rose sharply";
        assert_eq!(sections_of(text), [Some(Translation), None, Some(Original)]);
    }

    #[test]
    fn only_vietnamese() {
        use Section::*;
        let text = "- Doanh thu tăng 25%\nDoanh thu của công ty tăng mạnh";
        assert_eq!(sections_of(text), [Some(Summary), Some(Translation)]);
    }

    #[test]
    fn neutral_line_before_english_goes_with_it() {
        use Section::*;
        let text = "Doanh thu của công ty tăng mạnh\n2025\nRevenue of the company rose";
        assert_eq!(
            sections_of(text),
            [Some(Translation), Some(Original), Some(Original)]
        );
    }

    #[test]
    fn vietnamese_letters_have_these_lead_bytes() {
        for cp in 0..0x2100u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if chars::is_vietnamese_letter(c) {
                let mut buf = [0u8; 4];
                assert!(
                    vietnamese_lead(c.encode_utf8(&mut buf).as_bytes()[0]),
                    "{c:?}"
                );
            }
            let mut buf = [0u8; 4];
            assert_eq!(
                decode(c.encode_utf8(&mut buf).as_bytes(), 0),
                (cp, c.len_utf8())
            );
        }
    }

    #[test]
    fn identifies_seed_like_lines() {
        let id = |s: &str| identify(builtin(), s);
        assert_eq!(id("Tác giả: Robyn Mak"), Some(Lang::Vi));
        assert_eq!(id("By Robyn Mak"), Some(Lang::En));
        assert_eq!(
            id("January 24, 20256:00 PM GMT+7Updated 3 days ago"),
            Some(Lang::En)
        );
        assert_eq!(
            id("Trung Quốc chiếm hơn 50% lượng robot công nghiệp"),
            Some(Lang::Vi)
        );
        assert_eq!(
            id("Hanoi-based VinFast said sales in Hà Nội rose 20% in the quarter"),
            Some(Lang::En)
        );
        assert_eq!(id("2025"), None);
    }
}
