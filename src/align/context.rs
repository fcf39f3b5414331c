//! The context of every claim, in language-neutral form: the names, bilingual
//! terms and years of its sentence and right beside it, what it counts, and
//! how the sentence sits in its paragraph. Built line by line from the
//! tokens extraction kept, so the cost stays linear even for a paragraph of
//! many thousands of figures.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::catalogue::Catalogue;
use crate::catalogue::schema::WordRole;
use crate::claim::{Claim, Kind};
use crate::extract::{LineSink, ReadLine};
use crate::lang::Lang;
use crate::tokenize::{Token, TokenKind, Tokens};

/// What surrounds a claim.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Paragraph key: (part, line).
    pub paragraph: (usize, usize),
    /// Sentence index within the paragraph.
    pub sentence: usize,
    /// Which sentence of the article (`Contexts::sentences`) the claim is in.
    pub sentence_id: usize,
    /// Anchors within a few words of the claim, sorted, without repeats.
    pub near_anchors: Vec<u64>,
    /// Years written right beside the claim ("80% in 2024"): the strongest
    /// sign that two figures are the same.
    pub years_beside: Vec<i64>,
    /// Term ids naming what the figure counts (the words right after it).
    pub subject: Vec<usize>,
    /// "other"/"khác" among those words ("16 other countries").
    pub subject_other: bool,
    /// Names listed right after the claim ("for Alphabet, Meta and Microsoft").
    pub names_after: usize,
    /// The claim sits in parentheses right after one name ("Alphabet (11-19%)").
    pub pinned_on_name: bool,
}

/// The context of every claim, and the anchors of every sentence holding one.
#[derive(Debug, Default, Clone)]
pub struct Contexts {
    /// By claim index.
    pub of: Vec<Context>,
    /// Anchors of each sentence (names, term ids, years), sorted, by
    /// `Context::sentence_id`.
    pub sentences: Vec<Vec<u64>>,
}

impl Contexts {
    /// The anchors of a claim's sentence.
    pub fn sentence_anchors(&self, claim: usize) -> &[u64] {
        &self.sentences[self.of[claim].sentence_id]
    }
}

/// What an anchor stands for; part of its hash.
#[derive(Clone, Copy)]
pub enum AnchorKind {
    Term = 1,
    Name = 2,
    Year = 3,
    Value = 4,
}

/// A language-neutral anchor: a hash of its kind and its text or value.
pub fn anchor(kind: AnchorKind, payload: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(kind as u8);
    h.write(payload);
    h.write_u8(0xff);
    h.finish()
}

/// How many tokens around a claim count as "near" it.
const NEAR: usize = 5;
/// The longest bilingual term, in tokens, for the near window.
const LONGEST_TERM: usize = 8;

/// One line's tokens, term matches and names.
struct LineView<'a> {
    toks: Tokens<'a>,
    sentence_of: &'a [u32],
    sentences: usize,
    /// (first token, token count, term id), in token order.
    terms: Vec<(usize, usize, usize)>,
    /// (token, name anchor), in token order.
    names: Vec<(usize, u64)>,
}

impl<'a> LineView<'a> {
    fn new(cat: &Catalogue, lang: Lang, text: &'a str, line: &ReadLine<'a>) -> Self {
        let tokens = line.tokens;
        let t = cat.lang(lang);
        let mut terms = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((len, &id)) = t.terms.match_at(tokens, i) {
                terms.push((i, len, id));
                i += len;
            } else {
                i += 1;
            }
        }
        let toks = Tokens { text, toks: tokens };
        let names = tokens
            .iter()
            .enumerate()
            .filter(|(_, tok)| is_name(cat, tok))
            .map(|(i, _)| (i, name_anchor(cat, toks.raw(i))))
            .collect();
        LineView {
            toks,
            sentence_of: line.sentence_of,
            sentences: line.sentence_of.last().map_or(1, |&s| s as usize + 1),
            terms,
            names,
        }
    }

    fn token_at(&self, byte: usize) -> usize {
        self.toks
            .toks
            .partition_point(|t| (t.start as usize) < byte)
    }

    fn sentence_at(&self, tok: usize) -> usize {
        self.sentence_of
            .get(tok)
            .map_or(self.sentences - 1, |&s| s as usize)
    }

    /// Terms starting in tokens `from..to` (binary search: in token order).
    fn terms_in(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let lo = self.terms.partition_point(|t| t.0 < from);
        let hi = self.terms.partition_point(|t| t.0 < to);
        &self.terms[lo..hi.max(lo)]
    }

    fn names_in(&self, from: usize, to: usize) -> &[(usize, u64)] {
        let lo = self.names.partition_point(|n| n.0 < from);
        let hi = self.names.partition_point(|n| n.0 < to);
        &self.names[lo..hi.max(lo)]
    }

    fn has_role(&self, t: &crate::catalogue::LangTables, role: WordRole, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|tok| t.has_role(role, tok.sym))
    }
}

/// A capitalised word of two letters or more that is no function word of
/// either language and has no Vietnamese letter: a name both languages share.
fn is_name(cat: &Catalogue, tok: &Token) -> bool {
    tok.is_word()
        && tok.capitalized()
        && !tok.vietnamese()
        && !tok.one_char()
        && !cat.en.has_role(WordRole::FunctionWord, tok.sym)
        && !cat.vi.has_role(WordRole::FunctionWord, tok.sym)
}

/// The anchor of a name: lowercase, without a possessive ("Huawei’s").
fn name_anchor(cat: &Catalogue, raw: &str) -> u64 {
    let mut lower = String::with_capacity(raw.len());
    for c in raw.chars() {
        crate::chars::push_lowercase(c, &mut lower);
    }
    let mut name = lower.as_str();
    for suffix in cat.en.role_words(WordRole::Possessive) {
        name = name.trim_end_matches(suffix.as_str());
    }
    anchor(AnchorKind::Name, name.as_bytes())
}

/// Builds the context of every claim, line by line, as extraction reads the
/// lines (`extract::LineSink`).
pub struct ContextBuilder<'c> {
    cat: &'c Catalogue,
    out: Contexts,
}

impl<'c> ContextBuilder<'c> {
    pub fn new(cat: &'c Catalogue) -> Self {
        ContextBuilder {
            cat,
            out: Contexts::default(),
        }
    }

    /// The contexts of `claims`, every line of which was fed in.
    pub fn finish(mut self, claims: usize) -> Contexts {
        self.out.of.resize_with(claims, Context::default);
        self.out.of.shrink_to_fit();
        self.out.sentences.shrink_to_fit();
        self.out
    }
}

impl LineSink for ContextBuilder<'_> {
    fn line(&mut self, line: ReadLine<'_>) {
        let (cat, claims, members) = (self.cat, line.claims, line.range.clone());
        let out = &mut self.out;
        out.of.resize_with(members.end, Context::default);
        let lang = claims[members.start].lang;
        let view = LineView::new(cat, lang, line.line.text(), &line);
        let first_sentence = out.sentences.len();
        out.sentences
            .extend(sentence_anchors(&view, claims, members.clone()));
        for ci in members.clone() {
            let ctx = claim_context(cat, &view, &claims[ci]);
            out.of[ci] = Context {
                paragraph: (line.part, line.line.number),
                sentence_id: first_sentence + ctx.sentence,
                ..ctx
            };
        }
        years_beside(claims, &mut out.of, members);
    }
}

/// The anchors of each sentence of a line: terms, names, and the years
/// written in it.
fn sentence_anchors(view: &LineView, claims: &[Claim], members: Range<usize>) -> Vec<Vec<u64>> {
    let mut per_sentence: Vec<Vec<u64>> = vec![Vec::new(); view.sentences];
    for &(i, _, id) in &view.terms {
        per_sentence[view.sentence_at(i)].push(anchor(AnchorKind::Term, &id.to_le_bytes()));
    }
    for &(i, name) in &view.names {
        per_sentence[view.sentence_at(i)].push(name);
    }
    for c in &claims[members] {
        if c.kind == Kind::Year {
            let s = view.sentence_at(view.token_at(c.start));
            let year = c.primary().value.to_bits().to_le_bytes();
            per_sentence[s].push(anchor(AnchorKind::Year, &year));
        }
    }
    for v in &mut per_sentence {
        v.sort_unstable();
        v.dedup();
    }
    per_sentence
}

/// One claim's context (its `paragraph` and `sentence_id` are the caller's).
fn claim_context(cat: &Catalogue, view: &LineView, c: &Claim) -> Context {
    let t = cat.lang(c.lang);
    let (a, b) = (view.token_at(c.start), view.token_at(c.end));
    let sentence = view.sentence_at(a);
    let mut ctx = Context {
        sentence,
        ..Context::default()
    };
    for &(i, len, id) in view.terms_in(a.saturating_sub(NEAR + LONGEST_TERM), b + NEAR + 1) {
        if view.sentence_at(i) == sentence && i + len + NEAR >= a && i <= b + NEAR {
            ctx.near_anchors
                .push(anchor(AnchorKind::Term, &id.to_le_bytes()));
        }
    }
    for &(i, name) in view.names_in(a.saturating_sub(NEAR), b + NEAR + 1) {
        if view.sentence_at(i) == sentence {
            ctx.near_anchors.push(name);
        }
    }
    ctx.near_anchors.sort_unstable();
    ctx.near_anchors.dedup();
    // What the figure counts: terms within the next few words, before any
    // clause punctuation.
    let mut j = b;
    let stop = (b + 6).min(view.toks.len());
    while j < stop {
        let tok = &view.toks.toks[j];
        // Stop at clause punctuation and at another figure: in "58% of the
        // 2,000 people polled", the people belong to the 2,000.
        if (tok.kind == TokenKind::Punct && !view.toks.is_punct(j, '-')) || tok.is_number() {
            break;
        }
        if t.has_role(WordRole::OtherMarker, tok.sym) {
            ctx.subject_other = true;
        }
        if let Some(&(_, len, id)) = view.terms_in(j, j + 1).first() {
            ctx.subject.push(id);
            j += len;
        } else {
            j += 1;
        }
    }
    if ctx.subject.is_empty()
        && let Some(id) = population(cat, c.lang, view, a, sentence)
    {
        ctx.subject.push(id);
    }
    // "for Alphabet, Meta, Amazon.com and Microsoft"
    if view.has_role(t, WordRole::NamesAfter, b) {
        ctx.names_after = view
            .names_in(b + 1, b + 14)
            .iter()
            .filter(|(i, _)| view.sentence_at(*i) == sentence)
            .count();
    }
    // "Alphabet (11-19%)"
    ctx.pinned_on_name = a >= 2
        && view.toks.is_punct(a - 1, '(')
        && !view.names_in(a - 2, a - 1).is_empty()
        && view.toks.is_punct(b, ')');
    ctx
}

/// Nothing counted after the figure at token `a`: the population it is a
/// share of, named earlier in the sentence ("Of the 1,600 respondents …,
/// 72% said"; "Trong số 1.600 người trả lời …, 72% cho biết").
fn population(
    cat: &Catalogue,
    lang: Lang,
    view: &LineView,
    a: usize,
    sentence: usize,
) -> Option<usize> {
    let t = cat.lang(lang);
    let toks = view.toks.toks;
    let base_of = |s: usize| {
        (s.saturating_sub(2)..s).any(|k| {
            toks[k].is_number() && {
                let mut p = k.checked_sub(1);
                if p.is_some_and(|p| t.has_role(WordRole::Determiner, toks[p].sym)) {
                    p = k.checked_sub(2);
                }
                p.is_some_and(|p| t.has_role(WordRole::PopulationOf, toks[p].sym))
            }
        })
    };
    view.terms_in(a.saturating_sub(14), a)
        .iter()
        .rev()
        .find(|(s, _, id)| {
            view.sentence_at(*s) == sentence && cat.terms[*id].group.is_some() && base_of(*s)
        })
        .map(|&(_, _, id)| id)
}

/// Years right beside a claim ("50% in 2025" / "50% vào năm 2025"): claims
/// of one line are in text order, so neighbours are close.
fn years_beside(claims: &[Claim], out: &mut [Context], members: Range<usize>) {
    let mut ordered: Vec<usize> = members.collect();
    ordered.sort_by_key(|&i| claims[i].start);
    for (k, &yi) in ordered.iter().enumerate() {
        let y = &claims[yi];
        if y.kind != Kind::Year {
            continue;
        }
        let year = y.primary().value as i64;
        let s = out[yi].sentence;
        for &j in ordered[..k].iter().rev() {
            if claims[j].end + 12 < y.start || out[j].sentence != s {
                break;
            }
            out[j].years_beside.push(year);
        }
        for &j in &ordered[k + 1..] {
            if claims[j].start > y.end + 12 || out[j].sentence != s {
                break;
            }
            out[j].years_beside.push(year);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::testing::read;
    use crate::claim::Section;

    /// Every claim has one: its size is part of the memory budget.
    #[test]
    fn a_context_stays_small() {
        assert!(std::mem::size_of::<super::Context>() <= 120);
    }

    #[test]
    fn a_claim_knows_what_surrounds_it() {
        let r = read(
            "Doanh thu của Huawei đạt 100 tỷ USD trong năm 2023.\n\
             Huawei’s revenue reached $100 billion in 2023, and 16 other countries joined.\n",
        );
        let vi = r.claim(Section::Translation, "100 tỷ USD");
        let en = r.claim(Section::Original, "$100 billion");
        let (cv, ce) = (&r.contexts.of[vi], &r.contexts.of[en]);
        // The name is near both, without its possessive; the year beside both.
        let shared: Vec<_> = cv
            .near_anchors
            .iter()
            .filter(|a| ce.near_anchors.contains(a))
            .collect();
        assert!(!shared.is_empty(), "{cv:?} / {ce:?}");
        assert_eq!(cv.years_beside, [2023]);
        assert_eq!(ce.years_beside, [2023]);
        // Both sentences hold the name, the year and the term "revenue".
        let s = |c: usize| r.contexts.sentence_anchors(c).to_vec();
        assert!(s(vi).iter().filter(|a| s(en).contains(a)).count() >= 3);
        let sixteen = r.claim(Section::Original, "16");
        assert!(r.contexts.of[sixteen].subject_other);
    }

    #[test]
    fn subjects_after_and_pinned_on_a_name() {
        let r = read(
            "Biên lợi nhuận của Alphabet (11-19%) rất cao.\n\
             Margins of 11% to 19% for Alphabet, Meta and Microsoft are high.\n",
        );
        let vi = r.claim(Section::Translation, "11-19%");
        let en = r.claim(Section::Original, "11% to 19%");
        assert!(r.contexts.of[vi].pinned_on_name);
        assert_eq!(r.contexts.of[en].names_after, 3);
    }
}
