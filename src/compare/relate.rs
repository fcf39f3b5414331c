//! How the values of two claims relate: compared as intervals with
//! qualifiers, over every pair of readings, never as strings. Used by the
//! pairing to score candidates, and by the verdicts to judge a pair.

use crate::claim::{Claim, Direction, Kind, QualifierKind, Reading, Unit};

/// What two claims measure, for deciding whether they can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension<'a> {
    /// Percent and fractions ("25%", "one-quarter").
    Share,
    PercentagePoint,
    Money,
    Length,
    /// A measure by its dimension ("mass", "area").
    Measure(&'a str),
    Year,
    Date,
    Duration,
    Count,
    Multiplier,
    /// A time of day.
    Time,
    /// A number compared as written (a name, a code, a label).
    Literal,
}

pub fn dimension(c: &Claim) -> Dimension<'_> {
    match c.kind {
        Kind::Percent | Kind::Fraction => Dimension::Share,
        Kind::PercentagePoint => Dimension::PercentagePoint,
        Kind::Money => Dimension::Money,
        Kind::Length => Dimension::Length,
        Kind::Measure => match &c.unit {
            Unit::Measure(d, _) => Dimension::Measure(d),
            _ => Dimension::Measure(""),
        },
        Kind::Year => Dimension::Year,
        Kind::Date => Dimension::Date,
        Kind::Duration => Dimension::Duration,
        Kind::Count => Dimension::Count,
        Kind::Multiplier => Dimension::Multiplier,
        Kind::Literal => Dimension::Literal,
        Kind::Time => Dimension::Time,
    }
}

/// How the values of two claims relate, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Not comparable at all (different dimensions).
    Incomparable,
    /// Comparable, values disjoint.
    Disjoint,
    /// Off by a power of a thousand (million vs billion).
    ScaleOff,
    /// Same number, different currency or unit (USD vs EUR, % vs pp).
    UnitDiff,
    /// Intervals overlap, written values differ.
    Compatible,
    /// Same written value (qualifiers may still differ).
    Equal,
}

/// The relation of two claims and the readings that give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Related {
    pub relation: Relation,
    pub vi: usize,
    pub en: usize,
}

/// True when the dimensions can be compared, possibly as a unit mismatch.
fn comparable(a: &Dimension<'_>, b: &Dimension<'_>) -> bool {
    a == b
        || matches!(
            (a, b),
            (Dimension::Share, Dimension::PercentagePoint)
                | (Dimension::PercentagePoint, Dimension::Share)
        )
}

/// True when two claims' dimensions differ only by a unit one side left
/// implicit: a bare count and a figure of a dimension the catalogue marks
/// `implicit` (money: "bet billions" / "hàng tỷ USD"; times: "viewed 23
/// million times" / "23 triệu lượt xem"; a number that merely looks like a
/// year: "1,400 products" / "1400 sản phẩm").
pub fn implicit(vi: &Claim, en: &Claim) -> bool {
    (vi.kind == Kind::Count && en.traits.implicit) || (en.kind == Kind::Count && vi.traits.implicit)
}

/// The same value at the finer of the two precisions: "4" and "4.3" are not
/// the same written value (that is rounding), "25%" and "one-quarter" are.
pub(super) fn same_written(a: &Reading, b: &Reading) -> bool {
    let tol = a
        .precision
        .min(b.precision)
        .max(1e-9 * a.value.abs().max(b.value.abs()));
    (a.value - b.value).abs() <= tol && (a.value_hi - b.value_hi).abs() <= tol
}

/// True when `a / b` is a power of 1000 other than 1.
fn scale_off(a: f64, b: f64) -> bool {
    if a == 0.0 || b == 0.0 || !a.is_finite() || !b.is_finite() {
        return false;
    }
    let l = (a / b).abs().log10();
    let k = (l / 3.0).round();
    k != 0.0 && (l - 3.0 * k).abs() < 0.05
}

/// With a qualifier on either side, the figure that matters is the written
/// one: "more than 15 years" and "more than 30 years" overlap as intervals
/// but state different bounds; "about 100" and "khoảng 120" overlap but are
/// 20% apart.
/// - Qualified on both sides, or an estimate on one: the written values
///   agree at the coarser precision ("hơn 4 tỷ" rounds "more than 4.3
///   billion"; "khoảng 13.000" is not "about 12,000", nor "13" "about 14").
/// - A Vietnamese bound on an exact source figure stands where the figure
///   is, at the bound's own precision: "hơn 50%" for 58%, "dưới 5%" for
///   4.2%, but not "lên tới 110.000" for 100,000.
/// - An English bound stated as an exact Vietnamese figure: within rounding
///   plus the qualifier's tolerance (10%).
fn bases_close(vi: &Claim, en: &Claim, a: &Reading, b: &Reading) -> bool {
    let hedge = |c: &Claim| {
        c.qualifier
            .as_ref()
            .map(|q| q.kind)
            .filter(|k| k.direction() != Direction::Exact)
    };
    let (hv, he) = (hedge(vi), hedge(en));
    if vi.vague || en.vague || (hv.is_none() && he.is_none()) {
        return true;
    }
    let eps = 1e-9 * a.value.abs().max(b.value.abs());
    let around = |k: Option<QualifierKind>| k.is_some_and(|k| k.direction() == Direction::Around);
    if (hv.is_some() && he.is_some()) || around(hv) || around(he) {
        let tol = a.precision.max(b.precision) + eps;
        return (a.value - b.value).abs() <= tol && (a.value_hi - b.value_hi).abs() <= tol;
    }
    if let Some(k) = hv {
        // One step of the bound's last significant digit: "hơn 50%" covers
        // 50–60%, "dưới 5%" 4–5%.
        let step = 2.0 * significant(a);
        let (bound, x) = (a.value, b.value);
        return match k.direction() {
            Direction::Above => x >= bound - eps && x <= bound + step + eps,
            _ => x <= bound + eps && x >= bound - step - eps,
        };
    }
    let tolerance = |x: f64, y: f64| a.precision.max(b.precision) + 0.1 * x.abs().max(y.abs());
    (a.value - b.value).abs() <= tolerance(a.value, b.value)
        && (a.value_hi - b.value_hi).abs() <= tolerance(a.value_hi, b.value_hi)
}

/// Half a unit of a figure's last significant digit, in canonical units: its
/// last written digit, or in a whole number the last digit before trailing
/// zeros ("3.000 mét" is precise to the thousand, "12,000" to the
/// thousand, "12,500" to the hundred).
pub(super) fn significant(r: &Reading) -> f64 {
    let mut half = r.precision;
    if half > 0.0 {
        let digits = r.value.abs() / (2.0 * half);
        if (digits - digits.round()).abs() < 1e-6 {
            let mut written = digits.round() as u64;
            while written != 0 && written.is_multiple_of(10) {
                written /= 10;
                half *= 10.0;
            }
        }
    }
    half
}

/// Feet rendered as metres, pounds as kilograms: a conversion is rounded by
/// nature, so each side is compared with the slack of its rounding
/// (`conversion_slack`) and its qualifiers are not weighed against each
/// other.
pub(super) fn converted(vi: &Claim, en: &Claim) -> bool {
    matches!(dimension(vi), Dimension::Length | Dimension::Measure(_))
        && vi.unit_id.is_some()
        && en.unit_id.is_some()
        && vi.unit_id != en.unit_id
}

/// The rounding a converted figure may carry beyond its last written digit:
/// to its last significant one in a whole number ("3.000 mét" for 10,000
/// feet is rounded to the thousand). The pair also gets 0.5% for the
/// conversion factor ("a mile is 1.6 km").
fn conversion_slack(r: &Reading, compound: bool) -> f64 {
    if compound {
        // "5-foot-10" ends in its inch, not in "70 inches" to the ten.
        return 0.0;
    }
    significant(r) - r.precision
}

/// How two claims' values relate, over every pair of readings.
pub fn relate(vi: &Claim, en: &Claim) -> Related {
    let (dv, de) = (dimension(vi), dimension(en));
    let none = Related {
        relation: Relation::Incomparable,
        vi: 0,
        en: 0,
    };
    if dv == Dimension::Literal || de == Dimension::Literal {
        return literal(vi, en, dv, de);
    }
    if let Some(r) = clock_hours(vi, en) {
        return r;
    }
    if let Some(r) = age_in_years(vi, en) {
        return r;
    }
    if implicit(vi, en) {
        // Equal or compatible values make them the same figure; otherwise
        // they are a changed figure only for pairing that has other evidence
        // (`align::assign_alone`), never in the ordinary scoring.
        return best_reading(vi, en, |a, b| {
            // Both vague ("billions" / "hàng tỷ USD") or neither, and the
            // written values close, as for any qualified pair.
            let alike = vi.vague == en.vague && bases_close(vi, en, a, b);
            if a.interval.overlaps(&b.interval) && alike {
                if same_written(a, b) {
                    Relation::Equal
                } else {
                    Relation::Compatible
                }
            } else if scale_off(a.value, b.value) {
                Relation::ScaleOff
            } else {
                Relation::Disjoint
            }
        });
    }
    if let Some(r) = year_of_date(vi, en) {
        return r;
    }
    if !comparable(&dv, &de) {
        return none;
    }
    // Two proportions are exact: "12 trong số 36" is not "12 of its 37"
    // rounded, though a percentage may round one ("32%" for 12 of 37).
    if vi.kind == Kind::Fraction && en.kind == Kind::Fraction && !vi.vague && !en.vague {
        return best_reading(vi, en, |a, b| {
            if crate::claim::same_value(a.value, b.value) {
                Relation::Equal
            } else {
                Relation::Disjoint
            }
        });
    }
    if dv == Dimension::Date {
        let (Some(a), Some(b)) = (&vi.date, &en.date) else {
            return none;
        };
        if !a.share_a_part(b) {
            return none;
        }
        let relation = if a.compatible(b) {
            Relation::Equal
        } else {
            Relation::Disjoint
        };
        return Related {
            relation,
            vi: 0,
            en: 0,
        };
    }
    let unit_differs = vi.unit != en.unit && dv != Dimension::Duration;
    let converted = converted(vi, en);
    let widen = |r: &Reading, factor_slack: f64, compound: bool| {
        let i = r.interval;
        if converted {
            let slack = conversion_slack(r, compound) + factor_slack;
            crate::claim::Interval {
                lo: i.lo - slack,
                hi: i.hi + slack,
                lo_open: false,
                hi_open: false,
            }
        } else {
            i
        }
    };
    best_reading(vi, en, |a, b| {
        if unit_differs {
            if same_written(a, b) || a.interval.overlaps(&b.interval) {
                Relation::UnitDiff
            } else {
                Relation::Disjoint
            }
        } else if widen(a, 0.005 * a.value.abs().max(b.value.abs()), vi.compound).overlaps(&widen(
            b,
            0.0,
            en.compound,
        )) && (bases_close(vi, en, a, b) || converted)
        {
            if same_written(a, b) && !converted {
                Relation::Equal
            } else {
                Relation::Compatible
            }
        } else if vi.vague == en.vague && scale_off(a.value, b.value) {
            Relation::ScaleOff
        } else {
            Relation::Disjoint
        }
    })
}

/// A year alone is a date with only its year written: "2016" agrees with
/// "June 2, 2016" as "tháng 6 năm 2016" does, and "2017" does not. `None`
/// unless one side is a year and the other a date that names its year.
fn year_of_date(vi: &Claim, en: &Claim) -> Option<Related> {
    let (year, date) = match (vi.kind, en.kind) {
        (Kind::Year, Kind::Date) => (vi, en),
        (Kind::Date, Kind::Year) => (en, vi),
        _ => return None,
    };
    // "the 2010s", "around 2016": not one year to set against a day.
    if year.range || year.qualifier.is_some() {
        return None;
    }
    let y = f64::from(date.date.as_ref()?.year?);
    let relation = if year.readings.iter().any(|r| r.value == y) {
        Relation::Equal
    } else {
        Relation::Disjoint
    };
    Some(Related {
        relation,
        vi: 0,
        en: 0,
    })
}

/// The digits of a claim as written ("3M" → "3", "Industry 4.0" → "40").
pub fn written_digits(c: &Claim) -> String {
    c.text.chars().filter(char::is_ascii_digit).collect()
}

/// A literal is compared digit for digit, with another literal or with a
/// bare number that may be the same label read as a quantity ("the 71st
/// minute" / "phút 71", "Mate 60" / "Mate 60 năm 2023"), or a day and
/// month that may be the same label read as a date ("the 9/11 litigation" /
/// "vụ kiện 9/11").
fn literal(vi: &Claim, en: &Claim, dv: Dimension<'_>, de: Dimension<'_>) -> Related {
    let bare = |d: Dimension<'_>| {
        matches!(
            d,
            Dimension::Literal | Dimension::Count | Dimension::Year | Dimension::Date
        )
    };
    if !(bare(dv) && bare(de)) {
        // A figure of another kind is the literal only when written with the
        // same digits: the company "3M" read as three metres.
        let (a, b) = (written_digits(vi), written_digits(en));
        let same = !a.is_empty() && a == b;
        return Related {
            relation: if same {
                Relation::Equal
            } else {
                Relation::Incomparable
            },
            vi: 0,
            en: 0,
        };
    }
    // A bare number that is not the literal is some other figure.
    let changed = if dv == de {
        Relation::Disjoint
    } else {
        Relation::Incomparable
    };
    let mut r = best_reading(vi, en, |a, b| {
        match (digit_groups(vi, a), digit_groups(en, b)) {
            (Some(x), Some(y)) if x == y => Relation::Equal,
            _ => Relation::Disjoint,
        }
    });
    if r.relation != Relation::Equal {
        r.relation = changed;
    }
    r
}

/// A reading as a literal's value: its digit groups, shortest first, read
/// as one number (`claim::literal_value`), so that the range "737 to
/// 800" is the code "737-800". `None` for a value with a fraction.
fn digit_groups(c: &Claim, r: &Reading) -> Option<f64> {
    if c.kind == Kind::Literal {
        return Some(r.value);
    }
    if let Some(d) = &c.date {
        return d.as_literal();
    }
    // The number as written, without its scale ("3M" is the company 3M).
    let whole = |v: f64| {
        let v = v / c.scale;
        (v >= 0.0 && v.fract() == 0.0 && v < 1e15).then(|| format!("{v}"))
    };
    let mut groups = vec![whole(r.value)?];
    if r.value_hi != r.value {
        groups.push(whole(r.value_hi)?);
    }
    Some(crate::claim::literal_value(&mut groups))
}

/// A Vietnamese "15 giờ" that nothing marks as a time of day is read as a
/// duration ("trong 15 giờ"); against a time of day on the other side it is
/// that time's hour ("3 p.m." / "15 giờ"): equal when one of its clock
/// readings falls in the time's interval. An "up to" before it may be
/// "until" ("mở cửa đến 22 giờ" / "open until 10 p.m.").
fn clock_hours(vi: &Claim, en: &Claim) -> Option<Related> {
    let whole_hours = |c: &Claim| {
        c.kind == Kind::Duration
            && c.qualifier
                .as_ref()
                .is_none_or(|q| q.kind == crate::claim::QualifierKind::AtMost)
            && !c.range
            && c.duration_unit
                .as_ref()
                .is_some_and(|(id, _)| &**id == "hour")
    };
    let time_first = if vi.kind == Kind::Time && whole_hours(en) {
        true
    } else if en.kind == Kind::Time && whole_hours(vi) {
        false
    } else {
        return None;
    };
    let (time, hours) = if time_first { (vi, en) } else { (en, vi) };
    for (h, r) in hours.readings.iter().enumerate() {
        let hour = (r.value * 24.0).round();
        if (r.value * 24.0 - hour).abs() > 1e-6 || !(0.0..=24.0).contains(&hour) {
            continue;
        }
        let clocks = crate::claim::clock_readings(hour as u32, 0, None, false);
        for (t, tr) in time.readings.iter().enumerate() {
            if clocks.iter().any(|&m| tr.interval.contains(m)) {
                let (v, e) = if time_first { (t, h) } else { (h, t) };
                return Some(Related {
                    relation: Relation::Equal,
                    vi: v,
                    en: e,
                });
            }
        }
    }
    Some(Related {
        relation: Relation::Disjoint,
        vi: 0,
        en: 0,
    })
}

/// The factors that turn a claim's canonical value into the canonical value
/// of another dimension the comparison takes as the same figure: a duration
/// in years as an age, an age as a duration in days, a duration in hours as
/// a time of day in minutes, a time of day as a duration in days.
pub fn equivalent_factors(c: &Claim) -> smallvec::SmallVec<[f64; 2]> {
    let mut out = smallvec::SmallVec::new();
    match (&c.unit, &c.duration_unit) {
        (Unit::Measure(d, _), _) if &**d == "age" => out.push(365.25),
        (_, Some((id, _))) if &**id == "year" => out.push(1.0 / 365.25),
        (_, Some((id, _))) if &**id == "hour" => {
            // Days to minutes; the afternoon hour too ("3 giờ" / "3 p.m.").
            out.push(24.0 * 60.0);
        }
        _ if c.kind == Kind::Time => out.push(1.0 / (24.0 * 60.0)),
        _ => {}
    }
    out
}

/// An age and a duration in years are the same figure ("the 13-year-old
/// 737" / "chiếc 737 đã 13 năm tuổi"; "15 years younger" / "kém 15 tuổi"):
/// compared in years, as written.
fn age_in_years(vi: &Claim, en: &Claim) -> Option<Related> {
    let years = |c: &Claim| -> Option<f64> {
        match (&c.unit, &c.duration_unit) {
            (Unit::Measure(d, _), _) if &**d == "age" => Some(1.0),
            (_, Some((id, days))) if c.kind == Kind::Duration && (&**id == "year") => {
                Some(1.0 / days)
            }
            _ => None,
        }
    };
    let (fv, fe) = (years(vi)?, years(en)?);
    if (vi.kind == Kind::Duration) == (en.kind == Kind::Duration) {
        return None;
    }
    let r = best_reading(vi, en, |a, b| {
        let (x, y) = (a.value * fv, b.value * fe);
        let tol = (a.precision * fv).max(b.precision * fe) + 1e-9 * x.abs().max(y.abs());
        if (x - y).abs() <= tol {
            Relation::Equal
        } else {
            Relation::Disjoint
        }
    });
    Some(r)
}

/// The best relation over every pair of readings, with the readings giving it.
fn best_reading(
    vi: &Claim,
    en: &Claim,
    relation: impl Fn(&Reading, &Reading) -> Relation,
) -> Related {
    let mut best = Related {
        relation: Relation::Disjoint,
        vi: 0,
        en: 0,
    };
    let mut best_gap = f64::INFINITY;
    // Among readings with the same relation, the closest values win ("95
    // degrees" is 35 °C against "35 độ C", not 95 °C).
    let gap = |a: &Reading, b: &Reading| {
        let scale = a.value.abs().max(b.value.abs()).max(f64::MIN_POSITIVE);
        ((a.value - b.value).abs() + (a.value_hi - b.value_hi).abs()) / scale
    };
    for (i, a) in vi.readings.iter().enumerate() {
        for (j, b) in en.readings.iter().enumerate() {
            let r = relation(a, b);
            let g = gap(a, b);
            if r > best.relation || (r == best.relation && g < best_gap) {
                best = Related {
                    relation: r,
                    vi: i,
                    en: j,
                };
                best_gap = g;
            }
        }
    }
    best
}
