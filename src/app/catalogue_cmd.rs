//! `factcheck catalogue test DIR…`: run the examples of a user's catalogue
//! files, so that whoever extends the catalogue sees their entries hold.

use std::process::ExitCode;

use super::cli::{CatalogueAction, CatalogueArgs};
use super::inputs::load_catalogue;
use super::output::emit;
use factcheck::examples;
use factcheck::render::sanitize;

pub fn run(args: &CatalogueArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        CatalogueAction::Test(t) => {
            let cat = load_catalogue(&t.dirs)?;
            let prefixes: Vec<String> = t.dirs.iter().map(|d| d.display().to_string()).collect();
            let (n, failures) = examples::run_all(&cat, &prefixes);
            let mut out = String::new();
            for f in &failures {
                out.push_str(&sanitize(&f.to_string()));
                out.push('\n');
            }
            let plural = |k: usize| if k == 1 { "" } else { "s" };
            out.push_str(&format!(
                "{n} example{} run: {} passed, {} failed\n",
                plural(n),
                n - failures.len(),
                failures.len()
            ));
            emit(&out)?;
            Ok(if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
