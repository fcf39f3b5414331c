//! `factcheck eval CORPUS_DIR…`: the measurement of `eval/`, rendered, with
//! `--check` turning a crossed threshold into exit code 1.

use std::process::ExitCode;

use super::cli::{EvalArgs, EvalFormat};
use super::eval;
use super::output::{emit, warn, write_atomically};

/// `factcheck eval CORPUS_DIR…`
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let cat = factcheck::catalogue::builtin();
    let mut reports = Vec::new();
    let mut all_cases = Vec::new();
    for dir in &args.corpora {
        let corpus = eval::load_corpus(dir)?;
        let known_path = args.known_errors.join(format!("{}.tsv", corpus.name));
        let known = if known_path.is_file() {
            eval::load_known_errors(&known_path)?
        } else {
            Default::default()
        };
        let (report, mut cases) = eval::evaluate(cat, &corpus, args.group, args.seed, &known);
        reports.push(report);
        all_cases.append(&mut cases);
    }
    if let Some(path) = &args.cases {
        let mut text = String::new();
        for c in &all_cases {
            text.push_str(&serde_json::to_string(c)?);
            text.push('\n');
        }
        write_atomically(path, &text)?;
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
