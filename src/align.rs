//! Alignment: which Vietnamese claim comes from which English claim.
//!
//! Owns pairing. The translation is aligned with the original first —
//! paragraphs, then sentences inside aligned paragraphs — by a monotonic
//! dynamic programme over shared anchors (names, bilingual terms from the
//! catalogue, numbers), robust to a paragraph present on one side only and to
//! merged or split units. Claims are then paired inside aligned units by
//! kind, value compatibility and local context. Summary and takeaway claims
//! may come from anywhere in the original: each takes its best supported
//! source by value and by the context its sentence shares with the source's
//! sentence. A claim without a credible counterpart stays unpaired.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::catalogue::Catalogue;
use crate::catalogue::schema::WordRole;
use crate::claim::{Claim, Kind, Section};
use crate::compare::{Related, Relation, relate};
use crate::lang::Lang;
use crate::segment::Article;
use crate::tokenize::{Token, tokenize};

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
    pub context: Vec<Context>,
}

/// What surrounds a claim, in language-neutral form.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Paragraph key: (part, line).
    pub paragraph: (usize, usize),
    /// Sentence index within the paragraph.
    pub sentence: usize,
    /// Anchors of the claim's sentence (names, term ids, years), sorted and
    /// shared by every claim of the sentence.
    pub sentence_anchors: std::sync::Arc<Vec<u64>>,
    /// Anchors within a few words of the claim.
    pub near_anchors: HashSet<u64>,
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

fn anchor(kind: &str, s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    s.hash(&mut h);
    h.finish()
}

/// True for letters that only Vietnamese uses, so a word carrying one is not a shared name.
fn has_vietnamese_letter(s: &str) -> bool {
    crate::lang::identify(s) == Some(Lang::Vi)
}

/// The tokens of a line with their sentence index, term matches and names.
struct LineView {
    tokens: Vec<Token>,
    sentence_of: Vec<usize>,
    /// (first token, token count, term id)
    terms: Vec<(usize, usize, usize)>,
    /// (token, lowercase name)
    names: Vec<(usize, String)>,
}

impl LineView {
    fn new(cat: &Catalogue, lang: Lang, text: &str) -> Self {
        let tokens = tokenize(text);
        let sentence_of = crate::extract::sentences(&tokens);
        let t = cat.lang(lang);
        let mut terms = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((len, &id)) = t.terms.match_at(&tokens, i) {
                terms.push((i, len, id));
                i += len;
            } else {
                i += 1;
            }
        }
        let function = |w: &str| {
            cat.en.has_role(WordRole::FunctionWord, w) || cat.vi.has_role(WordRole::FunctionWord, w)
        };
        let names = tokens
            .iter()
            .enumerate()
            .filter(|(_, tok)| {
                tok.is_word()
                    && tok.capitalized
                    && tok.lower.chars().count() >= 2
                    && !function(&tok.lower)
                    && !has_vietnamese_letter(&tok.lower)
            })
            .map(|(i, tok)| {
                (
                    i,
                    tok.lower
                        .trim_end_matches("’s")
                        .trim_end_matches("'s")
                        .to_string(),
                )
            })
            .collect();
        LineView {
            tokens,
            sentence_of,
            terms,
            names,
        }
    }

    fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start < byte)
    }
}

/// How many tokens around a claim count as "near" it.
const NEAR: usize = 5;

/// Context shared by two claims, weighted: a year right beside both counts
/// most, then names and terms near both, then anything in both sentences.
fn shared_context(cv: &Context, ce: &Context) -> f64 {
    let years = cv
        .years_beside
        .iter()
        .filter(|y| ce.years_beside.contains(y))
        .count() as f64;
    let near = cv.near_anchors.intersection(&ce.near_anchors).count() as f64;
    let sentence = shared_count(&cv.sentence_anchors, &ce.sentence_anchors) as f64;
    let subject = cv.subject.iter().filter(|s| ce.subject.contains(s)).count() as f64;
    1.2 * years + 0.4 * near + 0.2 * sentence + 0.4 * subject
}

/// How many anchors two sorted lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Build the context of every claim, line by line: each line is tokenised
/// once, its terms and names indexed by token, and the anchors of each
/// sentence shared by the claims in it, so the cost stays near linear even
/// for a paragraph of many thousands of figures.
fn contexts(cat: &Catalogue, article: &Article, claims: &[Claim]) -> Vec<Context> {
    let mut out = vec![Context::default(); claims.len()];
    let mut by_line: std::collections::BTreeMap<(usize, usize), Vec<usize>> = Default::default();
    for (i, c) in claims.iter().enumerate() {
        by_line.entry((c.part, c.line)).or_default().push(i);
    }
    for (key, members) in by_line {
        let lang = claims[members[0]].lang;
        let text = &article.parts[key.0].lines[key.1 - 1].text;
        let view = LineView::new(cat, lang, text);
        let sentences = view.sentence_of.last().map_or(1, |s| s + 1);
        let sentence_at = |tok: usize| view.sentence_of.get(tok).copied().unwrap_or(sentences - 1);
        // Anchors of each sentence: terms, names, and the years written in it.
        let mut per_sentence: Vec<Vec<u64>> = vec![Vec::new(); sentences];
        for &(i, _, id) in &view.terms {
            per_sentence[sentence_at(i)].push(anchor("term", &id.to_string()));
        }
        for (i, name) in &view.names {
            per_sentence[sentence_at(*i)].push(anchor("name", name));
        }
        for &ci in &members {
            if claims[ci].kind == Kind::Year {
                let s = sentence_at(view.token_at(claims[ci].start));
                per_sentence[s].push(anchor("year", &format!("{}", claims[ci].primary().value)));
            }
        }
        let per_sentence: Vec<std::sync::Arc<Vec<u64>>> = per_sentence
            .into_iter()
            .map(|mut v| {
                v.sort_unstable();
                v.dedup();
                std::sync::Arc::new(v)
            })
            .collect();
        let term_at: HashMap<usize, (usize, usize)> = view
            .terms
            .iter()
            .map(|&(i, len, id)| (i, (len, id)))
            .collect();
        // Terms and names are in token order: ranges by binary search.
        let terms_in = |from: usize, to: usize| {
            let lo = view.terms.partition_point(|t| t.0 < from);
            let hi = view.terms.partition_point(|t| t.0 < to);
            &view.terms[lo..hi]
        };
        let names_in = |from: usize, to: usize| {
            let lo = view.names.partition_point(|n| n.0 < from);
            let hi = view.names.partition_point(|n| n.0 < to);
            &view.names[lo..hi]
        };
        for &ci in &members {
            let c = &claims[ci];
            let (a, b) = (view.token_at(c.start), view.token_at(c.end));
            let sentence = sentence_at(a);
            let ctx = &mut out[ci];
            ctx.paragraph = key;
            ctx.sentence = sentence;
            ctx.sentence_anchors = per_sentence[sentence].clone();
            const LONGEST_TERM: usize = 8;
            for &(i, len, id) in terms_in(a.saturating_sub(NEAR + LONGEST_TERM), b + NEAR + 1) {
                if sentence_at(i) == sentence && i + len + NEAR >= a && i <= b + NEAR {
                    ctx.near_anchors.insert(anchor("term", &id.to_string()));
                }
            }
            for (i, name) in names_in(a.saturating_sub(NEAR), b + NEAR + 1) {
                if sentence_at(*i) == sentence {
                    ctx.near_anchors.insert(anchor("name", name));
                }
            }
            // What the figure counts: terms within the next few words, before
            // any clause punctuation.
            let mut j = b;
            let stop = (b + 6).min(view.tokens.len());
            while j < stop {
                let tok = &view.tokens[j];
                // Stop at clause punctuation and at another figure: in "58% of
                // the 2,000 people polled", the people belong to the 2,000.
                if (tok.kind == crate::tokenize::TokenKind::Punct && !tok.is_punct('-'))
                    || tok.is_number()
                {
                    break;
                }
                if matches!(tok.lower.as_str(), "other" | "others" | "khác") {
                    ctx.subject_other = true;
                }
                if let Some(&(len, id)) = term_at.get(&j) {
                    ctx.subject.push(id);
                    j += len;
                } else {
                    j += 1;
                }
            }
            // Nothing counted after the figure: the population it is a share
            // of, named earlier in the sentence ("Of the 1,600 respondents …,
            // 72% said"; "Trong số 1.600 người trả lời …, 72% cho biết").
            if ctx.subject.is_empty() {
                let base_of = |s: usize| {
                    (s.saturating_sub(2)..s).any(|k| {
                        view.tokens[k].is_number() && {
                            let mut p = k.checked_sub(1).map(|p| view.tokens[p].lower.as_str());
                            if p == Some("the") {
                                p = k.checked_sub(2).map(|p| view.tokens[p].lower.as_str());
                            }
                            matches!(p, Some("of" | "among" | "số"))
                        }
                    })
                };
                if let Some(&(_, _, id)) =
                    terms_in(a.saturating_sub(14), a)
                        .iter()
                        .rev()
                        .find(|(s, _, id)| {
                            sentence_at(*s) == sentence
                                && cat.terms[*id].group.is_some()
                                && base_of(*s)
                        })
                {
                    ctx.subject.push(id);
                }
            }
            // "for Alphabet, Meta, Amazon.com and Microsoft"
            if c.lang == Lang::En && view.tokens.get(b).is_some_and(|t| t.lower == "for") {
                ctx.names_after = names_in(b + 1, b + 14)
                    .iter()
                    .filter(|(i, _)| sentence_at(*i) == sentence)
                    .count();
            }
            // "Alphabet (11-19%)"
            ctx.pinned_on_name = a >= 2
                && view.tokens[a - 1].is_punct('(')
                && !names_in(a - 2, a - 1).is_empty()
                && view.tokens.get(b).is_some_and(|t| t.is_punct(')'));
        }
        // Years right beside a claim ("50% in 2025" / "50% vào năm 2025"):
        // claims of one line are in text order, so neighbours are close.
        let mut ordered = members.clone();
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
    out
}

/// Anchors of a whole unit (paragraph or sentence), for aligning units.
#[derive(Debug, Default, Clone)]
struct Unit {
    anchors: Vec<u64>,
    chars: usize,
}

fn cosine(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / ((a.len() * b.len()) as f64).sqrt()
}

/// Similarity of a Vietnamese and an English unit: shared anchors, plus a
/// little for plausible length (Vietnamese runs about 1.3 times longer).
fn similarity(vi: &Unit, en: &Unit) -> f64 {
    let lv = vi.chars as f64 / 1.3;
    let le = en.chars as f64;
    let length = if lv.max(le) == 0.0 {
        0.0
    } else {
        lv.min(le) / lv.max(le)
    };
    cosine(&vi.anchors, &en.anchors) + 0.15 * length
}

fn merge(units: &[Unit]) -> Unit {
    let mut anchors: Vec<u64> = units
        .iter()
        .flat_map(|u| u.anchors.iter().copied())
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    Unit {
        anchors,
        chars: units.iter().map(|u| u.chars).sum(),
    }
}

/// Monotonic alignment of two unit sequences: groups of 1-1, 2-1, 1-2 (and
/// 1-0/0-1 skips), maximising total similarity. Banded around the diagonal
/// so very long inputs stay near linear.
fn align_units(vi: &[Unit], en: &[Unit]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let (n, m) = (vi.len(), en.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // Only a band around the proportional diagonal is stored and explored:
    // wide enough for the steps between rows and for a run of paragraphs
    // present on one side only, so memory and time stay linear in n + m.
    let ratio = m.div_ceil(n).max(n.div_ceil(m));
    let band = 40 + 2 * ratio;
    let width = (2 * band + 1).min(m + 1);
    let lo = |i: usize| (i * m / n).saturating_sub(band).min(m + 1 - width);
    let at = |i: usize, j: usize| -> Option<usize> {
        let l = lo(i);
        (j >= l && j < l + width && j <= m).then(|| i * width + (j - l))
    };
    const NEG: f64 = f64::NEG_INFINITY;
    let mut score = vec![NEG; (n + 1) * width];
    let mut back = vec![(0u8, 0u8); (n + 1) * width];
    score[0] = 0.0;
    for i in 0..=n {
        for j in lo(i)..=(lo(i) + width - 1).min(m) {
            if (i, j) == (0, 0) {
                continue;
            }
            let mut best = (NEG, (0u8, 0u8));
            let mut consider = |di: usize, dj: usize, gain: &dyn Fn() -> f64| {
                if i >= di
                    && j >= dj
                    && let Some(k) = at(i - di, j - dj)
                    && score[k] > NEG
                {
                    let s = score[k] + gain();
                    if s > best.0 {
                        best = (s, (di as u8, dj as u8));
                    }
                }
            };
            if i >= 1 && j >= 1 {
                consider(1, 1, &|| similarity(&vi[i - 1], &en[j - 1]));
            }
            consider(1, 0, &|| 0.0);
            consider(0, 1, &|| 0.0);
            if i >= 2 && j >= 1 {
                consider(2, 1, &|| {
                    similarity(&merge(&vi[i - 2..i]), &en[j - 1]) - 0.1
                });
            }
            if i >= 1 && j >= 2 {
                consider(1, 2, &|| {
                    similarity(&vi[i - 1], &merge(&en[j - 2..j])) - 0.1
                });
            }
            if let Some(k) = at(i, j) {
                score[k] = best.0;
                back[k] = best.1;
            }
        }
    }
    let mut groups = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(k) = at(i, j) else { break };
        let (di, dj) = back[k];
        let (di, dj) = (di as usize, dj as usize);
        if di == 0 && dj == 0 {
            break;
        }
        if di > 0 && dj > 0 {
            groups.push(((i - di..i).collect(), (j - dj..j).collect()));
        }
        i -= di;
        j -= dj;
    }
    groups.reverse();
    groups
}

/// How much the values alone say two claims are the same figure. Equal
/// written values score highest; overlapping intervals score by how close
/// the written values are ("80%" overlaps "as low as 50%" but is far from it).
fn value_score(vi: &Claim, en: &Claim, rel: Related) -> Option<f64> {
    Some(match rel.relation {
        Relation::Incomparable => return None,
        Relation::Equal => 3.0,
        Relation::Compatible => {
            // Distance between the written values (a range spans its ends).
            let (a, b) = (&vi.readings[rel.vi], &en.readings[rel.en]);
            let gap = (a.value - b.value_hi).max(b.value - a.value_hi).max(0.0);
            let scale = a.value_hi.abs().max(b.value_hi.abs());
            let closeness = if scale == 0.0 {
                1.0
            } else {
                1.0 - (gap / scale).min(1.0)
            };
            1.0 + closeness
        }
        Relation::UnitDiff => 1.5,
        Relation::ScaleOff => 1.2,
        Relation::Disjoint => 0.3,
    })
}

/// Two figures whose values disagree are the same claim changed only when
/// their magnitudes are close (within a factor of 20: "$35 million" /
/// "25 triệu USD", "4.3" / "43"); "1" and "1,400" are different claims.
fn plausible_mismatch(vi: &Claim, en: &Claim, rel: Related) -> bool {
    if rel.relation != Relation::Disjoint {
        return true;
    }
    let (a, b) = (
        vi.readings[rel.vi].value.abs(),
        en.readings[rel.en].value.abs(),
    );
    // Dates, and two orders of magnitude ("millions of years" / "vài tỷ năm").
    if vi.kind == Kind::Date || (vi.vague && en.vague) || a.max(b) == 0.0 {
        return true;
    }
    a.min(b) > 0.0 && a.max(b) / a.min(b) <= 20.0
}

/// How strongly a Vietnamese claim and an English claim look like the same
/// figure, or `None` when they cannot be.
fn pair_score(vi: &Claim, en: &Claim, cv: &Context, ce: &Context, rel: Related) -> Option<f64> {
    let value = value_score(vi, en, rel)?;
    if !plausible_mismatch(vi, en, rel) {
        return None;
    }
    // A bare count against a figure with a unit: the same only if equal.
    if crate::compare::implicit(vi, en) && rel.relation < Relation::Compatible {
        return None;
    }
    // A bare count or a year that disagrees is the same claim changed only
    // when something near it agrees (a name, a term, a year beside it).
    if rel.relation == Relation::Disjoint
        && matches!(vi.kind, Kind::Count | Kind::Year)
        && cv.near_anchors.is_disjoint(&ce.near_anchors)
        && !cv.years_beside.iter().any(|y| ce.years_beside.contains(y))
    {
        return None;
    }
    let kind = if vi.kind == en.kind { 0.3 } else { 0.0 };
    let context = shared_context(cv, ce).min(2.0);
    // A weak (spelled-out, bare) figure needs its value to match.
    if (vi.weak || en.weak) && rel.relation < Relation::Compatible {
        return None;
    }
    Some(value + kind + context)
}

/// Pair the claims of an article.
pub fn pair(cat: &Catalogue, article: &Article, claims: &[Claim]) -> Pairing {
    let context = contexts(cat, article, claims);
    let mut pairing = Pairing::default();
    let en: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].section == Section::Original)
        .collect();
    let tr: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].section == Section::Translation)
        .collect();
    let summary: Vec<usize> = (0..claims.len())
        .filter(|&i| matches!(claims[i].section, Section::Summary | Section::Takeaway))
        .collect();

    let (tr_pairs, tr_unpaired, en_unpaired) =
        pair_translation(article, claims, &context, &tr, &en);
    pairing.pairs.extend(tr_pairs);
    pairing.unpaired_vi.extend(tr_unpaired);
    pairing.unpaired_en = en_unpaired;

    for &v in &summary {
        match best_source(claims, &context, v, &en) {
            Some(p) => pairing.pairs.push(p),
            None => pairing.unpaired_vi.push(v),
        }
    }
    pairing.pairs.sort_by_key(|p| (p.vi, p.en));
    pairing.unpaired_vi.sort_unstable();
    pairing.context = context;
    pairing
}

/// The units (paragraphs) of one section, in order, with their claims.
fn paragraphs(
    article: &Article,
    claims: &[Claim],
    ctx: &[Context],
    section: Section,
    members: &[usize],
) -> (Vec<(usize, usize)>, Vec<Unit>) {
    let mut keys = Vec::new();
    for (p, part) in article.parts.iter().enumerate() {
        for (l, s) in part.sections.iter().enumerate() {
            if *s == Some(section) {
                keys.push((p, l + 1));
            }
        }
    }
    let mut units: Vec<Unit> = keys
        .iter()
        .map(|&(p, l)| Unit {
            anchors: Vec::new(),
            chars: article.parts[p].lines[l - 1].text.chars().count(),
        })
        .collect();
    let index: HashMap<(usize, usize), usize> =
        keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    for &c in members {
        if let Some(&u) = index.get(&ctx[c].paragraph) {
            units[u]
                .anchors
                .extend(ctx[c].sentence_anchors.iter().copied());
            units[u].anchors.push(value_anchor(&claims[c]));
        }
    }
    for u in &mut units {
        u.anchors.sort_unstable();
        u.anchors.dedup();
    }
    (keys, units)
}

/// A coarse, language-neutral anchor for a claim's value.
fn value_anchor(c: &Claim) -> u64 {
    let dim = crate::compare::dimension(c);
    let v = c.primary().value;
    let key = if let Some(d) = &c.date {
        d.iso()
    } else if v == 0.0 {
        "0".into()
    } else {
        format!("{:.2e}", v)
    };
    anchor("value", &format!("{dim:?}:{key}"))
}

fn pair_translation(
    article: &Article,
    claims: &[Claim],
    ctx: &[Context],
    tr: &[usize],
    en: &[usize],
) -> (Vec<Pair>, Vec<usize>, Vec<usize>) {
    let (vi_keys, vi_units) = paragraphs(article, claims, ctx, Section::Translation, tr);
    let (en_keys, en_units) = paragraphs(article, claims, ctx, Section::Original, en);
    let groups = align_units(&vi_units, &en_units);
    // The claims of each aligned group, bucketed once (`english` picks the
    // side of each group).
    let bucket = |keys: &[(usize, usize)], english: bool, members: &[usize]| {
        let mut group_of: HashMap<(usize, usize), usize> = HashMap::new();
        for (g, (vi_units, en_units)) in groups.iter().enumerate() {
            for &u in if english { en_units } else { vi_units } {
                group_of.insert(keys[u], g);
            }
        }
        let mut out = vec![Vec::new(); groups.len()];
        for &c in members {
            if let Some(&g) = group_of.get(&ctx[c].paragraph) {
                out[g].push(c);
            }
        }
        out
    };
    let vi_of = bucket(&vi_keys, false, tr);
    let en_of = bucket(&en_keys, true, en);
    let mut free_vi: HashSet<usize> = tr.iter().copied().collect();
    let mut free_en: HashSet<usize> = en.iter().copied().collect();
    let mut pairs = Vec::new();
    // 1. Inside aligned paragraphs, sentence by sentence, then the whole
    //    group; then a figure left alone in its aligned sentence on each side.
    for (vis, ens) in vi_of.iter().zip(&en_of) {
        let sentences = align_sentences(claims, ctx, vis, ens);
        for (sv, se) in &sentences {
            assign(
                claims,
                ctx,
                sv,
                se,
                &mut free_vi,
                &mut free_en,
                &mut pairs,
                0.9,
            );
        }
        assign(
            claims,
            ctx,
            vis,
            ens,
            &mut free_vi,
            &mut free_en,
            &mut pairs,
            1.2,
        );
        for (sv, se) in &sentences {
            assign_alone(claims, sv, se, &mut free_vi, &mut free_en, &mut pairs);
        }
    }
    // 2. Leftovers against the neighbouring groups (a misaligned paragraph).
    for g in 0..groups.len() {
        let vis: Vec<usize> = vi_of[g]
            .iter()
            .copied()
            .filter(|c| free_vi.contains(c))
            .collect();
        if vis.is_empty() {
            continue;
        }
        let near: Vec<usize> = en_of[g.saturating_sub(1)..(g + 2).min(groups.len())]
            .iter()
            .flatten()
            .copied()
            .collect();
        assign(
            claims,
            ctx,
            &vis,
            &near,
            &mut free_vi,
            &mut free_en,
            &mut pairs,
            2.8,
        );
    }
    let mut unpaired_vi: Vec<usize> = free_vi.into_iter().collect();
    let mut unpaired_en: Vec<usize> = free_en.into_iter().collect();
    unpaired_vi.sort_unstable();
    unpaired_en.sort_unstable();
    (pairs, unpaired_vi, unpaired_en)
}

/// In an aligned sentence pair, one free figure of a dimension on each side
/// is the same figure, changed or not ("founded in 1989" / "thành lập năm
/// 1998", "two companies" / "ba công ty"), when their magnitudes are close.
fn assign_alone(
    claims: &[Claim],
    vis: &[usize],
    ens: &[usize],
    free_vi: &mut HashSet<usize>,
    free_en: &mut HashSet<usize>,
    pairs: &mut Vec<Pair>,
) {
    let (vis, ens) = (still_free(vis, free_vi), still_free(ens, free_en));
    // How alike two claims are in kind: same dimension and same weakness
    // first, then same dimension, then a unit left implicit. Only a claim
    // alone in the best tier on both sides is taken.
    let tier = |a: &Claim, b: &Claim| -> Option<u8> {
        let rel = relate(a, b);
        if rel.relation == Relation::Incomparable || !plausible_mismatch(a, b, rel) {
            return None;
        }
        Some(if crate::compare::implicit(a, b) {
            2
        } else if a.weak == b.weak {
            0
        } else {
            1
        })
    };
    let best_alone =
        |x: &Claim, others: &[usize], skip: usize, flip: bool| -> Option<(usize, u8)> {
            let mut found: Vec<(usize, u8)> = others
                .iter()
                .filter(|&&o| o != skip)
                .filter_map(|&o| {
                    let t = if flip {
                        tier(&claims[o], x)
                    } else {
                        tier(x, &claims[o])
                    };
                    t.map(|t| (o, t))
                })
                .collect();
            let top = found.iter().map(|f| f.1).min()?;
            found.retain(|f| f.1 == top);
            (found.len() == 1).then(|| found[0])
        };
    for &v in &vis {
        let Some((e, t)) = best_alone(&claims[v], &ens, usize::MAX, false) else {
            continue;
        };
        // A spelled-out small Vietnamese word may not be a number at all
        // ("ba" is also "father"): it stands only for a spelled-out English one.
        if claims[v].weak && !claims[e].weak {
            continue;
        }
        // And the English claim must have no rival for it in its tier.
        let back = best_alone(&claims[e], &vis, usize::MAX, true);
        if back.map(|b| b.0) != Some(v) || back.map(|b| b.1) != Some(t) || !free_en.contains(&e) {
            continue;
        }
        free_vi.remove(&v);
        free_en.remove(&e);
        let rel = relate(&claims[v], &claims[e]);
        pairs.push(Pair {
            vi: v,
            en: e,
            related: rel,
        });
    }
}

/// Align the sentences of one paragraph group, by the anchors of the claims
/// they hold; returns groups of claims.
fn align_sentences(
    claims: &[Claim],
    ctx: &[Context],
    vis: &[usize],
    ens: &[usize],
) -> Vec<(Vec<usize>, Vec<usize>)> {
    // Sentences of a set of claims: their keys, units, and the claims each holds.
    type Sentences = (Vec<(usize, usize)>, Vec<Unit>, Vec<Vec<usize>>);
    let split = |members: &[usize]| -> Sentences {
        let mut keys: Vec<(usize, usize)> = members
            .iter()
            .map(|&c| (ctx[c].paragraph.1, ctx[c].sentence))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut units = vec![Unit::default(); keys.len()];
        let mut owned = vec![Vec::new(); keys.len()];
        for &c in members {
            let k = keys
                .binary_search(&(ctx[c].paragraph.1, ctx[c].sentence))
                .unwrap_or(0);
            units[k]
                .anchors
                .extend(ctx[c].sentence_anchors.iter().copied());
            units[k].anchors.push(value_anchor(&claims[c]));
            units[k].chars += 1;
            owned[k].push(c);
        }
        for u in &mut units {
            u.anchors.sort_unstable();
            u.anchors.dedup();
        }
        (keys, units, owned)
    };
    let (_, vu, vo) = split(vis);
    let (_, eu, eo) = split(ens);
    align_units(&vu, &eu)
        .into_iter()
        .map(|(a, b)| {
            (
                a.iter().flat_map(|&k| vo[k].iter().copied()).collect(),
                b.iter().flat_map(|&k| eo[k].iter().copied()).collect(),
            )
        })
        .collect()
}

/// The claims of a scope not paired yet, in order.
fn still_free(ids: &[usize], free: &HashSet<usize>) -> Vec<usize> {
    ids.iter().copied().filter(|c| free.contains(c)).collect()
}

/// Greedy best-first assignment of free claims within a scope.
#[allow(clippy::too_many_arguments)]
fn assign(
    claims: &[Claim],
    ctx: &[Context],
    vis: &[usize],
    ens: &[usize],
    free_vi: &mut HashSet<usize>,
    free_en: &mut HashSet<usize>,
    pairs: &mut Vec<Pair>,
    min_score: f64,
) {
    let mut candidates = Vec::new();
    let (vis, ens) = (still_free(vis, free_vi), still_free(ens, free_en));
    // A huge scope (a flattened table, a paragraph of thousands of figures)
    // compares each claim only with those near its relative position and
    // keeps its best few candidates, so time and memory stay linear.
    const WINDOW: usize = 32;
    const KEEP: usize = 4;
    let huge = vis.len() * ens.len() > 64 * 64 * 16;
    for (a, &v) in vis.iter().enumerate() {
        let (from, to) = if huge {
            let centre = a * ens.len() / vis.len().max(1);
            (
                centre.saturating_sub(WINDOW),
                (centre + WINDOW).min(ens.len()),
            )
        } else {
            (0, ens.len())
        };
        let mut mine = Vec::new();
        for (b, &e) in ens.iter().enumerate().take(to).skip(from) {
            let rel = relate(&claims[v], &claims[e]);
            let Some(mut s) = pair_score(&claims[v], &claims[e], &ctx[v], &ctx[e], rel) else {
                continue;
            };
            // Order within the scope: the n-th figure of one side tends to be
            // the n-th of the other.
            let rv = a as f64 / vis.len().max(1) as f64;
            let re = b as f64 / ens.len().max(1) as f64;
            s += 0.5 * (1.0 - (rv - re).abs());
            if s >= min_score {
                mine.push((s, v, e, rel));
            }
        }
        if huge {
            mine.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)));
            mine.truncate(KEEP);
        }
        candidates.extend(mine);
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, v, e, rel) in candidates {
        if free_vi.contains(&v) && free_en.contains(&e) {
            free_vi.remove(&v);
            free_en.remove(&e);
            pairs.push(Pair {
                vi: v,
                en: e,
                related: rel,
            });
        }
    }
}

/// The best English source of a summary or takeaway claim, if credible.
fn best_source(claims: &[Claim], ctx: &[Context], v: usize, en: &[usize]) -> Option<Pair> {
    let mut best: Option<(f64, Pair)> = None;
    for &e in en {
        let rel = relate(&claims[v], &claims[e]);
        if rel.relation == Relation::Incomparable
            || (crate::compare::implicit(&claims[v], &claims[e])
                && rel.relation < Relation::Compatible)
        {
            continue;
        }
        let context = 1.25 * shared_context(&ctx[v], &ctx[e]);
        let value = match rel.relation {
            Relation::Equal | Relation::Compatible => {
                match value_score(&claims[v], &claims[e], rel) {
                    Some(s) => s,
                    None => continue,
                }
            }
            Relation::UnitDiff => 1.0,
            Relation::ScaleOff => 1.0,
            Relation::Disjoint => 0.0,
            Relation::Incomparable => continue,
        };
        // A figure whose value matches needs little context; one that does not
        // must be anchored firmly (same names and terms) to count as its source.
        let needed = if value >= 2.0 { 0.0 } else { 2.0 };
        if (claims[v].weak || claims[e].weak) && value < 2.0
            || !plausible_mismatch(&claims[v], &claims[e], rel)
        {
            continue;
        }
        if context < needed {
            continue;
        }
        let score = value
            + context
            + if claims[v].kind == claims[e].kind {
                0.3
            } else {
                0.0
            };
        let pair = Pair {
            vi: v,
            en: e,
            related: rel,
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, pair));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(anchors: &[u64], chars: usize) -> Unit {
        let mut anchors = anchors.to_vec();
        anchors.sort_unstable();
        Unit { anchors, chars }
    }

    #[test]
    fn alignment_skips_a_unit_present_on_one_side() {
        let vi = [
            unit(&[1, 2], 130),
            unit(&[9], 20),
            unit(&[3, 4], 130),
            unit(&[5], 130),
        ];
        let en = [unit(&[1, 2], 100), unit(&[3, 4], 100), unit(&[5], 100)];
        let groups = align_units(&vi, &en);
        assert_eq!(
            groups,
            vec![(vec![0], vec![0]), (vec![2], vec![1]), (vec![3], vec![2])]
        );
    }

    #[test]
    fn alignment_merges_split_units() {
        let vi = [unit(&[1, 2, 3, 4], 260), unit(&[5], 130)];
        let en = [unit(&[1, 2], 100), unit(&[3, 4], 100), unit(&[5], 100)];
        let groups = align_units(&vi, &en);
        assert_eq!(groups[0], (vec![0], vec![0, 1]));
        assert_eq!(groups[1], (vec![1], vec![2]));
    }
}
