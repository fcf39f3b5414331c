//! `--format json`: the stable contract documented in the README, written a
//! file at a time: each file's object is pretty-printed on its own and
//! indented into the `files` array, byte for byte what printing the whole
//! document at once gives.

use serde::Serialize;

use super::{FileReport, Renderer, Totals};
use crate::diagnostic::Location;

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
    /// The correction, when one can be computed: the original's figure
    /// written the Vietnamese way, to replace the target's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonTotals {
    files: usize,
    error: usize,
    warning: usize,
    info: usize,
}

/// The JSON renderer: the head with the first file, a comma before each
/// other, the totals at the end.
#[derive(Default)]
pub struct Json {
    started: bool,
}

/// Pretty JSON of `v`, its lines after the first indented by `by` spaces.
fn pretty_at<T: Serialize>(v: &T, by: usize) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_default();
    let pad = " ".repeat(by);
    s.replace('\n', &format!("\n{pad}"))
}

impl Renderer for Json {
    fn file(&mut self, f: &FileReport) -> String {
        let doc = JsonFile {
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
                    suggestion: x.suggestion.as_deref(),
                })
                .collect(),
        };
        let head = if self.started {
            ",\n    "
        } else {
            "{\n  \"version\": 1,\n  \"files\": [\n    "
        };
        self.started = true;
        format!("{head}{}", pretty_at(&doc, 4))
    }

    fn finish(&mut self, t: &Totals) -> String {
        let totals = JsonTotals {
            files: t.files,
            error: t.error,
            warning: t.warning,
            info: t.info,
        };
        let files = if self.started {
            "\n  ]"
        } else {
            "{\n  \"version\": 1,\n  \"files\": []"
        };
        format!("{files},\n  \"totals\": {}\n}}\n", pretty_at(&totals, 2))
    }
}
