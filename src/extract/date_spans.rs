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
    /// The length of a span joiner at `k`: "-", "to", "đến" (range-to), or
    /// "and", "và" (range-and).
    pub(super) fn span_joiner_at(&self, k: usize) -> Option<usize> {
        self.t
            .role(WordRole::RangeTo)
            .match_at(self.tokens, k)
            .or_else(|| self.t.role(WordRole::RangeAnd).match_at(self.tokens, k))
            .map(|(len, _)| len)
    }

    /// The length of a span joiner that ends right before `k`.
    fn span_joiner_ending_at(&self, k: usize) -> Option<usize> {
        self.t
            .role(WordRole::RangeTo)
            .match_ending_at(self.tokens, k)
            .or_else(|| {
                self.t
                    .role(WordRole::RangeAnd)
                    .match_ending_at(self.tokens, k)
            })
            .map(|(len, _)| len)
    }

    /// The index of the second day when a span joiner and a day follow the
    /// day at `k`.
    fn second_day(&self, k: usize) -> Option<usize> {
        let d = k + 1 + self.span_joiner_at(k + 1)?;
        self.day_at(d).map(|_| d)
    }

    /// The month, the year if one is written, and the index after them,
    /// right after a day at `k`: "June", "June 2024", "tháng 6", "tháng 6
    /// năm 2024", "/6", "/6/2024".
    pub(super) fn month_after_day(&self, k: usize) -> Option<(u8, Option<i32>, usize)> {
        match self.lang {
            Lang::En => {
                let (len, &m) = self.t.months.match_at(self.tokens, k)?;
                if !self.tokens[k].capitalized() {
                    return None;
                }
                Some(match self.en_year_after(k + len) {
                    Some((y, end, _)) => (m, Some(y), end),
                    None => (m, None, k + len),
                })
            }
            Lang::Vi => {
                if !(self.has_role(WordRole::MonthMarker, k) || self.is_punct(k, '/')) {
                    return None;
                }
                let m = self.month_number_at(k + 1)?;
                Some(match self.vi_year_after(k + 2) {
                    Some((y, end)) => (m, Some(y), end),
                    None => (m, None, k + 2),
                })
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
        let (month, year, _) = self.month_after_day(second + 1)?;
        let c = self.date(start, k + 1, None, DateParts::day_of(year, month, day));
        Some(Step::Claim(c, second))
    }

    /// The second day of an English span whose month precedes the first
    /// day: "7" in "June 6-7" or "March 7 to 19", as a date with that month
    /// (and the year written after it: "June 6-7, 2024").
    pub(super) fn second_day_of_span(&self, k: usize) -> Option<Step> {
        let day = self.day_at(k)?;
        let first = k.checked_sub(self.span_joiner_ending_at(k)? + 1)?;
        self.day_at(first)?;
        let (len, &month) = self.t.months.match_ending_at(self.tokens, first)?;
        if !self.tokens[first - len].capitalized() {
            return None;
        }
        let (year, end, end_byte) = match self.en_year_after(k + 1) {
            Some((year, end, b)) => (Some(year), end, Some(b)),
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
        let (month, year, end) = self.month_after_day(i + 1)?;
        Some(self.date_claim(i, end, None, DateParts::day_of(year, month, day)))
    }
}
