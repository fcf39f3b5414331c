//! Reading an input file into text: the only place that touches raw bytes.
//!
//! Owns decoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM), the clear
//! errors for what cannot be decoded (invalid UTF-8 with its byte offset, NUL
//! bytes of a binary file), and reading `-` from standard input. Files are only
//! ever opened for reading.

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

/// Read and decode one input. `-` reads standard input.
pub fn read_source(path: &Path) -> Result<Source, InputError> {
    let name = display_name(path);
    let bytes = if is_stdin(path) {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|source| InputError::Io {
                path: name.clone(),
                source,
            })?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|source| InputError::Io {
            path: name.clone(),
            source,
        })?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory { path: name });
        }
        if !meta.is_file() {
            // A FIFO would block forever waiting for a writer; refuse it.
            return Err(InputError::NotRegular { path: name });
        }
        std::fs::read(path).map_err(|source| InputError::Io {
            path: name.clone(),
            source,
        })?
    };
    let text = decode_owned(bytes, &name)?;
    Ok(Source { name, text })
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
    fn odd_utf16_is_an_error() {
        assert!(decode(&[0xFF, 0xFE, 0x41], "f").is_err());
    }
}
