//! The verdicts on pairs: every code, both directions of every hedge.

use super::*;
use crate::catalogue::builtin;
use crate::claim::Claim;
use crate::claim::Section;
use crate::diagnostic::Severity;
use crate::extract::extract_line;
use crate::lang::Lang;
use crate::normalize::Line;

fn one(lang: Lang, section: Section, text: &str) -> Claim {
    let mut v = extract_line(builtin(), lang, section, &Line::new(1, text));
    assert_eq!(
        v.len(),
        1,
        "{text}: {:?}",
        v.iter().map(Claim::key).collect::<Vec<_>>()
    );
    v.remove(0)
}

fn code(vi: &str, en: &str) -> Option<(&'static str, Severity)> {
    let v = one(Lang::Vi, Section::Translation, vi);
    let e = one(Lang::En, Section::Original, en);
    let rel = relate(&v, &e);
    judge(&v, &e, rel).map(|v| (v.code.name(), v.severity))
}

#[test]
fn equivalent_renderings_are_quiet() {
    for (vi, en) in [
        ("6.000 tỷ USD", "$6 trillion"),
        ("6 nghìn tỷ USD", "$6 trillion"),
        ("hơn 50%", "more than half"),
        ("hơn một nửa", "more than half"),
        ("4,3 tỷ nhân dân tệ", "4.3 billion yuan"),
        ("chip 7nm", "7 nanometres"),
        ("tháng 12", "in December"),
        ("ngày 24 tháng 1", "Jan 24"),
        ("1.600 người", "1,600 people"),
        ("16,700 người", "16,700 people"),
        ("2 tháng", "two months"),
        ("58%", "Fifty-eight percent"),
        ("gần một phần tư", "almost one-quarter"),
        ("hai mươi lăm phần trăm", "25%"),
        ("6 triệu đô la Mỹ", "$6 million"),
        ("hàng tỷ USD", "billions of dollars"),
        ("11% đến 19%", "11% to 19%"),
        ("hơn 4 năm", "more than four years"),
        ("chỉ 6 triệu USD", "$6 million"),
        ("6 triệu USD", "just $6 million"),
        ("33%", "a third"),
    ] {
        assert_eq!(code(vi, en), None, "{vi} / {en}");
    }
}

#[test]
fn every_code() {
    use Severity::*;
    for (vi, en, want) in [
        ("25 triệu USD", "$35 million", ("value-mismatch", Error)),
        ("1,2 triệu USD", "$1.2 billion", ("scale-mismatch", Error)),
        ("6 tỷ USD", "$6 trillion", ("scale-mismatch", Error)),
        ("120 triệu euro", "$120 million", ("unit-mismatch", Error)),
        ("5%", "5 percentage points", ("unit-mismatch", Error)),
        ("25%", "almost one-quarter", ("hedge-dropped", Warning)),
        ("xuống còn 50%", "as low as 50%", ("hedge-dropped", Warning)),
        ("gấp đôi", "more than double", ("hedge-dropped", Warning)),
        (
            "100 tỷ USD",
            "about $100 billion",
            ("approximation-dropped", Warning),
        ),
        ("gần 30%", "more than 30%", ("hedge-changed", Error)),
        (
            "ít nhất 2 tỷ USD",
            "up to $2 billion",
            ("hedge-changed", Warning),
        ),
        ("15%", "11% to 19%", ("range-changed", Warning)),
        ("11% đến 25%", "11% to 19%", ("range-changed", Warning)),
        ("khoảng 100 tỷ USD", "$100 billion", ("hedge-added", Info)),
        ("hơn 4 tỷ USD", "$4.3 billion", ("rounded", Info)),
        ("4 tỷ USD", "$4.3 billion", ("rounded", Info)),
        ("4,5 tỷ USD", "$4.3 billion", ("value-mismatch", Error)),
        ("43 tỷ USD", "$4.3 billion", ("value-mismatch", Error)),
        ("tháng 11", "in March", ("value-mismatch", Error)),
    ] {
        assert_eq!(code(vi, en), Some(want), "{vi} / {en}");
    }
}

#[test]
fn messages_name_both_values() {
    let v = one(Lang::Vi, Section::Summary, "25% doanh thu");
    let e = one(
        Lang::En,
        Section::Original,
        "almost one-quarter of its revenue",
    );
    let m = judge(&v, &e, relate(&v, &e)).unwrap().message;
    assert_eq!(
        m,
        "the original says \"almost one-quarter\" (just under 25%); the summary says \"25%\": the qualifier was dropped"
    );
}

/// Each qualifier in both directions: dropped by the Vietnamese, added by
/// it, and kept (in the other language's words).
#[test]
fn every_hedge_both_ways() {
    use Severity::*;
    // (English qualifier, Vietnamese equivalent, code when dropped)
    let hedges = [
        ("almost", "gần", "hedge-dropped"),
        ("nearly", "gần như", "hedge-dropped"),
        ("about", "khoảng", "approximation-dropped"),
        ("around", "xấp xỉ", "approximation-dropped"),
        ("more than", "hơn", "hedge-dropped"),
        ("over", "trên", "hedge-dropped"),
        ("at least", "ít nhất", "hedge-dropped"),
        ("less than", "dưới", "hedge-dropped"),
        ("under", "chưa đến", "hedge-dropped"),
        ("up to", "tối đa", "hedge-dropped"),
        ("as many as", "lên tới", "hedge-dropped"),
        ("as low as", "ít nhất", "hedge-dropped"),
    ];
    for (en_q, vi_q, dropped) in hedges {
        let en_hedged = format!("{en_q} 30%");
        let vi_hedged = format!("{vi_q} 30%");
        assert_eq!(
            code("30%", &en_hedged),
            Some((dropped, Warning)),
            "{en_q} dropped"
        );
        assert_eq!(
            code(&vi_hedged, "30%"),
            Some(("hedge-added", Info)),
            "{vi_q} added"
        );
        assert_eq!(code(&vi_hedged, &en_hedged), None, "{en_q} = {vi_q}");
    }
    // Emphasis and "down to" are not hedges: nothing to report either way.
    assert_eq!(code("chỉ 30%", "30%"), None);
    assert_eq!(code("30%", "only 30%"), None);
    assert_eq!(code("xuống còn 30%", "30%"), None);
}

#[test]
fn opposite_hedges() {
    use Severity::*;
    for (vi, en, severity) in [
        ("gần 30%", "more than 30%", Error),
        ("hơn 30%", "almost 30%", Error),
        ("ít nhất 30%", "up to 30%", Warning),
        ("tối đa 30%", "at least 30%", Warning),
        ("dưới 30%", "more than 30%", Error),
    ] {
        assert_eq!(
            code(vi, en),
            Some(("hedge-changed", severity)),
            "{vi} / {en}"
        );
    }
}
