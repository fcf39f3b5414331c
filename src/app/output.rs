//! Output: standard output and standard error that never fail on a closed
//! pipe, and report files written atomically (checked by `safe_write.rs`).

use std::io::Write;

use anyhow::Context;

use super::safe_write::{self, Target};

/// Write one line to standard error, sanitised (no control or bidi
/// character from a file name, article, configuration or catalogue reaches
/// the terminal raw); a closed or full stderr is ignored (there is nowhere
/// left to report it).
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr(), "{}", factcheck::render::sanitize(line));
}

/// Write to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
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
        target: Target,
        tmp: std::io::BufWriter<tempfile::NamedTempFile>,
    },
}

impl Sink {
    /// Standard output, or a checked file (`safe_write::target`).
    pub fn new(target: Option<Target>) -> anyhow::Result<Sink> {
        let Some(target) = target else {
            return Ok(Sink::Stdout {
                out: std::io::BufWriter::new(std::io::stdout()),
                closed: false,
            });
        };
        let tmp = safe_write::temp_for(&target)?;
        Ok(Sink::File {
            target,
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
            Sink::File { target, tmp } => tmp.write_all(text.as_bytes()).map_err(|e| {
                anyhow::anyhow!(
                    "{}: cannot write: {}",
                    target.shown.display(),
                    safe_write::plain(&e)
                )
            }),
        }
    }

    /// Flush the report, and put a file report in place.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout { mut out, closed } => match out.flush() {
                Err(e) if closed || e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            },
            Sink::File { target, tmp } => {
                let tmp = tmp.into_inner().map_err(|e| {
                    anyhow::anyhow!(
                        "{}: cannot write: {}",
                        target.shown.display(),
                        safe_write::plain(e.error())
                    )
                })?;
                safe_write::persist(&target, tmp)
            }
        }
    }
}
