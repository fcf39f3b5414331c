//! Output of `factcheck extract`: every claim, grouped by file and section,
//! as a terminal table, JSON or YAML. The JSON/YAML records are the stable
//! contract documented in the README.

use serde::Serialize;

use super::{finite, sanitize};
use crate::claim::{Claim, DateParts, Unit};

/// One file's claims, or the error that stopped it.
#[derive(Debug, Serialize)]
pub struct FileClaims {
    pub path: String,
    pub error: Option<String>,
    pub claims: Vec<ClaimRecord>,
}

/// The whole `extract` report.
#[derive(Debug, Serialize)]
pub struct ExtractReport {
    pub version: u32,
    pub files: Vec<FileClaims>,
}

#[derive(Debug, Serialize)]
pub struct QualifierRecord {
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct IntervalRecord {
    /// `null` when unbounded.
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub lo_open: bool,
    pub hi_open: bool,
}

/// A claim as scripts see it.
#[derive(Debug, Serialize)]
pub struct ClaimRecord {
    pub kind: &'static str,
    /// The most likely value, in canonical units (percent, currency units,
    /// nanometres, days, times, calendar year).
    pub value: f64,
    /// The high end of a range, else equal to `value`.
    pub value_hi: f64,
    /// Every reading of an ambiguous numeral ("16,700" in Vietnamese).
    pub values: Vec<f64>,
    /// "%", "pp", an ISO currency code, "nm", "day", "x", a measure, or null.
    pub unit: Option<String>,
    /// The written unit of a duration ("month").
    pub duration_unit: Option<String>,
    /// The scale factor written (1e9 for "tỷ"/"billion"), 1 when none.
    pub scale: f64,
    pub qualifier: Option<QualifierRecord>,
    /// The values the claim asserts, qualifier applied.
    pub interval: IntervalRecord,
    pub range: bool,
    pub vague: bool,
    pub weak: bool,
    pub date: Option<DateParts>,
    /// The compact description used in tests ("money 6e12 USD").
    pub key: String,
    /// The value as an editor reads it ("khoảng 100 billion USD").
    pub display: String,
    pub text: String,
    pub section: &'static str,
    pub lang: &'static str,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// In a .docx: paragraph and character offsets (see `Location`).
    #[serde(flatten)]
    pub paragraph: Option<crate::origin::ParagraphSpan>,
}

impl ClaimRecord {
    pub fn new(c: &Claim, path: &str) -> Self {
        let r = c.primary();
        let unit = match &c.unit {
            Unit::None => None,
            Unit::Percent => Some("%".to_string()),
            Unit::PercentagePoint => Some("pp".to_string()),
            Unit::Currency(code) => Some(code.to_string()),
            Unit::Nanometre => Some("nm".to_string()),
            Unit::Day => Some("day".to_string()),
            Unit::Times => Some("x".to_string()),
            Unit::Measure(_, symbol) => Some(symbol.to_string()),
        };
        ClaimRecord {
            kind: c.kind.name(),
            value: r.value,
            value_hi: r.value_hi,
            values: c.readings.iter().map(|r| r.value).collect(),
            unit,
            duration_unit: c.duration_unit.as_ref().map(|(n, _)| n.to_string()),
            scale: c.scale,
            qualifier: c.qualifier.as_ref().map(|q| QualifierRecord {
                kind: q.kind.name(),
                text: q.text.clone(),
            }),
            interval: IntervalRecord {
                lo: finite(r.interval.lo),
                hi: finite(r.interval.hi),
                lo_open: r.interval.lo_open,
                hi_open: r.interval.hi_open,
            },
            range: c.range,
            vague: c.vague,
            weak: c.weak,
            date: c.date,
            key: c.key(),
            display: c.describe(),
            text: c.text.clone(),
            section: c.section.name(),
            lang: c.lang.code(),
            path: path.to_string(),
            line: c.line,
            column: c.column,
            end_line: c.end_line,
            end_column: c.end_column,
            paragraph: None,
        }
    }

    /// The record with its place in the file as written (`Part::place`).
    pub fn at(mut self, p: crate::origin::Placed) -> Self {
        (self.line, self.column) = (p.line, p.column);
        (self.end_line, self.end_column) = (p.end_line, p.end_column);
        self.paragraph = p.paragraph;
        self
    }
}

/// Claims sorted for output: by section (summary, takeaway, translation,
/// original), then by file, line and column.
pub fn sorted(claims: &[Claim]) -> Vec<&Claim> {
    let mut v: Vec<&Claim> = claims.iter().collect();
    v.sort_by_key(|c| (c.section, c.part, c.line, c.column));
    v
}

pub fn json(report: &ExtractReport) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}

pub fn yaml(report: &ExtractReport) -> String {
    crate::catalogue::to_yaml(report)
}

/// A terminal table: one row per claim, grouped by file and section.
pub fn human(report: &ExtractReport) -> String {
    let mut out = String::new();
    for f in &report.files {
        out.push_str(&sanitize(&f.path));
        out.push('\n');
        if let Some(e) = &f.error {
            out.push_str(&format!("  error: {}\n", sanitize(e)));
            continue;
        }
        let mut section = "";
        for c in &f.claims {
            if c.section != section {
                section = c.section;
                out.push_str(&format!("  {section}\n"));
            }
            let at = match &c.paragraph {
                Some(p) => format!("¶{}+{}", p.paragraph, p.offset),
                None => format!("{}:{}", c.line, c.column),
            };
            let place = if c.path == f.path {
                at
            } else {
                format!("{}:{at}", c.path)
            };
            out.push_str(&format!(
                "    {place:<8} {:<16} {:<28} {}\n",
                c.kind,
                sanitize(&c.display),
                sanitize(&c.text)
            ));
        }
        out.push_str(&format!(
            "  {}\n",
            super::human::plural(f.claims.len(), "claim")
        ));
    }
    out
}
