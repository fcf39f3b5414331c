//! Findings unchanged (issue 8): `--format json` of the check, and of
//! `extract`, must stay byte-identical on the seed, every fixture and articles
//! built from the three shared corpora. The digests of those outputs were
//! recorded before the core was rebuilt (`tests/golden/digests.txt`); a change
//! of any finding, claim, column or message changes a digest.
//!
//! When a change of findings is intended, say why in the commit and bless the
//! new outputs: `FACTCHECK_BLESS=1 cargo test --test golden`. To see what
//! changed, dump the outputs before and after and diff them:
//! `FACTCHECK_GOLDEN_DUMP=/tmp/before cargo test --test golden`.
//! Third-party text is read from ../shared; without it those sets are skipped
//! with a message.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// FNV-1a, 64 bits: a digest that never changes with the toolchain.
fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Run the binary in `dir` and return its standard output.
fn run(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("factcheck")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "factcheck {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The check's and extract's JSON for `inputs` (paths relative to `dir`).
fn outputs(dir: &Path, inputs: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let mut check = vec!["--isolated", "--format", "json"];
    check.extend(inputs);
    let mut extract = vec!["extract", "--format", "json"];
    extract.extend(inputs);
    (run(dir, &check), run(dir, &extract))
}

/// Decode the HTML entities of the TED release (`&apos;`, `&#91;`), twice for
/// doubly escaped text, the way `factcheck eval` cleans a corpus line.
fn unescape(line: &str) -> String {
    fn once(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let end = tail.find(';').filter(|&e| e <= 8);
            let c = end.and_then(|e| match &tail[1..e] {
                "apos" => Some('\''),
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                n => n.strip_prefix('#')?.parse().ok().and_then(char::from_u32),
            });
            match (c, end) {
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
        out + rest
    }
    once(&once(line)).trim().to_string()
}

/// Articles in the seed layout from a line-aligned corpus, written into
/// `out`: groups of 8 sentence pairs as translation and original only, and
/// groups of 12 with three of their Vietnamese lines also used as two
/// summary bullets and a takeaway (a source URL line between).
fn corpus_articles(corpus: &Path, out: &Path) {
    let read = |f: &str| -> Vec<String> {
        std::fs::read_to_string(corpus.join(f))
            .unwrap()
            .lines()
            .map(unescape)
            .collect()
    };
    let (en, vi) = (read("en.txt"), read("vi.txt"));
    assert_eq!(en.len(), vi.len());
    let pairs: Vec<usize> = (0..en.len())
        .filter(|&i| !en[i].is_empty() && !vi[i].is_empty())
        .collect();
    for (variant, size) in [("plain", 8), ("summary", 12)] {
        let dir = out.join(variant);
        std::fs::create_dir_all(&dir).unwrap();
        for (k, group) in pairs.chunks(size).enumerate() {
            let mut text = String::new();
            if variant == "summary" {
                for (mark, at) in [("- ", 0), ("- ", 4), ("📌 ", 8)] {
                    if let Some(&i) = group.get(at) {
                        text.push_str(&format!("{mark}{}\n", vi[i]));
                    }
                }
                text.push_str(&format!("https://example.com/article/{k}\n"));
            }
            for &i in group {
                text.push_str(&vi[i]);
                text.push('\n');
            }
            for &i in group {
                text.push_str(&en[i]);
                text.push('\n');
            }
            std::fs::write(dir.join(format!("{k:05}.txt")), text).unwrap();
        }
    }
}

/// The regression table's lines as one-line articles (Vietnamese, then English).
fn regression_articles(out: &Path) {
    let table = std::fs::read_to_string(common::repo("tests/fixtures/regressions.tsv")).unwrap();
    std::fs::create_dir_all(out).unwrap();
    let rows = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for (k, row) in rows.enumerate() {
        let cols: Vec<&str> = row.split('\t').collect();
        std::fs::write(
            out.join(format!("{k:03}.txt")),
            format!("{}\n{}\n", cols[2], cols[1]),
        )
        .unwrap();
    }
}

/// Every set of inputs: (name, directory to run in, inputs relative to it).
fn sets(scratch: &Path) -> Vec<(String, PathBuf, Vec<String>)> {
    let repo = common::repo(".");
    let mut out = vec![
        (
            "examples".to_string(),
            repo.clone(),
            vec!["examples/vietnam-ev-battery.txt".to_string()],
        ),
        (
            "fixtures".to_string(),
            repo.clone(),
            ["small", "every-code", "clean-equivalents"]
                .iter()
                .map(|f| format!("tests/fixtures/{f}.txt"))
                .collect(),
        ),
    ];
    regression_articles(&scratch.join("regressions"));
    out.push((
        "regressions".into(),
        scratch.to_path_buf(),
        vec!["regressions".into()],
    ));
    match common::shared_dir() {
        None => common::skip(
            "golden",
            "../shared is absent: seed and corpora not compared",
        ),
        Some(shared) => {
            out.push((
                "seed".into(),
                shared.join("seed"),
                vec!["china-ai-race.txt".into()],
            ));
            for corpus in ["ted-tst2012", "ted-tst2013", "bbc-mt"] {
                let dir = scratch.join(corpus);
                corpus_articles(&shared.join("corpora").join(corpus), &dir);
                for variant in ["plain", "summary"] {
                    out.push((
                        format!("{corpus}/{variant}"),
                        dir.clone(),
                        vec![variant.into()],
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn json_outputs_are_unchanged() {
    let recorded_path = common::repo("tests/golden/digests.txt");
    let recorded: BTreeMap<String, (String, String)> = std::fs::read_to_string(&recorded_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].to_string(), (f[1].to_string(), f[2].to_string()))
        })
        .collect();
    let scratch = tempfile::tempdir().unwrap();
    let dump = std::env::var_os("FACTCHECK_GOLDEN_DUMP").map(PathBuf::from);
    let mut now = BTreeMap::new();
    for (name, dir, inputs) in sets(scratch.path()) {
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let (check, extract) = outputs(&dir, &inputs);
        if let Some(d) = &dump {
            let base = d.join(name.replace('/', "-"));
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(base.with_extension("check.json"), &check).unwrap();
            std::fs::write(base.with_extension("extract.json"), &extract).unwrap();
        }
        now.insert(name, (fnv(&check), fnv(&extract)));
    }
    if std::env::var_os("FACTCHECK_BLESS").is_some() {
        let mut text = String::from(
            "# name, digest of the check's JSON, digest of extract's JSON (tests/golden.rs)\n",
        );
        for (name, (c, e)) in &now {
            text.push_str(&format!("{name} {c} {e}\n"));
        }
        std::fs::create_dir_all(recorded_path.parent().unwrap()).unwrap();
        std::fs::write(&recorded_path, text).unwrap();
        return;
    }
    let mut changed = Vec::new();
    for (name, digests) in &now {
        match recorded.get(name) {
            Some(r) if r == digests => {}
            Some(r) => changed.push(format!("{name}: recorded {r:?}, now {digests:?}")),
            None => changed.push(format!("{name}: not recorded")),
        }
    }
    assert!(
        changed.is_empty(),
        "outputs changed (see tests/golden.rs for how to inspect or bless):\n{}",
        changed.join("\n")
    );
}
