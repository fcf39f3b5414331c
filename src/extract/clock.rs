//! Clock times: "3 p.m.", "15:00", "6:00 PM", "3.30pm", "15 giờ", "15h30",
//! "3 giờ chiều", "5 rưỡi sáng", "noon", "nửa đêm". A time is read as
//! minutes after midnight; the words come from `claims/times.yaml`.

use crate::catalogue::schema::WordRole;
use crate::claim::{Kind, Qualifier, QualifierKind, Unit};
use crate::lang::Lang;

use super::{Scanner, Step, reading};
use crate::claim::clock_readings;

/// Half a minute: a time is written to the minute.
const MINUTE_PRECISION: f64 = 0.5;

/// How far a time "about" or "just after" another may be, in minutes.
const NEAR_MINUTES: f64 = 30.0;

/// What follows an hour: minutes, a day part, and where the time ends.
struct After {
    minute: Option<u32>,
    /// The minutes were written after a colon or glued to "h" (15h30).
    written: bool,
    hour_word: bool,
    glued: bool,
    /// Minutes after the hour word with no minute word ("10 giờ 17").
    bare_minutes: bool,
    part: Option<(u8, u8)>,
    end: usize,
}

impl Scanner<'_> {
    /// A clock time starting at token `i`.
    pub(super) fn time_at(&self, i: usize) -> Option<Step> {
        if let Some((len, &h)) = self.t.clock.named.match_at(self.tokens, i) {
            let readings = clock_readings(u32::from(h), 0, None, true);
            return self.time_claim(i, i + len, None, &readings);
        }
        if !self.is_number(i) || self.digits_len(i) > 4 {
            return None;
        }
        if let Some(step) = self.glued_year_clock(i) {
            return step;
        }
        if let Some(step) = self.zoned_clock(i) {
            return Some(step);
        }
        let (hour, dotted_minute) = self.hour_at(i)?;
        let after = self.after_hour(i, dotted_minute)?;
        let marker = self
            .t
            .clock
            .marker
            .match_ending_at(self.tokens, i)
            .is_some();
        let zone = self.t.clock.zone.starts_at(self.tokens, after.end);
        let is_time = match self.lang {
            // "3 p.m.", "6:00", "3 o'clock"; a dotted "3.30" only with a day part.
            Lang::En => {
                after.part.is_some()
                    || (after.written && dotted_minute.is_none())
                    || after.hour_word
            }
            // "15 giờ" alone is as often a duration ("trong 15 giờ"): a day
            // part, a colon, a glued "h", minutes without "phút" ("10 giờ
            // 17"), a marker, a time zone or a date after decide.
            Lang::Vi => {
                after.part.is_some()
                    || (after.written && !after.hour_word)
                    || after.glued
                    || (after.hour_word
                        && (marker || zone || after.bare_minutes || self.date_after(after.end)))
            }
        };
        if !is_time {
            return None;
        }
        let padded = self.raw(i).len() == 2 && self.raw(i).starts_with('0');
        let readings = clock_readings(hour, after.minute.unwrap_or(0), after.part, padded);
        self.time_claim(i, after.end, None, &readings)
    }

    /// The minutes of a clock whose hour something before took. Rule
    /// `glued-year-clock`: in "January 24, 20256:00 PM" a scrape glued the
    /// year to the clock; the date took "2025", this is "6:00 PM". Any other
    /// such clock is no time (`Some(None)`, and the trap skips it).
    fn glued_year_clock(&self, i: usize) -> Option<Option<Step>> {
        if !(i >= 2 && self.is_punct(i - 1, ':') && self.attached(i) && self.is_number(i - 2)) {
            return None;
        }
        if self.glued_year_at(i - 2).is_none() || self.digits_len(i) != 2 {
            return Some(None);
        }
        let hour: u32 = self.raw(i - 2)[4..].parse().ok()?;
        let minute = self.plain_int(i)?;
        let mut end = i + 1;
        let mut part = None;
        if let Some((len, &(from, hours, _))) = self.t.clock.parts.match_at(self.tokens, end) {
            part = Some((from, hours));
            end += len;
        }
        let from = self.tokens[i - 2].start as usize + 4;
        let readings = clock_readings(hour, minute, part, false);
        Some(self.time_claim(i, end, Some(from), &readings))
    }

    /// Rule `zoned-clock`: four digits right before a time zone are hours and
    /// minutes ("1342 GMT" is 13:42), as wire services write them.
    fn zoned_clock(&self, i: usize) -> Option<Step> {
        if self.digits_len(i) != 4 || !self.t.clock.zone.starts_at(self.tokens, i + 1) {
            return None;
        }
        let hhmm = self.plain_int(i)?;
        let (hour, minute) = (hhmm / 100, hhmm % 100);
        if hour > 23 || minute > 59 {
            return None;
        }
        let readings = clock_readings(hour, minute, None, true);
        self.time_claim(i, i + 1, None, &readings)
    }

    /// The hour at `i`, and the minutes when written "3.30" in one token.
    fn hour_at(&self, i: usize) -> Option<(u32, Option<u32>)> {
        if let Some(h) = self.plain_int(i) {
            return (self.digits_len(i) <= 2).then_some((h, None));
        }
        let (h, m) = self.raw(i).split_once('.')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        Some((h.parse().ok()?, Some(m.parse().ok()?)))
    }

    /// Minutes, an hour word and a day part after the hour at `i`.
    fn after_hour(&self, i: usize, dotted_minute: Option<u32>) -> Option<After> {
        let mut a = After {
            minute: dotted_minute,
            written: dotted_minute.is_some(),
            hour_word: false,
            glued: false,
            bare_minutes: false,
            part: None,
            end: i + 1,
        };
        // "6:00", "06:06:30".
        if a.minute.is_none()
            && self.is_punct(i + 1, ':')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.digits_len(i + 2) == 2
        {
            a.minute = Some(self.plain_int(i + 2)?);
            a.written = true;
            a.end = i + 3;
            if self.is_punct(a.end, ':') && self.attached(a.end) && self.digits_len(a.end + 1) == 2
            {
                a.end += 2;
            }
        }
        // "o'clock", "giờ", "h": "15h30", "15 giờ 30 (phút)", "5 giờ rưỡi".
        if let Some((len, _)) = self.t.clock.hour.match_at(self.tokens, a.end) {
            a.hour_word = true;
            a.glued = self.attached(a.end) && self.is_word(a.end);
            let capital = self.tokens[a.end].capitalized();
            a.end += len;
            if a.minute.is_none() {
                if self.is_number(a.end) && self.digits_len(a.end) <= 2 {
                    let m = self.plain_int(a.end).filter(|&m| m < 60)?;
                    a.written = a.glued && self.attached(a.end);
                    a.minute = Some(m);
                    a.end += 1;
                    match self.t.clock.minute.match_at(self.tokens, a.end) {
                        Some((len, _)) => a.end += len,
                        None => a.bare_minutes = true,
                    }
                } else if self.has_role(WordRole::AndAHalf, a.end) {
                    a.minute = Some(30);
                    a.end += 1;
                }
            }
            // Rule `capital-generation`: a capital glued to a figure with no
            // minutes names a generation ("4G", "5G"), not an hour.
            if a.glued && capital && a.minute.is_none() {
                return None;
            }
        } else if a.minute.is_none()
            && self.lang == Lang::Vi
            && self.has_role(WordRole::AndAHalf, a.end)
        {
            // "5 rưỡi sáng": only with the day part checked below.
            let (len, &(from, hours, _)) = self.t.clock.parts.match_at(self.tokens, a.end + 1)?;
            a.minute = Some(30);
            a.end += 1 + len;
            a.part = Some((from, hours));
            return Some(a);
        }
        if let Some((len, &(from, hours, needs_hour))) =
            self.t.clock.parts.match_at(self.tokens, a.end)
        {
            // "1 buổi chiều" is one afternoon, "3 giờ buổi chiều" 15:00.
            if needs_hour && !a.hour_word && a.minute.is_none() {
                return Some(a);
            }
            a.part = Some((from, hours));
            a.end += len;
        }
        Some(a)
    }

    /// A date right after a time ("15 giờ ngày 3/11", "15 giờ thứ Sáu").
    fn date_after(&self, k: usize) -> bool {
        let k = if self.is_punct(k, ',') { k + 1 } else { k };
        self.has_role(WordRole::DayMarker, k)
    }

    /// The claim of a time over tokens `i..end` (from byte `from` of the line
    /// when it starts inside a token), with its qualifier.
    fn time_claim(
        &self,
        i: usize,
        end: usize,
        from: Option<usize>,
        readings: &[f64],
    ) -> Option<Step> {
        if readings.is_empty() {
            return None;
        }
        let (start, qualifier) = match self
            .qualifier_before(i, None, Kind::Time)
            .filter(|_| from.is_none())
        {
            Some((s, q)) => (s, Some(q)),
            None => (i, None),
        };
        let mut c = self.new_claim(Kind::Time, Unit::None, start, end);
        if let Some(s) = from {
            let e = c.end;
            self.set_span(&mut c, s, e);
        }
        c.readings = readings
            .iter()
            .map(|&v| {
                // "About 3 p.m." or "just after 9 p.m.": half an hour either way.
                let q = qualifier.as_ref().map(|q| near(q, v));
                reading(v, v, MINUTE_PRECISION, q.as_ref())
            })
            .collect();
        c.qualifier = qualifier;
        Some(Step::Claim(Box::new(c), end))
    }
}

/// A qualifier whose closeness is half an hour around `minutes`, whatever
/// its relative tolerance: "about 3 p.m." is not "about 10% of the day".
fn near(q: &Qualifier, minutes: f64) -> Qualifier {
    let mut q = q.clone();
    if matches!(
        q.kind,
        QualifierKind::Approx | QualifierKind::BelowClose | QualifierKind::AboveClose
    ) {
        q.tolerance = NEAR_MINUTES / minutes.max(NEAR_MINUTES);
    }
    q
}

#[cfg(test)]
mod tests {
    use crate::claim::clock_readings;

    #[test]
    fn hours_read_under_their_day_part() {
        let pm = Some((12, 12));
        let night = Some((21, 8));
        let noon = Some((11, 3));
        assert_eq!(clock_readings(3, 0, pm, false).as_slice(), &[900.0]);
        assert_eq!(clock_readings(12, 0, pm, false).as_slice(), &[720.0]);
        assert_eq!(
            clock_readings(12, 0, Some((0, 12)), false).as_slice(),
            &[0.0]
        );
        assert_eq!(clock_readings(2, 0, night, false).as_slice(), &[120.0]);
        assert_eq!(clock_readings(11, 0, night, false).as_slice(), &[1380.0]);
        assert_eq!(clock_readings(12, 40, noon, false).as_slice(), &[760.0]);
        assert_eq!(clock_readings(15, 0, pm, false).as_slice(), &[900.0]);
        assert_eq!(
            clock_readings(3, 0, None, false).as_slice(),
            &[180.0, 900.0]
        );
        assert_eq!(clock_readings(6, 6, None, true).as_slice(), &[366.0]);
        assert!(clock_readings(25, 0, None, false).is_empty());
        assert!(clock_readings(3, 60, None, false).is_empty());
    }
}
