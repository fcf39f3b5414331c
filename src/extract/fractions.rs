//! Fractions and proportions: "one-quarter", "two-thirds", "một phần tư",
//! "one in five", "nine of the 20", "half".

use smallvec::smallvec;

use crate::catalogue::schema::{NumberRole, WordRole};
use crate::lang::Lang;

use super::numeral::NumeralReading;
use super::{Core, Scanner};

impl Scanner<'_> {
    /// A fraction whose numerator (value `num`) ends just before `k`:
    /// "one-quarter", "two-thirds", "một phần tư", "one in five", "một nửa".
    pub(super) fn fraction_after(&self, k: usize, num: f64) -> Option<Core> {
        let core = |end, value: f64| Core::share(0, end, value);
        match self.lang {
            Lang::En => {
                let f = if self.is_punct(k, '-') && self.attached(k) {
                    k + 1
                } else {
                    k
                };
                if let Some(&(frac, needs_of)) =
                    self.tok(f).and_then(|t| self.t.fractions.get(&t.sym))
                {
                    // "one-quarter" is a fraction; "once a quarter", "two
                    // quarters" are periods unless "of" or a determiner follows.
                    // "a third", "a half" need the context of a fraction;
                    // a plural after a numerator ("four fifths") does not.
                    let hyphenated = f > k;
                    let of = self.tok(f + 1).is_some_and(|t| t.is_word());
                    let ordinal = self
                        .tok(f)
                        .is_some_and(|t| self.t.ordinals.contains_key(&t.sym));
                    let context = (num > 1.0 && !ordinal) || self.en_fraction_context(f + 1);
                    if context && (of || hyphenated || !needs_of) {
                        return Some(core(f + 1, num * frac));
                    }
                    return None;
                }
                self.proportion_after(k, num).map(|(end, v)| core(end, v))
            }
            Lang::Vi => {
                // "hai mươi lăm phần trăm" is a percentage, not 25/100.
                if self.t.units.starts_at(self.tokens, k) {
                    return None;
                }
                if self.tok(k).is_some_and(|t| {
                    self.t
                        .number_words
                        .get(&t.sym)
                        .is_some_and(|w| w.role == NumberRole::Joiner)
                }) {
                    let den = self.small_amount_at(k + 1)?;
                    return (den > 0.0).then(|| core(self.small_amount_end(k + 1), num / den));
                }
                if num == 1.0
                    && let Some(&(frac, _)) = self.tok(k).and_then(|t| self.t.fractions.get(&t.sym))
                {
                    return Some(core(k + 1, frac));
                }
                self.proportion_after(k, num).map(|(end, v)| core(end, v))
            }
        }
    }

    /// Rule `slash-proportion`: "11/15 ghế", "7/10 quận" — a smaller number
    /// over a larger one (up to 1,000) before a word is "11 of 15", not a
    /// date or a code; before the end of a range it is a day ("từ 1/3 đến
    /// 15/3", "từ 1/3 tới nay").
    pub(super) fn slash_proportion(&self, i: usize) -> bool {
        let Some((a, b)) = self.lone_slash_pair(i) else {
            return false;
        };
        let range_end = [WordRole::RangeTo, WordRole::RangeAnd]
            .iter()
            .any(|&r| self.t.role(r).starts_at(self.tokens, i + 3));
        a >= 1
            && a < b
            && b <= 1000
            && self.is_word(i + 3)
            && !range_end
            && !self.has_role(WordRole::YearMarker, i + 3)
            && !self.t.months.starts_at(self.tokens, i + 3)
    }

    /// "one in five", "three out of 10", "nine of the 20", "1 trong 9",
    /// "80,3 trên 100": a proportion whose numerator `num` ends before `k`.
    /// Returns the end and the share.
    pub(super) fn proportion_after(&self, k: usize, num: f64) -> Option<(usize, f64)> {
        let (len, _) = self.t.role(WordRole::FractionOf).match_at(self.tokens, k)?;
        let mut d = k + len;
        // "seven of the city's 10 districts": an owner may stand before the whole.
        if self.is_word(d)
            && let Some(possessive) = self.possessive_at(d + 1)
        {
            d += 1 + possessive;
        }
        let den = self.small_amount_at(d)?;
        let mut end = self.small_amount_end(d);
        // "3 trong 10 lần" is three times out of ten, the "times" part of
        // it; "3 trong 10 km" is no share.
        let mut unit_after = self.is_punct(end, '%');
        if let Some((len, &u)) = self.t.units.match_at(self.tokens, end) {
            if self.cat.units[u].kind == crate::catalogue::schema::UnitKind::Multiplier {
                end += len;
            } else {
                unit_after = true;
            }
        }
        (den > num && num > 0.0 && den <= 1000.0 && !unit_after).then_some((end, num / den))
    }

    /// After an English fraction word: "of", a determiner, or the end of a phrase.
    pub(super) fn en_fraction_context(&self, k: usize) -> bool {
        match self.tok(k) {
            None => true,
            // "a third-class country" is an adjective; "a third - from"
            // is a dash.
            Some(t) if !t.is_word() => {
                !(t.is_number() || self.is_punct(k, '-') && self.attached(k))
            }
            Some(t) => self.t.has_role(WordRole::FractionContext, t.sym),
        }
    }

    /// "half" or "nửa" with no numerator.
    pub(super) fn lone_fraction_at(&self, j: usize) -> Option<Core> {
        let t = self.tok(j)?;
        let &(frac, _) = self.t.fractions.get(&t.sym)?;
        if frac != 0.5 {
            return None;
        }
        if j >= 1 && self.has_role(WordRole::PeriodWord, j - 1) {
            return None;
        }
        let after_qualifier = self
            .t
            .qualifiers_before
            .match_ending_at(self.tokens, j)
            .is_some();
        let before_scale = {
            let k = if self.has_role(WordRole::HalfArticle, j + 1) {
                j + 2
            } else {
                j + 1
            };
            self.t.scales.starts_at(self.tokens, k) || self.t.units.starts_at(self.tokens, k)
        };
        let ok = match self.lang {
            Lang::En => {
                after_qualifier
                    || before_scale
                    || self.en_fraction_context(j + 1)
                        && self.has_role(WordRole::HalfContext, j + 1)
            }
            // "một nửa" is read with its numerator; "phân nửa" is the same half.
            Lang::Vi => {
                after_qualifier
                    || before_scale
                    || self.has_role(WordRole::HalfContext, j + 1)
                    || j >= 1 && self.has_role(WordRole::HalfPrefix, j - 1)
            }
        };
        if !ok {
            return None;
        }
        let mut end = j + 1;
        let mut fraction = true;
        let mut value = frac;
        let mut precision = 0.5 / 100.0;
        // "half a million": an amount, not a share.
        if before_scale {
            if self.has_role(WordRole::HalfArticle, end) {
                end += 1;
            }
            fraction = false;
            precision = 0.05;
            value = 0.5;
        }
        let mut core = Core::new(j, end, smallvec![NumeralReading { value, precision }]);
        core.fraction = fraction;
        core.words = true;
        Some(core)
    }
}
