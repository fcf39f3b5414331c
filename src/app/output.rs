//! Output: standard output and standard error that never fail on a closed
//! pipe, and files written atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Write one line to standard error; a closed or full stderr is ignored
/// (there is nowhere left to report it).
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Write to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

/// Write a file through a temporary file in the same directory and a rename,
/// so a reader never sees half a report.
pub fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.write_all(text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", path.display(), e.error))?;
    Ok(())
}
