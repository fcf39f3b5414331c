//! The news fixtures (`tests/fixtures/news/`, issue 9): articles of our own
//! writing in the seed layout, each faithful, with a file of labelled changes
//! to its raw Vietnamese text (see the folder's README). The check must stay
//! quiet on every faithful article, catch the changes an editor must be told
//! of, and stay quiet on the equivalent rewrites.
//!
//! The variants were written before the check learnt the phenomena they
//! exercise, by writers who never ran it. Articles 13–24 are held out: their
//! failures are not read while the check is being changed, so their score is
//! the honest one. The floors below are the rates measured when they were
//! last raised, not the targets (≥ 95% caught, every faithful article and
//! every equivalent quiet); the table printed on standard error gives today's.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common;

use factcheck::catalogue::{Catalogue, builtin};
use factcheck::check::check_article;
use factcheck::diagnostic::{Finding, Severity};
use factcheck::input::Source;
use factcheck::segment::Article;

const KINDS: &[&str] = &[
    "percent",
    "money",
    "scale",
    "currency",
    "count",
    "number-words",
    "year",
    "date",
    "weekday",
    "clock-time",
    "relative-time",
    "duration",
    "age",
    "ordinal",
    "score",
    "x-of-y",
    "range",
    "multiplier",
    "fraction",
    "measure",
    "identifier",
    "bounding-hedge",
    "approximation",
    "compound",
    "subject",
];

const CODES: &[&str] = &[
    "value-mismatch",
    "scale-mismatch",
    "unit-mismatch",
    "hedge-dropped",
    "approximation-dropped",
    "hedge-changed",
    "range-changed",
    "subject-changed",
    "unsupported",
];

/// The articles held out from development: 13–24. Articles 1–12 and 25 on
/// (written before the phenomena they exercise were taught) are development.
const HELD_OUT: std::ops::RangeInclusive<u32> = 13..=24;

/// Lowest acceptable rates, raised as the work that lifts them lands.
const FLOOR_CAUGHT: f64 = 0.84;
const FLOOR_QUIET: f64 = 0.97;
/// Most warnings and errors acceptable on the faithful articles, all told.
const CEILING_FALSE_ALARMS: usize = 30;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantsFile {
    article: String,
    variants: Vec<Variant>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    id: String,
    kind: String,
    line: usize,
    find: String,
    replace: String,
    #[serde(default)]
    en: Option<String>,
    expect: String,
    #[serde(default)]
    why: Option<String>,
}

/// The findings at warning or above of an article's text.
fn loud(cat: &Catalogue, name: &str, text: &str) -> Vec<Finding> {
    let article = Article::from_layout(
        cat,
        &Source {
            name: name.into(),
            text: text.into(),
        },
    );
    check_article(cat, &article, name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

fn describe(f: &Finding) -> String {
    let at = |l: &Option<factcheck::diagnostic::Location>| {
        l.as_ref()
            .map_or("-".to_string(), |l| format!("{}:{:?}", l.line, l.text))
    };
    format!(
        "{} {} vi {} en {}: {}",
        f.severity.name(),
        f.code.name(),
        at(&f.target),
        at(&f.source),
        f.message
    )
}

/// A place in the article: line and the text quoted.
type Place = Option<(usize, String)>;

/// A finding's identity for "did the change add one": code and both places.
fn identity(f: &Finding) -> (String, Place, Place) {
    let place =
        |l: &Option<factcheck::diagnostic::Location>| l.as_ref().map(|l| (l.line, l.text.clone()));
    (
        f.code.name().to_string(),
        place(&f.target),
        place(&f.source),
    )
}

#[derive(Default)]
struct Tally {
    applied: usize,
    ok: usize,
    right_code: usize,
}

/// Count an outcome in the changes or the equivalents of a pair of tallies.
fn count(t: &mut (Tally, Tally), o: &Outcome) {
    let t = if o.expect == "quiet" {
        &mut t.1
    } else {
        &mut t.0
    };
    t.applied += 1;
    t.ok += o.ok as usize;
    t.right_code += o.right_code as usize;
}

struct Outcome {
    /// The change is on a summary bullet or the takeaway.
    summary: bool,
    file: String,
    id: String,
    kind: String,
    expect: String,
    ok: bool,
    right_code: bool,
    held_out: bool,
    new: Vec<String>,
}

fn articles(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name()?.to_str()?.to_string();
            let stem = name.strip_suffix(".variants.yaml")?;
            Some((dir.join(format!("{stem}.txt")), p))
        })
        .collect();
    out.sort();
    out
}

/// Check a variants file's own shape: every change applies exactly once to a
/// Vietnamese line, with a known kind and expectation.
fn validate(name: &str, text: &str, vf: &VariantsFile, english_from: usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut ids = std::collections::BTreeSet::new();
    for v in &vf.variants {
        let at = format!("{name}: variant {}", v.id);
        assert!(ids.insert(&v.id), "{at}: duplicate id");
        assert!(KINDS.contains(&v.kind.as_str()), "{at}: kind {}", v.kind);
        assert!(
            v.expect == "quiet" || CODES.contains(&v.expect.as_str()),
            "{at}: expect {}",
            v.expect
        );
        assert!(
            v.line >= 1 && v.line < english_from,
            "{at}: line {} is not Vietnamese",
            v.line
        );
        let line = lines[v.line - 1];
        assert_eq!(
            line.matches(v.find.as_str()).count(),
            1,
            "{at}: {:?} must occur once on line {}",
            v.find,
            v.line
        );
        assert_ne!(v.find, v.replace, "{at}: no change");
        if let Some(en) = &v.en {
            assert!(
                lines[english_from - 1..]
                    .iter()
                    .any(|l| l.contains(en.as_str())),
                "{at}: {en:?} is not in the English"
            );
        }
        let _ = &v.why;
    }
}

/// The line (1-based) where the English original starts: the first line
/// after the translation whose language is English, as the check segments it.
fn english_from(cat: &Catalogue, name: &str, text: &str) -> usize {
    let article = Article::from_layout(
        cat,
        &Source {
            name: name.into(),
            text: text.into(),
        },
    );
    let part = &article.parts[0];
    part.sections
        .iter()
        .position(|s| *s == Some(factcheck::claim::Section::Original))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{name}: no English original"))
}

fn score_all() -> (Vec<Outcome>, Vec<(String, String)>) {
    let cat = builtin();
    let dir = common::repo("tests/fixtures/news");
    let mut outcomes = Vec::new();
    let mut false_alarms = Vec::new();
    for (txt, yaml) in articles(&dir) {
        let name = txt.file_name().unwrap().to_str().unwrap().to_string();
        let number: u32 = name[..2].parse().unwrap_or(0);
        let held_out = HELD_OUT.contains(&number);
        let text = std::fs::read_to_string(&txt).unwrap();
        let vf: VariantsFile =
            factcheck::catalogue::parse_yaml(&std::fs::read_to_string(&yaml).unwrap())
                .unwrap_or_else(|(l, e)| panic!("{}:{l}: {e}", yaml.display()));
        assert_eq!(vf.article, name, "{}: article", yaml.display());
        validate(&name, &text, &vf, english_from(cat, &name, &text));
        let before = loud(cat, &name, &text);
        for f in &before {
            let on_summary = f.target.as_ref().is_some_and(|t| {
                let l = text.lines().nth(t.line - 1).unwrap_or("");
                l.starts_with("- ") || l.starts_with('📌')
            });
            let tag = if on_summary { "summary" } else { "article" };
            false_alarms.push((name.clone(), format!("[{tag}] {}", describe(f))));
        }
        let before_ids: Vec<_> = before.iter().map(identity).collect();
        for v in &vf.variants {
            let changed: String = text
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if i + 1 == v.line {
                        l.replacen(v.find.as_str(), &v.replace, 1)
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let after = loud(cat, &name, &changed);
            let new: Vec<&Finding> = after
                .iter()
                .filter(|f| !before_ids.contains(&identity(f)))
                .collect();
            let on_line: Vec<&&Finding> = new
                .iter()
                .filter(|f| f.target.as_ref().is_some_and(|t| t.line == v.line))
                .collect();
            let (ok, right_code) = if v.expect == "quiet" {
                (new.is_empty(), new.is_empty())
            } else {
                (
                    !on_line.is_empty(),
                    on_line.iter().any(|f| f.code.name() == v.expect),
                )
            };
            let line = text.lines().nth(v.line - 1).unwrap_or("");
            outcomes.push(Outcome {
                summary: line.starts_with("- ") || line.starts_with('📌'),
                file: name.clone(),
                id: v.id.clone(),
                kind: v.kind.clone(),
                expect: v.expect.clone(),
                ok,
                right_code,
                held_out,
                new: new.iter().map(|f| describe(f)).collect(),
            });
        }
    }
    (outcomes, false_alarms)
}

fn rate(t: &Tally) -> String {
    if t.applied == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * t.ok as f64 / t.applied as f64)
    }
}

#[test]
fn news_fixtures_are_caught_and_quiet() {
    let (outcomes, false_alarms) = score_all();
    if outcomes.is_empty() {
        common::skip("news_fixtures", "no fixtures in tests/fixtures/news");
        return;
    }
    // kind → (errors, quiet), for dev and held-out apart.
    let mut by_kind: BTreeMap<(&str, bool), (Tally, Tally)> = BTreeMap::new();
    let mut totals: BTreeMap<bool, (Tally, Tally)> = BTreeMap::new();
    for o in &outcomes {
        count(by_kind.entry((o.kind.as_str(), o.held_out)).or_default(), o);
        count(totals.entry(o.held_out).or_default(), o);
    }
    let mut report = String::from("news fixtures: caught (right code) / quiet, by kind\n");
    let split = |held: bool| if held { "held-out" } else { "dev" };
    let line = |label: String, (e, q): &(Tally, Tally)| {
        format!(
            "  {label:<26} caught {:>6} of {:>3} ({} right code)   quiet {:>6} of {:>3}\n",
            rate(e),
            e.applied,
            e.right_code,
            rate(q),
            q.applied
        )
    };
    for ((kind, held), t) in &by_kind {
        report.push_str(&line(format!("{kind:<16} {}", split(*held)), t));
    }
    for (held, t) in &totals {
        report.push_str(&line(format!("ALL {}", split(*held)), t));
    }
    for summary in [true, false] {
        let mut t = (Tally::default(), Tally::default());
        for o in outcomes.iter().filter(|o| o.summary == summary) {
            count(&mut t, o);
        }
        report.push_str(&format!(
            "  {:<11}: caught {} of {}, quiet {} of {}\n",
            if summary { "summaries" } else { "translation" },
            rate(&t.0),
            t.0.applied,
            rate(&t.1),
            t.1.applied
        ));
    }
    let on_bullets = false_alarms
        .iter()
        .filter(|(_, f)| f.starts_with("[summary]"))
        .count();
    report.push_str(&format!(
        "  faithful articles: {} warnings or errors ({on_bullets} on summary bullets or takeaways)\n",
        false_alarms.len()
    ));
    // FACTCHECK_NEWS_DETAIL=dev lists what went wrong on the development
    // articles; `all` adds the held-out ones, for the final report only.
    if let Ok(detail) = std::env::var("FACTCHECK_NEWS_DETAIL") {
        let shown =
            |file: &str| detail == "all" || !HELD_OUT.contains(&file[..2].parse().unwrap_or(0));
        for (file, f) in false_alarms.iter().filter(|(file, _)| shown(file)) {
            report.push_str(&format!("  FALSE ALARM {file}: {f}\n"));
        }
        for o in outcomes
            .iter()
            .filter(|o| (!o.ok || !o.right_code) && shown(&o.file))
        {
            report.push_str(&format!(
                "  {} {} {} [{}] expect {}: {}\n",
                if o.ok { "WRONG CODE" } else { "MISSED" },
                o.file,
                o.id,
                o.kind,
                o.expect,
                o.new.join(" | ")
            ));
        }
    }
    let _ = std::io::stderr().write_all(report.as_bytes());
    let all = |f: &dyn Fn(&(Tally, Tally)) -> &Tally| {
        let mut t = Tally::default();
        for v in totals.values() {
            t.applied += f(v).applied;
            t.ok += f(v).ok;
        }
        t.ok as f64 / t.applied.max(1) as f64
    };
    let caught = all(&|t| &t.0);
    let quiet = all(&|t| &t.1);
    assert!(
        caught >= FLOOR_CAUGHT,
        "caught {caught:.3} < {FLOOR_CAUGHT}"
    );
    assert!(quiet >= FLOOR_QUIET, "quiet {quiet:.3} < {FLOOR_QUIET}");
    assert!(
        false_alarms.len() <= CEILING_FALSE_ALARMS,
        "{} false alarms on the faithful articles",
        false_alarms.len()
    );
}
