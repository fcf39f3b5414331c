//! The formats articles arrive in: plain text in the seed layout, Markdown,
//! HTML and Word (.docx). Each is turned into the seed layout's lines (one
//! block a line, list items as bullets) with an `Origin` that takes every
//! position back to the file as written — line and column for Markdown and
//! HTML, paragraph and character offset for a .docx — so the rest of the
//! pipeline reads text alone. Chosen by extension, or by `--input-format`.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod origin;

use std::path::Path;
use std::sync::Arc;

pub use origin::{Origin, ParagraphSpan, Placed, Unit};

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
    let format = format.of(named);
    let converted = |source: Source, conv: Result<(String, Origin), FormatError>| {
        let (text, origin) = conv.map_err(|e| InputError::Format {
            path: source.name.clone(),
            source: e,
        })?;
        Ok(Document {
            source: Source {
                name: source.name,
                text,
            },
            origin: Some(Arc::new(origin)),
        })
    };
    match format {
        InputFormat::Auto | InputFormat::Text => Ok(Document {
            source: read_source_with(path, opts)?,
            origin: None,
        }),
        InputFormat::Markdown => {
            let s = read_source_with(path, opts)?;
            let conv = Ok(markdown::convert(&s.text));
            converted(s, conv)
        }
        InputFormat::Html => {
            let s = read_source_with(path, opts)?;
            let conv = html::convert(&s.text);
            converted(s, conv)
        }
        InputFormat::Docx => {
            let (name, bytes) = read_bytes_with(path, opts)?;
            let conv = docx::convert(&bytes, opts.max_size);
            converted(
                Source {
                    name,
                    text: String::new(),
                },
                conv,
            )
        }
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
}
