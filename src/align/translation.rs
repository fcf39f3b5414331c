//! Pairing the translation with the original: paragraphs aligned, then the
//! sentences of each aligned paragraph group; claims paired inside aligned
//! units by kind, value and context, best first; then a figure left alone in
//! its aligned sentence on each side; then leftovers against the
//! neighbouring groups.

use std::fmt::Write as _;

use super::Pair;
use super::context::{AnchorKind, Contexts, anchor};
use super::monotonic::{self, Blocks, Groups};
use super::score::{Overlap, pair_score, plausible_mismatch};
use crate::claim::{Claim, Kind, Section};
use crate::compare::{Dimension, Relation, implicit, relate};
use crate::segment::Article;

/// In a scope larger than `HUGE` candidate pairs (a flattened table, a
/// paragraph of thousands of figures), each claim is compared only with the
/// `WINDOW` claims each side of its relative position and keeps its `KEEP`
/// best candidates, so time and memory stay linear.
const HUGE: usize = 64 * 64 * 16;
const WINDOW: usize = 32;
const KEEP: usize = 4;

/// A figure is paired as "alone in its aligned sentence" only in sentence
/// pairs of at most this many free figures a side: among more, none is alone
/// in any useful sense, and the search would be quadratic.
const ALONE_MAX: usize = 64;

/// The state of pairing one article's translation with its original.
pub struct Matcher<'a> {
    claims: &'a [Claim],
    contexts: &'a Contexts,
    overlap: Overlap<'a>,
    free: Vec<bool>,
    /// The value anchor of every claim (`value_anchor`), computed once.
    values: Vec<u64>,
    pub pairs: Vec<Pair>,
    /// The paragraph alignment `run` made (for `Pairing::paragraphs`).
    pub paragraphs: Vec<super::ParagraphGroup>,
}

impl<'a> Matcher<'a> {
    pub fn new(claims: &'a [Claim], contexts: &'a Contexts) -> Self {
        Matcher {
            claims,
            contexts,
            overlap: Overlap::new(contexts),
            free: vec![false; claims.len()],
            values: {
                let mut dims = Vec::new();
                claims.iter().map(|c| value_anchor(c, &mut dims)).collect()
            },
            pairs: Vec::new(),
            paragraphs: Vec::new(),
        }
    }

    /// Pair the translation's claims `tr` with the original's `en`; returns
    /// the unpaired claims of each side, in order.
    pub fn run(
        &mut self,
        article: &Article,
        tr: &[usize],
        en: &[usize],
    ) -> (Vec<usize>, Vec<usize>) {
        for &c in tr.iter().chain(en) {
            self.free[c] = true;
        }
        let (vi_keys, vi_blocks) = self.paragraphs(article, Section::Translation, tr);
        let (en_keys, en_blocks) = self.paragraphs(article, Section::Original, en);
        let groups = monotonic::align(&vi_blocks, &en_blocks);
        self.paragraphs = groups
            .iter()
            .map(|(v, e)| super::ParagraphGroup {
                vi: vi_keys[v.clone()].iter().copied().collect(),
                en: en_keys[e.clone()].iter().copied().collect(),
            })
            .collect();
        let vi_of = self.bucket(&groups, &vi_keys, false, tr);
        let en_of = self.bucket(&groups, &en_keys, true, en);
        // 1. Inside aligned paragraphs, sentence by sentence, then the whole
        //    group; then a figure left alone in its aligned sentence on each side.
        for g in 0..groups.len() {
            let (vis, ens) = (vi_of.get(g), en_of.get(g));
            let sentences = self.align_sentences(vis, ens);
            for (sv, se) in &sentences {
                self.assign(sv, se, 0.9);
            }
            self.assign(vis, ens, 1.2);
            for (sv, se) in &sentences {
                self.assign_alone(sv, se);
                self.assign_rest(sv, se);
                self.range_ends(sv, se);
                self.repeats(sv, se);
                self.sole_leftovers(sv, se);
            }
            self.assign_rest(vis, ens);
            // A figure restated from another sentence of the paragraph:
            // "Others dread them as well" rendered "kinh hãi 3 chữ ấy" after
            // "three words".
            self.repeats(vis, ens);
        }
        // 2. Leftovers against the neighbouring groups (a misaligned paragraph).
        for g in 0..groups.len() {
            let vis = self.still_free(vi_of.get(g));
            if vis.is_empty() {
                continue;
            }
            let near = en_of.span(g.saturating_sub(1)..(g + 2).min(groups.len()));
            self.assign(&vis, near, 2.8);
        }
        (self.still_free(tr), self.still_free(en))
    }

    /// The claims of a scope not paired yet, in order.
    fn still_free(&self, ids: &[usize]) -> Vec<usize> {
        ids.iter().copied().filter(|&c| self.free[c]).collect()
    }

    fn take(&mut self, v: usize, e: usize, related: crate::compare::Related) {
        self.free[v] = false;
        self.free[e] = false;
        self.pairs.push(Pair {
            vi: v,
            en: e,
            related,
        });
    }

    /// The paragraphs of one section, in order: their keys and blocks.
    fn paragraphs(
        &self,
        article: &Article,
        section: Section,
        members: &[usize],
    ) -> (Vec<(u32, u32)>, Blocks) {
        let mut keys = Vec::new();
        let mut chars = Vec::new();
        for (p, part) in article.parts.iter().enumerate() {
            for (l, s) in part.sections.iter().enumerate() {
                if *s == Some(section) {
                    keys.push((p as u32, l as u32 + 1));
                    chars.push(part.lines[l].chars().min(u32::MAX as usize) as u32);
                }
            }
        }
        // Keys are in (part, line) order, without repeats: found by search.
        let mut anchors = Vec::new();
        let mut last_sentence = vec![u32::MAX; keys.len()];
        for &c in members {
            let ctx = &self.contexts.of[c];
            if let Ok(u) = keys.binary_search(&ctx.paragraph) {
                // A sentence's anchors once, however many figures it holds.
                if last_sentence[u] != ctx.sentence_id {
                    last_sentence[u] = ctx.sentence_id;
                    let sentence = self.contexts.sentence(ctx.sentence_id as usize);
                    anchors.extend(sentence.iter().map(|&a| (u as u32, a)));
                }
                anchors.push((u as u32, self.values[c]));
            }
        }
        (keys, Blocks::new(chars, anchors))
    }

    /// The claims of each aligned group, on one side.
    fn bucket(
        &self,
        groups: &Groups,
        keys: &[(u32, u32)],
        english: bool,
        members: &[usize],
    ) -> Buckets {
        // The group of each block (keys are sorted: a claim's block is
        // found by search).
        let mut group_of = vec![u32::MAX; keys.len()];
        for (g, (vi, en)) in groups.iter().enumerate() {
            for u in if english { en.clone() } else { vi.clone() } {
                group_of[u] = g as u32;
            }
        }
        let of = members.iter().map(|&c| {
            let u = keys.binary_search(&self.contexts.of[c].paragraph).ok()?;
            Some(group_of[u]).filter(|&g| g != u32::MAX)
        });
        Buckets::new(groups.len(), members, of)
    }

    /// Align the sentences of one paragraph group, by the anchors of the
    /// claims they hold; returns groups of claims.
    fn align_sentences(&self, vis: &[usize], ens: &[usize]) -> Vec<(Vec<usize>, Vec<usize>)> {
        // Nothing to align, or one sentence a side (most groups): the
        // aligner would answer without a look, so no blocks are built.
        if vis.is_empty() || ens.is_empty() {
            return Vec::new();
        }
        if self.one_sentence(vis) && self.one_sentence(ens) {
            return vec![(vis.to_vec(), ens.to_vec())];
        }
        let (vb, vo) = self.sentence_blocks(vis);
        let (eb, eo) = self.sentence_blocks(ens);
        monotonic::align(&vb, &eb)
            .into_iter()
            .map(|(a, b)| {
                (
                    a.flat_map(|k| vo[k].iter().copied()).collect(),
                    b.flat_map(|k| eo[k].iter().copied()).collect(),
                )
            })
            .collect()
    }

    /// True when every claim of a non-empty set is in one sentence (the key
    /// of `sentence_blocks`).
    fn one_sentence(&self, members: &[usize]) -> bool {
        let key = |c: usize| {
            let ctx = &self.contexts.of[c];
            (ctx.paragraph.1, ctx.sentence)
        };
        let first = key(members[0]);
        members.iter().all(|&c| key(c) == first)
    }

    /// The sentences of a set of claims, in order: their blocks (a block's
    /// length is its number of figures) and the claims each holds.
    fn sentence_blocks(&self, members: &[usize]) -> (Blocks, Vec<Vec<usize>>) {
        let key = |c: usize| {
            let ctx = &self.contexts.of[c];
            (ctx.paragraph.1, ctx.sentence)
        };
        let mut keys: Vec<(u32, u32)> = members.iter().map(|&c| key(c)).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut chars = vec![0u32; keys.len()];
        let mut anchors = Vec::new();
        let mut owned = vec![Vec::new(); keys.len()];
        let mut last_sentence = vec![u32::MAX; keys.len()];
        for &c in members {
            let k = keys.binary_search(&key(c)).unwrap_or(0);
            let sid = self.contexts.of[c].sentence_id;
            if last_sentence[k] != sid {
                last_sentence[k] = sid;
                let sentence = self.contexts.sentence(sid as usize);
                anchors.extend(sentence.iter().map(|&a| (k as u32, a)));
            }
            anchors.push((k as u32, self.values[c]));
            chars[k] += 1;
            owned[k].push(c);
        }
        (Blocks::new(chars, anchors), owned)
    }

    /// Greedy best-first assignment of free claims within a scope.
    fn assign(&mut self, vis: &[usize], ens: &[usize], min_score: f64) {
        let (vis, ens) = (self.still_free(vis), self.still_free(ens));
        let mut candidates = Vec::new();
        let mut mine = Vec::new();
        let huge = vis.len() * ens.len() > HUGE;
        for (a, &v) in vis.iter().enumerate() {
            let (from, to) = if huge {
                let centre = a * ens.len() / vis.len().max(1);
                (
                    centre.saturating_sub(WINDOW),
                    (centre + WINDOW).min(ens.len()),
                )
            } else {
                (0, ens.len())
            };
            mine.clear();
            for (b, &e) in ens.iter().enumerate().take(to).skip(from) {
                let rel = relate(&self.claims[v], &self.claims[e]);
                let Some(mut s) = pair_score(self.claims, &mut self.overlap, v, e, rel) else {
                    continue;
                };
                // Order within the scope: the n-th figure of one side tends to
                // be the n-th of the other.
                let rv = a as f64 / vis.len().max(1) as f64;
                let re = b as f64 / ens.len().max(1) as f64;
                s += 0.5 * (1.0 - (rv - re).abs());
                if s >= min_score {
                    mine.push((s, v, e, rel));
                }
            }
            if huge {
                mine.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)));
                mine.truncate(KEEP);
            }
            candidates.append(&mut mine);
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, v, e, rel) in candidates {
            if self.free[v] && self.free[e] {
                self.take(v, e, rel);
            }
        }
    }

    /// In an aligned sentence pair, one free figure of a dimension on each
    /// side is the same figure, changed or not ("founded in 1989" / "thành
    /// lập năm 1998", "two companies" / "ba công ty"), when their magnitudes
    /// are close.
    fn assign_alone(&mut self, vis: &[usize], ens: &[usize]) {
        let (vis, ens) = (self.still_free(vis), self.still_free(ens));
        if vis.len() > ALONE_MAX || ens.len() > ALONE_MAX {
            return;
        }
        let claims = self.claims;
        for &v in &vis {
            let Some((e, t)) = best_alone(claims, v, &ens, false) else {
                continue;
            };
            // A spelled-out small Vietnamese word may not be a number at all
            // ("ba" is also "father"): it stands only for a spelled-out English one.
            if claims[v].weak && !claims[e].weak {
                continue;
            }
            // And the English claim must have no rival for it in its tier.
            let back = best_alone(claims, e, &vis, true);
            if back != Some((v, t)) || !self.free[e] {
                continue;
            }
            self.take(v, e, relate(&claims[v], &claims[e]));
        }
    }
}

impl Matcher<'_> {
    /// The last pass over an aligned sentence pair: every figure still free
    /// on one side is weighed against those still free on the other, and
    /// the comparable ones are paired best tier first, then in the order
    /// they stand, so that a changed figure is reported as a mismatch with
    /// the figure it replaced rather than left unaccounted for ("Boeing 737"
    /// / "Boeing 747", "06:06 pm" / "07:06 pm" beside other figures).
    fn assign_rest(&mut self, vis: &[usize], ens: &[usize]) {
        let (vis, ens) = (self.still_free(vis), self.still_free(ens));
        if vis.is_empty() || ens.is_empty() || vis.len() > ALONE_MAX || ens.len() > ALONE_MAX {
            return;
        }
        let claims = self.claims;
        let mut candidates = Vec::new();
        for (a, &v) in vis.iter().enumerate() {
            for (b, &e) in ens.iter().enumerate() {
                let Some(t) = tier(&claims[v], &claims[e]) else {
                    continue;
                };
                // A spelled-out small Vietnamese word may not be a number,
                // and two of them that differ are most often two things
                // ("bắt giữ hai người" beside "at least five cameras").
                if claims[v].weak
                    && (!claims[e].weak
                        || relate(&claims[v], &claims[e]).relation < Relation::Compatible)
                {
                    continue;
                }
                let rv = a as f64 / vis.len() as f64;
                let re = b as f64 / ens.len() as f64;
                candidates.push((t, (rv - re).abs(), v, e));
            }
        }
        candidates.sort_by(|x, y| {
            x.0.cmp(&y.0)
                .then(x.1.total_cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        for (_, _, v, e) in candidates {
            if self.free[v] && self.free[e] {
                self.take(v, e, relate(&claims[v], &claims[e]));
            }
        }
    }

    /// Rule `sole-leftovers`: when the only figures left free in an aligned
    /// sentence pair are one a side, a label and a bare number of close
    /// magnitude, they are the same figure changed ("the top 30 retail
    /// markets" / "31 thị trường bán lẻ hàng đầu", "FTSE 100 firms" / "101
    /// công ty FTSE"): read as a label on one side and a count on the
    /// other, they were never compared.
    fn sole_leftovers(&mut self, vis: &[usize], ens: &[usize]) {
        let (vis, ens) = (self.still_free(vis), self.still_free(ens));
        let (&[v], &[e]) = (vis.as_slice(), ens.as_slice()) else {
            return;
        };
        let (a, b) = (&self.claims[v], &self.claims[e]);
        let bare = |c: &Claim| matches!(c.kind, Kind::Literal | Kind::Count);
        let label = |c: &Claim| c.kind == Kind::Literal;
        if a.weak || !(bare(a) && bare(b)) || label(a) == label(b) {
            return;
        }
        // "Industry 4.0" / "4.0": the same digits are the same label.
        if relate(a, b).relation != Relation::Incomparable
            || crate::compare::written_digits(a) == crate::compare::written_digits(b)
        {
            return;
        }
        let changed = crate::compare::Related {
            relation: Relation::Disjoint,
            vi: 0,
            en: 0,
        };
        if plausible_mismatch(a, b, changed) {
            self.take(v, e, changed);
        }
    }

    /// A Vietnamese figure still free that equals a figure of its aligned
    /// English sentence (or paragraph) repeats it, with nothing to report: "tới 4 sự lựa
    /// chọn, 4 động cơ sang số" for "to low choice, four gearshifts". Only
    /// the translation's repeats: an English figure left free is still
    /// `omitted`, so a changed copy of a repeated figure is still caught.
    fn repeats(&mut self, vis: &[usize], ens: &[usize]) {
        if vis.len() > ALONE_MAX || ens.len() > ALONE_MAX {
            return;
        }
        let claims = self.claims;
        for &v in vis {
            if self.free[v]
                && ens.iter().any(|&e| {
                    relate(&claims[v], &claims[e]).relation == Relation::Equal
                        || part_of_date_or_time(&claims[v], &claims[e])
                })
            {
                self.free[v] = false;
            }
        }
    }

    /// A figure still free that is one end of a range on the other side of
    /// its aligned sentence is accounted for, with nothing to report: the
    /// range "from 10% to 80%" written as two figures, "từ 10% lên 80%".
    fn range_ends(&mut self, vis: &[usize], ens: &[usize]) {
        if vis.len() > ALONE_MAX || ens.len() > ALONE_MAX {
            return;
        }
        let claims = self.claims;
        let same = crate::claim::same_value;
        for (mine, theirs) in [(vis, ens), (ens, vis)] {
            for &x in mine {
                let c = &claims[x];
                let an_end = |&o: &usize| {
                    let o = &claims[o];
                    o.range
                        && crate::compare::dimension(o) == crate::compare::dimension(c)
                        && o.readings.iter().any(|ro| {
                            c.readings
                                .iter()
                                .any(|rc| same(rc.value, ro.value) || same(rc.value, ro.value_hi))
                        })
                };
                if self.free[x] && theirs.iter().any(an_end) {
                    self.free[x] = false;
                }
            }
        }
    }
}

/// Rule `part-of-a-date`: a bare number written with the very digits of a
/// part of a date or clock time in the original is that part, written
/// apart: the day of "June 2, 2016" left beside an English month the
/// translation did not read ("& nbspJune 2, 2016"), the minutes of "13:05"
/// split as "13: 05".
fn part_of_date_or_time(vi: &Claim, en: &Claim) -> bool {
    use crate::claim::Kind;
    let digits = vi.text.as_str();
    matches!(en.kind, Kind::Date | Kind::Time)
        && matches!(vi.kind, Kind::Count | Kind::Literal)
        && vi.qualifier.is_none()
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && en
            .text
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| run == digits)
}

/// How alike two claims are in kind: same dimension and same weakness first,
/// then same dimension, then a unit left implicit; `None` when they cannot
/// be the same figure.
fn tier(a: &Claim, b: &Claim) -> Option<u8> {
    let rel = relate(a, b);
    if rel.relation == Relation::Incomparable || !plausible_mismatch(a, b, rel) {
        return None;
    }
    Some(if implicit(a, b) {
        2
    } else if a.weak == b.weak {
        0
    } else {
        1
    })
}

/// The one claim of `others` in the best tier with `x`, if it is alone in
/// that tier (`flip`: `x` is English).
fn best_alone(claims: &[Claim], x: usize, others: &[usize], flip: bool) -> Option<(usize, u8)> {
    let mut best: Option<(usize, u8)> = None;
    let mut rivals = false;
    for &o in others {
        let t = if flip {
            tier(&claims[o], &claims[x])
        } else {
            tier(&claims[x], &claims[o])
        };
        let Some(t) = t else { continue };
        match best {
            Some((_, bt)) if t > bt => {}
            Some((_, bt)) if t == bt => rivals = true,
            _ => {
                best = Some((o, t));
                rivals = false;
            }
        }
    }
    best.filter(|_| !rivals)
}

/// A coarse, language-neutral anchor for a claim's value: its dimension and
/// its value to three significant digits. `dims` remembers how each
/// dimension is written.
fn value_anchor<'c>(c: &'c Claim, dims: &mut Vec<(Dimension<'c>, String)>) -> u64 {
    let dim = crate::compare::dimension(c);
    let v = c.primary().value;
    let mut key = String::with_capacity(32);
    match dims.iter().find(|(d, _)| *d == dim) {
        Some((_, written)) => key.push_str(written),
        None => {
            let written = format!("{dim:?}:");
            key.push_str(&written);
            dims.push((dim, written));
        }
    }
    if let Some(d) = &c.date {
        key.push_str(&d.iso());
    } else if v == 0.0 {
        key.push('0');
    } else if !push_integer_sci(&mut key, v) {
        let _ = write!(key, "{v:.2e}");
    }
    anchor(AnchorKind::Value, key.as_bytes())
}

/// `format!("{v:.2e}")` for a whole number (most figures), without the
/// float formatter: three significant digits, the dropped ones rounded half
/// to even as the formatter rounds an exact decimal. False, writing
/// nothing, for any other value.
fn push_integer_sci(key: &mut String, v: f64) -> bool {
    if v.fract() != 0.0 || v.abs() >= 9.0e15 {
        return false;
    }
    let n = v.abs() as u64;
    let digits = n.ilog10() + 1;
    let mut exp = digits - 1;
    let mut q;
    if digits > 3 {
        let unit = 10u64.pow(digits - 3);
        let (d, r) = (n / unit, n % unit);
        q = d;
        if r > unit / 2 || (r == unit / 2 && d % 2 == 1) {
            q += 1;
        }
        if q == 1000 {
            q = 100;
            exp += 1;
        }
    } else {
        q = n * 10u64.pow(3 - digits);
    }
    if v < 0.0 {
        key.push('-');
    }
    let digit = |d: u64| char::from(b'0' + d as u8);
    key.push(digit(q / 100));
    key.push('.');
    key.push(digit(q / 10 % 10));
    key.push(digit(q % 10));
    key.push('e');
    if exp >= 10 {
        key.push(digit(exp as u64 / 10));
    }
    key.push(digit(exp as u64 % 10));
    true
}

/// The claims of each aligned group, in one buffer, in claim order.
struct Buckets {
    items: Vec<usize>,
    /// Group `g` holds `items[starts[g]..starts[g + 1]]`.
    starts: Vec<u32>,
}

impl Buckets {
    /// `members` placed in `groups` buckets by `of` (`None`: in none).
    fn new(groups: usize, members: &[usize], of: impl Iterator<Item = Option<u32>>) -> Self {
        let of: Vec<Option<u32>> = of.collect();
        let mut starts = vec![0u32; groups + 1];
        for g in of.iter().flatten() {
            starts[*g as usize + 1] += 1;
        }
        for g in 0..groups {
            starts[g + 1] += starts[g];
        }
        let mut items = vec![0; starts[groups] as usize];
        let mut next = starts.clone();
        for (&c, g) in members.iter().zip(&of) {
            if let Some(g) = *g {
                items[next[g as usize] as usize] = c;
                next[g as usize] += 1;
            }
        }
        Buckets { items, starts }
    }

    fn get(&self, g: usize) -> &[usize] {
        self.span(g..g + 1)
    }

    /// The claims of groups `groups`, in order.
    fn span(&self, groups: std::ops::Range<usize>) -> &[usize] {
        &self.items[self.starts[groups.start] as usize..self.starts[groups.end] as usize]
    }
}

#[cfg(test)]
#[path = "translation_tests.rs"]
mod tests;
