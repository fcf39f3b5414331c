//! `factcheck explain CODE`: what a finding code means, why it matters and an
//! example (the README's table of codes is built from the same text).

use std::process::ExitCode;

use super::output::emit;

/// `factcheck explain CODE`: the documentation of a code (the README's
/// table is built from the same text).
pub fn run(code: &str) -> anyhow::Result<ExitCode> {
    use factcheck::diagnostic::CODES;
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
