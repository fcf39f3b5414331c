//! The check over many files: `factcheck FILE|DIR…`. Owns checking articles
//! in parallel (reported in a stable order), applying each file's
//! configuration (`configs.rs`: severities per code, suppressions) and the
//! baseline (`baseline.rs`), writing the report (stdout or `-o`, checked by
//! `safe_write.rs`), per-file errors on standard error, and the exit code
//! from `--fail-on`.

use std::process::ExitCode;

use anyhow::Context as _;
use rayon::prelude::*;

use super::baseline::Baseline;
use super::cli::{CheckArgs, CheckFormat, ColorArg};
use super::configs::Configs;
use super::inputs::{ArticleInput, article_inputs, read_options};
use super::output::{Sink, warn};
use super::progress::Progress;
use super::safe_write::{self, Protected};
use factcheck::catalogue::Catalogue;
use factcheck::check::{CheckError, analyze};
use factcheck::config::{FailOn, Suppressions};
use factcheck::diagnostic::Severity;
use factcheck::input::ReadOptions;
use factcheck::render::view::ArticleView;
use factcheck::render::{self, FileReport, Totals};

/// `factcheck FILE…`: check every article (in parallel, reported in a
/// stable order), apply the configuration (severities, suppressions) and the
/// baseline, render, and choose the exit code.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let opts = read_options(&args.input);
    let mut configs = Configs::new(args.config.as_deref(), args.isolated, &args.input.claims)?;
    let stdin_name = args.input.stdin_filename.clone();
    let inputs = article_inputs(&args.input, &mut |p| {
        let i = configs.for_path(p, None)?;
        Ok(!configs.list[i].excludes.matches(p))
    })?;
    if inputs.is_empty() && !args.quiet {
        warn("warning: no article files found under the given paths; nothing to check");
    }
    let setting: Vec<usize> = inputs
        .iter()
        .map(|i| configs.for_path(i.main_path(), stdin_name.as_deref()))
        .collect::<anyhow::Result<_>>()?;

    let mut protected = configs.protected();
    for input in &inputs {
        for p in input.paths().into_iter().filter(|p| p.as_os_str() != "-") {
            protected.push(Protected {
                path: p.to_path_buf(),
                what: "an input file",
            });
        }
    }
    let baseline = Baseline::open(args, &protected)?;
    if let Some(b) = &args.baseline {
        protected.push(Protected {
            path: b.clone(),
            what: "the baseline",
        });
    }
    let target = match &args.output {
        Some(o) if o.as_os_str() != "-" => Some(safe_write::target(
            o,
            "the report",
            args.follow,
            &protected,
        )?),
        _ => None,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let mut run = Run {
        renderer: render::renderer(format_of(args, target.is_some())),
        sink: Sink::new(target)?,
        totals: Totals::default(),
        failing: false,
        fail_on: args.fail_on.map(FailOn::from),
        // Stale suppressions and a new baseline need every file's findings.
        held: None,
    };
    let any_suppressions =
        baseline.set.is_some() || configs.list.iter().any(|s| s.suppressions.is_some());
    if any_suppressions || baseline.writes() {
        run.held = Some(Vec::new());
    }
    let progress = Progress::new(if args.quiet { 0 } else { inputs.len() });
    let view = format_of(args, false).wants_article();
    let work: Vec<(&ArticleInput, usize)> = inputs.iter().zip(setting).collect();
    for chunk in work.chunks(CHUNK) {
        let reports: Vec<FileReport> = pool.install(|| {
            chunk
                .par_iter()
                .map(|&(input, i)| {
                    let report = check_input(configs.cat(i), input, &opts, args.quiet, view);
                    progress.tick();
                    report
                })
                .collect()
        });
        for (mut f, &(_, i)) in reports.into_iter().zip(chunk) {
            if let Some(e) = &f.error {
                warn(&format!("error: {e}"));
            }
            let settings = &configs.list[i];
            apply_severities(&mut f, settings);
            let sets: Vec<&Suppressions> = settings
                .suppressions
                .iter()
                .chain(baseline.set.as_ref())
                .collect();
            suppress(&mut f, &sets);
            run.file(f, i, &configs)?;
        }
    }
    progress.finish();
    if let Some(mut held) = run.held.take() {
        let report_baseline = !args.update_baseline;
        super::baseline::add_stale(&mut held, &configs, baseline.set.as_ref(), report_baseline);
        let held = baseline.finish(held, args.quiet)?;
        for (f, i) in held {
            run.file(f, i, &configs)?;
        }
    }
    let tail = run.renderer.finish(&run.totals);
    if !(args.quiet && matches!(args.format, CheckFormat::Human | CheckFormat::Concise)) {
        run.sink.write(&tail)?;
    }
    run.sink.finish()?;
    Ok(if run.totals.broken > 0 {
        ExitCode::from(2)
    } else if run.failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The renderer's format for `--format`, `--statistics` and `--color`.
fn format_of(args: &CheckArgs, to_file: bool) -> render::Format {
    if args.statistics {
        return render::Format::Statistics {
            json: matches!(args.format, CheckFormat::Json | CheckFormat::Sarif),
        };
    }
    match args.format {
        CheckFormat::Human => render::Format::Human {
            color: use_color(args.color, to_file),
        },
        CheckFormat::Concise => render::Format::Concise,
        CheckFormat::Json => render::Format::Json,
        CheckFormat::Sarif => render::Format::Sarif,
        CheckFormat::Github => render::Format::Github,
        CheckFormat::Html => render::Format::Html,
    }
}

/// `--color`: `always` and `never` as said; `auto` colours a terminal,
/// never with NO_COLOR set, always with CLICOLOR_FORCE or FORCE_COLOR set
/// (and not "0").
pub fn use_color(arg: ColorArg, to_file: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let forced = |name: &str| set(name) && std::env::var_os(name).is_some_and(|v| v != "0");
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if set("NO_COLOR") => false,
        ColorArg::Auto if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") => true,
        ColorArg::Auto => {
            use std::io::IsTerminal;
            !to_file && std::io::stdout().is_terminal()
        }
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
    /// `--fail-on`, which wins over the configurations'.
    fail_on: Option<FailOn>,
    /// Files held to the end, when the end decides something about them.
    held: Option<Vec<(FileReport, usize)>>,
}

impl Run {
    fn file(&mut self, f: FileReport, setting: usize, configs: &Configs) -> anyhow::Result<()> {
        if let Some(held) = &mut self.held {
            held.push((f, setting));
            return Ok(());
        }
        self.totals.add(&f);
        let threshold: Option<Severity> = self
            .fail_on
            .or(configs.list[setting].config.file.fail_on)
            .unwrap_or(FailOn::Warning)
            .threshold();
        self.failing |= threshold.is_some_and(|t| f.findings.iter().any(|x| x.severity >= t));
        let text = self.renderer.file(&f);
        self.sink.write(&text)
    }
}

/// Check one input, turning every problem into the file's error; keep the
/// lines its findings quote, not the article (unless `view`: the format
/// shows whole articles).
fn check_input(
    cat: &Catalogue,
    input: &ArticleInput,
    opts: &ReadOptions,
    quiet: bool,
    view: bool,
) -> FileReport {
    let name = input.name(opts);
    let result = input
        .read(cat, opts)
        .map_err(CheckError::from)
        .and_then(|article| {
            analyze(cat, &article, &name).map(|mut a| {
                if !quiet {
                    for notice in &a.notices {
                        warn(&format!("factcheck: {name}: {notice}"));
                    }
                }
                let mut report = FileReport {
                    path: name.clone(),
                    findings: std::mem::take(&mut a.findings),
                    ..FileReport::default()
                };
                report.quote_lines(&article);
                if view {
                    report.view = Some(Box::new(ArticleView::new(cat, &article, &a)));
                }
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
fn apply_severities(f: &mut FileReport, settings: &super::configs::Settings) {
    let severity = &settings.config.file.severity;
    if severity.is_empty() {
        return;
    }
    f.findings.retain_mut(
        |x| match severity.get(&factcheck::config::CodeName(x.code)) {
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

/// Drop the findings a suppression accepts (each remembers it did).
fn suppress(f: &mut FileReport, sets: &[&Suppressions]) {
    if f.error.is_some() || sets.is_empty() || f.findings.is_empty() {
        return;
    }
    let mut gone = vec![false; f.findings.len()];
    for s in sets {
        for (g, hit) in gone.iter_mut().zip(s.suppressed(&f.path, &f.findings)) {
            *g |= hit;
        }
    }
    let mut it = gone.into_iter();
    f.findings.retain(|_| !it.next().unwrap_or(false));
}
