//! The command line: clap definitions only. What each command does lives in
//! `run.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
}

/// Where the article text comes from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Article files in the seed layout; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
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
    pub claims: Option<PathBuf>,
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
    /// The stable JSON contract documented in the README.
    Json,
}

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
}
