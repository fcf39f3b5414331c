//! `--baseline FILE`: applied when it exists, written with every current
//! finding when it does not, and with `--update-baseline` rewritten without
//! its stale entries. Also the stale suppressions of a run: entries (of a
//! configuration or the baseline) for a checked file that matched nothing,
//! reported as `stale-suppression` — never those of a code turned `off`.

use std::path::{Path, PathBuf};

use super::cli::CheckArgs;
use super::configs::Configs;
use super::output::warn;
use super::safe_write::{self, Protected, Target};
use factcheck::catalogue::to_yaml;
use factcheck::config::{self, BaselineFile, Suppression, Suppressions};
use factcheck::diagnostic::{Code, Finding};
use factcheck::render::FileReport;

/// What a run does with its baseline.
pub struct Baseline {
    /// The baseline's suppressions, when it exists.
    pub set: Option<Suppressions>,
    /// Where it is written (a new baseline, or an update), checked.
    target: Option<Target>,
}

impl Baseline {
    pub fn open(args: &CheckArgs, protected: &[Protected]) -> anyhow::Result<Baseline> {
        let Some(b) = &args.baseline else {
            return Ok(Baseline {
                set: None,
                target: None,
            });
        };
        if b.as_os_str() == "-" {
            anyhow::bail!("--baseline: a baseline is a file, not standard input or output");
        }
        // A dangling link does not exist: it is refused as a link below.
        let exists = b.exists();
        let target = if !exists || args.update_baseline {
            Some(safe_write::target(
                b,
                "the baseline",
                args.follow,
                protected,
            )?)
        } else {
            None
        };
        let set = if exists {
            let list = config::load_baseline(b)?;
            let base = config::normalize(b)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            Some(Suppressions::new(&b.display().to_string(), &base, list))
        } else {
            None
        };
        Ok(Baseline { set, target })
    }

    /// True when the run writes the baseline.
    pub fn writes(&self) -> bool {
        self.target.is_some()
    }

    /// Write the baseline when the run does: a new one from every finding
    /// (which it then accepts: they are not reported), or the old one less
    /// its stale entries.
    pub fn finish(
        self,
        mut held: Vec<(FileReport, usize)>,
        quiet: bool,
    ) -> anyhow::Result<Vec<(FileReport, usize)>> {
        let Some(target) = &self.target else {
            return Ok(held);
        };
        let path: PathBuf = target.shown.clone();
        match &self.set {
            None => {
                let accepted: Vec<(String, Vec<Finding>)> = held
                    .iter()
                    .map(|(f, _)| (f.path.clone(), f.findings.clone()))
                    .collect();
                let baseline = config::baseline_for(&path, &accepted);
                safe_write::write(target, &to_yaml(&baseline))?;
                if !quiet {
                    warn(&format!(
                        "factcheck: wrote a baseline of {} to {}",
                        plural(baseline.suppressions.len(), "finding"),
                        path.display()
                    ));
                }
                for (f, _) in &mut held {
                    f.findings.clear();
                }
            }
            Some(set) => {
                let kept: Vec<Suppression> = set.retained();
                let pruned = set.len() - kept.len();
                let file = BaselineFile { suppressions: kept };
                safe_write::write(target, &to_yaml(&file))?;
                if !quiet {
                    warn(&format!(
                        "factcheck: pruned {} from {} ({} kept)",
                        plural(pruned, "stale entry"),
                        path.display(),
                        file.suppressions.len()
                    ));
                }
            }
        }
        Ok(held)
    }
}

/// `n thing` / `n things` ("entry" → "entries").
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else if let Some(stem) = what.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {what}s")
    }
}

/// Report, with each file they apply to, the suppressions that accepted
/// nothing in the whole run (not those of a code the file's configuration
/// turns off). With `report_baseline` false (`--update-baseline`, which
/// prunes them) the baseline's stale entries are only marked.
pub fn add_stale(
    files: &mut [(FileReport, usize)],
    configs: &Configs,
    baseline: Option<&Suppressions>,
    report_baseline: bool,
) {
    for (f, i) in files.iter_mut() {
        if f.error.is_some() {
            continue;
        }
        let settings = &configs.list[*i];
        let off = |c: Code| settings.is_off(c);
        for set in settings.suppressions.iter() {
            for s in set.stale_for(&f.path, &off) {
                f.findings.push(stale_finding(s, &set.origin));
            }
        }
        if let Some(set) = baseline {
            let stale = set.stale_for(&f.path, &off);
            if report_baseline {
                for s in stale {
                    f.findings.push(stale_finding(s, &set.origin));
                }
            }
        }
    }
}

fn stale_finding(s: &Suppression, origin: &str) -> Finding {
    let what = match (&s.target, &s.source) {
        (Some(t), Some(e)) => format!("\"{t}\" / \"{e}\""),
        (Some(t), None) => format!("\"{t}\""),
        (None, Some(e)) => format!("\"{e}\""),
        (None, None) => String::new(),
    };
    Finding {
        code: Code::StaleSuppression,
        severity: Code::StaleSuppression.severity(),
        message: format!(
            "the suppression of {} {what} in {origin} matches nothing any more (reason given: {})",
            s.code, s.reason
        ),
        target: None,
        source: None,
        suggestion: None,
    }
}
