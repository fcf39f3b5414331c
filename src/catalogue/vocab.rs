//! The vocabulary: every lowercase word of the catalogue, interned once, so
//! that tokens carry a symbol and every lookup compares integers.

use rustc_hash::FxHashMap;

use crate::tokenize::{Sym, Symbols};

/// Lowercase words ↔ symbols. Symbol 0 is `Sym::NONE`, never a word.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, Sym>,
    words: Vec<Box<str>>,
    max_len: usize,
}

impl Vocab {
    /// The symbol of a lowercase word, interning it.
    pub fn intern(&mut self, lower: &str) -> Sym {
        if let Some(&s) = self.ids.get(lower) {
            return s;
        }
        self.words.push(lower.into());
        let s = Sym(self.words.len() as u32);
        self.ids.insert(lower.into(), s);
        self.max_len = self.max_len.max(lower.len());
        s
    }

    /// The symbol of a lowercase word, `Sym::NONE` when it is not in the
    /// catalogue.
    pub fn get(&self, lower: &str) -> Sym {
        self.ids.get(lower).copied().unwrap_or(Sym::NONE)
    }

    /// The symbol of a word in any case.
    pub fn get_any_case(&self, word: &str) -> Sym {
        self.get(&word.to_lowercase())
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
