//! Spans of days that share one month: "21-22 June", "June 6-7", "March 7 to
//! 19", "ngày 6-7 tháng 6", "từ ngày 7 đến 19 tháng 3", "21-22/6". The month
//! (and year) is written once for both days; each day is read as a date of
//! its own with it, so a changed day at either end is a changed date and
//! the month is never left over as a month alone.

use crate::catalogue::schema::WordRole;
use crate::claim::DateParts;
use crate::lang::Lang;

use super::{Scanner, Step};

impl Scanner<'_> {
    /// The index of the second day when a span joiner ("-", "to", "đến",
    /// "and") and a day follow the day at `k`.
    fn second_day(&self, k: usize) -> Option<usize> {
        let j = k + 1;
        let len = if self.is_punct(j, '-') {
            1
        } else {
            self.t
                .role(WordRole::RangeTo)
                .match_at(self.tokens, j)
                .or_else(|| self.t.role(WordRole::RangeAnd).match_at(self.tokens, j))?
                .0
        };
        let d = j + len;
        self.day_at(d).map(|_| d)
    }

    /// The month, and the year if one is written, right after a day at
    /// `k`: "June", "June 2024", "tháng 6", "tháng 6 năm 2024", "/6",
    /// "/6/2024".
    fn month_after_day(&self, k: usize) -> Option<(u8, Option<i32>)> {
        match self.lang {
            Lang::En => {
                let (len, &m) = self.t.months.match_at(self.tokens, k)?;
                if !self.tokens[k].capitalized() {
                    return None;
                }
                let y = if self.is_punct(k + len, ',') {
                    k + len + 1
                } else {
                    k + len
                };
                Some((m, self.year_token(y).map(|(y, _)| y)))
            }
            Lang::Vi => {
                if !(self.has_role(WordRole::MonthMarker, k) || self.is_punct(k, '/')) {
                    return None;
                }
                let m = self.month_number_at(k + 1)?;
                Some((m, self.vi_year_after(k + 2).map(|(y, _)| y)))
            }
        }
    }

    /// The first day of a span whose month follows the second day, as a
    /// date with that month: "21" in "21-22 June", "6" in "ngày 6-7 tháng
    /// 6". The claim covers `start..=k` (`start` is "ngày" when written);
    /// reading resumes at the second day, which its own reader takes with
    /// the month.
    pub(super) fn first_day_of_span(&self, start: usize, k: usize) -> Option<Step> {
        // "quý 2 đến 27 tháng 8": the label's number, then a date.
        if start == k && self.after_label(k) {
            return None;
        }
        let day = self.day_at(k)?;
        let second = self.second_day(k)?;
        let (month, year) = self.month_after_day(second + 1)?;
        let Step::Claim(c, _) =
            self.date_claim(start, k + 1, None, DateParts::day_of(year, month, day))
        else {
            return None;
        };
        Some(Step::Claim(c, second))
    }

    /// The second day of an English span whose month precedes the first
    /// day: "7" in "June 6-7" or "March 7 to 19", as a date with that month
    /// (and the year written after it: "June 6-7, 2024").
    pub(super) fn second_day_of_span(&self, k: usize) -> Option<Step> {
        let day = self.day_at(k)?;
        let joiner = if k >= 1 && self.is_punct(k - 1, '-') {
            1
        } else {
            self.t
                .role(WordRole::RangeTo)
                .match_ending_at(self.tokens, k)
                .or_else(|| {
                    self.t
                        .role(WordRole::RangeAnd)
                        .match_ending_at(self.tokens, k)
                })?
                .0
        };
        let first = k.checked_sub(joiner + 1)?;
        self.day_at(first)?;
        let (len, &month) = self.t.months.match_ending_at(self.tokens, first)?;
        if !self.tokens[first - len].capitalized() {
            return None;
        }
        let y = if self.is_punct(k + 1, ',') {
            k + 2
        } else {
            k + 1
        };
        let (year, end, end_byte) = match self.year_token(y) {
            Some((year, b)) => (Some(year), y + 1, Some(b)),
            None => (None, k + 1, None),
        };
        Some(self.date_claim(k, end, end_byte, DateParts::day_of(year, month, day)))
    }

    /// A Vietnamese day and month without "ngày": "đến 30 tháng 9", "vào 21
    /// tháng 6 năm 2024", and the second day of "21-22 / 6".
    pub(super) fn vi_bare_day_at(&self, i: usize) -> Option<Step> {
        let day = self.day_at(i)?;
        let ends_span = || i >= 2 && self.is_punct(i - 1, '-') && self.day_at(i - 2).is_some();
        if !(self.has_role(WordRole::MonthMarker, i + 1)
            || (self.is_punct(i + 1, '/') && ends_span()))
        {
            return None;
        }
        let month = self.month_number_at(i + 2)?;
        let (year, end) = match self.vi_year_after(i + 3) {
            Some((y, e)) => (Some(y), e),
            None => (None, i + 3),
        };
        Some(self.date_claim(i, end, None, DateParts::day_of(year, month, day)))
    }
}
