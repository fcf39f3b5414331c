//! Multipliers ("double", "gấp 3 lần", "gấp hai lần rưỡi") and "one in
//! ten" ratios ("cứ 10 đơn thuốc thì có 1 đơn").

use smallvec::smallvec;

use crate::catalogue::schema::WordRole;
use crate::claim::{Kind, Unit};
use crate::tokenize::TokenKind;

use super::numeral::NumeralReading;
use super::{Scanner, Step, reading};

impl Scanner<'_> {
    pub(super) fn multiplier_at(&self, i: usize) -> Option<Step> {
        if let Some((len, m)) = self.t.multipliers.match_at(self.tokens, i) {
            if let Some(next) = self.next_word(i + len)
                && m.unless_before.contains(&next)
            {
                return Some(Step::Skip(i + len));
            }
            // "double shifts" is two shifts; "double its revenue" a multiplier.
            if !m.only_before.is_empty()
                && self.tok(i + len).is_some_and(|n| {
                    n.is_number() || (n.is_word() && !m.only_before.contains(&n.sym))
                })
                || !m.only_before.is_empty() && self.is_punct(i + len, '-')
            {
                return Some(Step::Skip(i + len));
            }
            if self.capitalised_multiplier(i) {
                return Some(Step::Skip(i + len));
            }
            // A multiplier word is as precise as a written integer ("double"
            // = 2, not 2.4); below one, a quarter of its value.
            let reading = NumeralReading {
                value: m.value,
                precision: if m.value >= 1.0 { 0.5 } else { m.value / 4.0 },
            };
            return Some(self.finish_multiplier(i, i + len, reading));
        }
        // Vietnamese "gấp 3 lần", "gấp ba", "gấp 3 đến 4 lần".
        if self.has_role(WordRole::MultiplierPrefix, i) {
            let Some(Step::Claim(mut c, end)) = self.quantity_at(i + 1) else {
                return None;
            };
            if !matches!(c.kind, Kind::Count | Kind::Multiplier) || c.scale != 1.0 {
                return None;
            }
            c.kind = Kind::Multiplier;
            c.unit = Unit::Times;
            c.weak = false;
            let mut start = i;
            if c.qualifier.is_none()
                && let Some((s, q)) = self.qualifier_before(i, None, Kind::Multiplier)
            {
                for r in &mut c.readings {
                    *r = reading(r.value, r.value_hi, r.precision, Some(&q));
                }
                c.qualifier = Some(q);
                start = s;
            }
            let (s, e) = ((self.tokens[start].start as usize).min(c.start), c.end);
            self.set_span(&mut c, s, e);
            return Some(Step::Claim(c, end));
        }
        None
    }

    /// "cứ 10 đơn thuốc thì có 1 đơn", "for every nine hives …, one": one
    /// in ten, one in nine. The numerator is the first number of the clause
    /// after the ratio-then marker ("thì cầu thủ đó đập bóng an toàn 3
    /// lần"), or, with no marker in the clause, a "one" after the
    /// denominator's noun ("for every nine planes that took off one would
    /// crash", "cứ 9 người bị kết án chúng tôi tìm thấy một người vô tội").
    /// The figures between the two are read on
    /// their own (`Step::Ratio`): "cứ 3 người ở độ tuổi từ 18 đến 30 thì có
    /// một".
    pub(super) fn ratio_every_at(&self, i: usize) -> Option<Step> {
        let (len, _) = self.t.role(WordRole::RatioEvery).match_at(self.tokens, i)?;
        let den = self.small_amount_at(i + len)?;
        let den_end = self.small_amount_end(i + len);
        let limit = (den_end + 14).min(self.tokens.len());
        let mut first_number = None;
        let mut marker = None;
        for k in den_end..limit {
            if self.tokens[k].kind == TokenKind::Punct && !self.toks().is_punct(k, ',') {
                break;
            }
            if let Some((l, _)) = self.t.role(WordRole::RatioThen).match_at(self.tokens, k) {
                marker = Some(k + l);
                break;
            }
            // Not the word right after the denominator: its noun ("cứ 10
            // năm", ten years, not "ten five").
            if first_number.is_none() && k > den_end && self.small_amount_at(k).is_some() {
                first_number = Some(k);
            }
        }
        let n = match marker {
            // The numerator is the first number of the clause after the marker.
            // An apostrophe does not end it ("we 've identified one").
            Some(after) => (after..(after + 8).min(self.tokens.len()))
                .take_while(|&n| {
                    self.tokens[n].kind != TokenKind::Punct
                        || self.is_punct(n, '\'')
                        || self.is_punct(n, '’')
                })
                .find(|&n| self.small_amount_at(n).is_some())?,
            None => first_number?,
        };
        let num = self.small_amount_at(n)?;
        let end = self.small_amount_end(n);
        if !(num > 0.0 && num < den) {
            return None;
        }
        // Without a marker, only "one" with no unit, scale or "times" after
        // it is the numerator: "cứ 10 năm một lần" is once every ten years,
        // "one bed for every 100 people in 12 provinces" no ratio of 12.
        let amount_after = self.t.units.starts_at(self.tokens, end)
            || self.t.scales.starts_at(self.tokens, end)
            || self.is_punct(end, '%');
        if marker.is_none() && (num != 1.0 || amount_after) {
            return None;
        }
        let mut c = self.new_claim(Kind::Fraction, Unit::Percent, i, end);
        let v = 100.0 * num / den;
        // "thì có khoảng một": the numerator's hedge is the ratio's.
        let q = self
            .qualifier_before(n, None, Kind::Fraction)
            .filter(|&(s, _)| s > marker.unwrap_or(den_end).saturating_sub(1))
            .map(|(_, q)| q);
        c.readings = smallvec![reading(v, v, 0.5, q.as_ref())];
        c.qualifier = q;
        Some(Step::Ratio(Box::new(c), den_end, n..end))
    }

    pub(super) fn finish_multiplier(
        &self,
        start: usize,
        mut end: usize,
        r: NumeralReading,
    ) -> Step {
        // "gấp hai lần rưỡi"
        let mut value = r.value;
        if let Some(len) = self.half_at(end) {
            value += 0.5;
            end += len;
        }
        let (q_start, q) = match self.qualifier_before(start, None, Kind::Multiplier) {
            Some((s, q)) => (s, Some(q)),
            None => (start, None),
        };
        let mut c = self.new_claim(Kind::Multiplier, Unit::Times, q_start, end);
        c.readings = smallvec![reading(value, value, r.precision, q.as_ref())];
        c.qualifier = q;
        Step::Claim(Box::new(c), end)
    }

    /// Rule `capitalised-multiplier`: a multiplier word capitalised inside a
    /// sentence is a name, not a multiplier: "the Double Rainbow tour".
    fn capitalised_multiplier(&self, i: usize) -> bool {
        self.tokens[i].capitalized() && i > 0 && self.sentence_of[i - 1] == self.sentence_of[i]
    }

    /// "and a half", "-and-a-half", "rưỡi" at `k`: its length in tokens.
    /// It adds a half to the figure, unit or scale before it.
    pub(super) fn half_at(&self, k: usize) -> Option<usize> {
        self.t
            .role(WordRole::AndAHalf)
            .match_at(self.tokens, k)
            .map(|(len, _)| len)
    }
}
