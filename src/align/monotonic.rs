//! The monotonic aligner: which Vietnamese blocks (paragraphs, or sentences
//! of a paragraph) render which English ones, by a dynamic programme over
//! shared anchors, tolerant of a block on one side only and of merged or
//! split blocks.

use rustc_hash::FxHashMap;

/// A paragraph or a sentence, as the aligner sees it: its anchors (names,
/// term ids, years, coarse values; sorted, without repeats) and its length.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Block {
    pub anchors: Vec<u64>,
    pub chars: usize,
}

impl Block {
    /// Sort and deduplicate the anchors once they are all in.
    pub fn seal(&mut self) {
        self.anchors.sort_unstable();
        self.anchors.dedup();
    }
}

/// Groups of aligned blocks: (Vietnamese block indices, English block indices).
pub type Groups = Vec<(Vec<usize>, Vec<usize>)>;

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

/// Anchor lists of several blocks in one buffer: list `k` is
/// `items[ends[k - 1]..ends[k]]`.
#[derive(Default)]
struct Lists {
    items: Vec<u64>,
    ends: Vec<usize>,
}

impl Lists {
    fn clear(&mut self) {
        self.items.clear();
        self.ends.clear();
    }

    fn get(&self, k: usize) -> &[u64] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.items[start..self.ends[k]]
    }

    /// Each block merged with the one before it: its anchors sorted and
    /// without repeats (an empty list first, never used).
    fn pairs(&mut self, blocks: &[Block]) {
        self.clear();
        // Sized once: a merged list is at most its two blocks' anchors.
        let total: usize = blocks.iter().map(|b| 2 * b.anchors.len()).sum();
        self.items.reserve_exact(total);
        self.ends.reserve_exact(blocks.len());
        for i in 0..blocks.len() {
            if i > 0 {
                let start = self.items.len();
                self.items.extend_from_slice(&blocks[i - 1].anchors);
                self.items.extend_from_slice(&blocks[i].anchors);
                self.items[start..].sort_unstable();
                let mut w = start;
                for r in start..self.items.len() {
                    if w == start || self.items[r] != self.items[w - 1] {
                        self.items[w] = self.items[r];
                        w += 1;
                    }
                }
                self.items.truncate(w);
            }
            self.ends.push(self.items.len());
        }
    }
}

/// Which blocks hold each anchor: (anchor, block) pairs, sorted, and where
/// each anchor's pairs start and end.
#[derive(Default)]
struct Postings {
    pairs: Vec<(u64, u32)>,
    runs: FxHashMap<u64, (u32, u32)>,
}

impl Postings {
    fn build<'a>(&mut self, blocks: impl Iterator<Item = &'a [u64]> + Clone) {
        let pairs = &mut self.pairs;
        pairs.clear();
        pairs.reserve_exact(blocks.clone().map(<[u64]>::len).sum());
        for (k, anchors) in blocks.enumerate() {
            pairs.extend(anchors.iter().map(|&a| (a, k as u32)));
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

    /// Add to `counts[k]` how many of `anchors` block `k` holds, for every
    /// block `k` in `from..to`; `touched` lists the counts set.
    fn count(
        &self,
        anchors: &[u64],
        from: usize,
        to: usize,
        counts: &mut [u32],
        touched: &mut Vec<u32>,
    ) {
        for &a in anchors {
            let Some(&(s, e)) = self.runs.get(&a) else {
                continue;
            };
            let run = &self.pairs[s as usize..e as usize];
            let start = if run.first().is_some_and(|p| p.1 as usize >= from) {
                0
            } else {
                run.partition_point(|&(_, k)| (k as usize) < from)
            };
            for &(_, k) in &run[start..] {
                if k as usize >= to {
                    break;
                }
                if counts[k as usize] == 0 {
                    touched.push(k);
                }
                counts[k as usize] += 1;
            }
        }
    }
}

/// How the anchors an English block shares with a Vietnamese one are
/// counted: through postings, or pairwise against the blocks when they are
/// few.
#[derive(Clone, Copy)]
enum Shared<'a> {
    Postings(&'a Postings),
    Blocks(&'a [Block]),
    Lists(&'a Lists),
}

impl Shared<'_> {
    fn get(&self, k: usize) -> &[u64] {
        match self {
            Shared::Postings(_) => &[],
            Shared::Blocks(b) => &b[k].anchors,
            Shared::Lists(l) => l.get(k),
        }
    }
}

/// Shared-anchor counts of one Vietnamese block with the English blocks of a
/// band, reset cheaply between rows.
#[derive(Default)]
struct Row {
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Row {
    fn reset(&mut self, len: usize) {
        self.counts.clear();
        self.counts.resize(len, 0);
        self.touched.clear();
    }

    /// Count against the English blocks `from..to`: through the postings,
    /// or pairwise when the blocks are few.
    fn fill(&mut self, shared: Shared, blocks: usize, anchors: &[u64], from: usize, to: usize) {
        for &k in &self.touched {
            self.counts[k as usize] = 0;
        }
        self.touched.clear();
        match shared {
            Shared::Postings(postings) => {
                postings.count(anchors, from, to, &mut self.counts, &mut self.touched)
            }
            // A few blocks: counting pairwise costs less than the postings.
            Shared::Blocks(_) | Shared::Lists(_) => {
                for k in from..to.min(blocks) {
                    let n = shared_count(anchors, shared.get(k)) as u32;
                    if n > 0 {
                        self.counts[k] = n;
                        self.touched.push(k as u32);
                    }
                }
            }
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
/// aligned group): no allocation once they have grown.
#[derive(Default)]
struct Scratch {
    lo: Vec<usize>,
    vi2: Lists,
    en2: Lists,
    post1: Postings,
    post2: Postings,
    r11: Row,
    r21: Row,
    r12: Row,
    v1: Vec<(f64, usize)>,
    v2: Vec<(f64, usize)>,
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
pub fn align(vi: &[Block], en: &[Block]) -> Groups {
    let (n, m) = (vi.len(), en.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n == 1 && m == 1 {
        // One block a side: 1-1 is tried first and no other move beats it.
        return vec![(vec![0], vec![0])];
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
    fn align(&mut self, vi: &[Block], en: &[Block]) -> Groups {
        let (n, m) = (vi.len(), en.len());
        let ratio = m.div_ceil(n).max(n.div_ceil(m));
        let band = BAND + 2 * ratio;
        let width = (2 * band + 1).min(m + 1);
        self.lo.clear();
        self.lo
            .extend((0..=n).map(|i| (i * m / n).saturating_sub(band).min(m + 1 - width)));
        self.vi2.pairs(vi);
        self.en2.pairs(en);
        let few = n * m <= 64;
        if !few {
            self.post1.build(en.iter().map(|b| &b.anchors[..]));
            let en2 = &self.en2;
            self.post2.build((0..m).map(|k| en2.get(k)));
        }
        // Per row: shared(vi[i-1], en[k]), shared(vi2[i-1], en[k]), shared(vi[i-1], en2[k]).
        self.r11.reset(m);
        self.r21.reset(m);
        self.r12.reset(m);
        // Per block, what a similarity needs: its length as weighed, and how
        // many anchors it holds.
        let weigh_vi = |b: &Block| (b.chars as f64 / 1.3, b.anchors.len());
        self.v1.clear();
        self.v1.extend(vi.iter().map(weigh_vi));
        self.v2.clear();
        self.v2.push(weigh_vi(&Block::default()));
        for i in 1..n {
            let chars = vi[i - 1].chars + vi[i].chars;
            self.v2.push((chars as f64 / 1.3, self.vi2.get(i).len()));
        }
        self.e1.clear();
        self.e1
            .extend(en.iter().map(|b| (b.chars as f64, b.anchors.len())));
        self.e2.clear();
        self.e2.push((0.0, 0));
        for k in 1..m {
            let chars = en[k - 1].chars + en[k].chars;
            self.e2.push((chars as f64, self.en2.get(k).len()));
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
    fn row(&mut self, vi: &[Block], en: &[Block], i: usize, width: usize, few: bool) {
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
                (Shared::Blocks(en), Shared::Lists(&self.en2))
            } else {
                (Shared::Postings(&self.post1), Shared::Postings(&self.post2))
            };
            self.r11.fill(s1, m, &vi[i - 1].anchors, kf, kt);
            self.r12.fill(s2, m, &vi[i - 1].anchors, kf, kt);
            if i >= 2 {
                self.r21.fill(s1, m, self.vi2.get(i - 1), kf, kt);
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
        let (v1i, v2i) = if i >= 1 {
            (self.v1[i - 1], self.v2[i - 1])
        } else {
            ((0.0, 0), (0.0, 0))
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
            groups.push(((i - di..i).collect(), (j - dj..j).collect()));
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

    fn block(anchors: &[u64], chars: usize) -> Block {
        let mut b = Block {
            anchors: anchors.to_vec(),
            chars,
        };
        b.seal();
        b
    }

    #[test]
    fn alignment_skips_a_block_present_on_one_side() {
        let vi = [
            block(&[1, 2], 130),
            block(&[9], 20),
            block(&[3, 4], 130),
            block(&[5], 130),
        ];
        let en = [block(&[1, 2], 100), block(&[3, 4], 100), block(&[5], 100)];
        let groups = align(&vi, &en);
        assert_eq!(
            groups,
            vec![(vec![0], vec![0]), (vec![2], vec![1]), (vec![3], vec![2])]
        );
    }

    #[test]
    fn alignment_merges_split_blocks() {
        let vi = [block(&[1, 2, 3, 4], 260), block(&[5], 130)];
        let en = [block(&[1, 2], 100), block(&[3, 4], 100), block(&[5], 100)];
        let groups = align(&vi, &en);
        assert_eq!(groups[0], (vec![0], vec![0, 1]));
        assert_eq!(groups[1], (vec![1], vec![2]));
    }

    #[test]
    fn long_sequences_stay_in_the_band() {
        let vi: Vec<Block> = (0..5000).map(|i| block(&[i], 130)).collect();
        let en: Vec<Block> = (0..5000).map(|i| block(&[i], 100)).collect();
        let groups = align(&vi, &en);
        assert_eq!(groups.len(), 5000);
        assert!(
            groups
                .iter()
                .enumerate()
                .all(|(k, g)| g == &(vec![k], vec![k]))
        );
    }
}
