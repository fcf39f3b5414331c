//! The vocabulary: every lowercase word of the catalogue, interned once, so
//! that tokens carry a symbol and every lookup compares integers.
//!
//! Text is looked up once per token. Words of up to 16 bytes (every word of
//! the built-in catalogue) are keys of two integers in an open-addressing
//! table kept at most a quarter full, so a lookup is one multiplication and,
//! nearly always, one slot; longer words (from `--claims`) are in a map.

use rustc_hash::FxHashMap;

use crate::tokenize::{Sym, Symbols};

/// Lowercase words ↔ symbols. Symbol 0 is `Sym::NONE`, never a word.
#[derive(Debug, Default)]
pub struct Vocab {
    /// Words of at most `SHORT` bytes, by `slot`; a power of two long.
    table: Vec<Slot>,
    /// For each slot, a tag of its key's hash (never 0), or 0 when empty:
    /// a byte a slot (a few kilobytes, kept in the nearest cache), so a
    /// lookup reads the slots themselves only when a tag matches (most words
    /// of a text are not in the vocabulary).
    tags: Vec<u8>,
    long: FxHashMap<Box<str>, Sym>,
    /// The symbol of each one-byte ASCII word (punctuation, single
    /// letters, digits), read directly: 128 entries once any is interned.
    ascii: Vec<Sym>,
    words: Vec<Box<str>>,
    max_len: usize,
}

/// Words up to this many bytes are keys of the table: the tokenizer's keys.
const SHORT: usize = crate::tokenize::KEY_LEN;

/// A word of the table: its bytes, zero-padded, as two integers (text holds
/// no NUL byte, so the padding is unambiguous); `sym` 0 for an empty slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    sym: u32,
}

/// The key of a word of at most `SHORT` bytes.
#[inline]
fn key(bytes: &[u8]) -> (u64, u64) {
    let mut b = [0u8; SHORT];
    b[..bytes.len()].copy_from_slice(bytes);
    split(&b)
}

#[inline]
fn split(b: &[u8; SHORT]) -> (u64, u64) {
    let (lo, hi) = b.split_at(8);
    (
        u64::from_le_bytes(lo.try_into().unwrap_or_default()),
        u64::from_le_bytes(hi.try_into().unwrap_or_default()),
    )
}

/// A key's hash: its slot from the high bits, its tag from the low ones.
#[inline]
fn hash((lo, hi): (u64, u64)) -> u64 {
    (lo ^ hi.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[inline]
fn tag(h: u64) -> u8 {
    ((h >> 8) as u8) | 1
}

impl Vocab {
    #[inline]
    fn slot(&self, h: u64) -> usize {
        (h >> 40) as usize & (self.table.len() - 1)
    }

    /// The symbol of a key, `Sym::NONE` when absent.
    #[inline]
    pub fn get_key(&self, k: (u64, u64)) -> Sym {
        if self.table.is_empty() {
            return Sym::NONE;
        }
        let mask = self.table.len() - 1;
        let h = hash(k);
        let t = tag(h);
        let mut i = self.slot(h);
        loop {
            match self.tags[i] {
                0 => return Sym::NONE,
                x if x == t => {
                    let s = &self.table[i];
                    if s.lo == k.0 && s.hi == k.1 {
                        return Sym(s.sym);
                    }
                }
                _ => {}
            }
            i = (i + 1) & mask;
        }
    }

    fn insert_key(&mut self, k: (u64, u64), sym: Sym) {
        if (self.words.len() + 1) * 4 > self.table.len() {
            let old = std::mem::take(&mut self.table);
            self.table = vec![Slot::default(); (old.len() * 2).max(1024)];
            self.tags = vec![0; self.table.len()];
            for s in old.into_iter().filter(|s| s.sym != 0) {
                self.place(s);
            }
        }
        self.place(Slot {
            lo: k.0,
            hi: k.1,
            sym: sym.0,
        });
    }

    fn place(&mut self, s: Slot) {
        let mask = self.table.len() - 1;
        let h = hash((s.lo, s.hi));
        let mut i = self.slot(h);
        while self.table[i].sym != 0 {
            i = (i + 1) & mask;
        }
        self.table[i] = s;
        self.tags[i] = tag(h);
    }

    /// The symbol of a lowercase word, interning it.
    pub fn intern(&mut self, lower: &str) -> Sym {
        let s = self.get(lower);
        if s != Sym::NONE || lower.is_empty() {
            return s;
        }
        self.words.push(lower.into());
        let s = Sym(self.words.len() as u32);
        if lower.len() == 1 && lower.is_ascii() {
            self.ascii.resize(128, Sym::NONE);
            self.ascii[lower.as_bytes()[0] as usize] = s;
        }
        if lower.len() <= SHORT {
            self.insert_key(key(lower.as_bytes()), s);
        } else {
            self.long.insert(lower.into(), s);
        }
        self.max_len = self.max_len.max(lower.len());
        s
    }

    /// The symbol of a lowercase word, `Sym::NONE` when it is not in the
    /// catalogue.
    #[inline]
    pub fn get(&self, lower: &str) -> Sym {
        if lower.len() <= SHORT {
            self.get_key(key(lower.as_bytes()))
        } else {
            self.long.get(lower).copied().unwrap_or(Sym::NONE)
        }
    }

    /// The word of a symbol ("" for `Sym::NONE`).
    pub fn word(&self, s: Sym) -> &str {
        match s.0 {
            0 => "",
            n => self.words.get(n as usize - 1).map_or("", |w| w),
        }
    }

    /// How many symbols there are (symbols run from 1 to `len()`).
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// A lookup-only view for tokenizing text.
    pub fn lookup(&self) -> Lookup<'_> {
        Lookup(self)
    }

    /// An interning view for tokenizing catalogue phrases.
    pub fn interning(&mut self) -> Interning<'_> {
        Interning(self)
    }
}

/// Tokenizing text: words outside the vocabulary are `Sym::NONE`.
pub struct Lookup<'a>(&'a Vocab);

impl Symbols for Lookup<'_> {
    fn max_len(&self) -> usize {
        self.0.max_len
    }
    fn symbol(&mut self, lower: &str) -> Sym {
        self.0.get(lower)
    }
    #[inline]
    fn symbol_key(&mut self, key: u128, len: usize) -> Sym {
        if len == 1 && key < 128 {
            return self.0.ascii.get(key as usize).copied().unwrap_or(Sym::NONE);
        }
        self.0.get_key((key as u64, (key >> 64) as u64))
    }
}

/// Tokenizing catalogue phrases: every word becomes a symbol.
pub struct Interning<'a>(&'a mut Vocab);

impl Symbols for Interning<'_> {
    fn max_len(&self) -> usize {
        usize::MAX
    }
    fn symbol(&mut self, lower: &str) -> Sym {
        self.0.intern(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Looked up in the built-in vocabulary, a token's symbol is that of its
    /// lowercase text, whatever its case or script and however long.
    #[test]
    fn symbols_are_those_of_the_lowercase_text() {
        let cat = crate::catalogue::builtin();
        let pool = [
            "Triệu",
            "TỶ",
            "percent",
            "Percent",
            "billion",
            "MILLION",
            "ĐỒNG",
            "năm",
            "Năm",
            "one",
            "hundred",
            "nghìn",
            "’s",
            "don't",
            "US$",
            "%",
            "İ",
            "12,5",
            "x",
            " ",
            " ",
            "thousandthousand",
            "tỷtỷtỷtỷtỷtỷ",
            "a",
            "các",
            "Ω",
            "K",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pool[(seed % pool.len() as u64) as usize]);
            }
            let toks = cat.tokenize(&text);
            for t in &toks {
                let raw = &text[t.range()];
                let mut lower = String::new();
                for c in raw.chars() {
                    crate::chars::push_lowercase(c, &mut lower);
                }
                assert_eq!(t.sym, cat.sym(&lower), "{raw:?} in {text:?}");
            }
        }
    }

    #[test]
    fn words_short_and_long_round_trip() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..3000)
            .map(|i| format!("{}{i}", "tỷ".repeat(i % 7)))
            .collect();
        let syms: Vec<Sym> = words.iter().map(|w| v.intern(w)).collect();
        for (w, &s) in words.iter().zip(&syms) {
            assert_eq!(v.get(w), s, "{w}");
            assert_eq!(v.word(s), w);
            if w.len() <= SHORT {
                let mut b = [0u8; 16];
                b[..w.len()].copy_from_slice(w.as_bytes());
                let k = u128::from_le_bytes(b);
                assert_eq!(v.lookup().symbol_key(k, w.len()), s, "{w}");
            }
        }
        assert_eq!(v.get("absent"), Sym::NONE);
        assert_eq!(v.get(""), Sym::NONE);
        assert_eq!(Vocab::default().get("x"), Sym::NONE);
    }
}
