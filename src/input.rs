//! Reading an input file into text: the only place that touches raw bytes.
//!
//! Owns decoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM), the clear
//! errors for what cannot be decoded (invalid UTF-8 with its byte offset, NUL
//! bytes of a binary file), the size limit shared by files and standard input
//! (`--max-size`), and reading `-` from standard input. Every read is bounded
//! and stops at the first NUL byte; files are only ever opened for reading.

use std::io::Read;
use std::path::Path;

/// Why an input could not be turned into text. Each variant renders as a
/// one-line message naming the file, ready for the command line.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a file")]
    IsDirectory { path: String },
    #[error("{path}: not a regular file (a FIFO, socket or device)")]
    NotRegular { path: String },
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: invalid UTF-16 at byte offset {offset}")]
    InvalidUtf16 { path: String, offset: usize },
    #[error("{path}: binary file (NUL byte at offset {offset}), expected text")]
    Binary { path: String, offset: usize },
    #[error("{path}: larger than the limit of {limit} (--max-size)")]
    TooLarge { path: String, limit: Size },
    /// A Markdown, HTML or Word file that could not be converted.
    #[error("{path}: {source}")]
    Format {
        path: String,
        #[source]
        source: FormatError,
    },
}

/// Why a Markdown, HTML or Word file could not be read. One line each.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("not a Word document (.docx): {0}")]
    NotZip(String),
    #[error("not a Word document (.docx): word/document.xml is missing")]
    NoDocument,
    #[error("word/document.xml: cannot read: {0}")]
    Zip(String),
    #[error("word/document.xml is larger than the limit of {0} once decompressed (--max-size)")]
    TooLarge(Size),
    #[error("word/document.xml: bad XML at byte {offset}: {message}")]
    BadXml { offset: u64, message: String },
    #[error("malformed HTML: the file ends inside {what} opened at line {line}, column {column}")]
    Html {
        what: String,
        line: usize,
        column: usize,
    },
}

/// A size in bytes, shown the way a person writes it (100 MB, 64 KiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size(pub u64);

impl Size {
    /// Parse `100MB`, `10M`, `64KiB`, `1G`, `5000` (bytes). Decimal units are
    /// powers of 1000, binary ones (KiB, MiB, GiB) powers of 1024.
    pub fn parse(s: &str) -> Result<Size, String> {
        let t = s.trim();
        let split = t
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        if num.is_empty() {
            return Err(format!("{s:?} is not a size (e.g. 100MB)"));
        }
        let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "k" | "kb" => 1000,
            "m" | "mb" => 1000 * 1000,
            "g" | "gb" => 1000 * 1000 * 1000,
            "kib" => 1 << 10,
            "mib" => 1 << 20,
            "gib" => 1 << 30,
            _ => {
                return Err(format!(
                    "unknown unit in {s:?} (use B, KB, MB, GB, KiB, MiB or GiB)"
                ));
            }
        };
        let n: f64 = num
            .parse()
            .map_err(|_| format!("{s:?} is not a size (e.g. 100MB)"))?;
        let bytes = n * mult as f64;
        if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
            return Err(format!("{s:?} is not a usable size"));
        }
        Ok(Size(bytes as u64))
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let units = [
            (1u64 << 30, "GiB"),
            (1 << 20, "MiB"),
            (1 << 10, "KiB"),
            (1_000_000_000, "GB"),
            (1_000_000, "MB"),
            (1000, "KB"),
        ];
        for (n, name) in units {
            if self.0 >= n && self.0.is_multiple_of(n) {
                return write!(f, "{} {name}", self.0 / n);
            }
        }
        write!(f, "{} bytes", self.0)
    }
}

/// How inputs are read: the size limit, and the name standard input is
/// reported under (`--stdin-filename`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    pub max_size: Size,
    pub stdin_name: Option<String>,
}

/// The default limit on one input: 100 MB.
pub const DEFAULT_MAX_SIZE: Size = Size(100 * 1000 * 1000);

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_size: DEFAULT_MAX_SIZE,
            stdin_name: None,
        }
    }
}

impl ReadOptions {
    /// The name a report shows for a path (`--stdin-filename` for `-`).
    pub fn name(&self, path: &Path) -> String {
        match (&self.stdin_name, is_stdin(path)) {
            (Some(n), true) => n.clone(),
            _ => display_name(path),
        }
    }
}

/// One input as the user named it, with its decoded text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in reports: the path as given, or `<stdin>`.
    pub name: String,
    /// The decoded text, exactly as written (no normalisation yet, BOM removed).
    pub text: String,
}

/// Where an input comes from: a path, or standard input for `-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read and decode one input with the default limit. `-` reads standard input.
pub fn read_source(path: &Path) -> Result<Source, InputError> {
    read_source_with(path, &ReadOptions::default())
}

/// Read and decode one input. `-` reads standard input; a file must be a
/// regular file. Both stop at the size limit and at the first NUL byte.
pub fn read_source_with(path: &Path, opts: &ReadOptions) -> Result<Source, InputError> {
    let (name, bytes) = read_raw(path, opts, true)?;
    let text = decode_owned(bytes, &name)?;
    Ok(Source { name, text })
}

/// Read one input's bytes (a binary format: NUL bytes allowed), with the
/// size limit; its name as reported, and its bytes.
pub fn read_bytes_with(path: &Path, opts: &ReadOptions) -> Result<(String, Vec<u8>), InputError> {
    read_raw(path, opts, false)
}

fn read_raw(path: &Path, opts: &ReadOptions, text: bool) -> Result<(String, Vec<u8>), InputError> {
    let name = opts.name(path);
    let io = |source| InputError::Io {
        path: name.clone(),
        source,
    };
    let bytes = if is_stdin(path) {
        read_limited(std::io::stdin().lock(), &name, opts.max_size, 0, text)?
    } else {
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory { path: name });
        }
        if !meta.is_file() {
            // A FIFO would block forever waiting for a writer; refuse it.
            return Err(InputError::NotRegular { path: name });
        }
        if meta.len() > opts.max_size.0 {
            return Err(InputError::TooLarge {
                path: name,
                limit: opts.max_size,
            });
        }
        let file = std::fs::File::open(path).map_err(io)?;
        read_limited(file, &name, opts.max_size, meta.len(), text)?
    };
    Ok((name, bytes))
}

/// Read at most `limit` bytes (more is an error), stopping at the first NUL
/// byte of a file that is not UTF-16: neither `/dev/zero` on standard input
/// nor a file that grows while it is read can take more than the limit.
/// `expected` is the size the reader announces (a file's length), if any.
pub fn read_bounded(
    reader: impl Read,
    name: &str,
    limit: Size,
    expected: u64,
) -> Result<Vec<u8>, InputError> {
    read_limited(reader, name, limit, expected, true)
}

/// `read_bounded`, stopping at a NUL byte only when `text` is expected.
fn read_limited(
    reader: impl Read,
    name: &str,
    limit: Size,
    expected: u64,
    text: bool,
) -> Result<Vec<u8>, InputError> {
    let mut reader = reader.take(limit.0.saturating_add(1));
    let mut buf = Vec::with_capacity(expected.min(limit.0) as usize + 1);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut scanned = 0;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(InputError::Io {
                    path: name.to_string(),
                    source,
                });
            }
        };
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() as u64 > limit.0 {
            return Err(InputError::TooLarge {
                path: name.to_string(),
                limit,
            });
        }
        // UTF-16 holds NUL bytes; its decoder finds a NUL character itself.
        if text
            && buf.len() >= 2
            && !buf.starts_with(&[0xFF, 0xFE])
            && !buf.starts_with(&[0xFE, 0xFF])
        {
            if let Some(i) = memchr::memchr(0, &buf[scanned..]) {
                return Err(InputError::Binary {
                    path: name.to_string(),
                    offset: scanned + i,
                });
            }
            scanned = buf.len();
        }
    }
    Ok(buf)
}

/// The name a report shows for a path.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Decode bytes: UTF-16 when a UTF-16 BOM says so, otherwise UTF-8 (BOM optional).
pub fn decode(bytes: &[u8], name: &str) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, name, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, name, u16::from_be_bytes);
    }
    let (body, bom_len) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if let Some(offset) = memchr::memchr(0, body) {
        return Err(InputError::Binary {
            path: name.to_string(),
            offset: offset + bom_len,
        });
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(InputError::InvalidUtf8 {
            path: name.to_string(),
            offset: e.valid_up_to() + bom_len,
        }),
    }
}

/// `decode`, keeping the bytes as the text's buffer when they are UTF-8.
pub fn decode_owned(mut bytes: Vec<u8>, name: &str) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode(&bytes, name);
    }
    let bom_len = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        3
    } else {
        0
    };
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(InputError::Binary {
            path: name.to_string(),
            offset: offset + bom_len,
        });
    }
    // Validated with SIMD (the standard library's check costs several times
    // more on Vietnamese text); the standard library finds where an error is.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `simdutf8` has just checked that the bytes are UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    Err(InputError::InvalidUtf8 {
        path: name.to_string(),
        offset: std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |s| s.len()) + bom_len,
    })
}

fn decode_utf16(body: &[u8], name: &str, unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if !body.len().is_multiple_of(2) {
        return Err(InputError::InvalidUtf16 {
            path: name.to_string(),
            offset: body.len() + 1,
        });
    }
    let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(body.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok('\0') => {
                return Err(InputError::Binary {
                    path: name.to_string(),
                    offset: 2 + 2 * i,
                });
            }
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(InputError::InvalidUtf16 {
                    path: name.to_string(),
                    offset: 2 + 2 * i,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes(), "f").unwrap(), "héllo");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("tỷ".as_bytes());
        assert_eq!(decode(&b, "f").unwrap(), "tỷ");
    }

    #[test]
    fn utf16_both_orders() {
        let s = "6.000 tỷ USD";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, "f").unwrap(), s);
        assert_eq!(decode(&be, "f").unwrap(), s);
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let b = b"abc\xFFdef";
        let e = decode(b, "a.txt").unwrap_err();
        assert_eq!(e.to_string(), "a.txt: invalid UTF-8 at byte offset 3");
    }

    /// Reading into the file's own buffer says what `decode` says.
    #[test]
    fn owned_decoding_agrees() {
        let cases: [&[u8]; 7] = [
            "héllo".as_bytes(),
            b"\xEF\xBB\xBFt\xE1\xBB\xB7",
            b"abc\xFFdef",
            b"\xEF\xBB\xBFab\0c",
            b"ab\0\xFF",
            &[0xFF, 0xFE, 0x41, 0x00],
            b"",
        ];
        for b in cases {
            let (a, o) = (decode(b, "f"), decode_owned(b.to_vec(), "f"));
            assert_eq!(
                a.as_ref().map_err(ToString::to_string),
                o.as_ref().map_err(ToString::to_string)
            );
        }
    }

    #[test]
    fn nul_bytes_are_binary() {
        let e = decode(b"ab\0cd", "x.bin").unwrap_err();
        assert!(e.to_string().contains("binary file"));
    }

    #[test]
    fn reads_are_bounded_and_stop_at_a_nul() {
        let e = read_bounded(std::io::repeat(b'a'), "<stdin>", Size(1000), 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "<stdin>: larger than the limit of 1 KB (--max-size)"
        );
        // /dev/zero: refused at the first chunk, not at the limit.
        let e = read_bounded(std::io::repeat(0), "<stdin>", Size(u64::MAX - 1), 0).unwrap_err();
        assert!(matches!(e, InputError::Binary { offset: 0, .. }), "{e}");
        let mut b = vec![b'x'; 100_000];
        b[70_000] = 0;
        let e = read_bounded(&b[..], "f", DEFAULT_MAX_SIZE, 0).unwrap_err();
        assert!(
            matches!(e, InputError::Binary { offset: 70_000, .. }),
            "{e}"
        );
        let le = [0xFF, 0xFE, 0x41, 0x00];
        assert_eq!(read_bounded(&le[..], "f", Size(4), 4).unwrap(), le);
        assert!(read_bounded(&le[..], "f", Size(3), 4).is_err());
    }

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(Size::parse("100MB").unwrap(), DEFAULT_MAX_SIZE);
        assert_eq!(Size::parse("64KiB").unwrap(), Size(65536));
        assert_eq!(Size::parse("1.5k").unwrap(), Size(1500));
        assert_eq!(Size::parse("12").unwrap(), Size(12));
        assert!(Size::parse("0").is_err());
        assert!(Size::parse("ten").is_err());
        assert!(Size::parse("5 parsecs").is_err());
        assert_eq!(DEFAULT_MAX_SIZE.to_string(), "100 MB");
        assert_eq!(Size(2 << 20).to_string(), "2 MiB");
        assert_eq!(Size(1234).to_string(), "1234 bytes");
    }

    #[test]
    fn odd_utf16_is_an_error() {
        assert!(decode(&[0xFF, 0xFE, 0x41], "f").is_err());
    }
}
