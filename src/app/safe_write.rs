//! Writing a report (`-o`) or a baseline without damaging anything: only a
//! regular file is ever replaced — never a device, FIFO, socket, directory or
//! (without `--follow`) a symbolic link — and never a file the run reads: an
//! input, the configuration in use, a catalogue file, or (for the report) the
//! baseline. A file is written to a temporary file beside it and renamed
//! over it, keeping the mode of the file it replaces; a new file gets the
//! umask's mode. The temporary file's name never appears in a message.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

/// A file the run reads, which nothing it writes may replace.
#[derive(Debug, Clone)]
pub struct Protected {
    pub path: PathBuf,
    /// What it is, for the message: "an input file", "the baseline"…
    pub what: &'static str,
}

/// Where a file will be written, checked.
#[derive(Debug, Clone)]
pub struct Target {
    /// The path as the user gave it, for messages.
    pub shown: PathBuf,
    /// The path renamed over: `shown`, or where its link points with `--follow`.
    real: PathBuf,
    /// The permissions of the file replaced, if one exists.
    existing: Option<std::fs::Permissions>,
}

/// An I/O error's text without the paths some libraries add to it (the
/// temporary file's among them).
pub fn plain(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => std::io::Error::from(e.kind()).to_string(),
    }
}

/// Check that `path` may receive `what` ("the report", "the baseline").
pub fn target(
    path: &Path,
    what: &str,
    follow: bool,
    protected: &[Protected],
) -> anyhow::Result<Target> {
    let shown = path.to_path_buf();
    let real = if follow {
        resolve_links(path)?
    } else {
        path.to_path_buf()
    };
    let existing = match std::fs::symlink_metadata(&real) {
        Ok(m) if m.file_type().is_symlink() => bail!(
            "{}: is a symbolic link; {what} is written only to a regular file (--follow writes through the link)",
            path.display()
        ),
        Ok(m) if m.is_dir() => bail!("{}: is a directory, not a file", path.display()),
        Ok(m) if !m.is_file() => bail!(
            "{}: is not a regular file (a device, FIFO or socket); {what} is written only to a regular file",
            path.display()
        ),
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = dir_of(&real);
            if !dir.is_dir() {
                bail!(
                    "{}: cannot write: the directory {} does not exist",
                    path.display(),
                    dir.display()
                );
            }
            None
        }
        Err(e) => bail!("{}: cannot write: {}", path.display(), plain(&e)),
    };
    let me = identity(&real);
    for p in protected {
        if same_file(&real, &me, &p.path) {
            bail!(
                "{}: is {}; {what} will not overwrite it",
                path.display(),
                p.what
            );
        }
    }
    Ok(Target {
        shown,
        real,
        existing,
    })
}

/// Follow a chain of symbolic links to the path it ends at (which may not
/// exist yet).
fn resolve_links(path: &Path) -> anyhow::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p).map_err(|e| {
                    anyhow::anyhow!("{}: cannot write: {}", path.display(), plain(&e))
                })?;
                p = dir_of(&p).join(to);
            }
            _ => return Ok(p),
        }
    }
    bail!("{}: too many levels of symbolic links", path.display())
}

/// The directory a file is in (`.` for a bare name).
fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A path's identity for comparison: canonical when it exists, else its
/// canonical directory and its name.
fn identity(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    let dir = std::fs::canonicalize(dir_of(path)).unwrap_or_else(|_| dir_of(path));
    match path.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    }
}

/// True when `a` (identity `a_id`) and `b` are the same file: the same
/// canonical path, or (on Unix) the same inode, which also catches hard links.
fn same_file(a: &Path, a_id: &Path, b: &Path) -> bool {
    if identity(b) == a_id {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// A temporary file beside the target, with the mode the result must have.
pub fn temp_for(t: &Target) -> anyhow::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".factcheck-");
    #[cfg(unix)]
    let new_mode = {
        use std::os::unix::fs::PermissionsExt;
        // Passed to open(2), so the umask applies, as for any new file.
        std::fs::Permissions::from_mode(0o666)
    };
    #[cfg(unix)]
    if t.existing.is_none() {
        b.permissions(new_mode);
    }
    let tmp = b
        .tempfile_in(dir_of(&t.real))
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", t.shown.display(), plain(&e)))?;
    if let Some(perm) = &t.existing {
        tmp.as_file()
            .set_permissions(perm.clone())
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", t.shown.display(), plain(&e)))?;
    }
    Ok(tmp)
}

/// Put a finished temporary file in place.
pub fn persist(t: &Target, tmp: tempfile::NamedTempFile) -> anyhow::Result<()> {
    tmp.persist(&t.real)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", t.shown.display(), plain(&e.error)))?;
    Ok(())
}

/// Write `text` to a checked target atomically.
pub fn write(t: &Target, text: &str) -> anyhow::Result<()> {
    let mut tmp = temp_for(t)?;
    tmp.write_all(text.as_bytes())
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", t.shown.display(), plain(&e)))?;
    persist(t, tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_no_temporary_name() {
        let e = std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "No such file at path /x/.factcheck-Ab12",
        );
        assert!(!plain(&e).contains(".factcheck"), "{}", plain(&e));
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(plain(&e), e.to_string());
    }

    #[test]
    fn a_new_file_with_a_missing_directory_is_refused_up_front() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/report.txt");
        let e = target(&p, "the report", false, &[]).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }
}
