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

/// Where a streamed report goes: standard output, or a file replaced
/// atomically when the report is complete.
pub enum Sink {
    Stdout {
        out: std::io::BufWriter<std::io::Stdout>,
        /// The reader went away (`| head`): the rest is dropped silently.
        closed: bool,
    },
    File {
        path: PathBuf,
        tmp: std::io::BufWriter<tempfile::NamedTempFile>,
    },
}

impl Sink {
    pub fn new(path: Option<&Path>) -> anyhow::Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink::Stdout {
                out: std::io::BufWriter::new(std::io::stdout()),
                closed: false,
            });
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(Sink::File {
            path: path.to_path_buf(),
            tmp: std::io::BufWriter::new(tmp),
        })
    }

    pub fn write(&mut self, text: &str) -> anyhow::Result<()> {
        match self {
            Sink::Stdout { out, closed } => {
                if *closed {
                    return Ok(());
                }
                match out.write_all(text.as_bytes()) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        *closed = true;
                        Ok(())
                    }
                    r => r.context("cannot write to standard output"),
                }
            }
            Sink::File { path, tmp } => tmp
                .write_all(text.as_bytes())
                .with_context(|| format!("{}: cannot write", path.display())),
        }
    }

    /// Flush the report, and put a file report in place.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout { mut out, closed } => match out.flush() {
                Err(e) if closed || e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            },
            Sink::File { path, tmp } => {
                let tmp = tmp.into_inner().map_err(|e| {
                    anyhow::anyhow!("{}: cannot write: {}", path.display(), e.error())
                })?;
                tmp.persist(&path).map_err(|e| {
                    anyhow::anyhow!("{}: cannot write: {}", path.display(), e.error)
                })?;
                Ok(())
            }
        }
    }
}
