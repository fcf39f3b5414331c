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

/// Which blocks hold each anchor, in block order.
struct Postings(FxHashMap<u64, Vec<u32>>);

impl Postings {
    fn new<'a>(blocks: impl Iterator<Item = (usize, &'a [u64])>) -> Self {
        let mut map: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (k, anchors) in blocks {
            for &a in anchors {
                map.entry(a).or_default().push(k as u32);
            }
        }
        Postings(map)
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
        for a in anchors {
            let Some(list) = self.0.get(a) else { continue };
            let start = list.partition_point(|&k| (k as usize) < from);
            for &k in &list[start..] {
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

/// Shared-anchor counts of one Vietnamese block with the English blocks of a
/// band, reset cheaply between rows.
struct Row {
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl Row {
    fn new(len: usize) -> Self {
        Row {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn fill(&mut self, shared: &Shared, anchors: &[u64], from: usize, to: usize) {
        for &k in &self.touched {
            self.counts[k as usize] = 0;
        }
        self.touched.clear();
        match shared {
            Shared::Postings(postings) => {
                postings.count(anchors, from, to, &mut self.counts, &mut self.touched)
            }
            // A few blocks: counting pairwise costs less than the postings.
            Shared::Direct(blocks) => {
                for k in from..to.min(blocks.len()) {
                    let n = shared_count(anchors, &blocks[k].anchors) as u32;
                    if n > 0 {
                        self.counts[k] = n;
                        self.touched.push(k as u32);
                    }
                }
            }
        }
    }
}

/// How the anchors an English block shares with a Vietnamese one are counted.
enum Shared<'a> {
    Postings(Postings),
    Direct(&'a [Block]),
}

impl<'a> Shared<'a> {
    fn of(blocks: &'a [Block], few: bool) -> Self {
        if few {
            Shared::Direct(blocks)
        } else {
            Shared::Postings(Postings::new(
                blocks.iter().enumerate().map(|(k, b)| (k, &b.anchors[..])),
            ))
        }
    }
}

/// Similarity of a Vietnamese and an English block sharing `shared`
/// anchors, given each block's weighed length and anchor count: the cosine of
/// their anchors, plus a little for plausible length (Vietnamese runs about
/// 1.3 times longer).
#[inline]
fn similarity((lv, nv): (f64, usize), (le, ne): (f64, usize), shared: u32) -> f64 {
    let length = if lv.max(le) == 0.0 {
        0.0
    } else {
        lv.min(le) / lv.max(le)
    };
    // No anchor in common is a cosine of exactly 0.
    let cosine = if shared == 0 {
        0.0
    } else {
        shared as f64 / ((nv * ne) as f64).sqrt()
    };
    cosine + 0.15 * length
}

/// Two consecutive blocks as one.
fn merge(a: &Block, b: &Block) -> Block {
    let mut m = Block {
        anchors: a.anchors.iter().chain(&b.anchors).copied().collect(),
        chars: a.chars + b.chars,
    };
    m.seal();
    m
}

/// Each block merged with the one before it (an empty block first, never used).
fn pairs(blocks: &[Block]) -> Vec<Block> {
    (0..blocks.len())
        .map(|i| {
            if i == 0 {
                Block::default()
            } else {
                merge(&blocks[i - 1], &blocks[i])
            }
        })
        .collect()
}

/// How far from the proportional diagonal the aligner looks: wide enough
/// for the steps between rows and for a run of 40 blocks present on one side
/// only, so memory and time stay linear in the number of blocks.
pub const BAND: usize = 40;

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
    let ratio = m.div_ceil(n).max(n.div_ceil(m));
    let band = BAND + 2 * ratio;
    let width = (2 * band + 1).min(m + 1);
    let lo: Vec<usize> = (0..=n)
        .map(|i| (i * m / n).saturating_sub(band).min(m + 1 - width))
        .collect();
    let cell = |i: usize, j: usize| i * width + (j - lo[i]);
    if n == 1 && m == 1 {
        // One block a side: 1-1 is tried first and no other move beats it.
        return vec![(vec![0], vec![0])];
    }
    let (vi2, en2) = (pairs(vi), pairs(en));
    let few = n * m <= 64;
    let (en1_post, en2_post) = (Shared::of(en, few), Shared::of(&en2, few));
    // Per row: shared(vi[i-1], en[k]), shared(vi2[i-1], en[k]), shared(vi[i-1], en2[k]).
    let (mut r11, mut r21, mut r12) = (Row::new(m), Row::new(m), Row::new(m));
    const NEG: f64 = f64::NEG_INFINITY;
    // Per block, what a similarity needs: its length as weighed, and how
    // many anchors it holds.
    let weigh_vi = |b: &Block| (b.chars as f64 / 1.3, b.anchors.len());
    let weigh_en = |b: &Block| (b.chars as f64, b.anchors.len());
    let (v1, v2): (Vec<_>, Vec<_>) = (
        vi.iter().map(weigh_vi).collect(),
        vi2.iter().map(weigh_vi).collect(),
    );
    let (e1, e2): (Vec<_>, Vec<_>) = (
        en.iter().map(weigh_en).collect(),
        en2.iter().map(weigh_en).collect(),
    );
    // Scores are kept for three rows (a move goes back at most two); the
    // way each cell was reached, for all of them, one byte a cell.
    let mut score = vec![NEG; 3 * width];
    let mut back = vec![0u8; (n + 1) * width];
    score[0] = 0.0;
    for i in 0..=n {
        let (from, to) = (lo[i], (lo[i] + width - 1).min(m));
        if i >= 1 {
            score[(i % 3) * width..(i % 3 + 1) * width].fill(NEG);
            // English block k = j - 1 for j in from..=to.
            let (kf, kt) = (from.saturating_sub(1), to);
            r11.fill(&en1_post, &vi[i - 1].anchors, kf, kt);
            r12.fill(&en2_post, &vi[i - 1].anchors, kf, kt);
            if i >= 2 {
                r21.fill(&en1_post, &vi2[i - 1].anchors, kf, kt);
            }
        }
        // The score of cell (r, c) of the two rows before, NEG outside the band.
        let prior = |score: &[f64], r: usize, c: usize| -> f64 {
            let l = lo[r];
            if c >= l && c < l + width {
                score[(r % 3) * width + (c - l)]
            } else {
                NEG
            }
        };
        for j in from..=to {
            if (i, j) == (0, 0) {
                continue;
            }
            // The moves, in order of preference on a tie: 1-1, skip a
            // Vietnamese block, skip an English one, 2-1, 1-2.
            let mut best = (NEG, 0u8);
            let mut take = |s: f64, code: u8| {
                if s > best.0 {
                    best = (s, code);
                }
            };
            if i >= 1 && j >= 1 {
                let p = prior(&score, i - 1, j - 1);
                if p > NEG {
                    take(
                        p + similarity(v1[i - 1], e1[j - 1], r11.counts[j - 1]),
                        0b0101,
                    );
                }
            }
            if i >= 1 {
                let p = prior(&score, i - 1, j);
                if p > NEG {
                    take(p + 0.0, 0b0100);
                }
            }
            if j >= 1 {
                let p = prior(&score, i, j - 1);
                if p > NEG {
                    take(p + 0.0, 0b0001);
                }
            }
            if i >= 2 && j >= 1 {
                let p = prior(&score, i - 2, j - 1);
                if p > NEG {
                    let g = similarity(v2[i - 1], e1[j - 1], r21.counts[j - 1]) - 0.1;
                    take(p + g, 0b1001);
                }
            }
            if i >= 1 && j >= 2 {
                let p = prior(&score, i - 1, j - 2);
                if p > NEG {
                    let g = similarity(v1[i - 1], e2[j - 1], r12.counts[j - 1]) - 0.1;
                    take(p + g, 0b0110);
                }
            }
            score[(i % 3) * width + (j - lo[i])] = best.0;
            back[cell(i, j)] = best.1;
        }
    }
    trace_back(&back, &lo, width, n, m)
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
