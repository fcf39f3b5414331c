//! Extraction: every numeric claim of one line, in one language.
//!
//! Owns the scan over a line's tokens that recognises figures and what is
//! attached to them: currency symbols and words, scale words, units, ranges,
//! qualifiers before and after, dates and years, multipliers, vague
//! quantities, and the traps that look like figures but are not (tickers,
//! clock times, product names and versions, ordinals, URLs). Number parsing
//! proper lives in `numeral` (digits) and `words` (spelled-out numbers); all
//! vocabulary comes from the catalogue.

mod ages;
mod amounts;
mod build;
mod clock;
mod cursor;
mod date_spans;
mod dates;
mod fractions;
mod multipliers;
pub mod numeral;
mod qualifiers;
mod quantity;
mod scores;
mod sentences;
mod traps;
mod vague;
pub mod words;

pub use sentences::sentences;

use std::sync::OnceLock;

use regex::Regex;
use smallvec::SmallVec;

use crate::catalogue::{Catalogue, LangTables};
use crate::claim::{Claim, Kind, Qualifier, Reading, Section, Unit, asserted_interval};
use crate::lang::Lang;
use crate::normalize::Line;
use crate::segment::Article;
use crate::tokenize::{Token, Tokens};
use numeral::NumeralReading;

/// A line that holds claims, as extraction read it: handed to a `LineSink`
/// (the pairing's context builder) while its tokens are alive, so they are
/// read twice but kept nowhere.
#[derive(Debug, Clone)]
pub struct ReadLine<'a> {
    /// Which file of the article (`Article::parts`).
    pub part: usize,
    pub line: &'a Line,
    pub tokens: &'a [Token],
    pub sentence_of: &'a [u32],
    /// The claims read from it: a range of `claims`.
    pub range: std::ops::Range<usize>,
    /// Every claim read so far.
    pub claims: &'a [Claim],
}

/// What wants to see each line with claims as it is read.
pub trait LineSink {
    fn line(&mut self, line: ReadLine<'_>);
}

impl LineSink for () {
    fn line(&mut self, _: ReadLine<'_>) {}
}

/// At most this many claims are read from each language of an article:
/// twenty times the figures of the longest news article, and the bound that
/// keeps a file of nothing but figures ("1 1 1 …") within seconds and a few
/// hundred megabytes. Figures past it are not checked, and the check says so
/// (`Extraction::capped`).
pub const MAX_CLAIMS_PER_LANGUAGE: usize = 200_000;

/// Every claim of an article, and whether a language hit the bound.
#[derive(Debug, Default)]
pub struct Extraction {
    /// In file and line order.
    pub claims: Vec<Claim>,
    /// The languages whose figures past `MAX_CLAIMS_PER_LANGUAGE` were not read.
    pub capped: Vec<Lang>,
}

/// Extract every claim of an article, in file and line order.
pub fn extract_article(cat: &Catalogue, article: &Article) -> Vec<Claim> {
    read_article(cat, article, &mut ()).claims
}

/// Extract every claim of an article, handing each line that holds claims to
/// `sink` with its tokens.
pub fn read_article(cat: &Catalogue, article: &Article, sink: &mut dyn LineSink) -> Extraction {
    let mut claims = Vec::new();
    let mut read = [0usize; 2];
    let mut capped = Vec::new();
    for (p, part) in article.parts.iter().enumerate() {
        for (line, section) in part.lines.iter().zip(&part.sections) {
            let Some(section) = *section else { continue };
            let side = section.lang() as usize;
            if read[side] >= MAX_CLAIMS_PER_LANGUAGE {
                continue;
            }
            let tokens = cat.tokenize_words(line.text(), section.lang());
            let sentence_of = sentences(
                cat,
                Tokens {
                    text: line.text(),
                    toks: &tokens,
                },
            );
            let scanner = Scanner::new(cat, section.lang(), section, line, &tokens, &sentence_of);
            let before = claims.len();
            scanner.run(&mut claims, before + MAX_CLAIMS_PER_LANGUAGE - read[side]);
            read[side] += claims.len() - before;
            if read[side] >= MAX_CLAIMS_PER_LANGUAGE && !capped.contains(&section.lang()) {
                capped.push(section.lang());
            }
            if claims.len() > before {
                for c in &mut claims[before..] {
                    c.part = p;
                }
                sink.line(ReadLine {
                    part: p,
                    line,
                    tokens: &tokens,
                    sentence_of: &sentence_of,
                    range: before..claims.len(),
                    claims: &claims,
                });
            }
        }
    }
    claims.shrink_to_fit();
    Extraction { claims, capped }
}

/// Extract every claim of one line.
pub fn extract_line(cat: &Catalogue, lang: Lang, section: Section, line: &Line) -> Vec<Claim> {
    let tokens = cat.tokenize_words(line.text(), lang);
    let sentence_of = sentences(
        cat,
        Tokens {
            text: line.text(),
            toks: &tokens,
        },
    );
    let mut claims = Vec::new();
    Scanner::new(cat, lang, section, line, &tokens, &sentence_of).run(&mut claims, usize::MAX);
    claims
}

/// The rules of a claim's dimension, from the catalogue (a dimension the
/// catalogue does not describe is reported when omitted, and never implicit).
fn traits_of(cat: &Catalogue, c: &Claim) -> crate::claim::DimensionTraits {
    let id = match (c.kind, &c.unit) {
        (Kind::Percent | Kind::Fraction, _) => "share",
        (Kind::PercentagePoint, _) => "percentage-point",
        (Kind::Money, _) => "money",
        (Kind::Length, _) => "length",
        (Kind::Measure, Unit::Measure(d, _)) => d,
        (Kind::Measure, _) => "",
        (Kind::Year, _) => "year",
        (Kind::Date, _) => "date",
        (Kind::Duration, _) => "duration",
        (Kind::Count, _) => "count",
        (Kind::Multiplier, _) => "multiplier",
        (Kind::Literal, _) => "literal",
        (Kind::Time, _) => "time",
    };
    cat.dimension(id).map(|d| d.traits).unwrap_or_default()
}

/// What the scan does at a token.
enum Step {
    /// A claim, and the token index to continue from.
    Claim(Box<Claim>, usize),
    /// Not a claim; continue from this index (skipping a trap).
    Skip(usize),
    /// A number that is no quantity (a name, a code, a label) over tokens up
    /// to this index: kept as a literal, compared digit for digit.
    Literal(usize),
    /// A ratio ("cứ 3 người … thì có một"), the index to continue from (its
    /// denominator's end, so that the figures inside it are read), and the
    /// tokens of its numerator, which are part of it and skipped.
    Ratio(Box<Claim>, usize, std::ops::Range<usize>),
}

/// A figure before qualifiers and ranges: currency, amount, scale, unit.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    readings: SmallVec<[NumeralReading; 2]>,
    scale: f64,
    currency: Option<std::sync::Arc<str>>,
    unit: Option<usize>,
    fraction: bool,
    words: bool,
    alone_ok: bool,
    needs_next: bool,
    article: bool,
    /// A single 4-digit token with no separators and no scale: maybe a year.
    year_like: bool,
    /// Written in a unit and its subunit ("5-foot-10").
    compound: bool,
}

/// The scan over one line's tokens.
struct Scanner<'a> {
    cat: &'a Catalogue,
    t: &'a LangTables,
    lang: Lang,
    section: Section,
    line: &'a Line,
    text: &'a str,
    tokens: &'a [Token],
    /// Tokens inside a URL or an e-mail address; empty when there are none.
    masked: Vec<bool>,
    sentence_of: &'a [u32],
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
            .expect("valid URL pattern")
    })
}

/// True when the URL pattern could match: it needs "://", "www." or "@".
fn may_hold_url(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr(b'@', b).is_some()
        || memchr::memchr_iter(b':', b).any(|i| b[i + 1..].starts_with(b"//"))
        || memchr::memchr_iter(b'.', b).any(|i| i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www"))
}

impl<'a> Scanner<'a> {
    fn new(
        cat: &'a Catalogue,
        lang: Lang,
        section: Section,
        line: &'a Line,
        tokens: &'a [Token],
        sentence_of: &'a [u32],
    ) -> Self {
        let mut masked = Vec::new();
        if may_hold_url(line.text()) {
            let spans: Vec<(usize, usize)> = url_regex()
                .find_iter(line.text())
                .map(|m| (m.start(), m.end()))
                .collect();
            // Spans and tokens are both in text order: one sweep marks the
            // tokens inside a URL or an e-mail address.
            if !spans.is_empty() {
                masked.reserve(tokens.len());
                let mut k = 0;
                for t in tokens {
                    let start = t.start as usize;
                    while k < spans.len() && spans[k].1 <= start {
                        k += 1;
                    }
                    masked.push(k < spans.len() && start >= spans[k].0);
                }
            }
        }
        Scanner {
            cat,
            t: cat.lang(lang),
            lang,
            section,
            line,
            text: line.text(),
            tokens,
            masked,
            sentence_of,
        }
    }

    /// The tokens with their text.
    fn toks(&self) -> Tokens<'a> {
        Tokens {
            text: self.text,
            toks: self.tokens,
        }
    }

    fn is_masked(&self, i: usize) -> bool {
        self.masked.get(i).copied().unwrap_or(false)
    }

    /// Read the line's claims into `claims`, stopping when it holds `limit`.
    fn run(&self, claims: &mut Vec<Claim>, limit: usize) {
        let first = claims.len();
        let mut i = 0;
        // The numerator of the last ratio read, skipped when reached.
        let mut numerator = 0..0;
        while i < self.tokens.len() && claims.len() < limit {
            if numerator.contains(&i) {
                i = numerator.end;
                continue;
            }
            let t = &self.tokens[i];
            // Most words can start no claim: one lookup rejects them (a
            // capital that may be a Roman numeral is looked at after a
            // label or a name: "quý IV", "Avatar II"; not every English "I").
            let roman = t.all_caps()
                && matches!(self.text.as_bytes()[t.start as usize], b'I' | b'V' | b'X')
                && (self.after_label(i) || self.roman_after_name(i));
            if self.is_masked(i) || (!t.is_number() && !roman && !self.t.may_start(t.sym)) {
                i += 1;
                continue;
            }
            match self.step(i) {
                Some(Step::Claim(c, next)) => {
                    self.push(claims, first, i, c);
                    i = next.max(i + 1);
                }
                Some(Step::Ratio(c, next, hole)) => {
                    self.push(claims, first, i, c);
                    numerator = hole;
                    i = next.max(i + 1);
                }
                Some(Step::Skip(next)) => i = next.max(i + 1),
                Some(Step::Literal(next)) => {
                    if let Some(mut c) = self.literal_claim(i, next) {
                        c.traits = traits_of(self.cat, &c);
                        claims.push(c);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Adds a claim the step at `i` read, with what its surroundings say:
    /// its dimension's rules, a comparative's hedge, whether it converts the
    /// figure before it (`first` is this line's first claim).
    fn push(&self, claims: &mut Vec<Claim>, first: usize, i: usize, mut c: Box<Claim>) {
        c.traits = traits_of(self.cat, &c);
        if c.qualifier.is_none() {
            c.maybe_hedge = self.comparative_hedge(i).or_else(|| self.distant_hedge(i));
        }
        c.conversion = claims[first..]
            .last()
            .is_some_and(|prev| self.converted_after(prev, &c));
        claims.push(*c);
    }

    /// Rule `conversion-in-brackets`: a figure opening a bracket right after
    /// a figure of the same dimension in another unit or currency is its
    /// conversion ("10.000 feet (khoảng 3.000 mét)", "$187bn (£120bn)"), and
    /// a time after a time the same time in another zone ("20:42 giờ địa
    /// phương (13:42 GMT)").
    fn converted_after(&self, prev: &Claim, c: &Claim) -> bool {
        // Between them only an opening bracket, after at most a few words
        // ("20:42 giờ địa phương (13:42 GMT)").
        let gap = self.text[prev.end.min(c.start)..c.start].trim();
        let opened = gap.strip_suffix('(').is_some_and(|words| {
            words.split_whitespace().count() <= 3
                && words
                    .chars()
                    .all(|ch| ch.is_alphabetic() || ch.is_whitespace())
        });
        opened
            && crate::compare::dimension(prev) == crate::compare::dimension(c)
            && (prev.unit != c.unit || prev.unit_id != c.unit_id || c.kind == Kind::Time)
    }

    fn step(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.date_at(i) {
            return Some(step);
        }
        if let Some(step) = self.time_at(i) {
            return Some(step);
        }
        if let Some(step) = self.score_at(i) {
            return Some(step);
        }
        if let Some(step) = self.age_decade_at(i) {
            return Some(step);
        }
        if self.is_number(i)
            && let Some(step) = self.trap_at(i)
        {
            return Some(step);
        }
        if let Some(step) = self.multiplier_at(i) {
            return Some(step);
        }
        if let Some(step) = self.ratio_every_at(i) {
            return Some(step);
        }
        if let Some(step) = self.vague_at(i) {
            return Some(step);
        }
        self.quantity_at(i).or_else(|| self.ordinal_word_at(i))
    }
}

impl Core {
    /// A plain amount over tokens `start..end`: no scale, unit or currency yet.
    fn new(start: usize, end: usize, readings: SmallVec<[NumeralReading; 2]>) -> Core {
        Core {
            start,
            end,
            readings,
            scale: 1.0,
            currency: None,
            unit: None,
            fraction: false,
            words: false,
            alone_ok: true,
            needs_next: false,
            article: false,
            year_like: false,
            compound: false,
        }
    }

    /// A share written in words or as a proportion ("one-quarter", "3/4"),
    /// precise to half a percentage point.
    fn share(start: usize, end: usize, value: f64) -> Core {
        let mut c = Core::new(
            start,
            end,
            smallvec::smallvec![NumeralReading {
                value,
                precision: 0.5 / 100.0,
            }],
        );
        c.fraction = true;
        c.words = true;
        c
    }

    fn with_start(mut self, start: usize) -> Core {
        self.start = start;
        self
    }

    /// Add to every reading ("and a half").
    fn add(&mut self, v: f64) {
        for r in &mut self.readings {
            r.value += v;
        }
    }
}

pub(crate) fn reading(lo: f64, hi: f64, precision: f64, q: Option<&Qualifier>) -> Reading {
    Reading {
        value: lo,
        value_hi: hi,
        precision,
        interval: asserted_interval(lo, hi, precision, q),
    }
}

#[cfg(test)]
mod tests;
