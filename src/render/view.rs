//! What a report that shows the article itself needs (`--format html`):
//! every line as written with its section, every claim's span, the rows of
//! the check's own paragraph alignment, and for each summary or takeaway
//! claim the sentence of the original it was checked against. Built from the
//! check's `Analysis`, never recomputed; kept in the file's `FileReport` only
//! for the formats that ask for it.

use crate::catalogue::Catalogue;
use crate::check::Analysis;
use crate::claim::Section;
use crate::segment::Article;

/// The article of one report, ready to be shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleView {
    /// The article's files (one, or the explicit files).
    pub parts: Vec<PartView>,
    /// Every claim, in file and line order.
    pub claims: Vec<ClaimSpan>,
    /// The article in reading order: the summary and takeaway first, then
    /// each paragraph of the translation beside the original's paragraphs
    /// it was aligned with (either side may be empty).
    pub rows: Vec<Row>,
    /// The sentences of the original that summary claims were checked
    /// against.
    pub sentences: Vec<SentenceSpan>,
    /// Claims by where findings place them (part, line and column in the
    /// file as written), sorted, for `locate`.
    pub placed: Vec<((usize, usize, usize), usize)>,
}

/// One file of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartView {
    pub path: String,
    /// Every line as written, with its section (`None`: blank or URL).
    pub lines: Vec<(String, Option<Section>)>,
}

/// A place in an article: part index and 1-based line.
pub type LineKey = (usize, usize);

/// One row of the side-by-side view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub vi: Vec<LineKey>,
    pub en: Vec<LineKey>,
}

/// A claim's span and what it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimSpan {
    pub part: usize,
    pub line: usize,
    /// 1-based character columns in the line as written, end exclusive.
    pub column: usize,
    pub end_column: usize,
    pub section: Section,
    /// How the claim was read ("4.3 billion CNY").
    pub reading: String,
    /// For a summary or takeaway claim, its source's sentence
    /// (`ArticleView::sentences`).
    pub source_sentence: Option<usize>,
    /// Where a finding's location places it: line and column in the file
    /// as written (a Markdown, HTML or Word file's own, not the text read).
    pub placed: (usize, usize),
}

/// A sentence of a line of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub part: usize,
    pub line: usize,
    /// 1-based character columns in the line as written, end exclusive.
    pub column: usize,
    pub end_column: usize,
}

impl ArticleView {
    /// The view of an article the check analysed.
    pub fn new(cat: &Catalogue, article: &Article, analysis: &Analysis) -> ArticleView {
        let parts = article
            .parts
            .iter()
            .map(|p| PartView {
                path: p.path.clone(),
                lines: p
                    .lines
                    .iter()
                    .zip(&p.sections)
                    .map(|(l, s)| (l.original().to_string(), *s))
                    .collect(),
            })
            .collect();
        let mut claims: Vec<ClaimSpan> = analysis
            .claims
            .iter()
            .map(|c| ClaimSpan {
                part: c.part,
                line: c.line,
                column: c.column,
                end_column: if c.end_line == c.line {
                    c.end_column
                } else {
                    usize::MAX
                },
                section: c.section,
                reading: c.describe(),
                source_sentence: None,
                placed: {
                    let at = article.parts[c.part].place(c.line, c.column, c.end_column);
                    (at.line, at.column)
                },
            })
            .collect();
        // The summary pairs, by the English line of their source: each line
        // split into sentences once.
        let mut wanted: Vec<(LineKey, usize, usize)> = analysis
            .pairing
            .pairs
            .iter()
            .filter(|p| {
                matches!(
                    analysis.claims[p.vi].section,
                    Section::Summary | Section::Takeaway
                )
            })
            .map(|p| {
                let en = &analysis.claims[p.en];
                ((en.part, en.line), en.sentence as usize, p.vi)
            })
            .collect();
        wanted.sort_unstable();
        let mut sentences: Vec<SentenceSpan> = Vec::new();
        let mut split: Option<(LineKey, Vec<SentenceSpan>)> = None;
        for (key, sentence, vi) in wanted {
            if split.as_ref().is_none_or(|s| s.0 != key) {
                split = Some((key, sentence_spans(cat, article, key)));
            }
            let Some(s) = split.as_ref().and_then(|s| s.1.get(sentence)) else {
                continue;
            };
            if sentences.last() != Some(s) {
                sentences.push(*s);
            }
            claims[vi].source_sentence = Some(sentences.len() - 1);
        }
        let mut placed: Vec<((usize, usize, usize), usize)> = claims
            .iter()
            .enumerate()
            .map(|(k, c)| ((c.part, c.placed.0, c.placed.1), k))
            .collect();
        placed.sort_unstable();
        ArticleView {
            parts,
            claims,
            rows: rows(article, &analysis.pairing.paragraphs),
            sentences,
            placed,
        }
    }

    /// The text of a line, as written.
    pub fn line(&self, (part, line): LineKey) -> Option<&str> {
        let p = self.parts.get(part)?;
        p.lines.get(line.checked_sub(1)?).map(|l| l.0.as_str())
    }

    /// The line and columns of the text read that a finding's location
    /// (in the file as written) points at: the claim placed there, or the
    /// same coordinates for a text file.
    pub fn locate(&self, l: &crate::diagnostic::Location) -> Option<(LineKey, usize, usize)> {
        let part = self.part_of(&l.path)?;
        let at = (part, l.line, l.column);
        let k = self.placed.partition_point(|x| x.0 < at);
        let claim = self
            .placed
            .get(k)
            .filter(|x| x.0 == at)
            .map(|x| &self.claims[x.1]);
        Some(match claim {
            Some(c) => ((part, c.line), c.column, c.end_column),
            None => {
                let end = if l.end_line == l.line {
                    l.end_column
                } else {
                    usize::MAX
                };
                ((part, l.line), l.column, end)
            }
        })
    }

    /// The part whose report name is `path`.
    pub fn part_of(&self, path: &str) -> Option<usize> {
        self.parts.iter().position(|p| p.path == path)
    }
}

/// The spans of the sentences of a line of the original, by the
/// extractor's own sentence splitter (the sentence a claim is in is its
/// `Claim::sentence`).
fn sentence_spans(cat: &Catalogue, article: &Article, (part, line): LineKey) -> Vec<SentenceSpan> {
    let Some(l) = article
        .parts
        .get(part)
        .and_then(|p| p.lines.get(line.checked_sub(1)?))
    else {
        return Vec::new();
    };
    let text = l.text();
    let tokens = cat.tokenize_words(text, crate::lang::Lang::En);
    let of = crate::extract::sentences(
        cat,
        crate::tokenize::Tokens {
            text,
            toks: &tokens,
        },
    );
    let mut out: Vec<SentenceSpan> = Vec::new();
    for (t, &s) in tokens.iter().zip(&of) {
        let (start, end) = (
            l.original_column(t.start as usize) + 1,
            l.original_column(t.end as usize) + 1,
        );
        match out.get_mut(s as usize) {
            Some(span) => span.end_column = end,
            None => out.push(SentenceSpan {
                part,
                line,
                column: start,
                end_column: end,
            }),
        }
    }
    out
}

/// The rows of the view: summary and takeaway lines, then the aligned
/// paragraph groups in order, with any paragraph no group holds in its own
/// row where it falls.
fn rows(article: &Article, groups: &[crate::align::ParagraphGroup]) -> Vec<Row> {
    let of = |want: &dyn Fn(Section) -> bool| -> Vec<LineKey> {
        let mut keys = Vec::new();
        for (p, part) in article.parts.iter().enumerate() {
            for (l, s) in part.sections.iter().enumerate() {
                if s.is_some_and(want) {
                    keys.push((p, l + 1));
                }
            }
        }
        keys
    };
    let summary = of(&|s| matches!(s, Section::Summary | Section::Takeaway));
    let (vi, en) = (
        of(&|s| s == Section::Translation),
        of(&|s| s == Section::Original),
    );
    let mut out = Vec::new();
    if !summary.is_empty() {
        out.push(Row {
            vi: summary,
            en: Vec::new(),
        });
    }
    let key = |k: &(u32, u32)| (k.0 as usize, k.1 as usize);
    let (mut i, mut j) = (0, 0);
    for g in groups {
        let gv: Vec<LineKey> = g.vi.iter().map(key).collect();
        let ge: Vec<LineKey> = g.en.iter().map(key).collect();
        // Paragraphs before the group that no group holds, each alone.
        while i < vi.len() && gv.first().is_some_and(|f| vi[i] < *f) {
            out.push(Row {
                vi: vec![vi[i]],
                en: Vec::new(),
            });
            i += 1;
        }
        while j < en.len() && ge.first().is_some_and(|f| en[j] < *f) {
            out.push(Row {
                vi: Vec::new(),
                en: vec![en[j]],
            });
            j += 1;
        }
        // Groups are monotonic: the group's paragraphs come next.
        if let Some(last) = gv.last() {
            while i < vi.len() && vi[i] <= *last {
                i += 1;
            }
        }
        if let Some(last) = ge.last() {
            while j < en.len() && en[j] <= *last {
                j += 1;
            }
        }
        out.push(Row { vi: gv, en: ge });
    }
    out.extend(vi[i.min(vi.len())..].iter().map(|&k| Row {
        vi: vec![k],
        en: Vec::new(),
    }));
    out.extend(en[j.min(en.len())..].iter().map(|&k| Row {
        vi: Vec::new(),
        en: vec![k],
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    fn view(text: &str) -> ArticleView {
        let cat = builtin();
        let article = crate::align::testing::article(text);
        let analysis = crate::check::analyze(cat, &article, "t.txt").unwrap();
        ArticleView::new(cat, &article, &analysis)
    }

    #[test]
    fn rows_hold_every_line_once_in_order() {
        let v = view(include_str!("../../examples/vietnam-ev-battery.txt"));
        let sections = &v.parts[0].lines;
        for side in [Section::Translation, Section::Original] {
            let shown: Vec<LineKey> = v
                .rows
                .iter()
                .flat_map(|r| {
                    if side == Section::Original {
                        &r.en
                    } else {
                        &r.vi
                    }
                })
                .copied()
                .filter(|&(_, l)| sections[l - 1].1 == Some(side))
                .collect();
            let all: Vec<LineKey> = (1..=sections.len())
                .filter(|&l| sections[l - 1].1 == Some(side))
                .map(|l| (0, l))
                .collect();
            assert_eq!(shown, all, "{side:?}");
        }
        // The summary comes first, on its own.
        assert!(v.rows[0].vi.iter().all(|&(_, l)| matches!(
            sections[l - 1].1,
            Some(Section::Summary | Section::Takeaway)
        )));
        // Paragraphs are side by side: the title beside the title.
        assert!(v.rows.iter().any(|r| r.vi.len() == 1 && r.en.len() == 1));
    }

    #[test]
    fn a_summary_claim_points_at_its_source_sentence() {
        let v = view(include_str!("../../examples/vietnam-ev-battery.txt"));
        let c = v
            .claims
            .iter()
            .find(|c| c.section == Section::Summary && c.reading.contains("33"))
            .expect("the summary's 33%");
        let s = v.sentences[c.source_sentence.expect("a source")];
        let line = v.line((s.part, s.line)).unwrap();
        let text: String = line
            .chars()
            .skip(s.column - 1)
            .take(s.end_column - s.column)
            .collect();
        assert!(
            text.starts_with("Electric models made up almost a third"),
            "{text}"
        );
        assert!(text.ends_with("petrol-powered."), "{text}");
    }
}
