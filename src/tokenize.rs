//! Tokens of a normalised line: numbers, words and single punctuation marks.
//!
//! Owns the one definition of a "word" and a "number" shared by the catalogue
//! (whose phrases are tokenised the same way) and the extractor. Offsets are
//! byte offsets into the normalised line; `space_before` records whether the
//! token touches its predecessor, which decides attachments such as `$2.9bn`
//! or `688256.SS`.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// ASCII digits with internal `.` or `,` separators: `1,600`, `4,3`, `3.1`.
    Number,
    /// Letters (any script, with combining marks and inner apostrophes).
    Word,
    /// Any other single non-space character: `%`, `$`, `-`, `(`, `:`.
    Punct,
}

/// One token of a line.
#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte offsets into the normalised line.
    pub start: usize,
    pub end: usize,
    /// Lowercased text, used for every lexicon lookup.
    pub lower: String,
    /// True when whitespace separates this token from the previous one (or
    /// it starts the line).
    pub space_before: bool,
    /// True when the first character is uppercase (names, sentence starts).
    pub capitalized: bool,
    /// True when every letter is uppercase (tickers, acronyms).
    pub all_caps: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct
            && self.lower.starts_with(c)
            && self.lower.len() == c.len_utf8()
    }
    /// True when this token directly follows the previous one, without space.
    pub fn attached(&self) -> bool {
        !self.space_before
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// Split a normalised line into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            space_before = true;
            continue;
        }
        let kind;
        let mut end = start + c.len_utf8();
        chars.next();
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            // digits, and `.`/`,` only when a digit follows directly.
            loop {
                match chars.peek() {
                    Some(&(_, d)) if d.is_ascii_digit() => {
                        end += 1;
                        chars.next();
                    }
                    Some(&(i, s)) if s == '.' || s == ',' => {
                        if text[i + 1..].starts_with(|d: char| d.is_ascii_digit()) {
                            end += 1;
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            loop {
                match chars.peek() {
                    Some(&(_, d)) if is_word_char(d) => {
                        end += d.len_utf8();
                        chars.next();
                    }
                    // An apostrophe inside a word: "People’s", "don't".
                    Some(&(i, a)) if a == '\'' || a == '\u{2019}' => {
                        let after = &text[i + a.len_utf8()..];
                        if after.starts_with(is_word_char) {
                            end += a.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokenKind::Punct;
        }
        let raw = &text[start..end];
        let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
        let all_caps = kind == TokenKind::Word && raw.chars().all(|c| !c.is_lowercase());
        tokens.push(Token {
            kind,
            start,
            end,
            lower: raw.to_lowercase(),
            space_before,
            capitalized,
            all_caps,
        });
        space_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, TokenKind, bool)> {
        tokenize(s)
            .into_iter()
            .map(|t| (t.lower, t.kind, t.space_before))
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
        let t = kinds("Huawei’s doanh thu tỷ");
        assert_eq!(t[0].0, "huawei’s");
        assert_eq!(t[3].0, "tỷ");
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
}
