//! Comparison: how a Vietnamese claim relates to its English source, and the
//! finding (if any) that relation deserves.
//!
//! Owns the semantics of the verdicts: claims are compared as intervals with
//! qualifiers, never as strings. `relate.rs` measures how two claims' values
//! relate (used by pairing to score candidates, and here to judge);
//! `verdict.rs` turns a pair into a finding with a code and a severity;
//! `rules.rs` holds the verdicts beyond a pair's values (split ranges,
//! significant omissions, changed subjects); `messages.rs` writes what an
//! editor reads; `suggest.rs` the correction, the original's figure written
//! the Vietnamese way.

mod messages;
mod relate;
mod rules;
mod suggest;
mod verdict;

pub use messages::{meaning, omitted, quote, unsupported};
pub use relate::{
    Dimension, Related, Relation, dimension, equivalent_factors, implicit, relate, written_digits,
};
pub use rules::{Subject, added_significant, significant, split_range, subject_change};
pub use suggest::suggest;
pub use verdict::{Verdict, judge};

#[cfg(test)]
mod tests;
