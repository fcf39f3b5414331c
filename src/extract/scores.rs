//! Scores and results: "2-1", "thua 1-2", "24-17", "15½-12½" = "15,5-12,5",
//! "3&2", a "4-1-0" record. A score is kept as a literal whose parts are
//! compared in any order, since Vietnamese may give a loss from the loser's
//! side ("thua 1-2" for a 2-1 defeat): the same result, not a change.

use smallvec::SmallVec;

use crate::catalogue::schema::WordRole;
use crate::claim::{Interval, Kind, Reading, Unit};

use super::{Scanner, Step, numeral};

/// Words within this many tokens of "N-M" make it a score, not a range.
const SCORE_WORD_REACH: usize = 4;

impl Scanner<'_> {
    /// A score starting at token `i`.
    pub(super) fn score_at(&self, i: usize) -> Option<Step> {
        let mut parts: SmallVec<[f64; 3]> = SmallVec::new();
        let (first, mut j) = self.score_part(i)?;
        parts.push(first);
        let mut ampersand = false;
        while parts.len() < 3
            && (self.is_punct(j, '-') || self.is_punct(j, '&'))
            && self.attached(j)
            && self.attached(j + 1)
        {
            ampersand |= self.is_punct(j, '&');
            let Some((v, next)) = self.score_part(j + 1) else {
                break;
            };
            parts.push(v);
            j = next;
        }
        if parts.len() < 2 || self.more_after(j) {
            return None;
        }
        let record = parts.len() == 3;
        let descending = parts[0] > parts[1];
        let worded = self.score_word_near(i, j);
        // "11-19%" and "2017-18" are a range and a fiscal year; "21-22 June"
        // a date. A score is written with "&", as a record, beside a word of
        // results, or falling ("2-1") with nothing after it.
        if !(ampersand || record || worded || descending) || self.year_at(i).is_some() {
            return None;
        }
        parts.sort_by(f64::total_cmp);
        // The number of parts, then each part, halves doubled so that every
        // part is a whole number ("15½-12½" is 2 2531, "4-1-0" 3 028).
        let digits: String = std::iter::once(parts.len() as u64)
            .chain(parts.iter().map(|p| (p * 2.0) as u64))
            .map(|p| p.to_string())
            .collect();
        let v = crate::claim::digits_value(digits.bytes());
        let mut c = self.new_claim(Kind::Literal, Unit::None, i, j);
        c.readings = smallvec::smallvec![Reading {
            value: v,
            value_hi: v,
            precision: 0.0,
            interval: Interval::closed(v, v),
        }];
        Some(Step::Claim(Box::new(c), j))
    }

    /// One part of a score: a whole number or a half ("15½", "15,5", "12
    /// rưỡi"), and the index after it.
    fn score_part(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        if !t.is_number() || self.digits_len(i) > 4 {
            return None;
        }
        let v = numeral::readings(self.raw(i), self.lang)
            .into_iter()
            .map(|r| r.value)
            .find(|v| (v * 2.0).fract() == 0.0 && *v >= 0.0)?;
        if self.has_role(WordRole::AndAHalf, i + 1) && self.attached(i + 1) {
            return Some((v + 0.5, i + 2));
        }
        Some((v, i + 1))
    }

    /// A unit, percent sign, scale, currency or another number right after
    /// `j`: "50-40%" and "3-2-1 million" are no scores.
    fn more_after(&self, j: usize) -> bool {
        self.is_punct(j, '%')
            || self.t.units.starts_at(self.tokens, j)
            || self.amount_word_at(j)
            || (self.is_punct(j, '-') && self.is_number(j + 1))
    }

    /// A word of results ("won", "thua", "tỷ số") within reach of `i..j`.
    fn score_word_near(&self, i: usize, j: usize) -> bool {
        let from = i.saturating_sub(SCORE_WORD_REACH);
        let to = (j + SCORE_WORD_REACH).min(self.tokens.len());
        let table = self.t.role(WordRole::ScoreWord);
        (from..to).any(|k| (k < i || k >= j) && table.starts_at(self.tokens, k))
    }
}
