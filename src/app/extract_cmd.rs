//! `factcheck extract FILE…`: every claim of both languages, without
//! comparing them.

use std::process::ExitCode;

use super::cli::{ExtractArgs, ExtractFormat};
use super::inputs::{article_inputs, load_catalogue};
use super::output::{emit, warn};
use super::walk::Excludes;
use factcheck::extract::extract_article;
use factcheck::render::claims::{self as claims_out, ClaimRecord, ExtractReport, FileClaims};

/// Extract and render the claims of every input; exit 2 when one could not be read.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let cat = load_catalogue(args.input.claims.as_slice())?;
    let inputs = article_inputs(&args.input, &Excludes::default())?;
    let mut files = Vec::new();
    let mut failed = false;
    for input in &inputs {
        let name = input.name();
        match input.read(&cat) {
            Ok(article) => {
                let claims = extract_article(&cat, &article);
                let records = claims_out::sorted(&claims)
                    .into_iter()
                    .map(|c| ClaimRecord::new(c, &article.parts[c.part].path))
                    .collect();
                files.push(FileClaims {
                    path: name,
                    error: None,
                    claims: records,
                });
            }
            Err(e) => {
                failed = true;
                if args.format == ExtractFormat::Human {
                    warn(&format!("factcheck: {e}"));
                }
                files.push(FileClaims {
                    path: name,
                    error: Some(e.to_string()),
                    claims: Vec::new(),
                });
            }
        }
    }
    let report = ExtractReport { version: 1, files };
    let text = match args.format {
        ExtractFormat::Human => claims_out::human(&report),
        ExtractFormat::Json => claims_out::json(&report),
        ExtractFormat::Yaml => claims_out::yaml(&report),
    };
    emit(&text)?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
