//! `factcheck eval CORPUS_DIR…`: the measurement of `eval/`, rendered, with
//! `--check` turning a crossed threshold into exit code 1.

use std::path::Path;
use std::process::ExitCode;

use super::cli::{EvalArgs, EvalFormat};
use super::eval;
use super::output::{emit, warn};
use super::safe_write;

/// The known-errors lists of the project's corpora, built in, for runs
/// outside the repository.
const BUILTIN_KNOWN: &[(&str, &str)] = &[
    ("bbc-mt", include_str!("../../eval/known-errors/bbc-mt.tsv")),
    (
        "ted-tst2012",
        include_str!("../../eval/known-errors/ted-tst2012.tsv"),
    ),
    (
        "ted-tst2013",
        include_str!("../../eval/known-errors/ted-tst2013.tsv"),
    ),
];

type Known = std::collections::BTreeMap<usize, String>;

/// A corpus's known errors and where they came from: `--known-errors DIR`
/// (NAME.tsv in it), else `known-errors.tsv` in the corpus directory, else
/// `known-errors/NAME.tsv` beside it, else the built-in list of that name.
fn known_errors(
    explicit: Option<&Path>,
    corpus: &Path,
    name: &str,
) -> anyhow::Result<(Known, String)> {
    let file = format!("{name}.tsv");
    if let Some(dir) = explicit {
        let p = dir.join(&file);
        if !p.is_file() {
            return Ok((
                Known::new(),
                format!("nowhere: {} does not exist", p.display()),
            ));
        }
        return Ok((eval::load_known_errors(&p)?, p.display().to_string()));
    }
    let beside = corpus.parent().map(|d| d.join("known-errors").join(&file));
    for p in std::iter::once(corpus.join("known-errors.tsv")).chain(beside) {
        if p.is_file() {
            return Ok((eval::load_known_errors(&p)?, p.display().to_string()));
        }
    }
    match BUILTIN_KNOWN.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => {
            let shown = format!("the built-in eval/known-errors/{file}");
            Ok((eval::parse_known_errors(text, Path::new(&shown))?, shown))
        }
        None => Ok((
            Known::new(),
            "nowhere (no known-errors.tsv in the corpus, none beside it, none built in)".into(),
        )),
    }
}

/// `factcheck eval CORPUS_DIR…`
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let cat = factcheck::catalogue::builtin();
    let mut reports = Vec::new();
    let mut all_cases = Vec::new();
    for dir in &args.corpora {
        let corpus = eval::load_corpus(dir)?;
        let (known, from) = known_errors(args.known_errors.as_deref(), dir, &corpus.name)?;
        warn(&format!(
            "factcheck eval: {}: {} from {from}",
            corpus.name,
            factcheck::render::human::plural(known.len(), "known error")
        ));
        let (report, mut cases) =
            eval::evaluate(cat, &corpus, args.group, args.seed, &known, &args.severity);
        reports.push(report);
        all_cases.append(&mut cases);
    }
    if let Some(path) = &args.cases {
        let mut text = String::new();
        for c in &all_cases {
            text.push_str(&serde_json::to_string(c)?);
            text.push('\n');
        }
        let protected: Vec<safe_write::Protected> = args
            .corpora
            .iter()
            .flat_map(|d| [d.join("en.txt"), d.join("vi.txt")])
            .map(|path| safe_write::Protected {
                path,
                what: "a corpus file",
            })
            .collect();
        let target = safe_write::target(path, "the cases", false, &protected)?;
        safe_write::write(&target, &text)?;
    }
    let text = match args.format {
        EvalFormat::Table => eval::table(&reports),
        EvalFormat::Json => {
            let mut s = serde_json::to_string_pretty(&reports)?;
            s.push('\n');
            s
        }
    };
    emit(&text)?;
    let failures: Vec<String> = reports
        .iter()
        .flat_map(|r| r.failures(!args.machine_translated.contains(&r.corpus)))
        .collect();
    for f in &failures {
        warn(&format!("factcheck eval: threshold crossed: {f}"));
    }
    Ok(if args.check && !failures.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
