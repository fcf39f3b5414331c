//! Corpora as articles: a line-aligned parallel corpus (`en.txt`, `vi.txt`),
//! cleaned of the TED release's HTML entities, grouped into articles in the
//! seed layout; and the known-errors files that adjudicate its genuine
//! translation errors.

use std::collections::BTreeMap;
use std::path::Path;

use factcheck::input::Source;
use factcheck::segment::Article;

/// A line-aligned parallel corpus, cleaned.
pub struct Corpus {
    pub name: String,
    pub en: Vec<String>,
    pub vi: Vec<String>,
}

/// Decode the HTML entities of the Stanford TED release (`&apos;`, `&quot;`,
/// `&amp;`, `&#91;`), twice for doubly escaped text.
pub fn clean(line: &str) -> String {
    fn once(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let end = tail.find(';').filter(|&e| e <= 8);
            let decoded = end.and_then(|e| match &tail[1..e] {
                "apos" => Some('\''),
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32),
                _ => None,
            });
            match (decoded, end) {
                (Some(c), Some(e)) => {
                    out.push(c);
                    rest = &tail[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
    once(&once(line)).trim().to_string()
}

pub fn load_corpus(dir: &Path) -> anyhow::Result<Corpus> {
    let read = |f: &str| -> anyhow::Result<Vec<String>> {
        let p = dir.join(f);
        let bytes =
            std::fs::read(&p).map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", p.display()))?;
        let text = factcheck::input::decode(&bytes, &p.display().to_string())?;
        Ok(text.lines().map(clean).collect())
    };
    let (en, vi) = (read("en.txt")?, read("vi.txt")?);
    if en.len() != vi.len() {
        anyhow::bail!(
            "{}: en.txt has {} lines, vi.txt {}: not line-aligned",
            dir.display(),
            en.len(),
            vi.len()
        );
    }
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    Ok(Corpus { name, en, vi })
}

/// Consecutive non-empty sentence pairs, `size` to an article (0-based corpus lines).
pub fn groups(corpus: &Corpus, size: usize) -> Vec<Vec<usize>> {
    let n = corpus.en.len();
    (0..n)
        .step_by(size.max(1))
        .map(|s| {
            (s..(s + size.max(1)).min(n))
                .filter(|&i| !corpus.en[i].is_empty() && !corpus.vi[i].is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// An article in the seed layout: the Vietnamese lines, then the English.
pub fn build(
    corpus: &Corpus,
    group: &[usize],
    vi_edit: Option<(usize, &str)>,
    en_edit: Option<(usize, &str)>,
) -> Article {
    let mut text = String::new();
    for &i in group {
        match vi_edit {
            Some((j, t)) if j == i => text.push_str(t),
            _ => text.push_str(&corpus.vi[i]),
        }
        text.push('\n');
    }
    for &i in group {
        match en_edit {
            Some((j, t)) if j == i => text.push_str(t),
            _ => text.push_str(&corpus.en[i]),
        }
        text.push('\n');
    }
    Article::from_layout(
        factcheck::catalogue::builtin(),
        &Source {
            name: format!("{}@{}", corpus.name, group[0] + 1),
            text,
        },
    )
}

/// The corpus line (0-based) of an article line (1-based).
pub fn corpus_line(group: &[usize], line: usize) -> Option<usize> {
    let m = group.len();
    match line {
        0 => None,
        l if l <= m => Some(group[l - 1]),
        l if l <= 2 * m => Some(group[l - 1 - m]),
        _ => None,
    }
}

/// Known errors: `line<TAB>reason` per line, `#` comments.
pub fn load_known_errors(path: &Path) -> anyhow::Result<BTreeMap<usize, String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
    parse_known_errors(&text, path)
}

/// Parse a known-errors file's text (`path` names it in errors).
pub fn parse_known_errors(text: &str, path: &Path) -> anyhow::Result<BTreeMap<usize, String>> {
    let mut out = BTreeMap::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (n, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
        let n: usize = n
            .parse()
            .map_err(|_| anyhow::anyhow!("{}:{}: expected `LINE reason`", path.display(), i + 1))?;
        if reason.trim().is_empty() {
            anyhow::bail!("{}:{}: a known error needs a reason", path.display(), i + 1);
        }
        out.insert(n, reason.trim().to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            clean("it &apos;s &quot;ok&quot; &amp;amp; &#91;x&#93;"),
            "it 's \"ok\" & [x]"
        );
        assert_eq!(clean("a & b"), "a & b");
    }
}
