//! Rule `summary-via-translation`: a summary figure that no figure of the
//! original supports (neither by value nor by shared names and terms) is
//! most often a figure of the translation restated, changed on the way: the
//! bullet "Ông Tùng, 45 tuổi, …" restates the translation's "Ông Tùng, 44
//! tuổi, …", which the pairing already tied to the original's "44". Both
//! are Vietnamese, so their words say which sentence the bullet restates far
//! better than the language-neutral anchors the original offers: the
//! translation figure of the same dimension whose sentence shares the most
//! word pairs with the bullet's around the figure, then the most words
//! right beside both figures (at least one), leads to the source.
//!
//! Bounds: at most `MAX_CLAIMS` summary claims are looked up, each among
//! the first `MAX_CANDIDATES` translation figures of its dimension (figures
//! past them in a longer translation are not candidates), each window
//! `WINDOW` bytes a side; so an article of any shape costs linear time.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

use super::monotonic::shared_count;
use super::{Contexts, Pair};
use crate::claim::Claim;
use crate::compare::{Relation, dimension, relate};
use crate::segment::Article;

/// At most this many unsupported summary claims are looked up.
const MAX_CLAIMS: usize = 256;
/// At most this many translation figures are weighed for one claim.
const MAX_CANDIDATES: usize = 1024;
/// Bytes read on each side of a figure for its words; and, to tell apart
/// the figures of one sentence, for the words right beside it.
const WINDOW: usize = 160;
const BESIDE: usize = 40;
/// Word pairs a bullet and a translation sentence must share around their
/// figures for one to restate the other.
const NEEDED: usize = 2;

/// Sources for summary claims `unsupported` through the translation's
/// claims `tr` and their pairs; returns the pairs found and leaves the rest
/// in `unsupported`.
pub fn through_translation(
    article: &Article,
    claims: &[Claim],
    contexts: &Contexts,
    tr: &[usize],
    translation_pairs: &[Pair],
    unsupported: &mut Vec<usize>,
) -> Vec<Pair> {
    if translation_pairs.is_empty() || unsupported.is_empty() {
        return Vec::new();
    }
    let source_of: FxHashMap<usize, usize> =
        translation_pairs.iter().map(|p| (p.vi, p.en)).collect();
    let mut cache: Vec<Option<(Vec<u64>, Vec<u64>)>> = vec![None; tr.len()];
    let mut found = Vec::new();
    let mut kept = Vec::new();
    for (n, &v) in unsupported.iter().enumerate() {
        let c = &claims[v];
        if n >= MAX_CLAIMS || c.weak {
            kept.push(v);
            continue;
        }
        let words = |x: usize| {
            (
                words_around(article, claims, contexts, x, WINDOW, Grams::Pairs),
                words_around(article, claims, contexts, x, BESIDE, Grams::Words),
            )
        };
        let mine = words(v);
        // The translation figures of the claim's dimension sharing the most
        // word pairs with it in their sentences, then the most words right
        // beside it (the figures of one sentence share as many pairs).
        let mut best = (0, 0);
        let mut restated: Vec<usize> = Vec::new();
        let same_dimension = tr
            .iter()
            .enumerate()
            .filter(|&(_, &t)| dimension(&claims[t]) == dimension(c))
            .take(MAX_CANDIDATES);
        for (k, &t) in same_dimension {
            let theirs = cache[k].get_or_insert_with(|| words(t));
            let shared = (
                shared_count(&mine.0, &theirs.0),
                shared_count(&mine.1, &theirs.1),
            );
            // At least one word right beside both figures.
            if shared.0 < NEEDED || shared.1 == 0 || shared < best {
                continue;
            }
            if shared > best {
                best = shared;
                restated.clear();
            }
            restated.push(t);
        }
        // One of them equal to the claim is the figure restated: its source,
        // if the pairing found one, is the claim's (an unpaired one leaves
        // the claim unsupported). Otherwise the one figure found, changed,
        // leads to its source; two or more are ambiguous.
        let equal: Vec<usize> = restated
            .iter()
            .copied()
            .filter(|&t| relate(c, &claims[t]).relation == Relation::Equal)
            .collect();
        let source = match (&equal[..], &restated[..]) {
            ([t], _) | ([], [t]) => source_of.get(t).copied(),
            _ => None,
        };
        let pair = source.and_then(|e| {
            let related = relate(c, &claims[e]);
            (related.relation != Relation::Incomparable
                && super::score::plausible_mismatch(c, &claims[e], related))
            .then_some(Pair {
                vi: v,
                en: e,
                related,
            })
        });
        match pair {
            Some(p) => found.push(p),
            None => kept.push(v),
        }
    }
    *unsupported = kept;
    found
}

/// What `words_around` hashes: the lowercase words, or the pairs of
/// adjacent ones (a number or punctuation breaks a pair).
#[derive(Clone, Copy, PartialEq)]
enum Grams {
    Words,
    Pairs,
}

/// Hashes of the words (or word pairs) within `window` bytes of claim `c`
/// and in its sentence, sorted and without repeats.
fn words_around(
    article: &Article,
    claims: &[Claim],
    contexts: &Contexts,
    c: usize,
    window: usize,
    grams: Grams,
) -> Vec<u64> {
    let (part, number) = contexts.of[c].paragraph;
    let Some(line) = article.parts.get(part as usize).and_then(|p| {
        p.lines
            .binary_search_by_key(&(number as usize), |l| l.number)
            .ok()
            .map(|k| &p.lines[k])
    }) else {
        return Vec::new();
    };
    let text = line.text();
    let claim = &claims[c];
    let mut from = claim.start.min(text.len()).saturating_sub(window);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (claim.end + window).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Within the claim's sentence: after the last end of a sentence before
    // it, up to the first after it.
    let start = claim.start.clamp(from, to);
    let end = claim.end.clamp(start, to);
    if let Some(k) = sentence_ends(&text[from..start]).last() {
        from += k;
    }
    if let Some(k) = sentence_ends(&text[end..to]).next() {
        to = end + k;
    }
    let mut out = Vec::new();
    let mut previous: Option<u64> = None;
    for piece in text[from..to].split(|ch: char| !ch.is_alphanumeric()) {
        if piece.is_empty() {
            continue;
        }
        if piece.chars().any(|ch| ch.is_ascii_digit()) {
            previous = None;
            continue;
        }
        let mut h = FxHasher::default();
        for ch in piece.chars().flat_map(char::to_lowercase) {
            h.write_u32(ch as u32);
        }
        let word = h.finish();
        match (grams, previous) {
            (Grams::Words, _) => out.push(word),
            (Grams::Pairs, Some(p)) => out.push(p.rotate_left(17) ^ word),
            (Grams::Pairs, None) => {}
        }
        previous = Some(word);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The byte offsets just after each end of a sentence in `text`: ".", "!",
/// "?" or ";" before a space (not the point of "4.3").
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(k, ch)| {
            matches!(ch, '.' | '!' | '?' | ';')
                && text[k + 1..].starts_with(|next: char| next.is_whitespace())
        })
        .map(|(k, _)| k + 1)
}

#[cfg(test)]
mod tests {
    use crate::align::pair;
    use crate::align::testing::read;
    use crate::claim::Section;

    /// The source of summary claim `summary`, by its text, if any.
    fn source(text: &str, summary: &str) -> Option<String> {
        let r = read(text);
        let v = r.claim(Section::Summary, summary);
        let pairing = pair(&r.article, &r.claims, r.contexts.clone());
        let p = pairing.pairs.iter().find(|p| p.vi == v)?;
        Some(r.claims[p.en].text.clone())
    }

    const ARTICLE: &str = "- Ông Trần Văn Tùng, SUMMARY, đắc cử thị trưởng Hòa Bình\n\
        https://example.com/a\n\
        Ông Trần Văn Tùng, 44 tuổi, đắc cử thị trưởng Hòa Bình với 52% phiếu bầu.\n\
        Mr Tran, 44, won the Hoa Binh mayoralty with 52% of the vote.\n";

    #[test]
    fn a_changed_figure_restated_from_the_translation_finds_its_source() {
        let text = ARTICLE.replace("SUMMARY", "45 tuổi");
        assert_eq!(source(&text, "45 tuổi").as_deref(), Some("44"));
    }

    #[test]
    fn a_bullet_copying_a_changed_translation_figure_is_held_to_the_original() {
        let text = ARTICLE
            .replace("SUMMARY", "45 tuổi")
            .replace("Tùng, 44 tuổi", "Tùng, 45 tuổi");
        assert_eq!(source(&text, "45 tuổi").as_deref(), Some("44"));
    }

    #[test]
    fn common_words_of_another_sentence_are_no_restatement() {
        let text = "- Công ty cho biết doanh thu của các cửa hàng tăng 30% trong năm nay\n\
            https://example.com/a\n\
            Công ty cho biết số nhân viên giảm trong năm nay. Lợi nhuận tăng 12%.\n\
            The company said staff numbers fell this year. Profit rose 12%.\n";
        assert_eq!(source(text, "30%"), None);
    }

    /// The source `through_translation` alone finds for `summary`.
    fn restated(text: &str, summary: &str) -> Option<String> {
        let r = read(text);
        let v = r.claim(Section::Summary, summary);
        let pairing = pair(&r.article, &r.claims, r.contexts.clone());
        let tr: Vec<usize> = (0..r.claims.len())
            .filter(|&i| r.claims[i].section == Section::Translation)
            .collect();
        let translation_pairs: Vec<_> = pairing
            .pairs
            .iter()
            .filter(|p| tr.contains(&p.vi))
            .copied()
            .collect();
        let found = super::through_translation(
            &r.article,
            &r.claims,
            &r.contexts,
            &tr,
            &translation_pairs,
            &mut vec![v],
        );
        found.first().map(|p| r.claims[p.en].text.clone())
    }

    #[test]
    fn two_figures_restated_as_closely_are_ambiguous() {
        let text = "- Cổ phiếu Sao Mai tăng 9% trong phiên sáng\n\
            https://example.com/a\n\
            Cổ phiếu Sao Mai tăng 4% trong phiên sáng.\n\
            Cổ phiếu Sao Mai tăng 6% trong phiên sáng.\n\
            Sao Mai shares rose 4% in the morning.\n\
            Sao Mai shares rose 6% in the morning.\n";
        assert_eq!(restated(text, "9%"), None);
        // One of them alone is not.
        let one = text.replace("Cổ phiếu Sao Mai tăng 6% trong phiên sáng.\n", "");
        assert_eq!(restated(&one, "9%").as_deref(), Some("4%"));
    }

    #[test]
    fn a_figure_of_another_dimension_or_sentence_is_no_source() {
        let text = ARTICLE.replace("SUMMARY", "45 km");
        assert_eq!(source(&text, "45 km"), None);
        let text = "- Giá vàng đạt 45 tuổi trong phiên sáng\n\
            https://example.com/a\n\
            Ông Trần Văn Tùng, 44 tuổi, đắc cử thị trưởng Hòa Bình.\n\
            Mr Tran, 44, won the Hoa Binh mayoralty.\n";
        assert_eq!(source(text, "45 tuổi"), None);
    }
}
