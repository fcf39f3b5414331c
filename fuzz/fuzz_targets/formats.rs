//! Fuzz target: the input formats (Markdown, HTML, Word) on arbitrary bytes,
//! then the check on what they give. The first byte picks the format; a
//! broken file must be an error, never a panic, and every location must map
//! back into the file as written. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run formats` (see README).
#![no_main]

use factcheck::formats::{self, InputFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let doc = match pick % 3 {
        0 => formats::from_docx("fuzz.docx".into(), bytes, factcheck::input::Size(1 << 20)),
        k => {
            let Ok(text) = factcheck::input::decode(bytes, "fuzz") else {
                return;
            };
            let source = factcheck::input::Source {
                name: "fuzz".into(),
                text,
            };
            let format = if k == 1 {
                InputFormat::Markdown
            } else {
                InputFormat::Html
            };
            formats::from_text(source, format)
        }
    };
    let Ok(doc) = doc else {
        return;
    };
    let cat = factcheck::catalogue::builtin();
    let article = formats::article(cat, doc);
    let part = &article.parts[0];
    for c in factcheck::extract::extract_article(cat, &article) {
        let at = part.place(c.line, c.column, c.end_column);
        assert!(at.column >= 1 && at.line >= 1);
        assert!(at.end_line > at.line || at.end_column >= at.column);
        let quoted = part.quoted_line(at.line).expect("a located line exists");
        assert!(at.column <= quoted.chars().count() + 1);
    }
    if let Ok(findings) = factcheck::check::check_article(cat, &article, "fuzz") {
        let mut report = factcheck::render::FileReport {
            path: "fuzz".into(),
            findings,
            ..Default::default()
        };
        report.quote_lines(&article);
        let _ =
            factcheck::render::render(factcheck::render::Format::Human { color: false }, &[report]);
    }
});
