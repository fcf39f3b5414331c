//! `factcheck extract FILE…`: every claim of both languages, without
//! comparing them.

use std::process::ExitCode;

use super::cli::{ExtractArgs, ExtractFormat};
use super::inputs::{article_inputs, load_catalogue, read_options};
use super::output::{emit, warn};
use factcheck::extract::extract_article;
use factcheck::render::claims::{self as claims_out, ClaimRecord, ExtractReport, FileClaims};

/// Extract and render the claims of every input; exit 2 when one could not be read.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let cat = load_catalogue(args.input.claims.as_slice())?;
    let opts = read_options(&args.input);
    let inputs = article_inputs(&args.input, &mut |_| Ok(true))?;
    if inputs.is_empty() {
        warn("warning: no article files found under the given paths; nothing to extract");
    }
    let mut files = Vec::new();
    let mut failed = false;
    for input in &inputs {
        let name = input.name(&opts);
        match input.read(&cat, &opts) {
            Ok(article) => {
                let claims = extract_article(&cat, &article);
                let records = claims_out::sorted(&claims)
                    .into_iter()
                    .map(|c| {
                        let part = &article.parts[c.part];
                        ClaimRecord::new(c, &part.path).at(part.place(
                            c.line,
                            c.column,
                            c.end_column,
                        ))
                    })
                    .collect();
                files.push(FileClaims {
                    path: name,
                    error: None,
                    claims: records,
                });
            }
            Err(e) => {
                failed = true;
                warn(&format!("error: {e}"));
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
