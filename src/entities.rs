//! HTML character references left in scraped news text ("&nbspJuly 1",
//! "Marks &amp; Spencer", "&#8211;"), decoded as a browser would before the
//! text is normalised (`normalize.rs`), so a figure glued to one is still
//! read. The entity is markup, not language, so its table lives here.

/// An HTML character reference at the start of `rest` (which begins with
/// `&`): the character it stands for and its length in bytes. Numeric
/// references and the named ones news text carries are read; as in HTML5,
/// the legacy names need no `;` ("&nbspJuly 1, 2019" from a scraped byline).
pub(crate) fn reference(rest: &str) -> Option<(char, usize)> {
    let body = rest.get(1..)?;
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .bytes()
            .take(8)
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        let c = u32::from_str_radix(digits.get(..len)?, radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|&c| c != '\0' && (c.is_ascii() || crate::chars::is_nfc_starter(c)))?;
        let semicolon = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return (len > 0).then_some((c, skip + len + semicolon));
    }
    // (name, character, read without `;`: HTML5's legacy names)
    const NAMED: &[(&str, char, bool)] = &[
        ("nbsp", '\u{a0}', true),
        ("amp", '&', true),
        ("quot", '"', true),
        ("lt", '<', true),
        ("gt", '>', true),
        ("deg", '°', true),
        ("pound", '£', true),
        ("yen", '¥', true),
        ("cent", '¢', true),
        ("times", '×', true),
        ("frac12", '½', true),
        ("frac14", '¼', true),
        ("frac34", '¾', true),
        ("middot", '·', true),
        ("laquo", '«', true),
        ("raquo", '»', true),
        ("apos", '\'', false),
        ("euro", '€', false),
        ("ndash", '\u{2013}', false),
        ("mdash", '\u{2014}', false),
        ("minus", '\u{2212}', false),
        ("hellip", '…', false),
        ("lsquo", '‘', false),
        ("rsquo", '’', false),
        ("ldquo", '“', false),
        ("rdquo", '”', false),
        ("thinsp", '\u{2009}', false),
        ("ensp", '\u{2002}', false),
        ("emsp", '\u{2003}', false),
    ];
    NAMED.iter().find_map(|&(name, c, legacy)| {
        let after = body.strip_prefix(name)?;
        match after.starts_with(';') {
            true => Some((c, 1 + name.len() + 1)),
            false => legacy.then_some((c, 1 + name.len())),
        }
    })
}

/// True when the line holds an HTML character reference to decode.
pub(crate) fn has_reference(s: &str) -> bool {
    memchr::memchr_iter(b'&', s.as_bytes()).any(|i| reference(&s[i..]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_as_a_browser_reads_them() {
        assert_eq!(reference("&euro;"), Some(('€', 6)));
        assert_eq!(reference("&nbspJuly"), Some(('\u{a0}', 5)));
        assert_eq!(reference("&#8211;"), Some(('\u{2013}', 7)));
        assert_eq!(reference("&#x41;"), Some(('A', 6)));
        // Without a known name (or a `;` where one is needed) nothing changes.
        assert!(!has_reference("AT&T, R&D, &euro 5, &#;, &nope"));
    }
}
