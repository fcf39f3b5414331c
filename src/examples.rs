//! The catalogue's examples, run: each phrase must yield exactly the claims
//! it lists, each sentence pair must get the finding (or the silence) it
//! names. The test suite runs the built-in ones; `factcheck catalogue test
//! DIR` runs a user's.

use crate::catalogue::{Catalogue, SourcedExample};
use crate::check::check_article;
use crate::claim::{Claim, Section};
use crate::diagnostic::Severity;
use crate::extract::extract_line;
use crate::input::Source;
use crate::lang::Lang;
use crate::normalize::Line;
use crate::segment::Article;

/// An example that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub file: String,
    pub line: usize,
    pub entry: String,
    /// The example's text, as "en: … / vi: …" for a pair.
    pub text: String,
    pub expected: String,
    pub got: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}`: {:?} expected {}, got {}",
            self.file, self.line, self.entry, self.text, self.expected, self.got
        )
    }
}

/// The claim keys of a phrase, in order.
pub fn keys(cat: &Catalogue, lang: Lang, text: &str) -> Vec<String> {
    extract_line(cat, lang, Section::Translation, &Line::new(1, text))
        .iter()
        .map(Claim::key)
        .collect()
}

/// What the check says of a sentence pair: the codes of its findings at
/// warning or above, or "quiet"; and the first of them's suggestion.
pub fn verdict(cat: &Catalogue, en: &str, vi: &str) -> (String, Option<String>) {
    let source = |name: &str, text: &str| Source {
        name: name.to_string(),
        text: text.to_string(),
    };
    let article = Article::from_files(&source("en", en), &source("vi", vi), None);
    let findings: Vec<_> = check_article(cat, &article, "example")
        .unwrap_or_default()
        .into_iter()
        .filter(|x| x.severity >= Severity::Warning)
        .collect();
    let codes: Vec<&str> = findings.iter().map(|x| x.code.name()).collect();
    let suggestion = findings.first().and_then(|f| f.suggestion.clone());
    if codes.is_empty() {
        ("quiet".to_string(), None)
    } else {
        (codes.join(", "), suggestion)
    }
}

/// Run one example; `None` when it holds.
pub fn run(cat: &Catalogue, ex: &SourcedExample) -> Option<Failure> {
    let fail = |text: String, expected: String, got: String| Failure {
        file: ex.file.clone(),
        line: cat.line_of(ex),
        entry: ex.entry.clone(),
        text,
        expected,
        got,
    };
    match (&ex.en, &ex.vi) {
        (Some(en), Some(vi)) => {
            let (got, suggestion) = verdict(cat, en, vi);
            let want = ex.expect.describe();
            let text = format!("en: {en} / vi: {vi}");
            if got != want {
                return Some(fail(text, want, got));
            }
            let want = ex.suggest.as_ref()?;
            (suggestion.as_ref() != Some(want)).then(|| {
                fail(
                    text,
                    format!("suggestion {want:?}"),
                    format!("suggestion {suggestion:?}"),
                )
            })
        }
        (Some(text), None) | (None, Some(text)) => {
            let lang = if ex.en.is_some() { Lang::En } else { Lang::Vi };
            let got = keys(cat, lang, text);
            let want = ex.expect.keys();
            (got != want).then(|| fail(text.clone(), format!("{want:?}"), format!("{got:?}")))
        }
        (None, None) => Some(fail(String::new(), ex.expect.describe(), "no text".into())),
    }
}

/// Run every example of the catalogue from files whose path starts with one
/// of `prefixes` (all of them when empty).
pub fn run_all(cat: &Catalogue, prefixes: &[String]) -> (usize, Vec<Failure>) {
    let chosen: Vec<&SourcedExample> = cat
        .examples
        .iter()
        .filter(|e| prefixes.is_empty() || prefixes.iter().any(|f| e.file.starts_with(f.as_str())))
        .collect();
    let failures = chosen.iter().filter_map(|e| run(cat, e)).collect();
    (chosen.len(), failures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    #[test]
    fn every_builtin_example_holds() {
        let (n, failures) = run_all(builtin(), &[]);
        assert!(n >= 150, "{n} examples");
        let list: Vec<String> = failures.iter().map(Failure::to_string).collect();
        assert!(
            failures.is_empty(),
            "{} of {n} catalogue examples fail:\n{}",
            failures.len(),
            list.join("\n")
        );
    }

    #[test]
    fn a_wrong_example_is_reported() {
        let ex = SourcedExample {
            file: "x.yaml".into(),
            entry: "percent".into(),
            en: Some("25% of revenue".into()),
            vi: None,
            expect: crate::catalogue::schema::Expect::One("percent 26%".into()),
            suggest: None,
        };
        let f = run(builtin(), &ex).expect("fails");
        assert_eq!(f.got, "[\"percent 25%\"]");
        let pair = SourcedExample {
            en: Some("Revenue rose 25%.".into()),
            vi: Some("Doanh thu tăng 35%.".into()),
            expect: crate::catalogue::schema::Expect::One("quiet".into()),
            ..ex
        };
        assert_eq!(run(builtin(), &pair).unwrap().got, "value-mismatch");
        let suggested = SourcedExample {
            expect: crate::catalogue::schema::Expect::One("value-mismatch".into()),
            suggest: Some("36%".into()),
            ..pair
        };
        assert_eq!(
            run(builtin(), &suggested).unwrap().got,
            "suggestion Some(\"25%\")"
        );
    }
}
