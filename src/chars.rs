//! Character classes, fast: one table lookup for every character a Vietnamese
//! or English news text is made of.
//!
//! The standard library answers `is_alphabetic`, `is_uppercase` and
//! `to_lowercase` by searching Unicode tables, which dominated the profile of
//! the tokenizer. Below `TABLE_END` (Latin, Vietnamese, combining marks,
//! Greek, Cyrillic, general punctuation, currency symbols) the answers are
//! copied once from the standard library into a flat table, so they are
//! exactly the standard library's; above it the standard library is asked.
//! Hot loops take the table once (`classes()`) and ask it directly.

use std::sync::OnceLock;

/// Characters below this code point are answered from the table.
const TABLE_END: u32 = 0x2100;

const WORD: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const SPACE: u8 = 8;
/// The lowercase form is not a single character (U+0130 "İ").
const COMPLEX_LOWER: u8 = 16;
/// A letter only Vietnamese uses among Latin scripts (ă â đ ê ô ơ ư, tones).
const VIETNAMESE: u8 = 32;
/// `char::is_alphabetic` (a combining mark is usually not).
const ALPHABETIC: u8 = 64;
/// A starter that is already NFC whatever follows it cannot change: NFC
/// quick-check Yes and canonical combining class 0.
const NFC_STARTER: u8 = 128;

/// The table: flags and the lowercase form of every character below
/// `TABLE_END`.
pub struct Classes {
    flags: Box<[u8]>,
    lower: Box<[char]>,
}

/// The table, built on first use.
pub fn classes() -> &'static Classes {
    static TABLE: OnceLock<Classes> = OnceLock::new();
    TABLE.get_or_init(build)
}

fn build() -> Classes {
    let mut flags = vec![0u8; TABLE_END as usize];
    let mut lower = vec!['\0'; TABLE_END as usize];
    for cp in 0..TABLE_END {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut f = 0;
        if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
            f |= WORD;
        }
        if c.is_alphabetic() {
            f |= ALPHABETIC;
        }
        if c.is_uppercase() {
            f |= UPPER;
        }
        if c.is_lowercase() {
            f |= LOWER;
        }
        if c.is_whitespace() {
            f |= SPACE;
        }
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) => lower[cp as usize] = l,
            _ => f |= COMPLEX_LOWER,
        }
        if is_vietnamese_letter_slow(c) {
            f |= VIETNAMESE;
        }
        if unicode_normalization::char::canonical_combining_class(c) == 0
            && unicode_normalization::is_nfc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
        {
            f |= NFC_STARTER;
        }
        flags[cp as usize] = f;
    }
    Classes {
        flags: flags.into(),
        lower: lower.into(),
    }
}

impl Classes {
    #[inline]
    fn flags(&self, c: char) -> Option<u8> {
        self.flags.get(c as usize).copied()
    }

    /// A letter or a combining mark: what a word is made of.
    #[inline]
    pub fn is_word_char(&self, c: char) -> bool {
        match self.flags(c) {
            Some(f) => f & WORD != 0,
            None => c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c),
        }
    }

    #[inline]
    pub fn is_alphabetic(&self, c: char) -> bool {
        match self.flags(c) {
            Some(f) => f & ALPHABETIC != 0,
            None => c.is_alphabetic(),
        }
    }

    #[inline]
    pub fn is_uppercase(&self, c: char) -> bool {
        match self.flags(c) {
            Some(f) => f & UPPER != 0,
            None => c.is_uppercase(),
        }
    }

    #[inline]
    pub fn is_lowercase(&self, c: char) -> bool {
        match self.flags(c) {
            Some(f) => f & LOWER != 0,
            None => c.is_lowercase(),
        }
    }

    #[inline]
    pub fn is_whitespace(&self, c: char) -> bool {
        match self.flags(c) {
            Some(f) => f & SPACE != 0,
            None => c.is_whitespace(),
        }
    }

    /// True for letters only Vietnamese uses among Latin scripts.
    #[inline]
    pub fn is_vietnamese_letter(&self, c: char) -> bool {
        self.flags(c).is_some_and(|f| f & VIETNAMESE != 0)
    }

    /// `(is_alphabetic, is_vietnamese_letter)` in one lookup.
    #[inline]
    pub fn letter(&self, c: char) -> (bool, bool) {
        match self.flags(c) {
            Some(f) => (f & ALPHABETIC != 0, f & VIETNAMESE != 0),
            None => (c.is_alphabetic(), false),
        }
    }

    /// True for a character that a text in NFC may hold anywhere: quick-check
    /// Yes and combining class 0 (`false` above the table, where the caller
    /// asks the normaliser).
    #[inline]
    pub fn is_nfc_starter(&self, c: char) -> bool {
        self.flags(c).is_some_and(|f| f & NFC_STARTER != 0)
    }

    /// Append the lowercase form of `c` to `out`, as `str::to_lowercase`
    /// would (outside Greek final sigma, which no catalogue word contains).
    #[inline]
    pub fn push_lowercase(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            return;
        }
        if let Some(f) = self.flags(c)
            && f & COMPLEX_LOWER == 0
        {
            out.push(self.lower[c as usize]);
            return;
        }
        out.extend(c.to_lowercase());
    }
}

/// A letter or a combining mark: what a word is made of.
pub fn is_word_char(c: char) -> bool {
    classes().is_word_char(c)
}

pub fn is_alphabetic(c: char) -> bool {
    classes().is_alphabetic(c)
}

pub fn is_uppercase(c: char) -> bool {
    classes().is_uppercase(c)
}

pub fn is_lowercase(c: char) -> bool {
    classes().is_lowercase(c)
}

pub fn is_whitespace(c: char) -> bool {
    classes().is_whitespace(c)
}

pub fn is_vietnamese_letter(c: char) -> bool {
    classes().is_vietnamese_letter(c)
}

pub fn is_nfc_starter(c: char) -> bool {
    classes().is_nfc_starter(c)
}

pub fn push_lowercase(c: char, out: &mut String) {
    classes().push_lowercase(c, out)
}

/// The Vietnamese-only letters, both cases (checked once, into the table).
fn is_vietnamese_letter_slow(c: char) -> bool {
    const LETTERS: &str = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
    let lower = c.to_lowercase().next().unwrap_or(c);
    LETTERS.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_the_standard_library() {
        for cp in (0..0x3000u32).chain([0x1F4CC, 0x10400]) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(
                is_word_char(c),
                c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c),
                "{c:?}"
            );
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{c:?}");
            let mut s = String::new();
            push_lowercase(c, &mut s);
            assert_eq!(s, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn vietnamese_letters() {
        assert!(is_vietnamese_letter('ư') && is_vietnamese_letter('Ỹ'));
        assert!(!is_vietnamese_letter('e') && is_vietnamese_letter('é'));
        assert!(!is_vietnamese_letter('ü'));
    }
}
