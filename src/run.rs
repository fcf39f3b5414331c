//! Running a command: load the catalogue, read each input, extract (and, for
//! the check, compare), render, and choose the exit code. Per-file problems
//! are reported for that file while the others go on; they make the exit
//! code 2 at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::catalogue::{self, Catalogue};
use crate::cli::{Cli, Command, ExtractArgs, ExtractFormat, InputArgs};
use crate::extract::extract_article;
use crate::input::{display_name, read_source};
use crate::render::claims::{self as claims_out, ClaimRecord, ExtractReport, FileClaims};
use crate::segment::Article;
use crate::walk::Excludes;

/// One article to read: a file in the seed layout, or explicit files.
#[derive(Debug, Clone)]
pub enum ArticleInput {
    Layout(PathBuf),
    Explicit {
        original: PathBuf,
        translation: PathBuf,
        summary: Option<PathBuf>,
    },
}

impl ArticleInput {
    /// The name a report gives the article.
    pub fn name(&self) -> String {
        match self {
            ArticleInput::Layout(p) => display_name(p),
            ArticleInput::Explicit { translation, .. } => display_name(translation),
        }
    }

    /// The files the article is read from.
    pub fn paths(&self) -> Vec<&Path> {
        match self {
            ArticleInput::Layout(p) => vec![p.as_path()],
            ArticleInput::Explicit {
                original,
                translation,
                summary,
            } => {
                let mut v = vec![original.as_path(), translation.as_path()];
                v.extend(summary.as_deref());
                v
            }
        }
    }

    /// Read and segment the article.
    pub fn read(&self) -> Result<Article, crate::input::InputError> {
        match self {
            ArticleInput::Layout(p) => Ok(Article::from_layout(&read_source(p)?)),
            ArticleInput::Explicit {
                original,
                translation,
                summary,
            } => {
                let o = read_source(original)?;
                let t = read_source(translation)?;
                let s = summary.as_deref().map(read_source).transpose()?;
                Ok(Article::from_files(&o, &t, s.as_ref()))
            }
        }
    }
}

/// The articles named on the command line.
pub fn article_inputs(args: &InputArgs, excludes: &Excludes) -> anyhow::Result<Vec<ArticleInput>> {
    let mut out: Vec<ArticleInput> = crate::walk::expand(&args.files, &args.glob, excludes)?
        .into_iter()
        .map(ArticleInput::Layout)
        .collect();
    if let (Some(original), Some(translation)) = (&args.original, &args.translation) {
        out.push(ArticleInput::Explicit {
            original: original.clone(),
            translation: translation.clone(),
            summary: args.summary.clone(),
        });
    }
    if out.is_empty() {
        anyhow::bail!(
            "no input: give an article FILE (or `-` for standard input), or --original and --translation"
        );
    }
    let stdin_uses = out
        .iter()
        .flat_map(ArticleInput::paths)
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        anyhow::bail!("standard input (`-`) can be read only once");
    }
    Ok(out)
}

/// Load the catalogue once for the whole run, extended by these directories.
pub fn load_catalogue(dirs: &[PathBuf]) -> anyhow::Result<CatalogueRef> {
    if dirs.is_empty() {
        return Ok(CatalogueRef::Builtin(catalogue::builtin()));
    }
    Ok(CatalogueRef::Owned(Box::new(
        catalogue::load(dirs).context("bad catalogue")?,
    )))
}

/// The built-in catalogue, or one loaded with `--claims`.
pub enum CatalogueRef {
    Builtin(&'static Catalogue),
    Owned(Box<Catalogue>),
}

impl std::ops::Deref for CatalogueRef {
    type Target = Catalogue;
    fn deref(&self) -> &Catalogue {
        match self {
            CatalogueRef::Builtin(c) => c,
            CatalogueRef::Owned(c) => c,
        }
    }
}

/// Write one line to standard error; a closed or full stderr is ignored
/// (there is nowhere left to report it).
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Write to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Extract(args)) => extract(&args),
        Some(Command::Explain(args)) => explain(&args.code),
        Some(Command::Eval(args)) => eval(&args),
        None => crate::batch::run_check(&cli.check),
    }
}

/// `factcheck eval CORPUS_DIR…`
fn eval(args: &crate::cli::EvalArgs) -> anyhow::Result<ExitCode> {
    use crate::eval;
    let cat = catalogue::builtin();
    let mut reports = Vec::new();
    for dir in &args.corpora {
        let corpus = eval::load_corpus(dir)?;
        let known_path = args.known_errors.join(format!("{}.tsv", corpus.name));
        let known = if known_path.is_file() {
            eval::load_known_errors(&known_path)?
        } else {
            Default::default()
        };
        reports.push(eval::evaluate(cat, &corpus, args.group, args.seed, &known));
    }
    let text = match args.format {
        crate::cli::EvalFormat::Table => eval::table(&reports),
        crate::cli::EvalFormat::Json => {
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

/// `factcheck explain CODE`: the documentation of a code (the README's
/// table is built from the same text).
fn explain(code: &str) -> anyhow::Result<ExitCode> {
    use crate::diagnostic::CODES;
    if code == "all" {
        let mut s = String::new();
        for d in CODES {
            s.push_str(&format!(
                "{:<16} {:<8} {}\n",
                d.name,
                d.severity.name(),
                d.what
            ));
        }
        emit(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(d) = CODES.iter().find(|d| d.name == code) else {
        let known: Vec<&str> = CODES.iter().map(|d| d.name).collect();
        anyhow::bail!("unknown code `{code}`; known codes: {}", known.join(", "));
    };
    emit(&format!(
        "{} ({})\n\nWhat: {}\nWhy:  {}\n\nExample\n  English:    \"{}\"\n  Vietnamese: \"{}\"   ← reported\n  Better:     \"{}\"\n",
        d.name,
        d.severity.name(),
        d.what,
        d.why,
        d.bad_en,
        d.bad_vi,
        d.good_vi
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let cat = load_catalogue(args.input.claims.as_slice())?;
    let inputs = article_inputs(&args.input, &Excludes::default())?;
    let mut files = Vec::new();
    let mut failed = false;
    for input in &inputs {
        let name = input.name();
        match input.read() {
            Ok(article) => {
                let claims = extract_article(&cat, &article);
                let records = claims_out::sorted(&claims)
                    .into_iter()
                    .map(|c| ClaimRecord::new(c, &article.parts[c.part].path))
                    .collect();
                files.push(FileClaims {
                    path: name,
                    error: None,
                    claims: records,
                });
            }
            Err(e) => {
                failed = true;
                if args.format == ExtractFormat::Human {
                    warn(&format!("factcheck: {e}"));
                }
                files.push(FileClaims {
                    path: name,
                    error: Some(e.to_string()),
                    claims: Vec::new(),
                });
            }
        }
    }
    let report = ExtractReport { version: 1, files };
    let text = match args.format {
        ExtractFormat::Human => claims_out::human(&report),
        ExtractFormat::Json => claims_out::json(&report),
        ExtractFormat::Yaml => claims_out::yaml(&report),
    };
    emit(&text)?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
