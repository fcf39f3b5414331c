//! Rule `age-decade`: "in her 60s", "in his early 30s", "in their mid-20s":
//! a person's age somewhere in a decade, not "about 60". Read after an
//! owner word (`age-decade-owner`: her, his, their…) and an optional part of
//! the decade (`decade-part`: early, mid, late), as an age whose interval is
//! the whole decade, written to its tens: "ngoài 60 tuổi" and "60 tuổi"
//! agree with it; "70 tuổi" does not, nor does "65 tuổi", an age the
//! original does not give.

use smallvec::smallvec;

use crate::catalogue::schema::WordRole;
use crate::claim::{Interval, Reading};

use super::{Scanner, Step};

impl Scanner<'_> {
    /// An age decade whose figure ("60" of "60s") is at `i`.
    pub(super) fn age_decade_at(&self, i: usize) -> Option<Step> {
        let n = self.plain_int(i)?;
        if self.digits_len(i) != 2 || n % 10 != 0 || n < 10 {
            return None;
        }
        let suffix = self.decade_suffix(i + 1)?;
        // Back over "mid-" and "early", then the owner.
        let mut k = i;
        if k >= 1 && self.is_punct(k - 1, '-') {
            k -= 1;
        }
        if let Some((len, _)) = self
            .t
            .role(WordRole::DecadePart)
            .match_ending_at(self.tokens, k)
        {
            k -= len;
        }
        self.t
            .role(WordRole::AgeDecadeOwner)
            .match_ending_at(self.tokens, k)?;
        // The age unit of the catalogue ("years old", "tuổi").
        let unit = self
            .cat
            .units
            .iter()
            .position(|u| u.dimension.as_deref() == Some("age"))?;
        let of = self.kind_of(None, Some(unit), false);
        let end = i + 1 + suffix;
        let mut c = self.new_claim(of.kind, of.unit, k.min(i), end);
        c.unit_id = Some(self.cat.units[unit].id.clone());
        let lo = f64::from(n) * of.factor;
        let interval = Interval {
            lo,
            hi: lo + 10.0 * of.factor,
            lo_open: false,
            hi_open: true,
        };
        c.readings = smallvec![Reading {
            value: lo,
            value_hi: lo,
            precision: 5.0 * of.factor,
            interval,
        }];
        Some(Step::Claim(Box::new(c), end))
    }
}
