//! Summary sources: a summary or takeaway figure may come from anywhere in
//! the original, so each takes its best supported source among the
//! original's claims, looked up in an index instead of scanned.
//!
//! A source wins on its value (an equal figure, or one whose written range
//! meets the summary's: value score ≥ 2) or on shared context (a changed
//! figure needs context ≥ 2, which only claims whose sentence shares an
//! anchor with the summary's can reach). The index finds exactly those two
//! kinds of candidate: English readings sorted by value, and English
//! sentences by anchor. Candidates are then scored in the original's order,
//! as a full scan would, so the index changes nothing but the cost; its
//! bounds (`VALUE_CANDIDATES`, `CONTEXT_CANDIDATES`, `POSTINGS`, `ANCHORS`)
//! only bite on inputs no article has (tens of thousands of equal figures).

use rustc_hash::FxHashMap;

use super::Pair;
use super::context::Contexts;
use super::score::{Overlap, plausible_mismatch, value_score};
use crate::claim::{Claim, Kind};
use crate::compare::{Relation, implicit, relate};

/// At most this many candidates found by value, and by context, per claim.
const VALUE_CANDIDATES: usize = 64;
const CONTEXT_CANDIDATES: usize = 32;
/// At most this many sentences followed from one anchor, and anchors of one
/// summary sentence looked up.
const POSTINGS: usize = 32;
const ANCHORS: usize = 64;
/// At most this many readings examined for one value lookup.
const VALUE_SCAN: usize = 512;
/// At most this many digit groups of a literal looked up.
const LITERAL_GROUPS: usize = 4;

/// The original's claims, indexed by value and by sentence anchors.
pub struct SourceIndex<'a> {
    claims: &'a [Claim],
    contexts: &'a Contexts,
    /// Position of each English claim in the original's order, by claim.
    order: Vec<usize>,
    /// Every reading of every English claim: (low, high, claim), by low end.
    values: Vec<(f64, f64, usize)>,
    /// The largest high end among `values[..=k]`.
    max_hi: Vec<f64>,
    /// Date claims, which compare by their parts rather than their value.
    dates: Vec<usize>,
    /// Anchor → English sentences holding it, in order.
    postings: FxHashMap<u64, Vec<usize>>,
    /// English sentence → its claims, in order.
    sentence_claims: FxHashMap<usize, Vec<usize>>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(claims: &'a [Claim], contexts: &'a Contexts, en: &[usize]) -> Self {
        let mut values = Vec::new();
        let mut dates = Vec::new();
        let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut sentence_claims: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for &e in en {
            let c = &claims[e];
            if c.kind == Kind::Date {
                dates.push(e);
            }
            for r in &c.readings {
                values.push((r.value.min(r.value_hi), r.value.max(r.value_hi), e));
            }
            let sid = contexts.of[e].sentence_id as usize;
            let list = sentence_claims.entry(sid).or_default();
            if list.is_empty() {
                for &a in contexts.sentence(sid) {
                    postings.entry(a).or_default().push(sid);
                }
            }
            list.push(e);
        }
        values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut max_hi = Vec::with_capacity(values.len());
        let mut m = f64::NEG_INFINITY;
        for v in &values {
            m = m.max(v.1);
            max_hi.push(m);
        }
        let mut order = vec![usize::MAX; claims.len()];
        for (i, &e) in en.iter().enumerate() {
            order[e] = i;
        }
        SourceIndex {
            claims,
            contexts,
            order,
            values,
            max_hi,
            dates,
            postings,
            sentence_claims,
        }
    }

    /// English claims with a reading whose written range comes within
    /// `slack` of `lo..=hi`.
    fn by_value(&self, lo: f64, hi: f64, slack: f64, out: &mut Vec<usize>) {
        let end = self.values.partition_point(|v| v.0 <= hi + slack);
        for k in (0..end).rev().take(VALUE_SCAN) {
            if self.max_hi[k] < lo - slack {
                break;
            }
            if self.values[k].1 >= lo - slack {
                out.push(self.values[k].2);
            }
        }
    }

    /// The English sentences sharing the most anchors with sentence `sid`.
    fn by_context(&self, sid: usize, out: &mut Vec<usize>) {
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for a in self.contexts.sentence(sid).iter().take(ANCHORS) {
            if let Some(list) = self.postings.get(a) {
                for &s in list.iter().take(POSTINGS) {
                    *shared.entry(s).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut n = 0;
        for (s, _) in ranked {
            for &e in &self.sentence_claims[&s] {
                if n == CONTEXT_CANDIDATES {
                    return;
                }
                out.push(e);
                n += 1;
            }
        }
    }

    /// The candidates for summary claim `v`, in the original's order.
    fn candidates(&self, v: usize) -> Vec<usize> {
        let c = &self.claims[v];
        let mut out = Vec::new();
        if c.kind == Kind::Date {
            out.extend(self.dates.iter().take(VALUE_CANDIDATES));
        }
        for (lo, hi, precision) in lookup_ranges(c) {
            let slack = precision + 2e-9 * lo.abs().max(hi.abs());
            let before = out.len();
            self.by_value(lo, hi, slack, &mut out);
            out.truncate(before + VALUE_CANDIDATES);
        }
        self.by_context(self.contexts.of[v].sentence_id as usize, &mut out);
        out.sort_by_key(|&e| self.order[e]);
        out.dedup();
        out
    }

    /// The best English source of a summary or takeaway claim, if credible.
    pub fn best_source(&self, overlap: &mut Overlap, v: usize) -> Option<Pair> {
        let claims = self.claims;
        let mut best: Option<(f64, Pair)> = None;
        for e in self.candidates(v) {
            let rel = relate(&claims[v], &claims[e]);
            if rel.relation == Relation::Incomparable
                || (implicit(&claims[v], &claims[e]) && rel.relation < Relation::Compatible)
            {
                continue;
            }
            let context = 1.25 * overlap.shared(v, e);
            let value = match rel.relation {
                Relation::Equal | Relation::Compatible => {
                    match value_score(&claims[v], &claims[e], rel) {
                        Some(s) => s,
                        None => continue,
                    }
                }
                // The same number written in another unit or scale is most
                // likely the original's figure ("91 triệu euro" for "$91
                // million", "758 tỷ USD" for "$758 million").
                Relation::UnitDiff | Relation::ScaleOff
                    if same_number(&claims[v], &claims[e], rel) =>
                {
                    2.0
                }
                Relation::UnitDiff => 1.0,
                Relation::ScaleOff => 1.0,
                Relation::Disjoint => 0.0,
                Relation::Incomparable => continue,
            };
            // A figure whose value matches needs little context; the same
            // number in another unit or scale some; one that does not must be
            // anchored firmly (same names and terms) to count as its source.
            let needed = match rel.relation {
                _ if value >= 2.0 => 0.0,
                Relation::UnitDiff | Relation::ScaleOff => 1.0,
                _ => 2.0,
            };
            if (claims[v].weak || claims[e].weak) && value < 2.0
                || !plausible_mismatch(&claims[v], &claims[e], rel)
            {
                continue;
            }
            if context < needed {
                continue;
            }
            let kind = if claims[v].kind == claims[e].kind {
                0.3
            } else {
                0.0
            };
            let score = value + context + kind;
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((
                    score,
                    Pair {
                        vi: v,
                        en: e,
                        related: rel,
                    },
                ));
            }
        }
        best.map(|(_, p)| p)
    }
}

/// True when the two figures write the same number before their scale
/// words and units ("758" of "758 tỷ USD" and of "$758 million").
fn same_number(vi: &Claim, en: &Claim, rel: crate::compare::Related) -> bool {
    let written = |c: &Claim, r: usize| c.readings[r].value / c.scale;
    written(vi, rel.vi) == written(en, rel.en)
}

/// The value ranges a summary claim's source may be looked up by: each
/// reading as written (a vague one by its whole order of magnitude), and the
/// same figure in the canonical unit of a dimension the comparison takes as
/// equivalent ("13 năm" against "13-year-old", "15 giờ" against "3 p.m.").
fn lookup_ranges(c: &Claim) -> Vec<(f64, f64, f64)> {
    let mut out = Vec::new();
    // A literal is its digit groups: "737-800" may be the original's
    // "737-800" read as a range, or "Boeing 737".
    if c.kind == Kind::Literal {
        // At most a few groups: a code is short, a hostile one is not.
        let groups = c.text.split(|ch: char| !ch.is_ascii_digit());
        for v in groups
            .filter_map(|g| g.parse::<f64>().ok())
            .take(LITERAL_GROUPS)
        {
            out.push((v, v, 0.5));
        }
    }
    // A day and a month may be the original's label ("the 9/11 litigation").
    if let Some(v) = c.date.as_ref().and_then(|d| d.as_literal()) {
        out.push((v, v, 0.5));
    }
    for r in &c.readings {
        let (lo, hi) = if c.vague {
            (r.interval.lo, r.interval.hi)
        } else {
            (r.value.min(r.value_hi), r.value.max(r.value_hi))
        };
        out.push((lo, hi, r.precision));
        for f in crate::compare::equivalent_factors(c) {
            out.push((lo * f, hi * f, r.precision * f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::score::Overlap;
    use crate::align::testing::read;
    use crate::claim::Section;

    fn source(text: &str, summary: &str) -> Option<String> {
        source_at(text, summary).map(|s| s.0)
    }

    /// The text and line of the source found.
    fn source_at(text: &str, summary: &str) -> Option<(String, usize)> {
        let r = read(text);
        let en: Vec<usize> = (0..r.claims.len())
            .filter(|&i| r.claims[i].section == Section::Original)
            .collect();
        let index = SourceIndex::new(&r.claims, &r.contexts, &en);
        let mut overlap = Overlap::new(&r.contexts);
        let v = r.claim(Section::Summary, summary);
        index
            .best_source(&mut overlap, v)
            .map(|p| (r.claims[p.en].text.clone(), r.claims[p.en].line))
    }

    const ARTICLE: &str = "- Huawei chi gần 25% doanh thu cho nghiên cứu\n\
        - Doanh thu của Huawei đạt 120 tỷ USD\n\
        - Công ty có 5.000 việc làm mới\n\
        https://example.com/a\n\
        Huawei spent 10% on marketing and almost one-quarter of its revenue on research.\n\
        Huawei's revenue reached $100 billion in 2023, while Apple earned $120 billion.\n";

    #[test]
    fn an_equal_figure_anywhere_is_the_source() {
        assert_eq!(
            source(ARTICLE, "gần 25%").as_deref(),
            Some("almost one-quarter")
        );
    }

    #[test]
    fn a_changed_figure_needs_shared_names_and_terms() {
        // "120 tỷ USD" equals Apple's figure: the value wins.
        assert_eq!(
            source(ARTICLE, "120 tỷ USD").as_deref(),
            Some("$120 billion")
        );
        // Nothing in the original is about jobs.
        assert_eq!(source(ARTICLE, "5.000"), None);
    }

    #[test]
    fn the_index_finds_what_a_full_scan_finds() {
        // Many equal figures: the candidates stay bounded, and the best one
        // (the same sentence's names) is among them.
        let mut text = String::from("- Doanh thu của Sao Mai tăng 5%\nhttps://example.com/a\n");
        for i in 0..2_000 {
            text.push_str(&format!("Company {i} grew 5%.\n"));
        }
        text.push_str("Sao Mai revenue grew 5%.\n");
        assert_eq!(source_at(&text, "5%"), Some(("5%".into(), 2_003)));
    }
}
