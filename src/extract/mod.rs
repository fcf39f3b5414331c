//! Extraction: every numeric claim of one line, in one language.
//!
//! Owns the scan over a line's tokens that recognises figures and what is
//! attached to them: currency symbols and words, scale words, units, ranges,
//! qualifiers before and after, dates and years, multipliers, vague
//! quantities, and the traps that look like figures but are not (tickers,
//! clock times, product names and versions, ordinals, URLs). Number parsing
//! proper lives in `numeral` (digits) and `words` (spelled-out numbers); all
//! vocabulary comes from the catalogue.

pub mod numeral;
pub mod words;

use std::sync::OnceLock;

use regex::Regex;

use crate::catalogue::schema::{NumberRole, UnitKind, WordRole};
use crate::catalogue::{Catalogue, CurrencyWord, LangTables};
use crate::claim::{
    Claim, DateParts, Interval, Kind, Qualifier, Reading, Section, Unit, asserted_interval,
};
use crate::lang::Lang;
use crate::normalize::Line;
use crate::segment::Article;
use crate::tokenize::{Token, TokenKind, tokenize};
use numeral::NumeralReading;

/// Extract every claim of an article, in file and line order.
pub fn extract_article(cat: &Catalogue, article: &Article) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (p, part) in article.parts.iter().enumerate() {
        for (line, section) in part.lines.iter().zip(&part.sections) {
            let Some(section) = *section else { continue };
            for mut c in extract_line(cat, section.lang(), section, line) {
                c.part = p;
                claims.push(c);
            }
        }
    }
    claims
}

/// Extract every claim of one line.
pub fn extract_line(cat: &Catalogue, lang: Lang, section: Section, line: &Line) -> Vec<Claim> {
    let tokens = tokenize(&line.text);
    let scanner = Scanner::new(cat, lang, section, line, tokens);
    scanner.run()
}

/// What the scan does at a token.
enum Step {
    /// A claim, and the token index to continue from.
    Claim(Box<Claim>, usize),
    /// Not a claim; continue from this index (skipping a trap).
    Skip(usize),
}

/// A figure before qualifiers and ranges: currency, amount, scale, unit.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    readings: Vec<NumeralReading>,
    scale: f64,
    currency: Option<String>,
    unit: Option<usize>,
    fraction: bool,
    words: bool,
    alone_ok: bool,
    needs_next: bool,
    article: bool,
    /// A single 4-digit token with no separators and no scale: maybe a year.
    year_like: bool,
}

struct Scanner<'a> {
    cat: &'a Catalogue,
    t: &'a LangTables,
    lang: Lang,
    section: Section,
    line: &'a Line,
    tokens: Vec<Token>,
    masked: Vec<bool>,
    sentence_of: Vec<usize>,
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
            .expect("valid URL pattern")
    })
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov", "sen", "rep",
    "prof", "jr", "sr", "ts", "ths", "tp", "pgs", "gs",
];

impl<'a> Scanner<'a> {
    fn new(
        cat: &'a Catalogue,
        lang: Lang,
        section: Section,
        line: &'a Line,
        tokens: Vec<Token>,
    ) -> Self {
        let spans: Vec<(usize, usize)> = url_regex()
            .find_iter(&line.text)
            .map(|m| (m.start(), m.end()))
            .collect();
        // Spans and tokens are both in text order: one sweep marks the tokens
        // inside a URL or an e-mail address.
        let mut masked = Vec::with_capacity(tokens.len());
        let mut k = 0;
        for t in &tokens {
            while k < spans.len() && spans[k].1 <= t.start {
                k += 1;
            }
            masked.push(k < spans.len() && t.start >= spans[k].0);
        }
        let sentence_of = sentences(&tokens);
        Scanner {
            cat,
            t: cat.lang(lang),
            lang,
            section,
            line,
            tokens,
            masked,
            sentence_of,
        }
    }

    fn run(&self) -> Vec<Claim> {
        let mut claims = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if self.masked[i] {
                i += 1;
                continue;
            }
            match self.step(i) {
                Some(Step::Claim(c, next)) => {
                    claims.push(*c);
                    i = next.max(i + 1);
                }
                Some(Step::Skip(next)) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        claims
    }

    // ----- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens
            .get(i)
            .filter(|_| !self.masked.get(i).copied().unwrap_or(true))
    }

    fn lower(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.lower.as_str())
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    fn is_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_number)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    fn attached(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::attached)
    }

    fn has_role(&self, role: WordRole, i: usize) -> bool {
        self.tok(i).is_some_and(|t| self.t.has_role(role, &t.lower))
    }

    /// An integer token without separators, as a number.
    fn plain_int(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if !t.is_number() || t.lower.len() > 9 || !t.lower.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.lower.parse().ok()
    }

    /// A plausible calendar year written as four digits.
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.lower.len() != 4 {
            return None;
        }
        let y = self.plain_int(i)? as i32;
        (1000..=2200).contains(&y).then_some(y)
    }

    /// A year glued to a clock time by scraping ("20256:00" → 2025).
    fn glued_year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        let len = t.lower.len();
        if !(5..=6).contains(&len) || !self.is_punct(i + 1, ':') || !self.attached(i + 1) {
            return None;
        }
        self.plain_int(i)?;
        let y: i32 = t.lower[..4].parse().ok()?;
        let hour: u32 = t.lower[4..].parse().ok()?;
        ((1000..=2200).contains(&y) && hour <= 23).then_some(y)
    }

    /// The next word after `i`, skipping one hyphen.
    fn next_word(&self, i: usize) -> Option<&str> {
        let j = if self.is_punct(i, '-') { i + 1 } else { i };
        self.tok(j)
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_str())
    }

    // ----- the scan --------------------------------------------------------

    fn step(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.date_at(i) {
            return Some(step);
        }
        if self.is_number(i)
            && let Some(next) = self.trap_at(i)
        {
            return Some(Step::Skip(next));
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
        self.quantity_at(i)
    }

    /// Numbers that are not quantities: returns the index after the trap.
    fn trap_at(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        // Tickers: 688256.SS, 0700.HK.
        if self.is_punct(i + 1, '.')
            && self.attached(i + 1)
            && self.tok(i + 2).is_some_and(|w| {
                w.is_word() && w.attached() && w.all_caps && w.lower.chars().count() <= 4
            })
        {
            return Some(i + 3);
        }
        // Clock times and ratios: 6:00, 18:30, 3:1 (and what follows the colon).
        if self.is_punct(i + 1, ':')
            && self.attached(i + 1)
            && self.is_number(i + 2)
            && self.attached(i + 2)
        {
            let mut j = i + 3;
            if self.has_role(WordRole::ClockSuffix, j) {
                j += 1;
            }
            return Some(j);
        }
        if i >= 2 && self.is_punct(i - 1, ':') && t.attached() && self.is_number(i - 2) {
            return Some(i + 1);
        }
        // Powers: "10 to the 22".
        if self.lower(i + 1) == "to" && self.lower(i + 2) == "the" && self.is_number(i + 3) {
            return Some(i + 4);
        }
        // Abbreviated years: in '71, the ' 35.
        if i >= 1
            && t.lower.len() == 2
            && self
                .tok(i - 1)
                .is_some_and(|a| a.is_punct('\'') || a.is_punct('’'))
        {
            return Some(i + 1);
        }
        // UTC offsets: GMT+7, "GMT + 7" as machine translation spaces it.
        if i >= 2
            && (self.is_punct(i - 1, '+') || self.is_punct(i - 1, '-'))
            && self.has_role(WordRole::Timezone, i - 2)
        {
            return Some(i + 1);
        }
        // Slashed numbers that are not dates or small fractions (24/7, 6/45):
        // skip the group.
        if self.slash_fraction(i).is_some() {
            return None;
        }
        if (self.is_punct(i + 1, '/') && self.is_number(i + 2))
            || (i >= 2 && self.is_punct(i - 1, '/') && self.is_number(i - 2))
        {
            let mut j = i + 1;
            while self.is_punct(j, '/') && self.is_number(j + 1) {
                j += 2;
            }
            return Some(j);
        }
        // Ordinals: 16th, 1st; thứ 2, No. 1, top 10.
        if self.tok(i + 1).is_some_and(|n| {
            n.is_word() && n.attached() && matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th")
        }) {
            return Some(i + 2);
        }
        let prev_word = if i >= 2 && self.is_punct(i - 1, '.') {
            i - 2
        } else {
            i.wrapping_sub(1)
        };
        if i >= 1 && self.has_role(WordRole::OrdinalPrefix, prev_word) {
            return Some(i + 1);
        }
        // Identifiers: a word glued before the digits (H100, A380), except a
        // currency code ("VND1.6 trillion").
        if i >= 1 && t.attached() && self.is_word(i - 1) {
            let currency_before = (1..=2).any(|len| {
                i >= len
                    && self
                        .t
                        .currency_prefix
                        .match_at(&self.tokens, i - len)
                        .is_some_and(|(l, _)| l == len)
            });
            if !currency_before {
                return Some(self.skip_attached(i));
            }
        }
        // A version glued to a name by a dot: Tosh.0, Web2.0.
        if i >= 2
            && self.is_punct(i - 1, '.')
            && t.attached()
            && self.attached(i - 1)
            && self.is_word(i - 2)
        {
            return Some(self.skip_attached(i));
        }
        // A capitalised word joined by a hyphen: COVID-19, F-35.
        if i >= 2
            && self.is_punct(i - 1, '-')
            && t.attached()
            && self.attached(i - 1)
            && self
                .tok(i - 2)
                .is_some_and(|w| w.is_word() && w.capitalized)
        {
            return Some(self.skip_attached(i));
        }
        // A name that starts with digits: 7-Eleven, 3-Series.
        if self.is_punct(i + 1, '-')
            && self.attached(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|w| w.is_word() && w.attached() && w.capitalized)
        {
            return Some(self.skip_attached(i));
        }
        // Letters glued after the digits that are no unit (4G, 3D, 1e309).
        if let Some(n) = self.tok(i + 1)
            && n.is_word()
            && n.attached()
            && !self.attaches_after_number(i + 1)
        {
            return Some(self.skip_attached(i));
        }
        None
    }

    /// "3/4", "1/3": a small written fraction (denominator up to 10, the
    /// numerator smaller), not part of a longer slashed group.
    fn slash_fraction(&self, i: usize) -> Option<f64> {
        if !(self.is_punct(i + 1, '/') && self.attached(i + 1) && self.attached(i + 2)) {
            return None;
        }
        if (i >= 1 && self.is_punct(i - 1, '/')) || self.is_punct(i + 3, '/') {
            return None;
        }
        let (a, b) = (self.plain_int(i)?, self.plain_int(i + 2)?);
        (a >= 1 && a < b && b <= 10).then(|| a as f64 / b as f64)
    }

    /// Index after a run of tokens glued together starting at `i`.
    fn skip_attached(&self, i: usize) -> usize {
        let mut j = i + 1;
        while self
            .tok(j)
            .is_some_and(|t| t.attached() && !t.is_punct(',') && !t.is_punct(')'))
        {
            if self.is_punct(j, '.')
                && !self
                    .tok(j + 1)
                    .is_some_and(|n| n.attached() && !n.is_punct('.'))
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// True when the word at `j` may be glued to a number: a unit, scale,
    /// currency, or the decade "s" (1990s).
    fn attaches_after_number(&self, j: usize) -> bool {
        self.lower(j) == "s"
            || self.t.scales.starts_at(&self.tokens, j)
            || self.t.units.starts_at(&self.tokens, j)
            || self.t.currency_suffix.starts_at(&self.tokens, j)
    }

    // ----- dates and years --------------------------------------------------

    fn date_at(&self, i: usize) -> Option<Step> {
        match self.lang {
            Lang::En => self.en_date_at(i),
            Lang::Vi => self.vi_date_at(i),
        }
    }

    fn date_claim(&self, start: usize, end: usize, end_byte: Option<usize>, d: DateParts) -> Step {
        let mut c = self.new_claim(Kind::Date, Unit::None, start, end);
        if let Some(b) = end_byte {
            self.set_span(&mut c, self.tokens[start].start, b);
        }
        let v = d.year.unwrap_or(0) as f64;
        c.readings = vec![Reading {
            value: v,
            value_hi: v,
            precision: 0.0,
            interval: Interval::closed(v, v),
        }];
        c.date = Some(d);
        Step::Claim(Box::new(c), end)
    }

    /// A year number at `i` (plain or glued to a clock): value and end byte.
    fn year_token(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((y, self.tokens[i].end));
        }
        self.glued_year_at(i).map(|y| (y, self.tokens[i].start + 4))
    }

    fn day_at(&self, i: usize) -> Option<u8> {
        let d = self.plain_int(i)?;
        (self.tok(i)?.lower.len() <= 2 && (1..=31).contains(&d)).then_some(d as u8)
    }

    fn month_number_at(&self, i: usize) -> Option<u8> {
        let m = self.plain_int(i)?;
        (self.tok(i)?.lower.len() <= 2 && (1..=12).contains(&m)).then_some(m as u8)
    }

    fn en_date_at(&self, i: usize) -> Option<Step> {
        let t = self.tok(i)?;
        // "24 December 2024"
        if t.is_number() {
            let day = self.day_at(i)?;
            let (len, &m) = self.t.months.match_at(&self.tokens, i + 1)?;
            if !self.tokens[i + 1].capitalized {
                return None;
            }
            let mut end = i + 1 + len;
            let mut year = None;
            let mut end_byte = None;
            if let Some((y, b)) = self.year_token(end) {
                year = Some(y);
                end_byte = Some(b);
                end += 1;
            }
            let d = DateParts {
                year,
                month: Some(m),
                day: Some(day),
            };
            return Some(self.date_claim(i, end, end_byte, d));
        }
        let (len, &m) = self.t.months.match_at(&self.tokens, i)?;
        if !t.capitalized {
            return None;
        }
        let mut k = i + len;
        if self.is_punct(k, '.') && self.attached(k) {
            k += 1;
        }
        if let Some(day) = self.day_at(k) {
            let mut end = k + 1;
            if self.tok(end).is_some_and(|n| {
                n.attached() && matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th")
            }) {
                end += 1;
            }
            let mut y = end;
            if self.is_punct(y, ',') {
                y += 1;
            }
            let (year, end_byte) = match self.year_token(y) {
                Some((yv, b)) => {
                    end = y + 1;
                    (Some(yv), Some(b))
                }
                None => (None, None),
            };
            let d = DateParts {
                year,
                month: Some(m),
                day: Some(day),
            };
            return Some(self.date_claim(i, end, end_byte, d));
        }
        if let Some((y, b)) = self.year_token(k) {
            let d = DateParts {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            return Some(self.date_claim(i, k + 1, Some(b), d));
        }
        // A month alone needs a preposition before it ("in December"); "May"
        // alone is too often the verb.
        let prev = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or("");
        if m != 5 && self.t.role(WordRole::YearMarker).contains_word(prev) {
            let d = DateParts {
                year: None,
                month: Some(m),
                day: None,
            };
            return Some(self.date_claim(i, i + len, None, d));
        }
        None
    }

    fn vi_date_at(&self, i: usize) -> Option<Step> {
        // ngày 24 tháng 1 năm 2025 / ngày 24/1/2025 / ngày 24
        if self.has_role(WordRole::DayMarker, i) {
            let day = self.day_at(i + 1)?;
            let mut end = i + 2;
            let mut month = None;
            let mut year = None;
            // "tháng 1" or "/1" after the day.
            if (self.has_role(WordRole::MonthMarker, end) || self.is_punct(end, '/'))
                && let Some(m) = self.month_number_at(end + 1)
            {
                month = Some(m);
                end += 2;
            }
            if month.is_some()
                && let Some((y, e)) = self.vi_year_after(end)
            {
                year = Some(y);
                end = e;
            }
            return Some(self.date_claim(
                i,
                end,
                None,
                DateParts {
                    year,
                    month,
                    day: Some(day),
                },
            ));
        }
        // tháng 12 / tháng 3/2024 / tháng 1 năm 2025 / tháng Giêng
        if self.has_role(WordRole::MonthMarker, i) {
            let (month, mut end) = if let Some(m) = self.month_number_at(i + 1) {
                (m, i + 2)
            } else {
                let (len, &m) = self.t.months.match_at(&self.tokens, i)?;
                let named_ok = self.tokens.get(i + 1).is_some_and(|w| w.capitalized)
                    || self.vi_year_after(i + len).is_some();
                if !named_ok {
                    return None;
                }
                (m, i + len)
            };
            let mut year = None;
            if let Some((y, e)) = self.vi_year_after(end) {
                year = Some(y);
                end = e;
            }
            return Some(self.date_claim(
                i,
                end,
                None,
                DateParts {
                    year,
                    month: Some(month),
                    day: None,
                },
            ));
        }
        // những năm 1990 / thập niên 1990: a decade.
        if matches!(self.lower(i), "thập" | "những" | "các") {
            let marker_len = match (self.lower(i), self.lower(i + 1)) {
                ("thập", "niên" | "kỷ" | "kỉ") => 2,
                ("những" | "các", "năm") => 2,
                _ => 0,
            };
            // "thập kỷ 80": a two-digit decade of the twentieth century.
            let short = || {
                let t = self.tok(i + marker_len)?;
                let v = self.plain_int(i + marker_len)? as i32;
                (t.lower.len() == 2 && v % 10 == 0).then_some(1900 + v)
            };
            if marker_len > 0
                && let Some(y) = self.year_at(i + marker_len).or_else(short)
                && y % 10 == 0
            {
                return Some(self.year_claim(i, i + marker_len + 1, y, y + 9));
            }
            return None;
        }
        // năm 2023; (từ) năm 1971 đến (năm) 1977
        if self.has_role(WordRole::YearMarker, i) {
            let y = self.year_at(i + 1)?;
            if let Some((len, _)) = self.t.role(WordRole::RangeTo).match_at(&self.tokens, i + 2) {
                let k = i + 2 + len;
                let k = if self.has_role(WordRole::YearMarker, k) {
                    k + 1
                } else {
                    k
                };
                if let Some(y2) = self.year_at(k).filter(|&y2| y2 > y) {
                    return Some(self.year_claim(i, k + 1, y, y2));
                }
                // "năm 2017-18": a fiscal year.
                if let (Some(t), Some(short)) = (self.tok(k), self.plain_int(k))
                    && t.lower.len() == 2
                    && self.is_punct(i + 2, '-')
                {
                    let y2 = y / 100 * 100 + short as i32;
                    if y2 > y {
                        return Some(self.year_claim(i, k + 1, y, y2));
                    }
                }
            }
            return Some(self.year_claim(i, i + 2, y, y));
        }
        // 24/1/2025 (day first)
        if self.is_number(i) && self.is_punct(i + 1, '/') {
            let day = self.day_at(i)?;
            let month = self.month_number_at(i + 2)?;
            if self.is_punct(i + 3, '/') {
                let y = self.year_at(i + 4)?;
                return Some(self.date_claim(
                    i,
                    i + 5,
                    None,
                    DateParts {
                        year: Some(y),
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
        }
        None
    }

    /// "năm 2025", ", năm 2025" or "/2025" after a day or month.
    fn vi_year_after(&self, k: usize) -> Option<(i32, usize)> {
        let k2 = if self.is_punct(k, ',') { k + 1 } else { k };
        if self.has_role(WordRole::YearMarker, k2)
            && let Some(y) = self.year_at(k2 + 1)
        {
            return Some((y, k2 + 2));
        }
        if self.is_punct(k, '/')
            && let Some(y) = self.year_at(k + 1)
        {
            return Some((y, k + 2));
        }
        None
    }

    fn year_claim(&self, start: usize, end: usize, lo: i32, hi: i32) -> Step {
        let mut c = self.new_claim(Kind::Year, Unit::None, start, end);
        let (lo, hi) = (lo as f64, hi as f64);
        c.range = hi > lo;
        c.readings = vec![Reading {
            value: lo,
            value_hi: hi,
            precision: 0.0,
            interval: Interval::closed(lo, hi),
        }];
        Step::Claim(Box::new(c), end)
    }

    // ----- multipliers and vague quantities --------------------------------

    fn multiplier_at(&self, i: usize) -> Option<Step> {
        if let Some((len, m)) = self.t.multipliers.match_at(&self.tokens, i) {
            if let Some(next) = self.next_word(i + len)
                && m.unless_before.iter().any(|w| w == next)
            {
                return Some(Step::Skip(i + len));
            }
            // "double shifts" is two shifts; "double its revenue" a multiplier.
            if !m.only_before.is_empty()
                && self.tok(i + len).is_some_and(|n| {
                    n.is_number()
                        || (n.is_word() && !m.only_before.contains(&n.lower))
                        || n.is_punct('-')
                })
            {
                return Some(Step::Skip(i + len));
            }
            // Capitalised inside a sentence, it is a name ("Double Rainbow").
            if self.tokens[i].capitalized && i > 0 && self.sentence_of[i - 1] == self.sentence_of[i]
            {
                return Some(Step::Skip(i + len));
            }
            // A multiplier word is as precise as a written integer ("double"
            // = 2, not 2.4); below one, a quarter of its value.
            let reading = NumeralReading {
                value: m.value,
                precision: if m.value >= 1.0 { 0.5 } else { m.value / 4.0 },
            };
            return Some(self.finish_multiplier(i, i + len, reading));
        }
        // Vietnamese "gấp 3 lần", "gấp ba", "gấp 3 đến 4 lần".
        if self.has_role(WordRole::MultiplierPrefix, i) {
            let Some(Step::Claim(mut c, end)) = self.quantity_at(i + 1) else {
                return None;
            };
            if !matches!(c.kind, Kind::Count | Kind::Multiplier) || c.scale != 1.0 {
                return None;
            }
            c.kind = Kind::Multiplier;
            c.unit = Unit::Times;
            c.weak = false;
            let mut start = i;
            if c.qualifier.is_none()
                && let Some((s, q)) = self.qualifier_before(i, Kind::Multiplier)
            {
                for r in &mut c.readings {
                    *r = reading(r.value, r.value_hi, r.precision, Some(&q));
                }
                c.qualifier = Some(q);
                start = s;
            }
            let (s, e) = (self.tokens[start].start.min(c.start), c.end);
            self.set_span(&mut c, s, e);
            return Some(Step::Claim(c, end));
        }
        None
    }

    /// "cứ 10 đơn thuốc thì có 1 đơn": one in ten.
    fn ratio_every_at(&self, i: usize) -> Option<Step> {
        let (len, _) = self
            .t
            .role(WordRole::RatioEvery)
            .match_at(&self.tokens, i)?;
        let den = self.small_amount_at(i + len)?;
        let mut k = self.small_amount_end(i + len);
        let limit = (k + 14).min(self.tokens.len());
        while k < limit {
            let t = &self.tokens[k];
            if t.kind == TokenKind::Punct && !t.is_punct(',') {
                return None;
            }
            if let Some((l, _)) = self.t.role(WordRole::RatioThen).match_at(&self.tokens, k) {
                let num = self.small_amount_at(k + l)?;
                let end = self.small_amount_end(k + l);
                if !(num > 0.0 && num < den) {
                    return None;
                }
                let mut c = self.new_claim(Kind::Fraction, Unit::Percent, i, end);
                let v = 100.0 * num / den;
                c.readings = vec![reading(v, v, 0.5, None)];
                return Some(Step::Claim(Box::new(c), end));
            }
            k += 1;
        }
        None
    }

    fn finish_multiplier(&self, start: usize, mut end: usize, r: NumeralReading) -> Step {
        // "gấp hai lần rưỡi"
        let mut value = r.value;
        if self.is_and_a_half(end) {
            value += 0.5;
            end += 1;
        }
        let (q_start, q) = match self.qualifier_before(start, Kind::Multiplier) {
            Some((s, q)) => (s, Some(q)),
            None => (start, None),
        };
        let mut c = self.new_claim(Kind::Multiplier, Unit::Times, q_start, end);
        c.readings = vec![reading(value, value, r.precision, q.as_ref())];
        c.qualifier = q;
        Step::Claim(Box::new(c), end)
    }

    fn is_and_a_half(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| {
            self.t
                .number_words
                .get(&t.lower)
                .is_some_and(|w| w.role == NumberRole::AndAHalf)
        })
    }

    fn vague_at(&self, i: usize) -> Option<Step> {
        let (len, v) = self.t.vague.match_at(&self.tokens, i)?;
        let (mut base, upper) = (v.base, v.upper);
        let mut k = i + len;
        let mut scaled = false;
        loop {
            if let Some((l, s)) = self.t.scales.match_at(&self.tokens, k) {
                if s.attached || s.needs_currency {
                    break;
                }
                base *= s.factor;
                scaled = true;
                k += l;
            } else if let Some((l, more)) = self.t.vague.match_at(&self.tokens, k) {
                if more.needs_scale {
                    break;
                }
                base *= more.base;
                scaled = true;
                k += l;
            } else {
                break;
            }
        }
        if v.needs_scale && !scaled {
            return None;
        }
        // "billions of dollars": the "of" may already be in the vague phrase,
        // and a vague quantity is a magnitude, as good as a scale word.
        let (currency, unit, end) = self.suffix_at(k, true);
        let (kind, unit_v, factor, dur) = self.kind_of(currency.as_deref(), unit, false);
        if matches!(kind, Kind::Percent | Kind::PercentagePoint) {
            return None;
        }
        let mut c = self.new_claim(kind, unit_v, i, end);
        c.duration_unit = dur;
        c.vague = true;
        let lo = base * factor;
        let hi = base * upper * factor;
        // "hàng tỷ tỷ tỷ …" overflows: no claim rather than an infinite one.
        if !hi.is_finite() {
            return Some(Step::Skip(end));
        }
        c.readings = vec![Reading {
            value: lo,
            value_hi: lo,
            precision: 0.0,
            interval: Interval {
                lo,
                hi,
                lo_open: false,
                hi_open: true,
            },
        }];
        Some(Step::Claim(Box::new(c), end))
    }

    // ----- quantities --------------------------------------------------------

    /// Currency, amount, scale and unit starting at `i`, without qualifiers.
    fn core_at(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let mut currency = None;
        if let Some((len, cw)) = self.t.currency_prefix.match_at(&self.tokens, i)
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
            && self.tok(j).is_some_and(|t| t.space_before || j == 0)
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
        let mut k = core.end;
        // "two and a half billion"
        if let Some(len) = self.en_and_a_half(k)
            && self.t.scales.starts_at(&self.tokens, k + len)
        {
            for r in &mut core.readings {
                r.value += 0.5;
            }
            k += len;
        }
        // "a quarter of a million": a fraction of a scale is an amount.
        if core.fraction && self.lang == Lang::En && self.lower(k) == "of" {
            let s = if self.lower(k + 1) == "a" {
                k + 2
            } else {
                k + 1
            };
            if self.t.scales.starts_at(&self.tokens, s) {
                k = s;
            }
        }
        // Scale words: "tỷ", "nghìn tỷ", "bn" (attached), "m" (money only),
        // also after a hyphen ("$115-million").
        loop {
            if self.is_punct(k, '-')
                && self.attached(k)
                && self.attached(k + 1)
                && self.t.scales.starts_at(&self.tokens, k + 1)
            {
                k += 1;
            }
            let Some((len, s)) = self.t.scales.match_at(&self.tokens, k) else {
                break;
            };
            if s.attached && !self.attached(k) {
                break;
            }
            // "an 8m tall statue" is a length, but "£600m under budget" money.
            if currency.is_none()
                && self
                    .next_word(k + len)
                    .is_some_and(|w| s.unless_before.iter().any(|u| u == w))
            {
                break;
            }
            // "a 12m (39ft) vessel": a length converted in brackets.
            if s.attached
                && self.is_punct(k + len, '(')
                && self.is_number(k + len + 1)
                && self
                    .t
                    .units
                    .match_at(&self.tokens, k + len + 2)
                    .is_some_and(|(_, &u)| self.cat.units[u].kind == UnitKind::Length)
            {
                break;
            }
            if s.needs_currency
                && currency.is_none()
                && !self.t.currency_suffix.starts_at(&self.tokens, k + len)
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
        // "1 triệu 200 nghìn": a smaller scale after a scaled figure adds to it.
        if self.lang == Lang::Vi && core.scale > 1.0 {
            while let Some(n) = self.plain_int(k) {
                let Some((len, s)) = self.t.scales.match_at(&self.tokens, k + 1) else {
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
        let half = if self.is_and_a_half(k) {
            Some(1)
        } else {
            self.en_and_a_half(k)
        };
        if let Some(len) = half {
            for r in &mut core.readings {
                r.value += 0.5;
            }
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
        if core.unit.is_some() && self.is_and_a_half(core.end) {
            for r in &mut core.readings {
                r.value += 0.5;
            }
            core.end += 1;
        }
        core.currency = currency;
        core.year_like =
            core.year_like && !scaled && core.unit.is_none() && core.currency.is_none();
        Some(core)
    }

    /// "and a half" after an English amount.
    /// "and a half" (or "-and-a-half") after an English amount: its length.
    fn en_and_a_half(&self, k: usize) -> Option<usize> {
        if self.lang != Lang::En {
            return None;
        }
        let mut j = k;
        let mut words = Vec::new();
        while words.len() < 3 && j < self.tokens.len() {
            if self.is_punct(j, '-') {
                j += 1;
                continue;
            }
            words.push(self.lower(j));
            j += 1;
        }
        (words.len() == 3
            && words[0] == "and"
            && matches!(words[1], "a" | "one")
            && words[2] == "half")
            .then_some(j - k)
    }

    /// A currency word or a unit at `k` (after an optional hyphen): returns
    /// the currency, the unit and the index after it (or `k` when none).
    fn suffix_at(&self, k: usize, scaled: bool) -> (Option<String>, Option<usize>, usize) {
        let k2 = if self.is_punct(k, '-')
            && self.attached(k)
            && self.attached(k + 1)
            && self.is_word(k + 1)
        {
            k + 1
        } else {
            k
        };
        if let Some((len, cw)) = self.t.currency_suffix.match_at(&self.tokens, k2)
            && self.suffix_allowed(k2, len)
            && self.weak_ok(cw, k2 + len, scaled)
        {
            return (Some(cw.code.clone()), None, k2 + len);
        }
        if let Some((len, &u)) = self.t.units.match_at(&self.tokens, k2) {
            let unit = &self.cat.units[u];
            let date_marker = unit.kind == UnitKind::Duration
                && (self.has_role(WordRole::YearMarker, k2)
                    || self.has_role(WordRole::MonthMarker, k2)
                    || self.has_role(WordRole::DayMarker, k2))
                && self.is_number(k2 + len);
            if self.suffix_allowed(k2, len) && !date_marker {
                return (None, Some(u), k2 + len);
            }
        }
        (None, None, k)
    }

    /// One-letter suffixes ("m", "p", "x") must touch the number.
    fn suffix_allowed(&self, k: usize, len: usize) -> bool {
        let t = &self.tokens[k];
        !(len == 1 && t.is_word() && t.lower.chars().count() == 1 && !t.attached())
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
                    .is_some_and(|t| cw.not_before.contains(&t.lower)))
    }

    /// A bare amount at `j`: digits, words, or a fraction.
    fn amount_at(&self, j: usize) -> Option<Core> {
        let t = self.tok(j)?;
        match t.kind {
            TokenKind::Number => {
                if let Some(v) = self.slash_fraction(j) {
                    let mut core = Core::share(j, j + 3, v);
                    core.words = false;
                    return Some(core);
                }
                let readings = numeral::readings(&t.lower, self.lang);
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
                let w = words::parse(self.t, self.lang, &self.tokens, j)?;
                if j >= 1 && self.has_role(WordRole::OrdinalPrefix, j - 1) {
                    return None;
                }
                if let Some(f) = self.fraction_after(w.end, w.value) {
                    return Some(f.with_start(j));
                }
                let reading = NumeralReading {
                    value: w.value,
                    precision: 0.5,
                };
                let mut core = Core::new(j, w.end, vec![reading]);
                core.words = true;
                core.alone_ok = w.alone_ok;
                core.needs_next = w.needs_next;
                core.article = w.article;
                Some(core)
            }
            TokenKind::Punct => None,
        }
    }

    /// A fraction whose numerator (value `num`) ends just before `k`:
    /// "one-quarter", "two-thirds", "một phần tư", "one in five", "một nửa".
    fn fraction_after(&self, k: usize, num: f64) -> Option<Core> {
        let core = |end, value: f64| Core::share(0, end, value);
        match self.lang {
            Lang::En => {
                let f = if self.is_punct(k, '-') && self.attached(k) {
                    k + 1
                } else {
                    k
                };
                if let Some(&(frac, needs_of)) =
                    self.tok(f).and_then(|t| self.t.fractions.get(&t.lower))
                {
                    // "one-quarter" is a fraction; "once a quarter", "two
                    // quarters" are periods unless "of" or a determiner follows.
                    let hyphenated = f > k;
                    let of = self.tok(f + 1).is_some_and(|t| t.is_word());
                    if self.en_fraction_context(f + 1) && (of || hyphenated || !needs_of) {
                        return Some(core(f + 1, num * frac));
                    }
                    return None;
                }
                self.proportion_after(k, num).map(|(end, v)| core(end, v))
            }
            Lang::Vi => {
                // "hai mươi lăm phần trăm" is a percentage, not 25/100.
                if self.t.units.starts_at(&self.tokens, k) {
                    return None;
                }
                if self.tok(k).is_some_and(|t| {
                    self.t
                        .number_words
                        .get(&t.lower)
                        .is_some_and(|w| w.role == NumberRole::Joiner)
                }) {
                    let den = self.small_amount_at(k + 1)?;
                    return (den > 0.0).then(|| core(self.small_amount_end(k + 1), num / den));
                }
                if num == 1.0
                    && let Some(&(frac, _)) =
                        self.tok(k).and_then(|t| self.t.fractions.get(&t.lower))
                {
                    return Some(core(k + 1, frac));
                }
                self.proportion_after(k, num).map(|(end, v)| core(end, v))
            }
        }
    }

    /// "one in five", "three out of 10", "nine of the 20", "1 trong 9",
    /// "80,3 trên 100": a proportion whose numerator `num` ends before `k`.
    /// Returns the end and the share.
    fn proportion_after(&self, k: usize, num: f64) -> Option<(usize, f64)> {
        let (len, _) = self
            .t
            .role(WordRole::FractionOf)
            .match_at(&self.tokens, k)?;
        let d = k + len;
        let den = self.small_amount_at(d)?;
        let end = self.small_amount_end(d);
        let unit_after = self.t.units.starts_at(&self.tokens, end) || self.is_punct(end, '%');
        (den > num && num > 0.0 && den <= 1000.0 && !unit_after).then_some((end, num / den))
    }

    /// After an English fraction word: "of", a determiner, or the end of a phrase.
    fn en_fraction_context(&self, k: usize) -> bool {
        match self.tok(k) {
            None => true,
            // "a third-class country" is an adjective.
            Some(t) if !t.is_word() => !t.is_number() && !t.is_punct('-'),
            Some(t) => matches!(
                t.lower.as_str(),
                "of" | "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "that"
                    | "this"
                    | "these"
                    | "those"
            ),
        }
    }

    /// "half" or "nửa" with no numerator.
    fn lone_fraction_at(&self, j: usize) -> Option<Core> {
        let t = self.tok(j)?;
        let &(frac, _) = self.t.fractions.get(&t.lower)?;
        if frac != 0.5 {
            return None;
        }
        let prev = j.checked_sub(1).map(|p| self.lower(p)).unwrap_or("");
        if self.t.has_role(WordRole::PeriodWord, prev) {
            return None;
        }
        let after_qualifier = self
            .t
            .qualifiers_before
            .match_ending_at(&self.tokens, j)
            .is_some();
        let before_scale = {
            let k = if self.lower(j + 1) == "a" {
                j + 2
            } else {
                j + 1
            };
            self.t.scales.starts_at(&self.tokens, k) || self.t.units.starts_at(&self.tokens, k)
        };
        let ok = match self.lang {
            Lang::En => {
                after_qualifier
                    || before_scale
                    || self.en_fraction_context(j + 1)
                        && matches!(self.lower(j + 1), "of" | "the" | "its" | "their")
            }
            // "một nửa" is read with its numerator; "phân nửa" is the same half.
            Lang::Vi => {
                after_qualifier || before_scale || self.lower(j + 1) == "số" || prev == "phân"
            }
        };
        if !ok {
            return None;
        }
        let mut end = j + 1;
        let mut fraction = true;
        let mut value = frac;
        let mut precision = 0.5 / 100.0;
        // "half a million": an amount, not a share.
        if before_scale {
            if self.lower(end) == "a" {
                end += 1;
            }
            fraction = false;
            precision = 0.05;
            value = 0.5;
        }
        let mut core = Core::new(j, end, vec![NumeralReading { value, precision }]);
        core.fraction = fraction;
        core.words = true;
        Some(core)
    }

    fn small_amount_at(&self, j: usize) -> Option<f64> {
        if let Some(v) = self.plain_int(j) {
            return Some(v as f64);
        }
        words::parse(self.t, self.lang, &self.tokens, j).map(|w| w.value)
    }

    fn small_amount_end(&self, j: usize) -> usize {
        if self.plain_int(j).is_some() {
            return j + 1;
        }
        words::parse(self.t, self.lang, &self.tokens, j).map_or(j + 1, |w| w.end)
    }

    fn quantity_at(&self, i: usize) -> Option<Step> {
        let first = self.core_at(i)?;
        let mut core = first.clone();
        let mut hi_core: Option<Core> = None;
        let mut end = core.end;
        // Ranges: "11% to 19%", "11-19%", "between 30 and 43 percent",
        // "between the ages of 18 and 30".
        let between = (0..=4).any(|back| {
            i >= back
                && !(i - back..i).any(|k| self.tokens[k].kind == TokenKind::Punct)
                && self
                    .t
                    .role(WordRole::RangeBetween)
                    .match_ending_at(&self.tokens, i - back)
                    .is_some()
        });
        let connector = self
            .t
            .role(WordRole::RangeTo)
            .match_at(&self.tokens, end)
            .or_else(|| {
                if between {
                    self.t.role(WordRole::RangeAnd).match_at(&self.tokens, end)
                } else {
                    None
                }
            });
        let word_connector = connector.is_some() && self.is_word(end);
        // "fell by £4.6bn to £12.6bn": a change and its result, not a range.
        let by_then_to = word_connector && i >= 1 && self.lower(i - 1) == "by";
        let unit_of = |c: &Core| c.unit.is_some() || c.currency.is_some();
        if let Some((clen, _)) = connector.filter(|_| !by_then_to)
            && let Some(second) = self.core_at(end + clen).filter(|s| {
                let attached = s.scale != 1.0 || unit_of(s);
                // "rose 19 percent to 27,480 units": a second figure with no
                // unit of its own after a word is the new level, not a range end.
                let far = |c: &Core| c.readings.first().map_or(0.0, |r| r.value * c.scale);
                let ratio = far(s) / far(&first).max(f64::MIN_POSITIVE);
                let new_level = word_connector
                    && unit_of(&first)
                    && !unit_of(s)
                    && !(0.1..=10.0).contains(&ratio);
                s.alone_ok && !s.article && (!s.needs_next || attached) && !new_level
            })
        {
            // "21-22 June", "the four months to 30 June", "21-22/6": a date.
            if self.date_follows(second.end) {
                return Some(Step::Skip(second.end));
            }
            if let Some((lo, hi)) = self.merge_range(&core, &second) {
                let (_, _, factor, _) = self.kind_of(lo.currency.as_deref(), lo.unit, false);
                let ascending = lo.readings.iter().any(|r| {
                    hi.readings
                        .iter()
                        .any(|s| s.value * hi.scale * factor > r.value * lo.scale * factor)
                });
                let change = word_connector
                    && self
                        .t
                        .role(WordRole::ChangeFrom)
                        .match_ending_at(&self.tokens, i)
                        .is_some_and(|(len, _)| {
                            let from = i - len;
                            (from.saturating_sub(4)..from)
                                .any(|k| self.has_role(WordRole::ChangeVerb, k))
                        });
                if change {
                    // "from 10% to 80%": two figures; the first borrows the
                    // unit and scale of the second, which is read on its own.
                    core = lo;
                } else if ascending {
                    core = lo;
                    end = second.end;
                    hi_core = Some(hi);
                }
            }
        }
        // Lone number words that are no claim by themselves ("one of",
        // "một sự kiện", "năm ngoái"); a range makes them a figure ("one to 10").
        let has_attachment =
            core.scale != 1.0 || core.unit.is_some() || core.currency.is_some() || core.fraction;
        if hi_core.is_none() && first.words && !has_attachment {
            if !first.alone_ok || first.article {
                return Some(Step::Skip(first.end));
            }
            if first.needs_next && !self.vietnamese_count_follows(first.end) {
                return None;
            }
        }
        // "a" is one only before a scale word or a fraction ("a million",
        // "a third"), never before a unit ("$6 trillion a year" is a rate).
        if first.article && core.scale == 1.0 && !core.fraction {
            return Some(Step::Skip(first.end));
        }
        let (kind, unit, factor, dur) =
            self.kind_of(core.currency.as_deref(), core.unit, core.fraction);
        let mut kind = kind;
        if kind == Kind::Count && core.year_like && hi_core.as_ref().is_none_or(|h| h.year_like) {
            kind = Kind::Year;
        }
        // Decades: "1990s".
        let mut decade = false;
        if kind == Kind::Year && hi_core.is_none() {
            if self.lower(end) == "s" && self.attached(end) {
                decade = true;
                end += 1;
            } else if (self.is_punct(end, '\'') || self.is_punct(end, '’'))
                && self.lower(end + 1) == "s"
                && self.attached(end + 1)
            {
                // "the 1840 's", "the 1840's"
                decade = true;
                end += 2;
            }
        }
        // Bare numbers right after a name are part of it: Mate 60, Llama 3.1.
        if matches!(kind, Kind::Count | Kind::Year) && !first.words && self.after_name(i) {
            return Some(Step::Skip(end));
        }
        let multiplier_of_one =
            kind == Kind::Multiplier && core.readings.first().is_some_and(|r| r.value == 1.0);
        if multiplier_of_one {
            return Some(Step::Skip(end));
        }
        let (claim_start, mut qualifier) = match self.qualifier_before(i, kind) {
            Some((s, q)) if !matches!(kind, Kind::Year | Kind::Date) => (s, Some(q)),
            _ => (i, None),
        };
        if qualifier.is_none()
            && !matches!(kind, Kind::Year | Kind::Date)
            && let Some((len, q)) = self.t.qualifiers_after.match_at(&self.tokens, end)
        {
            qualifier = Some(Qualifier {
                kind: q.kind,
                text: q.phrase.clone(),
                tolerance: q.tolerance,
            });
            end += len;
        }
        let mut c = self.new_claim(kind, unit, claim_start, end);
        c.duration_unit = dur;
        c.unit_id = core.unit.map(|u| self.cat.units[u].id.clone());
        c.scale = core.scale;
        let percent = if core.fraction { 100.0 } else { 1.0 };
        let f = core.scale * factor * percent;
        let mut readings = Vec::new();
        match &hi_core {
            None => {
                for r in &core.readings {
                    let (lo, hi) = if decade {
                        (r.value, r.value + 9.0)
                    } else {
                        (r.value * f, r.value * f)
                    };
                    let p = if decade { 0.0 } else { r.precision * f };
                    readings.push(reading(lo, hi, p, qualifier.as_ref()));
                }
            }
            Some(h) => {
                let hf = h.scale * factor * percent;
                for r in &core.readings {
                    for s in &h.readings {
                        if s.value * hf > r.value * f {
                            readings.push(reading(
                                r.value * f,
                                s.value * hf,
                                r.precision * f,
                                qualifier.as_ref(),
                            ));
                        }
                    }
                }
                if readings.is_empty() {
                    return None;
                }
                c.range = true;
            }
        }
        readings.truncate(4);
        if readings.is_empty()
            || readings
                .iter()
                .any(|r| !r.value.is_finite() || !r.value_hi.is_finite())
        {
            return Some(Step::Skip(end));
        }
        c.readings = readings;
        c.range |= decade;
        c.qualifier = qualifier;
        // A bare "1" is as often the article "a" as a count ("1 chai mứt",
        // "1 hàm"), so it is weak even in digits.
        let bare_one = kind == Kind::Count
            && hi_core.is_none()
            && !core.fraction
            && core.scale == 1.0
            && core.readings[0].value == 1.0;
        c.weak = bare_one
            || first.words
                && hi_core.is_none()
                && core.scale == 1.0
                && core.currency.is_none()
                && !core.fraction
                && core.readings[0].value <= if kind == Kind::Count { 10.0 } else { 1.0 };
        Some(Step::Claim(Box::new(c), end))
    }

    /// A day-month date continues at `k` ("21-22 June", "30 tháng 6", "22/6").
    fn date_follows(&self, k: usize) -> bool {
        self.t
            .months
            .match_at(&self.tokens, k)
            .is_some_and(|_| self.tokens[k].capitalized)
            || (self.has_role(WordRole::MonthMarker, k) && self.is_number(k + 1))
            || (self.is_punct(k, '/') && self.is_number(k + 1))
    }

    /// After a lone "năm" (five or year): a number word, scale, unit,
    /// currency or counted noun makes it five.
    fn vietnamese_count_follows(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        self.t.number_words.contains_key(&t.lower)
            || self.t.scales.starts_at(&self.tokens, k)
            || self.t.units.starts_at(&self.tokens, k)
            || self.t.currency_suffix.starts_at(&self.tokens, k)
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

    /// The kind, canonical unit, factor to canonical, and duration unit of a
    /// figure with this currency or unit.
    fn kind_of(
        &self,
        currency: Option<&str>,
        unit: Option<usize>,
        fraction: bool,
    ) -> (Kind, Unit, f64, Option<(String, f64)>) {
        if let Some(code) = currency {
            return (Kind::Money, Unit::Currency(code.to_string()), 1.0, None);
        }
        if let Some(u) = unit {
            let u = &self.cat.units[u];
            return match u.kind {
                UnitKind::Percent => (Kind::Percent, Unit::Percent, u.factor, None),
                UnitKind::PercentagePoint => {
                    (Kind::PercentagePoint, Unit::PercentagePoint, u.factor, None)
                }
                UnitKind::Length => (Kind::Length, Unit::Nanometre, u.factor, None),
                UnitKind::Duration => (
                    Kind::Duration,
                    Unit::Day,
                    u.factor,
                    Some((u.id.clone(), u.factor)),
                ),
                UnitKind::Multiplier => (Kind::Multiplier, Unit::Times, u.factor, None),
                UnitKind::Measure => (
                    Kind::Measure,
                    Unit::Measure(u.dimension.clone().unwrap_or_default()),
                    u.factor,
                    None,
                ),
            };
        }
        if fraction {
            return (Kind::Fraction, Unit::Percent, 1.0, None);
        }
        (Kind::Count, Unit::None, 1.0, None)
    }

    /// True when the token before `i` is a capitalised word that is not a
    /// function word, month or qualifier: the number is part of a name.
    fn after_name(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        if !p.is_word() || !p.capitalized || !self.tokens[i].space_before {
            return false;
        }
        let p_idx = i - 1;
        !(self.has_role(WordRole::FunctionWord, p_idx)
            || self.has_role(WordRole::YearMarker, p_idx)
            || self.t.months.match_ending_at(&self.tokens, i).is_some()
            || self
                .t
                .qualifiers_before
                .match_ending_at(&self.tokens, i)
                .is_some()
            || self
                .t
                .currency_prefix
                .match_ending_at(&self.tokens, i)
                .is_some()
            || self
                .t
                .role(WordRole::RangeBetween)
                .match_ending_at(&self.tokens, i)
                .is_some())
    }

    /// The qualifier governing a figure that starts at token `start`, and
    /// the token where the qualifier starts.
    fn qualifier_before(&self, start: usize, kind: Kind) -> Option<(usize, Qualifier)> {
        let (len, q, end) = match self
            .t
            .qualifiers_before
            .match_ending_at(&self.tokens, start)
        {
            Some((len, q)) => (len, q, start),
            // "ít nhất trong sáu tháng": a preposition may stand between.
            None if start >= 1 && self.has_role(WordRole::Transparent, start - 1) => {
                let (len, q) = self
                    .t
                    .qualifiers_before
                    .match_ending_at(&self.tokens, start - 1)?;
                (len, q, start - 1)
            }
            None => return None,
        };
        let start = end;
        let q_start = start - len;
        if (q_start..start).any(|k| self.masked[k]) {
            return None;
        }
        if q.not_before.contains(&kind) {
            return None;
        }
        // "thấp hơn 5%" is a comparative, but "Biển Đông hơn 30 năm" is not:
        // a capitalised word before is a name, not an adjective.
        if let Some(p) = q_start.checked_sub(1)
            && self.tokens[p].is_word()
            && !self.tokens[p].capitalized
            && q.unless_after.contains(&self.tokens[p].lower)
        {
            return None;
        }
        if let Some((n, table)) = &q.unless_within {
            let from = q_start.saturating_sub(*n);
            if (from..q_start).any(|k| table.starts_at(&self.tokens[..q_start], k)) {
                return None;
            }
        }
        let pos = self
            .line
            .position(self.tokens[q_start].start, self.tokens[start - 1].end);
        Some((
            q_start,
            Qualifier {
                kind: q.kind,
                text: self
                    .line
                    .original_slice(pos.column, pos.end_column)
                    .to_string(),
                tolerance: q.tolerance,
            },
        ))
    }

    // ----- claims ------------------------------------------------------------

    fn new_claim(&self, kind: Kind, unit: Unit, start: usize, end: usize) -> Claim {
        let (s, e) = (
            self.tokens[start].start,
            self.tokens[end.max(start + 1) - 1].end,
        );
        let mut c = Claim {
            kind,
            unit,
            unit_id: None,
            duration_unit: None,
            readings: Vec::new(),
            scale: 1.0,
            qualifier: None,
            date: None,
            range: false,
            vague: false,
            weak: false,
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

    fn set_span(&self, c: &mut Claim, s: usize, e: usize) {
        let pos = self.line.position(s, e);
        c.start = s;
        c.end = e;
        c.column = pos.column;
        c.end_column = pos.end_column;
        c.text = self
            .line
            .original_slice(pos.column, pos.end_column)
            .to_string();
    }
}

impl Core {
    /// A plain amount over tokens `start..end`: no scale, unit or currency yet.
    fn new(start: usize, end: usize, readings: Vec<NumeralReading>) -> Core {
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
        }
    }

    /// A share written in words or as a proportion ("one-quarter", "3/4"),
    /// precise to half a percentage point.
    fn share(start: usize, end: usize, value: f64) -> Core {
        let mut c = Core::new(
            start,
            end,
            vec![NumeralReading {
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
}

fn reading(lo: f64, hi: f64, precision: f64, q: Option<&Qualifier>) -> Reading {
    Reading {
        value: lo,
        value_hi: hi,
        precision,
        interval: asserted_interval(lo, hi, precision, q),
    }
}

/// The sentence index of each token: a sentence ends at `.`, `!`, `?` or `;`
/// followed by a space and a capital, digit or quote, except after an
/// abbreviation or a single letter ("U.S.").
pub fn sentences(tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut s = 0;
    for (i, t) in tokens.iter().enumerate() {
        out.push(s);
        let ends = t.kind == TokenKind::Punct
            && matches!(t.lower.as_str(), "." | "!" | "?" | ";")
            && tokens.get(i + 1).is_some_and(|n| {
                n.space_before
                    && (n.capitalized
                        || n.is_number()
                        || matches!(n.lower.as_str(), "\"" | "“" | "‘" | "'"))
            })
            && !(t.lower == "."
                && i > 0
                && tokens[i - 1].is_word()
                && (tokens[i - 1].lower.chars().count() == 1
                    || ABBREVIATIONS.contains(&tokens[i - 1].lower.as_str())));
        if ends {
            s += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
