//! Which files to check: the paths on the command line, with directories
//! walked the way ripgrep walks them (`.gitignore`, `.ignore` and hidden files
//! respected), filtered by `--glob` (default: the extensions of the input
//! formats, `*.txt`, `*.md`, `*.html`, `*.docx`…) and the configuration's
//! excludes, in a stable sorted order.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// Expand the command line's paths into the files to check. Files named
/// explicitly are always kept, in the order given; each directory expands in
/// place to its matching files sorted by path, less those `keep` refuses
/// (the configuration's excludes).
pub fn expand(
    paths: &[PathBuf],
    globs: &[String],
    keep: &mut dyn FnMut(&Path) -> anyhow::Result<bool>,
) -> anyhow::Result<Vec<PathBuf>> {
    let select = Selection::new(globs)?;
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let mut found = walk_dir(p, &select)?;
            let mut kept = Vec::with_capacity(found.len());
            for f in found.drain(..) {
                if keep(&f)? {
                    kept.push(f);
                }
            }
            kept.sort();
            out.extend(kept);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// `--glob` with ripgrep's meaning: a glob picks files, a glob starting with
/// `!` leaves out the files (and directories) it matches, and the last glob
/// that matches decides. Without a picking glob, the extensions of the input
/// formats pick (`*.txt`, `*.md`, `*.markdown`, `*.html`, `*.htm`, `*.docx`).
struct Selection {
    /// (glob, picks) in the order given, the default first.
    globs: Vec<(globset::GlobMatcher, bool)>,
}

impl Selection {
    fn new(globs: &[String]) -> anyhow::Result<Selection> {
        let mut out = Vec::new();
        if !globs.iter().any(|g| !g.starts_with('!')) {
            for (ext, _) in factcheck::formats::EXTENSIONS {
                out.push((
                    globset::Glob::new(&format!("*.{ext}"))?.compile_matcher(),
                    true,
                ));
            }
        }
        for g in globs {
            let (pattern, picks) = match g.strip_prefix('!') {
                Some(rest) => (rest, false),
                None => (g.as_str(), true),
            };
            let glob = globset::Glob::new(pattern)
                .map_err(|e| anyhow::anyhow!("bad --glob {g:?}: {e}"))?;
            out.push((glob.compile_matcher(), picks));
        }
        Ok(Selection { globs: out })
    }

    /// Whether a file (its path relative to the walked directory) is taken.
    fn takes(&self, rel: &Path) -> bool {
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        for (glob, picks) in self.globs.iter().rev() {
            let hit = glob.is_match(rel)
                || glob.is_match(name)
                // A leaving-out glob also matches the directories a file is in.
                || (!picks && rel.ancestors().skip(1).any(|a| {
                    !a.as_os_str().is_empty()
                        && (glob.is_match(a) || a.file_name().is_some_and(|n| glob.is_match(n)))
                }));
            if hit {
                return *picks;
            }
        }
        false
    }
}

fn walk_dir(dir: &Path, select: &Selection) -> anyhow::Result<Vec<PathBuf>> {
    // Selection is a filter on what the walker yields; ignore's overrides
    // would whitelist files past .gitignore and the hidden-file rule.
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
        if select.takes(rel) && !own_report(path) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// An HTML report factcheck wrote (its `generator` meta in the first
/// kilobyte) is no article: a folder checked with `--format html -o
/// folder/report.html` is checked the same way the next time. Only walked
/// files are skipped; a report named on the command line is read.
fn own_report(path: &Path) -> bool {
    use std::io::Read;
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if !html {
        return false;
    }
    let mut head = [0u8; 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head[..n].windows(GENERATOR.len()).any(|w| w == GENERATOR)
}

/// The meta tag every HTML report carries (`render::html`).
const GENERATOR: &[u8] = br#"<meta name="generator" content="factcheck">"#;

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
            "page.html",
            "data.csv",
            ".x.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "skip.txt\n").unwrap();
        let all = &mut |_: &Path| Ok(true);
        let got = expand(&[d.to_path_buf()], &[], all).unwrap();
        let rel: Vec<String> = got
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(
            rel,
            ["a.txt", "b/sub/y.txt", "b/z.txt", "notes.md", "page.html"]
        );
        let md = expand(&[d.to_path_buf()], &["*.md".into()], all).unwrap();
        assert_eq!(md.len(), 1);
        let ex = Excludes::new(d, &["b/".into()]).unwrap();
        let got = expand(&[d.to_path_buf()], &[], &mut |p| Ok(!ex.matches(p))).unwrap();
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn negated_globs_leave_files_out_like_ripgrep() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("drafts/old")).unwrap();
        for f in ["a.txt", "drafts/b.txt", "drafts/old/c.txt", "n.md"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let rel = |globs: &[&str]| -> Vec<String> {
            let globs: Vec<String> = globs.iter().map(|g| g.to_string()).collect();
            expand(&[d.to_path_buf()], &globs, &mut |_: &Path| Ok(true))
                .unwrap()
                .iter()
                .map(|p| p.strip_prefix(d).unwrap().display().to_string())
                .collect()
        };
        assert_eq!(rel(&["!drafts/**"]), ["a.txt", "n.md"]);
        assert_eq!(rel(&["!drafts", "!*.md"]), ["a.txt"]);
        assert_eq!(rel(&["*.md", "!drafts/**"]), ["n.md"]);
        assert_eq!(rel(&["!drafts/**", "drafts/old/*"]), ["drafts/old/c.txt"]);
        assert_eq!(
            rel(&["*", "!*.md"]),
            ["a.txt", "drafts/b.txt", "drafts/old/c.txt"]
        );
    }
}
