//! The check over many files: `factcheck FILE|DIR…`. Owns checking articles
//! in parallel (reported in a stable order), applying the configuration
//! (severities per code) and suppressions (configuration and baseline, stale
//! ones reported), writing the report (stdout or `-o`, atomically), and the
//! exit code from `--fail-on`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use rayon::prelude::*;

use super::cli::{CheckArgs, CheckFormat};
use super::inputs::{ArticleInput, article_inputs, load_catalogue};
use super::output::{Sink, warn, write_atomically};
use super::progress::Progress;
use super::walk::Excludes;
use factcheck::catalogue::Catalogue;
use factcheck::check::{CheckError, analyze};
use factcheck::config::{self, Config, FailOn, Suppressions};
use factcheck::diagnostic::{Code, Finding};
use factcheck::render::{self, FileReport, Totals};

/// `factcheck FILE…`: check every article (in parallel, reported in a
/// stable order), apply the configuration (severities, suppressions) and the
/// baseline, render, and choose the exit code.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let config = if args.isolated {
        Config::default()
    } else {
        config::load(args.config.as_deref(), &cwd)?
    };
    let mut claim_dirs: Vec<PathBuf> = config
        .file
        .claims
        .iter()
        .map(|d| config.base.join(d))
        .collect();
    claim_dirs.extend(args.input.claims.iter().cloned());
    let cat = load_catalogue(&claim_dirs)?;
    let excludes = Excludes::new(&config.base, &config.file.exclude)?;
    let inputs = article_inputs(&args.input, &excludes)?;
    if let Some(out) = &args.output {
        refuse_to_overwrite_an_input(out, &inputs)?;
    }

    let (sets, write_baseline) = suppression_sets(&config, args.baseline.as_deref())?;
    let format = format_of(args);
    let fail_on = args
        .fail_on
        .map(FailOn::from)
        .or(config.file.fail_on)
        .unwrap_or(FailOn::Warning);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let mut run = Run {
        renderer: render::renderer(format),
        sink: Sink::new(args.output.as_deref())?,
        totals: Totals::default(),
        failing: false,
        threshold: fail_on.threshold(),
        // Stale suppressions and a new baseline need every file's findings.
        held: (!sets.is_empty() || write_baseline.is_some()).then(Vec::new),
    };
    let progress = Progress::new(inputs.len());
    for chunk in inputs.chunks(CHUNK) {
        let reports: Vec<FileReport> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let report = check_input(&cat, input);
                    progress.tick();
                    report
                })
                .collect()
        });
        for mut f in reports {
            apply_severities(&mut f, &config);
            suppress(&mut f, &sets);
            run.file(f)?;
        }
    }
    progress.finish();
    if let Some(mut held) = run.held.take() {
        add_stale(&mut held, &sets);
        if let Some(path) = write_baseline {
            let accepted: Vec<(String, Vec<Finding>)> = held
                .iter()
                .map(|f| (f.path.clone(), f.findings.clone()))
                .collect();
            let baseline = config::baseline_for(&path, &accepted);
            write_atomically(&path, &factcheck::catalogue::to_yaml(&baseline))?;
            warn(&format!(
                "factcheck: wrote a baseline of {} findings to {}",
                baseline.suppressions.len(),
                path.display()
            ));
            for f in &mut held {
                f.findings.clear();
            }
        }
        for f in held {
            run.file(f)?;
        }
    }
    let tail = run.renderer.finish(&run.totals);
    run.sink.write(&tail)?;
    run.sink.finish()?;
    Ok(if run.totals.broken > 0 {
        ExitCode::from(2)
    } else if run.failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The suppressions in force: the configuration's, then the baseline's;
/// and the baseline to write instead when its file does not exist yet.
fn suppression_sets(
    config: &Config,
    baseline: Option<&Path>,
) -> anyhow::Result<(Vec<Suppressions>, Option<PathBuf>)> {
    let mut sets = Vec::new();
    if let Some(path) = &config.path {
        sets.push(Suppressions::new(
            &path.display().to_string(),
            &config.base,
            config.file.suppressions.clone(),
        ));
    }
    let Some(b) = baseline else {
        return Ok((sets, None));
    };
    if !b.exists() {
        return Ok((sets, Some(b.to_path_buf())));
    }
    let list = config::load_baseline(b)?;
    let base = std::path::absolute(b)?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    sets.push(Suppressions::new(&b.display().to_string(), &base, list));
    Ok((sets, None))
}

/// The renderer's format for `--format`; colour only on a terminal.
fn format_of(args: &CheckArgs) -> render::Format {
    match args.format {
        CheckFormat::Human => render::Format::Human {
            color: args.output.is_none() && render::human::use_color(),
        },
        CheckFormat::Concise => render::Format::Concise,
        CheckFormat::Json => render::Format::Json,
        CheckFormat::Sarif => render::Format::Sarif,
        CheckFormat::Github => render::Format::Github,
    }
}

/// Files are checked this many at a time (in parallel) and reported in
/// order before the next batch: what a run holds is bounded by the batch,
/// not by the number of files.
const CHUNK: usize = 256;

/// A run of the check, reporting files in order as they are checked.
struct Run {
    renderer: Box<dyn render::Renderer>,
    sink: Sink,
    totals: Totals,
    failing: bool,
    threshold: Option<factcheck::diagnostic::Severity>,
    /// Files held to the end, when the end decides something about them.
    held: Option<Vec<FileReport>>,
}

impl Run {
    fn file(&mut self, f: FileReport) -> anyhow::Result<()> {
        if let Some(held) = &mut self.held {
            held.push(f);
            return Ok(());
        }
        self.totals.add(&f);
        self.failing |= self
            .threshold
            .is_some_and(|t| f.findings.iter().any(|x| x.severity >= t));
        let text = self.renderer.file(&f);
        self.sink.write(&text)
    }
}

/// Check one input, turning every problem into the file's error; keep the
/// lines its findings quote, not the article.
fn check_input(cat: &Catalogue, input: &ArticleInput) -> FileReport {
    let name = input.name();
    let result = input
        .read(cat)
        .map_err(CheckError::from)
        .and_then(|article| {
            analyze(cat, &article, &name).map(|a| {
                for notice in &a.notices {
                    warn(&format!("factcheck: {}: {notice}", render::sanitize(&name)));
                }
                let mut report = FileReport {
                    path: name.clone(),
                    findings: a.findings,
                    ..FileReport::default()
                };
                report.quote_lines(&article);
                report
            })
        });
    match result {
        Ok(report) => report,
        Err(e) => FileReport {
            path: name,
            error: Some(e.to_string()),
            ..FileReport::default()
        },
    }
}

/// Severity per code from the configuration; `off` drops a code.
fn apply_severities(f: &mut FileReport, config: &Config) {
    if config.file.severity.is_empty() {
        return;
    }
    {
        f.findings.retain_mut(
            |x| match config.file.severity.get(&config::CodeName(x.code)) {
                None => true,
                Some(level) => match level.severity() {
                    None => false,
                    Some(s) => {
                        x.severity = s;
                        true
                    }
                },
            },
        );
    }
}

/// Drop the findings a suppression accepts (each remembers it did).
fn suppress(f: &mut FileReport, sets: &[Suppressions]) {
    if f.error.is_some() || sets.is_empty() {
        return;
    }
    let path = f.path.clone();
    f.findings
        .retain(|x| !sets.iter().any(|s| s.suppresses(&path, x)));
}

/// Report, with each file they apply to, the suppressions that accepted
/// nothing in the whole run.
fn add_stale(files: &mut [FileReport], sets: &[Suppressions]) {
    for f in files.iter_mut() {
        if f.error.is_some() {
            continue;
        }
        for set in sets {
            for s in set.stale_for(&f.path) {
                let what = match (&s.target, &s.source) {
                    (Some(t), Some(e)) => format!("\"{t}\" / \"{e}\""),
                    (Some(t), None) => format!("\"{t}\""),
                    (None, Some(e)) => format!("\"{e}\""),
                    (None, None) => String::new(),
                };
                f.findings.push(Finding {
                    code: Code::StaleSuppression,
                    severity: Code::StaleSuppression.severity(),
                    message: format!(
                        "the suppression of {} {what} in {} matches nothing any more (reason given: {})",
                        s.code, set.origin, s.reason
                    ),
                    target: None,
                    source: None,
                });
            }
        }
    }
}

/// `-o FILE` must never replace an article being checked.
fn refuse_to_overwrite_an_input(out: &Path, inputs: &[ArticleInput]) -> anyhow::Result<()> {
    let Ok(target) = std::fs::canonicalize(out) else {
        return Ok(());
    };
    for input in inputs {
        for p in input.paths() {
            if std::fs::canonicalize(p).is_ok_and(|c| c == target) {
                anyhow::bail!(
                    "{}: is an input file; the report will not overwrite it",
                    out.display()
                );
            }
        }
    }
    Ok(())
}
