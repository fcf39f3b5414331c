//! `--format json`: the stable contract documented in the README.

use serde::Serialize;

use super::Report;
use crate::diagnostic::Location;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    totals: Totals,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    error: Option<&'a str>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    target: Option<&'a Location>,
    source: Option<&'a Location>,
}

#[derive(Serialize)]
struct Totals {
    files: usize,
    error: usize,
    warning: usize,
    info: usize,
}

pub fn render(report: &Report) -> String {
    let (error, warning, info) = report.totals();
    let doc = JsonReport {
        version: 1,
        files: report
            .files
            .iter()
            .map(|f| JsonFile {
                path: &f.path,
                error: f.error.as_deref(),
                findings: f
                    .findings
                    .iter()
                    .map(|x| JsonFinding {
                        code: x.code.name(),
                        severity: x.severity.name(),
                        message: &x.message,
                        target: x.target.as_ref(),
                        source: x.source.as_ref(),
                    })
                    .collect(),
            })
            .collect(),
        totals: Totals {
            files: report.files.len(),
            error,
            warning,
            info,
        },
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
