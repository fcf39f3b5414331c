//! The check: pairing claims across languages and judging them.
//! (Placeholder until the comparator lands.)

use std::process::ExitCode;

use crate::cli::CheckArgs;

pub fn run_check(_args: &CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the check is not implemented yet; use `factcheck extract`")
}
