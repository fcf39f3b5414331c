//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run;
//! `tool.driver.rules` lists every code with its description and default
//! level; each result has the Vietnamese location as its primary location and
//! the English one as a related location; columns count Unicode code points.

use serde_json::{Value, json};

use super::{FileReport, Renderer, Totals, sanitize};
use crate::diagnostic::{CODES, Location, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a relative URI reference: forward slashes, and the
/// characters a URI cannot carry percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn location(l: &Location, id: Option<usize>) -> Value {
    let mut v = match &l.paragraph {
        Some(p) => paragraph_location(l, p),
        None => line_location(l),
    };
    if let Some(id) = id {
        v["id"] = json!(id);
    }
    v
}

/// A place in a .docx, which has no lines: the file, and the paragraph as a
/// logical location (its offsets in `properties`).
fn paragraph_location(l: &Location, p: &crate::origin::ParagraphSpan) -> Value {
    json!({
        "physicalLocation": {"artifactLocation": {"uri": uri(&l.path)}},
        "logicalLocations": [{
            "name": l.place(),
            "fullyQualifiedName": format!("paragraph {}, characters {}-{}", p.paragraph, p.offset, p.end_offset),
            "kind": "element",
        }],
        "message": {"text": format!("{} ({}): {}", l.section, l.lang, l.text)},
        "properties": {"paragraph": p.paragraph, "offset": p.offset, "endOffset": p.end_offset},
    })
}

fn line_location(l: &Location) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&l.path)},
            "region": {
                "startLine": l.line,
                "startColumn": l.column,
                "endLine": l.end_line,
                "endColumn": l.end_column,
                "snippet": {"text": l.text},
            }
        },
        "message": {"text": format!("{} ({})", l.section, l.lang)},
    })
}

/// The SARIF renderer: one document, written as it goes: the tool and its
/// rules first, each result as its file is checked, the invocation (which
/// says whether every file could be read) last.
#[derive(Default)]
pub struct Sarif {
    results: usize,
    notifications: Vec<Value>,
}

/// Pretty JSON of `v`, its lines after the first indented by `by` spaces.
fn pretty_at(v: &Value, by: usize) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.replace('\n', &format!("\n{}", " ".repeat(by)))
}

fn rules() -> Value {
    let rules: Vec<Value> = CODES
        .iter()
        .map(|d| {
            json!({
                "id": d.name,
                "name": d.name,
                "shortDescription": {"text": d.what},
                "fullDescription": {"text": format!("{} {}", d.what, d.why)},
                "help": {"text": format!("{}\nExample: \"{}\" → \"{}\" (better: \"{}\").", d.why, d.bad_en, d.bad_vi, d.good_vi)},
                "defaultConfiguration": {"level": level(d.severity)},
            })
        })
        .collect();
    json!({"driver": {
        "name": "factcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/factcheck/factcheck",
        "rules": rules,
    }})
}

fn head() -> String {
    format!(
        "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        pretty_at(&rules(), 6)
    )
}

/// A SARIF fix replacing the target's span with the suggestion.
fn fixes(t: &Location, fix: &str) -> serde_json::Value {
    json!([{
        "description": {"text": format!("write \"{}\"", sanitize(fix))},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri(&t.path)},
            "replacements": [{
                "deletedRegion": {
                    "startLine": t.line,
                    "startColumn": t.column,
                    "endLine": t.end_line,
                    "endColumn": t.end_column,
                },
                "insertedContent": {"text": fix},
            }],
        }],
    }])
}

impl Renderer for Sarif {
    fn file(&mut self, f: &FileReport) -> String {
        let mut out = String::new();
        if let Some(e) = &f.error {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": sanitize(e)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&f.path)}}}],
            }));
        }
        for x in &f.findings {
            let rule_index = CODES.iter().position(|d| d.code == x.code).unwrap_or(0);
            let mut r = json!({
                "ruleId": x.code.name(),
                "ruleIndex": rule_index,
                "level": level(x.severity),
                "message": {"text": sanitize(&x.message)},
            });
            match (&x.target, &x.source) {
                (Some(t), s) => {
                    r["locations"] = json!([location(t, None)]);
                    if let Some(fix) = &x.suggestion {
                        r["fixes"] = fixes(t, fix);
                    }
                    if let Some(s) = s {
                        r["relatedLocations"] = json!([location(s, Some(1))]);
                    }
                }
                (None, Some(s)) => r["locations"] = json!([location(s, None)]),
                (None, None) => {}
            }
            if self.results == 0 {
                out.push_str(&head());
            }
            out.push_str(if self.results == 0 {
                "\n        "
            } else {
                ",\n        "
            });
            out.push_str(&pretty_at(&r, 8));
            self.results += 1;
        }
        out
    }

    fn finish(&mut self, _: &Totals) -> String {
        let invocations = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": std::mem::take(&mut self.notifications),
        }]);
        let results = if self.results == 0 {
            format!("{}]", head())
        } else {
            "\n      ]".to_string()
        };
        format!(
            "{results},\n      \"invocations\": {}\n    }}\n  ]\n}}\n",
            pretty_at(&invocations, 6)
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_escaped() {
        assert_eq!(super::uri("a b/c%.txt"), "a%20b/c%25.txt");
        assert_eq!(super::uri("bài/x.txt"), "b%C3%A0i/x.txt");
    }
}
