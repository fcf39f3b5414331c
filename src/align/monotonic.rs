//! The monotonic aligner: which Vietnamese blocks (paragraphs, or sentences
//! of a paragraph) render which English ones, by a dynamic programme over
//! shared anchors, tolerant of a block on one side only and of merged or
//! split blocks.

use std::ops::Range;

use rustc_hash::FxHashMap;

/// Paragraphs or sentences, as the aligner sees them: each block's anchors
/// (names, term ids, years, coarse values; sorted, without repeats) and its
/// length. The anchors of every block share one buffer: an article of tens
/// of thousands of paragraphs makes no allocation per paragraph.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Blocks {
    anchors: Vec<u64>,
    /// Block `k`'s anchors are `anchors[ends[k - 1]..ends[k]]`.
    ends: Vec<u32>,
    chars: Vec<u32>,
}

impl Blocks {
    /// Blocks of these lengths, holding the anchors of `(block, anchor)`
    /// pairs given in any order, with repeats.
    pub fn new(chars: Vec<u32>, mut pairs: Vec<(u32, u64)>) -> Blocks {
        pairs.sort_unstable();
        pairs.dedup();
        let mut anchors = Vec::with_capacity(pairs.len());
        let mut ends = Vec::with_capacity(chars.len());
        let mut next = pairs.iter().peekable();
        for k in 0..chars.len() as u32 {
            while let Some(&(_, a)) = next.next_if(|p| p.0 == k) {
                anchors.push(a);
            }
            ends.push(anchors.len() as u32);
        }
        Blocks {
            anchors,
            ends,
            chars,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Block `k`'s anchors, sorted, without repeats.
    pub fn anchors(&self, k: usize) -> &[u64] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.anchors[start..self.ends[k] as usize]
    }

    /// Block `k`'s length.
    pub fn chars(&self, k: usize) -> usize {
        self.chars[k] as usize
    }
}

/// Aligned groups of consecutive blocks: (Vietnamese blocks, English blocks).
pub type Groups = Vec<(Range<usize>, Range<usize>)>;

/// How many anchors two sorted lists share.
pub fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// `a` and `b` as one list, sorted and without repeats (as each of them is).
fn merge_into(a: &[u64], b: &[u64], out: &mut Vec<u64>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// Which blocks hold each anchor: (anchor, block) pairs, sorted, and where
/// each anchor's pairs start and end.
#[derive(Default)]
struct Postings {
    pairs: Vec<(u64, u32)>,
    runs: FxHashMap<u64, (u32, u32)>,
}

impl Postings {
    fn build(&mut self, blocks: &Blocks) {
        let pairs = &mut self.pairs;
        pairs.clear();
        pairs.reserve_exact(blocks.anchors.len());
        for k in 0..blocks.len() {
            pairs.extend(blocks.anchors(k).iter().map(|&a| (a, k as u32)));
        }
        pairs.sort_unstable();
        self.runs.clear();
        let mut start = 0;
        while start < pairs.len() {
            let a = pairs[start].0;
            let mut end = start + 1;
            while end < pairs.len() && pairs[end].0 == a {
                end += 1;
            }
            self.runs.insert(a, (start as u32, end as u32));
            start = end;
        }
    }

    /// The blocks holding anchor `a`, from the first at or after `from`.
    fn run(&self, a: u64, from: usize) -> &[(u64, u32)] {
        let Some(&(s, e)) = self.runs.get(&a) else {
            return &[];
        };
        let run = &self.pairs[s as usize..e as usize];
        let start = if run.first().is_some_and(|p| p.1 as usize >= from) {
            0
        } else {
            run.partition_point(|&(_, k)| (k as usize) < from)
        };
        &run[start..]
    }

    /// Add to `counts[k]` how many of `anchors` block `k` holds, for every
    /// block `k` in `from..to`; `touched` lists the counts set.
    fn count(&self, anchors: &[u64], from: usize, to: usize, row: &mut Row) {
        for &a in anchors {
            for &(_, k) in self.run(a, from) {
                if k as usize >= to {
                    break;
                }
                row.bump(k as usize);
            }
        }
    }

    /// The same count against each block merged with the one before it
    /// (block `k` with block `k - 1`; for `k = 0`, nothing), `m` blocks in
    /// all: an anchor held by block `b` is in merged blocks `b` and `b + 1`,
    /// counted once when `b - 1` holds it too.
    fn count_pairs(&self, anchors: &[u64], from: usize, to: usize, m: usize, row: &mut Row) {
        for &a in anchors {
            let mut prev = usize::MAX;
            for &(_, b) in self.run(a, from.saturating_sub(1)) {
                let b = b as usize;
                if b >= to {
                    break;
                }
                if b >= 1 && b >= from && prev != b - 1 {
                    row.bump(b);
                }
                if b + 1 < m.min(to) && b + 1 >= from {
                    row.bump(b + 1);
                }
                prev = b;
            }
        }
    }
}

/// How the anchors an English block (or two merged) shares with a
/// Vietnamese one are counted: through postings, or pairwise against the
/// blocks when they are few.
#[derive(Clone, Copy)]
enum Shared<'a> {
    Postings(&'a Postings),
    PostingPairs(&'a Postings),
    Blocks(&'a Blocks),
    Pairs(&'a Blocks),
}

/// Shared-anchor counts of one Vietnamese block with the English blocks of a
/// band, reset cheaply between rows.
#[derive(Default)]
struct Row {
    counts: Vec<u32>,
    touched: Vec<u32>,
    merged: Vec<u64>,
}

impl Row {
    fn reset(&mut self, len: usize) {
        self.counts.clear();
        self.counts.resize(len, 0);
        self.touched.clear();
    }

    #[inline]
    fn bump(&mut self, k: usize) {
        if self.counts[k] == 0 {
            self.touched.push(k as u32);
        }
        self.counts[k] += 1;
    }

    /// Count against the English blocks `from..to` (of `blocks`): through
    /// the postings, or pairwise when the blocks are few.
    fn fill(&mut self, shared: Shared, blocks: usize, anchors: &[u64], from: usize, to: usize) {
        for &k in &self.touched {
            self.counts[k as usize] = 0;
        }
        self.touched.clear();
        match shared {
            Shared::Postings(postings) => postings.count(anchors, from, to, self),
            Shared::PostingPairs(postings) => postings.count_pairs(anchors, from, to, blocks, self),
            // A few blocks: counting pairwise costs less than the postings.
            Shared::Blocks(en) => {
                for k in from..to.min(blocks) {
                    let n = shared_count(anchors, en.anchors(k)) as u32;
                    self.set(k, n);
                }
            }
            Shared::Pairs(en) => {
                for k in from.max(1)..to.min(blocks) {
                    let mut merged = std::mem::take(&mut self.merged);
                    merge_into(en.anchors(k - 1), en.anchors(k), &mut merged);
                    self.set(k, shared_count(anchors, &merged) as u32);
                    self.merged = merged;
                }
            }
        }
    }

    fn set(&mut self, k: usize, n: u32) {
        if n > 0 {
            self.counts[k] = n;
            self.touched.push(k as u32);
        }
    }
}

/// Similarity of a Vietnamese and an English block sharing `shared`
/// anchors, given each block's weighed length and anchor count: the cosine of
/// their anchors, plus a little for plausible length (Vietnamese runs about
/// 1.3 times longer).
#[inline(always)]
fn similarity((lv, nv): (f64, usize), (le, ne): (f64, usize), shared: u32) -> f64 {
    // Lengths are never NaN: the larger and the smaller without NaN's care
    // are `f64::max` and `f64::min`.
    let (hi, lo) = if lv > le { (lv, le) } else { (le, lv) };
    let length = if hi == 0.0 { 0.0 } else { lo / hi };
    // No anchor in common is a cosine of exactly 0.
    let cosine = if shared == 0 {
        0.0
    } else {
        shared as f64 / ((nv * ne) as f64).sqrt()
    };
    cosine + 0.15 * length
}

/// How far from the proportional diagonal the aligner looks: wide enough
/// for the steps between rows and for a run of 40 blocks present on one side
/// only, so memory and time stay linear in the number of blocks.
pub const BAND: usize = 40;

const NEG: f64 = f64::NEG_INFINITY;

/// The aligner's buffers, kept by each thread from one alignment to the
/// next (an article aligns its paragraphs, then the sentences of every
/// aligned group): no allocation once they have grown. Merged neighbours
/// ("2-1" and "1-2") are counted on the fly, so nothing here is sized by the
/// anchors of more than one side.
#[derive(Default)]
struct Scratch {
    lo: Vec<usize>,
    post: Postings,
    r11: Row,
    r21: Row,
    r12: Row,
    /// The two Vietnamese blocks before the row, merged.
    vi2: Vec<u64>,
    /// Per English block, alone and merged with the one before it, what a
    /// similarity needs: its length as weighed, and how many anchors it holds.
    e1: Vec<(f64, usize)>,
    e2: Vec<(f64, usize)>,
    /// Three rows of scores, by absolute column, `NEG` outside their band.
    rows: Vec<f64>,
    back: Vec<u8>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Buffers past this many bytes are let go after an alignment, so that one
/// huge article does not keep them for the rest of the run.
const KEEP_BYTES: usize = 1 << 20;

/// Monotonic alignment of two block sequences: groups of 1-1, 2-1, 1-2 (and
/// 1-0/0-1 skips), maximising total similarity, within a band around the
/// diagonal of `BAND + 2 × ratio` blocks. Shared anchors are counted through
/// postings of the English blocks, one row at a time, so a cell costs what
/// its blocks actually share.
pub fn align(vi: &Blocks, en: &Blocks) -> Groups {
    let (n, m) = (vi.len(), en.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n == 1 && m == 1 {
        // One block a side: 1-1 is tried first and no other move beats it.
        return vec![(0..1, 0..1)];
    }
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let groups = s.align(vi, en);
        if s.back.capacity() + 8 * s.rows.capacity() > KEEP_BYTES {
            *s = Scratch::default();
        }
        groups
    })
}

impl Scratch {
    fn align(&mut self, vi: &Blocks, en: &Blocks) -> Groups {
        let (n, m) = (vi.len(), en.len());
        let ratio = m.div_ceil(n).max(n.div_ceil(m));
        let band = BAND + 2 * ratio;
        let width = (2 * band + 1).min(m + 1);
        self.lo.clear();
        self.lo
            .extend((0..=n).map(|i| (i * m / n).saturating_sub(band).min(m + 1 - width)));
        let few = n * m <= 64;
        if !few {
            self.post.build(en);
        }
        // Per row: shared(vi[i-1], en[k]), shared(vi2[i-1], en[k]), shared(vi[i-1], en2[k]).
        self.r11.reset(m);
        self.r21.reset(m);
        self.r12.reset(m);
        self.e1.clear();
        self.e1
            .extend((0..m).map(|k| (en.chars(k) as f64, en.anchors(k).len())));
        self.e2.clear();
        self.e2.push((0.0, 0));
        for k in 1..m {
            let chars = en.chars(k - 1) + en.chars(k);
            let (a, b) = (en.anchors(k - 1), en.anchors(k));
            let merged = a.len() + b.len() - shared_count(a, b);
            self.e2.push((chars as f64, merged));
        }
        // Scores are kept for three rows (a move goes back at most two); the
        // way each cell was reached, for all of them, one byte a cell.
        let stride = m + 1;
        self.rows.clear();
        self.rows.resize(3 * stride, NEG);
        self.back.clear();
        self.back.resize((n + 1) * width, 0);
        self.rows[0] = 0.0;
        for i in 0..=n {
            self.row(vi, en, i, width, few);
        }
        trace_back(&self.back, &self.lo, width, n, m)
    }

    /// Row `i` of the programme.
    fn row(&mut self, vi: &Blocks, en: &Blocks, i: usize, width: usize, few: bool) {
        let m = en.len();
        let stride = m + 1;
        let lo = &self.lo;
        let (from, to) = (lo[i], (lo[i] + width - 1).min(m));
        if i >= 1 {
            // The row three back held this slot: clear its band.
            if i >= 3 {
                let (f, t) = (lo[i - 3], (lo[i - 3] + width - 1).min(m));
                self.rows[(i % 3) * stride + f..=(i % 3) * stride + t].fill(NEG);
            }
            // English block k = j - 1 for j in from..=to.
            let (kf, kt) = (from.saturating_sub(1), to);
            let (s1, s2) = if few {
                (Shared::Blocks(en), Shared::Pairs(en))
            } else {
                (
                    Shared::Postings(&self.post),
                    Shared::PostingPairs(&self.post),
                )
            };
            let anchors = vi.anchors(i - 1);
            self.r11.fill(s1, m, anchors, kf, kt);
            self.r12.fill(s2, m, anchors, kf, kt);
            if i >= 2 {
                merge_into(vi.anchors(i - 2), anchors, &mut self.vi2);
                self.r21.fill(s1, m, &self.vi2, kf, kt);
            }
        }
        // The three rows: this one, and the two before it (only read).
        let (cur, prev1, prev2) = {
            let (a, rest) = self.rows.split_at_mut(stride);
            let (b, c) = rest.split_at_mut(stride);
            match i % 3 {
                0 => (a, &*c, &*b),
                1 => (b, &*a, &*c),
                _ => (c, &*b, &*a),
            }
        };
        // The Vietnamese block of the row, alone and merged with the one
        // before it, weighed as the English ones are (Vietnamese runs about
        // 1.3 times longer).
        let v1i = match i {
            0 => (0.0, 0),
            _ => (vi.chars(i - 1) as f64 / 1.3, vi.anchors(i - 1).len()),
        };
        let v2i = match i {
            0 | 1 => (0.0, 0),
            _ => (
                (vi.chars(i - 2) + vi.chars(i - 1)) as f64 / 1.3,
                self.vi2.len(),
            ),
        };
        let (e1, e2) = (&self.e1[..m], &self.e2[..m]);
        let (c11, c21, c12) = (
            &self.r11.counts[..m],
            &self.r21.counts[..m],
            &self.r12.counts[..m],
        );
        let (prev1, prev2, cur) = (&prev1[..=m], &prev2[..=m], &mut cur[..=m]);
        let back = &mut self.back[i * width..(i + 1) * width];
        for j in from..=to {
            if (i, j) == (0, 0) {
                continue;
            }
            // The moves, in order of preference on a tie: 1-1, skip a
            // Vietnamese block, skip an English one, 2-1, 1-2.
            let mut best = NEG;
            let mut code = 0u8;
            if i >= 1 && j >= 1 {
                let p = prev1[j - 1];
                if p > NEG {
                    let s = p + similarity(v1i, e1[j - 1], c11[j - 1]);
                    if s > best {
                        (best, code) = (s, 0b0101);
                    }
                }
            }
            if i >= 1 {
                let p = prev1[j];
                if p > NEG && p + 0.0 > best {
                    (best, code) = (p + 0.0, 0b0100);
                }
            }
            if j >= 1 {
                let p = cur[j - 1];
                if p > NEG && p + 0.0 > best {
                    (best, code) = (p + 0.0, 0b0001);
                }
            }
            if i >= 2 && j >= 1 {
                let p = prev2[j - 1];
                if p > NEG {
                    let g = similarity(v2i, e1[j - 1], c21[j - 1]) - 0.1;
                    if p + g > best {
                        (best, code) = (p + g, 0b1001);
                    }
                }
            }
            if i >= 1 && j >= 2 {
                let p = prev1[j - 2];
                if p > NEG {
                    let g = similarity(v1i, e2[j - 1], c12[j - 1]) - 0.1;
                    if p + g > best {
                        (best, code) = (p + g, 0b0110);
                    }
                }
            }
            cur[j] = best;
            back[j - from] = code;
        }
    }
}

/// The groups of the best path, from the way each cell was reached (`back`,
/// one byte a cell of the band: moves of `b >> 2` Vietnamese and `b & 3`
/// English blocks), read from the last cell back to the first.
fn trace_back(back: &[u8], lo: &[usize], width: usize, n: usize, m: usize) -> Groups {
    let mut groups = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let l = lo[i];
        if j < l || j >= l + width || j > m {
            break;
        }
        let b = back[i * width + (j - l)];
        let (di, dj) = ((b >> 2) as usize, (b & 3) as usize);
        if di == 0 && dj == 0 {
            break;
        }
        if di > 0 && dj > 0 {
            groups.push((i - di..i, j - dj..j));
        }
        i -= di;
        j -= dj;
    }
    groups.reverse();
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(list: &[(&[u64], u32)]) -> Blocks {
        let chars = list.iter().map(|b| b.1).collect();
        let pairs = (list.iter().enumerate())
            .flat_map(|(k, b)| b.0.iter().map(move |&a| (k as u32, a)))
            .collect();
        Blocks::new(chars, pairs)
    }

    #[test]
    fn blocks_hold_their_anchors_sorted_without_repeats() {
        let b = Blocks::new(vec![5, 0, 7], vec![(2, 9), (0, 3), (2, 1), (0, 3), (0, 2)]);
        assert_eq!(
            (b.anchors(0), b.anchors(1), b.anchors(2)),
            (&[2, 3][..], &[][..], &[1, 9][..])
        );
        assert_eq!((b.chars(0), b.chars(2), b.len()), (5, 7, 3));
    }

    #[test]
    fn alignment_skips_a_block_present_on_one_side() {
        let vi = blocks(&[(&[1, 2], 130), (&[9], 20), (&[3, 4], 130), (&[5], 130)]);
        let en = blocks(&[(&[1, 2], 100), (&[3, 4], 100), (&[5], 100)]);
        assert_eq!(
            align(&vi, &en),
            vec![(0..1, 0..1), (2..3, 1..2), (3..4, 2..3)]
        );
    }

    #[test]
    fn alignment_merges_split_blocks() {
        let vi = blocks(&[(&[1, 2, 3, 4], 260), (&[5], 130)]);
        let en = blocks(&[(&[1, 2], 100), (&[3, 4], 100), (&[5], 100)]);
        assert_eq!(align(&vi, &en), vec![(0..1, 0..2), (1..2, 2..3)]);
    }

    #[test]
    fn merges_are_found_through_postings_as_pairwise() {
        // Enough blocks for the postings (more than 64 cells), with a split
        // and a merge on each side and anchors shared by neighbours.
        let mut vi: Vec<(Vec<u64>, u32)> = (0..12).map(|k| (vec![k, 100 + k], 130)).collect();
        let mut en: Vec<(Vec<u64>, u32)> = (0..12).map(|k| (vec![k, 100 + k], 100)).collect();
        vi[3] = (vec![3, 4, 103, 104, 200], 260);
        vi.remove(4);
        en[8] = (vec![8, 9, 108, 109, 201], 200);
        en.remove(9);
        en[5].0.push(104);
        let to_blocks = |v: &[(Vec<u64>, u32)]| {
            let r: Vec<(&[u64], u32)> = v.iter().map(|(a, c)| (&a[..], *c)).collect();
            blocks(&r)
        };
        let (vb, eb) = (to_blocks(&vi), to_blocks(&en));
        let groups = align(&vb, &eb);
        assert!(groups.contains(&(3..4, 3..5)), "{groups:?}");
        assert!(groups.contains(&(7..9, 8..9)), "{groups:?}");
        // Every count through the postings equals the pairwise one.
        let mut post = Postings::default();
        post.build(&eb);
        let m = eb.len();
        for i in 0..vb.len() {
            for (from, to) in [(0, m), (2, 7), (5, 6), (m - 1, m)] {
                let (mut a, mut b) = (Row::default(), Row::default());
                a.reset(m);
                b.reset(m);
                a.fill(Shared::PostingPairs(&post), m, vb.anchors(i), from, to);
                b.fill(Shared::Pairs(&eb), m, vb.anchors(i), from, to);
                assert_eq!(a.counts, b.counts, "block {i}, {from}..{to}");
                a.fill(Shared::Postings(&post), m, vb.anchors(i), from, to);
                b.fill(Shared::Blocks(&eb), m, vb.anchors(i), from, to);
                assert_eq!(a.counts, b.counts, "block {i}, {from}..{to}");
            }
        }
    }

    proptest::proptest! {
        /// Counting against merged neighbours through the postings gives
        /// what merging the lists and counting pairwise gives, in any band.
        #[test]
        fn postings_count_merged_neighbours_as_pairwise(
            en in proptest::collection::vec(proptest::collection::vec(0u64..12, 0..5), 1..30),
            vi in proptest::collection::vec(0u64..12, 0..6),
            from in 0usize..30,
            len in 0usize..30,
        ) {
            let pairs = (en.iter().enumerate())
                .flat_map(|(k, a)| a.iter().map(move |&x| (k as u32, x)))
                .collect();
            let eb = Blocks::new(vec![1; en.len()], pairs);
            let mut anchors = vi.clone();
            anchors.sort_unstable();
            anchors.dedup();
            let m = eb.len();
            let (from, to) = (from.min(m), (from + len).min(m));
            let mut post = Postings::default();
            post.build(&eb);
            let (mut a, mut b) = (Row::default(), Row::default());
            a.reset(m);
            b.reset(m);
            a.fill(Shared::PostingPairs(&post), m, &anchors, from, to);
            b.fill(Shared::Pairs(&eb), m, &anchors, from, to);
            proptest::prop_assert_eq!(&a.counts, &b.counts);
            a.fill(Shared::Postings(&post), m, &anchors, from, to);
            b.fill(Shared::Blocks(&eb), m, &anchors, from, to);
            proptest::prop_assert_eq!(&a.counts, &b.counts);
        }
    }

    #[test]
    fn long_sequences_stay_in_the_band() {
        let list: Vec<[u64; 1]> = (0..5000).map(|i| [i]).collect();
        let vi = blocks(&list.iter().map(|a| (&a[..], 130)).collect::<Vec<_>>());
        let en = blocks(&list.iter().map(|a| (&a[..], 100)).collect::<Vec<_>>());
        let groups = align(&vi, &en);
        assert_eq!(groups.len(), 5000);
        assert!((groups.iter().enumerate()).all(|(k, g)| g == &(k..k + 1, k..k + 1)));
    }
}
