//! What a numeric claim is: a value with a unit, a scale and a qualifier, and
//! the interval of values it asserts.
//!
//! Owns the claim data model shared by extraction, pairing and reporting, the
//! interval arithmetic (how a qualifier turns "almost one-quarter" into
//! [22.5, 25) percent), and `Claim::key`, the compact description used by the
//! catalogue's examples and the table-driven tests.

use std::sync::Arc;

use serde::Serialize;
use smallvec::SmallVec;

pub use crate::catalogue::DimensionTraits;
pub use crate::catalogue::schema::{Kind, QualifierKind};
use crate::lang::Lang;

mod numbers;
pub use numbers::{clock_text, digits_value, fmt_num, group_thousands, human_num, literal_value};

/// Where in the article a claim sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Summary,
    Takeaway,
    Translation,
    Original,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Takeaway => "takeaway",
            Section::Translation => "translation",
            Section::Original => "original",
        }
    }
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage-point",
            Kind::Money => "money",
            Kind::Length => "length",
            Kind::Measure => "measure",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Count => "count",
            Kind::Multiplier => "multiplier",
            Kind::Fraction => "fraction",
            Kind::Literal => "literal",
            Kind::Time => "time",
        }
    }
}

impl QualifierKind {
    pub fn name(self) -> &'static str {
        match self {
            QualifierKind::BelowClose => "below-close",
            QualifierKind::Approx => "approx",
            QualifierKind::Above => "above",
            QualifierKind::AboveClose => "above-close",
            QualifierKind::AtLeast => "at-least",
            QualifierKind::Below => "below",
            QualifierKind::AtMost => "at-most",
            QualifierKind::Emphasis => "emphasis",
            QualifierKind::ChangeTo => "change-to",
        }
    }

    /// Which way the qualifier moves the figure, for comparing two qualifiers.
    pub fn direction(self) -> Direction {
        match self {
            QualifierKind::BelowClose | QualifierKind::Below | QualifierKind::AtMost => {
                Direction::Below
            }
            QualifierKind::Above | QualifierKind::AboveClose | QualifierKind::AtLeast => {
                Direction::Above
            }
            QualifierKind::Approx => Direction::Around,
            QualifierKind::Emphasis | QualifierKind::ChangeTo => Direction::Exact,
        }
    }
}

/// The direction a qualifier pushes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Exact,
    Around,
    Below,
    Above,
}

/// A set of values; bounds may be open ("more than 50%" excludes 50).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    #[serde(skip_serializing_if = "is_false")]
    pub lo_open: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub hi_open: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Two values equal but for a float rounding error (one part in 10^9).
pub fn same_value(a: f64, b: f64) -> bool {
    a == b || (a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()))
}

impl Interval {
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// True when some value lies in both intervals. Bounds a rounding error
    /// apart are the same bound ("115 mph" and "116 mph" meet at 115.5 mph,
    /// however the conversion to km/h rounds).
    pub fn overlaps(&self, other: &Interval) -> bool {
        let same = same_value;
        let lo_ok = if same(self.lo, other.hi) {
            !self.lo_open && !other.hi_open
        } else {
            self.lo < other.hi
        };
        let hi_ok = if same(other.lo, self.hi) {
            !other.lo_open && !self.hi_open
        } else {
            other.lo < self.hi
        };
        lo_ok && hi_ok
    }

    pub fn contains(&self, v: f64) -> bool {
        (v > self.lo || (v == self.lo && !self.lo_open))
            && (v < self.hi || (v == self.hi && !self.hi_open))
    }
}

/// A qualifier as written, with its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualifier {
    pub kind: QualifierKind,
    pub text: String,
    pub tolerance: f64,
    /// The phrase is often no hedge at all, a preposition or a comparative
    /// ("over", "trên", "lower than"): not judged on a spelled-out small number.
    pub loose: bool,
}

/// The interval asserted by a value `lo..=hi` written to precision `half_ulp`
/// under a qualifier.
pub fn asserted_interval(lo: f64, hi: f64, half_ulp: f64, q: Option<&Qualifier>) -> Interval {
    // Rounding is half-open: "25" covers [24.5, 25.5), so 25 and 26 never meet.
    let exact = Interval {
        lo: lo - half_ulp,
        hi: hi + half_ulp,
        lo_open: false,
        hi_open: half_ulp > 0.0,
    };
    let Some(q) = q else { return exact };
    let t = q.tolerance;
    let (lo_mag, hi_mag) = (lo.abs(), hi.abs());
    match q.kind {
        QualifierKind::Emphasis | QualifierKind::ChangeTo => exact,
        QualifierKind::Approx => {
            Interval::closed(lo - t * lo_mag - half_ulp, hi + t * hi_mag + half_ulp)
        }
        QualifierKind::BelowClose => Interval {
            lo: lo - t * lo_mag - half_ulp,
            hi,
            lo_open: false,
            hi_open: true,
        },
        QualifierKind::AboveClose => Interval {
            lo: hi,
            hi: hi + t * hi_mag + half_ulp,
            lo_open: true,
            hi_open: false,
        },
        QualifierKind::Above => Interval {
            lo: hi,
            hi: f64::INFINITY,
            lo_open: true,
            hi_open: false,
        },
        QualifierKind::AtLeast => Interval {
            lo,
            hi: f64::INFINITY,
            lo_open: false,
            hi_open: false,
        },
        QualifierKind::Below => Interval {
            lo: if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY },
            hi: lo,
            lo_open: false,
            hi_open: true,
        },
        QualifierKind::AtMost => Interval {
            lo: if hi >= 0.0 { 0.0 } else { f64::NEG_INFINITY },
            hi,
            lo_open: false,
            hi_open: false,
        },
    }
}

/// One way of reading a claim's number. A token such as Vietnamese "16,700"
/// has two (16700 in English style, 16.7 in Vietnamese style); the
/// comparator picks the reading that fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The value in the kind's canonical unit (the low end of a range).
    pub value: f64,
    /// The high end of a range; equal to `value` for a single figure.
    pub value_hi: f64,
    /// Half the last written digit, in canonical units: "4.3 billion" is
    /// precise to 0.05e9.
    pub precision: f64,
    /// The values the claim asserts, qualifier applied.
    pub interval: Interval,
}

impl Reading {
    /// The same reading with every value multiplied by `factor` (shown in
    /// another unit).
    pub fn scaled(&self, factor: f64) -> Reading {
        Reading {
            value: self.value * factor,
            value_hi: self.value_hi * factor,
            precision: self.precision * factor,
            interval: Interval {
                lo: self.interval.lo * factor,
                hi: self.interval.hi * factor,
                ..self.interval
            },
        }
    }
}

/// A calendar date, any part of which may be missing ("Jan 24", "tháng 12").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The day of the week, 1 (Monday) to 7 (Sunday).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
}

impl DateParts {
    /// A day of a month, in a year when one is written.
    pub fn day_of(year: Option<i32>, month: u8, day: u8) -> DateParts {
        DateParts {
            year,
            month: Some(month),
            day: Some(day),
            weekday: None,
        }
    }

    /// True when no part written on both sides differs.
    pub fn compatible(&self, other: &DateParts) -> bool {
        fn ok<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
        }
        ok(self.year, other.year)
            && ok(self.month, other.month)
            && ok(self.day, other.day)
            && ok(self.weekday, other.weekday)
    }

    /// True when some part is written on both sides: a weekday alone and a
    /// day of the month alone ("Friday", "18 October") say nothing of each
    /// other, so neither can stand for the other.
    pub fn share_a_part(&self, other: &DateParts) -> bool {
        (self.year.is_some() && other.year.is_some())
            || (self.month.is_some() && other.month.is_some())
            || (self.day.is_some() && other.day.is_some())
            || (self.weekday.is_some() && other.weekday.is_some())
    }

    /// A day and a month alone ("9/11"), as the digits of a literal
    /// (`literal_value`): the same label may be read as a date on one side
    /// and a name on the other.
    pub fn as_literal(&self) -> Option<f64> {
        let (Some(day), Some(month), None, None) = (self.day, self.month, self.year, self.weekday)
        else {
            return None;
        };
        Some(literal_value(&mut [day.to_string(), month.to_string()]))
    }

    pub fn iso(&self) -> String {
        let y = self.year.map_or("????".to_string(), |y| format!("{y:04}"));
        let m = self.month.map_or("??".to_string(), |m| format!("{m:02}"));
        let d = self.day.map_or("??".to_string(), |d| format!("{d:02}"));
        const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        match self
            .weekday
            .and_then(|w| WEEKDAYS.get(usize::from(w).wrapping_sub(1)))
        {
            Some(w) if self.year.is_none() && self.month.is_none() && self.day.is_none() => {
                w.to_string()
            }
            Some(w) => format!("{y}-{m}-{d} {w}"),
            None => format!("{y}-{m}-{d}"),
        }
    }
}

/// What the value is measured in, canonical.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Counts, years and dates have no unit.
    None,
    Percent,
    PercentagePoint,
    /// ISO 4217 code (GBX for pence).
    Currency(Arc<str>),
    Nanometre,
    Day,
    Times,
    /// Another measure: its dimension (mass, power, area) and the symbol of
    /// its canonical unit (kg, MW, m2), both from the catalogue.
    Measure(Arc<str>, Arc<str>),
}

impl Unit {
    /// The unit as printed after a canonical value.
    pub fn symbol(&self) -> String {
        match self {
            Unit::None => String::new(),
            Unit::Percent => "%".into(),
            Unit::PercentagePoint => " pp".into(),
            Unit::Currency(c) => format!(" {c}"),
            Unit::Nanometre => " nm".into(),
            Unit::Day => " day".into(),
            Unit::Times => "x".into(),
            Unit::Measure(_, symbol) => format!(" {symbol}"),
        }
    }
}

/// The readings of a claim, the most likely first (at most four).
pub type Readings = SmallVec<[Reading; 1]>;

/// A numeric claim found in the text.
#[derive(Debug, Clone)]
pub struct Claim {
    pub kind: Kind,
    pub unit: Unit,
    /// The catalogue id of the unit written ("foot", "metre"), if any: a
    /// figure converted between units is only approximately equal.
    pub unit_id: Option<Arc<str>>,
    /// The written unit for durations ("month"), with its size in days.
    pub duration_unit: Option<(Arc<str>, f64)>,
    /// Readings, the most likely first.
    pub readings: Readings,
    /// The scale factor written ("tỷ" = 1e9), 1 when none.
    pub scale: f64,
    pub qualifier: Option<Qualifier>,
    /// The hedge a comparative before the figure may also be ("chậm hơn 6
    /// tiếng": six hours later, or delayed more than six hours), or that a
    /// qualifier a few words before it may lend it ("ước tính đã tiêu tốn …
    /// 1,2 tỷ USD"), when no qualifier was read.
    pub maybe_hedge: Option<QualifierKind>,
    pub date: Option<DateParts>,
    /// A range ("11% to 19%").
    pub range: bool,
    /// An order of magnitude ("billions of dollars", "hàng tỷ USD").
    pub vague: bool,
    /// A small number spelled out with nothing attached ("two companies"):
    /// used for pairing, never reported as missing.
    pub weak: bool,
    /// A conversion the writer added in brackets after a figure of the same
    /// dimension ("10.000 feet (khoảng 3.000 mét)", "4,3 tỷ nhân dân tệ (590
    /// triệu USD)"): paired like any figure, never reported as unsupported
    /// or omitted.
    pub conversion: bool,
    /// Written in a unit and its subunit ("5-foot-10"): its last digit is
    /// the subunit's, whatever zeros the whole ends in.
    pub compound: bool,
    /// The rules of the claim's dimension, from the catalogue.
    pub traits: DimensionTraits,
    pub lang: Lang,
    pub section: Section,
    /// Which file of the article (`Article::parts`) the claim is in.
    pub part: usize,
    /// 1-based line and character columns in the file as written.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The claim's text as written.
    pub text: String,
    /// Byte span in the normalised line, for context lookups.
    pub start: usize,
    pub end: usize,
    /// Index of the sentence within its line.
    pub sentence: u32,
}

impl Claim {
    /// The primary reading.
    pub fn primary(&self) -> &Reading {
        &self.readings[0]
    }

    /// A value shown in the claim's own unit (months for "2 tháng").
    fn shown(&self, canonical: f64) -> f64 {
        match &self.duration_unit {
            Some((_, days)) => canonical / days,
            None => canonical,
        }
    }

    fn unit_suffix(&self) -> String {
        match (&self.duration_unit, self.kind) {
            (Some((name, _)), _) => format!(" {name}"),
            (None, Kind::Year | Kind::Count | Kind::Date | Kind::Time | Kind::Literal) => {
                String::new()
            }
            _ => self.unit.symbol(),
        }
    }

    /// One reading as written in `key`: "25", "11..19", "1e9..1e12", "15:00".
    fn reading_text(&self, r: &Reading) -> String {
        if self.kind == Kind::Time {
            clock_text(r.value)
        } else if self.vague {
            format!(
                "{}..{}",
                fmt_num(self.shown(r.interval.lo)),
                fmt_num(self.shown(r.interval.hi))
            )
        } else if self.range {
            format!(
                "{}..{}",
                fmt_num(self.shown(r.value)),
                fmt_num(self.shown(r.value_hi))
            )
        } else {
            fmt_num(self.shown(r.value))
        }
    }

    /// The compact description used by catalogue examples and tests:
    /// `kind value[|reading…]unit[ qualifier][ vague]`, e.g. "percent 25%",
    /// "fraction 25% below-close", "money 6e12 USD", "count 1600|1.6",
    /// "date 2025-01-24".
    pub fn key(&self) -> String {
        if let (Kind::Date, Some(d)) = (self.kind, &self.date) {
            return format!("date {}", d.iso());
        }
        let values: Vec<String> = self.readings.iter().map(|r| self.reading_text(r)).collect();
        let mut s = format!(
            "{} {}{}",
            self.kind.name(),
            values.join("|"),
            self.unit_suffix()
        );
        if let Some(q) = &self.qualifier {
            s.push(' ');
            s.push_str(q.kind.name());
        }
        if self.vague {
            s.push_str(" vague");
        }
        s
    }

    /// The value as an editor reads it, in the claim's own unit: "almost 25%",
    /// "6e12 USD" is shown "6 trillion USD".
    pub fn describe(&self) -> String {
        let value = self.value_text(self.primary());
        let unit = self.unit_suffix();
        match &self.qualifier {
            Some(q) => format!("{} {value}{unit}", q.text),
            None => format!("{value}{unit}"),
        }
    }

    /// A reading's value in the claim's own unit, without the unit: "2025-01-24",
    /// "11 to 19", "1 billion to 1 trillion", "6 trillion".
    pub fn value_text(&self, r: &Reading) -> String {
        if let (Kind::Date, Some(d)) = (self.kind, &self.date) {
            return d.iso();
        }
        if self.kind == Kind::Time {
            return clock_text(r.value);
        }
        let (lo, hi) = if self.vague {
            (r.interval.lo, r.interval.hi)
        } else {
            (r.value, r.value_hi)
        };
        // A year is a name, not a quantity: "2035", never "2,035".
        let num = |v: f64| match self.kind {
            Kind::Year => fmt_num(v),
            _ => human_num(v),
        };
        if self.vague || self.range || hi != lo {
            format!("{} to {}", num(self.shown(lo)), num(self.shown(hi)))
        } else {
            num(self.shown(lo))
        }
    }
}

/// The readings of an hour and minute written under a day part (its first
/// hour and length), in minutes after midnight, most likely first. A 24-hour
/// figure ("15", "06") is read as written; an hour of 1–12 under a day part
/// as whichever of h and h + 12 falls in it; with no day part, both.
pub fn clock_readings(
    hour: u32,
    minute: u32,
    part: Option<(u8, u8)>,
    padded: bool,
) -> SmallVec<[f64; 2]> {
    let mut out = SmallVec::new();
    if hour > 24 || minute > 59 {
        return out;
    }
    // Midnight ends a day as well as starting one ("before midnight").
    if hour == 24 || (hour == 0 && minute == 0 && part.is_none()) {
        out.push(0.0);
        out.push(24.0 * 60.0);
        return out;
    }
    let at = |h: u32| ((h % 24) * 60 + minute) as f64;
    if hour == 0 || hour > 12 || (padded && part.is_none()) {
        out.push(at(hour));
        return out;
    }
    let candidates = [hour % 12, hour % 12 + 12];
    match part {
        Some((from, hours)) => {
            let inside = |h: u32| (h + 24 - u32::from(from)) % 24 < u32::from(hours);
            match candidates.iter().find(|&&h| inside(h)) {
                Some(&h) => out.push(at(h)),
                None => out.push(at(hour)),
            }
        }
        None => {
            out.push(at(hour));
            out.push(at(hour + 12));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_compactly() {
        assert_eq!(fmt_num(6e12), "6e12");
        assert_eq!(fmt_num(4.3e9), "4.3e9");
        assert_eq!(fmt_num(587e6), "5.87e8");
        assert_eq!(fmt_num(1600.0), "1600");
        assert_eq!(fmt_num(100.0 / 3.0), "33.33");
        assert_eq!(fmt_num(9.99999999e6), "1e7");
        assert_eq!(human_num(6e12), "6 trillion");
        assert_eq!(human_num(587e6), "587 million");
        assert_eq!(human_num(16700.0), "16,700");
        assert_eq!(human_num(1600.0), "1,600");
        assert_eq!(human_num(-1234.5), "-1,234.5");
        assert_eq!(human_num(4.3), "4.3");
        assert_eq!(human_num(1e42), "1e42");
        assert_eq!(human_num(-2.5e18), "-2.5e18");
        assert_eq!(human_num(999e12), "999 trillion");
    }

    fn q(kind: QualifierKind) -> Qualifier {
        Qualifier {
            kind,
            text: String::new(),
            tolerance: 0.1,
            loose: false,
        }
    }

    #[test]
    fn qualifiers_make_intervals() {
        let almost = asserted_interval(25.0, 25.0, 0.5, Some(&q(QualifierKind::BelowClose)));
        let flat = asserted_interval(25.0, 25.0, 0.5, None);
        assert!(almost.overlaps(&flat));
        assert!(!almost.contains(25.0));
        let more = asserted_interval(50.0, 50.0, 0.5, Some(&q(QualifierKind::Above)));
        let near = asserted_interval(50.0, 50.0, 0.5, Some(&q(QualifierKind::BelowClose)));
        assert!(
            !more.overlaps(&near),
            "more than 50 vs almost 50 are disjoint"
        );
        let at_most = asserted_interval(50.0, 50.0, 0.5, Some(&q(QualifierKind::AtMost)));
        let at_least = asserted_interval(50.0, 50.0, 0.5, Some(&q(QualifierKind::AtLeast)));
        assert!(at_most.overlaps(&at_least), "they touch at 50");
        let approx = asserted_interval(100.0, 100.0, 0.5, Some(&q(QualifierKind::Approx)));
        assert!(approx.contains(109.0) && !approx.contains(111.0));
    }

    #[test]
    fn dates_compare_on_written_parts() {
        let jan24 = DateParts {
            year: None,
            month: Some(1),
            day: Some(24),
            weekday: None,
        };
        let full = DateParts {
            year: Some(2025),
            month: Some(1),
            day: Some(24),
            weekday: None,
        };
        assert!(jan24.compatible(&full));
        assert_eq!(full.iso(), "2025-01-24");
        assert_eq!(jan24.iso(), "????-01-24");
    }
}

/// The sizes the memory budget rests on: an article of N figures holds N
/// claims (and their contexts, `align::context`). A field that grows one
/// should be a conscious choice.
#[cfg(test)]
mod sizes {
    #[test]
    fn the_hot_types_stay_small() {
        assert!(std::mem::size_of::<super::Claim>() <= 320);
        assert!(std::mem::size_of::<super::Reading>() <= 48);
    }
}
