//! Hostile shapes of input (issue 8): every article up to 25 MB finishes,
//! whatever its shape. Each shape is generated here and checked by the real
//! binary under a generous wall-clock guard: a hang fails the test instead of
//! blocking CI. The guard is not a speed assertion; the speed is measured in
//! `benches/`, and the README gives the figures.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// Far above what any shape takes even in the unoptimised test build.
const GUARD: Duration = Duration::from_secs(240);

/// Check one generated article; returns the exit code, the JSON report's
/// totals and standard error.
fn check(text: &str) -> (i32, Value, String) {
    check_as("article.txt", text)
}

/// `check` of a file with this name (its extension chooses the reader).
fn check_as(name: &str, text: &str) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("factcheck")
        .unwrap()
        .args(["--isolated", "--format", "json"])
        .arg(&path)
        .timeout(GUARD)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let code = out.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert!(
        doc["files"][0]["error"].is_null(),
        "{}",
        doc["files"][0]["error"]
    );
    (code, doc["totals"].clone(), stderr)
}

fn count(totals: &Value, severity: &str) -> u64 {
    totals[severity].as_u64().unwrap()
}

#[test]
fn one_long_bullet_against_one_long_paragraph() {
    // 21 MB: the summary is one bullet, the original one paragraph.
    let n = 300_000;
    let bullet: Vec<String> = (0..n)
        .map(|i| format!("doanh thu đạt {i} tỷ đồng"))
        .collect();
    let para: Vec<String> = (0..n)
        .map(|i| format!("revenue reached {i} billion dong"))
        .collect();
    let text = format!(
        "- {}\nhttps://example.com/a\n{}\n",
        bullet.join(" "),
        para.join(" ")
    );
    assert!(text.len() > 20_000_000);
    let (_, _, stderr) = check(&text);
    // Past the per-language bound, the check says what it left out.
    assert!(
        stderr.contains("figures after them were not checked"),
        "{stderr}"
    );
}

#[test]
fn figures_in_one_bullet_against_as_many_in_the_original() {
    let figures: Vec<String> = (0..100_000).map(|i| format!("{i}%")).collect();
    let text = format!(
        "- Các tỷ lệ là {}\nhttps://example.com/a\nThe figures were {}\n",
        figures.join(" "),
        figures.join(" ")
    );
    let (_, totals, _) = check(&text);
    // Equal figures find their sources.
    assert!(count(&totals, "warning") < 100, "{totals}");
}

#[test]
fn a_few_thousand_summary_figures_against_many_more() {
    let summary: Vec<String> = (0..4_000).map(|i| format!("{i} triệu USD")).collect();
    let original: Vec<String> = (0..20_000).map(|i| format!("${i} million")).collect();
    let text = format!(
        "- {}\nhttps://example.com/a\nIt said {}\n",
        summary.join(" "),
        original.join(" ")
    );
    let (_, totals, _) = check(&text);
    assert!(count(&totals, "warning") < 100, "{totals}");
}

#[test]
fn the_same_figures_in_one_bullet_and_one_sentence() {
    let figures: Vec<String> = (0..4_000).map(|i| i.to_string()).collect();
    let list = figures.join(" ");
    let text = format!("- Các con số là {list}\nhttps://example.com/a\nThe counts were {list}\n");
    check(&text);
}

#[test]
fn thousands_of_bullets_against_as_many_sentences() {
    for n in [5_000, 20_000] {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("- Doanh thu của công ty {i} tăng {}%\n", i % 97));
        }
        text.push_str("https://example.com/a\n");
        for i in 0..n {
            text.push_str(&format!("Revenue of company {i} rose {}%.\n", i % 89));
        }
        check(&text);
    }
}

/// Unsupported summary figures looked up through a long translation
/// (`restated.rs`): every bullet shares words with every sentence.
#[test]
fn thousands_of_unsupported_bullets_against_a_long_translation() {
    let mut text = String::new();
    for i in 0..3_000 {
        text.push_str(&format!("- Doanh thu của công ty tăng {}%\n", 1_000 + i));
    }
    text.push_str("https://example.com/a\n");
    for i in 0..20_000 {
        text.push_str(&format!("Doanh thu của công ty tăng {}%.\n", i % 89));
    }
    for i in 0..20_000 {
        text.push_str(&format!("Company revenue rose {}%.\n", i % 89));
    }
    check(&text);
}

#[test]
fn a_chain_of_ranges() {
    let chain: Vec<String> = (1..=12_800).map(|i| i.to_string()).collect();
    let chain = chain.join("-");
    let (_, totals, _) = check(&format!(
        "Doanh thu của công ty là {chain}%\nThe revenue of the company was {chain}%\n"
    ));
    assert_eq!(count(&totals, "error"), 0, "{totals}");
}

#[test]
fn distinct_counts_in_one_paragraph() {
    let vi: Vec<String> = (0..20_000)
        .map(|i| format!("{} người", i * 7 + 3))
        .collect();
    let en: Vec<String> = (0..20_000)
        .map(|i| format!("{} people", i * 11 + 5))
        .collect();
    check(&format!(
        "Các con số {}\nThe numbers {}\n",
        vi.join(", "),
        en.join(", ")
    ));
}

#[test]
fn two_lines_of_ten_megabytes_of_ones() {
    let ones = "1 ".repeat(5_000_000);
    let (_, _, stderr) = check(&format!("Số liệu {ones}\nThe data {ones}\n"));
    assert!(stderr.contains("not checked"), "{stderr}");
}

#[test]
fn fifty_thousand_identical_bullets() {
    let text = format!(
        "{}https://example.com/a\n{}",
        "- Doanh thu tăng 5%\n".repeat(50_000),
        "Revenue rose 5% this year.\n".repeat(50_000)
    );
    let (_, totals, _) = check(&text);
    assert_eq!(
        count(&totals, "warning") + count(&totals, "error"),
        0,
        "{totals}"
    );
}

#[test]
fn a_single_line_of_twenty_megabytes() {
    let vi = "tăng 5% lên 4,3 tỷ đồng và ".repeat(400_000);
    let en = "rose 5% to 4.3 billion dong and ".repeat(150_000);
    check(&format!("Doanh thu {vi}\nRevenue {en}\n"));
}

#[test]
fn a_hundred_thousand_paragraphs_of_repeated_figures() {
    let mut text = String::new();
    for i in 0..100_000 {
        text.push_str(&format!("Doanh thu tăng {}% trong quý.\n", i % 10));
    }
    for i in 0..100_000 {
        text.push_str(&format!("Revenue rose {}% in the quarter.\n", i % 10));
    }
    let (_, totals, _) = check(&text);
    assert_eq!(count(&totals, "error"), 0, "{totals}");
}

#[test]
fn an_html_line_of_many_entities() {
    // 12 MB: one paragraph whose every word is next to an entity; each is
    // placed back in the file from the last place found, not from the line's
    // start.
    let words = "Doanh thu &amp;x <b>7</b> tăng ".repeat(400_000);
    let text =
        format!("<html><body><p>{words}</p><p>Revenue &amp;x <b>7</b> rose.</p></body></html>\n");
    assert!(text.len() > 12_000_000);
    check_as("article.html", &text);
}
