//! Input gathering: the articles named on the command line (files, folders
//! walked by `walk.rs`, or explicit `--original`/`--translation` files), read
//! and segmented, and the catalogue the run uses.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::cli::InputArgs;
use factcheck::catalogue::{self, Catalogue};
use factcheck::input::{ReadOptions, read_source_with};
use factcheck::segment::Article;

/// One article to read: a file in the seed layout, or explicit files.
#[derive(Debug, Clone)]
pub enum ArticleInput {
    Layout(PathBuf),
    Explicit {
        original: PathBuf,
        translation: PathBuf,
        summary: Option<PathBuf>,
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
            ArticleInput::Layout(p) => p,
            ArticleInput::Explicit { translation, .. } => translation,
        }
    }

    /// The files the article is read from.
    pub fn paths(&self) -> Vec<&Path> {
        match self {
            ArticleInput::Layout(p) => vec![p.as_path()],
            ArticleInput::Explicit {
                original,
                translation,
                summary,
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
        let read = |p: &Path| read_source_with(p, opts);
        match self {
            ArticleInput::Layout(p) => Ok(Article::from_source(cat, read(p)?)),
            ArticleInput::Explicit {
                original,
                translation,
                summary,
            } => {
                let o = read(original)?;
                let t = read(translation)?;
                let s = summary.as_deref().map(read).transpose()?;
                Ok(Article::from_files(&o, &t, s.as_ref()))
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
    let mut out: Vec<ArticleInput> = super::walk::expand(&args.files, &args.glob, keep)?
        .into_iter()
        .map(ArticleInput::Layout)
        .collect();
    if let (Some(original), Some(translation)) = (&args.original, &args.translation) {
        out.push(ArticleInput::Explicit {
            original: original.clone(),
            translation: translation.clone(),
            summary: args.summary.clone(),
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
