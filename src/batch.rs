//! Running the check over many files: `factcheck FILE|DIR…`. Owns checking
//! articles in parallel (reported in a stable order), applying the
//! configuration (severities per code) and suppressions (configuration and
//! baseline, stale ones reported), writing the report (stdout or `-o`,
//! atomically), the progress bar, and the exit code from `--fail-on`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::check::{CheckError, check_article};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::config::{self, Config, Suppressions};
use crate::diagnostic::{Code, Finding, Severity};
use crate::render::{self, FileReport, Report};
use crate::run::{ArticleInput, article_inputs, emit, load_catalogue};
use crate::walk::Excludes;

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// `factcheck FILE…`: check every article (in parallel, reported in a
/// stable order), apply the configuration (severities, suppressions) and the
/// baseline, render, and choose the exit code.
pub fn run_check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
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
        write_atomically(&path, &crate::catalogue::to_yaml(&baseline))?;
        crate::run::warn(&format!(
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
        .read()
        .map_err(CheckError::from)
        .and_then(|article| check_article(cat, &article, &name).map(|f| (article, f)));
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

/// Write a file through a temporary file in the same directory and a rename,
/// so a reader never sees half a report.
pub fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.write_all(text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", path.display(), e.error))?;
    Ok(())
}

/// A progress bar on standard error for runs over a second, on a terminal
/// only (never on a pipe or in CI).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        let wanted =
            total > 1 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = wanted.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            start: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed().as_secs_f64() > 1.0
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
