//! Phrase tables: multi-word lexicon entries matched against token streams.
//!
//! A phrase is tokenised with the same tokenizer as the text ("per cent" →
//! `per`,`cent`; "US$" → `us`,`$`), its words interned in the catalogue's
//! vocabulary, so matching compares the symbols of tokens: indexed by first
//! symbol (forward matching) and by last symbol (backward matching, for
//! qualifiers that precede a figure). The longest phrase wins; among phrases
//! of one length, the one listed first.

use rustc_hash::FxHashMap;

use super::vocab::Vocab;
use crate::tokenize::{Sym, Token, tokenize};

#[derive(Debug, Clone)]
struct Entry<T> {
    /// The word after the first, and the word before the last (`Sym::NONE`
    /// for one word), kept beside the entry: most candidates fail there, and
    /// are rejected without reading `words`.
    second: Sym,
    penult: Sym,
    words: Box<[Sym]>,
    /// `glued[k]`: word k+1 touches word k in the catalogue phrase ("US$",
    /// "A$", "km2"), so it must touch it in the text too ("a $1.2 billion"
    /// is not Australian dollars).
    glued: Box<[bool]>,
    value: T,
}

impl<T> Entry<T> {
    fn matches(&self, tokens: &[Token]) -> bool {
        tokens.len() >= self.words.len()
            && self.words.iter().zip(tokens).all(|(w, t)| *w == t.sym)
            && self
                .glued
                .iter()
                .zip(&tokens[1..])
                .all(|(&g, t)| !g || t.attached())
    }
}

/// Phrase lists by a key symbol (their first word, or their last): a hash
/// map while phrases are added; once sealed, a bit per symbol that keys a
/// list, and the lists in symbol order, found by the rank of the symbol's
/// bit. Most tokens are rejected on their bit, and the others find their
/// list without hashing.
#[derive(Debug, Clone)]
struct Index<T> {
    map: FxHashMap<Sym, Vec<Entry<T>>>,
    bits: Vec<u64>,
    /// The bits set in `bits` before each of its words.
    rank: Vec<u32>,
    lists: Vec<(Sym, Vec<Entry<T>>)>,
}

impl<T> Default for Index<T> {
    fn default() -> Self {
        Index {
            map: FxHashMap::default(),
            bits: Vec::new(),
            rank: Vec::new(),
            lists: Vec::new(),
        }
    }
}

impl<T> Index<T> {
    fn seal(&mut self, symbols: usize) {
        self.bits = vec![0u64; symbols / 64 + 1];
        self.lists.extend(self.map.drain());
        // `Sym::NONE` (a word outside the vocabulary) keys nothing.
        self.lists.retain(|(s, _)| *s != Sym::NONE);
        for (s, _) in &self.lists {
            self.bits[s.0 as usize / 64] |= 1 << (s.0 as usize % 64);
        }
        self.lists.sort_unstable_by_key(|(s, _)| *s);
        let mut n = 0;
        self.rank = self
            .bits
            .iter()
            .map(|w| {
                let before = n;
                n += w.count_ones();
                before
            })
            .collect();
    }

    /// The phrases keyed by `s`, longest first.
    #[inline]
    fn get(&self, s: Sym) -> Option<&[Entry<T>]> {
        if self.bits.is_empty() {
            return self.map.get(&s).filter(|_| s != Sym::NONE).map(|l| &l[..]);
        }
        let i = s.0 as usize;
        let w = *self.bits.get(i / 64)?;
        let bit = 1u64 << (i % 64);
        if w & bit == 0 {
            return None;
        }
        let k = self.rank[i / 64] as usize + (w & (bit - 1)).count_ones() as usize;
        Some(&self.lists[k].1)
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty() && self.lists.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = (Sym, &[Entry<T>])> + '_ {
        self.map
            .iter()
            .map(|(s, l)| (*s, &l[..]))
            .chain(self.lists.iter().map(|(s, l)| (*s, &l[..])))
    }
}

/// A lexicon of phrases, each carrying a value.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: Index<T>,
    by_last: Index<T>,
}

/// True when a phrase ending before token `end` would cut a word of several
/// syllables ("tấn" of "tấn công"): Vietnamese is read word by word.
#[inline]
fn ends_in_word(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(Token::in_word)
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: Index::default(),
            by_last: Index::default(),
        }
    }
}

impl<T: Clone> PhraseTable<T> {
    /// Add a phrase; returns false when it has no tokens.
    pub fn insert(&mut self, vocab: &mut Vocab, phrase: &str, value: T) -> bool {
        let tokens = tokenize(phrase, &mut vocab.interning());
        // A slash joins the halves of a unit whether spaced or not: machine
        // translation writes "322km / h" and "USD / tấn".
        let slash = |t: &Token| &phrase[t.start as usize..t.end as usize] == "/";
        let glued = tokens
            .windows(2)
            .map(|w| w[1].attached() && !slash(&w[0]) && !slash(&w[1]))
            .collect();
        let words: Box<[Sym]> = tokens.iter().map(|t| t.sym).collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return false;
        };
        let (second, penult) = match words.len() {
            1 => (Sym::NONE, Sym::NONE),
            n => (words[1], words[n - 2]),
        };
        let entry = Entry {
            second,
            penult,
            words,
            glued,
            value,
        };
        for (key, index) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let list = index.map.entry(key).or_default();
            list.push(entry.clone());
            // Longest first, so the first match is the longest.
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        true
    }
}

impl<T> PhraseTable<T> {
    /// Build the indexes of first and last symbols, for a vocabulary of
    /// `symbols` symbols; no phrase may be added afterwards.
    pub fn seal(&mut self, symbols: usize) {
        self.by_first.seal(symbols);
        self.by_last.seal(symbols);
    }

    /// The longest phrase starting at token `i`: its length in tokens and value.
    #[inline]
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        // (No phrase is keyed by `Sym::NONE`: its bit is never set, so the
        // bit alone rejects a word outside the vocabulary.)
        let first = tokens.get(i)?;
        let list = self.by_first.get(first.sym)?;
        if first.in_word() {
            return None;
        }
        let next = tokens.get(i + 1).map_or(Sym::NONE, |t| t.sym);
        list.iter()
            .find(|e| {
                // A one-word phrase keyed by this token's symbol matches it
                // (its words need not be read).
                (e.words.len() == 1 || (e.second == next && e.matches(&tokens[i..])))
                    && !ends_in_word(tokens, i + e.words.len())
            })
            .map(|e| (e.words.len(), &e.value))
    }

    /// The longest phrase ending just before token `end`: its length and value.
    pub fn match_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        if end == 0 {
            return None;
        }
        let last = tokens.get(end - 1)?;
        if ends_in_word(tokens, end) {
            return None;
        }
        let list = self.by_last.get(last.sym)?;
        let before = match end {
            1 => Sym::NONE,
            _ => tokens[end - 2].sym,
        };
        list.iter()
            .find(|e| {
                let len = e.words.len();
                len <= end
                    && (len == 1 || (e.penult == before && e.matches(&tokens[end - len..end])))
                    && !tokens[end - len].in_word()
            })
            .map(|e| (e.words.len(), &e.value))
    }

    /// True when the table holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// True when a phrase starts at token `i`.
    pub fn starts_at(&self, tokens: &[Token], i: usize) -> bool {
        self.match_at(tokens, i).is_some()
    }

    /// True when a one-word phrase is this symbol.
    pub fn contains_word(&self, word: Sym) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|e| e.words.len() == 1))
    }

    /// The first symbol of every phrase, for the scan's quick rejection.
    pub fn first_symbols(&self) -> impl Iterator<Item = Sym> + '_ {
        self.by_first.iter().map(|(s, _)| s)
    }

    /// The one-word phrases, for bitsets of word roles.
    pub fn single_words(&self) -> impl Iterator<Item = Sym> + '_ {
        self.by_first
            .iter()
            .filter(|(_, l)| l.iter().any(|e| e.words.len() == 1))
            .map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_forward_and_backward() {
        let mut v = Vocab::default();
        let mut t = PhraseTable::default();
        t.insert(&mut v, "tỷ", 1e9);
        t.insert(&mut v, "nghìn tỷ", 1e12);
        t.insert(&mut v, "nghìn", 1e3);
        let toks = tokenize("6 nghìn tỷ USD", &mut v.lookup());
        assert_eq!(t.match_at(&toks, 1), Some((2, &1e12)));
        assert_eq!(t.match_ending_at(&toks, 3), Some((2, &1e12)));
        assert_eq!(t.match_at(&toks, 0), None);
    }

    #[test]
    fn phrases_with_symbols() {
        let mut v = Vocab::default();
        let mut t = PhraseTable::default();
        t.insert(&mut v, "US$", "USD");
        t.insert(&mut v, "$", "USD?");
        let toks = tokenize("US$5", &mut v.lookup());
        assert_eq!(t.match_at(&toks, 0), Some((2, &"USD")));
        let toks = tokenize("us $5", &mut v.lookup());
        assert_eq!(
            t.match_at(&toks, 0),
            None,
            "a glued phrase needs glued text"
        );
        assert!(!t.insert(&mut v, "   ", "x"));
        // A slash need not touch its halves.
        t.insert(&mut v, "km/h", "speed");
        let toks = tokenize("322km / h", &mut v.lookup());
        assert_eq!(t.match_at(&toks, 1), Some((3, &"speed")));
    }
}
