//! Fuzz target: reader + extractor + check on arbitrary bytes. Any panic is a
//! bug; run with `RUSTC_BOOTSTRAP=1 cargo fuzz run check` (see README).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = factcheck::input::decode(data, "fuzz") else {
        return;
    };
    let source = factcheck::input::Source {
        name: "fuzz".into(),
        text,
    };
    let cat = factcheck::catalogue::builtin();
    let article = factcheck::segment::Article::from_layout(cat, &source);
    let claims = factcheck::extract::extract_article(cat, &article);
    for c in &claims {
        assert!(c.column >= 1 && c.end_column >= c.column);
        let _ = c.key();
    }
    if let Ok(findings) = factcheck::check::check_article(cat, &article, "fuzz") {
        for f in &findings {
            assert!(f.target.is_some() || f.source.is_some());
        }
    }
});
