//! Vague quantities: orders of magnitude ("billions of dollars", "hàng tỷ
//! USD").

use smallvec::smallvec;

use crate::claim::{Interval, Kind, Reading};

use super::{Scanner, Step};

impl Scanner<'_> {
    pub(super) fn vague_at(&self, i: usize) -> Option<Step> {
        let (len, v) = self.t.vague.match_at(self.tokens, i)?;
        let (mut base, upper) = (v.base, v.upper);
        let mut k = i + len;
        let mut scaled = false;
        loop {
            if let Some((l, s)) = self.t.scales.match_at(self.tokens, k) {
                if s.attached || s.needs_currency {
                    break;
                }
                base *= s.factor;
                scaled = true;
                k += l;
            } else if let Some((l, more)) = self.t.vague.match_at(self.tokens, k) {
                if more.needs_scale {
                    break;
                }
                base *= more.base;
                scaled = true;
                k += l;
            } else {
                break;
            }
        }
        if v.needs_scale && !scaled {
            return None;
        }
        // "billions of dollars": the "of" may already be in the vague phrase,
        // and a vague quantity is a magnitude, as good as a scale word.
        let (currency, unit, end) = self.suffix_at(k, true);
        let of = self.kind_of(currency.as_ref(), unit, false);
        if matches!(of.kind, Kind::Percent | Kind::PercentagePoint) {
            return None;
        }
        let factor = of.factor;
        let mut c = self.new_claim(of.kind, of.unit, i, end);
        c.duration_unit = of.duration_unit;
        c.vague = true;
        let lo = base * factor;
        let hi = base * upper * factor;
        // "hàng tỷ tỷ tỷ …" overflows: no claim rather than an infinite one.
        if !hi.is_finite() {
            return Some(Step::Skip(end));
        }
        c.readings = smallvec![Reading {
            value: lo,
            value_hi: lo,
            precision: 0.0,
            interval: Interval {
                lo,
                hi,
                lo_open: false,
                hi_open: true,
            },
        }];
        Some(Step::Claim(Box::new(c), end))
    }
}
