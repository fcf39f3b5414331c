//! Building a claim: its span, position and text in the file as written.

use smallvec::SmallVec;

use crate::claim::{Claim, Interval, Kind, Reading, Unit};

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
            conversion: false,
            compound: false,
            maybe_hedge: None,
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
            sentence: self.sentence_of[start],
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

impl Scanner<'_> {
    /// A literal over tokens `start..end`: the digits of its numbers as
    /// written, compared as one number ("Llama 3.1" is 31, "A380" is 380), so
    /// that two renderings of one name or code compare equal and a changed
    /// digit does not. A literal of several numbers ("06:06", "9/11", a
    /// score "2-1") is the same literal in any order: its numbers are sorted
    /// before they are joined ("9/11" and "11/9" are both 911), since
    /// Vietnamese writes the day first and the loser's score first. `None`
    /// when it holds no digit.
    pub(super) fn literal_claim(&self, start: usize, end: usize) -> Option<Claim> {
        let end = end.min(self.tokens.len());
        let numbers: SmallVec<[&str; 4]> = (start..end)
            .filter(|&k| self.is_number(k))
            .map(|k| self.raw(k))
            .collect();
        self.literal_of(&numbers, start, end, None)
    }

    /// A literal of these numbers over tokens `start..end` (from byte
    /// `from` of the line when it starts inside the first token).
    pub(super) fn literal_of(
        &self,
        numbers: &[&str],
        start: usize,
        end: usize,
        from: Option<usize>,
    ) -> Option<Claim> {
        let mut groups: SmallVec<[String; 4]> = numbers
            .iter()
            .map(|n| {
                let digits: String = n.chars().filter(char::is_ascii_digit).collect();
                let significant = digits.trim_start_matches('0');
                if significant.is_empty() && !digits.is_empty() {
                    "0".to_string()
                } else {
                    significant.to_string()
                }
            })
            .filter(|g| !g.is_empty())
            .collect();
        if groups.is_empty() {
            return None;
        }
        let v = crate::claim::literal_value(&mut groups);
        let mut c = self.new_claim(Kind::Literal, Unit::None, start, end);
        if let Some(s) = from {
            let e = c.end;
            self.set_span(&mut c, s, e);
        }
        c.readings = smallvec::smallvec![Reading {
            value: v,
            value_hi: v,
            precision: 0.0,
            interval: Interval::closed(v, v),
        }];
        Some(c)
    }
}
