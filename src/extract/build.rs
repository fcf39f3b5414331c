//! Building a claim: its span, position and text in the file as written.

use smallvec::SmallVec;

use crate::claim::{Claim, Kind, Unit};

use super::Scanner;

impl Scanner<'_> {
    /// A claim of this kind and unit over tokens `start..end`, its values
    /// still to be set.
    pub(super) fn new_claim(&self, kind: Kind, unit: Unit, start: usize, end: usize) -> Claim {
        let (s, e) = (
            self.tokens[start].start as usize,
            self.tokens[end.max(start + 1) - 1].end as usize,
        );
        let mut c = Claim {
            kind,
            unit,
            unit_id: None,
            duration_unit: None,
            readings: SmallVec::new(),
            scale: 1.0,
            qualifier: None,
            date: None,
            range: false,
            vague: false,
            weak: false,
            traits: Default::default(),
            lang: self.lang,
            section: self.section,
            part: 0,
            line: self.line.number,
            column: 0,
            end_line: self.line.number,
            end_column: 0,
            text: String::new(),
            start: s,
            end: e,
            sentence: self.sentence_of[start] as usize,
        };
        self.set_span(&mut c, s, e);
        c
    }

    /// Set a claim's span to bytes `s..e` of the normalised line.
    pub(super) fn set_span(&self, c: &mut Claim, s: usize, e: usize) {
        let pos = self.line.position(s, e);
        c.start = s;
        c.end = e;
        c.column = pos.column;
        c.end_column = pos.end_column;
        c.text = match self.line.unchanged_slice(s, e) {
            Some(t) => t.to_string(),
            None => self
                .line
                .original_slice(pos.column, pos.end_column)
                .to_string(),
        };
    }
}
