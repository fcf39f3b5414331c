//! Configuration: `factcheck.yaml` (or `.factcheck.yaml`) found in the current
//! directory or an ancestor, or `--config FILE`; and baselines.
//!
//! Owns the configuration schema (severity per code, `fail-on`, extra
//! catalogue directories, path excludes, suppressions), finding and parsing
//! the file (unknown keys and bad values are errors quoting `file:line`), and
//! suppressions: accepted findings matched by file, code and the texts of both
//! claims — stable across unrelated edits of the article — each with a reason.
//! A baseline is a file of suppressions written from the current findings.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Finding, Severity};

mod suppressions;

pub use suppressions::{Suppressions, normalize};

/// The lowest severity that fails a run (exit code 1): the policy of
/// `fail-on` in the configuration and of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest failing severity; `None` when nothing fails.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// The configuration file names looked for, in order.
pub const NAMES: &[&str] = &["factcheck.yaml", ".factcheck.yaml"];

/// A configuration or baseline file that could not be used.
/// Shown as `file:line: message`, or `file: message` when no line applies
/// (line 0).
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", if *line > 0 { format!(":{line}") } else { String::new() })]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A finding code, validated against the documented codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CodeName(pub Code);

impl<'de> Deserialize<'de> for CodeName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::from_name(&s).map(CodeName).ok_or_else(|| {
            let known: Vec<&str> = crate::diagnostic::CODES.iter().map(|c| c.name).collect();
            serde::de::Error::custom(format!(
                "unknown code `{s}`; known codes: {}",
                known.join(", ")
            ))
        })
    }
}

impl Serialize for CodeName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name())
    }
}

impl fmt::Display for CodeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

/// What a code's findings become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// An accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// The article, relative to the file holding the suppression (a glob is allowed).
    pub file: String,
    pub code: CodeName,
    /// The Vietnamese claim's text (absent for `omitted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The English claim's text (absent for `unsupported`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Why the finding is accepted. Mandatory.
    pub reason: String,
}

/// The configuration file's schema.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub severity: BTreeMap<CodeName, Level>,
    /// Extra catalogue directories, relative to the configuration file.
    #[serde(default)]
    pub claims: Vec<PathBuf>,
    /// Paths left out when walking directories (gitignore syntax), relative
    /// to the configuration file.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub suppressions: Vec<Suppression>,
}

/// A baseline file's schema.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub suppressions: Vec<Suppression>,
}

/// A loaded configuration, with where it came from.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// The directory paths in the file are relative to.
    pub base: PathBuf,
    pub file: ConfigFile,
}

fn parse<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
    limit: u64,
) -> Result<T, ConfigError> {
    let err = |line, message| ConfigError {
        file: path.display().to_string(),
        line,
        message,
    };
    let text = crate::catalogue::read_yaml_file(path, limit).map_err(|m| err(0, m))?;
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    crate::catalogue::parse_yaml::<T>(&text).map_err(|(line, message)| {
        // The parser places errors inside a mapping at the mapping's start;
        // the value it quotes pinpoints the line.
        let quoted = message.split('`').nth(1).filter(|q| !q.is_empty());
        let exact = quoted.and_then(|q| {
            text.lines()
                .enumerate()
                .skip(line.saturating_sub(1))
                .find(|(_, l)| l.contains(q))
                .map(|(i, _)| i + 1)
        });
        err(exact.unwrap_or(line), message)
    })
}

/// The directory a file's relative paths start from.
fn base_of(path: &Path) -> PathBuf {
    let abs = normalize(path);
    abs.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Find and load the configuration: `explicit`, or the nearest
/// factcheck.yaml/.factcheck.yaml from `start` upwards.
pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find(start)?,
    };
    let Some(path) = path else {
        return Ok(Config {
            base: std::path::absolute(start).unwrap_or_default(),
            ..Config::default()
        });
    };
    let file: ConfigFile = parse(&path, crate::catalogue::yaml_bounds::MAX_FILE)?;
    for (i, s) in file.suppressions.iter().enumerate() {
        if s.reason.trim().is_empty() {
            return Err(ConfigError {
                file: path.display().to_string(),
                line: 0,
                message: format!("suppression {} ({}) has an empty reason", i + 1, s.code),
            });
        }
    }
    Ok(Config {
        base: base_of(&path),
        path: Some(path),
        file,
    })
}

/// The nearest configuration file from `start` (a directory) upwards; both
/// names in one directory is an error, since neither would be seen to win.
pub fn find(start: &Path) -> Result<Option<PathBuf>, ConfigError> {
    let abs = suppressions::normalize(start);
    for d in abs.ancestors() {
        let found: Vec<PathBuf> = NAMES
            .iter()
            .map(|n| d.join(n))
            .filter(|p| p.is_file())
            .collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(Some(one.clone())),
            [first, ..] => {
                return Err(ConfigError {
                    file: first.display().to_string(),
                    line: 0,
                    message: format!(
                        "both {} and {} are in {}: keep one",
                        NAMES[0],
                        NAMES[1],
                        d.display()
                    ),
                });
            }
        }
    }
    Ok(None)
}

/// Load a baseline's suppressions.
pub fn load_baseline(path: &Path) -> Result<Vec<Suppression>, ConfigError> {
    Ok(parse::<BaselineFile>(path, crate::catalogue::yaml_bounds::MAX_BASELINE)?.suppressions)
}

/// The suppressions that accept exactly these findings, for a baseline
/// written to `path`.
pub fn baseline_for(path: &Path, files: &[(String, Vec<Finding>)]) -> BaselineFile {
    let base = base_of(path);
    let mut suppressions = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (article, findings) in files {
        if article == "<stdin>" {
            // Nothing could match it: standard input has no path.
            continue;
        }
        let abs = normalize(Path::new(article));
        let rel = abs
            .strip_prefix(&base)
            .map(Path::to_path_buf)
            .unwrap_or(abs);
        for f in findings {
            let s = Suppression {
                file: rel.to_string_lossy().replace('\\', "/"),
                code: CodeName(f.code),
                target: f.target.as_ref().map(|l| l.text.clone()),
                source: f.source.as_ref().map(|l| l.text.clone()),
                reason: "accepted in the baseline".to_string(),
            };
            let key = (s.file.clone(), f.code, s.target.clone(), s.source.clone());
            if seen.insert(key) {
                suppressions.push(s);
            }
        }
    }
    BaselineFile { suppressions }
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_codes_quote_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("factcheck.yaml");
        std::fs::write(
            &p,
            "fail-on: error\nseverity:\n  rounded: off\n  hedge-droped: info\n",
        )
        .unwrap();
        let e = load(Some(&p), dir.path()).unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert!(e.message.contains("unknown code `hedge-droped`"), "{e}");
        std::fs::write(&p, "fail-on: error\nseverity: {}\ncolour: true\n").unwrap();
        let e = load(Some(&p), dir.path()).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("unknown field `colour`"), "{e}");
        std::fs::write(&p, "fail-on: sometimes\n").unwrap();
        let e = load(Some(&p), dir.path()).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }

    #[test]
    fn the_readme_example_is_a_valid_configuration() {
        let readme = include_str!("../README.md");
        let start = readme
            .find("# factcheck.yaml\n")
            .expect("README has the example");
        let block = &readme[start..];
        let block = &block[..block.find("```").unwrap()];
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("factcheck.yaml");
        std::fs::write(&p, block).unwrap();
        let c = load(Some(&p), dir.path()).unwrap();
        assert_eq!(c.file.fail_on, Some(FailOn::Error));
        assert_eq!(c.file.suppressions.len(), 1);
        assert_eq!(
            c.file.severity.get(&CodeName(Code::Rounded)),
            Some(&Level::Off)
        );
    }

    #[test]
    fn found_in_an_ancestor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".factcheck.yaml"), "fail-on: never\n").unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        let c = load(None, &dir.path().join("a/b")).unwrap();
        assert_eq!(c.file.fail_on, Some(FailOn::Never));
        assert!(c.path.unwrap().ends_with(".factcheck.yaml"));
    }

    #[test]
    fn suppressions_need_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("factcheck.yaml");
        std::fs::write(
            &p,
            "suppressions:\n  - {file: a.txt, code: omitted, source: \"27%\"}\n",
        )
        .unwrap();
        let e = load(Some(&p), dir.path()).unwrap_err();
        assert!(e.message.contains("missing field `reason`"), "{e}");
    }
}
