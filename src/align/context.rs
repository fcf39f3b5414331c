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

/// What surrounds a claim. Its lists (the anchors near it, the years beside
/// it, the terms of what it counts) are ranges of `Contexts`' buffers, read
/// through `Contexts`.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Paragraph key: (part, line).
    pub paragraph: (u32, u32),
    /// Sentence index within the paragraph.
    pub sentence: u32,
    /// Which sentence of the article (`Contexts::sentence`) the claim is in.
    pub sentence_id: u32,
    /// Anchors within a few words of the claim, sorted, without repeats.
    near: (u32, u32),
    /// Years written right beside the claim ("80% in 2024"): the strongest
    /// sign that two figures are the same.
    years: (u32, u32),
    /// Term ids naming what the figure counts (the words right after it).
    subject: (u32, u32),
    /// "other"/"khác" among those words ("16 other countries").
    pub subject_other: bool,
    /// The claim sits in parentheses right after one name ("Alphabet (11-19%)").
    pub pinned_on_name: bool,
    /// Names listed right after the claim ("for Alphabet, Meta and Microsoft").
    pub names_after: u32,
}

/// The context of every claim, and the anchors of every sentence holding one.
#[derive(Debug, Default, Clone)]
pub struct Contexts {
    /// By claim index.
    pub of: Vec<Context>,
    /// Anchors of each sentence (names, term ids, years), sorted: sentence
    /// `k` is `sentence_anchors[sentence_ends[k - 1]..sentence_ends[k]]`.
    sentence_anchors: Vec<u64>,
    sentence_ends: Vec<u32>,
    near: Vec<u64>,
    years: Vec<i64>,
    subjects: Vec<usize>,
}

fn range(r: (u32, u32)) -> std::ops::Range<usize> {
    r.0 as usize..r.1 as usize
}

impl Contexts {
    /// The anchors of sentence `sid` of the article.
    pub fn sentence(&self, sid: usize) -> &[u64] {
        let start = if sid == 0 {
            0
        } else {
            self.sentence_ends[sid - 1] as usize
        };
        &self.sentence_anchors[start..self.sentence_ends[sid] as usize]
    }

    /// The anchors of a claim's sentence.
    pub fn sentence_anchors(&self, claim: usize) -> &[u64] {
        self.sentence(self.of[claim].sentence_id as usize)
    }

    /// Anchors within a few words of a claim, sorted, without repeats.
    pub fn near_anchors(&self, claim: usize) -> &[u64] {
        &self.near[range(self.of[claim].near)]
    }

    /// Years written right beside a claim.
    pub fn years_beside(&self, claim: usize) -> &[i64] {
        &self.years[range(self.of[claim].years)]
    }

    /// Term ids naming what a claim counts.
    pub fn subject(&self, claim: usize) -> &[usize] {
        &self.subjects[range(self.of[claim].subject)]
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
    terms: &'a [(usize, usize, usize)],
    /// (token, name anchor), in token order.
    names: &'a [(usize, u64)],
}

impl LineView<'_> {
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

/// The anchor of a name: lowercase, and without marks. Rule
/// `names-without-marks`: English writes Vietnamese names without their
/// marks ("Lê Hoàng Phúc" is "Le Hoang Phuc"). A word with a letter only
/// Vietnamese uses ("Đà Nẵng") is no name (`is_name`), and a possessive is a
/// token of its own ("Huawei", "’", "s"), so neither reaches here. `lower` is
/// a buffer to reuse.
fn name_anchor(raw: &str, lower: &mut String) -> u64 {
    lower.clear();
    for c in raw.chars() {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                crate::chars::push_lowercase(d, lower);
            }
        });
    }
    anchor(AnchorKind::Name, lower.as_bytes())
}

/// Builds the context of every claim, line by line, as extraction reads the
/// lines (`extract::LineSink`).
pub struct ContextBuilder<'c> {
    cat: &'c Catalogue,
    out: Contexts,
    /// Buffers reused from line to line.
    terms: Vec<(usize, usize, usize)>,
    names: Vec<(usize, u64)>,
    lower: String,
    sentence_anchors: Vec<(usize, u64)>,
    years: Vec<(usize, i64)>,
}

impl<'c> ContextBuilder<'c> {
    pub fn new(cat: &'c Catalogue) -> Self {
        ContextBuilder {
            cat,
            out: Contexts::default(),
            terms: Vec::new(),
            names: Vec::new(),
            lower: String::new(),
            sentence_anchors: Vec::new(),
            years: Vec::new(),
        }
    }

    /// The contexts of `claims`, every line of which was fed in.
    pub fn finish(mut self, claims: usize) -> Contexts {
        let out = &mut self.out;
        out.of.resize_with(claims, Context::default);
        out.of.shrink_to_fit();
        out.sentence_anchors.shrink_to_fit();
        out.sentence_ends.shrink_to_fit();
        out.near.shrink_to_fit();
        out.years.shrink_to_fit();
        out.subjects.shrink_to_fit();
        self.out
    }

    /// The terms and names of a line's tokens, into the builder's buffers.
    fn read_terms_and_names(&mut self, lang: Lang, toks: Tokens) {
        let (cat, tokens) = (self.cat, toks.toks);
        let t = cat.lang(lang);
        self.terms.clear();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((len, &id)) = t.terms.match_at(tokens, i) {
                self.terms.push((i, len, id));
                i += len;
            } else {
                i += 1;
            }
        }
        self.names.clear();
        for (i, tok) in tokens.iter().enumerate() {
            if is_name(cat, tok) {
                let a = name_anchor(toks.raw(i), &mut self.lower);
                self.names.push((i, a));
            }
        }
    }
}

impl LineSink for ContextBuilder<'_> {
    fn line(&mut self, line: ReadLine<'_>) {
        let (cat, claims, members) = (self.cat, line.claims, line.range.clone());
        let lang = claims[members.start].lang;
        let toks = Tokens {
            text: line.line.text(),
            toks: line.tokens,
        };
        self.read_terms_and_names(lang, toks);
        let view = LineView {
            toks,
            sentence_of: line.sentence_of,
            sentences: line.sentence_of.last().map_or(1, |&s| s as usize + 1),
            terms: &self.terms,
            names: &self.names,
        };
        let out = &mut self.out;
        out.of.resize_with(members.end, Context::default);
        let first_sentence = out.sentence_ends.len();
        sentence_anchors(
            &view,
            claims,
            members.clone(),
            &mut self.sentence_anchors,
            out,
        );
        for ci in members.clone() {
            let mut ctx = claim_context(cat, &view, &claims[ci], out);
            ctx.paragraph = (line.part as u32, line.line.number as u32);
            ctx.sentence_id = (first_sentence + ctx.sentence as usize) as u32;
            out.of[ci] = ctx;
        }
        years_beside(claims, members, &mut self.years, out);
    }
}

/// The anchors of each sentence of a line: terms, names, and the years
/// written in it; appended to `out`'s sentences, one per sentence of the
/// line (`pairs` is a buffer).
fn sentence_anchors(
    view: &LineView,
    claims: &[Claim],
    members: Range<usize>,
    pairs: &mut Vec<(usize, u64)>,
    out: &mut Contexts,
) {
    pairs.clear();
    for &(i, _, id) in view.terms {
        pairs.push((
            view.sentence_at(i),
            anchor(AnchorKind::Term, &id.to_le_bytes()),
        ));
    }
    for &(i, name) in view.names {
        pairs.push((view.sentence_at(i), name));
    }
    for c in &claims[members] {
        if c.kind == Kind::Year {
            let s = view.sentence_at(view.token_at(c.start));
            let year = c.primary().value.to_bits().to_le_bytes();
            pairs.push((s, anchor(AnchorKind::Year, &year)));
        }
    }
    // By sentence, each sorted and without repeats.
    pairs.sort_unstable();
    pairs.dedup();
    let mut k = 0;
    for s in 0..view.sentences {
        while k < pairs.len() && pairs[k].0 == s {
            out.sentence_anchors.push(pairs[k].1);
            k += 1;
        }
        out.sentence_ends.push(out.sentence_anchors.len() as u32);
    }
}

/// The end of a buffer, as a range bound.
fn end<T>(v: &[T]) -> u32 {
    v.len() as u32
}

/// One claim's context (its `paragraph` and `sentence_id` are the
/// caller's); its lists are appended to `out`'s buffers.
fn claim_context(cat: &Catalogue, view: &LineView, c: &Claim, out: &mut Contexts) -> Context {
    let t = cat.lang(c.lang);
    let (a, b) = (view.token_at(c.start), view.token_at(c.end));
    let sentence = view.sentence_at(a);
    let mut ctx = Context {
        sentence: sentence as u32,
        ..Context::default()
    };
    let near_start = end(&out.near);
    for &(i, len, id) in view.terms_in(a.saturating_sub(NEAR + LONGEST_TERM), b + NEAR + 1) {
        if view.sentence_at(i) == sentence && i + len + NEAR >= a && i <= b + NEAR {
            out.near.push(anchor(AnchorKind::Term, &id.to_le_bytes()));
        }
    }
    for &(i, name) in view.names_in(a.saturating_sub(NEAR), b + NEAR + 1) {
        if view.sentence_at(i) == sentence {
            out.near.push(name);
        }
    }
    let near = &mut out.near[near_start as usize..];
    near.sort_unstable();
    let mut w = 0;
    for r in 0..near.len() {
        if w == 0 || near[r] != near[w - 1] {
            near[w] = near[r];
            w += 1;
        }
    }
    out.near.truncate(near_start as usize + w);
    ctx.near = (near_start, end(&out.near));
    // What the figure counts: terms within the next few words, before any
    // clause punctuation.
    let subject_start = end(&out.subjects);
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
            out.subjects.push(id);
            j += len;
        } else {
            j += 1;
        }
    }
    if end(&out.subjects) == subject_start
        && let Some(id) = population(cat, c.lang, view, a, sentence)
    {
        out.subjects.push(id);
    }
    ctx.subject = (subject_start, end(&out.subjects));
    // "for Alphabet, Meta, Amazon.com and Microsoft"
    if view.has_role(t, WordRole::NamesAfter, b) {
        ctx.names_after = view
            .names_in(b + 1, b + 14)
            .iter()
            .filter(|(i, _)| view.sentence_at(*i) == sentence)
            .count() as u32;
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
/// of one line are in text order, so neighbours are close. Each claim's
/// years are appended to `out` in the order a year reaches it (`pushes` is
/// a buffer).
fn years_beside(
    claims: &[Claim],
    members: Range<usize>,
    pushes: &mut Vec<(usize, i64)>,
    out: &mut Contexts,
) {
    let mut ordered: Vec<usize> = members.clone().collect();
    ordered.sort_by_key(|&i| claims[i].start);
    pushes.clear();
    let sentence = |i: usize| out.of[i].sentence;
    for (k, &yi) in ordered.iter().enumerate() {
        let y = &claims[yi];
        if y.kind != Kind::Year {
            continue;
        }
        let year = y.primary().value as i64;
        let s = sentence(yi);
        for &j in ordered[..k].iter().rev() {
            if claims[j].end + 12 < y.start || sentence(j) != s {
                break;
            }
            pushes.push((j, year));
        }
        for &j in &ordered[k + 1..] {
            if claims[j].start > y.end + 12 || sentence(j) != s {
                break;
            }
            pushes.push((j, year));
        }
    }
    if pushes.is_empty() {
        return;
    }
    // Grouped by claim, each claim's years in the order they reached it.
    pushes.sort_by_key(|&(j, _)| j);
    let mut k = 0;
    for j in members {
        let start = end(&out.years);
        while k < pushes.len() && pushes[k].0 == j {
            out.years.push(pushes[k].1);
            k += 1;
        }
        out.of[j].years = (start, end(&out.years));
    }
}

#[cfg(test)]
mod tests {
    use crate::align::testing::read;
    use crate::claim::Section;

    #[test]
    fn vietnamese_names_anchor_without_their_marks() {
        let mut buf = String::new();
        let mut a = |s: &str| super::name_anchor(s, &mut buf);
        assert_eq!(a("Phúc"), a("Phuc"));
        assert_eq!(a("Hoàng"), a("Hoang"));
        assert_eq!(a("Lê"), a("LE"));
        assert_ne!(a("Phúc"), a("Phong"));
    }

    /// Every claim has one: its size is part of the memory budget.
    #[test]
    fn a_context_stays_small() {
        assert!(std::mem::size_of::<super::Context>() <= 48);
    }

    #[test]
    fn a_claim_knows_what_surrounds_it() {
        let r = read(
            "Doanh thu của Huawei đạt 100 tỷ USD trong năm 2023.\n\
             Huawei’s revenue reached $100 billion in 2023, and 16 other countries joined.\n",
        );
        let vi = r.claim(Section::Translation, "100 tỷ USD");
        let en = r.claim(Section::Original, "$100 billion");
        let c = &r.contexts;
        // The name is near both, without its possessive; the year beside both.
        let shared: Vec<_> = c
            .near_anchors(vi)
            .iter()
            .filter(|a| c.near_anchors(en).contains(a))
            .collect();
        assert!(!shared.is_empty(), "{:?} / {:?}", c.of[vi], c.of[en]);
        assert_eq!(c.years_beside(vi), [2023]);
        assert_eq!(c.years_beside(en), [2023]);
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
