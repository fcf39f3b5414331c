//! The formats articles arrive in: plain text in the seed layout, Markdown,
//! HTML and Word (.docx). Each is turned into the seed layout's lines (one
//! block a line, list items as bullets) with an `Origin` that takes every
//! position back to the file as written — line and column for Markdown and
//! HTML, paragraph and character offset for a .docx — so the rest of the
//! pipeline reads text alone. Chosen by extension, or by `--input-format`.

pub mod docx;
pub mod html;
pub mod markdown;

use std::path::Path;
use std::sync::Arc;

pub use crate::input::FormatError;
pub use crate::origin::{Origin, ParagraphSpan, Placed, Unit};

use crate::catalogue::Catalogue;
use crate::input::{InputError, ReadOptions, Size, Source, read_bytes_with, read_source_with};
use crate::segment::Article;

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By the file's extension (standard input: `--stdin-filename`'s), text
    /// when it names no other format.
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
    Docx,
}

/// The extensions each format is chosen by (and directories are walked for).
pub const EXTENSIONS: &[(&str, InputFormat)] = &[
    ("txt", InputFormat::Text),
    ("md", InputFormat::Markdown),
    ("markdown", InputFormat::Markdown),
    ("html", InputFormat::Html),
    ("htm", InputFormat::Html),
    ("docx", InputFormat::Docx),
];

impl InputFormat {
    /// The format of a path: this one, or with `Auto` the extension's.
    pub fn of(self, path: &Path) -> InputFormat {
        if self != InputFormat::Auto {
            return self;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        EXTENSIONS
            .iter()
            .find(|(e, _)| *e == ext)
            .map_or(InputFormat::Text, |&(_, f)| f)
    }
}

/// An input read and converted: its text in the seed layout, and the way
/// back to the file as written (none for plain text).
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    pub origin: Option<Arc<Origin>>,
}

/// Read one input in `format` (`Auto`: by its extension, standard input by
/// `--stdin-filename`'s). Files of every format share the size limit; a
/// .docx's `word/document.xml` is held to it too once decompressed.
pub fn read_document(
    path: &Path,
    opts: &ReadOptions,
    format: InputFormat,
) -> Result<Document, InputError> {
    let named = match (&opts.stdin_name, crate::input::is_stdin(path)) {
        (Some(n), true) => Path::new(n.as_str()),
        _ => path,
    };
    match format.of(named) {
        InputFormat::Docx => {
            let (name, bytes) = read_bytes_with(path, opts)?;
            from_docx(name, &bytes, opts.max_size)
        }
        format => from_text(read_source_with(path, opts)?, format),
    }
}

/// A decoded input read in a text format: Markdown and HTML converted, text
/// (and `Auto`, `Docx`) as it is.
pub fn from_text(source: Source, format: InputFormat) -> Result<Document, InputError> {
    let converted = match format {
        InputFormat::Markdown => Ok(markdown::convert(&source.text)),
        InputFormat::Html => html::convert(&source.text),
        _ => {
            return Ok(Document {
                source,
                origin: None,
            });
        }
    };
    document(source.name, converted)
}

/// The bytes of a .docx converted; its `word/document.xml` at most `limit`
/// bytes once decompressed.
pub fn from_docx(name: String, bytes: &[u8], limit: Size) -> Result<Document, InputError> {
    document(name, docx::convert(bytes, limit))
}

fn document(
    name: String,
    converted: Result<(String, Origin), FormatError>,
) -> Result<Document, InputError> {
    match converted {
        Ok((text, origin)) => Ok(Document {
            source: Source { name, text },
            origin: Some(Arc::new(origin)),
        }),
        Err(source) => Err(InputError::Format { path: name, source }),
    }
}

/// Segment a document in the seed layout.
pub fn article(cat: &Catalogue, doc: Document) -> Article {
    let mut article = Article::from_source(cat, doc.source);
    article.parts[0].origin = doc.origin;
    article
}

/// Build an article from explicit documents (`--original`, `--translation`,
/// `--summary`), each in its own format.
pub fn article_from_files(
    original: Document,
    translation: Document,
    summary: Option<Document>,
) -> Article {
    let mut article = Article::from_files(
        &original.source,
        &translation.source,
        summary.as_ref().map(|s| &s.source),
    );
    // Parts are the summary (when given), the translation, the original.
    let origins = summary
        .map(|s| s.origin)
        .into_iter()
        .chain([translation.origin, original.origin]);
    for (part, origin) in article.parts.iter_mut().zip(origins) {
        part.origin = origin;
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let f = |p: &str| InputFormat::Auto.of(Path::new(p));
        assert_eq!(f("a.txt"), InputFormat::Text);
        assert_eq!(f("a.MD"), InputFormat::Markdown);
        assert_eq!(f("dir/a.htm"), InputFormat::Html);
        assert_eq!(f("a.docx"), InputFormat::Docx);
        assert_eq!(f("-"), InputFormat::Text);
        assert_eq!(f("noext"), InputFormat::Text);
        assert_eq!(InputFormat::Html.of(Path::new("a.txt")), InputFormat::Html);
    }

    /// Every place a converted line maps to lies in the file as written.
    fn assert_mapped(doc: &Document) {
        let Some(o) = &doc.origin else { return };
        for (i, line) in doc.source.text.lines().enumerate() {
            let n = line.chars().count();
            for col in 1..=n {
                let p = o.place(i + 1, col, col + 1).expect("every char is mapped");
                let quoted = o.quoted(p.line).expect("the line exists");
                assert!(p.column <= quoted.chars().count() + 1, "{p:?} {quoted:?}");
            }
        }
    }

    /// A small fuzz without cargo-fuzz: the demo article in each format,
    /// cut short at many points and with bytes changed, converts or fails
    /// with an error, never a panic, and maps every character back.
    #[test]
    fn damaged_files_never_panic() {
        let files: [(&[u8], InputFormat); 3] = [
            (
                include_bytes!("../../examples/vietnam-ev-battery.md"),
                InputFormat::Markdown,
            ),
            (
                include_bytes!("../../examples/vietnam-ev-battery.html"),
                InputFormat::Html,
            ),
            (
                include_bytes!("../../examples/vietnam-ev-battery.docx"),
                InputFormat::Docx,
            ),
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for (bytes, format) in files {
            let mut cases: Vec<Vec<u8>> = (0..bytes.len())
                .step_by(bytes.len() / 97 + 1)
                .map(|k| bytes[..k].to_vec())
                .collect();
            for _ in 0..150 {
                let mut b = bytes.to_vec();
                for _ in 0..1 + next() % 4 {
                    let at = (next() % b.len() as u64) as usize;
                    b[at] = b"<>&;/\"=!-*[]()#\n\x00\xff"[(next() % 16) as usize];
                }
                cases.push(b);
            }
            for b in cases {
                let doc = match format {
                    InputFormat::Docx => from_docx("f".into(), &b, Size(1 << 20)),
                    f => match crate::input::decode(&b, "f") {
                        Ok(text) => from_text(
                            Source {
                                name: "f".into(),
                                text,
                            },
                            f,
                        ),
                        Err(_) => continue,
                    },
                };
                match doc {
                    Ok(doc) => assert_mapped(&doc),
                    Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
                }
            }
        }
    }
}
