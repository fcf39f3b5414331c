//! Dates and years: "24 December 2024", "Jan 24", "ngày 24 tháng 1 năm
//! 2025", "tháng 3/2024", "năm 2023", decades.

use smallvec::smallvec;

use crate::catalogue::schema::WordRole;
use crate::claim::{Claim, DateParts, Interval, Kind, Reading, Unit};
use crate::lang::Lang;

use super::{Scanner, Step};

impl Scanner<'_> {
    pub(super) fn date_at(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.weekday_at(i) {
            return Some(step);
        }
        match self.lang {
            Lang::En => self.en_date_at(i),
            Lang::Vi => self.vi_date_at(i),
        }
    }

    /// A day of the week: "Friday", "thứ Sáu", "thứ 6", "Chủ nhật". Vietnamese
    /// "thứ sáu" and "thứ 6" are also "sixth": a weekday only when its name
    /// is capitalised or a word around it says so ("vào thứ 6", "thứ 6 tuần
    /// tới", "thứ 6, ngày 14/7").
    fn weekday_at(&self, i: usize) -> Option<Step> {
        let weekday = |w: u8, end: usize| {
            let d = DateParts {
                year: None,
                month: None,
                day: None,
                weekday: Some(w),
            };
            self.date_claim(i, end, None, d)
        };
        if let Some((len, &w)) = self.t.weekdays.match_at(self.tokens, i) {
            let last = &self.tokens[i + len - 1];
            let sure = match self.lang {
                Lang::En => self.tokens[i].capitalized(),
                // "Chủ nhật" is one word; "thứ Sáu" shows it by its capital.
                Lang::Vi => w == 7 || last.capitalized() || self.weekday_context(i, i + len),
            };
            if sure {
                return Some(weekday(w, i + len));
            }
            // "về thứ ba": the ordinal, third (Monday is "thứ hai", second).
            if self.lang == Lang::Vi && w < 7 {
                let n = (w + 1).to_string();
                let c = self.literal_of(&[n.as_str()], i, i + len, None)?;
                return Some(Step::Claim(Box::new(c), i + len));
            }
            return None;
        }
        // "thứ 6": the sixth day counted from Sunday, Friday.
        if self.lang == Lang::Vi
            && self.has_role(WordRole::WeekdayPrefix, i)
            && let Some(n) = self.plain_int(i + 1).filter(|n| (2..=7).contains(n))
            && self.digits_len(i + 1) == 1
            && self.weekday_context(i, i + 2)
        {
            return Some(weekday(n as u8 - 1, i + 2));
        }
        None
    }

    /// Rule `hedged-slash-fraction`: a small "a/b" after an estimate or a
    /// bound of quantities is a share, not a day: "giảm khoảng 1/3" (fell
    /// by about a third), "gần 3/4". Not after "từ", "đến", "trước"
    /// ("từ 1/3" is from 1 March).
    fn hedged_slash_fraction(&self, i: usize) -> bool {
        use crate::catalogue::schema::QualifierKind as Q;
        self.slash_fraction(i).is_some()
            && self
                .t
                .qualifiers_before
                .match_ending_at(self.tokens, i)
                .is_some_and(|(_, q)| {
                    q.only_before.is_empty()
                        && matches!(q.kind, Q::Approx | Q::BelowClose | Q::Above | Q::AboveClose)
                })
    }

    /// A word before or after tokens `i..end` that makes "thứ N" a weekday.
    fn weekday_context(&self, i: usize, end: usize) -> bool {
        let before = i >= 1
            && self
                .t
                .role(WordRole::WeekdayBefore)
                .match_ending_at(self.tokens, i)
                .is_some();
        let k = if self.is_punct(end, ',') || self.is_punct(end, '(') {
            end + 1
        } else {
            end
        };
        let after = self
            .t
            .role(WordRole::WeekdayAfter)
            .starts_at(self.tokens, end)
            || self.has_role(WordRole::DayMarker, k)
            || (self.is_number(k) && self.is_punct(k + 1, '/'));
        before || after
    }

    pub(super) fn date_claim(
        &self,
        start: usize,
        end: usize,
        end_byte: Option<usize>,
        d: DateParts,
    ) -> Step {
        Step::Claim(self.date(start, end, end_byte, d), end)
    }

    /// A date claim over tokens `start..end` (to `end_byte` when it ends
    /// inside a token).
    pub(super) fn date(
        &self,
        start: usize,
        end: usize,
        end_byte: Option<usize>,
        d: DateParts,
    ) -> Box<Claim> {
        let mut c = self.new_claim(Kind::Date, Unit::None, start, end);
        if let Some(b) = end_byte {
            self.set_span(&mut c, self.tokens[start].start as usize, b);
        }
        let v = d.year.unwrap_or(0) as f64;
        c.readings = smallvec![Reading {
            value: v,
            value_hi: v,
            precision: 0.0,
            interval: Interval::closed(v, v),
        }];
        c.date = Some(d);
        Box::new(c)
    }

    /// A year after an English date, past a comma ("June 6, 2024"): the
    /// year, the index after it and its end byte.
    pub(super) fn en_year_after(&self, k: usize) -> Option<(i32, usize, usize)> {
        let y = if self.is_punct(k, ',') { k + 1 } else { k };
        self.year_token(y).map(|(year, b)| (year, y + 1, b))
    }

    /// A year number at `i` (plain or glued to a clock): value and end byte.
    pub(super) fn year_token(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((y, self.tokens[i].end as usize));
        }
        self.glued_year_at(i)
            .map(|y| (y, self.tokens[i].start as usize + 4))
    }

    pub(super) fn day_at(&self, i: usize) -> Option<u8> {
        let d = self.plain_int(i)?;
        (self.digits_len(i) <= 2 && (1..=31).contains(&d)).then_some(d as u8)
    }

    pub(super) fn month_number_at(&self, i: usize) -> Option<u8> {
        let m = self.plain_int(i)?;
        (self.digits_len(i) <= 2 && (1..=12).contains(&m)).then_some(m as u8)
    }

    /// "30/10/2008" (day first) or "10/30/2008" (month first), when the
    /// order is plain from a number above 12. Written in either order
    /// "10/11/2008" stays a literal, compared digit for digit.
    fn en_slash_date_at(&self, i: usize) -> Option<Step> {
        if !(self.is_punct(i + 1, '/') && self.is_punct(i + 3, '/')) {
            return None;
        }
        let (a, b) = (self.day_at(i)?, self.day_at(i + 2)?);
        let year = self.year_at(i + 4)?;
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => return None,
        };
        Some(self.date_claim(
            i,
            i + 5,
            None,
            DateParts {
                year: Some(year),
                month: Some(month),
                day: Some(day),
                weekday: None,
            },
        ))
    }

    pub(super) fn en_date_at(&self, i: usize) -> Option<Step> {
        let t = self.tok(i)?;
        // "24 December 2024"
        if t.is_number() {
            if let Some(step) = self
                .first_day_of_span(i, i)
                .or_else(|| self.second_day_of_span(i))
                .or_else(|| self.en_slash_date_at(i))
            {
                return Some(step);
            }
            let day = self.day_at(i)?;
            let (len, &m) = self.t.months.match_at(self.tokens, i + 1)?;
            if !self.tokens[i + 1].capitalized() {
                return None;
            }
            let mut end = i + 1 + len;
            let mut year = None;
            let mut end_byte = None;
            if let Some((y, b)) = self.year_token(end) {
                year = Some(y);
                end_byte = Some(b);
                end += 1;
            }
            let d = DateParts::day_of(year, m, day);
            return Some(self.date_claim(i, end, end_byte, d));
        }
        let (len, &m) = self.t.months.match_at(self.tokens, i)?;
        if !t.capitalized() {
            return None;
        }
        let mut k = i + len;
        if self.is_punct(k, '.') && self.attached(k) {
            k += 1;
        }
        if let Some(day) = self.day_at(k) {
            let mut end = k + 1;
            if self.attached(end) && self.has_role(WordRole::OrdinalSuffix, end) {
                end += 1;
            }
            let (year, end_byte) = match self.en_year_after(end) {
                Some((yv, after, b)) => {
                    end = after;
                    (Some(yv), Some(b))
                }
                None => (None, None),
            };
            let d = DateParts::day_of(year, m, day);
            return Some(self.date_claim(i, end, end_byte, d));
        }
        if let Some((y, b)) = self.year_token(k) {
            let d = DateParts {
                year: Some(y),
                month: Some(m),
                day: None,
                weekday: None,
            };
            return Some(self.date_claim(i, k + 1, Some(b), d));
        }
        // A month alone needs a word that places it in time.
        if self.month_placed(i, len, m) {
            let d = DateParts {
                year: None,
                month: Some(m),
                day: None,
                weekday: None,
            };
            return Some(self.date_claim(i, i + len, None, d));
        }
        None
    }

    /// Whether the English month name at `i` (`len` tokens) is placed in
    /// time: after a year-marker or month-before word ("in December", "next
    /// April", "mid-March"), or at one end of a span of months ("Jan-Nov",
    /// "October to December").
    /// A name that is also a common word ("May") is placed only by the
    /// words of its `alone_after`.
    fn month_placed(&self, i: usize, len: usize, m: u8) -> bool {
        let before = if i >= 2 && self.is_punct(i - 1, '-') && self.attached(i) {
            i - 2
        } else {
            i.wrapping_sub(1)
        };
        // A lowercase "may" or "march" is the verb.
        if !self.tok(i).is_some_and(|t| t.capitalized()) {
            return false;
        }
        let only_after = &self.t.month_alone_after[m as usize];
        if !only_after.is_empty() {
            return i >= 1
                && self
                    .tok(before)
                    .is_some_and(|t| only_after.contains(&t.sym));
        }
        if i >= 1
            && (self.has_role(WordRole::YearMarker, before)
                || self.has_role(WordRole::MonthBefore, before))
        {
            return true;
        }
        let after = i + len;
        // "April was no exception", "the August data"; not "April Ryan".
        if len == 1
            && self.t.month_alone.contains(&self.tokens[i].sym)
            && !self
                .tok(after)
                .is_some_and(|t| t.capitalized() && !t.all_caps())
        {
            return true;
        }
        let month_at = |k: usize| self.t.months.match_at(self.tokens, k).is_some();
        let span_after = self
            .span_joiner_at(after)
            .is_some_and(|l| month_at(after + l));
        let span_before = [WordRole::RangeTo, WordRole::RangeAnd].iter().any(|&role| {
            self.t
                .role(role)
                .match_ending_at(self.tokens, i)
                .is_some_and(|(jl, _)| self.t.months.match_ending_at(self.tokens, i - jl).is_some())
        });
        span_after || span_before
    }

    pub(super) fn vi_date_at(&self, i: usize) -> Option<Step> {
        if self.has_role(WordRole::DayMarker, i) {
            return self.vi_day_at(i);
        }
        if self.has_role(WordRole::MonthMarker, i) {
            return self.vi_month_at(i);
        }
        // những năm 1990 / thập niên 1990: a decade.
        if let Some((marker_len, _)) = self.t.role(WordRole::DecadeMarker).match_at(self.tokens, i)
        {
            // "thập kỷ 80": a two-digit decade of the twentieth century.
            let short = || {
                let v = self.plain_int(i + marker_len)? as i32;
                (self.digits_len(i + marker_len) == 2 && v % 10 == 0).then_some(1900 + v)
            };
            if let Some(y) = self.year_at(i + marker_len).or_else(short)
                && y % 10 == 0
            {
                return Some(self.year_claim(i, i + marker_len + 1, y, y + 9));
            }
            return None;
        }
        if self.has_role(WordRole::YearMarker, i) {
            return self.vi_year_at(i);
        }
        if self.is_number(i)
            && let Some(step) = self
                .first_day_of_span(i, i)
                .or_else(|| self.vi_bare_day_at(i))
        {
            return Some(step);
        }
        // 24/1/2025 (day first); 24/1 alone unless it reads "7 of 10".
        if self.is_number(i) && self.is_punct(i + 1, '/') {
            let day = self.day_at(i)?;
            let month = self.month_number_at(i + 2)?;
            if self.lone_slash_pair(i).is_some()
                && !self.slash_proportion(i)
                && !self.hedged_slash_fraction(i)
            {
                return Some(self.date_claim(i, i + 3, None, DateParts::day_of(None, month, day)));
            }
            if self.is_punct(i + 3, '/') {
                let y = self.year_at(i + 4)?;
                return Some(self.date_claim(
                    i,
                    i + 5,
                    None,
                    DateParts {
                        year: Some(y),
                        month: Some(month),
                        day: Some(day),
                        weekday: None,
                    },
                ));
            }
        }
        None
    }

    /// ngày 24 tháng 1 năm 2025 / ngày 24/1/2025 / ngày 24
    fn vi_day_at(&self, i: usize) -> Option<Step> {
        let day = self.day_at(i + 1)?;
        // "tháng 1" or "/1" after the day, a month named in words ("ngày
        // 23 tháng Sáu"), or the month after a span of days.
        let named = || {
            let (len, &m) = self.t.months.match_at(self.tokens, i + 2)?;
            let (y, end) = self
                .vi_year_after(i + 2 + len)
                .map_or((None, i + 2 + len), |(y, e)| (Some(y), e));
            Some((m, y, end))
        };
        let (month, year, end) = match self.month_after_day(i + 2).or_else(named) {
            Some((m, y, end)) => (Some(m), y, end),
            None => match self.first_day_of_span(i, i + 1) {
                Some(step) => return Some(step),
                None => (None, None, i + 2),
            },
        };
        Some(self.date_claim(
            i,
            end,
            None,
            DateParts {
                year,
                month,
                day: Some(day),
                weekday: None,
            },
        ))
    }

    /// tháng 12 / tháng 3/2024 / tháng 1 năm 2025 / tháng Giêng
    fn vi_month_at(&self, i: usize) -> Option<Step> {
        let (month, mut end) = if let Some(m) = self.month_number_at(i + 1) {
            (m, i + 2)
        } else {
            let (len, &m) = self.t.months.match_at(self.tokens, i)?;
            let named_ok = self.tokens.get(i + 1).is_some_and(|w| w.capitalized())
                || self.vi_year_after(i + len).is_some();
            if !named_ok {
                return None;
            }
            (m, i + len)
        };
        let mut year = None;
        if let Some((y, e)) = self.vi_year_after(end) {
            year = Some(y);
            end = e;
        }
        Some(self.date_claim(
            i,
            end,
            None,
            DateParts {
                year,
                month: Some(month),
                day: None,
                weekday: None,
            },
        ))
    }

    /// năm 2023; (từ) năm 1971 đến (năm) 1977; "năm 2017-18", a fiscal year
    fn vi_year_at(&self, i: usize) -> Option<Step> {
        let y = self.year_at(i + 1)?;
        if let Some((len, _)) = self.t.role(WordRole::RangeTo).match_at(self.tokens, i + 2) {
            let k = i + 2 + len;
            let k = if self.has_role(WordRole::YearMarker, k) {
                k + 1
            } else {
                k
            };
            if let Some(y2) = self.year_at(k).filter(|&y2| y2 > y) {
                return Some(self.year_claim(i, k + 1, y, y2));
            }
            // "năm 2017-18": a fiscal year.
            if let Some(short) = self.plain_int(k)
                && self.digits_len(k) == 2
                && self.is_punct(i + 2, '-')
            {
                let y2 = y / 100 * 100 + short as i32;
                if y2 > y {
                    return Some(self.year_claim(i, k + 1, y, y2));
                }
            }
        }
        Some(self.year_claim(i, i + 2, y, y))
    }

    /// "năm 2025", ", năm 2025" or "/2025" after a day or month.
    pub(super) fn vi_year_after(&self, k: usize) -> Option<(i32, usize)> {
        let k2 = if self.is_punct(k, ',') { k + 1 } else { k };
        if self.has_role(WordRole::YearMarker, k2)
            && let Some(y) = self.year_at(k2 + 1)
        {
            return Some((y, k2 + 2));
        }
        if self.is_punct(k, '/')
            && let Some(y) = self.year_at(k + 1)
        {
            return Some((y, k + 2));
        }
        None
    }

    pub(super) fn year_claim(&self, start: usize, end: usize, lo: i32, hi: i32) -> Step {
        let mut c = self.new_claim(Kind::Year, Unit::None, start, end);
        let (lo, hi) = (lo as f64, hi as f64);
        c.range = hi > lo;
        c.readings = smallvec![Reading {
            value: lo,
            value_hi: hi,
            precision: 0.0,
            interval: Interval::closed(lo, hi),
        }];
        Step::Claim(Box::new(c), end)
    }

    /// A day-month date continues at `k` ("21-22 June", "30 tháng 6", "22/6").
    pub(super) fn date_follows(&self, k: usize) -> bool {
        self.t
            .months
            .match_at(self.tokens, k)
            .is_some_and(|_| self.tokens[k].capitalized())
            || (self.has_role(WordRole::MonthMarker, k) && self.is_number(k + 1))
            || (self.is_punct(k, '/') && self.is_number(k + 1))
    }
}
