//! The `factcheck` binary: parse the command line, run, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = factcheck::cli::Cli::parse();
    match factcheck::run::run(cli) {
        Ok(code) => code,
        Err(e) => {
            factcheck::run::warn(&format!("factcheck: {e:#}"));
            ExitCode::from(2)
        }
    }
}
