//! Findings: what the check reports, in one type shared by every renderer.
//!
//! Owns the finding codes (stable kebab-case names, default severities and
//! their documentation: what, why, and an example in both languages — the one
//! source for `README.md`'s table), severities, and locations.

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn from_name(name: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// The finding codes. Their names are a stable contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    ValueMismatch,
    ScaleMismatch,
    UnitMismatch,
    HedgeDropped,
    ApproximationDropped,
    HedgeChanged,
    RangeChanged,
    SubjectChanged,
    Unsupported,
    Omitted,
    Added,
    HedgeAdded,
    Rounded,
    StaleSuppression,
}

/// Documentation of a code.
pub struct CodeDoc {
    pub code: Code,
    pub name: &'static str,
    pub severity: Severity,
    pub what: &'static str,
    pub why: &'static str,
    pub bad_en: &'static str,
    pub bad_vi: &'static str,
    pub good_vi: &'static str,
}

pub const CODES: &[CodeDoc] = &[
    CodeDoc {
        code: Code::ValueMismatch,
        name: "value-mismatch",
        severity: Severity::Error,
        what: "The Vietnamese figure and its English source cannot both be true: their intervals are disjoint.",
        why: "A changed number is the most damaging error a translation can carry.",
        bad_en: "a further $35 million to license the technology",
        bad_vi: "thêm 25 triệu USD để được cấp phép công nghệ",
        good_vi: "thêm 35 triệu USD để được cấp phép công nghệ",
    },
    CodeDoc {
        code: Code::ScaleMismatch,
        name: "scale-mismatch",
        severity: Severity::Error,
        what: "The figures differ by a scale factor: million vs billion, triệu vs tỷ, tỷ vs nghìn tỷ.",
        why: "Scale words are the easiest to slip when converting between the two numbering systems, and the error is a factor of a thousand.",
        bad_en: "a $1.2 billion loan",
        bad_vi: "khoản vay 1,2 triệu USD",
        good_vi: "khoản vay 1,2 tỷ USD",
    },
    CodeDoc {
        code: Code::UnitMismatch,
        name: "unit-mismatch",
        severity: Severity::Error,
        what: "Same number, different currency or unit: USD vs euro, % vs percentage points, nm vs µm.",
        why: "The number looks right at a glance, so the change survives proofreading.",
        bad_en: "a contract worth $120 million",
        bad_vi: "hợp đồng trị giá 120 triệu euro",
        good_vi: "hợp đồng trị giá 120 triệu USD",
    },
    CodeDoc {
        code: Code::HedgeDropped,
        name: "hedge-dropped",
        severity: Severity::Warning,
        what: "The source bounds the figure (almost, more than, as low as, up to, just after); the Vietnamese states it flat.",
        why: "\"Almost one-quarter\" is below 25%; \"25%\" overstates it. Estimates become facts.",
        bad_en: "spending almost one-quarter of its revenue on research",
        bad_vi: "chi 25% doanh thu cho nghiên cứu",
        good_vi: "chi gần một phần tư doanh thu cho nghiên cứu",
    },
    CodeDoc {
        code: Code::ApproximationDropped,
        name: "approximation-dropped",
        severity: Severity::Warning,
        what: "The source gives the figure as an estimate (about, around, some, roughly, an estimated); the Vietnamese states it as exact.",
        why: "\"About 12,000\" is a count nobody made; \"12.000\" claims a precision the source does not have.",
        bad_en: "about 12,000 people were evacuated",
        bad_vi: "12.000 người đã được sơ tán",
        good_vi: "khoảng 12.000 người đã được sơ tán",
    },
    CodeDoc {
        code: Code::HedgeChanged,
        name: "hedge-changed",
        severity: Severity::Warning,
        what: "Both sides qualify the figure but in opposite directions (more than → gần, up to → ít nhất). An error when the intervals no longer meet.",
        why: "\"More than 30%\" and \"nearly 30%\" describe different worlds.",
        bad_en: "up to 30% of households",
        bad_vi: "ít nhất 30% hộ gia đình",
        good_vi: "tối đa 30% hộ gia đình",
    },
    CodeDoc {
        code: Code::RangeChanged,
        name: "range-changed",
        severity: Severity::Warning,
        what: "A range became a single figure or another range (11% to 19% → 15%).",
        why: "A range carries uncertainty or spread that a point figure hides.",
        bad_en: "margins of 11% to 19% a year",
        bad_vi: "biên lợi nhuận 15% mỗi năm",
        good_vi: "biên lợi nhuận 11% đến 19% mỗi năm",
    },
    CodeDoc {
        code: Code::SubjectChanged,
        name: "subject-changed",
        severity: Severity::Warning,
        what: "Same number, different thing counted (respondents → companies, 16 other countries → 16 countries), or a range given for several subjects pinned on one.",
        why: "The number survives, but it now says something the source never said.",
        bad_en: "83% of respondents said they used AI",
        bad_vi: "83% doanh nghiệp sử dụng AI",
        good_vi: "83% người trả lời cho biết họ dùng AI",
    },
    CodeDoc {
        code: Code::Unsupported,
        name: "unsupported",
        severity: Severity::Warning,
        what: "A summary or takeaway figure with no source anywhere in the original.",
        why: "Summaries select; they must not invent.",
        bad_en: "(no figure about jobs in the original)",
        bad_vi: "Dự án tạo ra khoảng 5.000 việc làm",
        good_vi: "Dự án được kỳ vọng tạo thêm việc làm",
    },
    CodeDoc {
        code: Code::Omitted,
        name: "omitted",
        severity: Severity::Warning,
        what: "A figure of the original is missing from the translation (never reported for the summary, which selects).",
        why: "A translation should carry every figure of its source.",
        bad_en: "Mobile data traffic rose 27% last year.",
        bad_vi: "(sentence left out)",
        good_vi: "Lưu lượng dữ liệu di động tăng 27% trong năm ngoái.",
    },
    CodeDoc {
        code: Code::Added,
        name: "added",
        severity: Severity::Info,
        what: "A figure of the translation, written in digits, that nothing in the original accounts for under any reading (never reported for a bare \"1\", often the English article, nor for labels and codes).",
        why: "A translation should not add figures, and a changed figure the pairing could not match to its source shows here. Info by default: it also shows figures the reader could not match in the English (\"until 10 p.m.\" / \"đến 22 giờ\"); raise it to warning in `factcheck.yaml` to hold it in CI.",
        bad_en: "They decided to do a little experiment.",
        bad_vi: "Họ quyết định làm 2 thí nghiệm nhỏ.",
        good_vi: "Họ quyết định làm một thí nghiệm nhỏ.",
    },
    CodeDoc {
        code: Code::HedgeAdded,
        name: "hedge-added",
        severity: Severity::Info,
        what: "The Vietnamese qualifies an exact source figure ($100 billion → khoảng 100 tỷ USD).",
        why: "Benign softening, worth a glance.",
        bad_en: "its $100 billion revenue",
        bad_vi: "doanh thu khoảng 100 tỷ USD",
        good_vi: "doanh thu 100 tỷ USD",
    },
    CodeDoc {
        code: Code::Rounded,
        name: "rounded",
        severity: Severity::Info,
        what: "Compatible at the precision written (4.3 billion → hơn 4 tỷ, 4.3 → 4).",
        why: "Rounding is fine in a summary; it is listed so an editor can see it.",
        bad_en: "4.3 billion yuan",
        bad_vi: "hơn 4 tỷ nhân dân tệ",
        good_vi: "4,3 tỷ nhân dân tệ",
    },
    CodeDoc {
        code: Code::StaleSuppression,
        name: "stale-suppression",
        severity: Severity::Info,
        what: "A suppression (in the configuration or a baseline) for a checked article that no longer matches any finding.",
        why: "Lists of accepted findings rot; a stale entry should be removed so it cannot hide a new finding later.",
        bad_en: "(a suppression accepted a dropped hedge on this claim)",
        bad_vi: "(the translation has been corrected since)",
        good_vi: "(remove the suppression)",
    },
];

/// The README's table of codes, generated from `CODES` (a test keeps the
/// README in step with it).
pub fn codes_markdown() -> String {
    let mut s = String::from(
        "| code | severity | what it means | example: English → Vietnamese |\n|---|---|---|---|\n",
    );
    for d in CODES {
        s.push_str(&format!(
            "| `{}` | {} | {} | \"{}\" → \"{}\" |\n",
            d.name,
            d.severity.name(),
            d.what,
            d.bad_en,
            d.bad_vi
        ));
    }
    s
}

impl Code {
    pub fn doc(self) -> &'static CodeDoc {
        CODES
            .iter()
            .find(|d| d.code == self)
            .expect("every code is documented")
    }
    pub fn name(self) -> &'static str {
        self.doc().name
    }
    pub fn severity(self) -> Severity {
        self.doc().severity
    }
    pub fn from_name(name: &str) -> Option<Code> {
        CODES.iter().find(|d| d.name == name).map(|d| d.code)
    }
}

/// Where a claim is, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub section: &'static str,
    pub lang: &'static str,
    /// In a .docx, which has no lines: the paragraph and character offsets
    /// (`line` is then the paragraph, `column` the offset + 1). Written in
    /// JSON as `paragraph`, `offset`, `end_offset`, only for a .docx.
    #[serde(flatten)]
    pub paragraph: Option<crate::origin::ParagraphSpan>,
}

impl Location {
    /// Where it is, as people read it: `12:5` (line and column), or `¶12+4`
    /// (paragraph and character offset) in a .docx.
    pub fn place(&self) -> String {
        match &self.paragraph {
            Some(p) => format!("¶{}+{}", p.paragraph, p.offset),
            None => format!("{}:{}", self.line, self.column),
        }
    }

    /// The line number a snippet shows: `12`, or `¶12` in a .docx.
    pub fn gutter(&self) -> String {
        match &self.paragraph {
            Some(p) => format!("¶{}", p.paragraph),
            None => self.line.to_string(),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// The Vietnamese side (absent for `omitted`).
    pub target: Option<Location>,
    /// The English side (absent for `unsupported`).
    pub source: Option<Location>,
    /// The correction, where one can be computed: the source figure written
    /// the Vietnamese way, with the source's hedge ("gần một phần tư").
    pub suggestion: Option<String>,
}

impl Finding {
    /// The order of a report: by Vietnamese position, then English position, then code.
    pub fn sort_key(&self) -> impl Ord + '_ {
        let place = |l: &Option<Location>| l.as_ref().map(|l| (l.path.clone(), l.line, l.column));
        let first = self.target.as_ref().or(self.source.as_ref());
        (
            first.map(|l| (l.path.clone(), l.line, l.column)),
            place(&self.target),
            place(&self.source),
            self.code,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_table_of_codes_is_current() {
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&codes_markdown()),
            "README.md's table of codes is out of date; paste this:\n{}",
            codes_markdown()
        );
    }

    #[test]
    fn every_code_has_a_unique_kebab_name() {
        let mut names: Vec<_> = CODES.iter().map(|d| d.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), CODES.len());
        for d in CODES {
            assert!(d.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(Code::from_name(d.name), Some(d.code));
        }
    }
}
