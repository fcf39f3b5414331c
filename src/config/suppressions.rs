//! Suppressions at archive scale: the entries of one file (configuration or
//! baseline) indexed by the article they name, as a normalised absolute path
//! (`..` resolved lexically, so `a/../b.txt` is `b.txt`), so that applying
//! them costs one hash lookup per finding, plus a glob match only for the
//! entries whose `file` is a glob.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::FxHashMap;

use super::Suppression;
use crate::diagnostic::{Code, Finding, Location};

/// A path made absolute (against the current directory) with `.` and `..`
/// resolved lexically, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                // `/..` is `/`.
                if out.parent().is_some() {
                    out.pop();
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// True when a suppression's `file` is a glob rather than a path.
fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// A set of suppressions from one file, matching findings.
#[derive(Debug)]
pub struct Suppressions {
    /// Where they came from, for messages.
    pub origin: String,
    base: PathBuf,
    entries: Vec<Suppression>,
    /// Entries by the normalised absolute path of their article.
    by_path: FxHashMap<PathBuf, Vec<usize>>,
    /// Entries whose `file` is a glob, matched against the path relative
    /// to `base`.
    globs: Vec<(usize, globset::GlobMatcher)>,
    used: Vec<AtomicBool>,
    /// Entries reported stale in this run.
    stale: Vec<AtomicBool>,
}

fn text(l: &Option<Location>) -> Option<&str> {
    l.as_ref().map(|l| l.text.as_str())
}

impl Suppressions {
    pub fn new(origin: &str, base: &Path, list: Vec<Suppression>) -> Suppressions {
        let base = normalize(base);
        let mut by_path: FxHashMap<PathBuf, Vec<usize>> = FxHashMap::default();
        let mut globs = Vec::new();
        for (i, s) in list.iter().enumerate() {
            let glob = is_glob(&s.file)
                .then(|| globset::Glob::new(&s.file).ok())
                .flatten();
            match glob {
                Some(g) => globs.push((i, g.compile_matcher())),
                None => by_path
                    .entry(normalize(&base.join(&s.file)))
                    .or_default()
                    .push(i),
            }
        }
        let flags = || list.iter().map(|_| AtomicBool::new(false)).collect();
        Suppressions {
            origin: origin.to_string(),
            base,
            used: flags(),
            stale: flags(),
            entries: list,
            by_path,
            globs,
        }
    }

    /// The entries that name this article: by path, then by glob.
    fn candidates(&self, article: &str) -> Vec<usize> {
        if article == "<stdin>" {
            return Vec::new();
        }
        let abs = normalize(Path::new(article));
        let mut out = self.by_path.get(&abs).cloned().unwrap_or_default();
        if !self.globs.is_empty() {
            let rel = abs.strip_prefix(&self.base).unwrap_or(&abs);
            out.extend(
                self.globs
                    .iter()
                    .filter(|(_, g)| g.is_match(rel))
                    .map(|(i, _)| *i),
            );
        }
        out
    }

    /// True (and remembered) when a suppression accepts this finding.
    pub fn suppresses(&self, article: &str, f: &Finding) -> bool {
        self.suppressed(article, std::slice::from_ref(f))[0]
    }

    /// For each finding of an article, whether a suppression accepts it
    /// (remembered); the article's entries are looked up once.
    pub fn suppressed(&self, article: &str, findings: &[Finding]) -> Vec<bool> {
        let mut out = vec![false; findings.len()];
        let candidates = self.candidates(article);
        if candidates.is_empty() {
            return out;
        }
        for (hit, f) in out.iter_mut().zip(findings) {
            for &i in &candidates {
                let s = &self.entries[i];
                if s.code.0 == f.code
                    && s.target.as_deref() == text(&f.target)
                    && s.source.as_deref() == text(&f.source)
                {
                    self.used[i].store(true, Ordering::Relaxed);
                    *hit = true;
                }
            }
        }
        out
    }

    /// Suppressions for a checked article that matched nothing, leaving out
    /// those of codes that are turned off (`off` reports nothing, so it
    /// cannot tell whether they still match). Each is remembered as stale.
    pub fn stale_for(&self, article: &str, off: &dyn Fn(Code) -> bool) -> Vec<&Suppression> {
        self.candidates(article)
            .into_iter()
            .filter(|&i| !self.used[i].load(Ordering::Relaxed) && !off(self.entries[i].code.0))
            .map(|i| {
                self.stale[i].store(true, Ordering::Relaxed);
                &self.entries[i]
            })
            .collect()
    }

    /// The entries not found stale in this run, in their order: a baseline
    /// with its stale entries pruned.
    pub fn retained(&self) -> Vec<Suppression> {
        self.entries
            .iter()
            .zip(&self.stale)
            .filter(|(_, s)| !s.load(Ordering::Relaxed))
            .map(|(e, _)| e.clone())
            .collect()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CodeName;
    use crate::diagnostic::Severity;

    fn finding(code: Code, t: &str) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            message: String::new(),
            target: Some(Location {
                path: String::new(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
                text: t.into(),
                section: "summary",
                paragraph: None,
                lang: "vi",
            }),
            source: None,
            suggestion: None,
        }
    }

    fn entry(file: &str, code: Code, t: &str) -> Suppression {
        Suppression {
            file: file.into(),
            code: CodeName(code),
            target: Some(t.into()),
            source: None,
            reason: "r".into(),
        }
    }

    #[test]
    fn dot_dot_is_resolved_lexically() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d.txt")),
            Path::new("/a/c/d.txt")
        );
        assert_eq!(normalize(Path::new("/../x")), Path::new("/x"));
        let s = Suppressions::new(
            "b.yaml",
            Path::new("/arch/sub/.."),
            vec![entry("x/../a.txt", Code::Unsupported, "5")],
        );
        let f = finding(Code::Unsupported, "5");
        assert!(s.suppresses("/arch/y/../a.txt", &f));
        assert!(!s.suppresses("/arch/b.txt", &f));
    }

    #[test]
    fn globs_and_stale_entries_and_codes_turned_off() {
        let s = Suppressions::new(
            "b.yaml",
            Path::new("/arch"),
            vec![
                entry("news/*.txt", Code::Unsupported, "5"),
                entry("news/a.txt", Code::Rounded, "4"),
                entry("news/a.txt", Code::Omitted, "3"),
            ],
        );
        assert!(s.suppresses("/arch/news/a.txt", &finding(Code::Unsupported, "5")));
        let off = |c: Code| c == Code::Rounded;
        let stale: Vec<_> = s.stale_for("/arch/news/a.txt", &off);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].code.0, Code::Omitted);
        let kept = s.retained();
        assert_eq!(kept.len(), 2);
        assert!(kept.iter().all(|e| e.code.0 != Code::Omitted));
    }
}
