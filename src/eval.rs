//! Evaluation on real translations: `factcheck eval CORPUS_DIR…`.
//!
//! Owns turning a line-aligned parallel corpus (`en.txt`, `vi.txt`) into
//! articles in the seed layout (groups of consecutive sentence pairs), and
//! three measurements made with the real check:
//! - false alarms: warnings and errors on the unchanged corpus, per 100
//!   sentence pairs that carry figures on both sides, leaving out the lines of
//!   a known-errors file (genuine translation errors, which the tool should
//!   catch);
//! - recall on perturbations applied to one Vietnamese claim at a time
//!   (FactCC-style): changed value, swapped scale word, swapped currency,
//!   decimal-separator damage, dropped qualifier, range collapsed to a point;
//! - quietness on equivalent rewrites: % ↔ phần trăm, 6.000 ↔ 6 nghìn,
//!   USD ↔ đô la Mỹ, digits ↔ number words, "$6 million" ↔ "6 million dollars".
//!
//! Everything is deterministic: candidates are taken in corpus order and the
//! few random choices come from a seeded generator.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::check::{Analysis, analyze};
use crate::claim::{Claim, Direction, Kind, Section};
use crate::diagnostic::Severity;
use crate::input::Source;
use crate::segment::Article;

/// The thresholds a corpus must meet (issue 5): recall on error perturbations,
/// on dropped qualifiers, quietness on equivalents, false alarms (human
/// translations only).
pub const MIN_ERROR_RECALL: f64 = 0.95;
pub const MIN_QUALIFIER_RECALL: f64 = 0.90;
pub const MIN_QUIET: f64 = 0.99;
pub const MAX_FALSE_ALARMS_PER_100: f64 = 1.0;

/// A line-aligned parallel corpus, cleaned.
pub struct Corpus {
    pub name: String,
    pub en: Vec<String>,
    pub vi: Vec<String>,
}

/// Decode the HTML entities of the Stanford TED release (`&apos;`, `&quot;`,
/// `&amp;`, `&#91;`), twice for doubly escaped text.
pub fn clean(line: &str) -> String {
    fn once(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let end = tail.find(';').filter(|&e| e <= 8);
            let decoded = end.and_then(|e| match &tail[1..e] {
                "apos" => Some('\''),
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32),
                _ => None,
            });
            match (decoded, end) {
                (Some(c), Some(e)) => {
                    out.push(c);
                    rest = &tail[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
    once(&once(line)).trim().to_string()
}

pub fn load_corpus(dir: &Path) -> anyhow::Result<Corpus> {
    let read = |f: &str| -> anyhow::Result<Vec<String>> {
        let p = dir.join(f);
        let bytes =
            std::fs::read(&p).map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", p.display()))?;
        let text = crate::input::decode(&bytes, &p.display().to_string())?;
        Ok(text.lines().map(clean).collect())
    };
    let (en, vi) = (read("en.txt")?, read("vi.txt")?);
    if en.len() != vi.len() {
        anyhow::bail!(
            "{}: en.txt has {} lines, vi.txt {}: not line-aligned",
            dir.display(),
            en.len(),
            vi.len()
        );
    }
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    Ok(Corpus { name, en, vi })
}

/// Consecutive non-empty sentence pairs, `size` to an article (0-based corpus lines).
fn groups(corpus: &Corpus, size: usize) -> Vec<Vec<usize>> {
    let n = corpus.en.len();
    (0..n)
        .step_by(size.max(1))
        .map(|s| {
            (s..(s + size.max(1)).min(n))
                .filter(|&i| !corpus.en[i].is_empty() && !corpus.vi[i].is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// An article in the seed layout: the Vietnamese lines, then the English.
fn build(
    corpus: &Corpus,
    group: &[usize],
    vi_edit: Option<(usize, &str)>,
    en_edit: Option<(usize, &str)>,
) -> Article {
    let mut text = String::new();
    for &i in group {
        match vi_edit {
            Some((j, t)) if j == i => text.push_str(t),
            _ => text.push_str(&corpus.vi[i]),
        }
        text.push('\n');
    }
    for &i in group {
        match en_edit {
            Some((j, t)) if j == i => text.push_str(t),
            _ => text.push_str(&corpus.en[i]),
        }
        text.push('\n');
    }
    Article::from_layout(&Source {
        name: format!("{}@{}", corpus.name, group[0] + 1),
        text,
    })
}

/// The corpus line (0-based) of an article line (1-based).
fn corpus_line(group: &[usize], line: usize) -> Option<usize> {
    let m = group.len();
    match line {
        0 => None,
        l if l <= m => Some(group[l - 1]),
        l if l <= 2 * m => Some(group[l - 1 - m]),
        _ => None,
    }
}

/// The corpus lines (0-based) a finding at warning or above touches.
fn strong_lines(a: &Analysis, group: &[usize]) -> BTreeSet<usize> {
    a.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .flat_map(|f| [&f.target, &f.source])
        .flatten()
        .filter_map(|l| corpus_line(group, l.line))
        .collect()
}

/// A deterministic random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

/// The kinds of change applied to one Vietnamese claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perturbation {
    ChangedValue,
    SwappedScale,
    SwappedCurrency,
    DecimalDamage,
    DroppedQualifier,
    CollapsedRange,
}

/// Rewrites that must not change the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Equivalent {
    PercentWord,
    ThousandWord,
    CurrencyWord,
    DigitsToWords,
    EnglishDollarWords,
}

pub const PERTURBATIONS: [Perturbation; 6] = [
    Perturbation::ChangedValue,
    Perturbation::SwappedScale,
    Perturbation::SwappedCurrency,
    Perturbation::DecimalDamage,
    Perturbation::DroppedQualifier,
    Perturbation::CollapsedRange,
];

pub const EQUIVALENTS: [Equivalent; 5] = [
    Equivalent::PercentWord,
    Equivalent::ThousandWord,
    Equivalent::CurrencyWord,
    Equivalent::DigitsToWords,
    Equivalent::EnglishDollarWords,
];

impl Perturbation {
    pub fn name(self) -> &'static str {
        match self {
            Perturbation::ChangedValue => "changed value",
            Perturbation::SwappedScale => "swapped scale word",
            Perturbation::SwappedCurrency => "swapped currency",
            Perturbation::DecimalDamage => "decimal damage",
            Perturbation::DroppedQualifier => "dropped qualifier",
            Perturbation::CollapsedRange => "range collapsed",
        }
    }
    pub fn threshold(self) -> f64 {
        if self == Perturbation::DroppedQualifier {
            MIN_QUALIFIER_RECALL
        } else {
            MIN_ERROR_RECALL
        }
    }
}

impl Equivalent {
    pub fn name(self) -> &'static str {
        match self {
            Equivalent::PercentWord => "% → phần trăm",
            Equivalent::ThousandWord => "6.000 → 6 nghìn",
            Equivalent::CurrencyWord => "USD ↔ đô la Mỹ",
            Equivalent::DigitsToWords => "2 → hai",
            Equivalent::EnglishDollarWords => "$6 million → 6 million dollars",
        }
    }
}

/// One measured line: the text before and after.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    /// 1-based corpus line.
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// Counts for one kind of rewrite.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    pub kind: String,
    pub applied: usize,
    /// Perturbations caught, or equivalents that stayed quiet.
    pub passed: usize,
    pub rate: f64,
    pub threshold: f64,
    /// Up to 20 failures, to read.
    pub failures: Vec<Sample>,
}

/// A false alarm on the unchanged corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Alarm {
    pub line: usize,
    pub code: String,
    pub severity: String,
    pub message: String,
}

/// The evaluation of one corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusReport {
    pub corpus: String,
    pub sentence_pairs: usize,
    pub numeric_pairs: usize,
    pub false_alarms: Vec<Alarm>,
    pub false_alarms_per_100: f64,
    /// Known translation errors that the check flags / lists in the file.
    pub known_errors_caught: usize,
    pub known_errors: usize,
    pub perturbations: Vec<Tally>,
    pub equivalents: Vec<Tally>,
}

impl CorpusReport {
    /// Thresholds crossed, as one-line messages (false alarms count only for
    /// human translations, `human == true`).
    pub fn failures(&self, human: bool) -> Vec<String> {
        let mut out = Vec::new();
        for t in self.perturbations.iter().chain(&self.equivalents) {
            if t.applied > 0 && t.rate < t.threshold {
                out.push(format!(
                    "{}: {} {:.1}% < {:.0}%",
                    self.corpus,
                    t.kind,
                    100.0 * t.rate,
                    100.0 * t.threshold
                ));
            }
        }
        if human && self.false_alarms_per_100 > MAX_FALSE_ALARMS_PER_100 {
            out.push(format!(
                "{}: {:.2} false alarms per 100 numeric pairs > {}",
                self.corpus, self.false_alarms_per_100, MAX_FALSE_ALARMS_PER_100
            ));
        }
        out
    }
}

/// Known errors: `line<TAB>reason` per line, `#` comments.
pub fn load_known_errors(path: &Path) -> anyhow::Result<BTreeMap<usize, String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (n, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
        let n: usize = n
            .parse()
            .map_err(|_| anyhow::anyhow!("{}:{}: expected `LINE reason`", path.display(), i + 1))?;
        if reason.trim().is_empty() {
            anyhow::bail!("{}:{}: a known error needs a reason", path.display(), i + 1);
        }
        out.insert(n, reason.trim().to_string());
    }
    Ok(out)
}

/// Evaluate one corpus.
pub fn evaluate(
    cat: &Catalogue,
    corpus: &Corpus,
    group_size: usize,
    seed: u64,
    known: &BTreeMap<usize, String>,
) -> CorpusReport {
    let groups = groups(corpus, group_size);
    let baseline: Vec<Option<Analysis>> = groups
        .par_iter()
        .map(|g| analyze(cat, &build(corpus, g, None, None), "eval").ok())
        .collect();

    // Sentence pairs with figures on both sides, and false alarms.
    let mut numeric_pairs = 0;
    let mut alarms = Vec::new();
    let mut caught = BTreeSet::new();
    for (g, a) in groups.iter().zip(&baseline) {
        let Some(a) = a else { continue };
        let lines_with = |lang: Section| -> BTreeSet<usize> {
            a.claims
                .iter()
                .filter(|c| (c.section == Section::Original) == (lang == Section::Original))
                .filter_map(|c| corpus_line(g, c.line))
                .collect()
        };
        let (vi, en) = (
            lines_with(Section::Translation),
            lines_with(Section::Original),
        );
        numeric_pairs += vi.intersection(&en).count();
        for f in a
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
        {
            let lines: Vec<usize> = [&f.target, &f.source]
                .into_iter()
                .flatten()
                .filter_map(|l| corpus_line(g, l.line))
                .collect();
            let Some(&line) = lines.first() else { continue };
            if let Some(k) = lines.iter().find(|l| known.contains_key(&(*l + 1))) {
                caught.insert(k + 1);
                continue;
            }
            alarms.push(Alarm {
                line: line + 1,
                code: f.code.name().to_string(),
                severity: f.severity.name().to_string(),
                message: f.message.clone(),
            });
        }
    }
    let per_100 = if numeric_pairs == 0 {
        0.0
    } else {
        100.0 * alarms.len() as f64 / numeric_pairs as f64
    };

    // Perturbations and equivalents, one claim (or line) at a time.
    let mut jobs: Vec<Job> = Vec::new();
    let mut rng = Rng(seed);
    for (gi, (g, a)) in groups.iter().zip(&baseline).enumerate() {
        let Some(a) = a else { continue };
        let loud = strong_lines(a, g);
        for p in &a.pairing.pairs {
            let (vi, en) = (&a.claims[p.vi], &a.claims[p.en]);
            if vi.section != Section::Translation {
                continue;
            }
            let Some(line) = corpus_line(g, vi.line) else {
                continue;
            };
            if loud.contains(&line) || known.contains_key(&(line + 1)) {
                continue;
            }
            let text = &corpus.vi[line];
            for kind in PERTURBATIONS {
                if let Some(after) = perturb(kind, vi, en, text, &mut rng) {
                    jobs.push(Job::perturbation(gi, line, kind, text, after));
                }
            }
            for kind in [
                Equivalent::PercentWord,
                Equivalent::ThousandWord,
                Equivalent::CurrencyWord,
                Equivalent::DigitsToWords,
            ] {
                if let Some(after) = rewrite_vi(kind, vi, text) {
                    jobs.push(Job::equivalent(gi, line, kind, text, after, false));
                }
            }
            if let Some(after) = rewrite_en_dollars(&corpus.en[line]) {
                jobs.push(Job::equivalent(
                    gi,
                    line,
                    Equivalent::EnglishDollarWords,
                    &corpus.en[line],
                    after,
                    true,
                ));
            }
        }
    }
    jobs.dedup_by(|a, b| {
        a.group == b.group && a.line == b.line && a.kind == b.kind && a.after == b.after
    });
    let outcomes: Vec<bool> = jobs
        .par_iter()
        .map(|j| {
            let g = &groups[j.group];
            let article = if j.english {
                build(corpus, g, None, Some((j.line, &j.after)))
            } else {
                build(corpus, g, Some((j.line, &j.after)), None)
            };
            let loud = analyze(cat, &article, "eval")
                .map(|a| strong_lines(&a, g).contains(&j.line))
                .unwrap_or(false);
            // A perturbation passes when caught; an equivalent when quiet.
            loud == j.perturbation.is_some()
        })
        .collect();

    let tally = |kind: String, threshold: f64, pick: &dyn Fn(&Job) -> bool| {
        let mine: Vec<(&Job, bool)> = jobs
            .iter()
            .zip(&outcomes)
            .filter(|(j, _)| pick(j))
            .map(|(j, &o)| (j, o))
            .collect();
        let applied = mine.len();
        let passed = mine.iter().filter(|(_, o)| *o).count();
        Tally {
            kind,
            applied,
            passed,
            rate: if applied == 0 {
                1.0
            } else {
                passed as f64 / applied as f64
            },
            threshold,
            failures: mine
                .iter()
                .filter(|(_, o)| !o)
                .take(20)
                .map(|(j, _)| Sample {
                    line: j.line + 1,
                    before: j.before.clone(),
                    after: j.after.clone(),
                })
                .collect(),
        }
    };
    let perturbations = PERTURBATIONS
        .iter()
        .map(|&k| {
            tally(k.name().to_string(), k.threshold(), &|j: &Job| {
                j.perturbation == Some(k)
            })
        })
        .collect();
    let equivalents = EQUIVALENTS
        .iter()
        .map(|&k| {
            tally(k.name().to_string(), MIN_QUIET, &|j: &Job| {
                j.equivalent == Some(k)
            })
        })
        .collect();
    CorpusReport {
        corpus: corpus.name.clone(),
        sentence_pairs: groups.iter().map(Vec::len).sum(),
        numeric_pairs,
        false_alarms: alarms,
        false_alarms_per_100: per_100,
        known_errors_caught: caught.len(),
        known_errors: known.len(),
        perturbations,
        equivalents,
    }
}

/// One rewritten line to check.
#[derive(Debug, Clone, PartialEq)]
struct Job {
    group: usize,
    /// 0-based corpus line.
    line: usize,
    kind: String,
    perturbation: Option<Perturbation>,
    equivalent: Option<Equivalent>,
    english: bool,
    before: String,
    after: String,
}

impl Job {
    fn perturbation(
        group: usize,
        line: usize,
        p: Perturbation,
        before: &str,
        after: String,
    ) -> Job {
        Job {
            group,
            line,
            kind: p.name().to_string(),
            perturbation: Some(p),
            equivalent: None,
            english: false,
            before: before.to_string(),
            after,
        }
    }
    fn equivalent(
        group: usize,
        line: usize,
        e: Equivalent,
        before: &str,
        after: String,
        english: bool,
    ) -> Job {
        Job {
            group,
            line,
            kind: e.name().to_string(),
            perturbation: None,
            equivalent: Some(e),
            english,
            before: before.to_string(),
            after,
        }
    }
}

/// Replace the claim's span in its line (spans are byte offsets of the
/// normalised line; corpus lines are NFC, so they coincide).
fn splice(text: &str, c: &Claim, new: &str) -> Option<String> {
    let span = text.get(c.start..c.end)?;
    if span != c.text {
        return None;
    }
    Some(format!("{}{}{}", &text[..c.start], new, &text[c.end..]))
}

/// The first digit run of a claim's text (with separators), and its byte range.
fn digits(s: &str) -> Option<(usize, usize)> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let mut end = start;
    let b = s.as_bytes();
    while end < b.len()
        && (b[end].is_ascii_digit()
            || ((b[end] == b'.' || b[end] == b',')
                && b.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    Some((start, end))
}

/// A value written the Vietnamese way with `decimals` decimals.
fn vietnamese_number(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

fn perturb(
    kind: Perturbation,
    vi: &Claim,
    en: &Claim,
    line: &str,
    rng: &mut Rng,
) -> Option<String> {
    let t = &vi.text;
    let new = match kind {
        Perturbation::ChangedValue => {
            if matches!(vi.kind, Kind::Date) || vi.vague || vi.range {
                return None;
            }
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let reading = crate::extract::numeral::readings(num, crate::lang::Lang::Vi)
                .into_iter()
                .next()?;
            let decimals = num.rsplit_once(',').map_or(0, |(_, f)| f.len());
            let factor = *rng.pick(&[1.5, 2.0, 3.0, 0.5]);
            let v = reading.value * factor;
            if vi.kind == Kind::Year {
                // A year stays a year: written without a thousands separator.
                let y = reading.value + *rng.pick(&[3.0, 5.0, -4.0]);
                return splice(line, vi, &format!("{}{}{}", &t[..a], y, &t[b..]));
            }
            let mut s = vietnamese_number(v, decimals);
            let zero = s.chars().all(|c| c == '0' || c == ',' || c == '.');
            if s == vietnamese_number(reading.value, decimals) || zero {
                s = vietnamese_number(reading.value * 2.0 + 3.0, decimals);
            }
            format!("{}{}{}", &t[..a], s, &t[b..])
        }
        Perturbation::SwappedScale => {
            const SWAPS: [(&str, &str); 5] = [
                ("nghìn tỷ", "tỷ"),
                ("tỷ", "triệu"),
                ("tỉ", "triệu"),
                ("triệu", "tỷ"),
                ("nghìn", "triệu"),
            ];
            let (from, to) = SWAPS.iter().find(|(f, _)| t.contains(f))?;
            t.replacen(from, to, 1)
        }
        Perturbation::SwappedCurrency => {
            if vi.kind != Kind::Money {
                return None;
            }
            const SWAPS: [(&str, &str); 7] = [
                ("đô la Mỹ", "euro"),
                ("USD", "euro"),
                ("đô la", "euro"),
                ("euro", "USD"),
                ("bảng", "USD"),
                ("nhân dân tệ", "USD"),
                ("đồng", "USD"),
            ];
            let (from, to) = SWAPS.iter().find(|(f, _)| t.contains(f))?;
            t.replacen(from, to, 1)
        }
        Perturbation::DecimalDamage => {
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let (int, frac) = num.rsplit_once(',')?;
            if int.contains(',') || frac.len() == 3 {
                return None;
            }
            format!("{}{}{}{}", &t[..a], int, frac, &t[b..])
        }
        Perturbation::DroppedQualifier => {
            let (eq, vq) = (en.qualifier.as_ref()?, vi.qualifier.as_ref()?);
            if !matches!(eq.kind.direction(), Direction::Above | Direction::Below)
                || vq.kind.direction() != eq.kind.direction()
            {
                return None;
            }
            let rest = t.strip_prefix(vq.text.as_str())?;
            rest.trim_start().to_string()
        }
        Perturbation::CollapsedRange => {
            if !vi.range || vi.vague || vi.kind == Kind::Year {
                return None;
            }
            let (a, b) = digits(t)?;
            let last = t.rfind(|c: char| c.is_ascii_digit())?;
            format!("{}{}", &t[a..b], &t[last + 1..])
        }
    };
    if new == *t {
        return None;
    }
    splice(line, vi, &new)
}

const VI_DIGIT_WORDS: [&str; 11] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
];

fn rewrite_vi(kind: Equivalent, vi: &Claim, line: &str) -> Option<String> {
    let t = &vi.text;
    let new = match kind {
        Equivalent::PercentWord => {
            if vi.kind != Kind::Percent || vi.range {
                return None;
            }
            let i = t.find('%')?;
            let before = t[..i].trim_end();
            format!("{before} phần trăm{}", &t[i + 1..])
        }
        Equivalent::ThousandWord => {
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let head = num.strip_suffix(".000")?;
            if head.contains(['.', ',']) || head.is_empty() {
                return None;
            }
            format!("{}{head} nghìn{}", &t[..a], &t[b..])
        }
        Equivalent::CurrencyWord => {
            if vi.kind != Kind::Money {
                return None;
            }
            if t.contains("USD") {
                t.replacen("USD", "đô la Mỹ", 1)
            } else if t.contains("đô la Mỹ") {
                t.replacen("đô la Mỹ", "USD", 1)
            } else if t.ends_with("đô la") {
                // Not "đô la Úc", "đô la Singapore": another currency.
                t.replacen("đô la", "USD", 1)
            } else {
                return None;
            }
        }
        Equivalent::DigitsToWords => {
            if vi.range || vi.vague || vi.kind == Kind::Year || vi.kind == Kind::Date {
                return None;
            }
            let (a, b) = digits(t)?;
            let v: usize = t[a..b].parse().ok()?;
            // A bare count in words is a weak claim, so only figures with a
            // unit or currency are rewritten; and only a number standing as a
            // word of its own ("2 tháng", not "8m", "3/4", "-2%", "£ 1").
            let before_ok = t[..a]
                .trim_end()
                .chars()
                .last()
                .is_none_or(char::is_alphabetic)
                && (a == 0 || t[..a].ends_with(' '));
            let alone = before_ok && t[b..].starts_with(' ');
            if !(1..=10).contains(&v) || vi.kind == Kind::Count || !alone {
                return None;
            }
            format!("{}{}{}", &t[..a], VI_DIGIT_WORDS[v], &t[b..])
        }
        Equivalent::EnglishDollarWords => return None,
    };
    if new == *t {
        return None;
    }
    splice(line, vi, &new)
}

/// "$6 million" → "6 million dollars", "$ 50,000" → "50,000 dollars" in an
/// English line.
fn rewrite_en_dollars(line: &str) -> Option<String> {
    let i = line.find('$')?;
    if line[..i].ends_with(|c: char| c.is_alphanumeric()) {
        return None; // US$, HK$, A$
    }
    let rest = &line[i + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let (a, b) = digits(&rest[lead..])?;
    if a != 0 {
        return None;
    }
    let number = &rest[lead..lead + b];
    let after = &rest[lead + b..];
    let scale = ["million", "billion", "trillion"]
        .into_iter()
        .find(|s| after.strip_prefix(' ').is_some_and(|x| x.starts_with(s)));
    let (words, tail) = match scale {
        Some(s) => (format!("{number} {s}"), &after[1 + s.len()..]),
        None => (number.to_string(), after),
    };
    // "$115-million", "$5.7 bln": a scale this rewrite does not spell out.
    let next = tail.split_whitespace().next().unwrap_or("");
    if tail.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || ["bn", "bln", "mln", "mn", "m", "tn", "k"].contains(&next)
    {
        return None;
    }
    Some(format!("{}{words} dollars{tail}", &line[..i]))
}

/// One block of the table: a header and a row per kind.
fn rows(out: &mut String, (title, passed, rate): (&str, &str, &str), tallies: &[Tally]) {
    out.push_str(&format!(
        "  {title:<34} {:>8} {passed:>8} {rate:>8}\n",
        "applied"
    ));
    for t in tallies {
        out.push_str(&format!(
            "  {:<34} {:>8} {:>8} {:>7.1}%\n",
            t.kind,
            t.applied,
            t.passed,
            100.0 * t.rate
        ));
    }
}

/// A table for a terminal.
pub fn table(reports: &[CorpusReport]) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&format!(
            "{}: {} sentence pairs, {} with figures on both sides\n",
            r.corpus, r.sentence_pairs, r.numeric_pairs
        ));
        out.push_str(&format!(
            "  false alarms: {} ({:.2} per 100 numeric pairs); known errors caught: {} of {}\n",
            r.false_alarms.len(),
            r.false_alarms_per_100,
            r.known_errors_caught,
            r.known_errors
        ));
        for a in &r.false_alarms {
            out.push_str(&format!(
                "    line {:>5} {} {}: {}\n",
                a.line,
                a.severity,
                a.code,
                crate::render::sanitize(&a.message)
            ));
        }
        rows(
            &mut out,
            ("perturbation (must be caught)", "caught", "recall"),
            &r.perturbations,
        );
        rows(
            &mut out,
            ("equivalent rewrite (must be quiet)", "quiet", "rate"),
            &r.equivalents,
        );
    }
    out
}

/// The default known-errors file of a corpus: `eval/known-errors/NAME.tsv`
/// under `root`.
pub fn known_errors_path(root: &Path, corpus: &str) -> PathBuf {
    root.join("eval/known-errors").join(format!("{corpus}.tsv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            clean("it &apos;s &quot;ok&quot; &amp;amp; &#91;x&#93;"),
            "it 's \"ok\" & [x]"
        );
        assert_eq!(clean("a & b"), "a & b");
    }

    #[test]
    fn vietnamese_numbers_render() {
        assert_eq!(vietnamese_number(16700.0, 0), "16.700");
        assert_eq!(vietnamese_number(4.35, 2), "4,35");
        assert_eq!(vietnamese_number(123.0, 0), "123");
    }

    #[test]
    fn english_dollars_rewrite() {
        assert_eq!(
            rewrite_en_dollars("spent $6 million on it").as_deref(),
            Some("spent 6 million dollars on it")
        );
        assert_eq!(
            rewrite_en_dollars("spent $ 50,000 on it").as_deref(),
            Some("spent 50,000 dollars on it")
        );
        assert_eq!(rewrite_en_dollars("spent US$6 on it"), None);
    }
}
