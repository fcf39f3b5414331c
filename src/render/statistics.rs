//! `--statistics`: how many findings each code has, instead of the findings
//! (ruff's `--statistics`): a table, most frequent first, or JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{FileReport, Renderer, Totals};
use crate::diagnostic::Code;

/// Counts per code over the whole run.
#[derive(Default)]
pub struct Statistics {
    pub json: bool,
    counts: BTreeMap<Code, usize>,
}

#[derive(Serialize)]
struct Row {
    code: &'static str,
    severity: &'static str,
    count: usize,
}

impl Statistics {
    pub fn new(json: bool) -> Self {
        Statistics {
            json,
            counts: BTreeMap::new(),
        }
    }

    /// The rows, most frequent first, then by code name.
    fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .counts
            .iter()
            .map(|(c, &n)| Row {
                code: c.name(),
                severity: c.severity().name(),
                count: n,
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        rows
    }
}

impl Renderer for Statistics {
    fn file(&mut self, f: &FileReport) -> String {
        for x in &f.findings {
            *self.counts.entry(x.code).or_default() += 1;
        }
        String::new()
    }

    fn finish(&mut self, t: &Totals) -> String {
        let rows = self.rows();
        if self.json {
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            return s;
        }
        let mut out = String::new();
        for r in &rows {
            out.push_str(&format!("{:>6}  {:<22} {}\n", r.count, r.code, r.severity));
        }
        out.push_str(&super::human::totals_line(t));
        out
    }
}
