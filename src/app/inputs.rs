//! Input gathering: the articles named on the command line (files, folders
//! walked by `walk.rs`, or explicit `--original`/`--translation` files), read
//! in their format (text, Markdown, HTML, Word) and segmented, and the
//! catalogue the run uses.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::cli::InputArgs;
use factcheck::catalogue::{self, Catalogue};
use factcheck::formats::{self, InputFormat, read_document};
use factcheck::input::ReadOptions;
use factcheck::segment::Article;

/// One article to read: a file in the seed layout, or explicit files, and
/// the format they are read in (`--input-format`).
#[derive(Debug, Clone)]
pub enum ArticleInput {
    Layout(PathBuf, InputFormat),
    Explicit {
        original: PathBuf,
        translation: PathBuf,
        summary: Option<PathBuf>,
        format: InputFormat,
    },
}

impl ArticleInput {
    /// The name a report gives the article.
    pub fn name(&self, opts: &ReadOptions) -> String {
        opts.name(self.main_path())
    }

    /// The file that names the article (the translation of explicit files).
    pub fn main_path(&self) -> &Path {
        match self {
            ArticleInput::Layout(p, _) => p,
            ArticleInput::Explicit { translation, .. } => translation,
        }
    }

    /// The files the article is read from.
    pub fn paths(&self) -> Vec<&Path> {
        match self {
            ArticleInput::Layout(p, _) => vec![p.as_path()],
            ArticleInput::Explicit {
                original,
                translation,
                summary,
                ..
            } => {
                let mut v = vec![original.as_path(), translation.as_path()];
                v.extend(summary.as_deref());
                v
            }
        }
    }

    /// Read and segment the article.
    pub fn read(
        &self,
        cat: &Catalogue,
        opts: &ReadOptions,
    ) -> Result<Article, factcheck::input::InputError> {
        match self {
            ArticleInput::Layout(p, format) => {
                Ok(formats::article(cat, read_document(p, opts, *format)?))
            }
            ArticleInput::Explicit {
                original,
                translation,
                summary,
                format,
            } => {
                let read = |p: &Path| read_document(p, opts, *format);
                let o = read(original)?;
                let t = read(translation)?;
                let s = summary.as_deref().map(read).transpose()?;
                Ok(formats::article_from_files(o, t, s))
            }
        }
    }
}

/// How inputs are read, from the command line.
pub fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        max_size: args.max_size,
        stdin_name: args
            .stdin_filename
            .as_ref()
            .map(|p| p.display().to_string()),
    }
}

/// The articles named on the command line; directories walked, less the
/// files `keep` refuses. Empty when the paths given hold no article (the
/// caller warns); no path at all is an error.
pub fn article_inputs(
    args: &InputArgs,
    keep: &mut dyn FnMut(&Path) -> anyhow::Result<bool>,
) -> anyhow::Result<Vec<ArticleInput>> {
    let format = InputFormat::from(args.input_format);
    let mut out: Vec<ArticleInput> = super::walk::expand(&args.files, &args.glob, keep)?
        .into_iter()
        .map(|p| ArticleInput::Layout(p, format))
        .collect();
    if let (Some(original), Some(translation)) = (&args.original, &args.translation) {
        out.push(ArticleInput::Explicit {
            original: original.clone(),
            translation: translation.clone(),
            summary: args.summary.clone(),
            format,
        });
    }
    if args.files.is_empty() && args.original.is_none() {
        anyhow::bail!(
            "no input: give an article FILE (or `-` for standard input), or --original and --translation"
        );
    }
    let stdin_uses = out
        .iter()
        .flat_map(ArticleInput::paths)
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        anyhow::bail!("standard input (`-`) can be read only once");
    }
    Ok(out)
}

/// Load the catalogue once for the whole run, extended by these directories.
pub fn load_catalogue(dirs: &[PathBuf]) -> anyhow::Result<CatalogueRef> {
    if dirs.is_empty() {
        return Ok(CatalogueRef::Builtin(catalogue::builtin()));
    }
    Ok(CatalogueRef::Owned(Box::new(
        catalogue::load(dirs).context("bad catalogue")?,
    )))
}

/// The built-in catalogue, or one loaded with `--claims`.
pub enum CatalogueRef {
    Builtin(&'static Catalogue),
    Owned(Box<Catalogue>),
}

impl std::ops::Deref for CatalogueRef {
    type Target = Catalogue;
    fn deref(&self) -> &Catalogue {
        match self {
            CatalogueRef::Builtin(c) => c,
            CatalogueRef::Owned(c) => c,
        }
    }
}
