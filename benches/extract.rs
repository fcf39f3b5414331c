//! Extraction throughput on articles of growing size: the time per megabyte
//! must stay flat (linear time). Run with `cargo bench --bench extract`.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use factcheck::catalogue::builtin;
use factcheck::extract::extract_article;
use factcheck::input::Source;
use factcheck::segment::Article;

fn main() {
    divan::main();
}

const DEMO: &str = include_str!("../examples/vietnam-ev-battery.txt");

/// An article of about `mb` megabytes: the demo's Vietnamese part repeated,
/// then its English part repeated, so the layout stays valid.
fn article_of(mb: usize) -> String {
    let lines: Vec<&str> = DEMO.lines().collect();
    let split = lines
        .iter()
        .position(|l| l.starts_with("Vietnam’s EV upstarts"))
        .unwrap_or(lines.len() / 2);
    let (vi, en) = lines.split_at(split);
    let target = mb * 1_000_000 / 2;
    let mut out = String::with_capacity(mb * 1_000_000 + DEMO.len());
    while out.len() < target {
        out.push_str(&vi.join("\n"));
        out.push('\n');
    }
    let half = out.len();
    while out.len() < half + target {
        out.push_str(&en.join("\n"));
        out.push('\n');
    }
    out
}

#[divan::bench(args = [1, 2, 5, 10], sample_count = 5, sample_size = 1)]
fn extract(bencher: Bencher, mb: usize) {
    let text = article_of(mb);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let source = Source {
            name: "bench.txt".into(),
            text: text.clone(),
        };
        let article = Article::from_layout(builtin(), &source);
        black_box(extract_article(builtin(), &article).len())
    });
}

/// The catalogue is compiled once per process; this is what that costs.
#[divan::bench(sample_count = 5)]
fn compile_catalogue() {
    black_box(factcheck::catalogue::load(&[]).unwrap());
}
