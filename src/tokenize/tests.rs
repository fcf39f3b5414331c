use super::*;

/// A token is a span, a kind and a symbol in 16 bytes.
#[test]
fn a_token_is_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Token>(), 16);
}

/// Symbols for tests: every lowercase text interned in order.
#[derive(Default)]
pub struct Interner(pub Vec<String>);

impl Symbols for Interner {
    fn max_len(&self) -> usize {
        usize::MAX
    }
    fn symbol(&mut self, lower: &str) -> Sym {
        match self.0.iter().position(|w| w == lower) {
            Some(p) => Sym(p as u32 + 1),
            None => {
                self.0.push(lower.to_string());
                Sym(self.0.len() as u32)
            }
        }
    }
}

fn kinds(s: &str) -> Vec<(String, TokenKind, bool)> {
    let mut i = Interner::default();
    tokenize(s, &mut i)
        .into_iter()
        .map(|t| (i.0[t.sym.0 as usize - 1].clone(), t.kind, t.space_before()))
        .collect()
}

#[test]
fn numbers_keep_inner_separators_only() {
    let t = kinds("$2.9bn, 1,600 and 4,3. 688256.SS");
    let texts: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "$", "2.9", "bn", ",", "1,600", "and", "4,3", ".", "688256", ".", "ss"
        ]
    );
    assert!(!t[2].2, "bn is attached to 2.9");
}

#[test]
fn words_with_diacritics_and_apostrophes() {
    let t = kinds("Huawei’s doanh thu tỷ, don't O'Neill Wednesday's 'S");
    let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
    // The clitic "'s" closing a word is a token of its own.
    assert_eq!(
        texts,
        [
            "huawei",
            "’",
            "s",
            "doanh",
            "thu",
            "tỷ",
            ",",
            "don't",
            "o'neill",
            "wednesday",
            "'",
            "s",
            "'",
            "s"
        ]
    );
}

#[test]
fn glued_text_splits_at_class_changes() {
    let texts: Vec<_> = kinds("20256:00 PM GMT+7Updated")
        .into_iter()
        .map(|x| x.0)
        .collect();
    assert_eq!(
        texts,
        ["20256", ":", "00", "pm", "gmt", "+", "7", "updated"]
    );
}

#[test]
fn flags_of_case_and_script() {
    let mut i = Interner::default();
    let text = "HSBC Hà Nội m U";
    let t = tokenize(text, &mut i);
    assert!(t[0].all_caps() && t[0].capitalized());
    assert!(t[1].capitalized() && !t[1].all_caps() && t[2].vietnamese());
    assert!(t[3].one_char() && !t[3].capitalized());
    assert!(t[4].one_char() && t[4].all_caps());
    let toks = Tokens { text, toks: &t };
    assert_eq!(toks.raw(2), "Nội");
}

/// The tokenizer as first written, one `char` at a time with the
/// standard library's classes: the fast one must agree with it (but for
/// Greek final sigma, which `str::to_lowercase` alone writes "ς" and no
/// catalogue word holds).
fn reference(text: &str) -> Vec<(usize, usize, String, TokenKind, bool, bool, bool)> {
    let word = |c: char| c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c);
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut space = true;
    while let Some(&(start, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
            space = true;
            continue;
        }
        it.next();
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while let Some(&(i, d)) = it.peek() {
                let next_digit = text[i + d.len_utf8()..].starts_with(|x: char| x.is_ascii_digit());
                if d.is_ascii_digit() || ((d == '.' || d == ',') && next_digit) {
                    end = i + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if word(c) {
            while let Some(&(i, d)) = it.peek() {
                let after = &text[i + d.len_utf8()..];
                let clitic = after.starts_with(['s', 'S']) && !after[1..].starts_with(word);
                let apostrophe =
                    (d == '\'' || d == '\u{2019}') && after.starts_with(word) && !clitic;
                if word(d) || apostrophe {
                    end = i + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let raw = &text[start..end];
        let all_caps = kind == TokenKind::Word && raw.chars().all(|c| !c.is_lowercase());
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        out.push((start, end, raw.to_lowercase(), kind, space, cap, all_caps));
        space = false;
    }
    out
}

#[test]
fn the_fast_tokenizer_agrees_with_the_reference() {
    let pool: Vec<char> = "aZ9 .,'’-%$tỷƯớcĐ\u{301}İΔσßǅ\u{2028}\u{3000}\u{a0}😀\t\n1e3ĀǄ\u{2019}x"
        .chars()
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| pool[(next() % pool.len() as u64) as usize])
            .collect();
        let mut i = Interner::default();
        let fast: Vec<_> = tokenize(&text, &mut i)
            .into_iter()
            .map(|t| {
                (
                    t.start as usize,
                    t.end as usize,
                    i.0[t.sym.0 as usize - 1].clone(),
                    t.kind,
                    t.space_before(),
                    t.capitalized(),
                    t.all_caps(),
                )
            })
            .collect();
        assert_eq!(fast, reference(&text), "{text:?}");
    }
}

#[test]
fn unusual_spaces_separate_tokens() {
    let texts: Vec<_> = kinds("a\u{3000}b\u{2028}c\td")
        .into_iter()
        .map(|x| x.0)
        .collect();
    assert_eq!(texts, ["a", "b", "c", "d"]);
}
