//! The command line: clap definitions only. What each command does lives in
//! the `*_cmd.rs` files beside this one.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factcheck::config::FailOn;
use factcheck::diagnostic::{Code, Severity};
use factcheck::formats::InputFormat;
use factcheck::input::Size;

/// Check the numbers in Vietnamese news summaries and translations against
/// the English original.
///
/// `factcheck ARTICLE…` checks articles in the seed layout (Vietnamese
/// summary, takeaway, source URL, Vietnamese translation, English original).
/// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
/// 2 usage, input or catalogue error.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every numeric claim in both languages, without comparing them.
    Extract(ExtractArgs),
    /// Explain a finding code: what it means, why it matters, an example.
    Explain(ExplainArgs),
    /// Measure the check on line-aligned parallel corpora (en.txt, vi.txt):
    /// false alarms, recall on perturbations, quietness on equivalents.
    Eval(EvalArgs),
    /// Work with claim catalogues (`--claims DIR`).
    Catalogue(CatalogueArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `factcheck man > factcheck.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct CatalogueArgs {
    #[command(subcommand)]
    pub action: CatalogueAction,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueAction {
    /// Run the examples of the catalogue files in each DIR (loaded over the
    /// built-in catalogue, as `--claims DIR` would): every phrase must yield
    /// exactly the claims it lists, every sentence pair the finding it names.
    /// Exit 1 when one fails.
    Test(CatalogueTestArgs),
}

#[derive(Debug, Args)]
pub struct CatalogueTestArgs {
    /// Catalogue directories; without one, the built-in catalogue's examples.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Corpus directories, each with en.txt and vi.txt (same line count).
    #[arg(value_name = "CORPUS_DIR", required = true)]
    pub corpora: Vec<PathBuf>,
    /// Sentence pairs per article.
    #[arg(long, default_value_t = 8)]
    pub group: usize,
    /// Seed of the random choices (which new value, which rewrite).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Directory of known-errors files, NAME.tsv per corpus (`LINE reason`);
    /// by default `known-errors/` beside the corpus directory, else
    /// `eval/known-errors` above it. The one used is named on stderr.
    #[arg(long, value_name = "DIR")]
    pub known_errors: Option<PathBuf>,
    /// Corpora whose Vietnamese is machine translation: their false alarms
    /// are reported but not held to the threshold.
    #[arg(long = "machine-translated", value_name = "NAME")]
    pub machine_translated: Vec<String>,
    /// Judge with another severity for a code, as a configuration would set
    /// it (`added=warning`); repeatable.
    #[arg(long, value_name = "CODE=LEVEL", value_parser = parse_severity)]
    pub severity: Vec<(Code, Severity)>,
    /// Exit with 1 when a threshold is crossed.
    #[arg(long)]
    pub check: bool,
    /// Write every case (the sentence pair, the rewrite, what was expected
    /// and whether factcheck did it) to FILE as JSON Lines, for
    /// `eval/pofilter_column.py`.
    #[arg(long, value_name = "FILE")]
    pub cases: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: EvalFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A finding code, e.g. hedge-dropped; `all` lists every code.
    #[arg(value_name = "CODE")]
    pub code: String,
}

/// Where the article text comes from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Article files in the seed layout (text, Markdown, HTML or Word), or
    /// directories to search for them; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Which files to take from directories (default `*.txt`, `*.md`,
    /// `*.markdown`, `*.html`, `*.htm`, `*.docx`); repeatable.
    /// Directories are walked like ripgrep does: .gitignore and hidden files
    /// are respected.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// The English original, as its own file (with --translation).
    #[arg(long, value_name = "EN_FILE", requires = "translation")]
    pub original: Option<PathBuf>,
    /// The Vietnamese translation, as its own file (with --original).
    #[arg(long, value_name = "VI_FILE", requires = "original")]
    pub translation: Option<PathBuf>,
    /// The Vietnamese summary and takeaway, as its own file.
    #[arg(long, value_name = "VI_FILE", requires = "original")]
    pub summary: Option<PathBuf>,
    /// A directory of catalogue YAML files: a file named like a built-in one
    /// (e.g. units.yaml) replaces it, any other file extends the catalogue.
    #[arg(long, value_name = "DIR")]
    pub claims: Vec<PathBuf>,
    /// The largest input read, from a file or standard input (e.g. 100MB,
    /// 64KiB); a larger one is an error for that input.
    #[arg(long, value_name = "SIZE", default_value = "100MB", value_parser = parse_size)]
    pub max_size: Size,
    /// The path standard input (`-`) stands for: reported under that name,
    /// with the configuration and suppressions of that path.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// How inputs are read: `auto` by extension (.md/.markdown Markdown,
    /// .html/.htm HTML, .docx Word, anything else text; standard input by
    /// --stdin-filename's).
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "auto")]
    pub input_format: InputFormatArg,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Text,
    Markdown,
    Html,
    Docx,
}

impl From<InputFormatArg> for InputFormat {
    fn from(a: InputFormatArg) -> InputFormat {
        match a {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Docx => InputFormat::Docx,
        }
    }
}

fn parse_size(s: &str) -> Result<Size, String> {
    Size::parse(s)
}

/// When to colour the human report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set; CLICOLOR_FORCE or FORCE_COLOR
    /// force it.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Human,
    Json,
    Yaml,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics with snippets, for people (the default).
    Human,
    /// One line per finding: `path:line:col: severity[code] message`.
    Concise,
    /// The stable JSON contract documented in the README.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// One self-contained HTML page: each article's Vietnamese beside its
    /// English, figures underlined, findings marked (for editors).
    Html,
}

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> FailOn {
        match a {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Exit with 1 when a finding is at or above this severity (default
    /// warning, or `fail-on` from the configuration file).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
    /// Write the report to this file (atomically) instead of standard
    /// output; `-` is standard output. Only a regular file is replaced, never
    /// an input, the configuration, a catalogue file or the baseline.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write `-o` and `--baseline` through a symbolic link (refused otherwise).
    #[arg(long)]
    pub follow: bool,
    /// Print the findings and errors only: no totals line, progress bar or
    /// notes on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print how many findings each code has instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Colour the human report.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorArg,
    /// A configuration file for every input; by default each file's
    /// nearest factcheck.yaml or .factcheck.yaml, from its directory upwards.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// A baseline of accepted findings: applied when the file exists, written
    /// with the current findings when it does not.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Rewrite the baseline without its stale entries (those for a checked
    /// file that match no finding any more); new findings are not added.
    #[arg(long, requires = "baseline")]
    pub update_baseline: bool,
    /// Number of files checked in parallel (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `CODE=LEVEL` for `eval --severity`.
fn parse_severity(s: &str) -> Result<(Code, Severity), String> {
    let (code, level) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CODE=LEVEL, got `{s}`"))?;
    let code = Code::from_name(code).ok_or_else(|| format!("unknown code `{code}`"))?;
    let level = Severity::from_name(level)
        .ok_or_else(|| format!("level must be info, warning or error, got `{level}`"))?;
    Ok((code, level))
}
