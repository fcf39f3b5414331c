//! The verdict on a pair: which finding (if any) the relation of a
//! Vietnamese claim and its English source deserves, with its severity and a
//! message naming both values. Most pairs deserve none, so the message is
//! written only for a finding.

use super::messages::both;
use super::relate::{Related, Relation, converted, same_written, significant};
use crate::claim::{Claim, Direction, Kind, QualifierKind, human_num};
use crate::diagnostic::{Code, Severity};

/// A verdict on a pair: the code, its severity and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
}

/// A finding before its message: the code, the severity, and what follows
/// the two quoted values ("the qualifier was dropped"), if anything.
struct Call {
    code: Code,
    severity: Severity,
    why: Option<String>,
}

fn call(code: Code, why: &str) -> Option<Call> {
    Some(Call {
        code,
        severity: code.severity(),
        why: Some(why.to_string()),
    })
}

/// The qualifier kind of a claim, when it is a hedge (not emphasis or "down to").
fn hedge(c: &Claim) -> Option<QualifierKind> {
    c.qualifier
        .as_ref()
        .map(|q| q.kind)
        .filter(|k| !matches!(k.direction(), Direction::Exact))
}

/// Judge a paired Vietnamese claim against its English source.
pub fn judge(vi: &Claim, en: &Claim, rel: Related) -> Option<Verdict> {
    let c = match rel.relation {
        Relation::Compatible | Relation::Equal => judge_compatible(vi, en, rel),
        _ => judge_apart(vi, en, rel),
    }?;
    let head = both(vi, &vi.readings[rel.vi], en, &en.readings[rel.en]);
    Some(Verdict {
        code: c.code,
        severity: c.severity,
        message: match c.why {
            Some(why) => format!("{head}: {why}"),
            None => head,
        },
    })
}

/// Values that do not meet: another unit, another scale, another value.
fn judge_apart(vi: &Claim, en: &Claim, rel: Related) -> Option<Call> {
    let (rv, re) = (&vi.readings[rel.vi], &en.readings[rel.en]);
    match rel.relation {
        Relation::UnitDiff => call(Code::UnitMismatch, "a different unit"),
        Relation::ScaleOff => {
            let factor = (rv.value / re.value).abs();
            let how = if factor > 1.0 {
                format!("{} times larger", human_num(factor))
            } else {
                format!("{} times smaller", human_num(1.0 / factor))
            };
            call(Code::ScaleMismatch, &how)
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
                let mut c = call(Code::HedgeChanged, "the qualifier points the other way")?;
                c.severity = Severity::Error;
                return Some(c);
            }
            if (vi.range || en.range) && !(vi.range && en.range) {
                return call(Code::ValueMismatch, "outside the range");
            }
            Some(Call {
                code: Code::ValueMismatch,
                severity: Code::ValueMismatch.severity(),
                why: None,
            })
        }
        Relation::Incomparable | Relation::Compatible | Relation::Equal => None,
    }
}

/// A figure that meets its source without being a rounder one was changed,
/// not rounded: "hơn 347" for "348", "tới 100.010" for "100,000", "gần 61"
/// for "nearly 60" ("khoảng 350" for "348" rounds). Ranges are judged on
/// their own, and a span of years is a mention of time: "năm 2015" for
/// "between 2015 and 2020" does not round it.
fn changed_not_rounded(vi: &Claim, en: &Claim, rel: Related) -> bool {
    let (rv, re) = (&vi.readings[rel.vi], &en.readings[rel.en]);
    let plain = |c: &Claim| !(c.vague || c.range && c.kind == Kind::Year);
    rel.relation == Relation::Compatible
        && plain(vi)
        && plain(en)
        && !same_written(rv, re)
        && significant(rv) <= significant(re)
}

/// Values that meet: a range, a hedge or a rounding may still have changed.
fn judge_compatible(vi: &Claim, en: &Claim, rel: Related) -> Option<Call> {
    let relation = rel.relation;
    let changed = changed_not_rounded(vi, en, rel);
    let changed_or = |otherwise: Option<Call>| {
        if changed {
            Some(Call {
                code: Code::ValueMismatch,
                severity: Code::ValueMismatch.severity(),
                why: None,
            })
        } else {
            otherwise
        }
    };
    // A code and the same digits read as a figure ("737-800" as a range)
    // are the same code.
    if vi.kind == Kind::Literal || en.kind == Kind::Literal {
        return None;
    }
    // Ranges first: a range that became a point or another range.
    // Years and decades are mentions of time, not estimates: "2018-19" for
    // "năm 2018", "the 1990s" for "1990" are not range changes.
    let years = vi.kind == Kind::Year && en.kind == Kind::Year;
    // Two spans of years state their ends: "2010 to 2017" is not "từ năm 2000
    // đến 2017", though they overlap.
    if years && vi.range && en.range && relation != Relation::Equal {
        return Some(Call {
            code: Code::ValueMismatch,
            severity: Code::ValueMismatch.severity(),
            why: Some("the years changed".to_string()),
        });
    }
    let en_range = en.range && !en.vague && !years;
    let vi_range = vi.range && !vi.vague && !years;
    if (en_range || vi_range) && !(en_range && vi_range && relation == Relation::Equal) {
        let what = match (en_range, vi_range) {
            (true, false) => "a range became a single figure",
            (false, true) => "a single figure became a range",
            _ => "the range changed",
        };
        return call(Code::RangeChanged, what);
    }
    // "about four women", "over three generations": before a spelled-out
    // small count a loose qualifier, also a preposition or a comparative,
    // may be none ("về bốn người phụ nữ", "qua ba thế hệ"), so it is not
    // judged there; a firm one is, and so is any before a figure with a
    // unit ("more than a decade" / "một thập kỷ", "about a decade ago").
    let loose = |c: &Claim| c.qualifier.as_ref().is_some_and(|q| q.loose);
    let bare = vi.kind == Kind::Count || en.kind == Kind::Count;
    let weak_judged =
        (vi.qualifier.is_some() || en.qualifier.is_some()) && !(bare && (loose(vi) || loose(en)));
    if (vi.weak || en.weak) && !weak_judged || converted(vi, en) {
        return None;
    }
    let (hv, he) = (hedge(vi), hedge(en));
    // "bị chậm hơn 6 tiếng" may say "more than six hours" as well as "six
    // hours later": a comparative's hedge is not dropped when it is the
    // original's.
    if hv.is_none()
        && let (Some(e), Some(v)) = (he, vi.maybe_hedge)
        && e.direction() == v.direction()
    {
        return None;
    }
    match (he, hv) {
        // Dropped only when the same figure is stated flat; "58%" for "more
        // than half" is a consistent, more specific figure.
        // A bound ("almost", "more than", "as low as") stated flat overstates;
        // an estimate stated flat claims a precision the source lacks.
        (Some(QualifierKind::Approx), None) if relation == Relation::Equal => call(
            Code::ApproximationDropped,
            "the estimate is stated as exact",
        ),
        (Some(_), None) if relation == Relation::Equal => {
            call(Code::HedgeDropped, "the qualifier was dropped")
        }
        // A bound stated as a different flat figure is caught by the written
        // values above; an approximation rounded to a flat figure is rounding.
        (Some(QualifierKind::Approx), None) => changed_or(call(Code::Rounded, "rounded")),
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
                call(Code::HedgeChanged, "the qualifier points the other way")
            } else if around_to_bound {
                call(
                    Code::HedgeChanged,
                    "an estimate became a bound, or a bound an estimate",
                )
            } else {
                changed_or(None)
            }
        }
        (None, Some(_)) => {
            if relation == Relation::Equal {
                call(Code::HedgeAdded, "a qualifier was added")
            } else {
                changed_or(call(Code::Rounded, "rounded"))
            }
        }
        (None, None) => {
            if relation == Relation::Compatible && !vi.vague && !en.vague {
                changed_or(call(Code::Rounded, "rounded"))
            } else {
                None
            }
        }
    }
}
