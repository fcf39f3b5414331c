//! The application: everything that talks to a user. The command line
//! (`cli.rs`, clap), gathering inputs (`inputs.rs`, `walk.rs`), output
//! (`output.rs`), and one file per subcommand (`check_cmd.rs`,
//! `extract_cmd.rs`, `explain_cmd.rs`, `eval_cmd.rs`). Per-file problems are
//! reported for that file while the others go on; they make the exit code 2
//! at the end. `anyhow` is used only here; the library returns typed errors.

mod baseline;
mod catalogue_cmd;
mod check_cmd;
mod cli;
mod configs;
mod eval;
mod eval_cmd;
mod explain_cmd;
mod extract_cmd;
mod inputs;
mod output;
mod progress;
mod safe_write;
mod walk;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// Parse the command line, run, and map an error to a one-line message and exit code 2.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            output::warn(&format!("factcheck: {e:#}"));
            ExitCode::from(2)
        }
    }
}

/// Run the parsed command line.
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Extract(args)) => extract_cmd::run(&args),
        Some(Command::Explain(args)) => explain_cmd::run(&args.code),
        Some(Command::Eval(args)) => eval_cmd::run(&args),
        Some(Command::Catalogue(args)) => catalogue_cmd::run(&args),
        Some(Command::Completions(args)) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut text = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "factcheck", &mut text);
            output::emit(&String::from_utf8_lossy(&text))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut text = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut text)?;
            output::emit(&String::from_utf8_lossy(&text))?;
            Ok(ExitCode::SUCCESS)
        }
        None => check_cmd::run(&cli.check),
    }
}
