//! Throughput of the check on articles built from the shared corpora (real
//! English–Vietnamese news and TED translations), by stage: segmenting,
//! extracting, the whole check of an article in memory, and compiling the
//! catalogue with and without checking one article (start-up). Run with `cargo bench --bench check`; the corpora
//! are read from ../shared (the bench prints a message and measures nothing
//! without them). Whole-process timings, with pofilter beside, are
//! `benches/vs_pofilter.py`.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use factcheck::align::ContextBuilder;
use factcheck::catalogue::builtin;
use factcheck::check::analyze;
use factcheck::extract::{extract_article, read_article};
use factcheck::input::Source;
use factcheck::segment::Article;

fn main() {
    divan::main();
}

/// Sentence pairs per article: about the length of a news article (a few
/// hundred words in each language).
const PAIRS: usize = 40;

/// The articles, in the seed layout: Vietnamese lines, then English lines.
fn articles() -> &'static [String] {
    static ARTICLES: OnceLock<Vec<String>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        let mut out = Vec::new();
        for corpus in ["ted-tst2012", "ted-tst2013", "bbc-mt"] {
            let read = |f: &str| std::fs::read_to_string(shared.join(corpus).join(f));
            let (Ok(en), Ok(vi)) = (read("en.txt"), read("vi.txt")) else {
                eprintln!("SKIPPED benches/check.rs: ../shared/corpora/{corpus} is absent");
                continue;
            };
            let pairs: Vec<(&str, &str)> = en
                .lines()
                .zip(vi.lines())
                .filter(|(e, v)| !e.trim().is_empty() && !v.trim().is_empty())
                .collect();
            for group in pairs.chunks(PAIRS) {
                let mut text = String::new();
                for (_, v) in group {
                    text.push_str(v);
                    text.push('\n');
                }
                for (e, _) in group {
                    text.push_str(e);
                    text.push('\n');
                }
                out.push(text);
            }
        }
        out
    })
}

fn bytes() -> usize {
    articles().iter().map(String::len).sum()
}

fn sources() -> Vec<Source> {
    articles()
        .iter()
        .map(|t| Source {
            name: "bench.txt".into(),
            text: t.clone(),
        })
        .collect()
}

/// Lines, normalisation and sections of every article.
#[divan::bench(sample_count = 10)]
fn segment(bencher: Bencher) {
    let cat = builtin();
    bencher
        .counter(BytesCount::new(bytes()))
        .with_inputs(sources)
        .bench_refs(|s| {
            for src in s.iter() {
                black_box(Article::from_layout(cat, src));
            }
        });
}

/// Extraction alone: tokens and claims of every line of every article.
#[divan::bench(sample_count = 10)]
fn extract(bencher: Bencher) {
    let cat = builtin();
    let parsed: Vec<Article> = sources()
        .iter()
        .map(|s| Article::from_layout(cat, s))
        .collect();
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        for a in &parsed {
            black_box(extract_article(cat, a).len());
        }
    });
}

/// The whole check of each article from its text: segment, extract, align,
/// compare (no file reading, no rendering).
#[divan::bench(sample_count = 10)]
fn check(bencher: Bencher) {
    let cat = builtin();
    bencher
        .counter(BytesCount::new(bytes()))
        .with_inputs(sources)
        .bench_refs(|s| {
            for src in s.iter() {
                let article = Article::from_layout(cat, src);
                black_box(
                    analyze(cat, &article, "bench")
                        .map(|a| a.findings.len())
                        .ok(),
                );
            }
        });
}

/// Start-up: compiling the built-in catalogue, once per process.
#[divan::bench(sample_count = 20)]
fn startup_catalogue() {
    black_box(factcheck::catalogue::load(&[]).unwrap());
}

/// Start-up on one article: compiling the catalogue, then checking the demo
/// article (a seed-sized article written for this project), as one run of
/// the binary does before it renders.
#[divan::bench(sample_count = 20)]
fn startup_one_article() {
    let cat = factcheck::catalogue::load(&[]).unwrap();
    let src = Source {
        name: "demo".into(),
        text: DEMO.into(),
    };
    let article = Article::from_layout(&cat, &src);
    black_box(
        analyze(&cat, &article, "demo")
            .map(|a| a.findings.len())
            .ok(),
    );
}

const DEMO: &str = include_str!("../examples/vietnam-ev-battery.txt");

/// Pairing alone: alignment and pairing of claims already read, with their
/// contexts (cloned for each run).
#[divan::bench(sample_count = 10)]
fn pair(bencher: Bencher) {
    let cat = builtin();
    let read: Vec<_> = sources()
        .iter()
        .map(|s| {
            let a = Article::from_layout(cat, s);
            let mut builder = ContextBuilder::new(cat);
            let claims = read_article(cat, &a, &mut builder).claims;
            let contexts = builder.finish(claims.len());
            (a, claims, contexts)
        })
        .collect();
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        for (a, claims, contexts) in &read {
            black_box(
                factcheck::align::pair(a, claims, contexts.clone())
                    .pairs
                    .len(),
            );
        }
    });
}
