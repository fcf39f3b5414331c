//! Sentence boundaries within a line, by token.

use crate::catalogue::Catalogue;
use crate::catalogue::schema::WordRole;
use crate::tokenize::{TokenKind, Tokens};

/// The sentence index of each token: a sentence ends at `.`, `!`, `?` or `;`
/// followed by a space and a capital, digit or quote, except after an
/// abbreviation of the catalogue (either language's: both scripts mix) or a
/// single letter ("U.S.").
pub fn sentences(cat: &Catalogue, toks: Tokens) -> Vec<u32> {
    let tokens = toks.toks;
    let mut out = Vec::with_capacity(tokens.len());
    let mut s = 0u32;
    let first_char = |i: usize| toks.raw(i).chars().next().unwrap_or(' ');
    for (i, t) in tokens.iter().enumerate() {
        out.push(s);
        if t.kind != TokenKind::Punct || !matches!(first_char(i), '.' | '!' | '?' | ';') {
            continue;
        }
        let next_starts = tokens.get(i + 1).is_some_and(|n| {
            n.space_before()
                && (n.capitalized()
                    || n.is_number()
                    || (n.kind == TokenKind::Punct
                        && matches!(first_char(i + 1), '"' | '“' | '‘' | '\'')))
        });
        let abbreviation = first_char(i) == '.'
            && i > 0
            && tokens[i - 1].is_word()
            && (tokens[i - 1].one_char()
                || cat.en.has_role(WordRole::Abbreviation, tokens[i - 1].sym)
                || cat.vi.has_role(WordRole::Abbreviation, tokens[i - 1].sym));
        if next_starts && !abbreviation {
            s += 1;
        }
    }
    out
}
