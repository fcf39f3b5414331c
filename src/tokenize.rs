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
    /// The symbol of a lowercase text of `len <= KEY_LEN` bytes given as a
    /// key: its bytes in order from the lowest, zero above them.
    fn symbol_key(&mut self, key: u128, len: usize) -> Sym {
        let bytes = key.to_le_bytes();
        std::str::from_utf8(&bytes[..len]).map_or(Sym::NONE, |s| self.symbol(s))
    }
}

/// Lowercase text up to this many bytes is read as a key; a longer token is
/// lowered again, as a `String`, only when the symbols can be that long.
pub const KEY_LEN: usize = 16;

/// The lowercase text of the token being read, as a key: its first
/// `KEY_LEN` bytes from the lowest (zero above them), and its length in
/// bytes and in characters (counted on past `KEY_LEN`).
#[derive(Default, Clone, Copy)]
struct Key {
    key: u128,
    len: usize,
    chars: usize,
}

impl Key {
    /// Add `n` bytes of lowercase text: the lowest bytes of `bytes`, zero
    /// above them; `chars` characters.
    #[inline]
    fn add(&mut self, bytes: u64, n: usize, chars: usize) {
        if self.len < KEY_LEN {
            self.key |= (bytes as u128) << (8 * self.len);
        }
        self.len += n;
        self.chars += chars;
    }

    #[inline]
    fn push(&mut self, c: char) {
        let mut b = [0u8; 8];
        let n = c.encode_utf8(&mut b).len();
        self.add(u64::from_le_bytes(b), n, 1);
    }

    /// `c` lowercased, from the table when it can be.
    #[inline]
    fn push_lower(&mut self, cl: &chars::Classes, c: char) {
        match cl.simple_lower(c) {
            Some(l) => self.push(l),
            None => push_lowercase_of(self, c),
        }
    }
}

/// The lowercase of a character that is not one character, or is above the
/// table.
#[cold]
#[inline(never)]
fn push_lowercase_of(key: &mut Key, c: char) {
    c.to_lowercase().for_each(|l| key.push(l));
}

/// Split a normalised line into tokens.
pub fn tokenize(text: &str, symbols: &mut impl Symbols) -> Vec<Token> {
    let cl = chars::classes();
    let limit = symbols.max_len();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4 + 2);
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
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            char_at(bytes, i)
        };
        if b >= 0x80 && cl.is_whitespace(c) {
            i += len;
            space_before = true;
            continue;
        }
        let start = i;
        let mut flags = if space_before { SPACE_BEFORE } else { 0 };
        space_before = false;
        let mut key = Key::default();
        let kind;
        if b.is_ascii_alphabetic() || (b >= 0x80 && cl.is_word_char(c)) {
            kind = TokenKind::Word;
            let w = word(cl, bytes, i, &mut key);
            i = w.end;
            if w.all_caps {
                flags |= ALL_CAPS;
            }
            if w.vietnamese {
                flags |= VIETNAMESE;
            }
        } else if b.is_ascii_digit() {
            kind = TokenKind::Number;
            i = number_end(bytes, i);
            let n = (i - start).min(KEY_LEN);
            let mut k = [0u8; KEY_LEN];
            k[..n].copy_from_slice(&bytes[start..start + n]);
            key.key = u128::from_le_bytes(k);
            key.len = i - start;
            key.chars = key.len;
        } else {
            kind = TokenKind::Punct;
            i += len;
            key.push_lower(cl, c);
        }
        if (b < 0x80 && b.is_ascii_uppercase()) || (b >= 0x80 && cl.is_uppercase(c)) {
            flags |= CAPITALIZED;
        }
        if key.chars == 1 {
            flags |= ONE_CHAR;
        }
        let sym = if key.len == 0 || key.len > limit {
            Sym::NONE
        } else if key.len <= KEY_LEN {
            symbols.symbol_key(key.key, key.len)
        } else {
            long_symbol(cl, &text[start..i], symbols)
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

/// The symbol of a token longer than a key, when the symbols go that long.
#[cold]
#[inline(never)]
fn long_symbol(cl: &chars::Classes, raw: &str, symbols: &mut impl Symbols) -> Sym {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        cl.push_lowercase(c, &mut s);
    }
    symbols.symbol(&s)
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

const ONES: u64 = 0x0101_0101_0101_0101;

/// The lowest `n` bytes of a word, for `n` in 0..=8 (a table: a variable
/// shift costs a branch).
const LOW_BYTES: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// The lowest `n` bytes of a key, for `n` in 0..=KEY_LEN.
const KEY_MASK: [u128; KEY_LEN + 1] = {
    let mut t = [u128::MAX; KEY_LEN + 1];
    let mut n = 0;
    while n < KEY_LEN {
        t[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// The bytes of `w` that are ASCII letters, each flagged by its bit 0x80
/// (exact for every byte: no carry crosses from one byte to the next).
#[inline]
fn letters8(w: u64) -> u64 {
    // (b | 0x20) strictly between 0x60 and 0x7b, and b below 0x80.
    let x = w | (0x20 * ONES);
    let t = x & (0x7f * ONES);
    ((127 + 0x7b) * ONES - t) & !x & (t + (127 - 0x60) * ONES) & (0x80 * ONES)
}

/// Word characters, and an apostrophe inside a word ("People’s", "don't"),
/// from `i`; the lowercase form goes to `key`. Kept apart from the token
/// loop so that its few values stay in registers: the lowercase text is
/// written to a buffer on the stack, a whole character at a time.
#[inline(never)]
fn word(cl: &chars::Classes, bytes: &[u8], mut i: usize, key: &mut Key) -> Word {
    let mut buf = [0u8; KEY_LEN + 8];
    let (mut len, mut chars) = (0usize, 0usize);
    let mut any_lower = false;
    let mut vietnamese = false;
    while i < bytes.len() {
        // A run of ASCII letters (bit 0x20 is lowercase), eight bytes at a
        // time, then whatever follows it.
        let start = i;
        let mut bits = 0u64;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let run = ((!letters8(w) & (0x80 * ONES)).trailing_zeros() / 8) as usize;
            if len + (i - start) < KEY_LEN {
                let at = len + (i - start);
                buf[at..at + 8].copy_from_slice(&(w | (0x20 * ONES)).to_le_bytes());
            }
            bits |= w & LOW_BYTES[run];
            i += run;
            if run < 8 {
                break;
            }
        }
        if bytes.len() < i + 8 {
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii_alphabetic() {
                    break;
                }
                let at = len + (i - start);
                if at < KEY_LEN {
                    buf[at] = b | 0x20;
                }
                bits |= b as u64;
                i += 1;
            }
        }
        let run = i - start;
        if run > 0 {
            any_lower |= bits & (0x20 * ONES) != 0;
            len += run;
            chars += run;
            if i >= bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            // An apostrophe counts only with a word character after it.
            if b == b'\'' && inner_apostrophe(cl, bytes, i + 1) {
                if len < KEY_LEN {
                    buf[len] = b;
                }
                len += 1;
                chars += 1;
                i += 1;
                continue;
            }
            break;
        }
        let (c, n) = char_at(bytes, i);
        let lower = match cl.entry(c) {
            Some(e) if e.is_word() => {
                any_lower |= e.is_lowercase();
                vietnamese |= e.is_vietnamese();
                e.lower_utf8()
            }
            Some(_) if c == '\u{2019}' && inner_apostrophe(cl, bytes, i + n) => {
                let mut u = [0u8; 4];
                c.encode_utf8(&mut u);
                Some((u, 3))
            }
            Some(_) => break,
            None => match cl.word_char(c) {
                // Above the table: the standard library's classes.
                Some((is_lower, vi, _)) => {
                    any_lower |= is_lower;
                    vietnamese |= vi;
                    None
                }
                None => break,
            },
        };
        match lower {
            Some((utf8, l)) => {
                if len < KEY_LEN {
                    buf[len..len + 4].copy_from_slice(&utf8);
                }
                len += l;
                chars += 1;
            }
            None => {
                let (l, k) = lowercase_into(c, &mut buf, len);
                len += l;
                chars += k;
            }
        }
        i += n;
    }
    let mut k = [0u8; KEY_LEN];
    k.copy_from_slice(&buf[..KEY_LEN]);
    let value = u128::from_le_bytes(k);
    *key = Key {
        key: value & KEY_MASK[len.min(KEY_LEN)],
        len,
        chars,
    };
    Word {
        end: i,
        all_caps: !any_lower,
        vietnamese,
    }
}

/// Write the lowercase of `c` (not one character, or above the table) at
/// `len` of a key buffer; its bytes and characters.
#[cold]
#[inline(never)]
fn lowercase_into(c: char, buf: &mut [u8; KEY_LEN + 8], mut len: usize) -> (usize, usize) {
    let (start, mut chars) = (len, 0);
    for l in c.to_lowercase() {
        if len < KEY_LEN {
            l.encode_utf8(&mut buf[len..]);
        }
        len += l.len_utf8();
        chars += 1;
    }
    (len - start, chars)
}

/// True when a word character starts at byte `k`.
#[inline]
fn word_follows(cl: &chars::Classes, bytes: &[u8], k: usize) -> bool {
    k < bytes.len() && cl.is_word_char(char_at(bytes, k).0)
}

/// True when the apostrophe before byte `k` is inside a word ("don't",
/// "O'Neill"): a word character follows it, and it is not the clitic "'s"
/// closing the word ("Wednesday's", "Huawei’s"), which is a token of its
/// own, so that the word before it is the catalogue's word.
fn inner_apostrophe(cl: &chars::Classes, bytes: &[u8], k: usize) -> bool {
    let clitic_s = |k: usize| matches!(bytes[k], b's' | b'S') && !word_follows(cl, bytes, k + 1);
    word_follows(cl, bytes, k) && !clitic_s(k)
}

#[cfg(test)]
pub mod tests;
