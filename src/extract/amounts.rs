//! Amounts: a number (digits, words or a fraction) with its currency, scale
//! and unit: "$1.2 billion", "6.000 tỷ USD", "7nm", "hai mươi lăm phần trăm".

use std::sync::Arc;

use smallvec::smallvec;

use crate::catalogue::CurrencyWord;
use crate::catalogue::schema::{UnitKind, WordRole};
use crate::claim::{Kind, Unit};
use crate::lang::Lang;
use crate::tokenize::TokenKind;

use super::numeral::{self, NumeralReading};
use super::{Core, Scanner, words};

/// What a currency or unit makes of a figure: its kind, canonical unit,
/// factor to the canonical unit, and the duration unit as written.
pub(super) struct KindOf {
    pub kind: Kind,
    pub unit: Unit,
    pub factor: f64,
    pub duration_unit: Option<(Arc<str>, f64)>,
}

impl Scanner<'_> {
    /// Currency, amount, scale and unit starting at `i`, without qualifiers.
    pub(super) fn core_at(&self, i: usize) -> Option<Core> {
        let (mut core, mut currency) = self.signed_amount_at(i)?;
        self.power_of_ten(&mut core);
        let mut k = core.end;
        // "two and a half billion"
        if let Some(len) = self.half_at(k)
            && self.t.scales.starts_at(self.tokens, k + len)
        {
            core.add(0.5);
            k += len;
        }
        // "a quarter of a million": a fraction of a scale is an amount.
        if core.fraction
            && let Some((len, _)) = self
                .t
                .role(WordRole::FractionOfScale)
                .match_at(self.tokens, k)
            && self.t.scales.starts_at(self.tokens, k + len)
        {
            k += len;
        }
        k = self.scales_at(k, &mut core, currency.is_some());
        if let Some(len) = self.half_at(k) {
            core.add(0.5);
            k += len;
        }
        let scaled = core.scale != 1.0;
        let (suffix_currency, unit, end) = self.suffix_at(k, scaled);
        // "$20m Australian dollars": the words name the dollar the symbol left open.
        if currency.is_none() || suffix_currency.is_some() {
            currency = suffix_currency.or(currency);
        }
        core.unit = if currency.is_some() { None } else { unit };
        core.end = if currency.is_some() || unit.is_some() {
            end
        } else {
            k
        };
        // "một năm rưỡi"
        if core.unit.is_some()
            && let Some(len) = self.half_at(core.end)
        {
            core.add(0.5);
            core.end += len;
        }
        if let Some(u) = core.unit {
            self.subunit_after(&mut core, u);
        }
        core.currency = currency;
        core.year_like =
            core.year_like && !scaled && core.unit.is_none() && core.currency.is_none();
        Some(core)
    }

    /// Rule `power-of-ten`: "10 to the 12", "10 mũ 12" is 10^12, exactly
    /// (the exponent 2 to 100, the base 10 as written).
    fn power_of_ten(&self, core: &mut Core) {
        let Some((len, _)) = self
            .t
            .role(WordRole::PowerConnector)
            .match_at(self.tokens, core.end)
        else {
            return;
        };
        // "from 10 to the 20 largest" is a range, not a power.
        let after_from = [WordRole::ChangeFrom, WordRole::RangeBetween]
            .iter()
            .any(|&r| {
                self.t
                    .role(r)
                    .match_ending_at(self.tokens, core.start)
                    .is_some()
            });
        let written_ten =
            self.plain_int(core.end - 1) == Some(10) && core.scale == 1.0 && !after_from;
        let Some(exponent) = self
            .plain_int(core.end + len)
            .filter(|e| (2..=100).contains(e) && written_ten)
        else {
            return;
        };
        core.readings = smallvec::smallvec![NumeralReading {
            value: 10f64.powi(exponent as i32),
            precision: 0.0,
        }];
        core.end += len + 1;
        core.year_like = false;
    }

    /// A figure in the unit's smaller unit after it, added: "5-foot-10",
    /// "5 feet 10 inches" are 5 5/6 feet, precise to half an inch.
    fn subunit_after(&self, core: &mut Core, unit: usize) {
        let spec = &self.cat.units[unit];
        let Some(sub) = spec.subunit else {
            return;
        };
        let ratio = self.cat.units[sub].factor / spec.factor;
        let mut k = core.end;
        if self.is_punct(k, '-') && self.attached(k) && self.attached(k + 1) {
            k += 1;
        }
        let Some(n) = self.plain_int(k) else {
            return;
        };
        if f64::from(n) * ratio >= 1.0 {
            return;
        }
        k += 1;
        match self.t.units.match_at(self.tokens, k) {
            Some((len, &u)) if u == sub => k += len,
            // Only the subunit may follow the bare figure.
            Some(_) => return,
            None if self.is_punct(k, '-') || self.is_punct(k, '%') => return,
            None => {}
        }
        core.add(f64::from(n) * ratio);
        core.readings
            .iter_mut()
            .for_each(|r| r.precision = 0.5 * ratio);
        core.compound = true;
        core.end = k;
    }

    /// A currency symbol, a sign and a bare amount at `i`: "$6", "-5", "âm 5".
    fn signed_amount_at(&self, i: usize) -> Option<(Core, Option<Arc<str>>)> {
        let mut j = i;
        let mut currency = None;
        if let Some((len, cw)) = self.t.currency_prefix.match_at(self.tokens, i)
            && self.is_number(i + len)
            && !cw.weak
        {
            currency = Some(cw.code.clone());
            j = i + len;
        }
        let mut sign = 1.0;
        if currency.is_none()
            && self.is_punct(j, '-')
            && self.is_number(j + 1)
            && self.attached(j + 1)
            && self.tok(j).is_some_and(|t| t.space_before() || j == 0)
        {
            sign = -1.0;
            j += 1;
        }
        // "âm 5%", "minus 5%": a sign in words.
        if currency.is_none()
            && j >= 1
            && self.has_role(WordRole::Negative, j - 1)
            && self.is_number(j)
        {
            sign = -sign;
        }
        let mut core = self.amount_at(j)?;
        core.start = i;
        if sign < 0.0 {
            for r in &mut core.readings {
                r.value = -r.value;
            }
        }
        Some((core, currency))
    }

    /// Scale words from `k` on: "tỷ", "nghìn tỷ", "bn" (attached), "m" (money
    /// only), also after a hyphen ("$115-million"); then, in Vietnamese, the
    /// smaller scales that add to it ("1 triệu 200 nghìn"). Returns the end.
    fn scales_at(&self, mut k: usize, core: &mut Core, has_currency: bool) -> usize {
        loop {
            if self.is_punct(k, '-')
                && self.attached(k)
                && self.attached(k + 1)
                && self.t.scales.starts_at(self.tokens, k + 1)
            {
                k += 1;
            }
            let Some((len, s)) = self.t.scales.match_at(self.tokens, k) else {
                break;
            };
            if s.attached && !self.attached(k) {
                break;
            }
            // "an 8m tall statue" is a length, but "£600m under budget" money.
            if !has_currency
                && self
                    .next_word(k + len)
                    .is_some_and(|w| s.unless_before.contains(&w))
            {
                break;
            }
            if s.attached && self.converted_in_brackets(k + len) {
                break;
            }
            if s.needs_currency
                && !has_currency
                && !self.t.currency_suffix.starts_at(self.tokens, k + len)
            {
                break;
            }
            if core.fraction {
                // "một phần tư triệu": the share becomes an amount.
                for r in &mut core.readings {
                    r.precision = r.value * 0.01;
                }
                core.fraction = false;
            }
            core.scale *= s.factor;
            k += len;
        }
        if self.lang == Lang::Vi && core.scale > 1.0 {
            while let Some(n) = self.plain_int(k) {
                let Some((len, s)) = self.t.scales.match_at(self.tokens, k + 1) else {
                    break;
                };
                if s.factor >= core.scale || n as f64 * s.factor >= core.scale {
                    break;
                }
                let add = n as f64 * s.factor / core.scale;
                for r in &mut core.readings {
                    r.value += add;
                    r.precision = r.precision.min(0.5 * s.factor / core.scale);
                }
                k += 1 + len;
            }
        }
        k
    }

    /// Rule `converted-in-brackets`: a glued scale letter followed by a
    /// length in brackets is itself a length unit, not a scale: "a 12m (39ft)
    /// vessel" is twelve metres, not twelve million.
    fn converted_in_brackets(&self, k: usize) -> bool {
        self.is_punct(k, '(')
            && self.is_number(k + 1)
            && self
                .t
                .units
                .match_at(self.tokens, k + 2)
                .is_some_and(|(_, &u)| self.cat.units[u].kind == UnitKind::Length)
    }

    /// A currency word or a unit at `k` (after an optional hyphen): returns
    /// the currency, the unit and the index after it (or `k` when none).
    pub(super) fn suffix_at(
        &self,
        k: usize,
        scaled: bool,
    ) -> (Option<Arc<str>>, Option<usize>, usize) {
        let k2 = if self.is_punct(k, '-')
            && self.attached(k)
            && self.attached(k + 1)
            && self.is_word(k + 1)
        {
            k + 1
        } else {
            k
        };
        if let Some((len, cw)) = self.t.currency_suffix.match_at(self.tokens, k2)
            && self.suffix_allowed(k2, len)
            && self.weak_ok(cw, k2 + len, scaled)
        {
            return (Some(cw.code.clone()), None, k2 + len);
        }
        if let Some((len, &u)) = self.t.units.match_at(self.tokens, k2) {
            let unit = &self.cat.units[u];
            let date_marker = unit.kind == UnitKind::Duration
                && (self.has_role(WordRole::YearMarker, k2)
                    || self.has_role(WordRole::MonthMarker, k2)
                    || self.has_role(WordRole::DayMarker, k2))
                && self.is_number(k2 + len);
            // Vietnamese writes a metre apart ("dài 1.560 m"), English a
            // capital degree sign ("90 F").
            let spaced_ok = (self.lang == Lang::Vi && unit.kind == UnitKind::Length)
                || (self.tokens[k2].all_caps() && unit.kind == UnitKind::Measure);
            if (spaced_ok || self.suffix_allowed(k2, len)) && !date_marker {
                return (None, Some(u), k2 + len);
            }
        }
        (None, None, k)
    }

    /// One-letter suffixes ("m", "p", "x") must touch the number.
    fn suffix_allowed(&self, k: usize, len: usize) -> bool {
        let t = &self.tokens[k];
        !(len == 1 && t.is_word() && t.one_char() && !t.attached())
    }

    /// A weak currency word counts after a scale word; otherwise, in
    /// Vietnamese, unless the next word rules it out ("100 đồng nghiệp");
    /// never in English ("a thousand pounds of fish").
    fn weak_ok(&self, cw: &CurrencyWord, after: usize, scaled: bool) -> bool {
        !cw.weak
            || scaled
            || (self.lang == Lang::Vi
                && !self
                    .tok(after)
                    .is_some_and(|t| cw.not_before.contains(&t.sym)))
    }

    /// A bare amount at `j`: digits, words, or a fraction.
    pub(super) fn amount_at(&self, j: usize) -> Option<Core> {
        let t = self.tok(j)?;
        match t.kind {
            TokenKind::Number => {
                if let Some(v) = self.slash_fraction(j) {
                    let mut core = Core::share(j, j + 3, v);
                    core.words = false;
                    return Some(core);
                }
                let readings = numeral::readings(self.raw(j), self.lang);
                if readings.is_empty() {
                    return None;
                }
                let mut core = Core::new(j, j + 1, readings);
                core.year_like = self.year_at(j).is_some();
                if let Some(f) = self.fraction_after(j + 1, core.readings[0].value) {
                    return Some(f.with_start(j));
                }
                Some(core)
            }
            TokenKind::Word => {
                if let Some(f) = self.lone_fraction_at(j) {
                    return Some(f);
                }
                let w = words::parse(self.t, self.lang, self.toks(), j)?;
                // After a label the word is the label ("quý hai năm nay"),
                // unless a scale or a currency makes it an amount ("khoản lỗ
                // chín tỷ bảng": a loss of nine billion pounds).
                if j >= 1
                    && self.has_role(WordRole::OrdinalPrefix, j - 1)
                    && !self.amount_word_at(j + 1)
                    && !self.amount_word_at(w.end)
                {
                    return None;
                }
                if let Some(f) = self.fraction_after(w.end, w.value) {
                    return Some(f.with_start(j));
                }
                let reading = NumeralReading {
                    value: w.value,
                    precision: 0.5,
                };
                let mut core = Core::new(j, w.end, smallvec![reading]);
                core.words = true;
                core.alone_ok = w.alone_ok;
                core.needs_next = w.needs_next;
                core.article = w.article;
                Some(core)
            }
            TokenKind::Punct => None,
        }
    }

    pub(super) fn small_amount_at(&self, j: usize) -> Option<f64> {
        if let Some(v) = self.plain_int(j) {
            return Some(v as f64);
        }
        words::parse(self.t, self.lang, self.toks(), j).map(|w| w.value)
    }

    pub(super) fn small_amount_end(&self, j: usize) -> usize {
        if self.plain_int(j).is_some() {
            return j + 1;
        }
        words::parse(self.t, self.lang, self.toks(), j).map_or(j + 1, |w| w.end)
    }

    /// What a figure with this currency or unit is (a count without either).
    pub(super) fn kind_of(
        &self,
        currency: Option<&Arc<str>>,
        unit: Option<usize>,
        fraction: bool,
    ) -> KindOf {
        let of = |kind, unit, factor| KindOf {
            kind,
            unit,
            factor,
            duration_unit: None,
        };
        if let Some(code) = currency {
            return of(Kind::Money, Unit::Currency(code.clone()), 1.0);
        }
        if let Some(u) = unit {
            let u = &self.cat.units[u];
            return match u.kind {
                UnitKind::Percent => of(Kind::Percent, Unit::Percent, u.factor),
                UnitKind::PercentagePoint => {
                    of(Kind::PercentagePoint, Unit::PercentagePoint, u.factor)
                }
                UnitKind::Length => of(Kind::Length, Unit::Nanometre, u.factor),
                UnitKind::Duration => KindOf {
                    duration_unit: Some((u.id.clone(), u.factor)),
                    ..of(Kind::Duration, Unit::Day, u.factor)
                },
                UnitKind::Multiplier => of(Kind::Multiplier, Unit::Times, u.factor),
                UnitKind::Measure => {
                    let dimension = u.dimension.clone().unwrap_or_else(|| "".into());
                    let symbol = self
                        .cat
                        .dimension(&dimension)
                        .and_then(|d| d.symbol.clone())
                        .unwrap_or_else(|| dimension.clone());
                    of(Kind::Measure, Unit::Measure(dimension, symbol), u.factor)
                }
            };
        }
        if fraction {
            return of(Kind::Fraction, Unit::Percent, 1.0);
        }
        of(Kind::Count, Unit::None, 1.0)
    }
}
