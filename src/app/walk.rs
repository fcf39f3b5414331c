//! Which files to check: the paths on the command line, with directories
//! walked the way ripgrep walks them (`.gitignore`, `.ignore` and hidden files
//! respected), filtered by `--glob` (default `*.txt`) and the configuration's
//! excludes, in a stable sorted order.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// Expand the command line's paths into the files to check. Files named
/// explicitly are always kept, in the order given; each directory expands in
/// place to its matching files sorted by path.
pub fn expand(
    paths: &[PathBuf],
    globs: &[String],
    excludes: &Excludes,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let mut found = walk_dir(p, globs)?;
            found.retain(|f| !excludes.matches(f));
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, globs: &[String]) -> anyhow::Result<Vec<PathBuf>> {
    // Selection is a filter on what the walker yields; ignore's overrides
    // would whitelist files past .gitignore and the hidden-file rule.
    let mut set = globset::GlobSetBuilder::new();
    let patterns: Vec<&str> = if globs.is_empty() {
        vec!["*.txt"]
    } else {
        globs.iter().map(String::as_str).collect()
    };
    for g in &patterns {
        set.add(globset::Glob::new(g).map_err(|e| anyhow::anyhow!("bad --glob {g:?}: {e}"))?);
    }
    let set = set.build()?;
    let mut files = Vec::new();
    for entry in WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build()
    {
        let entry = entry?;
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let name = path.file_name().map(Path::new).unwrap_or(rel);
        if set.is_match(rel) || set.is_match(name) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Path globs that leave files out, relative to a base directory (the
/// configuration file's).
#[derive(Debug, Default)]
pub struct Excludes {
    base: PathBuf,
    set: Option<ignore::gitignore::Gitignore>,
}

impl Excludes {
    pub fn new(base: &Path, patterns: &[String]) -> anyhow::Result<Excludes> {
        if patterns.is_empty() {
            return Ok(Excludes::default());
        }
        let mut b = ignore::gitignore::GitignoreBuilder::new(base);
        for p in patterns {
            b.add_line(None, p)
                .map_err(|e| anyhow::anyhow!("bad exclude {p:?}: {e}"))?;
        }
        Ok(Excludes {
            base: base.to_path_buf(),
            set: Some(b.build()?),
        })
    }

    pub fn matches(&self, path: &Path) -> bool {
        let Some(set) = &self.set else { return false };
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let rel = abs.strip_prefix(&self.base).unwrap_or(&abs);
        set.matched_path_or_any_parents(rel, false).is_ignore()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_respecting_gitignore_and_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/sub")).unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        for f in [
            "a.txt",
            "b/z.txt",
            "b/sub/y.txt",
            "b/skip.txt",
            ".hidden/h.txt",
            "notes.md",
            ".x.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "skip.txt\n").unwrap();
        let got = expand(&[d.to_path_buf()], &[], &Excludes::default()).unwrap();
        let rel: Vec<String> = got
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(rel, ["a.txt", "b/sub/y.txt", "b/z.txt"]);
        let md = expand(&[d.to_path_buf()], &["*.md".into()], &Excludes::default()).unwrap();
        assert_eq!(md.len(), 1);
        let ex = Excludes::new(d, &["b/".into()]).unwrap();
        let got = expand(&[d.to_path_buf()], &[], &ex).unwrap();
        assert_eq!(got.len(), 1);
    }
}
