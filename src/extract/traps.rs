//! Traps: numbers that are not quantities (tickers, clock times, powers,
//! abbreviated years, UTC offsets, slashed codes, ordinals, identifiers,
//! versions, names). A power is left to the amount reader; an abbreviated
//! year is a year; the others are literals, compared digit for digit.

use crate::catalogue::schema::WordRole;
use crate::claim::{Interval, Kind, Reading, Unit};
use crate::lang::Lang;

use super::{Scanner, Step};

impl Scanner<'_> {
    /// Numbers that are not quantities: what the trap at `i` is, with the
    /// index after it.
    pub(super) fn trap_at(&self, i: usize) -> Option<Step> {
        if let Some(step) = self
            .abbreviated_year(i)
            .or_else(|| self.clock_minutes_at(i))
            .or_else(|| self.vi_run_at(i))
            .or_else(|| self.digit_run_at(i))
        {
            return Some(step);
        }
        self.trap_end(i).map(Step::Literal)
    }

    /// Rule `abbreviated-year`: two digits after an apostrophe are a year
    /// ("in '71" is 1971, "the ' 35" 1935), with a decade suffix a decade
    /// ("the '80s", 1980–1989): '30–'99 in the twentieth century, '00–'29
    /// in the twenty-first.
    fn abbreviated_year(&self, i: usize) -> Option<Step> {
        if !(i >= 1
            && self.digits_len(i) == 2
            && (self.is_punct(i - 1, '\'') || self.is_punct(i - 1, '’')))
        {
            return None;
        }
        let yy = self.plain_int(i)? as i32;
        let centuries = if yy < 30 {
            [2000, 1900, 1800]
        } else {
            [1900, 1800, 2000]
        };
        let decade = self.decade_suffix(i + 1).filter(|_| yy % 10 == 0);
        let (span, end) = match decade {
            Some(len) => (9, i + 1 + len),
            None => (0, i + 1),
        };
        let y = centuries[0] + yy;
        let mut step = self.year_claim(i - 1, end, y, y + span);
        // Which century is the context's: "in '35" of Darwin is 1835. Every
        // reading is kept; the comparison takes the one that fits.
        if let Step::Claim(c, _) = &mut step {
            for century in &centuries[1..] {
                let y = (century + yy) as f64;
                let mut r = c.readings[0].clone();
                r.value = y;
                r.value_hi = y + span as f64;
                r.interval = crate::claim::Interval::closed(r.value, r.value_hi);
                c.readings.push(r);
            }
        }
        Some(step)
    }

    /// The index after a literal trap at `i`.
    fn trap_end(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        // Rule `owner-is-a-name`: a figure glued to a word that owns
        // something is a name: "3M's notes" is the company, not 3 million.
        if self.is_word(i + 1) && self.attached(i + 1) && self.possessive_at(i + 2).is_some() {
            return Some(i + 2);
        }
        // Tickers: 688256.SS, 0700.HK.
        if self.is_punct(i + 1, '.')
            && self.attached(i + 1)
            && self.tok(i + 2).is_some_and(|w| {
                w.is_word() && w.attached() && w.all_caps() && self.raw(i + 2).chars().count() <= 4
            })
        {
            return Some(i + 3);
        }
        if let Some(next) = self.clock_at(i) {
            return Some(next);
        }
        if self
            .t
            .role(WordRole::PowerConnector)
            .match_at(self.tokens, i + 1)
            .is_some_and(|(len, _)| self.is_number(i + 1 + len))
        {
            return None;
        }
        // UTC offsets: GMT+7, "GMT + 7" as machine translation spaces it.
        if i >= 2
            && (self.is_punct(i - 1, '+') || self.is_punct(i - 1, '-'))
            && self.has_role(WordRole::Timezone, i - 2)
        {
            return Some(i + 1);
        }
        // Slashed numbers that are not dates or small fractions (24/7, 6/45):
        // skip the group.
        if self.slash_fraction(i).is_some() || self.slash_proportion(i) {
            return None;
        }
        if (self.is_punct(i + 1, '/') && self.is_number(i + 2))
            || (i >= 2 && self.is_punct(i - 1, '/') && self.is_number(i - 2))
        {
            let mut j = i + 1;
            while self.is_punct(j, '/') && self.is_number(j + 1) {
                j += 2;
            }
            return Some(j);
        }
        if let Some(next) = self.ordinal_at(i) {
            return Some(next);
        }
        if t.attached() || self.is_punct(i + 1, '-') || self.is_word(i + 1) {
            return self.identifier_at(i);
        }
        None
    }

    /// Clock times and ratios: 6:00, 18:30, 3:1 (and what follows the colon).
    fn clock_at(&self, i: usize) -> Option<usize> {
        if self.is_punct(i + 1, ':')
            && self.attached(i + 1)
            && self.is_number(i + 2)
            && self.attached(i + 2)
        {
            let mut j = i + 3;
            if self.has_role(WordRole::ClockSuffix, j) {
                j += 1;
            }
            return Some(j);
        }
        None
    }

    /// The minutes of a clock whose hour something before took (a clock
    /// the time reader did not take): skipped.
    fn clock_minutes_at(&self, i: usize) -> Option<Step> {
        if !(i >= 2 && self.is_punct(i - 1, ':') && self.attached(i) && self.is_number(i - 2)) {
            return None;
        }
        let mut end = i + 1;
        if self.has_role(WordRole::ClockSuffix, end) {
            end += 1;
        }
        Some(Step::Skip(end))
    }

    /// An ordinal written as a word ("the ninth goal", "his third title"):
    /// the literal of its number.
    pub(super) fn ordinal_word_at(&self, i: usize) -> Option<Step> {
        let t = self.tok(i)?;
        let (value, after) = self.t.ordinals.get(&t.sym)?;
        // "the second thing", "a second plant": a restricted ordinal also
        // needs the noun it ranks ("in a second." is a moment).
        let follows = i >= 1 && self.tok(i - 1).is_some_and(|p| after.contains(&p.sym));
        let ranks_a_noun = follows && self.is_word(i + 1);
        if !after.is_empty() && !ranks_a_noun {
            return None;
        }
        if let Some(step) = self.run_of(i, i + 1, *value) {
            return Some(step);
        }
        let digits = format!("{value}");
        let c = self.literal_of(&[digits.as_str()], i, i + 1, None)?;
        Some(Step::Claim(Box::new(c), i + 1))
    }

    /// Rule `run-of-days`: "the fifth day in a row", "a third straight
    /// year": an ordinal counting consecutive units of time is that many
    /// units ("5 ngày liên tiếp"). The ordinal starts at `i`, its unit at
    /// `next` or after the consecutive word there.
    fn run_of(&self, i: usize, next: usize, value: f64) -> Option<Step> {
        let consecutive = |k: usize| self.t.role(WordRole::Consecutive).match_at(self.tokens, k);
        let mut k = next;
        let before = consecutive(k).map(|(len, _)| len);
        k += before.unwrap_or(0);
        let (len, &u) = self.t.units.match_at(self.tokens, k)?;
        let spec = &self.cat.units[u];
        if spec.kind != crate::catalogue::schema::UnitKind::Duration {
            return None;
        }
        k += len;
        if before.is_none() {
            k += consecutive(k)?.0;
        }
        Some(self.run_claim(i, k, u, value))
    }

    /// The same run with the ordinal in digits: "for the 40th month in a
    /// row".
    fn digit_run_at(&self, i: usize) -> Option<Step> {
        if !self.ordinal_suffix_after(i) {
            return None;
        }
        self.run_of(i, i + 2, f64::from(self.plain_int(i)?))
    }

    /// The number at `i` carries an ordinal suffix: "16th", "1st".
    fn ordinal_suffix_after(&self, i: usize) -> bool {
        self.attached(i + 1) && self.is_word(i + 1) && self.has_role(WordRole::OrdinalSuffix, i + 1)
    }

    /// The same run written the Vietnamese way: "ngày thứ 5 liên tiếp".
    fn vi_run_at(&self, i: usize) -> Option<Step> {
        if self.lang != Lang::Vi || i < 2 || !self.has_role(WordRole::OrdinalPrefix, i - 1) {
            return None;
        }
        let (len, &u) = self.t.units.match_ending_at(self.tokens, i - 1)?;
        if self.cat.units[u].kind != crate::catalogue::schema::UnitKind::Duration {
            return None;
        }
        let value = f64::from(self.plain_int(i)?);
        let (after, _) = self
            .t
            .role(WordRole::Consecutive)
            .match_at(self.tokens, i + 1)?;
        Some(self.run_claim(i - 1 - len, i + 1 + after, u, value))
    }

    /// A run of `value` units of time over tokens `start..end`.
    fn run_claim(&self, start: usize, end: usize, unit: usize, value: f64) -> Step {
        let spec = &self.cat.units[unit];
        let mut c = self.new_claim(Kind::Duration, Unit::Day, start, end);
        c.duration_unit = Some((spec.id.clone(), spec.factor));
        let v = value * spec.factor;
        c.readings = smallvec::smallvec![Reading {
            value: v,
            value_hi: v,
            precision: 0.0,
            interval: Interval::closed(v, v),
        }];
        Step::Claim(Box::new(c), end)
    }

    /// Ordinals: 16th, 1st; thứ 2, No. 1, top 10.
    fn ordinal_at(&self, i: usize) -> Option<usize> {
        if self.ordinal_suffix_after(i) {
            return Some(i + 2);
        }
        // "No. 1", "thế kỷ 18": the label may be a phrase, or abbreviated;
        // a unit after the number makes it a quantity ("phiên bản 3 giờ", a
        // three-hour version).
        // "quý 4 năm 2023": a year-marker followed by its year is no unit.
        let year_next = self.has_role(WordRole::YearMarker, i + 1) && self.year_at(i + 2).is_some();
        if (self.attaches_after_number(i + 1) && !year_next) || self.is_punct(i + 1, '%') {
            return None;
        }
        let label_end = if i >= 2 && self.is_punct(i - 1, '.') {
            i - 1
        } else {
            i
        };
        self.t
            .role(WordRole::OrdinalPrefix)
            .match_ending_at(self.tokens, label_end)
            .filter(|(len, _)| !(label_end - len..label_end).any(|k| self.is_masked(k)))
            .map(|_| i + 1)
    }

    /// Numbers glued into a name or a code: H100, A380, Tosh.0, COVID-19,
    /// 7-Eleven, 4G.
    fn identifier_at(&self, i: usize) -> Option<usize> {
        let attached = self.attached(i);
        // Identifiers: a word glued before the digits (H100, A380), except a
        // currency code ("VND1.6 trillion").
        if i >= 1 && attached && self.is_word(i - 1) {
            let currency_before = (1..=2).any(|len| {
                i >= len
                    && self
                        .t
                        .currency_prefix
                        .match_at(self.tokens, i - len)
                        .is_some_and(|(l, _)| l == len)
            });
            if !currency_before {
                return Some(self.skip_attached(i));
            }
        }
        // A version glued to a name by a dot: Tosh.0, Web2.0.
        if i >= 2
            && self.is_punct(i - 1, '.')
            && attached
            && self.attached(i - 1)
            && self.is_word(i - 2)
        {
            return Some(self.skip_attached(i));
        }
        // A capitalised word joined by a hyphen: COVID-19, F-35.
        if i >= 2
            && self.is_punct(i - 1, '-')
            && attached
            && self.attached(i - 1)
            && self
                .tok(i - 2)
                .is_some_and(|w| w.is_word() && w.capitalized())
        {
            return Some(self.skip_attached(i));
        }
        // A name that starts with digits: 7-Eleven, 3-Series.
        if self.is_punct(i + 1, '-')
            && self.attached(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|w| w.is_word() && w.attached() && w.capitalized())
        {
            return Some(self.skip_attached(i));
        }
        // Letters glued after the digits that are no unit (4G, 3D, 1e309).
        if let Some(n) = self.tok(i + 1)
            && n.is_word()
            && n.attached()
            && !self.attaches_after_number(i + 1)
        {
            return Some(self.skip_attached(i));
        }
        None
    }

    /// "3/4", "1/3": a small written fraction (denominator up to 10, the
    /// numerator smaller), not part of a longer slashed group.
    pub(super) fn slash_fraction(&self, i: usize) -> Option<f64> {
        let (a, b) = self.lone_slash_pair(i)?;
        (a >= 1 && a < b && b <= 10).then(|| a as f64 / b as f64)
    }

    /// The two whole numbers of "a/b" glued together at `i`, when no other
    /// slash continues the group ("24/7", "3/4", "18/10", not "1/2/2025").
    pub(super) fn lone_slash_pair(&self, i: usize) -> Option<(u32, u32)> {
        if !(self.is_punct(i + 1, '/') && self.attached(i + 1) && self.attached(i + 2)) {
            return None;
        }
        if (i >= 1 && self.is_punct(i - 1, '/')) || self.is_punct(i + 3, '/') {
            return None;
        }
        Some((self.plain_int(i)?, self.plain_int(i + 2)?))
    }

    /// Index after a run of tokens glued together starting at `i`.
    pub(super) fn skip_attached(&self, i: usize) -> usize {
        let mut j = i + 1;
        while self.attached(j) && !self.is_punct(j, ',') && !self.is_punct(j, ')') {
            // A full stop continues the run only into a glued token.
            let glued_on = self.attached(j + 1) && !self.is_punct(j + 1, '.');
            if self.is_punct(j, '.') && !glued_on {
                break;
            }
            j += 1;
        }
        j
    }

    /// True when the word at `j` may be glued to a number: a unit, scale,
    /// currency, or a decade suffix (1990s).
    pub(super) fn attaches_after_number(&self, j: usize) -> bool {
        self.has_role(WordRole::DecadeSuffix, j)
            || self.amount_word_at(j)
            || self.t.units.starts_at(self.tokens, j)
    }
}
