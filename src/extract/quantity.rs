//! Quantities: a figure with its range ("11% to 19%"), changes ("from 10%
//! to 80%"), decades, the name it may belong to, and its qualifiers.

use crate::catalogue::schema::WordRole;
use crate::claim::{Kind, Qualifier, Readings};
use crate::lang::Lang;
use crate::tokenize::TokenKind;

use super::{Core, Scanner, Step, reading};

/// The readings of a figure (or of the range from `core` to `hi`) in the
/// canonical unit of its kind: scaled, converted (`unit_factor`, then
/// `offset`: °F to °C), a fraction as a percentage, a decade as its ten
/// years. `None` when no reading of the range goes upwards.
fn scaled_readings(
    core: &Core,
    hi: Option<&Core>,
    (unit_factor, offset): (f64, f64),
    decade: bool,
    qualifier: Option<&Qualifier>,
) -> Option<Readings> {
    let percent = if core.fraction { 100.0 } else { 1.0 };
    let f = core.scale * unit_factor * percent;
    let Some(h) = hi else {
        return Some(
            core.readings
                .iter()
                .map(|r| {
                    let (lo, up, p) = if decade {
                        (r.value, r.value + 9.0, 0.0)
                    } else {
                        let v = r.value * f + offset;
                        (v, v, r.precision * f)
                    };
                    reading(lo, up, p, qualifier)
                })
                .collect(),
        );
    };
    let hf = h.scale * unit_factor * percent;
    let mut v = Readings::new();
    for r in &core.readings {
        for s in &h.readings {
            if s.value * hf > r.value * f {
                v.push(reading(
                    r.value * f + offset,
                    s.value * hf + offset,
                    r.precision * f,
                    qualifier,
                ));
            }
        }
    }
    (!v.is_empty()).then_some(v)
}

/// A figure and, when it is a range, its upper end.
struct Span {
    core: Core,
    hi: Option<Core>,
    end: usize,
}

impl Scanner<'_> {
    pub(super) fn quantity_at(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.labelled_word_at(i) {
            return Some(step);
        }
        let mut first = self.core_at(i)?;
        self.settle_unit(&mut first, i);
        // A lone number word that is no claim by itself ("a", "một"), with no
        // range connector after it: nothing below can make it one.
        let bare = first.scale == 1.0
            && first.unit.is_none()
            && first.currency.is_none()
            && !first.fraction;
        if first.words
            && bare
            && (!first.alone_ok || first.article)
            && !self
                .t
                .role(WordRole::RangeTo)
                .starts_at(self.tokens, first.end)
            && !self
                .t
                .role(WordRole::RangeAnd)
                .starts_at(self.tokens, first.end)
        {
            return Some(Step::Skip(first.end));
        }
        let Span {
            mut core,
            hi,
            mut end,
        } = match self.range_at(i, &first) {
            Ok(span) => span,
            Err(skip) => return Some(Step::Skip(skip)),
        };
        // Lone number words that are no claim by themselves ("one of",
        // "một sự kiện", "năm ngoái"); a range makes them a figure ("one to 10").
        let has_attachment =
            core.scale != 1.0 || core.unit.is_some() || core.currency.is_some() || core.fraction;
        if hi.is_none() && first.words && !has_attachment {
            if !first.alone_ok || first.article {
                return Some(Step::Skip(first.end));
            }
            if first.needs_next && !self.vietnamese_count_follows(first.end) {
                return None;
            }
        }
        // "a" is one only before a scale word or a fraction ("a million",
        // "a third"), or a unit the catalogue marks `one_with_article` ("a
        // decade") when no figure stands before it: "$6 trillion a year" is
        // a rate.
        // "an hour and a half" is always one and a half.
        let and_a_half = core.readings.first().is_some_and(|r| r.value == 1.5);
        let one_unit = core
            .unit
            .is_some_and(|u| self.cat.units[u].one_with_article || and_a_half)
            && !self.rate_before(i);
        if first.article && core.scale == 1.0 && !core.fraction {
            if !one_unit {
                return Some(Step::Skip(first.end));
            }
            // "a decade" is exactly one.
            core.readings.iter_mut().for_each(|r| r.precision = 0.0);
        }
        let of = self.kind_of(core.currency.as_ref(), core.unit, core.fraction);
        let (kind, decade) = self.count_or_year(of.kind, &core, hi.as_ref(), end);
        end += decade.unwrap_or(0);
        // Bare numbers right after a name are part of it: Mate 60, Llama 3.1;
        // one with a scale word is an amount ("Tre-2.5 Mini 8 tỷ tham số").
        if matches!(kind, Kind::Count | Kind::Year)
            && !first.words
            && core.scale == 1.0
            && self.after_name(i)
        {
            return Some(Step::Literal(end.max(self.skip_attached(i))));
        }
        let multiplier_of_one =
            kind == Kind::Multiplier && core.readings.first().is_some_and(|r| r.value == 1.0);
        if multiplier_of_one {
            return Some(Step::Skip(end));
        }
        let (claim_start, qualifier) = self.qualifier_around(i, &mut end, kind);
        let mut c = self.new_claim(kind, of.unit, claim_start, end);
        c.duration_unit = of.duration_unit;
        c.unit_id = core.unit.map(|u| self.cat.units[u].id.clone());
        c.scale = core.scale;
        let mut readings = self.unit_readings(
            &core,
            hi.as_ref(),
            of.factor,
            decade.is_some(),
            qualifier.as_ref(),
        )?;
        c.range = hi.is_some();
        c.compound = core.compound;
        readings.truncate(4);
        if readings.is_empty()
            || readings
                .iter()
                .any(|r| !r.value.is_finite() || !r.value_hi.is_finite())
        {
            return Some(Step::Skip(end));
        }
        c.readings = readings;
        c.range |= decade.is_some();
        c.qualifier = qualifier;
        c.weak = weak(kind, &first, &core, hi.is_some());
        if c.weak && first.article && self.alternative_follows(end) {
            return Some(Step::Skip(end));
        }
        Some(Step::Claim(Box::new(c), end))
    }

    /// The unit of a figure as its surroundings say: another unit near
    /// certain words ("6,2 độ" near "động đất"), or one named before it
    /// ("magnitude 6.2").
    fn settle_unit(&self, first: &mut Core, i: usize) {
        first.unit = first.unit.map(|u| self.unit_in_context(u, i, first.end));
        if first.unit.is_none() && first.currency.is_none() && !first.fraction && !first.words {
            first.unit = self
                .t
                .units_before
                .match_ending_at(self.tokens, i)
                .map(|(_, &u)| u);
        }
    }

    /// The readings of a figure in its unit, converted (`factor`, then the
    /// unit's offset), and in every other unit the catalogue says it may be
    /// in ("95 degrees": °C as written, or °F converted).
    fn unit_readings(
        &self,
        core: &Core,
        hi: Option<&Core>,
        factor: f64,
        decade: bool,
        qualifier: Option<&Qualifier>,
    ) -> Option<Readings> {
        let unit = core.unit.map(|u| &self.cat.units[u]);
        let offset = unit.map_or(0.0, |u| u.offset);
        let mut readings = scaled_readings(core, hi, (factor, offset), decade, qualifier)?;
        for &alt in unit.map_or(&[][..], |u| &u.also[..]) {
            let a = &self.cat.units[alt];
            if let Some(more) = scaled_readings(core, hi, (a.factor, a.offset), false, qualifier) {
                readings.extend(more);
            }
        }
        Some(readings)
    }

    /// Ranges: "11% to 19%", "11-19%", "between 30 and 43 percent", "between
    /// the ages of 18 and 30"; and the changes that look like one ("from 10%
    /// to 80%", "fell by £4.6bn to £12.6bn"). `Err` is a date to skip.
    fn range_at(&self, i: usize, first: &Core) -> Result<Span, usize> {
        let mut span = Span {
            core: first.clone(),
            hi: None,
            end: first.end,
        };
        let end = span.end;
        let between = (0..=4).any(|back| {
            i >= back
                && !(i - back..i).any(|k| self.tokens[k].kind == TokenKind::Punct)
                && self
                    .t
                    .role(WordRole::RangeBetween)
                    .match_ending_at(self.tokens, i - back)
                    .is_some()
        });
        let connector = self
            .t
            .role(WordRole::RangeTo)
            .match_at(self.tokens, end)
            .or_else(|| {
                if between {
                    self.t.role(WordRole::RangeAnd).match_at(self.tokens, end)
                } else {
                    None
                }
            });
        let word_connector = connector.is_some() && self.is_word(end);
        let Some((clen, _)) = connector.filter(|_| !(word_connector && self.change_by(i))) else {
            return Ok(span);
        };
        let Some(second) = self.core_at(end + clen).filter(|s| {
            let attached = s.scale != 1.0 || s.unit.is_some() || s.currency.is_some();
            s.alone_ok
                && !s.article
                && (!s.needs_next || attached)
                && !(word_connector && new_level(first, s))
        }) else {
            return Ok(span);
        };
        // "the four months to 30 June": a duration, then a date. (Spans of
        // days, "21-22 June", are read as dates before this reader runs.)
        if self.date_follows(second.end) {
            let attached = first.scale != 1.0 || first.unit.is_some() || first.currency.is_some();
            return if attached { Ok(span) } else { Err(second.end) };
        }
        let Some((lo, hi)) = self.merge_range(&span.core, &second) else {
            return Ok(span);
        };
        let factor = self.kind_of(lo.currency.as_ref(), lo.unit, false).factor;
        let ascending = lo.readings.iter().any(|r| {
            hi.readings
                .iter()
                .any(|s| s.value * hi.scale * factor > r.value * lo.scale * factor)
        });
        let change = word_connector
            && self
                .t
                .role(WordRole::ChangeFrom)
                .match_ending_at(self.tokens, i)
                .is_some_and(|(len, _)| {
                    let from = i - len;
                    (from.saturating_sub(4)..from).any(|k| self.has_role(WordRole::ChangeVerb, k))
                });
        if change {
            // "from 10% to 80%": two figures; the first borrows the unit and
            // scale of the second, which is read on its own.
            span.core = lo;
        } else if ascending {
            span.core = lo;
            span.end = second.end;
            span.hi = Some(hi);
        }
        Ok(span)
    }

    /// The unit a unit word means around the figure at `i..end`: "6,2 độ"
    /// near "động đất" is a magnitude (the catalogue's `near`).
    fn unit_in_context(&self, u: usize, i: usize, end: usize) -> usize {
        for (other, words, within) in &self.cat.units[u].near {
            let from = i.saturating_sub(*within);
            let to = (end + within).min(self.tokens.len());
            if (from..to).any(|k| words.starts_at(self.tokens, k)) {
                return *other;
            }
        }
        u
    }

    /// A figure ends right before `i` ("$6 trillion a decade", "5% a
    /// year"): the article at `i` starts a rate, not a quantity.
    fn rate_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        self.is_number(p)
            || self.is_punct(p, '%')
            || self.t.scales.match_ending_at(self.tokens, i).is_some()
            || self.t.units.match_ending_at(self.tokens, i).is_some()
            || self
                .t
                .currency_suffix
                .match_ending_at(self.tokens, i)
                .is_some()
            || self.t.multipliers.match_ending_at(self.tokens, i).is_some()
    }

    /// Rule `change-by-to`: "fell by £4.6bn to £12.6bn" is a change and its
    /// result, two figures, not a range from 4.6 to 12.6.
    fn change_by(&self, i: usize) -> bool {
        i >= 1 && self.has_role(WordRole::ChangeBy, i - 1)
    }

    /// Rule `decade`: a decade suffix glued to a year ("1990s"), also after
    /// an apostrophe ("the 1840's", "the 1840 's"): its length in tokens.
    pub(super) fn decade_suffix(&self, end: usize) -> Option<usize> {
        if self.has_role(WordRole::DecadeSuffix, end) && self.attached(end) {
            return Some(1);
        }
        ((self.is_punct(end, '\'') || self.is_punct(end, '’'))
            && self.has_role(WordRole::DecadeSuffix, end + 1)
            && self.attached(end + 1))
        .then_some(2)
    }

    /// The qualifier of a figure at `i` ending at `end`: before it ("almost
    /// 25%") or after it ("50% or more", which moves `end`). Returns where the
    /// claim starts. Years and dates take none ("over 2020" is not a bound).
    fn qualifier_around(
        &self,
        i: usize,
        end: &mut usize,
        kind: Kind,
    ) -> (usize, Option<Qualifier>) {
        if matches!(kind, Kind::Year | Kind::Date) {
            return (i, None);
        }
        if let Some((s, q)) = self.qualifier_before(i, Some(*end), kind) {
            return (s, Some(q));
        }
        match self.t.qualifiers_after.match_at(self.tokens, *end) {
            Some((len, q)) => {
                *end += len;
                (
                    i,
                    Some(Qualifier {
                        kind: q.kind,
                        text: q.phrase.clone(),
                        tolerance: q.tolerance,
                        loose: q.loose,
                    }),
                )
            }
            None => (i, None),
        }
    }

    /// After a lone "năm" (five or year): a number word, scale, unit,
    /// currency, "rưỡi" or counted noun makes it five.
    fn vietnamese_count_follows(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        self.t.number_words.contains_key(&t.sym)
            || self.has_role(WordRole::AndAHalf, k)
            || self.amount_word_at(k)
            || self.t.units.starts_at(self.tokens, k)
            || self.has_role(WordRole::CountedNoun, k)
    }

    /// Two figures joined as a range; the first takes the unit, currency and
    /// scale of the second when it has none ("11-19%", "$1-2 billion").
    fn merge_range(&self, a: &Core, b: &Core) -> Option<(Core, Core)> {
        // "rose 2% to £673m": a percentage and an amount are no range.
        if a.fraction
            || b.fraction
            || (a.unit.is_some() && b.currency.is_some())
            || (a.currency.is_some() && b.unit.is_some())
        {
            return None;
        }
        let mut a = a.clone();
        let mut b = b.clone();
        match (&a.currency, &b.currency) {
            (Some(x), Some(y)) if x != y => return None,
            (None, Some(y)) => a.currency = Some(y.clone()),
            (Some(x), None) => b.currency = Some(x.clone()),
            _ => {}
        }
        match (a.unit, b.unit) {
            (Some(x), Some(y)) if x != y => return None,
            (None, Some(y)) => a.unit = Some(y),
            (Some(x), None) => b.unit = Some(x),
            _ => {}
        }
        if a.scale == 1.0 && b.scale != 1.0 {
            a.scale = b.scale;
        }
        // "2017-18": a fiscal year, not a range from 2017 to 18.
        if a.year_like
            && let Some(short) = b.readings.first().map(|r| r.value)
            && b.readings.len() == 1
            && (0.0..100.0).contains(&short)
            && short.fract() == 0.0
            && !b.year_like
            && b.unit.is_none()
            && b.currency.is_none()
            && b.scale == 1.0
            && !b.words
        {
            let century = (a.readings[0].value / 100.0).floor() * 100.0;
            b.readings[0].value = century + short;
            b.year_like = b.readings[0].value > a.readings[0].value;
            if !b.year_like {
                return None;
            }
        }
        if a.year_like != b.year_like {
            return None;
        }
        Some((a, b))
    }

    /// Rule `roman-after-name`: a Roman numeral of two letters or more, of
    /// I, V and X only, right after a name is part of it: "Avatar II",
    /// "World War II", "Apollo XI", "Louis XIV". One letter ("Plan B", the
    /// pronoun "I") and numerals with L, C, D or M (acronyms: "DC", "CD",
    /// "MM") are not read.
    pub(super) fn roman_after_name(&self, i: usize) -> bool {
        let raw = self.raw(i).as_bytes();
        raw.len() >= 2 && raw.iter().all(|b| matches!(b, b'I' | b'V' | b'X')) && self.after_name(i)
    }

    /// True when the token before `i` is a capitalised word that is not a
    /// function word, month or qualifier: the number is part of a name.
    fn after_name(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        if !p.is_word() || !p.capitalized() || !self.tokens[i].space_before() {
            return false;
        }
        let p_idx = i - 1;
        !(self.has_role(WordRole::FunctionWord, p_idx)
            || self.has_role(WordRole::YearMarker, p_idx)
            || self.t.months.match_ending_at(self.tokens, i).is_some()
            || self
                .t
                .qualifiers_before
                .match_ending_at(self.tokens, i)
                .is_some()
            || self
                .t
                .currency_prefix
                .match_ending_at(self.tokens, i)
                .is_some()
            || self
                .t
                .role(WordRole::RangeBetween)
                .match_ending_at(self.tokens, i)
                .is_some())
    }
}

impl Scanner<'_> {
    /// Rule `alternatives`: "an hour or two", "một hoặc hai ngày": a figure
    /// with an article offered as one of two is no claim of its own (a bare
    /// spelled-out one, "eight or nine", stays a weak claim).
    fn alternative_follows(&self, end: usize) -> bool {
        self.t
            .role(WordRole::Alternative)
            .match_at(self.tokens, end)
            .is_some_and(|(len, _)| {
                self.is_number(end + len)
                    || super::words::parse(self.t, self.lang, self.toks(), end + len).is_some()
            })
    }

    /// Rule `counted-year`: "1500 công nhân", "1800 người" are counts; a
    /// four-digit number with no counted noun after it (ending at `end`) is
    /// a year, with the length of a decade suffix after it ("the 1990s").
    fn count_or_year(
        &self,
        kind: Kind,
        core: &Core,
        hi: Option<&Core>,
        end: usize,
    ) -> (Kind, Option<usize>) {
        let year = kind == Kind::Count
            && core.year_like
            && hi.is_none_or(|h| h.year_like)
            && !self.has_role(WordRole::CountedNoun, end);
        let kind = if year { Kind::Year } else { kind };
        let decade = (kind == Kind::Year && hi.is_none())
            .then(|| self.decade_suffix(end))
            .flatten();
        (kind, decade)
    }

    /// A number word after a label noun is the label, compared digit for
    /// digit: "quý hai" is the second quarter, "hạng ba" third place, "the
    /// top four" (a label before digits is read in `traps.rs`).
    fn labelled_word_at(&self, i: usize) -> Option<Step> {
        if !self.is_word(i) {
            return None;
        }
        let labelled = self.after_label(i);
        if !labelled && !self.roman_after_name(i) {
            return None;
        }
        // A Roman numeral after a label or a name, in either language:
        // "quý I", "thế kỷ XVIII", "Phase II", "Avatar II".
        if let Some(v) = self
            .tok(i)
            .filter(|t| t.all_caps())
            .and_then(|_| roman(self.raw(i)))
        {
            let digits = v.to_string();
            let c = self.literal_of(&[digits.as_str()], i, i + 1, None)?;
            return Some(Step::Claim(Box::new(c), i + 1));
        }
        if !labelled {
            return None;
        }
        let w = super::words::parse(self.t, self.lang, self.toks(), i)?;
        // A scale or a currency after it makes it an amount ("khoản lỗ chín
        // tỷ bảng"); a unit may be the next phrase ("quý hai năm nay"), but
        // not in English, where it follows the number ("stage three
        // hours").
        if self.amount_word_at(w.end)
            || (self.lang == Lang::En && self.attaches_after_number(w.end))
        {
            return None;
        }
        let digits = format!("{}", w.value);
        let c = self.literal_of(&[digits.as_str()], i, w.end, None)?;
        Some(Step::Claim(Box::new(c), w.end))
    }
}

/// The value of a Roman numeral written the standard way ("XVIII" is 18;
/// "IIII" and "VX" are not numerals), 1 to 3999.
fn roman(text: &str) -> Option<u32> {
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    // Read by the standard subtractive rule, then accepted only when
    // writing the value back gives the same text.
    let mut value = 0i64;
    for k in 0..bytes.len() {
        let v = digit(bytes[k])? as i64;
        let next = bytes.get(k + 1).and_then(|&n| digit(n)).unwrap_or(0) as i64;
        value += if next > v { -v } else { v };
    }
    let value = u32::try_from(value)
        .ok()
        .filter(|v| (1..4000).contains(v))?;
    (to_roman(value) == text).then_some(value)
}

fn to_roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

/// Whether a figure is weak (used for pairing, never reported missing): a
/// small number spelled out with nothing attached ("two companies"), or a
/// bare "1", as often the article "a" as a count ("1 chai mứt").
fn weak(kind: Kind, first: &Core, core: &Core, range: bool) -> bool {
    let plain = !range && core.scale == 1.0 && !core.fraction;
    let bare_one = kind == Kind::Count && plain && core.readings[0].value == 1.0;
    bare_one
        || first.words
            && plain
            && core.currency.is_none()
            && core.readings[0].value <= if kind == Kind::Count { 10.0 } else { 1.0 }
}

/// Rule `new-level`: after a word connector, a second figure with no unit of
/// its own, more than ten times away from a first figure that has one, is
/// the level reached, not the end of a range: "rose 19 percent to 27,480
/// units".
fn new_level(first: &Core, second: &Core) -> bool {
    let has_unit = |c: &Core| c.unit.is_some() || c.currency.is_some();
    let far = |c: &Core| c.readings.first().map_or(0.0, |r| r.value * c.scale);
    let ratio = far(second) / far(first).max(f64::MIN_POSITIVE);
    has_unit(first) && !has_unit(second) && !(0.1..=10.0).contains(&ratio)
}

#[cfg(test)]
mod tests {
    #[test]
    fn roman_numerals_are_read_only_when_standard() {
        let r = super::roman;
        assert_eq!(
            (r("I"), r("IV"), r("XVIII"), r("MCMXC"), r("XXI")),
            (Some(1), Some(4), Some(18), Some(1990), Some(21))
        );
        assert_eq!(
            (r("IIII"), r("VX"), r("IC"), r(""), r("MMMM"), r("Xi")),
            (None, None, None, None, None, None)
        );
    }
}
