//! Comparison: how a Vietnamese claim relates to its English source, and the
//! finding (if any) that relation deserves.
//!
//! Owns the semantics of the verdicts: claims are compared as intervals with
//! qualifiers, never as strings. `relate` measures how two claims' values
//! relate (used by pairing to score candidates, and here to judge), `judge`
//! turns a pair into a finding with a code, a severity and a message an
//! editor understands.

use crate::claim::{Claim, Direction, Kind, QualifierKind, Reading, Unit, human_num};
use crate::diagnostic::{Code, Severity};

/// What two claims measure, for deciding whether they can be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dimension {
    /// Percent and fractions ("25%", "one-quarter").
    Share,
    PercentagePoint,
    Money,
    Length,
    Measure(String),
    Year,
    Date,
    Duration,
    Count,
    Multiplier,
}

pub fn dimension(c: &Claim) -> Dimension {
    match c.kind {
        Kind::Percent | Kind::Fraction => Dimension::Share,
        Kind::PercentagePoint => Dimension::PercentagePoint,
        Kind::Money => Dimension::Money,
        Kind::Length => Dimension::Length,
        Kind::Measure => match &c.unit {
            Unit::Measure(d) => Dimension::Measure(d.clone()),
            _ => Dimension::Measure(String::new()),
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
fn comparable(a: &Dimension, b: &Dimension) -> bool {
    a == b
        || matches!(
            (a, b),
            (Dimension::Share, Dimension::PercentagePoint)
                | (Dimension::PercentagePoint, Dimension::Share)
        )
}

/// True when two claims' dimensions differ only by a unit one side left
/// implicit (see `implicit_unit`).
pub fn implicit(vi: &Claim, en: &Claim) -> bool {
    implicit_unit(&dimension(vi), &dimension(en))
}

/// A bare count may be the same figure as a claim whose unit one side left
/// implicit: money ("bet billions" / "hàng tỷ USD"), times ("viewed 23
/// million times" / "23 triệu lượt xem"), or a number that merely looks like
/// a year ("1,400 products" / "1400 sản phẩm").
fn implicit_unit(a: &Dimension, b: &Dimension) -> bool {
    let implicit = |d: &Dimension| {
        matches!(
            d,
            Dimension::Money | Dimension::Multiplier | Dimension::Year
        ) || *d == Dimension::Measure("age".into())
    };
    (*a == Dimension::Count && implicit(b)) || (*b == Dimension::Count && implicit(a))
}

/// The same value at the finer of the two precisions: "4" and "4.3" are not
/// the same written value (that is rounding), "25%" and "one-quarter" are.
fn same_written(a: &Reading, b: &Reading) -> bool {
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
/// 20% apart. Written values must agree within rounding plus the
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
    let tolerance = |x: f64, y: f64| a.precision.max(b.precision) + 0.1 * x.abs().max(y.abs());
    (a.value - b.value).abs() <= tolerance(a.value, b.value)
        && (a.value_hi - b.value_hi).abs() <= tolerance(a.value_hi, b.value_hi)
}

/// Feet rendered as metres, pounds as kilograms: a conversion is rounded by
/// nature, so it is compared with 15% of slack and its qualifiers are not
/// weighed against each other.
fn converted(vi: &Claim, en: &Claim) -> bool {
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
    if implicit_unit(&dv, &de) {
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

/// A verdict on a pair: the code, its severity and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
}

fn verdict(code: Code, message: String) -> Option<Verdict> {
    Some(Verdict {
        code,
        severity: code.severity(),
        message,
    })
}

/// The qualifier kind of a claim, when it is a hedge (not emphasis or "down to").
fn hedge(c: &Claim) -> Option<QualifierKind> {
    c.qualifier
        .as_ref()
        .map(|q| q.kind)
        .filter(|k| !matches!(k.direction(), Direction::Exact))
}

/// How an editor reads a claim: its text, then what it means when the text
/// alone does not say it ("almost one-quarter (just under 25%)").
pub fn quote(c: &Claim, r: &Reading) -> String {
    let meaning = meaning(c, r);
    if meaning.is_empty() || normalize_spaces(&meaning) == normalize_spaces(&c.text) {
        format!("\"{}\"", c.text)
    } else {
        format!("\"{}\" ({meaning})", c.text)
    }
}

fn normalize_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value in plain English with its qualifier's meaning: "just under 25%".
pub fn meaning(c: &Claim, r: &Reading) -> String {
    let unit = match (&c.duration_unit, c.kind) {
        (Some((name, _)), _) => format!(" {name}s"),
        (None, Kind::Year | Kind::Count | Kind::Date) => String::new(),
        (None, _) => c.unit.symbol(),
    };
    let value = c.value_text(r);
    let words = match c.qualifier.as_ref().map(|q| q.kind) {
        None | Some(QualifierKind::Emphasis) | Some(QualifierKind::ChangeTo) => "",
        Some(QualifierKind::BelowClose) => "just under ",
        Some(QualifierKind::Approx) => "about ",
        Some(QualifierKind::Above) => "more than ",
        Some(QualifierKind::AboveClose) => "just over ",
        Some(QualifierKind::AtLeast) => "at least ",
        Some(QualifierKind::Below) => "less than ",
        Some(QualifierKind::AtMost) => "at most ",
    };
    let vague = if c.vague {
        "an order of magnitude, "
    } else {
        ""
    };
    format!("{vague}{words}{value}{unit}")
}

/// Judge a paired Vietnamese claim against its English source.
pub fn judge(vi: &Claim, en: &Claim, rel: Related) -> Option<Verdict> {
    let (rv, re) = (&vi.readings[rel.vi], &en.readings[rel.en]);
    let side = vi.section.name();
    let says = |c: &Claim, r: &Reading| quote(c, r);
    let both = format!(
        "the original says {}; the {side} says {}",
        says(en, re),
        says(vi, rv)
    );
    match rel.relation {
        Relation::Incomparable => None,
        Relation::UnitDiff => verdict(Code::UnitMismatch, format!("{both}: a different unit")),
        Relation::ScaleOff => {
            let factor = (rv.value / re.value).abs();
            let how = if factor > 1.0 {
                format!("{} times larger", human_num(factor))
            } else {
                format!("{} times smaller", human_num(1.0 / factor))
            };
            verdict(Code::ScaleMismatch, format!("{both}: {how}"))
        }
        Relation::Disjoint => {
            let (hv, he) = (hedge(vi), hedge(en));
            let opposite = matches!(
                (
                    hv.map(QualifierKind::direction),
                    he.map(QualifierKind::direction)
                ),
                (Some(Direction::Above), Some(Direction::Below))
                    | (Some(Direction::Below), Some(Direction::Above))
            );
            if opposite && same_written(rv, re) {
                let mut v = verdict(
                    Code::HedgeChanged,
                    format!("{both}: the qualifier points the other way"),
                )?;
                v.severity = Severity::Error;
                return Some(v);
            }
            if (vi.range || en.range) && !(vi.range && en.range) {
                return verdict(Code::ValueMismatch, format!("{both}: outside the range"));
            }
            verdict(Code::ValueMismatch, both)
        }
        Relation::Compatible | Relation::Equal => judge_compatible(vi, en, rel.relation, &both),
    }
}

fn judge_compatible(vi: &Claim, en: &Claim, relation: Relation, both: &str) -> Option<Verdict> {
    // Ranges first: a range that became a point or another range.
    // Years and decades are mentions of time, not estimates: "2018-19" for
    // "năm 2018", "the 1990s" for "1990" are not range changes.
    let years = vi.kind == Kind::Year && en.kind == Kind::Year;
    let en_range = en.range && !en.vague && !years;
    let vi_range = vi.range && !vi.vague && !years;
    if (en_range || vi_range) && !(en_range && vi_range && relation == Relation::Equal) {
        let what = match (en_range, vi_range) {
            (true, false) => "a range became a single figure",
            (false, true) => "a single figure became a range",
            _ => "the range changed",
        };
        return verdict(Code::RangeChanged, format!("{both}: {what}"));
    }
    // "about four women", "over three generations": spelled-out small numbers
    // are too idiomatic for their qualifiers to be judged.
    if vi.weak || en.weak || converted(vi, en) {
        return None;
    }
    let (hv, he) = (hedge(vi), hedge(en));
    match (he, hv) {
        // Dropped only when the same figure is stated flat; "58%" for "more
        // than half" is a consistent, more specific figure.
        (Some(e), None) if relation == Relation::Equal => {
            let mut v = verdict(
                Code::HedgeDropped,
                format!("{both}: the qualifier was dropped"),
            )?;
            // An approximation stated exactly keeps its direction; a bound
            // ("almost", "more than", "as low as") stated flat overstates.
            if e == QualifierKind::Approx {
                v.severity = Severity::Info;
            }
            Some(v)
        }
        // A bound stated as a different flat figure is caught by the written
        // values above; an approximation rounded to a flat figure is rounding.
        (Some(QualifierKind::Approx), None) => verdict(Code::Rounded, format!("{both}: rounded")),
        (Some(_), None) => None,
        (Some(e), Some(v)) => {
            let (de, dv) = (e.direction(), v.direction());
            let opposite = matches!(
                (de, dv),
                (Direction::Above, Direction::Below) | (Direction::Below, Direction::Above)
            );
            // "about 30%" and "hơn 30%": an estimate became a bound.
            let around_to_bound = matches!(
                (de, dv),
                (Direction::Around, Direction::Above | Direction::Below)
                    | (Direction::Above | Direction::Below, Direction::Around)
            );
            if opposite {
                verdict(
                    Code::HedgeChanged,
                    format!("{both}: the qualifier points the other way"),
                )
            } else if around_to_bound {
                verdict(
                    Code::HedgeChanged,
                    format!("{both}: an estimate became a bound, or a bound an estimate"),
                )
            } else {
                None
            }
        }
        (None, Some(_)) => {
            if relation == Relation::Equal {
                verdict(Code::HedgeAdded, format!("{both}: a qualifier was added"))
            } else {
                verdict(Code::Rounded, format!("{both}: rounded"))
            }
        }
        (None, None) => {
            if relation == Relation::Compatible && !vi.vague && !en.vague {
                verdict(Code::Rounded, format!("{both}: rounded"))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;
    use crate::claim::Section;
    use crate::extract::extract_line;
    use crate::lang::Lang;
    use crate::normalize::Line;

    fn one(lang: Lang, section: Section, text: &str) -> Claim {
        let mut v = extract_line(builtin(), lang, section, &Line::new(1, text));
        assert_eq!(
            v.len(),
            1,
            "{text}: {:?}",
            v.iter().map(Claim::key).collect::<Vec<_>>()
        );
        v.remove(0)
    }

    fn code(vi: &str, en: &str) -> Option<(&'static str, Severity)> {
        let v = one(Lang::Vi, Section::Translation, vi);
        let e = one(Lang::En, Section::Original, en);
        let rel = relate(&v, &e);
        judge(&v, &e, rel).map(|v| (v.code.name(), v.severity))
    }

    #[test]
    fn equivalent_renderings_are_quiet() {
        for (vi, en) in [
            ("6.000 tỷ USD", "$6 trillion"),
            ("6 nghìn tỷ USD", "$6 trillion"),
            ("hơn 50%", "more than half"),
            ("hơn một nửa", "more than half"),
            ("4,3 tỷ nhân dân tệ", "4.3 billion yuan"),
            ("chip 7nm", "7 nanometres"),
            ("tháng 12", "in December"),
            ("ngày 24 tháng 1", "Jan 24"),
            ("1.600 người", "1,600 people"),
            ("16,700 người", "16,700 people"),
            ("2 tháng", "two months"),
            ("58%", "Fifty-eight percent"),
            ("gần một phần tư", "almost one-quarter"),
            ("hai mươi lăm phần trăm", "25%"),
            ("6 triệu đô la Mỹ", "$6 million"),
            ("hàng tỷ USD", "billions of dollars"),
            ("11% đến 19%", "11% to 19%"),
            ("hơn 4 năm", "more than four years"),
            ("chỉ 6 triệu USD", "$6 million"),
            ("6 triệu USD", "just $6 million"),
            ("33%", "a third"),
        ] {
            assert_eq!(code(vi, en), None, "{vi} / {en}");
        }
    }

    #[test]
    fn every_code() {
        use Severity::*;
        for (vi, en, want) in [
            ("25 triệu USD", "$35 million", ("value-mismatch", Error)),
            ("1,2 triệu USD", "$1.2 billion", ("scale-mismatch", Error)),
            ("6 tỷ USD", "$6 trillion", ("scale-mismatch", Error)),
            ("120 triệu euro", "$120 million", ("unit-mismatch", Error)),
            ("5%", "5 percentage points", ("unit-mismatch", Error)),
            ("25%", "almost one-quarter", ("hedge-dropped", Warning)),
            ("xuống còn 50%", "as low as 50%", ("hedge-dropped", Warning)),
            ("gấp đôi", "more than double", ("hedge-dropped", Warning)),
            ("100 tỷ USD", "about $100 billion", ("hedge-dropped", Info)),
            ("gần 30%", "more than 30%", ("hedge-changed", Error)),
            (
                "ít nhất 2 tỷ USD",
                "up to $2 billion",
                ("hedge-changed", Warning),
            ),
            ("15%", "11% to 19%", ("range-changed", Warning)),
            ("11% đến 25%", "11% to 19%", ("range-changed", Warning)),
            ("khoảng 100 tỷ USD", "$100 billion", ("hedge-added", Info)),
            ("hơn 4 tỷ USD", "$4.3 billion", ("rounded", Info)),
            ("4 tỷ USD", "$4.3 billion", ("rounded", Info)),
            ("4,5 tỷ USD", "$4.3 billion", ("value-mismatch", Error)),
            ("43 tỷ USD", "$4.3 billion", ("value-mismatch", Error)),
            ("tháng 11", "in March", ("value-mismatch", Error)),
        ] {
            assert_eq!(code(vi, en), Some(want), "{vi} / {en}");
        }
    }

    #[test]
    fn messages_name_both_values() {
        let v = one(Lang::Vi, Section::Summary, "25% doanh thu");
        let e = one(
            Lang::En,
            Section::Original,
            "almost one-quarter of its revenue",
        );
        let m = judge(&v, &e, relate(&v, &e)).unwrap().message;
        assert_eq!(
            m,
            "the original says \"almost one-quarter\" (just under 25%); the summary says \"25%\": the qualifier was dropped"
        );
    }

    /// Each qualifier in both directions: dropped by the Vietnamese, added by
    /// it, and kept (in the other language's words).
    #[test]
    fn every_hedge_both_ways() {
        use Severity::*;
        // (English qualifier, Vietnamese equivalent, severity when dropped)
        let hedges = [
            ("almost", "gần", Warning),
            ("nearly", "gần như", Warning),
            ("about", "khoảng", Info),
            ("around", "xấp xỉ", Info),
            ("more than", "hơn", Warning),
            ("over", "trên", Warning),
            ("at least", "ít nhất", Warning),
            ("less than", "dưới", Warning),
            ("under", "chưa đến", Warning),
            ("up to", "tối đa", Warning),
            ("as many as", "lên tới", Warning),
            ("as low as", "ít nhất", Warning),
        ];
        for (en_q, vi_q, dropped) in hedges {
            let en_hedged = format!("{en_q} 30%");
            let vi_hedged = format!("{vi_q} 30%");
            assert_eq!(
                code("30%", &en_hedged),
                Some(("hedge-dropped", dropped)),
                "{en_q} dropped"
            );
            assert_eq!(
                code(&vi_hedged, "30%"),
                Some(("hedge-added", Info)),
                "{vi_q} added"
            );
            assert_eq!(code(&vi_hedged, &en_hedged), None, "{en_q} = {vi_q}");
        }
        // Emphasis and "down to" are not hedges: nothing to report either way.
        assert_eq!(code("chỉ 30%", "30%"), None);
        assert_eq!(code("30%", "only 30%"), None);
        assert_eq!(code("xuống còn 30%", "30%"), None);
    }

    #[test]
    fn opposite_hedges() {
        use Severity::*;
        for (vi, en, severity) in [
            ("gần 30%", "more than 30%", Error),
            ("hơn 30%", "almost 30%", Error),
            ("ít nhất 30%", "up to 30%", Warning),
            ("tối đa 30%", "at least 30%", Warning),
            ("dưới 30%", "more than 30%", Error),
        ] {
            assert_eq!(
                code(vi, en),
                Some(("hedge-changed", severity)),
                "{vi} / {en}"
            );
        }
    }
}
