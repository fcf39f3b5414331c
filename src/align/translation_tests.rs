//! Tests of the translation pairing (`translation.rs`).

use super::*;
use crate::align::testing::read;

fn run(
    text: &str,
) -> (
    crate::align::testing::Read,
    Vec<Pair>,
    Vec<usize>,
    Vec<usize>,
) {
    let r = read(text);
    let of = |s: Section| -> Vec<usize> {
        (0..r.claims.len())
            .filter(|&i| r.claims[i].section == s)
            .collect()
    };
    let (tr, en) = (of(Section::Translation), of(Section::Original));
    let mut m = Matcher::new(&r.claims, &r.contexts);
    let (uv, ue) = m.run(&r.article, &tr, &en);
    let pairs = m.pairs.clone();
    drop(m);
    (r, pairs, uv, ue)
}

/// Whole numbers written as the float formatter writes them.
#[test]
fn whole_numbers_in_scientific_notation() {
    let mut values: Vec<f64> = (1..30_000).map(f64::from).collect();
    let mut x = 1u64;
    for _ in 0..20_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        values.push((x >> (11 + x % 40)) as f64);
    }
    values.extend([1e15, 8.999e15, 12_500.0, 125_000.0, 999_500.0, 1_000_500.0]);
    for v in values.iter().flat_map(|&v| [v, -v]) {
        if v == 0.0 {
            continue;
        }
        let mut key = String::new();
        assert!(push_integer_sci(&mut key, v), "{v}");
        assert_eq!(key, format!("{v:.2e}"), "{v}");
    }
    assert!(!push_integer_sci(&mut String::new(), 2.5));
}

#[test]
fn aligned_paragraphs_pair_their_figures_in_order() {
    let (r, pairs, uv, ue) = run("Doanh thu tăng 25% lên 4,3 tỷ nhân dân tệ.\n\
         Công ty có 1.600 nhân viên.\n\
         Revenue rose 25% to 4.3 billion yuan.\n\
         The company has 1,600 employees.\n");
    assert_eq!(pairs.len(), 3, "{pairs:?}");
    for p in &pairs {
        assert_eq!(r.claims[p.vi].line + 2, r.claims[p.en].line, "{p:?}");
    }
    assert!(uv.is_empty() && ue.is_empty());
}

#[test]
fn a_paragraph_left_out_leaves_its_figures_unpaired() {
    let (r, pairs, uv, ue) = run("Doanh thu tăng 25%.\n\
         Lợi nhuận đạt 3 tỷ USD.\n\
         Revenue rose 25%.\n\
         Mobile data traffic rose 27% last year.\n\
         Profit reached $3 billion.\n");
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert!(uv.is_empty());
    assert_eq!(ue.len(), 1);
    assert_eq!(r.claims[ue[0]].text, "27%");
}

#[test]
fn a_changed_figure_alone_in_its_sentence_is_still_paired() {
    let (r, pairs, _, _) =
        run("Công ty được thành lập năm 1998.\nThe company was founded in 1989.\n");
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(r.claims[pairs[0].vi].text, "năm 1998");
    assert_eq!(pairs[0].related.relation, Relation::Disjoint);
}

/// Rule `part-of-a-date`: the day and the minutes of a date and a time
/// the translation split apart are accounted for; another number is not.
#[test]
fn a_part_of_a_date_or_time_written_apart_is_accounted_for() {
    let (r, _, uv, _) = run("Phát lúc 13: 05 BST, ngày & nbspJune 2, 2016.
         Broadcast at 13:05 BST on June 2, 2016.
");
    assert!(
        uv.is_empty(),
        "{:?}",
        uv.iter().map(|&v| &r.claims[v].text).collect::<Vec<_>>()
    );
    let (r, _, uv, _) = run("Phát lúc 13: 06 BST, ngày & nbspJune 3, 2016.
         Broadcast at 13:05 BST on June 2, 2016.
");
    let left: Vec<&str> = uv.iter().map(|&v| r.claims[v].text.as_str()).collect();
    assert_eq!(left, ["06", "3"]);
}

/// A figure restated from another sentence of its paragraph repeats it.
#[test]
fn a_figure_restated_in_the_paragraph_repeats_it() {
    let (r, _, uv, _) = run("Họ sợ 3 chữ này. Ai cũng kinh hãi 3 chữ ấy.
         They dread those three words. Others dread them as well.
");
    assert!(
        uv.is_empty(),
        "{:?}",
        uv.iter().map(|&v| &r.claims[v].text).collect::<Vec<_>>()
    );
    let (r, _, uv, _) = run("Họ sợ 3 chữ này. Ai cũng kinh hãi 4 chữ ấy.
         They dread those three words. Others dread them as well.
");
    let left: Vec<&str> = uv.iter().map(|&v| r.claims[v].text.as_str()).collect();
    assert_eq!(left, ["4"]);
}

/// Rule `sole-leftovers`: a label and a count left alone in their aligned
/// sentences are one figure changed; the same digits, or a figure far
/// off, are not paired.
#[test]
fn a_label_and_a_count_left_alone_are_one_figure_changed() {
    let (r, pairs, uv, _) = run("Trong 101 công ty FTSE, điều đó quan trọng.
         In FTSE 100 firms, it matters.
");
    assert!(uv.is_empty(), "{uv:?}");
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(r.claims[pairs[0].vi].text, "101");
    assert_eq!(pairs[0].related.relation, Relation::Disjoint);
    let (_, pairs, _, _) = run("Trong 9.000 công ty FTSE, điều đó quan trọng.
         In FTSE 100 firms, it matters.
");
    assert!(pairs.is_empty(), "{pairs:?}");
}
