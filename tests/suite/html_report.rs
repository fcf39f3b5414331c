//! `--format html` in a real browser (headless Chromium, Debian's
//! `chromium` package, which `.ci/run` installs): the DOM of the demo
//! article's report after its script ran, a screenshot that is not blank,
//! and an article full of markup whose scripts must never run. Without
//! Chromium these tests print `SKIPPED` and pass; the tests that need no
//! browser (folder index, streaming, determinism) always run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command as Cmd;

use crate::common::{repo, skip};

const DEMO: &str = "examples/vietnam-ev-battery.txt";

/// The Chromium binary: `$CHROMIUM`, else `chromium` or `chromium-browser`
/// on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// True when running as root (Chromium then needs `--no-sandbox`).
fn root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1))
            == Some("0")
    })
}

/// Run headless Chromium on a page with `args`; its standard output.
/// Killed after a minute, whatever it does.
fn browse(dir: &Path, page: &str, args: &[&str]) -> String {
    let browser = chromium().expect("checked by the caller");
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
        "--virtual-time-budget=5000",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .args(args)
    .arg(page)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if root() {
        cmd.arg("--no-sandbox");
    }
    let mut child = cmd.spawn().expect("chromium starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium took more than a minute on {page}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Write the HTML report of `inputs` into `dir`; its path.
fn report(dir: &Path, inputs: &[&Path]) -> PathBuf {
    let out = dir.join("report.html");
    Cmd::cargo_bin("factcheck")
        .unwrap()
        .args(["--format", "html", "--isolated", "-o"])
        .arg(&out)
        .args(inputs)
        .assert()
        .code(predicates::ord::lt(2));
    out
}

fn url(path: &Path, hash: &str) -> String {
    format!("file://{}{hash}", path.display())
}

/// The DOM's text without its tags (entities left as they are).
fn text_of(html: &str) -> String {
    regex::Regex::new("<[^>]*>")
        .unwrap()
        .replace_all(html, "")
        .into_owned()
}

/// The findings of the demo article, as the JSON report gives them.
fn demo_findings() -> Vec<serde_json::Value> {
    let out = Cmd::cargo_bin("factcheck")
        .unwrap()
        .args(["--format", "json", "--isolated", DEMO])
        .current_dir(repo("."))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"][0]["findings"].as_array().unwrap().clone()
}

#[test]
fn html_demo_report_in_the_browser() {
    if chromium().is_none() {
        return skip("html_demo_report_in_the_browser", "no chromium on the PATH");
    }
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path(), &[&repo(DEMO)]);
    let findings = demo_findings();
    assert!(findings.len() >= 5, "the demo article has findings");
    // The summary's "33%" was checked against "almost a third" in the original.
    let n = 1 + findings
        .iter()
        .position(|f| f["target"]["text"] == "33%")
        .expect("the demo's 33% finding");
    let dom = browse(dir.path(), &url(&page, &format!("#f-{n}")), &["--dump-dom"]);

    // The script ran: it counted the findings and selected the one in the URL.
    assert!(
        dom.contains(&format!("data-findings=\"{}\"", findings.len())),
        "script did not run"
    );
    assert!(dom.contains(&format!("data-selected=\"{n}\"")));
    let status = regex::Regex::new(r#"<p id="status"[^>]*>(.*?)</p>"#).unwrap();
    let status = status.captures(&dom).expect("status bar")[1].to_string();
    assert!(
        text_of(&status).contains(&format!("finding {n} of {}", findings.len())),
        "{status}"
    );
    assert!(text_of(&status).contains("almost a third"), "{status}");
    // Both spans of the selected finding and its table row are highlighted.
    for id in [format!("f-{n}"), format!("f-{n}-en"), format!("r-{n}")] {
        let el = regex::Regex::new(&format!(r#"<[^>]*\bid="{id}"[^>]*>"#)).unwrap();
        let tag = el.find(&dom).unwrap_or_else(|| panic!("no #{id}")).as_str();
        assert!(
            tag.contains(" sel\"") || tag.contains("sel "),
            "#{id} not selected: {tag}"
        );
    }
    // Every finding is in the table and marked in the text, with its
    // message as the mark's title; both spans when it has both.
    for (k, f) in findings.iter().enumerate() {
        let n = k + 1;
        assert!(dom.contains(&format!("<tr id=\"r-{n}\" data-f=\"{n}\"")));
        let mark = regex::Regex::new(&format!(
            r#"<mark class="f {}( sel)?" data-f="{n}" id="f-{n}" tabindex="0" title="([^"]*)""#,
            f["severity"].as_str().unwrap()
        ))
        .unwrap();
        let title = mark
            .captures(&dom)
            .unwrap_or_else(|| panic!("no mark for finding {n}"))[2]
            .to_string();
        assert!(title.contains(f["code"].as_str().unwrap()), "{title}");
        if !f["target"].is_null() && !f["source"].is_null() {
            assert!(dom.contains(&format!("id=\"f-{n}-en\"")), "finding {n}");
        }
    }
    // Every claim is underlined: at least as many claim spans as claims.
    let out = Cmd::cargo_bin("factcheck")
        .unwrap()
        .args(["extract", "--format", "json", DEMO])
        .current_dir(repo("."))
        .output()
        .unwrap();
    let claims: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = claims["files"][0]["claims"].as_array().unwrap().len();
    let underlined = dom.matches("class=\"c\"").count();
    assert!(
        underlined >= claims,
        "{underlined} claim spans, {claims} claims"
    );

    // The summary's 33% links to the sentence of the original it was
    // checked against; following the link highlights that sentence.
    let link = regex::Regex::new(r##"<a class="c" href="#(a1-s\d+)"[^>]*><mark[^>]*>33%</mark>"##)
        .unwrap();
    let target = link.captures(&dom).expect("33% links to its source")[1].to_string();
    let at = dom.find(&format!("id=\"{target}\"")).expect("the sentence");
    let sentence = text_of(&dom[at..(at + 2000).min(dom.len())]);
    assert!(
        sentence.contains("Electric models made up almost a third of new car sales in Vietnam"),
        "{sentence}"
    );
    let dom = browse(
        dir.path(),
        &url(&page, &format!("#{target}")),
        &["--dump-dom"],
    );
    assert!(dom.contains(&format!("<span class=\"sent hl\" id=\"{target}\">")));
}

#[test]
fn html_demo_screenshot_is_not_blank() {
    if chromium().is_none() {
        return skip(
            "html_demo_screenshot_is_not_blank",
            "no chromium on the PATH",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    // Reported under its repository path, as the README's screenshot shows it.
    let page = dir.path().join("report.html");
    Cmd::cargo_bin("factcheck")
        .unwrap()
        .args(["--format", "html", "--isolated", "-o"])
        .arg(&page)
        .arg(DEMO)
        .current_dir(repo("."))
        .assert()
        .code(1);
    let shot = dir.path().join("shot.png");
    // The top of the page (headless Chromium paints a scrolled page blank).
    browse(
        dir.path(),
        &url(&page, ""),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400",
        ],
    );
    let bytes = std::fs::read(&shot).expect("a screenshot was written");
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1280, 1400));
    let px = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(px).collect();
    let white = pixels.iter().filter(|p| p[..3] == [255, 255, 255]).count();
    let mut colours: Vec<[u8; 3]> = pixels.iter().map(|p| [p[0], p[1], p[2]]).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 100, "{} colours", colours.len());
    assert!(
        white < pixels.len() * 97 / 100,
        "{white} of {} pixels white",
        pixels.len()
    );
    // The severity colours of the style sheet are painted (marks, legend).
    for bg in [[0xfd, 0xe0, 0xe0], [0xff, 0xf0, 0xc2], [0xdc, 0xeb, 0xfb]] {
        assert!(colours.binary_search(&bg).is_ok(), "no pixel of {bg:?}");
    }
    if let Some(to) = std::env::var_os("FACTCHECK_SCREENSHOT") {
        std::fs::copy(&shot, repo(".").join(to)).unwrap();
    }
}

/// An article whose every line carries markup, scripts and event handlers.
const HOSTILE: &str = r#"- Doanh thu đạt 25% năm 2024 <script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>
📌 Lợi nhuận tăng 30% <img src=x onerror="document.body.setAttribute('data-pwned','2')"> trong năm nay
https://example.com/"><script>document.title='pwned'</script>
Công ty cho biết doanh thu tăng 25% trong năm 2024 </div></div></section></main><script>document.title='pwned'</script> và lợi nhuận tăng 30%.
Ông Nguyễn nói rằng công ty sẽ tuyển thêm 200 nhân viên <svg onload="document.body.setAttribute('data-pwned','3')"></svg> trong năm tới.
The company said revenue rose 25% in 2024 </table></p><img src=x onerror="document.title='pwned'"> and profit rose 30%.
Mr Nguyen said the company would hire 200 more staff <iframe src="javascript:parent.document.title='pwned'"></iframe> next year.
"#;

#[test]
fn html_article_markup_is_text_and_never_runs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a<b>'\"&.txt");
    std::fs::write(&input, HOSTILE).unwrap();
    let page = report(dir.path(), &[&input]);
    let html = std::fs::read_to_string(&page).unwrap();
    // Without a browser: no tag of the article reaches the page.
    for tag in [
        "<script>document",
        "<img",
        "<svg",
        "<iframe",
        "</table></p>",
    ] {
        assert!(!html.contains(tag), "{tag} reached the page");
    }
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;"));
    assert!(html.contains("a&lt;b&gt;&#39;&quot;&amp;.txt"));
    if chromium().is_none() {
        return skip(
            "html_article_markup_is_text_and_never_runs",
            "no chromium on the PATH",
        );
    }
    let dom = browse(dir.path(), &url(&page, ""), &["--dump-dom"]);
    assert!(dom.contains("data-findings="), "the page's own script ran");
    assert!(dom.contains("<title>factcheck report</title>"));
    assert!(!dom.contains("data-pwned=\""), "an article's script ran");
    for tag in ["<img", "<svg", "<iframe"] {
        assert!(!dom.contains(tag), "{tag} became an element");
    }
    // The markup is shown as text, and every line stayed in its column.
    assert!(text_of(&dom).contains("&lt;/div&gt;&lt;/div&gt;&lt;/section&gt;&lt;/main&gt;"));
    assert_eq!(dom.matches("<p class=\"line ").count(), 6);
    assert_eq!(dom.matches("<section class=\"article\"").count(), 1);
}

#[test]
fn html_folder_report_has_an_index_worst_first() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::copy(
        repo("tests/fixtures/clean-equivalents.txt"),
        articles.join("a-clean.txt"),
    )
    .unwrap();
    std::fs::copy(repo(DEMO), articles.join("b-demo.txt")).unwrap();
    std::fs::write(articles.join("c-broken.txt"), "chỉ có tiếng Việt ở đây\n").unwrap();
    let run = |threads: &str| {
        Cmd::cargo_bin("factcheck")
            .unwrap()
            .args(["--format", "html", "--isolated", "--threads", threads])
            .arg(&articles)
            .output()
            .unwrap()
    };
    let out = run("1");
    assert_eq!(out.status.code(), Some(2), "a file could not be checked");
    assert_eq!(out.stdout, run("2").stdout, "deterministic");
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    // Articles in report order, then the index, worst first.
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(pos("id=\"a-1\"") < pos("id=\"a-2\"") && pos("id=\"a-2\"") < pos("id=\"a-3\""));
    let index = &html[pos("<nav class=\"index\"")..];
    let order: Vec<usize> = ["c-broken.txt", "b-demo.txt", "a-clean.txt"]
        .iter()
        .map(|f| index.find(f).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{index}");
    assert!(index.contains("href=\"#a-3\""));
    assert!(html.contains("could not be checked"));
    // Finding numbers run through the report: no id twice.
    let ids = regex::Regex::new(r#" id="([^"]+)""#).unwrap();
    let mut seen: Vec<&str> = ids
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n, "ids are unique");
}
