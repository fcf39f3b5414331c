//! Tokens of a normalised line: numbers, words and single punctuation marks,
//! as spans with an interned, lowercased symbol.
//!
//! Owns the one definition of a "word" and a "number" shared by the catalogue
//! (whose phrases are tokenised the same way) and the extractor. A token is a
//! byte span of the normalised line plus the catalogue symbol of its
//! lowercase text (`Sym::NONE` when the catalogue has no such word), so every
//! lexicon lookup compares integers. `space_before` records whether the token
//! touches its predecessor, which decides attachments such as `$2.9bn` or
//! `688256.SS`.

use crate::chars;

/// A word of the catalogue's vocabulary; `Sym::NONE` for any other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Sym(pub u32);

impl Sym {
    pub const NONE: Sym = Sym(0);
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// ASCII digits with internal `.` or `,` separators: `1,600`, `4,3`, `3.1`.
    Number,
    /// Letters (any script, with combining marks and inner apostrophes).
    Word,
    /// Any other single non-space character: `%`, `$`, `-`, `(`, `:`.
    Punct,
}

const SPACE_BEFORE: u8 = 1;
const CAPITALIZED: u8 = 2;
const ALL_CAPS: u8 = 4;
/// The lowercase text is a single character.
const ONE_CHAR: u8 = 8;
/// The token contains a letter only Vietnamese uses.
const VIETNAMESE: u8 = 16;
/// The token opens a word of several syllables ("bộ" of "bộ trưởng").
const OPENS_WORD: u8 = 32;
/// The token continues the word the previous token opened ("trưởng").
const IN_WORD: u8 = 64;

/// One token of a line: 16 bytes, no heap.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offsets into the normalised line.
    pub start: u32,
    pub end: u32,
    /// The catalogue symbol of the lowercase text.
    pub sym: Sym,
    pub kind: TokenKind,
    flags: u8,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
    /// True when whitespace separates this token from the previous one (or
    /// it starts the line).
    pub fn space_before(&self) -> bool {
        self.flags & SPACE_BEFORE != 0
    }
    /// True when this token directly follows the previous one, without space.
    pub fn attached(&self) -> bool {
        !self.space_before()
    }
    /// True when the first character is uppercase (names, sentence starts).
    pub fn capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }
    /// True for a word whose letters are all uppercase (tickers, acronyms).
    pub fn all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0
    }
    /// True when the lowercase text is one character ("m", "x", "U").
    pub fn one_char(&self) -> bool {
        self.flags & ONE_CHAR != 0
    }
    /// True when the token contains a letter only Vietnamese uses.
    pub fn vietnamese(&self) -> bool {
        self.flags & VIETNAMESE != 0
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// True when this token continues a word of several syllables begun by
    /// the previous one: no catalogue phrase may start here.
    pub fn in_word(&self) -> bool {
        self.flags & IN_WORD != 0
    }
    /// True when this syllable is a piece of a longer word ("bộ" in "bộ
    /// trưởng", "đến" in "liên quan đến"), so it cannot be read alone.
    pub fn piece_of_word(&self) -> bool {
        self.flags & (IN_WORD | OPENS_WORD) != 0
    }
}

/// Mark `tokens[start..start + len]` as one word of several syllables.
pub fn join_word(tokens: &mut [Token], start: usize, len: usize) {
    if len < 2 || start + len > tokens.len() {
        return;
    }
    tokens[start].flags |= OPENS_WORD;
    for t in &mut tokens[start + 1..start + len] {
        t.flags |= IN_WORD;
    }
}

/// A tokenised line: its normalised text and its tokens, read together.
#[derive(Debug, Clone, Copy)]
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Tokens<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }
    /// The token's text as it stands in the normalised line.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.range()])
    }
    /// The symbol at `i`, `Sym::NONE` past the end.
    pub fn sym(&self, i: usize) -> Sym {
        self.toks.get(i).map_or(Sym::NONE, |t| t.sym)
    }
    /// True when token `i` is the punctuation mark `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.text[t.range()].starts_with(c))
    }
}

/// How a token's lowercase text becomes a symbol: a lookup in the
/// catalogue's vocabulary, or (while compiling the catalogue) interning.
pub trait Symbols {
    /// The longest vocabulary entry in bytes: longer text is never looked up.
    fn max_len(&self) -> usize;
    fn symbol(&mut self, lower: &str) -> Sym;
}

/// Split a normalised line into tokens.
pub fn tokenize(text: &str, symbols: &mut impl Symbols) -> Vec<Token> {
    let cl = chars::classes();
    let limit = symbols.max_len();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut lower = String::with_capacity(32);
    let mut i = 0;
    let mut space_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII whitespace is U+0009..U+000D and the space.
        if b == b' ' || (9..=13).contains(&b) {
            i += 1;
            space_before = true;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        if b >= 0x80 && cl.is_whitespace(c) {
            i += c.len_utf8();
            space_before = true;
            continue;
        }
        let start = i;
        let mut flags = if space_before { SPACE_BEFORE } else { 0 };
        space_before = false;
        lower.clear();
        let kind;
        let count;
        if b.is_ascii_digit() {
            kind = TokenKind::Number;
            i = number_end(bytes, i);
            count = i - start;
            if count <= limit {
                lower.push_str(&text[start..i]);
            }
        } else if cl.is_word_char(c) {
            kind = TokenKind::Word;
            let w = word(cl, text, i, limit, &mut lower);
            i = w.end;
            count = w.chars;
            if w.all_caps {
                flags |= ALL_CAPS;
            }
            if w.vietnamese {
                flags |= VIETNAMESE;
            }
        } else {
            kind = TokenKind::Punct;
            i += c.len_utf8();
            cl.push_lowercase(c, &mut lower);
            count = lower.chars().count();
        }
        if cl.is_uppercase(c) {
            flags |= CAPITALIZED;
        }
        if count == 1 {
            flags |= ONE_CHAR;
        }
        let sym = if lower.is_empty() || lower.len() > limit {
            Sym::NONE
        } else {
            symbols.symbol(&lower)
        };
        tokens.push(Token {
            start: start as u32,
            end: i as u32,
            sym,
            kind,
            flags,
        });
    }
    tokens
}

/// Digits, and `.`/`,` only when a digit follows directly.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => i += 1,
            b'.' | b',' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            _ => break,
        }
    }
    i
}

/// A word read in one pass: where it ends, and what its letters say.
struct Word {
    end: usize,
    /// Characters of its lowercase form.
    chars: usize,
    all_caps: bool,
    vietnamese: bool,
}

/// The character at byte `i` of a valid UTF-8 string, decoded by hand.
#[inline]
fn char_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i] as u32;
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&c| (c & 0x3f) as u32);
    let (cp, len) = match b {
        0..=0x7f => (b, 1),
        0xc0..=0xdf => (((b & 0x1f) << 6) | cont(1), 2),
        0xe0..=0xef => (((b & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    };
    (char::from_u32(cp).unwrap_or(' '), len)
}

/// Word characters, and an apostrophe inside a word ("People’s", "don't"),
/// from `i`; the lowercase form goes to `lower` while it is at most `limit`
/// bytes long.
fn word(cl: &chars::Classes, text: &str, mut i: usize, limit: usize, lower: &mut String) -> Word {
    let bytes = text.as_bytes();
    let mut w = Word {
        end: i,
        chars: 0,
        all_caps: true,
        vietnamese: false,
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            w.all_caps &= !b.is_ascii_lowercase();
            if lower.len() <= limit {
                lower.push(b.to_ascii_lowercase() as char);
            }
            w.chars += 1;
            i += 1;
            continue;
        }
        let (c, len) = char_at(bytes, i);
        let info = if b >= 0x80 { cl.word_char(c) } else { None };
        let info = match info {
            Some(info) => info,
            // An apostrophe counts only with a word character after it.
            None if (c == '\'' || c == '\u{2019}')
                && i + len < bytes.len()
                && cl.is_word_char(char_at(bytes, i + len).0) =>
            {
                (false, false, Some(c))
            }
            None => break,
        };
        let (is_lower, vietnamese, low) = info;
        w.all_caps &= !is_lower;
        w.vietnamese |= vietnamese;
        if lower.len() <= limit {
            match low {
                Some(l) => {
                    lower.push(l);
                    w.chars += 1;
                }
                None => {
                    let before = lower.len();
                    lower.extend(c.to_lowercase());
                    w.chars += lower[before..].chars().count();
                }
            }
        } else {
            w.chars += 1;
        }
        i += len;
    }
    w.end = i;
    w
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A token is a span, a kind and a symbol in 16 bytes.
    #[test]
    fn a_token_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
    }

    /// Symbols for tests: every lowercase text interned in order.
    #[derive(Default)]
    pub struct Interner(pub Vec<String>);

    impl Symbols for Interner {
        fn max_len(&self) -> usize {
            usize::MAX
        }
        fn symbol(&mut self, lower: &str) -> Sym {
            match self.0.iter().position(|w| w == lower) {
                Some(p) => Sym(p as u32 + 1),
                None => {
                    self.0.push(lower.to_string());
                    Sym(self.0.len() as u32)
                }
            }
        }
    }

    fn kinds(s: &str) -> Vec<(String, TokenKind, bool)> {
        let mut i = Interner::default();
        tokenize(s, &mut i)
            .into_iter()
            .map(|t| (i.0[t.sym.0 as usize - 1].clone(), t.kind, t.space_before()))
            .collect()
    }

    #[test]
    fn numbers_keep_inner_separators_only() {
        let t = kinds("$2.9bn, 1,600 and 4,3. 688256.SS");
        let texts: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "$", "2.9", "bn", ",", "1,600", "and", "4,3", ".", "688256", ".", "ss"
            ]
        );
        assert!(!t[2].2, "bn is attached to 2.9");
    }

    #[test]
    fn words_with_diacritics_and_apostrophes() {
        let t = kinds("Huawei’s doanh thu tỷ");
        assert_eq!(t[0].0, "huawei’s");
        assert_eq!(t[3].0, "tỷ");
    }

    #[test]
    fn glued_text_splits_at_class_changes() {
        let texts: Vec<_> = kinds("20256:00 PM GMT+7Updated")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(
            texts,
            ["20256", ":", "00", "pm", "gmt", "+", "7", "updated"]
        );
    }

    #[test]
    fn flags_of_case_and_script() {
        let mut i = Interner::default();
        let text = "HSBC Hà Nội m U";
        let t = tokenize(text, &mut i);
        assert!(t[0].all_caps() && t[0].capitalized());
        assert!(t[1].capitalized() && !t[1].all_caps() && t[2].vietnamese());
        assert!(t[3].one_char() && !t[3].capitalized());
        assert!(t[4].one_char() && t[4].all_caps());
        let toks = Tokens { text, toks: &t };
        assert_eq!(toks.raw(2), "Nội");
    }

    /// The tokenizer as first written, one `char` at a time with the
    /// standard library's classes: the fast one must agree with it (but for
    /// Greek final sigma, which `str::to_lowercase` alone writes "ς" and no
    /// catalogue word holds).
    fn reference(text: &str) -> Vec<(usize, usize, String, TokenKind, bool, bool, bool)> {
        let word = |c: char| c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c);
        let mut out = Vec::new();
        let mut it = text.char_indices().peekable();
        let mut space = true;
        while let Some(&(start, c)) = it.peek() {
            if c.is_whitespace() {
                it.next();
                space = true;
                continue;
            }
            it.next();
            let mut end = start + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some(&(i, d)) = it.peek() {
                    let next_digit =
                        text[i + d.len_utf8()..].starts_with(|x: char| x.is_ascii_digit());
                    if d.is_ascii_digit() || ((d == '.' || d == ',') && next_digit) {
                        end = i + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            } else if word(c) {
                while let Some(&(i, d)) = it.peek() {
                    let apostrophe = (d == '\'' || d == '\u{2019}')
                        && text[i + d.len_utf8()..].starts_with(word);
                    if word(d) || apostrophe {
                        end = i + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            let raw = &text[start..end];
            let all_caps = kind == TokenKind::Word && raw.chars().all(|c| !c.is_lowercase());
            let cap = raw.chars().next().is_some_and(char::is_uppercase);
            out.push((start, end, raw.to_lowercase(), kind, space, cap, all_caps));
            space = false;
        }
        out
    }

    #[test]
    fn the_fast_tokenizer_agrees_with_the_reference() {
        let pool: Vec<char> =
            "aZ9 .,'’-%$tỷƯớcĐ\u{301}İΔσßǅ\u{2028}\u{3000}\u{a0}😀\t\n1e3ĀǄ\u{2019}x"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            let mut i = Interner::default();
            let fast: Vec<_> = tokenize(&text, &mut i)
                .into_iter()
                .map(|t| {
                    (
                        t.start as usize,
                        t.end as usize,
                        i.0[t.sym.0 as usize - 1].clone(),
                        t.kind,
                        t.space_before(),
                        t.capitalized(),
                        t.all_caps(),
                    )
                })
                .collect();
            assert_eq!(fast, reference(&text), "{text:?}");
        }
    }

    #[test]
    fn unusual_spaces_separate_tokens() {
        let texts: Vec<_> = kinds("a\u{3000}b\u{2028}c\td")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
    }
}
