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
use super::output::{emit, warn, write_atomically};
use super::progress::Progress;
use super::walk::Excludes;
use factcheck::catalogue::Catalogue;
use factcheck::check::{CheckError, analyze};
use factcheck::config::{self, Config, FailOn, Suppressions};
use factcheck::diagnostic::{Code, Finding};
use factcheck::render::{self, FileReport, Report};

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

    let progress = Progress::new(inputs.len());
    let check_all = || -> Vec<FileReport> {
        inputs
            .par_iter()
            .map(|input| {
                let report = check_input(&cat, input);
                progress.tick();
                report
            })
            .collect()
    };
    let mut files = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .context("cannot start the worker threads")?
            .install(check_all),
        None => check_all(),
    };
    progress.finish();

    apply_severities(&mut files, &config);
    let mut sets = Vec::new();
    if let Some(path) = &config.path {
        sets.push(Suppressions::new(
            &path.display().to_string(),
            &config.base,
            config.file.suppressions.clone(),
        ));
    }
    let mut write_baseline = None;
    if let Some(b) = &args.baseline {
        if b.exists() {
            let list = config::load_baseline(b)?;
            let base = std::path::absolute(b)?
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            sets.push(Suppressions::new(&b.display().to_string(), &base, list));
        } else {
            write_baseline = Some(b.clone());
        }
    }
    apply_suppressions(&mut files, &sets);

    if let Some(path) = write_baseline {
        let accepted: Vec<(String, Vec<Finding>)> = files
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
        for f in &mut files {
            f.findings.clear();
        }
    }

    let report = Report { files };
    let text = match args.format {
        CheckFormat::Human => {
            render::human::render(&report, args.output.is_none() && render::human::use_color())
        }
        CheckFormat::Concise => render::concise::render(&report),
        CheckFormat::Json => render::json::render(&report),
        CheckFormat::Sarif => render::sarif::render(&report),
        CheckFormat::Github => render::github::render(&report),
    };
    match &args.output {
        Some(path) => write_atomically(path, &text)?,
        None => emit(&text)?,
    }
    if report.files.iter().any(|f| f.error.is_some()) {
        return Ok(ExitCode::from(2));
    }
    let fail_on = args
        .fail_on
        .map(FailOn::from)
        .or(config.file.fail_on)
        .unwrap_or(FailOn::Warning);
    let failing = fail_on.threshold().is_some_and(|t| {
        report
            .files
            .iter()
            .flat_map(|f| &f.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Check one input, turning every problem into the file's error.
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
                (article, a.findings)
            })
        });
    match result {
        Ok((article, findings)) => FileReport {
            path: name,
            error: None,
            findings,
            article: Some(article),
        },
        Err(e) => FileReport {
            path: name,
            error: Some(e.to_string()),
            findings: Vec::new(),
            article: None,
        },
    }
}

/// Severity per code from the configuration; `off` drops a code.
fn apply_severities(files: &mut [FileReport], config: &Config) {
    if config.file.severity.is_empty() {
        return;
    }
    for f in files {
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

/// Drop accepted findings; report suppressions that accept nothing any more.
fn apply_suppressions(files: &mut [FileReport], sets: &[Suppressions]) {
    for f in files.iter_mut() {
        if f.error.is_some() {
            continue;
        }
        let path = f.path.clone();
        f.findings
            .retain(|x| !sets.iter().any(|s| s.suppresses(&path, x)));
    }
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
