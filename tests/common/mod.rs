//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// `../shared` beside the repository, when present. Third-party text (the
/// seed article, the corpora) is read from there, never copied in.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("seed").is_dir().then_some(dir)
}

/// Say loudly that a test was skipped: written straight to stderr so the
/// test harness's output capture does not hide it.
pub fn skip(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The path of a file in the repository.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The expectation format of `shared/seed/expected.yaml` (also used by the
/// project's own fixtures).
#[derive(Debug, serde::Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub must_flag: Vec<Item>,
    #[serde(default)]
    pub should_flag: Vec<Item>,
    #[serde(default)]
    pub may_note: Vec<Item>,
    #[serde(default)]
    pub must_not_flag: Vec<Item>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Item {
    #[serde(default)]
    pub id: Option<String>,
    pub vi: Fragment,
    #[serde(default)]
    pub en: Option<Fragment>,
    #[serde(default)]
    pub why: Option<String>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Fragment {
    pub line: usize,
    pub text: String,
}

pub fn load_expected(path: &std::path::Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    factcheck::catalogue::parse_yaml(&text)
        .unwrap_or_else(|(l, e)| panic!("{}:{l}: {e}", path.display()))
}

/// The 0-based char range of `frag` on a line, if present.
pub fn char_span(line: &str, frag: &str) -> Option<(usize, usize)> {
    let b = line.find(frag)?;
    let start = line[..b].chars().count();
    Some((start, start + frag.chars().count()))
}

/// One finding of `factcheck --format json`, as the acceptance tests read it.
#[derive(Debug, Clone)]
pub struct Found {
    pub code: String,
    pub severity: String,
    pub target: Option<(usize, usize, usize)>,
    pub source: Option<(usize, usize, usize)>,
}

/// Run the real binary on an article and return its findings.
pub fn check_json(article: &std::path::Path) -> (i32, Vec<Found>) {
    let out = assert_cmd::Command::cargo_bin("factcheck")
        .unwrap()
        .args(["--format", "json"])
        .arg(article)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let loc = |v: &serde_json::Value| -> Option<(usize, usize, usize)> {
        if v.is_null() {
            return None;
        }
        let n = |k: &str| v[k].as_u64().unwrap() as usize;
        Some((n("line"), n("column"), n("end_column")))
    };
    let findings = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Found {
            code: f["code"].as_str().unwrap().to_string(),
            severity: f["severity"].as_str().unwrap().to_string(),
            target: loc(&f["target"]),
            source: loc(&f["source"]),
        })
        .collect();
    (out.status.code().unwrap_or(-1), findings)
}

/// How a report measures up to an expectation file.
#[derive(Debug, Default)]
pub struct Score {
    pub must_missed: Vec<String>,
    pub should_hit: usize,
    pub loud_notes: Vec<String>,
    pub false_alarms: Vec<String>,
    pub wrong_code: Vec<String>,
}

fn overlaps(loc: Option<(usize, usize, usize)>, lines: &[&str], frag: &Fragment) -> bool {
    let Some((line, col, end)) = loc else {
        return false;
    };
    if line != frag.line {
        return false;
    }
    let Some((a, b)) = char_span(lines[line - 1], &frag.text) else {
        panic!("fragment {:?} is not on line {}", frag.text, frag.line)
    };
    col - 1 < b && a < end.max(col + 1) - 1
}

/// Score findings like `shared/tools/seed-score`, and also: an `omitted`
/// finding hits an item by its English source, and with `check_codes` an
/// item's `id` must be the code of the finding that hits it.
pub fn score(
    article: &std::path::Path,
    expected: &Expected,
    findings: &[Found],
    check_codes: bool,
) -> Score {
    let text = std::fs::read_to_string(article).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    score_lines(&lines, expected, findings, check_codes)
}

/// The paragraphs of a .docx, read by the library (`Origin::quoted`): what
/// an expectation's `line` numbers there.
pub fn docx_paragraphs(article: &std::path::Path) -> Vec<String> {
    use factcheck::formats::{InputFormat, read_document};
    let opts = factcheck::input::ReadOptions::default();
    let doc = read_document(article, &opts, InputFormat::Docx).unwrap();
    let origin = doc.origin.unwrap();
    (1..)
        .map_while(|n| origin.quoted(n).map(str::to_string))
        .collect()
}

/// `score` against the lines (or a .docx's paragraphs) of an article.
pub fn score_lines(
    lines: &[&str],
    expected: &Expected,
    findings: &[Found],
    check_codes: bool,
) -> Score {
    let strong: Vec<&Found> = findings.iter().filter(|f| f.severity != "info").collect();
    let hits = |item: &Item| -> Vec<usize> {
        (0..strong.len())
            .filter(|&i| {
                let f = strong[i];
                overlaps(f.target, lines, &item.vi)
                    || (f.code == "omitted"
                        && item
                            .en
                            .as_ref()
                            .is_some_and(|en| overlaps(f.source, lines, en)))
            })
            .collect()
    };
    let mut s = Score::default();
    let mut used = std::collections::HashSet::new();
    for item in &expected.must_flag {
        let h = hits(item);
        if h.is_empty() {
            s.must_missed.push(format!(
                "{:?} line {} {:?}",
                item.id, item.vi.line, item.vi.text
            ));
        } else if check_codes
            && !h
                .iter()
                .any(|&i| Some(strong[i].code.as_str()) == item.id.as_deref())
        {
            s.wrong_code.push(format!(
                "{:?}: got {:?}",
                item.id,
                h.iter().map(|&i| &strong[i].code).collect::<Vec<_>>()
            ));
        }
        used.extend(h);
    }
    for item in &expected.should_flag {
        let h = hits(item);
        s.should_hit += usize::from(!h.is_empty());
        used.extend(h);
    }
    for item in &expected.may_note {
        let h = hits(item);
        if !h.is_empty() {
            s.loud_notes.push(format!("{:?}", item.id));
        }
        used.extend(h);
    }
    for (i, f) in strong.iter().enumerate() {
        if !used.contains(&i) {
            s.false_alarms.push(format!(
                "{} {} target {:?} source {:?}",
                f.severity, f.code, f.target, f.source
            ));
        }
    }
    for item in &expected.must_not_flag {
        for (i, f) in strong.iter().enumerate() {
            if overlaps(f.target, lines, &item.vi)
                && !s
                    .false_alarms
                    .iter()
                    .any(|x| x.contains(&format!("{:?}", f.target)))
            {
                s.false_alarms.push(format!(
                    "on must_not_flag {:?}: {} {}",
                    item.vi.text, f.code, i
                ));
            }
        }
    }
    s
}
