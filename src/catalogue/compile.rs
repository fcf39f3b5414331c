//! Compiling parsed catalogue files into lookup tables: one function per
//! section of a file, then `finish` for the dense per-symbol tables.

mod calendar;

use std::sync::Arc;

use super::schema::*;
use super::tables::*;
use super::{Catalogue, CatalogueError, PhraseTable, SourcedExample};
use crate::lang::Lang;
use crate::tokenize::Sym;

/// Compiling one file: where its errors point, and the examples it carries.
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    examples: Vec<(String, Vec<Example>)>,
}

impl Ctx<'_> {
    /// The first line of the file that mentions `needle` (0 when none does).
    fn line_of(&self, needle: &str) -> usize {
        self.text
            .lines()
            .position(|l| l.contains(needle))
            .map_or(0, |i| i + 1)
    }

    /// An error on the first line of the file that mentions `needle`.
    fn fail(&self, needle: &str, message: String) -> CatalogueError {
        CatalogueError {
            file: self.file.to_string(),
            line: self.line_of(needle),
            message,
        }
    }
}

type Result<T = ()> = std::result::Result<T, CatalogueError>;

/// Add one parsed file to the catalogue.
pub(super) fn compile(cat: &mut Catalogue, f: Fragment, file: &str, text: &str) -> Result {
    let mut cx = Ctx {
        file,
        text,
        examples: Vec::new(),
    };
    number_words(cat, &mut cx, f.number_words)?;
    fractions(cat, &mut cx, f.fractions)?;
    ordinals(cat, &mut cx, f.ordinals)?;
    multipliers(cat, &mut cx, f.multipliers)?;
    scales(cat, &mut cx, f.scales)?;
    vague(cat, &mut cx, f.vague)?;
    units(cat, &mut cx, f.units)?;
    currencies(cat, &mut cx, f.currencies)?;
    qualifiers(cat, &mut cx, f.qualifiers)?;
    calendar::months(cat, &mut cx, f.months)?;
    calendar::weekdays(cat, &mut cx, f.weekdays)?;
    calendar::clock(cat, &mut cx, f.clock)?;
    word_lists(cat, &mut cx, f.word_lists)?;
    terms(cat, &mut cx, f.terms)?;
    dimensions(cat, &mut cx, f.dimensions)?;
    compounds(cat, &mut cx, f.compounds)?;
    suggestions(cat, &mut cx, f.suggestions)?;
    examples(cat, cx)
}

fn per_lang<T>(p: PerLang<T>) -> [(Lang, Vec<T>); 2] {
    [(Lang::En, p.en), (Lang::Vi, p.vi)]
}

/// Symbols of a list of single words, any case.
pub(super) fn syms(cat: &mut Catalogue, words: &[String]) -> Vec<Sym> {
    words
        .iter()
        .map(|w| cat.vocab.intern(&w.to_lowercase()))
        .collect()
}

/// The symbol of a word that must be one token.
fn one_word(cat: &mut Catalogue, cx: &Ctx, word: &str, what: &str) -> Result<Sym> {
    let lower = word.to_lowercase();
    let tokens = crate::tokenize::tokenize(&lower, &mut cat.vocab.interning());
    match tokens.as_slice() {
        [t] if t.kind == crate::tokenize::TokenKind::Word => Ok(t.sym),
        _ => Err(cx.fail(word, format!("{what} `{word}` must be one word"))),
    }
}

fn insert<T: Clone>(
    cat: &mut Catalogue,
    cx: &Ctx,
    table: impl Fn(&mut Catalogue) -> &mut PhraseTable<T>,
    phrase: &str,
    value: T,
) -> Result {
    // The table is taken out while the vocabulary grows.
    let mut t = std::mem::take(table(cat));
    let ok = t.insert(&mut cat.vocab, phrase, value);
    *table(cat) = t;
    if ok {
        Ok(())
    } else {
        Err(cx.fail(phrase, format!("empty phrase `{phrase}`")))
    }
}

fn number_words(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<NumberWordDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if d.word.contains(' ') || d.word.is_empty() {
                return Err(cx.fail(
                    &d.word,
                    format!("number word `{}` must be one word", d.word),
                ));
            }
            let word = cat.vocab.intern(&d.word.to_lowercase());
            let only_after = syms(cat, &d.only_after);
            cat.lang_mut(lang).listed.numbers.push((
                d.word.clone(),
                d.value,
                d.role,
                !d.only_after.is_empty(),
            ));
            cat.lang_mut(lang).number_words.insert(
                word,
                NumberWord {
                    value: d.value,
                    role: d.role,
                    alone: d.alone,
                    only_after,
                    needs_next: d.needs_next,
                },
            );
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn fractions(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<FractionDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(d.value > 0.0 && d.value <= 1.0) {
                return Err(cx.fail(&d.word, format!("fraction `{}` must be in (0, 1]", d.word)));
            }
            let word = one_word(cat, cx, &d.word, "fraction")?;
            cat.lang_mut(lang).listed.fractions.push(d.word.clone());
            cat.lang_mut(lang)
                .fractions
                .insert(word, (d.value, d.needs_of));
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn ordinals(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<OrdinalDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(d.value >= 1.0 && d.value.fract() == 0.0) {
                return Err(cx.fail(
                    &d.word,
                    format!("ordinal `{}` must be a whole number from 1", d.word),
                ));
            }
            let word = one_word(cat, cx, &d.word, "ordinal")?;
            let after = syms(cat, &d.only_after);
            cat.lang_mut(lang).ordinals.insert(word, (d.value, after));
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn multipliers(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<MultiplierDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            let m = Multiplier {
                value: d.value,
                unless_before: syms(cat, &d.unless_before),
                only_before: syms(cat, &d.only_before),
            };
            insert(cat, cx, |c| &mut c.lang_mut(lang).multipliers, &d.word, m)?;
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn scales(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<ScaleDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(d.factor > 0.0 && d.factor.is_finite()) {
                return Err(cx.fail(
                    &d.word,
                    format!("scale `{}` needs a positive factor", d.word),
                ));
            }
            let s = Scale {
                factor: d.factor,
                attached: d.attached,
                needs_currency: d.needs_currency,
                unless_before: syms(cat, &d.unless_before),
            };
            insert(cat, cx, |c| &mut c.lang_mut(lang).scales, &d.word, s)?;
            cat.lang_mut(lang)
                .listed
                .scales
                .push((d.word.clone(), d.factor, d.attached));
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn vague(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<VagueDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(d.base > 0.0 && d.upper > 1.0 && d.base.is_finite() && d.upper.is_finite()) {
                return Err(cx.fail(
                    &d.word,
                    format!("vague `{}` needs base > 0 and upper > 1", d.word),
                ));
            }
            let v = Vague {
                base: d.base,
                upper: d.upper,
                needs_scale: d.needs_scale,
            };
            insert(cat, cx, |c| &mut c.lang_mut(lang).vague, &d.word, v)?;
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn units(cat: &mut Catalogue, cx: &mut Ctx, defs: Vec<UnitDef>) -> Result {
    for d in defs {
        if !(d.factor > 0.0 && d.factor.is_finite()) {
            return Err(cx.fail(&d.id, format!("unit `{}` needs a positive factor", d.id)));
        }
        if d.kind == UnitKind::Measure && d.dimension.is_none() {
            return Err(cx.fail(
                &d.id,
                format!("unit `{}` of kind measure needs a dimension", d.id),
            ));
        }
        let index = cat.units.len();
        let mut also = Vec::new();
        for other in &d.also {
            match cat.units.iter().position(|u| &*u.id == other.as_str()) {
                Some(k) if cat.units[k].dimension.as_deref() == d.dimension.as_deref() => {
                    also.push(k)
                }
                _ => {
                    return Err(cx.fail(
                        other,
                        format!(
                            "unit `{}`: `also: {other}` must name an earlier unit of its dimension",
                            d.id
                        ),
                    ));
                }
            }
        }
        let subunit = match &d.subunit {
            None => None,
            Some(sub) => match cat.units.iter().position(|u| *u.id == **sub) {
                Some(k) if cat.units[k].kind == d.kind && cat.units[k].factor < d.factor => Some(k),
                _ => {
                    return Err(cx.fail(
                        sub,
                        format!(
                            "unit `{}`: `subunit: {sub}` must name an earlier, smaller unit of its kind",
                            d.id
                        ),
                    ));
                }
            },
        };
        let mut near = Vec::new();
        for n in &d.near {
            let Some(k) = cat.units.iter().position(|u| *u.id == *n.unit) else {
                return Err(cx.fail(
                    &n.unit,
                    format!(
                        "unit `{}`: `near: {}` must name an earlier unit",
                        d.id, n.unit
                    ),
                ));
            };
            let mut words = PhraseTable::default();
            for w in &n.words {
                words.insert(&mut cat.vocab, w, ());
            }
            near.push((k, words, n.within));
        }
        cat.units.push(UnitSpec {
            id: d.id.as_str().into(),
            kind: d.kind,
            dimension: d.dimension.as_deref().map(Arc::from),
            factor: d.factor,
            offset: d.offset,
            also,
            one_with_article: d.one_with_article,
            subunit,
            near,
        });
        for w in &d.en {
            insert(cat, cx, |c| &mut c.en.units, w, index)?;
            cat.en.listed.units.push((w.clone(), index));
        }
        for w in &d.before {
            insert(cat, cx, |c| &mut c.en.units_before, w, index)?;
            insert(cat, cx, |c| &mut c.vi.units_before, w, index)?;
        }
        for w in &d.vi {
            insert(cat, cx, |c| &mut c.vi.units, w, index)?;
            cat.vi.listed.units.push((w.clone(), index));
        }
        cx.examples.push((d.id, d.examples));
    }
    Ok(())
}

fn currencies(cat: &mut Catalogue, cx: &mut Ctx, defs: Vec<CurrencyDef>) -> Result {
    for d in defs {
        if d.code.len() != 3 || !d.code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(cx.fail(
                &d.code,
                format!("currency code `{}` must be three capital letters", d.code),
            ));
        }
        let code: Arc<str> = d.code.as_str().into();
        let strong = CurrencyWord {
            code: code.clone(),
            weak: false,
            not_before: Vec::new(),
        };
        let weak = CurrencyWord {
            code,
            weak: true,
            not_before: syms(cat, &d.weak_not_before),
        };
        for s in &d.symbols {
            insert(cat, cx, |c| &mut c.en.currency_prefix, s, strong.clone())?;
            insert(cat, cx, |c| &mut c.vi.currency_prefix, s, strong.clone())?;
        }
        for w in &d.en {
            insert(cat, cx, |c| &mut c.en.currency_suffix, w, strong.clone())?;
            cat.en
                .listed
                .currencies
                .push((w.clone(), strong.code.clone()));
        }
        for w in &d.vi {
            insert(cat, cx, |c| &mut c.vi.currency_suffix, w, strong.clone())?;
            cat.vi
                .listed
                .currencies
                .push((w.clone(), strong.code.clone()));
        }
        for w in &d.weak {
            insert(cat, cx, |c| &mut c.vi.currency_suffix, w, weak.clone())?;
        }
        for w in &d.weak_en {
            insert(cat, cx, |c| &mut c.en.currency_suffix, w, weak.clone())?;
        }
        cx.examples.push((d.code, d.examples));
    }
    Ok(())
}

fn qualifiers(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<QualifierDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            let tolerance = d.tolerance.unwrap_or(0.1);
            if !(0.0..1.0).contains(&tolerance) {
                return Err(cx.fail(
                    &d.phrase,
                    format!("qualifier `{}`: tolerance must be in [0, 1)", d.phrase),
                ));
            }
            let unless_within = match &d.unless_within {
                None => None,
                Some(w) => {
                    let mut t = PhraseTable::default();
                    for p in &w.any_of {
                        if !t.insert(&mut cat.vocab, p, ()) {
                            return Err(cx.fail(p, format!("empty phrase `{p}`")));
                        }
                    }
                    Some((w.words, t))
                }
            };
            if d.reach > super::MAX_REACH {
                return Err(cx.fail(
                    &d.phrase,
                    format!(
                        "qualifier `{}`: reach {} is beyond {}",
                        d.phrase,
                        d.reach,
                        super::MAX_REACH
                    ),
                ));
            }
            let q = QualifierRule {
                phrase: d.phrase.clone(),
                kind: d.kind,
                tolerance,
                unless_after: syms(cat, &d.unless_after),
                unless_within,
                not_before: d.not_before.clone(),
                still_before: syms(cat, &d.still_before),
                still_after: syms(cat, &d.still_after),
                only_before: d.only_before.clone(),
                reach: d.reach,
                loose: d.loose,
            };
            // Qualifiers of some kinds only ("after 9 p.m.") are no hedge of
            // a quantity for the evaluation's rewrites.
            if d.only_before.is_empty() {
                cat.lang_mut(lang).listed.qualifiers.push((
                    d.phrase.clone(),
                    d.kind,
                    d.position == QualifierPosition::After,
                ));
            }
            match d.position {
                QualifierPosition::Before => insert(
                    cat,
                    cx,
                    |c| &mut c.lang_mut(lang).qualifiers_before,
                    &d.phrase,
                    q,
                )?,
                QualifierPosition::After => insert(
                    cat,
                    cx,
                    |c| &mut c.lang_mut(lang).qualifiers_after,
                    &d.phrase,
                    q,
                )?,
            }
            cx.examples.push((d.phrase, d.examples));
        }
    }
    Ok(())
}

fn compounds(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<CompoundDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if d.word.split_whitespace().count() < 2 {
                return Err(cx.fail(
                    &d.word,
                    format!("compound `{}` must have two syllables or more", d.word),
                ));
            }
            insert(
                cat,
                cx,
                |c| &mut c.lang_mut(lang).compounds,
                &d.word,
                d.not_after_number,
            )?;
            cx.examples.push((d.word, d.examples));
        }
    }
    Ok(())
}

fn word_lists(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<WordListDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            let role = d.role as usize;
            for w in &d.words {
                insert(cat, cx, |c| &mut c.lang_mut(lang).roles[role], w, ())?;
                cat.lang_mut(lang).role_words[role].push(w.clone());
            }
            cx.examples.push((format!("{:?}", d.role), d.examples));
        }
    }
    Ok(())
}

fn terms(cat: &mut Catalogue, cx: &mut Ctx, defs: Vec<TermDef>) -> Result {
    for d in defs {
        let index = cat.terms.len();
        cat.terms.push(Term {
            id: d.id.clone(),
            group: d.group.clone(),
        });
        for w in &d.en {
            insert(cat, cx, |c| &mut c.en.terms, w, index)?;
        }
        for w in &d.vi {
            insert(cat, cx, |c| &mut c.vi.terms, w, index)?;
        }
        cx.examples.push((d.id, d.examples));
    }
    Ok(())
}

fn dimensions(cat: &mut Catalogue, cx: &mut Ctx, defs: Vec<DimensionDef>) -> Result {
    for d in defs {
        let large = match (d.omitted, d.large) {
            (Omission::Large, Some(v)) if v.is_finite() => v,
            (Omission::Large, _) => {
                return Err(cx.fail(
                    &d.id,
                    format!(
                        "dimension `{}`: `omitted: large` needs `large: VALUE`",
                        d.id
                    ),
                ));
            }
            _ => 0.0,
        };
        let spec = DimensionSpec {
            id: d.id.as_str().into(),
            symbol: d.symbol.as_deref().map(Arc::from),
            traits: DimensionTraits {
                implicit: d.implicit,
                omitted: d.omitted,
                large,
            },
        };
        // A later file redefines a dimension of the same id.
        match cat.dimensions.iter_mut().find(|x| x.id == spec.id) {
            Some(slot) => *slot = spec,
            None => cat.dimensions.push(spec),
        }
    }
    let _ = cx;
    Ok(())
}

fn seal_tables(cat: &mut Catalogue) {
    // "-" is interned below; one more symbol than the vocabulary holds now.
    let n = cat.vocab.len() + 2;
    for u in &mut cat.units {
        for (_, words, _) in &mut u.near {
            words.seal(n);
        }
    }
    for lang in [Lang::En, Lang::Vi] {
        let t = cat.lang_mut(lang);
        t.multipliers.seal(n);
        t.scales.seal(n);
        t.vague.seal(n);
        t.units.seal(n);
        t.units_before.seal(n);
        t.currency_prefix.seal(n);
        t.currency_suffix.seal(n);
        t.qualifiers_before.seal(n);
        t.qualifiers_after.seal(n);
        t.months.seal(n);
        t.weekdays.seal(n);
        t.clock.seal(n);
        t.terms.seal(n);
        t.compounds.seal(n);
        for r in &mut t.roles {
            r.seal(n);
        }
    }
}

fn examples(cat: &mut Catalogue, cx: Ctx) -> Result {
    for (entry, list) in &cx.examples {
        for ex in list {
            if ex.en.is_none() && ex.vi.is_none() {
                return Err(cx.fail(
                    &ex.expect.describe(),
                    format!("example of `{entry}` needs `en:`, `vi:` or both"),
                ));
            }
            cat.examples.push(SourcedExample {
                file: cx.file.to_string(),
                entry: entry.clone(),
                en: ex.en.clone(),
                vi: ex.vi.clone(),
                expect: ex.expect.clone(),
                suggest: ex.suggest.clone(),
            });
        }
    }
    Ok(())
}

fn suggestions(cat: &mut Catalogue, cx: &mut Ctx, def: Option<SuggestionsDef>) -> Result {
    let Some(mut def) = def else {
        return Ok(());
    };
    if def.weekdays.len() > 7 || !def.weekdays.is_empty() && def.weekdays.len() != 7 {
        return Err(cx.fail(
            "weekdays",
            "suggestions: `weekdays` lists Monday to Sunday, seven names".into(),
        ));
    }
    if let Some(s) = def
        .scales
        .iter()
        .find(|s| !s.factor.is_finite() || s.factor <= 1.0)
    {
        return Err(cx.fail(
            &s.word,
            format!("suggestions: scale `{}` needs a factor above 1", s.word),
        ));
    }
    def.scales.sort_by(|a, b| b.factor.total_cmp(&a.factor));
    cx.examples
        .push(("suggestions".into(), std::mem::take(&mut def.examples)));
    cat.suggestions = def;
    Ok(())
}

/// After every file: the dense per-symbol tables (role bits, claim starts,
/// the first and last symbols of every phrase table).
pub(super) fn finish(cat: &mut Catalogue) {
    seal_tables(cat);
    cat.marker_len = [
        cat.en.role_words(WordRole::EnglishMarker),
        cat.vi.role_words(WordRole::VietnameseMarker),
    ]
    .iter()
    .flat_map(|l| l.iter())
    .map(|w| w.to_lowercase().len())
    .max()
    .unwrap_or(0);
    let mut markers = rustc_hash::FxHashMap::default();
    let lists = [
        (1u8, cat.en.role_words(WordRole::EnglishMarker)),
        (2u8, cat.vi.role_words(WordRole::VietnameseMarker)),
    ];
    let packable = lists.iter().all(|(bit, words)| {
        words.iter().all(|w| match super::pack_ascii(w.as_bytes()) {
            Some(k) => {
                *markers.entry(k).or_insert(0) |= bit;
                true
            }
            None => false,
        })
    });
    cat.markers = packable.then_some(markers);
    let dash = cat.vocab.intern("-");
    let n = cat.vocab.len() + 1;
    for lang in [Lang::En, Lang::Vi] {
        let t = cat.lang_mut(lang);
        let mut bits = vec![0u64; n];
        for (r, table) in t.roles.iter().enumerate() {
            for s in table.single_words() {
                bits[s.0 as usize] |= 1u64 << r;
            }
        }
        t.role_bits = bits;
        // Every branch of the scan begins at a number or at one of these.
        // Only the Vietnamese date reader starts at a marker word ("ngày 24",
        // "tháng 12", "năm 2023"); the English one starts at a month or a day.
        let mut starts = vec![false; n];
        let mut mark = |s: Sym| starts[s.0 as usize] = true;
        let mut roles = vec![WordRole::MultiplierPrefix, WordRole::RatioEvery];
        if lang == Lang::Vi {
            roles.extend([
                WordRole::DayMarker,
                WordRole::MonthMarker,
                WordRole::YearMarker,
                WordRole::DecadeMarker,
                WordRole::WeekdayPrefix,
            ]);
        }
        for table in roles.into_iter().map(|r| &t.roles[r as usize]) {
            table.first_symbols().for_each(&mut mark);
        }
        t.months.first_symbols().for_each(&mut mark);
        t.weekdays.first_symbols().for_each(&mut mark);
        t.clock.named.first_symbols().for_each(&mut mark);
        t.multipliers.first_symbols().for_each(&mut mark);
        t.vague.first_symbols().for_each(&mut mark);
        t.currency_prefix.first_symbols().for_each(&mut mark);
        t.number_words.keys().copied().for_each(&mut mark);
        t.fractions.keys().copied().for_each(&mut mark);
        t.ordinals.keys().copied().for_each(&mut mark);
        // A minus sign before digits.
        mark(dash);
        t.starts = starts;
    }
}
