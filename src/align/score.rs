//! Scores: how strongly a Vietnamese claim and an English claim look like the
//! same figure, from their values and the context they share.

use rustc_hash::FxHashMap;

use super::context::Contexts;
use super::monotonic::shared_count;
use crate::claim::{Claim, Kind};
use crate::compare::{Related, Relation};

/// Sentences with more anchors than this have their shared count cached: a
/// paragraph of thousands of figures in one sentence would otherwise merge
/// the same two long lists for every pair of its claims.
const CACHE_FROM: usize = 32;

/// The context two claims share, with a cache of sentence overlaps.
pub struct Overlap<'a> {
    contexts: &'a Contexts,
    cache: FxHashMap<(usize, usize), usize>,
}

impl<'a> Overlap<'a> {
    pub fn new(contexts: &'a Contexts) -> Self {
        Overlap {
            contexts,
            cache: FxHashMap::default(),
        }
    }

    /// How many anchors the sentences of two claims share.
    fn sentences(&mut self, v: usize, e: usize) -> usize {
        let (sv, se) = (
            self.contexts.of[v].sentence_id as usize,
            self.contexts.of[e].sentence_id as usize,
        );
        let (a, b) = (self.contexts.sentence(sv), self.contexts.sentence(se));
        if a.len() < CACHE_FROM || b.len() < CACHE_FROM {
            return shared_count(a, b);
        }
        *self
            .cache
            .entry((sv, se))
            .or_insert_with(|| shared_count(a, b))
    }

    /// Context shared by two claims, weighted: a year right beside both
    /// counts most, then names and terms near both, then anything in both
    /// sentences.
    pub fn shared(&mut self, v: usize, e: usize) -> f64 {
        let c = self.contexts;
        let years = c
            .years_beside(v)
            .iter()
            .filter(|y| c.years_beside(e).contains(y))
            .count() as f64;
        let near = shared_count(c.near_anchors(v), c.near_anchors(e)) as f64;
        let subject = c
            .subject(v)
            .iter()
            .filter(|s| c.subject(e).contains(s))
            .count() as f64;
        let sentence = self.sentences(v, e) as f64;
        1.2 * years + 0.4 * near + 0.2 * sentence + 0.4 * subject
    }
}

/// How much the values alone say two claims are the same figure. Equal
/// written values score highest; overlapping intervals score by how close
/// the written values are ("80%" overlaps "as low as 50%" but is far from it).
pub fn value_score(vi: &Claim, en: &Claim, rel: Related) -> Option<f64> {
    Some(match rel.relation {
        Relation::Incomparable => return None,
        Relation::Equal => 3.0,
        Relation::Compatible if vi.vague && en.vague => 2.5,
        Relation::Compatible => {
            // Distance between the written values (a range spans its ends).
            let (a, b) = (&vi.readings[rel.vi], &en.readings[rel.en]);
            let scale = a.value_hi.abs().max(b.value_hi.abs());
            // A conversion's rounding error is no distance.
            let gap = (a.value - b.value_hi).max(b.value - a.value_hi);
            let gap = if gap <= 1e-9 * scale { 0.0 } else { gap };
            let closeness = if scale == 0.0 {
                1.0
            } else {
                1.0 - (gap / scale).min(1.0)
            };
            1.0 + closeness
        }
        Relation::UnitDiff => 1.5,
        Relation::ScaleOff => 1.2,
        Relation::Disjoint => 0.3,
    })
}

/// Two figures whose values disagree are the same claim changed only when
/// their magnitudes are close (within a factor of 20: "$35 million" /
/// "25 triệu USD", "4.3" / "43"); "1" and "1,400" are different claims.
pub fn plausible_mismatch(vi: &Claim, en: &Claim, rel: Related) -> bool {
    if rel.relation != Relation::Disjoint {
        return true;
    }
    let (a, b) = (
        vi.readings[rel.vi].value.abs(),
        en.readings[rel.en].value.abs(),
    );
    // Dates and times of day have no magnitude to compare ("00:14" /
    // "11:14"); two orders of magnitude ("millions of years" / "vài tỷ
    // năm").
    // An hour "until" which ("đến 21 giờ") has none either against a time.
    let until_hour = en.kind == Kind::Time
        && vi
            .qualifier
            .as_ref()
            .is_some_and(|q| q.kind == crate::claim::QualifierKind::AtMost);
    if matches!(vi.kind, Kind::Date | Kind::Time)
        || until_hour
        || (vi.vague && en.vague)
        || a.max(b) == 0.0
    {
        return true;
    }
    // Zero has no magnitude to compare: it is a small figure changed
    // ("zero percent" / "1%", "to zero" / "về 1") only against one no
    // larger than the factor itself.
    if a.min(b) == 0.0 {
        return a.max(b) <= ZERO_NEAR;
    }
    a.max(b) / a.min(b) <= 20.0
}

/// The largest figure that may be a changed zero (see `plausible_mismatch`).
const ZERO_NEAR: f64 = 20.0;

/// How strongly a Vietnamese claim and an English claim of the translation
/// look like the same figure, or `None` when they cannot be.
pub fn pair_score(
    claims: &[Claim],
    overlap: &mut Overlap,
    v: usize,
    e: usize,
    rel: Related,
) -> Option<f64> {
    let (vi, en) = (&claims[v], &claims[e]);
    let value = value_score(vi, en, rel)?;
    if !plausible_mismatch(vi, en, rel) {
        return None;
    }
    // A bare count against a figure with a unit: the same only if equal.
    if crate::compare::implicit(vi, en) && rel.relation < Relation::Compatible {
        return None;
    }
    // A bare count or a year that disagrees is the same claim changed only
    // when something near it agrees (a name, a term, a year beside it).
    let c = overlap.contexts;
    if rel.relation == Relation::Disjoint
        && matches!(vi.kind, Kind::Count | Kind::Year)
        && shared_count(c.near_anchors(v), c.near_anchors(e)) == 0
        && !c
            .years_beside(v)
            .iter()
            .any(|y| c.years_beside(e).contains(y))
    {
        return None;
    }
    let kind = if vi.kind == en.kind { 0.3 } else { 0.0 };
    let context = overlap.shared(v, e).min(2.0);
    // A weak (spelled-out, bare) figure needs its value to match.
    if (vi.weak || en.weak) && rel.relation < Relation::Compatible {
        return None;
    }
    Some(value + kind + context)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testing::read;
    use crate::claim::Claim;
    use crate::claim::Section;
    use crate::compare::relate;

    #[test]
    fn values_then_context_decide_the_score() {
        let r = read(
            "Huawei chi 25 tỷ USD; Apple chi 31 tỷ USD.\n\
             Huawei spent $25 billion; Apple spent $30 billion.\n",
        );
        let mut overlap = Overlap::new(&r.contexts);
        let score = |o: &mut Overlap, v: &str, e: &str| {
            let (v, e) = (
                r.claim(Section::Translation, v),
                r.claim(Section::Original, e),
            );
            pair_score(&r.claims, o, v, e, relate(&r.claims[v], &r.claims[e]))
        };
        let equal = score(&mut overlap, "25 tỷ USD", "$25 billion").unwrap();
        let changed = score(&mut overlap, "31 tỷ USD", "$30 billion").unwrap();
        let crossed = score(&mut overlap, "31 tỷ USD", "$25 billion").unwrap();
        assert!(
            equal > changed && changed > crossed,
            "{equal} {changed} {crossed}"
        );
    }

    #[test]
    fn a_changed_bare_count_needs_something_near_it() {
        let r = read("Có 12 người đến.\nThere were 15 visitors and 3 cars.\n");
        let mut overlap = Overlap::new(&r.contexts);
        let v = r.claim(Section::Translation, "12");
        let e = r.claim(Section::Original, "15");
        let rel = relate(&r.claims[v], &r.claims[e]);
        assert_eq!(rel.relation, Relation::Disjoint);
        assert_eq!(pair_score(&r.claims, &mut overlap, v, e, rel), None);
        // Magnitudes twenty times apart are no changed figure at all.
        let r = read("Có 1.400 sản phẩm.\nThere were 2 products and 70 shops.\n");
        let v = &r.claims[r.claim(Section::Translation, "1.400")];
        let disjoint = |e: &Claim| {
            let rel = relate(v, e);
            assert_eq!(rel.relation, Relation::Disjoint);
            plausible_mismatch(v, e, rel)
        };
        assert!(!disjoint(&r.claims[r.claim(Section::Original, "2")]));
        assert!(disjoint(&r.claims[r.claim(Section::Original, "70")]));
    }
}
