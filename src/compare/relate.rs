//! How the values of two claims relate: compared as intervals with
//! qualifiers, over every pair of readings, never as strings. Used by the
//! pairing to score candidates, and by the verdicts to judge a pair.

use crate::claim::{Claim, Direction, Kind, Reading, Unit};

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
/// 20% apart. Qualified on both sides, written values must agree at the
/// coarser precision; on one side only, within rounding plus the
/// qualifier's tolerance (10%), so "hơn 4 tỷ" still rounds "4.3 billion".
fn bases_close(vi: &Claim, en: &Claim, a: &Reading, b: &Reading) -> bool {
    let qualified = |c: &Claim| {
        c.qualifier
            .as_ref()
            .is_some_and(|q| q.kind.direction() != Direction::Exact)
    };
    if vi.vague || en.vague || !(qualified(vi) || qualified(en)) {
        return true;
    }
    if qualified(vi) && qualified(en) {
        // Two bounds or two estimates of one figure state the same written
        // value, at the coarser precision: "hơn 4 tỷ" rounds "more than 4.3
        // billion", but "khoảng 13.000" is not "about 12,000".
        let tol = a.precision.max(b.precision) + 1e-9 * a.value.abs().max(b.value.abs());
        return (a.value - b.value).abs() <= tol && (a.value_hi - b.value_hi).abs() <= tol;
    }
    let tolerance = |x: f64, y: f64| a.precision.max(b.precision) + 0.1 * x.abs().max(y.abs());
    (a.value - b.value).abs() <= tolerance(a.value, b.value)
        && (a.value_hi - b.value_hi).abs() <= tolerance(a.value_hi, b.value_hi)
}

/// Feet rendered as metres, pounds as kilograms: a conversion is rounded by
/// nature, so it is compared with 15% of slack and its qualifiers are not
/// weighed against each other.
pub(super) fn converted(vi: &Claim, en: &Claim) -> bool {
    matches!(dimension(vi), Dimension::Length | Dimension::Measure(_))
        && vi.unit_id.is_some()
        && en.unit_id.is_some()
        && vi.unit_id != en.unit_id
}

/// How two claims' values relate, over every pair of readings.
pub fn relate(vi: &Claim, en: &Claim) -> Related {
    let (dv, de) = (dimension(vi), dimension(en));
    let none = Related {
        relation: Relation::Incomparable,
        vi: 0,
        en: 0,
    };
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
    if !comparable(&dv, &de) {
        return none;
    }
    if dv == Dimension::Date {
        let (Some(a), Some(b)) = (&vi.date, &en.date) else {
            return none;
        };
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
    let widen = |i: &crate::claim::Interval| {
        if converted {
            crate::claim::Interval {
                lo: i.lo - 0.15 * i.lo.abs(),
                hi: i.hi + 0.15 * i.hi.abs(),
                lo_open: false,
                hi_open: false,
            }
        } else {
            *i
        }
    };
    best_reading(vi, en, |a, b| {
        if unit_differs {
            if same_written(a, b) || a.interval.overlaps(&b.interval) {
                Relation::UnitDiff
            } else {
                Relation::Disjoint
            }
        } else if widen(&a.interval).overlaps(&widen(&b.interval))
            && (bases_close(vi, en, a, b) || converted)
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
    for (i, a) in vi.readings.iter().enumerate() {
        for (j, b) in en.readings.iter().enumerate() {
            let r = relation(a, b);
            if r > best.relation {
                best = Related {
                    relation: r,
                    vi: i,
                    en: j,
                };
            }
        }
    }
    best
}
