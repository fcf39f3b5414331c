//! Acceptance test of the extractor on the seed article (read from
//! ../shared, skipped with a message where it is absent): every fragment of
//! expected.yaml is covered by a claim with the right value, unit, scale and
//! qualifier, and nothing is read from tickers, versions, clock times or the URL.

use crate::common;

use factcheck::catalogue::builtin;
use factcheck::claim::{Claim, Kind};
use factcheck::extract::extract_article;
use factcheck::input::read_source;
use factcheck::segment::Article;

/// What each fragment must be read as (our adjudication of the seed).
const EXPECTED_KEYS: &[(&str, &str)] = &[
    ("25% doanh thu", "percent 25%"),
    ("almost one-quarter", "fraction 25% below-close"),
    ("25% doanh thu của Huawei", "percent 25%"),
    ("xuống 50% vào năm 2025", "percent 50%"),
    ("as low as 50% in 2025", "percent 50% at-least"),
    ("xuống còn 50% vào năm 2025", "percent 50% change-to"),
    ("tăng gấp đôi doanh thu", "multiplier 2x"),
    ("more than double its top line", "multiplier 2x above"),
    ("83% doanh nghiệp Trung Quốc", "percent 83%"),
    ("83% of Chinese respondents", "percent 83%"),
    ("83% doanh nghiệp", "percent 83%"),
    ("Alphabet (11-19%)", "percent 11..19%"),
    ("11% to 19% for Alphabet", "percent 11..19%"),
    ("16 quốc gia", "count 16"),
    ("16 other countries and regions", "count 16"),
    ("khoảng 100 tỷ USD", "money 1e11 USD approx"),
    ("$100 billion revenue", "money 1e11 USD"),
    ("chỉ trong 2 tháng với chi phí 6 triệu USD", "money 6e6 USD"),
    (
        "in two months for just $6 million",
        "money 6e6 USD emphasis",
    ),
    ("năm 2023", "year 2023"),
    ("In 2023", "year 2023"),
    ("6 triệu USD", "money 6e6 USD emphasis"),
    ("$6 million", "money 6e6 USD emphasis"),
    ("2 tháng", "duration 2 month"),
    ("two months", "duration 2 month"),
    ("6.000 tỷ USD mỗi năm", "money 6e12 USD"),
    ("$6 trillion a year", "money 6e12 USD"),
    ("40 tỷ USD", "money 4e10 USD"),
    ("$40 billion", "money 4e10 USD"),
    ("80% năm 2024", "percent 80%"),
    ("80% in 2024", "percent 80%"),
    ("60 tỷ USD", "money 6e10 USD"),
    ("$60 billion", "money 6e10 USD"),
    ("chip 7nm", "length 7 nm"),
    ("7 nanometres", "length 7 nm"),
    ("hơn 50%", "percent 50% above"),
    ("more than half", "fraction 50% above"),
    ("SMIC đạt 7nm", "length 7 nm"),
    ("Ngày 24 tháng 1 năm 2025, 6:00", "date 2025-01-24"),
    ("January 24, 20256:00 PM", "date 2025-01-24"),
    ("3 ngày trước", "duration 3 day"),
    ("3 days ago", "duration 3 day"),
    ("ngày 24 tháng 1", "date ????-01-24"),
    ("Jan 24", "date ????-01-24"),
    ("6 nghìn tỷ USD mỗi năm", "money 6e12 USD"),
    ("năm 2019", "year 2019"),
    ("2019 processor", "year 2019"),
    ("Mate 60 năm 2023", "year 2023"),
    ("2023 Mate 60", "year 2023"),
    (
        "gần một phần tư doanh thu 100 tỷ USD năm 2023",
        "fraction 25% below-close",
    ),
    (
        "almost one-quarter of its $100 billion revenue in 2023",
        "fraction 25% below-close",
    ),
    ("11% đến 19%", "percent 11..19%"),
    ("11% to 19%", "percent 11..19%"),
    ("hàng tỷ USD", "money 1e9..1e12 USD vague"),
    ("billions of dollars", "money 1e9..1e12 USD vague"),
    ("80% vào năm 2024", "percent 80%"),
    ("4,3 tỷ nhân dân tệ", "money 4.3e9 CNY"),
    ("4.3 billion yuan", "money 4.3e9 CNY"),
    ("587 triệu USD", "money 5.87e8 USD"),
    ("$587 million", "money 5.87e8 USD"),
    ("7 nanomet", "length 7 nm"),
    ("890 tỷ USD", "money 8.9e11 USD"),
    ("$890 billion", "money 8.9e11 USD"),
    ("chip 2 nanomet", "length 2 nm"),
    ("2-nanometre chips", "length 2 nm"),
    ("hơn 4 năm", "duration 4 year above"),
    ("more than four years", "duration 4 year above"),
    ("trên 1.600 nhà ra quyết định", "count 1600"),
    ("1,600 worldwide industrial decision-makers", "count 1600"),
    ("83% người tham gia", "percent 83%"),
    ("hơn một nửa", "fraction 50% above"),
    ("2023-style", "year 2023"),
    ("tháng 12", "date ????-12-??"),
    ("in December", "date ????-12-??"),
];

/// Fragments that are names, not quantities: only a literal (compared digit
/// for digit) may be extracted there.
const NOT_FIGURES: &[&str] = &["Llama 3.1"];

fn claims_on(claims: &[Claim], lines: &[&str], line: usize, frag: &str) -> Vec<String> {
    let Some((a, b)) = common::char_span(lines[line - 1], frag) else {
        panic!("fragment {frag:?} not on line {line}");
    };
    claims
        .iter()
        .filter(|c| c.line == line && c.column - 1 < b && a < c.end_column - 1)
        .map(Claim::key)
        .collect()
}

#[test]
fn every_expected_fragment_is_extracted_right() {
    let Some(shared) = common::shared_dir() else {
        common::skip("seed_extract", "../shared is absent");
        return;
    };
    let path = shared.join("seed/china-ai-race.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let article = Article::from_layout(builtin(), &read_source(&path).unwrap());
    let claims = extract_article(builtin(), &article);
    let expected = common::load_expected(&shared.join("seed/expected.yaml"));
    let mut failures = Vec::new();
    let items = expected
        .must_flag
        .iter()
        .chain(&expected.should_flag)
        .chain(&expected.may_note)
        .chain(&expected.must_not_flag);
    for item in items {
        for frag in std::iter::once(&item.vi).chain(item.en.as_ref()) {
            let got = claims_on(&claims, &lines, frag.line, &frag.text);
            if NOT_FIGURES.contains(&frag.text.as_str()) {
                if got.iter().any(|k| !k.starts_with("literal ")) {
                    failures.push(format!(
                        "line {} {:?}: expected only literals, got {got:?}",
                        frag.line, frag.text
                    ));
                }
                continue;
            }
            let want = EXPECTED_KEYS
                .iter()
                .find(|(f, _)| *f == frag.text)
                .map(|(_, k)| *k);
            match want {
                None => failures.push(format!(
                    "line {} {:?}: no expected key in this test",
                    frag.line, frag.text
                )),
                Some(k) if !got.iter().any(|g| g == k) => failures.push(format!(
                    "line {} {:?}: expected {k:?}, got {got:?}",
                    frag.line, frag.text
                )),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nothing_from_tickers_versions_clocks_or_the_url() {
    let Some(shared) = common::shared_dir() else {
        common::skip("seed_extract", "../shared is absent");
        return;
    };
    let path = shared.join("seed/china-ai-race.txt");
    let article = Article::from_layout(builtin(), &read_source(&path).unwrap());
    let claims = extract_article(builtin(), &article);
    for c in &claims {
        assert_ne!(c.line, 12, "claim from the URL line: {}", c.text);
        // Names, codes and clock times are read as what they are: literals
        // compared digit for digit, times of day.
        if matches!(c.kind, Kind::Literal | Kind::Time) {
            continue;
        }
        for trap in [
            ".SS", ".HK", ".O", ".TW", ".SZ", ".AS", "3.1", "6:00", "GMT", "Mate 60", "Pro",
        ] {
            assert!(
                !c.text.contains(trap),
                "claim {:?} on line {} reads a trap",
                c.text,
                c.line
            );
        }
    }
    // Every ticker of the English original stays quiet.
    let text = std::fs::read_to_string(&path).unwrap();
    let tickers = text.matches(".HK)").count() + text.matches(".SS)").count();
    assert!(tickers >= 4);
}
