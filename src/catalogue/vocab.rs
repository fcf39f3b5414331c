//! The vocabulary: every lowercase word of the catalogue, interned once, so
//! that tokens carry a symbol and every lookup compares integers.
//!
//! Text is looked up once per token: words of up to 8 bytes (most of them)
//! are keys packed into one integer, so the lookup hashes and compares a
//! `u64` instead of calling `memcmp`.

use rustc_hash::FxHashMap;

use crate::tokenize::{Sym, Symbols};

/// Lowercase words ↔ symbols. Symbol 0 is `Sym::NONE`, never a word.
#[derive(Debug, Default)]
pub struct Vocab {
    /// Words of at most 8 bytes, packed (`pack`).
    short: FxHashMap<u64, Sym>,
    long: FxHashMap<Box<str>, Sym>,
    words: Vec<Box<str>>,
    max_len: usize,
}

/// A word of 1 to 8 bytes as one integer (text holds no NUL byte, so the
/// zero padding is unambiguous).
#[inline]
fn pack(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(b)
}

impl Vocab {
    /// The symbol of a lowercase word, interning it.
    pub fn intern(&mut self, lower: &str) -> Sym {
        let s = self.get(lower);
        if s != Sym::NONE || lower.is_empty() {
            return s;
        }
        self.words.push(lower.into());
        let s = Sym(self.words.len() as u32);
        if lower.len() <= 8 {
            self.short.insert(pack(lower.as_bytes()), s);
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
        let found = if lower.len() <= 8 {
            self.short.get(&pack(lower.as_bytes()))
        } else {
            self.long.get(lower)
        };
        found.copied().unwrap_or(Sym::NONE)
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
