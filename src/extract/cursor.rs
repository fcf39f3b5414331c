//! Cursor helpers: what the token at an index is, seen through the URL mask.

use crate::catalogue::schema::WordRole;
use crate::tokenize::{Sym, Token};

use super::Scanner;

impl Scanner<'_> {
    /// The token at `i`, unless it is past the end or inside a URL.
    #[inline]
    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        if self.masked.get(i).copied().unwrap_or(false) {
            return None;
        }
        self.tokens.get(i)
    }

    /// The text of the token at `i` in the normalised line.
    pub(super) fn raw(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| &self.text[t.range()])
    }

    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some() && self.toks().is_punct(i, c)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_number)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    pub(super) fn attached(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::attached)
    }

    /// True when the token at `i` is, as a whole word, one of the role's
    /// one-word phrases (not a syllable of a longer word). Counted nouns are
    /// listed by their first syllable ("công" of "công nhân"), so a word
    /// they open counts.
    pub(super) fn has_role(&self, role: WordRole, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            let whole = if role == WordRole::CountedNoun {
                !t.in_word()
            } else {
                !t.piece_of_word()
            };
            whole && self.t.has_role(role, t.sym)
        })
    }

    /// The length of the possessive clitic glued to the word before `i`
    /// ("'s" of "the city's"), if one starts there.
    pub(super) fn possessive_at(&self, i: usize) -> Option<usize> {
        if !self.attached(i) {
            return None;
        }
        let (len, _) = self.t.role(WordRole::Possessive).match_at(self.tokens, i)?;
        Some(len)
    }

    /// True when a scale word or a currency word starts at `k`: what makes
    /// the number before it an amount ("chín tỷ bảng").
    pub(super) fn amount_word_at(&self, k: usize) -> bool {
        self.t.scales.starts_at(self.tokens, k) || self.t.currency_suffix.starts_at(self.tokens, k)
    }

    /// True when a label the catalogue lists (`ordinal-prefix`: "quý",
    /// "thế kỷ", "phase") ends right before token `i`.
    pub(super) fn after_label(&self, i: usize) -> bool {
        self.t
            .role(WordRole::OrdinalPrefix)
            .match_ending_at(self.tokens, i)
            .is_some()
    }

    /// An integer token without separators, as a number.
    pub(super) fn plain_int(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        let raw = &self.text[t.range()];
        if !t.is_number() || raw.len() > 9 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        raw.parse().ok()
    }

    /// The byte length of a number token's text.
    pub(super) fn digits_len(&self, i: usize) -> usize {
        self.tok(i).map_or(0, |t| (t.end - t.start) as usize)
    }

    /// A plausible calendar year written as four digits.
    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
        if self.digits_len(i) != 4 {
            return None;
        }
        let y = self.plain_int(i)? as i32;
        (1000..=2200).contains(&y).then_some(y)
    }

    /// A year glued to a clock time by scraping ("20256:00" → 2025).
    pub(super) fn glued_year_at(&self, i: usize) -> Option<i32> {
        let len = self.digits_len(i);
        if !(5..=6).contains(&len) || !self.is_punct(i + 1, ':') || !self.attached(i + 1) {
            return None;
        }
        self.plain_int(i)?;
        let raw = self.raw(i);
        let y: i32 = raw[..4].parse().ok()?;
        let hour: u32 = raw[4..].parse().ok()?;
        ((1000..=2200).contains(&y) && hour <= 23).then_some(y)
    }

    /// The symbol of the next word after `i`, skipping one hyphen.
    pub(super) fn next_word(&self, i: usize) -> Option<Sym> {
        let j = if self.is_punct(i, '-') { i + 1 } else { i };
        self.tok(j).filter(|t| t.is_word()).map(|t| t.sym)
    }
}
