//! Qualifiers before a figure ("almost", "gần", "ít nhất trong"), with the
//! catalogue's conditions that keep ordinary words from being read as one.

use crate::catalogue::schema::WordRole;
use crate::claim::{Kind, Qualifier, QualifierKind};

use super::Scanner;

impl Scanner<'_> {
    /// The qualifier governing a figure that starts at token `start` (and
    /// ends before token `figure_end`, when known), and the token where the
    /// qualifier starts.
    pub(super) fn qualifier_before(
        &self,
        start: usize,
        figure_end: Option<usize>,
        kind: Kind,
    ) -> Option<(usize, Qualifier)> {
        let (len, q, end) = match self.t.qualifiers_before.match_ending_at(self.tokens, start) {
            Some((len, q)) => (len, q, start),
            // "ít nhất trong sáu tháng": a preposition may stand between.
            None if start >= 1 && self.has_role(WordRole::Transparent, start - 1) => {
                let (len, q) = self
                    .t
                    .qualifiers_before
                    .match_ending_at(self.tokens, start - 1)?;
                (len, q, start - 1)
            }
            None => return None,
        };
        // Through a word between, only a firm qualifier: "more than a 20%
        // rise", but "we talk about a 300".
        if end < start && q.loose {
            return None;
        }
        let start = end;
        let q_start = start - len;
        if (q_start..start).any(|k| self.is_masked(k)) {
            return None;
        }
        let word_in = |k: Option<usize>, words: &[crate::tokenize::Sym]| {
            k.and_then(|k| self.tokens.get(k))
                .is_some_and(|t| t.is_word() && words.contains(&t.sym))
        };
        let lifted =
            word_in(figure_end, &q.still_before) || word_in(q_start.checked_sub(1), &q.still_after);
        if (q.not_before.contains(&kind) && !lifted)
            || (!q.only_before.is_empty() && !q.only_before.contains(&kind))
        {
            return None;
        }
        if self.comparative(q_start, &q.unless_after) {
            return None;
        }
        if let Some((n, table)) = &q.unless_within {
            let from = q_start.saturating_sub(*n);
            if (from..q_start).any(|k| table.starts_at(&self.tokens[..q_start], k)) {
                return None;
            }
        }
        let pos = self.line.position(
            self.tokens[q_start].start as usize,
            self.tokens[start - 1].end as usize,
        );
        Some((
            q_start,
            Qualifier {
                kind: q.kind,
                text: self
                    .line
                    .original_slice(pos.column, pos.end_column)
                    .to_string(),
                tolerance: q.tolerance,
                loose: q.loose,
            },
        ))
    }

    /// "thấp hơn 5%" is a comparative, but "Biển Đông hơn 30 năm" is not: a
    /// capitalised word before is a name, not an adjective.
    fn comparative(&self, q_start: usize, unless_after: &[crate::tokenize::Sym]) -> bool {
        q_start.checked_sub(1).is_some_and(|p| {
            self.tokens[p].is_word()
                && !self.tokens[p].capitalized()
                && unless_after.contains(&self.tokens[p].sym)
        })
    }

    /// The hedge a qualifier read as a comparative right before `start`
    /// may also be ("chậm hơn 6 tiếng").
    pub(super) fn comparative_hedge(&self, start: usize) -> Option<QualifierKind> {
        let (len, q) = self
            .t
            .qualifiers_before
            .match_ending_at(self.tokens, start)?;
        self.comparative(start - len, &q.unless_after)
            .then_some(q.kind)
    }

    /// The hedge of a qualifier standing a few tokens before `start`, with
    /// a verb and its object between, as far as its `reach` allows, in the
    /// same sentence and with only words between (no digits, no
    /// punctuation): "ước tính đã tiêu tốn của các hãng 1,2 tỷ USD" (an
    /// estimated $1.2 billion).
    pub(super) fn distant_hedge(&self, start: usize) -> Option<QualifierKind> {
        let mut end = start;
        while end > 0 && start - end <= crate::catalogue::MAX_REACH {
            let k = end - 1;
            if !self.tokens[k].is_word() || self.sentence_of[k] != self.sentence_of[start] {
                return None;
            }
            if let Some((_, q)) = self.t.qualifiers_before.match_ending_at(self.tokens, end)
                && end < start
                && q.reach >= start - end
            {
                return Some(q.kind);
            }
            end = k;
        }
        None
    }
}
