//! The configuration of each file, found like ruff finds it: `--config FILE`
//! for every file, none with `--isolated`, else the nearest
//! `factcheck.yaml`/`.factcheck.yaml` from the file's directory upwards
//! (standard input: from `--stdin-filename`'s directory, else the current
//! one). Each configuration in use is loaded once, with its catalogue, its
//! excludes and its suppressions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::inputs::{CatalogueRef, load_catalogue};
use super::safe_write::Protected;
use super::walk::Excludes;
use factcheck::config::{self, Config, Suppressions};
use factcheck::diagnostic::Code;

/// One configuration in use and what it brings.
pub struct Settings {
    pub config: Config,
    /// Index into `Configs::cats`.
    cat: usize,
    pub excludes: Excludes,
    /// The configuration's own suppressions.
    pub suppressions: Option<Suppressions>,
}

impl Settings {
    /// True when the configuration turns a code off.
    pub fn is_off(&self, code: Code) -> bool {
        self.config
            .file
            .severity
            .get(&config::CodeName(code))
            .is_some_and(|l| l.severity().is_none())
    }
}

enum Mode {
    Isolated,
    Explicit,
    Discover,
}

/// Every configuration in use in a run.
pub struct Configs {
    mode: Mode,
    cli_claims: Vec<PathBuf>,
    pub list: Vec<Settings>,
    cats: Vec<(Vec<PathBuf>, CatalogueRef)>,
    /// Directory → its settings (discovery).
    by_dir: HashMap<PathBuf, usize>,
    /// Configuration file (or none) → its settings.
    by_file: HashMap<Option<PathBuf>, usize>,
    cwd: PathBuf,
}

impl Configs {
    pub fn new(
        explicit: Option<&Path>,
        isolated: bool,
        cli_claims: &[PathBuf],
    ) -> anyhow::Result<Configs> {
        let cwd = config::normalize(Path::new("."));
        let mut c = Configs {
            mode: if isolated {
                Mode::Isolated
            } else if explicit.is_some() {
                Mode::Explicit
            } else {
                Mode::Discover
            },
            cli_claims: cli_claims.to_vec(),
            list: Vec::new(),
            cats: Vec::new(),
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            cwd: cwd.clone(),
        };
        let first = match c.mode {
            Mode::Isolated => Config {
                base: cwd,
                ..Config::default()
            },
            _ => config::load(explicit, &cwd)?,
        };
        c.add(first)?;
        Ok(c)
    }

    fn add(&mut self, config: Config) -> anyhow::Result<usize> {
        let mut dirs: Vec<PathBuf> = config
            .file
            .claims
            .iter()
            .map(|d| config.base.join(d))
            .collect();
        dirs.extend(self.cli_claims.iter().cloned());
        let cat = match self.cats.iter().position(|(d, _)| *d == dirs) {
            Some(i) => i,
            None => {
                self.cats.push((dirs.clone(), load_catalogue(&dirs)?));
                self.cats.len() - 1
            }
        };
        let excludes = Excludes::new(&config.base, &config.file.exclude)?;
        let suppressions = config.path.as_ref().map(|p| {
            Suppressions::new(
                &p.display().to_string(),
                &config.base,
                config.file.suppressions.clone(),
            )
        });
        self.by_file.insert(config.path.clone(), self.list.len());
        self.list.push(Settings {
            config,
            cat,
            excludes,
            suppressions,
        });
        Ok(self.list.len() - 1)
    }

    /// The settings of an article at `path` (`-` is standard input, placed
    /// at `stdin_name` when given).
    pub fn for_path(&mut self, path: &Path, stdin_name: Option<&Path>) -> anyhow::Result<usize> {
        if !matches!(self.mode, Mode::Discover) {
            return Ok(0);
        }
        let dir = if path.as_os_str() == "-" {
            match stdin_name {
                Some(n) => config::normalize(n).parent().map(Path::to_path_buf),
                None => Some(self.cwd.clone()),
            }
        } else {
            config::normalize(path).parent().map(Path::to_path_buf)
        }
        .unwrap_or_else(|| self.cwd.clone());
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let found = config::find(&dir)?;
        let i = match self.by_file.get(&found) {
            Some(&i) => i,
            None => {
                let config = match &found {
                    Some(p) => config::load(Some(p), &dir)?,
                    None => Config {
                        base: dir.clone(),
                        ..Config::default()
                    },
                };
                self.add(config)?
            }
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }

    /// The catalogue of a configuration.
    pub fn cat(&self, i: usize) -> &CatalogueRef {
        &self.cats[self.list[i].cat].1
    }

    /// The files no output may replace: every configuration in use and
    /// every file of the catalogue directories.
    pub fn protected(&self) -> Vec<Protected> {
        let mut out: Vec<Protected> = self
            .list
            .iter()
            .filter_map(|s| s.config.path.clone())
            .map(|path| Protected {
                path,
                what: "the configuration in use",
            })
            .collect();
        for (dirs, _) in &self.cats {
            for d in dirs {
                for entry in std::fs::read_dir(d).into_iter().flatten().flatten() {
                    out.push(Protected {
                        path: entry.path(),
                        what: "a catalogue file",
                    });
                }
            }
        }
        out
    }
}
