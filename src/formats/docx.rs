//! Word (`.docx`) → lines in the seed layout, with zip and quick-xml.
//!
//! Reads `word/document.xml` (its decompressed size bounded by the same
//! limit as any input, `--max-size`, so a zip bomb stops there): each
//! paragraph (`w:p`) is a line, list paragraphs (`w:numPr`, or a list
//! style) become bullets, text is the paragraph's `w:t` runs (deleted and
//! moved-away text, field codes and the fallback copies of text boxes left
//! out), a tab or a break inside a paragraph a space. Every character keeps
//! its paragraph (1-based, every paragraph of the body counted, empty ones
//! and those of tables and text boxes included) and its offset in it.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::FormatError;
use crate::input::Size;
use crate::origin::{Builder, Origin, Unit};

const DOCUMENT: &str = "word/document.xml";

/// Convert the bytes of a .docx.
pub fn convert(bytes: &[u8], limit: Size) -> Result<(String, Origin), FormatError> {
    let xml = document_xml(bytes, limit)?;
    let xml = String::from_utf8(xml).map_err(|e| FormatError::BadXml {
        offset: e.utf8_error().valid_up_to() as u64,
        message: "not UTF-8".into(),
    })?;
    let paragraphs = paragraphs(&xml)?;
    let mut b = Builder::new(Unit::Paragraphs);
    let mut quoted = String::new();
    let mut ranges = vec![(0, 0); paragraphs.iter().map(|p| p.number).max().unwrap_or(0)];
    for p in &paragraphs {
        if p.list {
            b.push('-', p.number, 0);
            b.push(' ', p.number, 0);
        }
        for (i, c) in p.text.chars().enumerate() {
            b.push(c, p.number, i);
        }
        b.end_line(true);
        let start = quoted.len();
        quoted.push_str(&p.text);
        ranges[p.number - 1] = (start, quoted.len());
    }
    Ok(b.finish(quoted, ranges))
}

/// The bytes of `word/document.xml`, at most `limit` of them.
fn document_xml(bytes: &[u8], limit: Size) -> Result<Vec<u8>, FormatError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| FormatError::NotZip(one_line(&e.to_string())))?;
    let mut entry = match zip.by_name(DOCUMENT) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Err(FormatError::NoDocument),
        Err(e) => return Err(FormatError::Zip(one_line(&e.to_string()))),
    };
    if entry.size() > limit.0 {
        return Err(FormatError::TooLarge(limit));
    }
    let mut out = Vec::with_capacity(entry.size().min(limit.0) as usize);
    (&mut entry)
        .take(limit.0.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| FormatError::Zip(one_line(&e.to_string())))?;
    if out.len() as u64 > limit.0 {
        return Err(FormatError::TooLarge(limit));
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One paragraph of the document.
#[derive(Debug)]
pub struct Paragraph {
    /// 1-based, in document order of the paragraphs' starts.
    pub number: usize,
    pub text: String,
    pub list: bool,
}

/// What the reader is inside of.
#[derive(Default)]
struct State {
    /// Paragraphs open (a text box's paragraphs sit inside another's).
    open: Vec<Paragraph>,
    done: Vec<Paragraph>,
    count: usize,
    /// Depth inside `w:pPr` (its `w:tab`s are tab stops, not text).
    ppr: usize,
    /// Inside `w:t`.
    text: bool,
    /// Depth inside content left out (`mc:Fallback`, `w:moveFrom`).
    skip: usize,
}

impl State {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        let name: &str = name.as_ref();
        if self.skip > 0 {
            self.skip += usize::from(!empty && matches!(name, "mc:Fallback" | "w:moveFrom"));
            return;
        }
        match name {
            "mc:Fallback" | "w:moveFrom" if !empty => self.skip = 1,
            "w:p" => {
                self.count += 1;
                let p = Paragraph {
                    number: self.count,
                    text: String::new(),
                    list: false,
                };
                if empty {
                    self.done.push(p);
                } else {
                    self.open.push(p);
                }
            }
            "w:pPr" if !empty => self.ppr += 1,
            "w:numPr" if self.ppr > 0 => self.mark_list(),
            "w:pStyle" if self.ppr > 0 => {
                let style = e
                    .try_get_attribute("w:val")
                    .ok()
                    .flatten()
                    .map(|a| a.value.to_ascii_lowercase())
                    .unwrap_or_default();
                if style.starts_with("list") {
                    self.mark_list();
                }
            }
            "w:t" if !empty => self.text = true,
            "w:tab" | "w:br" | "w:cr" if self.ppr == 0 => self.push(" "),
            // Word's non-breaking hyphen is a hyphen ("11‑19%", "COVID‑19");
            // a soft hyphen is only a place to break.
            "w:noBreakHyphen" if self.ppr == 0 => self.push("-"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= usize::from(matches!(name, "mc:Fallback" | "w:moveFrom"));
            return;
        }
        match name {
            "w:p" => {
                if let Some(p) = self.open.pop() {
                    self.done.push(p);
                }
            }
            "w:pPr" => self.ppr = self.ppr.saturating_sub(1),
            "w:t" => self.text = false,
            _ => {}
        }
    }

    fn mark_list(&mut self) {
        if let Some(p) = self.open.last_mut() {
            p.list = true;
        }
    }

    fn push(&mut self, s: &str) {
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(s);
        }
    }
}

/// The paragraphs of `word/document.xml`, in the order they end (a text
/// box's paragraphs before the paragraph holding it).
pub fn paragraphs(xml: &str) -> Result<Vec<Paragraph>, FormatError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut st = State::default();
    loop {
        let bad = |e: &dyn std::fmt::Display, at: u64| FormatError::BadXml {
            offset: at,
            message: one_line(&e.to_string()),
        };
        let event = reader
            .read_event()
            .map_err(|e| bad(&e, reader.error_position()))?;
        match event {
            Event::Start(e) => st.start(&e, false),
            Event::Empty(e) => st.start(&e, true),
            Event::End(e) => st.end(e.name().as_ref()),
            Event::Text(t) if st.text && st.skip == 0 => st.push(&t.xml10_content()),
            Event::CData(t) if st.text && st.skip == 0 => st.push(&t.xml10_content()),
            Event::GeneralRef(r) if st.text && st.skip == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                        .ok_or_else(|| {
                            bad(
                                &format!("unknown entity &{};", &*r),
                                reader.buffer_position(),
                            )
                        })?
                        .to_string(),
                    Err(e) => return Err(bad(&e, reader.buffer_position())),
                };
                st.push(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !st.open.is_empty() {
        return Err(FormatError::BadXml {
            offset: xml.len() as u64,
            message: "the document ends inside a paragraph".into(),
        });
    }
    Ok(st.done)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx holding `files` (name, content), deflated.
    pub fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in files {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    pub fn body(paragraphs: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{paragraphs}</w:body></w:document>"#
        )
        .into_bytes()
    }

    #[test]
    fn paragraphs_lists_and_offsets() {
        let xml = body(concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Tiêu đề</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Doanh thu </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tăng 25%</w:t></w:r></w:p>"#,
            r#"<w:p/>"#,
            r#"<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>7%</w:t></w:r><w:del><w:r><w:delText>9%</w:delText></w:r></w:del></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>hai</w:t></w:r></w:p>"#,
        ));
        let docx = zip_of(&[("word/document.xml", &xml)]);
        let (text, o) = convert(&docx, Size(1 << 20)).unwrap();
        assert_eq!(text, "Tiêu đề\n- Doanh thu tăng 25%\n\nA&B 7%\n- hai\n");
        // "25%" on the second paragraph: offset 15 of "Doanh thu tăng 25%".
        let p = o.place(2, 18, 21).unwrap();
        let para = p.paragraph.unwrap();
        assert_eq!((para.paragraph, para.offset, para.end_offset), (2, 15, 18));
        assert_eq!(o.quoted(2), Some("Doanh thu tăng 25%"));
        assert_eq!(o.quoted(3), Some(""));
        let p = o.place(4, 5, 7).unwrap().paragraph.unwrap();
        assert_eq!((p.paragraph, p.offset, p.end_offset), (4, 4, 6));
    }

    #[test]
    fn a_non_breaking_hyphen_is_a_hyphen() {
        let xml = body(r#"<w:p><w:r><w:t>11</w:t><w:noBreakHyphen/><w:t>19%</w:t></w:r></w:p>"#);
        let docx = zip_of(&[("word/document.xml", &xml)]);
        let (text, _) = convert(&docx, Size(1 << 20)).unwrap();
        assert_eq!(text, "11-19%\n");
    }

    #[test]
    fn broken_documents_are_errors() {
        let limit = Size(1 << 20);
        let err = |b: &[u8]| convert(b, limit).unwrap_err().to_string();
        assert!(err(b"plain text").contains("not a Word document"));
        let no_doc = zip_of(&[("word/other.xml", b"<x/>")]);
        assert!(err(&no_doc).contains("word/document.xml is missing"));
        let bad = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
        assert!(err(&bad).contains("bad XML"), "{}", err(&bad));
        let cut = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p><w:t>x")]);
        assert!(err(&cut).contains("word/document.xml"), "{}", err(&cut));
        let ent = zip_of(&[(
            "word/document.xml",
            &body("<w:p><w:r><w:t>&foo;</w:t></w:r></w:p>"),
        )]);
        assert!(err(&ent).contains("unknown entity"), "{}", err(&ent));
        for b in [&no_doc, &bad, &cut, &ent] {
            assert!(!err(b).contains('\n'));
        }
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        let big = body(&"<w:p><w:r><w:t>0</w:t></w:r></w:p>".repeat(100_000));
        let docx = zip_of(&[("word/document.xml", &big)]);
        assert!(docx.len() < 100_000, "{}", docx.len());
        let e = convert(&docx, Size(1_000_000)).unwrap_err().to_string();
        assert!(e.contains("larger than the limit of 1 MB"), "{e}");
        assert!(convert(&docx, Size(10_000_000)).is_ok());
    }
}
