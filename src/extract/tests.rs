//! Table-driven tests of the extractor: each phrase with the claims it must
//! yield, in the compact form of `Claim::key`, in document order.

use super::*;
use crate::catalogue::builtin;
use crate::claim::Kind;
use crate::normalize::Line;

fn keys(lang: Lang, text: &str) -> Vec<String> {
    let line = Line::new(1, text);
    extract_line(builtin(), lang, Section::Translation, &line)
        .iter()
        .map(Claim::key)
        .collect()
}

fn check(lang: Lang, table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in table {
        let got = keys(lang, text);
        if got != *expected {
            failures.push(format!(
                "{text:?}\n    expected {expected:?}\n    got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrases wrong:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

const VI: &[(&str, &[&str])] = &[
    // separators and scales
    ("6.000 tỷ USD mỗi năm", &["money 6e12 USD"]),
    ("6 nghìn tỷ USD", &["money 6e12 USD"]),
    ("4,3 tỷ nhân dân tệ", &["money 4.3e9 CNY"]),
    ("587 triệu USD", &["money 5.87e8 USD"]),
    ("1.600 nhà ra quyết định", &["count 1600"]),
    ("16,700 người", &["count 16700|16.7"]),
    ("6.3 triệu người", &["count 6.3e6"]),
    ("1,6 nghìn tỷ đồng", &["money 1.6e12 VND"]),
    ("3,95 tỷ bảng", &["money 3.95e9 GBP"]),
    ("40 tỉ USD", &["money 4e10 USD"]),
    ("2,3 tỷ đồng", &["money 2.3e9 VND"]),
    ("564 triệu euro", &["money 5.64e8 EUR"]),
    ("hai tỷ rưỡi đồng", &["money 2.5e9 VND"]),
    ("5 tỷ đô la Mỹ", &["money 5e9 USD"]),
    ("100 đồng nghiệp", &["count 100"]),
    // percent and units
    ("25% doanh thu", &["percent 25%"]),
    ("hai mươi lăm phần trăm", &["percent 25%"]),
    ("46 %", &["percent 46%"]),
    ("tăng 2 điểm phần trăm", &["percentage-point 2 pp"]),
    ("chip 7nm", &["length 7 nm"]),
    ("đạt mức 7 nanomet", &["length 7 nm"]),
    ("trong 2 tháng", &["duration 2 month"]),
    ("hai tháng", &["duration 2 month"]),
    ("3 ngày trước", &["duration 3 day"]),
    ("một năm rưỡi", &["duration 1.5 year"]),
    ("2 triệu tấn", &["measure 2e9 kg"]),
    // qualifiers
    ("gần một phần tư doanh thu", &["fraction 25% below-close"]),
    ("hơn một nửa số lượng", &["fraction 50% above"]),
    ("hơn 50% lượng robot", &["percent 50% above"]),
    ("hơn 4 năm", &["duration 4 year above"]),
    ("khoảng 100 tỷ USD", &["money 1e11 USD approx"]),
    ("xấp xỉ 30%", &["percent 30% approx"]),
    ("ít nhất 30 người", &["count 30 at-least"]),
    ("dưới 5%", &["percent 5% below"]),
    ("chưa đến 10 ngày", &["duration 10 day below"]),
    ("tối đa 2 tỷ USD", &["money 2e9 USD at-most"]),
    ("lên tới 100 tỷ đồng", &["money 1e11 VND at-most"]),
    (
        "xuống còn 50% vào năm 2025",
        &["percent 50% change-to", "year 2025"],
    ),
    ("chỉ 6 triệu USD", &["money 6e6 USD emphasis"]),
    ("từ 50% trở lên", &["percent 50% at-least"]),
    ("tăng hơn 50%", &["percent 50% above"]),
    // ranges and multipliers
    ("11% đến 19%", &["percent 11..19%"]),
    ("Alphabet (11-19%)", &["percent 11..19%"]),
    ("từ 30 đến 43%", &["percent 30..43%"]),
    ("50 - 60 %", &["percent 50..60%"]),
    ("tăng gấp đôi doanh thu", &["multiplier 2x"]),
    ("gấp ba", &["multiplier 3x"]),
    ("cao gấp 11 lần", &["multiplier 11x"]),
    ("tăng 3 lần", &["multiplier 3x"]),
    ("lợi nhuận giảm một nửa", &["multiplier 0.5x"]),
    // vague quantities
    ("bơm hàng tỷ USD", &["money 1e9..1e12 USD vague"]),
    ("hàng chục nghìn người", &["count 10000..100000 vague"]),
    ("vài tỷ USD", &["money 2e9..1e10 USD vague"]),
    // dates and years
    ("ngày 24 tháng 1 năm 2025", &["date 2025-01-24"]),
    ("HỒNG KÔNG, ngày 24 tháng 1 (Reuters)", &["date ????-01-24"]),
    ("Vào tháng 12, Bộ trưởng", &["date ????-12-??"]),
    ("tháng 3/2024", &["date 2024-03-??"]),
    ("ngày 30/10/2008", &["date 2008-10-30"]),
    // Spans of days that share one month (date_spans.rs).
    ("ngày 6-7 tháng 6", &["date ????-06-06", "date ????-06-07"]),
    (
        "từ ngày 7 đến 19 tháng 3 năm 2024",
        &["date 2024-03-07", "date 2024-03-19"],
    ),
    (
        "Các cuộc họp, 21-22 / 6",
        &["date ????-06-21", "date ????-06-22"],
    ),
    (
        "trong sáu tháng đến 30 tháng 9",
        &["duration 6 month", "date ????-09-30"],
    ),
    (
        "trong quý 2 đến 27 tháng 8",
        &["literal 2", "date ????-08-27"],
    ),
    ("tháng 3 năm ngoái", &["date ????-03-??"]),
    ("vào năm 2025", &["year 2025"]),
    ("những năm 1990", &["year 1990..1999"]),
    ("2017-18", &["year 2017..2018"]),
    // number words
    ("năm triệu người", &["count 5e6"]),
    ("năm người", &["count 5"]),
    ("ba trăm người", &["count 300"]),
    ("mười lăm ngày", &["duration 15 day"]),
    ("hai phần ba dân số", &["fraction 66.67%"]),
    // traps
    ("Mate 60 năm 2023", &["literal 60", "year 2023"]),
    // A number with a scale after a name is an amount, not part of the name.
    (
        "Bản Tre-2.5 Mini 8 tỷ tham số",
        &["literal 25", "count 8e9"],
    ),
    ("năm ngoái", &[]),
    ("đầu tư tư nhân", &[]),
    ("một sự kiện", &[]),
    ("thứ hai", &["literal 2"]),
    ("thấp hơn nhiều", &[]),
    ("thấp hơn 5% so với", &["percent 5%"]),
    (
        "khảo sát năm ngoái của SAS trên 1.600 nhà ra quyết định",
        &["count 1600"],
    ),
    ("Llama 3.1 của Meta", &["literal 31"]),
    ("6:00 chiều GMT+7", &["time 18:00", "literal 7"]),
    (
        "Meta Platforms (META.O) và (688256.SS)",
        &["literal 688256"],
    ),
    ("xem https://www.reuters.com/a-2025-01-24/ ngay", &[]),
    ("lần thứ 3", &["literal 3"]),
    ("một lần nữa", &[]),
    ("4 năm một lần", &["duration 4 year"]),
];

const EN: &[(&str, &[&str])] = &[
    // Rule `roman-after-name`: two letters or more of I, V, X after a name.
    ("for Cameron to do \"Avatar II\" underwater", &["literal 2"]),
    ("veterans of World War II", &["literal 2"]),
    ("the Apollo XI crew", &["literal 11"]),
    ("Plan B, as I said, and DC or MM", &[]),
    ("I think I can", &[]),
    (
        "The transaction is set for June 6-7.",
        &["date ????-06-06", "date ????-06-07"],
    ),
    (
        "polled companies from March 7 to 19, 2024",
        &["date ????-03-07", "date 2024-03-19"],
    ),
    (
        "meetings, 21-22 June",
        &["date ????-06-21", "date ????-06-22"],
    ),
    (
        "for the six months to 30 September",
        &["duration 6 month", "date ????-09-30"],
    ),
    ("emailed on 30/10/2008", &["date 2008-10-30"]),
    ("emailed on 10/30/2008", &["date 2008-10-30"]),
    ("emailed on 10/11/2008", &["literal 1.0112e7"]),
    // money and scales
    ("$6 trillion a year", &["money 6e12 USD"]),
    (
        "4.3 billion yuan ($587 million)",
        &["money 4.3e9 CNY", "money 5.87e8 USD"],
    ),
    ("$2.9bn", &["money 2.9e9 USD"]),
    ("£290m", &["money 2.9e8 GBP"]),
    ("VND1.6 trillion", &["money 1.6e12 VND"]),
    ("$40 billion Cambricon Technologies", &["money 4e10 USD"]),
    ("6 million dollars", &["money 6e6 USD"]),
    ("one million dollars", &["money 1e6 USD"]),
    ("a billion dollars", &["money 1e9 USD"]),
    ("US$5 million", &["money 5e6 USD"]),
    ("€3.5bn", &["money 3.5e9 EUR"]),
    ("a price of 180p", &["money 180 GBX"]),
    ("$50k", &["money 50000 USD"]),
    ("$ 50,000", &["money 50000 USD"]),
    ("$1-2 billion", &["money 1e9..2e9 USD"]),
    ("£30m-£35m", &["money 3e7..3.5e7 GBP"]),
    ("$115-million deal", &["money 1.15e8 USD"]),
    ("half a million people", &["count 500000"]),
    ("two and a half billion", &["count 2.5e9"]),
    // percent and units
    ("83% of Chinese respondents", &["percent 83%"]),
    ("Fifty-eight percent of voters", &["percent 58%"]),
    ("58 per cent", &["percent 58%"]),
    ("rose 2 percentage points", &["percentage-point 2 pp"]),
    ("cut by 25 basis points", &["percentage-point 0.25 pp"]),
    ("7 nanometres", &["length 7 nm"]),
    ("2-nanometre chips", &["length 2 nm"]),
    ("two months", &["duration 2 month"]),
    ("3 days ago", &["duration 3 day"]),
    ("a 5-year plan", &["duration 5 year"]),
    ("over five years", &["duration 5 year"]),
    // qualifiers
    (
        "almost one-quarter of its $100 billion revenue in 2023",
        &["fraction 25% below-close", "money 1e11 USD", "year 2023"],
    ),
    (
        "more than half of the world's installations",
        &["fraction 50% above"],
    ),
    ("more than four years", &["duration 4 year above"]),
    (
        "as low as 50% in 2025",
        &["percent 50% at-least", "year 2025"],
    ),
    ("about $100 billion", &["money 1e11 USD approx"]),
    ("nearly $5 billion", &["money 5e9 USD below-close"]),
    ("some 200 people", &["count 200 approx"]),
    ("at least 30 people", &["count 30 at-least"]),
    ("less than 5%", &["percent 5% below"]),
    ("up to $2 billion", &["money 2e9 USD at-most"]),
    ("as many as 300 workers", &["count 300 at-most"]),
    ("just over 10%", &["percent 10% above-close"]),
    ("for just $6 million", &["money 6e6 USD emphasis"]),
    ("50% or more", &["percent 50% at-least"]),
    ("over 1,000 workers", &["count 1000 above"]),
    // ranges and multipliers
    ("11% to 19%", &["percent 11..19%"]),
    ("11-19%", &["percent 11..19%"]),
    ("between 30 and 43 percent", &["percent 30..43%"]),
    ("more than double its top line", &["multiplier 2x above"]),
    ("sales doubled", &["multiplier 2x"]),
    ("three times as many", &["multiplier 3x"]),
    ("a 2x increase", &["multiplier 2x"]),
    ("profits halved", &["multiplier 0.5x"]),
    ("double-digit growth", &[]),
    // fractions and proportions
    ("two-thirds of voters", &["fraction 66.67%"]),
    ("three-quarters of the market", &["fraction 75%"]),
    ("almost a third of sales", &["fraction 33.33% below-close"]),
    ("one in five Americans", &["fraction 20%"]),
    ("in the second half of the year", &["literal 2"]),
    ("a third runway", &["literal 3"]),
    ("in the first quarter", &["literal 1"]),
    // vague
    ("billions of dollars", &["money 1e9..1e12 USD vague"]),
    (
        "tens of thousands of people",
        &["count 10000..100000 vague"],
    ),
    ("hundreds of thousands", &["count 100000..1e6 vague"]),
    ("several billion dollars", &["money 2e9..1e10 USD vague"]),
    // dates and years
    (
        "January 24, 20256:00 PM GMT+7Updated 3 days ago",
        &[
            "date 2025-01-24",
            "time 18:00",
            "literal 7",
            "duration 3 day",
        ],
    ),
    (
        "HONG KONG, Jan 24 (Reuters Breakingviews)",
        &["date ????-01-24"],
    ),
    ("In 2023, Huawei", &["year 2023"]),
    ("a 2019 processor", &["year 2019"]),
    ("another 2023-style breakthrough", &["year 2023"]),
    ("in December described", &["date ????-12-??"]),
    ("24 December 2024", &["date 2024-12-24"]),
    ("December 2024", &["date 2024-12-??"]),
    ("the 1990s", &["year 1990..1999"]),
    ("in fiscal 2017-18", &["year 2017..2018"]),
    // counts and number words
    (
        "1,600 worldwide industrial decision-makers",
        &["count 1600"],
    ),
    ("16 other countries and regions", &["count 16"]),
    ("two thousand workers", &["count 2000"]),
    ("a dozen companies", &["count 12"]),
    ("a hundred and twenty days", &["duration 120 day"]),
    // traps
    (
        "the 2023 Mate 60 smartphone chip",
        &["year 2023", "literal 60"],
    ),
    ("Meta's Llama 3.1", &["literal 31"]),
    (
        "Cambricon Technologies (688256.SS), opens new tab",
        &["literal 688256"],
    ),
    ("at 6:00 PM", &["time 18:00"]),
    ("GMT+7", &["literal 7"]),
    (
        "https://www.reuters.com/breakingviews/how-china-2025-01-24/",
        &[],
    ),
    ("one of the most", &[]),
    ("COVID-19 cases", &["literal 19"]),
    ("Nvidia's H100 chips", &["literal 100"]),
    ("the 16th largest", &["literal 16"]),
    ("5G networks", &["literal 5"]),
    ("May be", &[]),
    ("may 5 people", &["count 5"]),
    ("1e309", &["literal 1309"]),
    ("99999999999999999999%", &["percent 1e20%"]),
];

#[test]
fn vietnamese_phrases() {
    assert!(VI.len() >= 60, "{} Vietnamese phrases", VI.len());
    check(Lang::Vi, VI);
}

#[test]
fn english_phrases() {
    assert!(EN.len() >= 60, "{} English phrases", EN.len());
    check(Lang::En, EN);
}

/// Each named rule of the extractor with the line it was written for.
#[test]
fn named_rules_hold() {
    for (rule, lang, text, expected) in [
        (
            "converted-in-brackets",
            Lang::En,
            "a 12m (39ft) vessel",
            &["length 1.2e10 nm", "length 1.1887e10 nm"][..],
        ),
        (
            "change-by-to",
            Lang::En,
            "profit fell by £4.6bn to £12.6bn",
            &["money 4.6e9 GBP", "money 1.26e10 GBP"],
        ),
        (
            "new-level",
            Lang::En,
            "sales rose 19 percent to 27,480 units",
            &["percent 19%", "count 27480"],
        ),
        ("decade", Lang::En, "in the 1840 's", &["year 1840..1849"]),
        (
            "capitalised-multiplier",
            Lang::En,
            "tickets for the Double Rainbow tour",
            &[],
        ),
        (
            "capitalised-multiplier",
            Lang::En,
            "Double the price.",
            &["multiplier 2x"],
        ),
    ] {
        assert_eq!(keys(lang, text), expected, "rule {rule}: {text}");
    }
}

#[test]
fn columns_point_into_the_original() {
    use unicode_normalization::UnicodeNormalization;
    let text = "Huawei chi gần một phần tư doanh thu 100 tỷ USD";
    let nfd: String = text.nfd().collect();
    let a = extract_line(builtin(), Lang::Vi, Section::Summary, &Line::new(3, text));
    let b = extract_line(builtin(), Lang::Vi, Section::Summary, &Line::new(3, &nfd));
    assert_eq!(
        a.iter().map(Claim::key).collect::<Vec<_>>(),
        b.iter().map(Claim::key).collect::<Vec<_>>()
    );
    let money = b.iter().find(|c| c.kind == Kind::Money).unwrap();
    assert_eq!(money.text.nfc().collect::<String>(), "100 tỷ USD");
    let col = nfd.chars().take_while(|&c| c != '1').count() + 1;
    assert_eq!(money.column, col);
    assert_eq!(money.line, 3);
}

#[test]
fn changes_are_two_figures() {
    assert_eq!(
        keys(Lang::En, "rose from 10% to 80%"),
        ["percent 10%", "percent 80%"]
    );
    assert_eq!(
        keys(Lang::En, "fell from $5 billion to $3 billion"),
        ["money 5e9 USD", "money 3e9 USD"]
    );
    assert_eq!(
        keys(Lang::Vi, "tăng từ 10% lên 80%"),
        ["percent 10%", "percent 80%"]
    );
    assert_eq!(keys(Lang::En, "a $1.2 billion loan"), ["money 1.2e9 USD"]);
    assert_eq!(keys(Lang::En, "an A$583m deal"), ["money 5.83e8 AUD"]);
}

#[test]
fn compound_vietnamese_amounts_and_signs_in_words() {
    assert_eq!(
        keys(Lang::Vi, "1 triệu 200 nghìn khách hàng"),
        ["count 1.2e6"]
    );
    assert_eq!(keys(Lang::Vi, "3 trăm triệu USD"), ["money 3e8 USD"]);
    assert_eq!(keys(Lang::Vi, "Tăng trưởng âm 5%"), ["percent -5%"]);
    assert_eq!(keys(Lang::En, "Growth was -5%"), ["percent -5%"]);
}
