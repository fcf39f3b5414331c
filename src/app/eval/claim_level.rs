//! The claim-level perturbations of the first evaluation, kept as a unit test
//! of the judge (not a quality figure): each changes one claim the extractor
//! found, by a factor of 1.5–3, a swapped word or a dropped qualifier, so it
//! says whether the verdicts catch a change, not whether the reader sees it.
//! Runs on the TED corpora from ../shared, skipped with a message without it.

use serde::Serialize;

use std::collections::BTreeMap;

use super::corpus::{Corpus, build, corpus_line, groups, load_corpus, load_known_errors};
use super::rewrite::{Rng, Words, digits, rewrite_en_dollars};
use super::strong_lines;
use factcheck::catalogue::builtin;
use factcheck::check::{Analysis, analyze};
use factcheck::claim::{Claim, Direction, Kind, Section};

/// Recall the judge must reach on these perturbations.
const MIN_ERROR_RECALL: f64 = 0.95;
const MIN_QUALIFIER_RECALL: f64 = 0.90;

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

/// Replace the claim's span in its line (spans are byte offsets of the
/// normalised line; corpus lines are NFC, so they coincide).
fn splice(text: &str, c: &Claim, new: &str) -> Option<String> {
    let span = text.get(c.start..c.end)?;
    if span != c.text {
        return None;
    }
    Some(format!("{}{}{}", &text[..c.start], new, &text[c.end..]))
}

/// A value written the Vietnamese way with `decimals` decimals.
fn vietnamese_number(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let grouped = factcheck::claim::group_thousands(int, ".");
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

pub fn perturb(
    words: &Words,
    kind: Perturbation,
    vi: &Claim,
    en: &Claim,
    line: &str,
    rng: &mut Rng,
) -> Option<String> {
    let t = &vi.text;
    let new = match kind {
        Perturbation::ChangedValue => {
            // Dates, names and clock times are not scaled by a factor; the
            // raw-text evaluation changes their digits.
            if matches!(vi.kind, Kind::Date | Kind::Literal | Kind::Time) || vi.vague || vi.range {
                return None;
            }
            let (a, b) = digits(t)?;
            let num = &t[a..b];
            let reading = factcheck::extract::numeral::readings(num, factcheck::lang::Lang::Vi)
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
            let (from, to) = words
                .scale_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))?;
            t.replacen(from.as_str(), to, 1)
        }
        Perturbation::SwappedCurrency => {
            if vi.kind != Kind::Money {
                return None;
            }
            let (from, to) = words
                .currency_swaps
                .iter()
                .find(|(f, _)| t.contains(f.as_str()))?;
            t.replacen(from.as_str(), to, 1)
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

pub fn rewrite_vi(words: &Words, kind: Equivalent, vi: &Claim, line: &str) -> Option<String> {
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
            let word = words.digits.get(v)?.as_ref()?;
            format!("{}{word}{}", &t[..a], &t[b..])
        }
        Equivalent::EnglishDollarWords => return None,
    };
    if new == *t {
        return None;
    }
    splice(line, vi, &new)
}

/// One rewritten line: its group, its 0-based corpus line, whether the
/// English side was rewritten, the new text, and the perturbation (`None`
/// for an equivalent).
type Job = (
    usize,
    usize,
    bool,
    String,
    Option<Perturbation>,
    &'static str,
);

/// Perturbations and equivalents of the claims the check paired, on lines
/// it leaves quiet and no known error touches.
fn jobs(
    words: &Words,
    corpus: &Corpus,
    groups: &[Vec<usize>],
    baseline: &[Option<Analysis>],
    known: &BTreeMap<usize, String>,
) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    let mut rng = Rng(42);
    for (gi, (g, a)) in groups.iter().zip(baseline).enumerate() {
        let Some(a) = a else { continue };
        let loud = strong_lines(a, g);
        for p in &a.pairing.pairs {
            let (vi, en) = (&a.claims[p.vi], &a.claims[p.en]);
            let Some(line) = corpus_line(g, vi.line) else {
                continue;
            };
            if vi.section != Section::Translation
                || loud.contains(&line)
                || known.contains_key(&(line + 1))
            {
                continue;
            }
            let text = &corpus.vi[line];
            for kind in PERTURBATIONS {
                if let Some(after) = perturb(words, kind, vi, en, text, &mut rng) {
                    jobs.push((gi, line, false, after, Some(kind), kind.name()));
                }
            }
            for kind in &EQUIVALENTS[..4] {
                if let Some(after) = rewrite_vi(words, *kind, vi, text) {
                    jobs.push((gi, line, false, after, None, kind.name()));
                }
            }
            if let Some(after) = rewrite_en_dollars(words, &corpus.en[line]) {
                let name = Equivalent::EnglishDollarWords.name();
                jobs.push((gi, line, true, after, None, name));
            }
        }
    }
    jobs.dedup();
    jobs
}

/// Per kind: (applied, passed, threshold).
fn measure(
    corpus: &Corpus,
    known: &BTreeMap<usize, String>,
) -> BTreeMap<&'static str, (usize, usize, f64)> {
    let cat = builtin();
    let groups = groups(corpus, 8);
    let baseline: Vec<Option<Analysis>> = groups
        .iter()
        .map(|g| analyze(cat, &build(corpus, g, None, None), "eval").ok())
        .collect();
    let mut out: BTreeMap<&'static str, (usize, usize, f64)> = BTreeMap::new();
    for (gi, line, english, after, perturbation, name) in
        jobs(&Words::new(cat), corpus, &groups, &baseline, known)
    {
        let g = &groups[gi];
        let article = if english {
            build(corpus, g, None, Some((line, &after)))
        } else {
            build(corpus, g, Some((line, &after)), None)
        };
        let loud = analyze(cat, &article, "eval")
            .map(|a| strong_lines(&a, g).contains(&line))
            .unwrap_or(false);
        let threshold = perturbation.map_or(0.99, Perturbation::threshold);
        let e = out.entry(name).or_insert((0, 0, threshold));
        e.0 += 1;
        e.1 += usize::from(loud == perturbation.is_some());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The judge catches what it is given: on the TED corpora, every kind of
    /// claim-level perturbation at its threshold, every equivalent quiet.
    #[test]
    fn the_judge_catches_claim_level_perturbations() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        for name in ["ted-tst2012", "ted-tst2013"] {
            let dir = shared.join(name);
            if !dir.is_dir() {
                eprintln!("SKIPPED claim_level: {} is absent", dir.display());
                return;
            }
            let corpus = load_corpus(&dir).unwrap();
            let known_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("eval/known-errors/{name}.tsv"));
            let known = load_known_errors(&known_path).unwrap();
            let tallies = measure(&corpus, &known);
            assert!(tallies.len() >= 8, "{name}: {tallies:?}");
            for (kind, (applied, passed, threshold)) in tallies {
                let rate = passed as f64 / applied as f64;
                assert!(rate >= threshold, "{name}: {kind}: {passed} of {applied}");
            }
        }
    }

    #[test]
    fn vietnamese_numbers_render() {
        assert_eq!(vietnamese_number(16700.0, 0), "16.700");
        assert_eq!(vietnamese_number(4.35, 2), "4,35");
        assert_eq!(vietnamese_number(123.0, 0), "123");
    }
}
