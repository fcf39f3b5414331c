//! The two languages factcheck reads, and telling them apart line by line.
//!
//! Owns language identification: a line is Vietnamese when enough of its words
//! carry Vietnamese-only letters (ă â đ ê ô ơ ư or tone marks), English when its
//! words are plain Latin and common English function words occur. Lines with
//! neither signal (a URL, a name, a bare date) are `None` and take the language
//! of their surroundings during segmentation.

use serde::Serialize;

/// A language of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Vi,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}

/// True for letters only Vietnamese uses among Latin scripts.
fn is_vietnamese_letter(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(
        lower,
        'ă' | 'â'
            | 'đ'
            | 'ê'
            | 'ô'
            | 'ơ'
            | 'ư'
            | 'à'
            | 'ả'
            | 'ã'
            | 'á'
            | 'ạ'
            | 'ằ'
            | 'ẳ'
            | 'ẵ'
            | 'ắ'
            | 'ặ'
            | 'ầ'
            | 'ẩ'
            | 'ẫ'
            | 'ấ'
            | 'ậ'
            | 'è'
            | 'ẻ'
            | 'ẽ'
            | 'é'
            | 'ẹ'
            | 'ề'
            | 'ể'
            | 'ễ'
            | 'ế'
            | 'ệ'
            | 'ì'
            | 'ỉ'
            | 'ĩ'
            | 'í'
            | 'ị'
            | 'ò'
            | 'ỏ'
            | 'õ'
            | 'ó'
            | 'ọ'
            | 'ồ'
            | 'ổ'
            | 'ỗ'
            | 'ố'
            | 'ộ'
            | 'ờ'
            | 'ở'
            | 'ỡ'
            | 'ớ'
            | 'ợ'
            | 'ù'
            | 'ủ'
            | 'ũ'
            | 'ú'
            | 'ụ'
            | 'ừ'
            | 'ử'
            | 'ữ'
            | 'ứ'
            | 'ự'
            | 'ỳ'
            | 'ỷ'
            | 'ỹ'
            | 'ý'
            | 'ỵ'
    )
}

/// Common English words that never occur in Vietnamese prose.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "by",
    "at", "from", "its", "has", "have", "are", "be", "this", "which", "an", "or", "were", "been",
    "their", "will", "would", "could", "can", "not", "but", "more", "than", "said", "says", "ago",
    "days", "updated", "year", "years",
];

/// Words that mark Vietnamese even without diacritics (rare but seen in headlines).
const VIETNAMESE_MARKERS: &[&str] = &["va", "cua", "trong", "nhung", "cac", "mot", "nguoi"];

/// Guess the language of a line; `None` when it carries no signal either way.
pub fn identify(text: &str) -> Option<Lang> {
    let mut words = 0usize;
    let mut vi_words = 0usize;
    let mut en_markers = 0usize;
    let mut vi_markers = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.chars().any(is_vietnamese_letter) {
            vi_words += 1;
            continue;
        }
        let lower = word.to_lowercase();
        if ENGLISH_MARKERS.contains(&lower.as_str()) {
            en_markers += 1;
        } else if VIETNAMESE_MARKERS.contains(&lower.as_str()) {
            vi_markers += 1;
        }
    }
    if words == 0 {
        return None;
    }
    // Vietnamese prose has diacritics on roughly half of its syllables; English
    // prose quoting a Vietnamese name has one or two.
    let vi_share = (vi_words + vi_markers) as f64 / words as f64;
    if vi_share >= 0.2 && vi_words >= 1 {
        Some(Lang::Vi)
    } else if en_markers >= 1 || (words >= 3 && vi_words == 0) {
        Some(Lang::En)
    } else if vi_words >= 1 {
        Some(Lang::Vi)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_seed_like_lines() {
        assert_eq!(identify("Tác giả: Robyn Mak"), Some(Lang::Vi));
        assert_eq!(identify("By Robyn Mak"), Some(Lang::En));
        assert_eq!(
            identify("January 24, 20256:00 PM GMT+7Updated 3 days ago"),
            Some(Lang::En)
        );
        assert_eq!(
            identify("Trung Quốc chiếm hơn 50% lượng robot công nghiệp"),
            Some(Lang::Vi)
        );
        assert_eq!(
            identify("Hanoi-based VinFast said sales in Hà Nội rose 20% in the quarter"),
            Some(Lang::En)
        );
        assert_eq!(identify("2025"), None);
    }
}
