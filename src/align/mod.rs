//! Alignment: which Vietnamese claim comes from which English claim.
//!
//! Owns pairing. The translation is aligned with the original first —
//! paragraphs, then sentences inside aligned paragraphs — by a monotonic
//! dynamic programme over shared anchors (`monotonic.rs`), robust to a
//! paragraph present on one side only and to merged or split units. Claims
//! are then paired inside aligned units by kind, value compatibility and
//! local context (`translation.rs`, scored by `score.rs` over the contexts of
//! `context.rs`). Summary and takeaway claims may come from anywhere in the
//! original: each takes its best supported source, looked up by value and by
//! anchor (`summary.rs`). A claim without a credible counterpart stays
//! unpaired.

mod context;
mod monotonic;
mod restated;
mod score;
mod summary;
mod translation;

pub use context::{Context, ContextBuilder, Contexts};
pub use monotonic::{BAND, Blocks};
pub use translation::Matcher;

use smallvec::SmallVec;

use crate::claim::{Claim, Section};
use crate::compare::Related;
use crate::segment::Article;

/// A Vietnamese claim and its English source (indices into the claim list).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub vi: usize,
    pub en: usize,
    pub related: Related,
}

/// The result of pairing.
#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    /// Vietnamese claims with no credible source.
    pub unpaired_vi: Vec<usize>,
    /// English claims of the original nothing in the translation took.
    pub unpaired_en: Vec<usize>,
    /// Context of every claim, by claim index.
    pub contexts: Contexts,
    /// How the translation's paragraphs were aligned with the original's,
    /// in order (what the pairs of the translation were found inside): for
    /// reports that show each paragraph beside its counterpart.
    pub paragraphs: Vec<ParagraphGroup>,
}

/// Paragraphs of the translation aligned with paragraphs of the original
/// (1-1, 2-1, 1-2, or one side empty), each as its (part, 1-based line) key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphGroup {
    pub vi: SmallVec<[(u32, u32); 2]>,
    pub en: SmallVec<[(u32, u32); 2]>,
}

/// Pair the claims of an article, whose contexts were built as they were read.
pub fn pair(article: &Article, claims: &[Claim], contexts: Contexts) -> Pairing {
    let of = |f: fn(Section) -> bool| -> Vec<usize> {
        (0..claims.len())
            .filter(|&i| f(claims[i].section))
            .collect()
    };
    let en = of(|s| s == Section::Original);
    let tr = of(|s| s == Section::Translation);
    let summary = of(|s| matches!(s, Section::Summary | Section::Takeaway));

    let mut matcher = Matcher::new(claims, &contexts);
    let (mut unpaired_vi, unpaired_en) = matcher.run(article, &tr, &en);
    let mut pairs = std::mem::take(&mut matcher.pairs);
    let paragraphs = std::mem::take(&mut matcher.paragraphs);
    // The index of sources is built only for an article with a summary.
    if !summary.is_empty() {
        let translation_pairs = pairs.len();
        let mut overlap = score::Overlap::new(&contexts);
        let index = summary::SourceIndex::new(claims, &contexts, &en);
        let mut unsupported = Vec::new();
        for &v in &summary {
            match index.best_source(&mut overlap, v) {
                Some(p) => pairs.push(p),
                None => unsupported.push(v),
            }
        }
        let restated = restated::through_translation(
            article,
            claims,
            &contexts,
            &tr,
            &pairs[..translation_pairs],
            &mut unsupported,
        );
        pairs.extend(restated);
        unpaired_vi.extend(unsupported);
    }
    drop(matcher);
    pairs.sort_by_key(|p| (p.vi, p.en));
    unpaired_vi.sort_unstable();
    Pairing {
        pairs,
        unpaired_vi,
        unpaired_en,
        contexts,
        paragraphs,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Articles for the pairing's unit tests: claims and contexts read from
    //! text in the seed layout.

    use super::*;
    use crate::catalogue::builtin;
    use crate::extract::read_article;
    use crate::input::Source;

    /// An article, its claims and their contexts.
    pub struct Read {
        pub article: Article,
        pub claims: Vec<Claim>,
        pub contexts: Contexts,
    }

    impl Read {
        /// The index of the claim whose text is `text` in `section`.
        pub fn claim(&self, section: Section, text: &str) -> usize {
            self.claims
                .iter()
                .position(|c| c.section == section && c.text == text)
                .unwrap_or_else(|| panic!("no claim {text:?} in {section:?}"))
        }
    }

    /// An article in the seed layout from its text.
    pub fn article(text: &str) -> Article {
        Article::from_layout(
            builtin(),
            &Source {
                name: "t.txt".into(),
                text: text.into(),
            },
        )
    }

    pub fn read(text: &str) -> Read {
        let cat = builtin();
        let article = article(text);
        let mut builder = ContextBuilder::new(cat);
        let claims = read_article(cat, &article, &mut builder).claims;
        let contexts = builder.finish(claims.len());
        Read {
            article,
            claims,
            contexts,
        }
    }
}
