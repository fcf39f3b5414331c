//! Input gathering: the articles named on the command line (files, folders
//! walked by `walk.rs`, or explicit `--original`/`--translation` files), read
//! and segmented, and the catalogue the run uses.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::cli::InputArgs;
use super::walk::Excludes;
use factcheck::catalogue::{self, Catalogue};
use factcheck::input::{display_name, read_source};
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
    pub fn name(&self) -> String {
        match self {
            ArticleInput::Layout(p) => display_name(p),
            ArticleInput::Explicit { translation, .. } => display_name(translation),
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
    pub fn read(&self, cat: &Catalogue) -> Result<Article, factcheck::input::InputError> {
        match self {
            ArticleInput::Layout(p) => Ok(Article::from_source(cat, read_source(p)?)),
            ArticleInput::Explicit {
                original,
                translation,
                summary,
            } => {
                let o = read_source(original)?;
                let t = read_source(translation)?;
                let s = summary.as_deref().map(read_source).transpose()?;
                Ok(Article::from_files(&o, &t, s.as_ref()))
            }
        }
    }
}

/// The articles named on the command line.
pub fn article_inputs(args: &InputArgs, excludes: &Excludes) -> anyhow::Result<Vec<ArticleInput>> {
    let mut out: Vec<ArticleInput> = super::walk::expand(&args.files, &args.glob, excludes)?
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
    if out.is_empty() {
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
