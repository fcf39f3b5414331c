//! Applying a baseline at archive scale (issue 10): 10,000 articles with 4
//! findings each against a baseline of 40,000 entries (and a few globs),
//! then the stale check of every article. Indexed by normalised path, this
//! is one hash lookup per article, not findings × entries glob matches.
//! `cargo bench --bench baseline`.

use std::path::Path;

use factcheck::config::{CodeName, Suppression, Suppressions};
use factcheck::diagnostic::{Code, Finding, Location, Severity};

fn main() {
    divan::main();
}

const FILES: usize = 10_000;
const PER_FILE: usize = 4;

fn loc(text: String) -> Option<Location> {
    Some(Location {
        path: String::new(),
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 2,
        text,
        section: "translation",
        lang: "vi",
        paragraph: None,
    })
}

fn findings(file: usize) -> Vec<Finding> {
    (0..PER_FILE)
        .map(|k| Finding {
            code: Code::ValueMismatch,
            severity: Severity::Error,
            message: String::new(),
            target: loc(format!("{k} triệu USD {file}")),
            source: loc(format!("${k} million {file}")),
            suggestion: None,
        })
        .collect()
}

fn entries() -> Vec<Suppression> {
    let mut out: Vec<Suppression> = (0..FILES)
        .flat_map(|f| {
            findings(f).into_iter().map(move |x| Suppression {
                file: format!("news/{}/../{}/a{f}.txt", f % 100, f % 100),
                code: CodeName(x.code),
                target: x.target.map(|l| l.text),
                source: x.source.map(|l| l.text),
                reason: "accepted in the baseline".into(),
            })
        })
        .collect();
    for g in 0..10 {
        out.push(Suppression {
            file: format!("news/{g}/*.txt"),
            code: CodeName(Code::Omitted),
            target: None,
            source: Some("27%".into()),
            reason: "house style".into(),
        });
    }
    out
}

/// Index the baseline, apply it to every article, then look for stale entries.
#[divan::bench(sample_count = 5)]
fn apply_40k_entries_to_10k_files(bencher: divan::Bencher) {
    let list = entries();
    let all: Vec<(String, Vec<Finding>)> = (0..FILES)
        .map(|f| (format!("/archive/news/{}/a{f}.txt", f % 100), findings(f)))
        .collect();
    bencher.bench(|| {
        let set = Suppressions::new("b.yaml", Path::new("/archive"), list.clone());
        let mut accepted = 0;
        for (path, fs) in &all {
            accepted += set.suppressed(path, fs).iter().filter(|&&h| h).count();
        }
        let off = |_: Code| false;
        let stale: usize = all.iter().map(|(p, _)| set.stale_for(p, &off).len()).sum();
        assert_eq!(accepted, FILES * PER_FILE);
        assert_eq!(stale, 1000);
        accepted
    });
}
