//! The formats articles arrive in (issue 11): Markdown, HTML and Word read
//! like text, located in the file as written in every output format, chosen
//! by extension or `--input-format`, walked in directories; broken files are
//! one-line errors with exit code 2.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn factcheck() -> Command {
    let mut c = Command::cargo_bin("factcheck").unwrap();
    c.env("NO_COLOR", "1").env_remove("CI").arg("--isolated");
    c
}

fn demo(ext: &str) -> PathBuf {
    common::repo(&format!("examples/vietnam-ev-battery.{ext}"))
}

/// Run; (exit code, stdout, stderr).
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The findings of a JSON report: (code, target text, source text).
fn findings(json: &str) -> Vec<(String, Value, Value)> {
    let doc: Value = serde_json::from_str(json).unwrap();
    doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["target"]["text"].clone(),
                f["source"]["text"].clone(),
            )
        })
        .collect()
}

/// A .docx of these files (name, content).
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn every_format_gives_the_findings_of_the_text() {
    let (code, text, _) = run(factcheck().args(["--format", "json"]).arg(demo("txt")));
    assert_eq!(code, 1);
    let want = findings(&text);
    assert_eq!(want.len(), 9);
    for ext in ["md", "html", "docx"] {
        let (code, out, err) = run(factcheck().args(["--format", "json"]).arg(demo(ext)));
        assert_eq!(code, 1, "{ext}: {err}");
        assert_eq!(findings(&out), want, "{ext}");
    }
}

#[test]
fn markdown_and_html_locations_are_lines_and_columns_of_the_file() {
    for ext in ["md", "html"] {
        let path = demo(ext);
        let file = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = file.lines().collect();
        let (_, out, _) = run(factcheck().args(["--format", "json"]).arg(&path));
        let doc: Value = serde_json::from_str(&out).unwrap();
        for f in doc["files"][0]["findings"].as_array().unwrap() {
            for side in ["target", "source"] {
                let l = &f[side];
                if l.is_null() {
                    continue;
                }
                assert!(l.get("paragraph").is_none(), "{l}");
                let n = |k: &str| l[k].as_u64().unwrap() as usize;
                let line: Vec<char> = lines[n("line") - 1].chars().collect();
                assert_eq!(n("end_line"), n("line"), "{l}");
                let written: String = line[n("column") - 1..n("end_column") - 1].iter().collect();
                assert_eq!(written, l["text"].as_str().unwrap(), "{ext}: {l}");
            }
        }
    }
}

#[test]
fn word_locations_are_paragraphs_and_offsets_in_every_format() {
    let path = demo("docx");
    let paragraphs = common::docx_paragraphs(&path);
    let (_, out, _) = run(factcheck().args(["--format", "json"]).arg(&path));
    let doc: Value = serde_json::from_str(&out).unwrap();
    let first = &doc["files"][0]["findings"][0]["target"];
    assert_eq!(first["paragraph"], 4);
    assert_eq!(first["offset"], 14);
    assert_eq!(first["end_offset"], 17);
    for f in doc["files"][0]["findings"].as_array().unwrap() {
        for side in ["target", "source"] {
            let l = &f[side];
            if l.is_null() {
                continue;
            }
            let n = |k: &str| l[k].as_u64().unwrap() as usize;
            let p: Vec<char> = paragraphs[n("paragraph") - 1].chars().collect();
            let written: String = p[n("offset")..n("end_offset")].iter().collect();
            assert_eq!(written, l["text"].as_str().unwrap(), "{l}");
            assert_eq!((n("line"), n("column")), (n("paragraph"), n("offset") + 1));
        }
    }
    let (_, concise, _) = run(factcheck().args(["--format", "concise"]).arg(&path));
    assert!(
        concise.starts_with(&format!(
            "{}:¶4+14: warning[hedge-dropped] ",
            path.display()
        )),
        "{concise}"
    );
    let (_, human, _) = run(factcheck().arg(&path));
    assert!(human.contains("docx:¶4+14\n"), "{human}");
    assert!(
        human.contains(" ¶4 | Xe điện chiếm 33% doanh số"),
        "{human}"
    );
    let (_, github, _) = run(factcheck().args(["--format", "github"]).arg(&path));
    let first = github.lines().next().unwrap();
    assert!(first.starts_with("::warning file="), "{first}");
    assert!(!first.contains("line="), "{first}");
    assert!(first.contains("::¶4+14: the original says"), "{first}");
    let (_, sarif, _) = run(factcheck().args(["--format", "sarif"]).arg(&path));
    let doc: Value = serde_json::from_str(&sarif).unwrap();
    let loc = &doc["runs"][0]["results"][0]["locations"][0];
    assert_eq!(loc["logicalLocations"][0]["name"], "¶4+14");
    assert_eq!(loc["properties"]["paragraph"], 4);
    assert!(loc["physicalLocation"].get("region").is_none());
    validate_sarif(&doc);
    let (code, extract, _) = run(Command::cargo_bin("factcheck")
        .unwrap()
        .args(["extract", "--format", "json"])
        .arg(&path));
    assert_eq!(code, 0);
    let claims: Value = serde_json::from_str(&extract).unwrap();
    let c = &claims["files"][0]["claims"][0];
    assert_eq!(c["paragraph"], 1, "{c}");
    assert!(c["offset"].is_u64());
}

fn validate_sarif(doc: &Value) {
    let Some(shared) = common::shared_dir() else {
        common::skip("cli_formats::sarif schema", "../shared is absent");
        return;
    };
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    crate::cli_ci::drop_pattern(&mut schema, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn input_format_overrides_the_extension_and_names_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("article.txt");
    std::fs::copy(demo("md"), &renamed).unwrap();
    let (_, want, _) = run(factcheck().args(["--format", "json"]).arg(demo("md")));
    let (code, got, _) = run(factcheck()
        .args(["--format", "json", "--input-format", "markdown"])
        .arg(&renamed));
    assert_eq!(code, 1);
    assert_eq!(findings(&got), findings(&want));
    // Read as text, the Markdown still has its figures, at other columns.
    let (_, as_text, _) = run(factcheck()
        .args(["--format", "concise", "--input-format", "text"])
        .arg(&renamed));
    assert!(as_text.contains("article.txt:31:"), "{as_text}");
    // Standard input takes the format of --stdin-filename.
    let html = std::fs::read(demo("html")).unwrap();
    let (code, out, _) = run(factcheck()
        .args(["--format", "concise", "--stdin-filename", "page.html", "-"])
        .write_stdin(html));
    assert_eq!(code, 1);
    assert!(
        out.starts_with("page.html:14:21: warning[hedge-dropped]"),
        "{out}"
    );
    let docx = std::fs::read(demo("docx")).unwrap();
    let (code, out, _) = run(factcheck()
        .args(["--format", "concise", "--input-format", "docx", "-"])
        .write_stdin(docx));
    assert_eq!(code, 1);
    assert!(out.starts_with("<stdin>:¶4+14:"), "{out}");
}

#[test]
fn directories_are_walked_for_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "md", "html", "docx"] {
        std::fs::copy(demo(ext), dir.path().join(format!("a.{ext}"))).unwrap();
    }
    std::fs::write(dir.path().join("notes.csv"), "x").unwrap();
    let (code, out, err) = run(factcheck().arg("--format").arg("json").arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let names: Vec<&str> = paths
        .iter()
        .map(|p| Path::new(p).file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["a.docx", "a.html", "a.md", "a.txt"]);
    assert_eq!(doc["totals"]["warning"], 4 * 6);
}

#[test]
fn explicit_files_may_each_have_their_format() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(demo("txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let vi = dir.path().join("vi.md");
    let en = dir.path().join("en.html");
    std::fs::write(&vi, lines[11..23].join("\n\n")).unwrap();
    let body: String = lines[23..]
        .iter()
        .map(|l| format!("<p>\n{l}</p>\n"))
        .collect();
    std::fs::write(&en, format!("<html><body>{body}</body></html>")).unwrap();
    let (code, out, err) = run(factcheck()
        .args(["--format", "concise", "--original"])
        .arg(&en)
        .arg("--translation")
        .arg(&vi));
    assert_eq!(code, 1, "{err}");
    // "25%" of the translation's 6th paragraph (line 11 of vi.md); its
    // source on line 12 of en.html (each paragraph's text on the line after
    // its <p>).
    let first = out.lines().next().unwrap();
    assert!(
        first.contains("vi.md:11:213: warning[hedge-dropped]"),
        "{out}"
    );
    let (_, json, _) = run(factcheck()
        .args(["--format", "json", "--original"])
        .arg(&en)
        .arg("--translation")
        .arg(&vi));
    let doc: Value = serde_json::from_str(&json).unwrap();
    let source = &doc["files"][0]["findings"][0]["source"];
    assert!(source["path"].as_str().unwrap().ends_with("en.html"));
    assert_eq!(source["line"], 12);
}

/// One-line errors, exit code 2, no panic; the other files still checked.
#[test]
fn broken_files_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = |x: &str| {
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{x}</w:body></w:document>"#
        )
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "text.docx",
            b"just text, not a zip".to_vec(),
            "not a Word document (.docx)",
        ),
        (
            "nodoc.docx",
            zip_of(&[("word/styles.xml", b"<w:styles/>")]),
            "word/document.xml is missing",
        ),
        (
            "badxml.docx",
            zip_of(&[("word/document.xml", body("<w:p><w:t>1</w:p>").as_bytes())]),
            "word/document.xml: bad XML at byte",
        ),
        (
            "notutf8.docx",
            zip_of(&[("word/document.xml", b"<w:document>\xff</w:document>")]),
            "bad XML",
        ),
        (
            "cut.html",
            b"<p>Doanh thu 25%</p><!-- unfinished".to_vec(),
            "malformed HTML: the file ends inside a comment opened at line 1, column 21",
        ),
        (
            "script.html",
            b"<p>x</p>\n<script>var a = 1;\n".to_vec(),
            "malformed HTML: the file ends inside <script> opened at line 2, column 1",
        ),
        ("binary.md", b"# a\0b".to_vec(), "binary file"),
    ];
    for (name, bytes, _) in &cases {
        std::fs::write(d.join(name), bytes).unwrap();
    }
    std::fs::copy(demo("md"), d.join("good.md")).unwrap();
    let (code, out, err) = run(factcheck().args(["--format", "concise"]).arg(d));
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (name, _, message) in &cases {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error for {name}: {err}"));
        assert!(line.starts_with("error: "), "{line}");
        assert!(line.contains(message), "{name}: {line}");
    }
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        cases.len(),
        "{err}"
    );
    assert!(out.contains("good.md:"), "{out}");
}

/// A small .docx whose document.xml inflates past --max-size is refused at
/// the limit, never inflated whole.
#[test]
fn a_zip_bomb_is_held_to_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "<w:p><w:r><w:t>0</w:t></w:r></w:p>".repeat(200_000);
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraph}</w:body></w:document>"#
    );
    let bomb = dir.path().join("bomb.docx");
    std::fs::write(&bomb, zip_of(&[("word/document.xml", xml.as_bytes())])).unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 200_000);
    let (code, _, err) = run(factcheck().args(["--max-size", "1MB"]).arg(&bomb));
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "word/document.xml is larger than the limit of 1 MB once decompressed (--max-size)"
        ),
        "{err}"
    );
}

/// Issue 11 in all four input formats: the same suggestions, and an HTML
/// report that marks every finding and shows its correction.
#[test]
fn suggestions_and_the_html_report_hold_in_every_format() {
    let suggestions = |out: &str| -> Vec<Value> {
        let doc: Value = serde_json::from_str(out).unwrap();
        doc["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["suggestion"].clone())
            .collect()
    };
    let (_, text, _) = run(factcheck().args(["--format", "json"]).arg(demo("txt")));
    let want = suggestions(&text);
    assert!(want.contains(&Value::from("gần 33%")), "{want:?}");
    for ext in ["txt", "md", "html", "docx"] {
        let (code, out, err) = run(factcheck().args(["--format", "json"]).arg(demo(ext)));
        assert_eq!(code, 1, "{ext}: {err}");
        assert_eq!(suggestions(&out), want, "{ext}");
        let (code, page, err) = run(factcheck().args(["--format", "html"]).arg(demo(ext)));
        assert_eq!(code, 1, "{ext}: {err}");
        assert!(
            page.contains("gần 33%"),
            "{ext}: no suggestion in the report"
        );
        for k in 1..=want.len() {
            assert!(
                page.contains(&format!("id=\"f-{k}\"")),
                "{ext}: finding {k} unmarked"
            );
        }
    }
}

/// A folder checked into an HTML report inside it is checked the same way
/// the next time: the walk leaves factcheck's own reports out.
#[test]
fn an_html_report_in_the_folder_is_not_an_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(demo("txt"), dir.path().join("a.txt")).unwrap();
    let report = dir.path().join("report.html");
    for _ in 0..2 {
        let (code, _, err) = run(factcheck()
            .args(["--format", "html", "-o"])
            .arg(&report)
            .arg(dir.path()));
        assert_eq!(code, 1, "{err}");
    }
    let (_, out, _) = run(factcheck().args(["--format", "concise"]).arg(dir.path()));
    assert!(!out.contains("report.html"), "{out}");
    assert!(out.contains("a.txt"), "{out}");
}
