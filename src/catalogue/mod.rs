//! The claim catalogue: all language knowledge, loaded from YAML.
//!
//! Owns reading the catalogue (the built-in `claims/*.yaml`, embedded in the
//! binary, optionally replaced or extended by `--claims DIR`), reporting a bad
//! file as `file:line: message`, and compiling the entries into the lookup
//! tables the extractor and the pairing use. This is the only module that
//! calls the YAML library, so swapping serde_yaml for a maintained successor
//! touches this file only (`parse_yaml` and `to_yaml`).

mod compile;
pub mod phrases;
pub mod schema;
mod tables;
pub mod vocab;
pub mod yaml_bounds;

use std::path::Path;
use std::sync::OnceLock;

pub use phrases::PhraseTable;
use schema::{Expect, Fragment, WordRole};
pub use tables::*;
pub use vocab::Vocab;

use crate::lang::Lang;
use crate::tokenize::{Sym, Token, tokenize};

/// A built-in catalogue file: its name, its YAML text (for messages) and
/// the same content as JSON, converted by `build.rs` (it parses faster).
struct Builtin {
    name: &'static str,
    yaml: &'static str,
    json: &'static str,
}

macro_rules! builtin {
    ($name:literal) => {
        Builtin {
            name: concat!($name, ".yaml"),
            yaml: include_str!(concat!("../../claims/", $name, ".yaml")),
            json: include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        }
    };
}

/// The catalogue files built into the binary, in load order.
const BUILTIN: &[Builtin] = &[
    builtin!("numbers"),
    builtin!("scales"),
    builtin!("units"),
    builtin!("currencies"),
    builtin!("qualifiers"),
    builtin!("dates"),
    builtin!("times"),
    builtin!("words"),
    builtin!("terms"),
    builtin!("grammar"),
    builtin!("dimensions"),
    builtin!("suggestions"),
];

/// A catalogue file that could not be used, with the place to fix it.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogueError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A catalogue example, with the file it came from: a phrase in one language
/// with the claims it yields, or a sentence pair with what the check says.
#[derive(Debug, Clone)]
pub struct SourcedExample {
    pub file: String,
    pub entry: String,
    pub en: Option<String>,
    pub vi: Option<String>,
    pub expect: Expect,
    /// The correction a sentence pair's finding must suggest.
    pub suggest: Option<String>,
}

/// Everything the extractor, the segmenter and the comparator know about the
/// two languages.
#[derive(Debug)]
pub struct Catalogue {
    pub vocab: Vocab,
    pub en: LangTables,
    pub vi: LangTables,
    pub units: Vec<UnitSpec>,
    pub terms: Vec<Term>,
    pub dimensions: Vec<DimensionSpec>,
    pub examples: Vec<SourcedExample>,
    /// How corrections are written (the last file with a `suggestions:`
    /// section wins).
    pub suggestions: schema::SuggestionsDef,
    /// Every file compiled: its name and text, for pointing at a line.
    pub sources: Vec<(String, String)>,
    /// The longest language-marker word in bytes: longer words are not
    /// looked up when identifying a line's language.
    pub marker_len: usize,
    /// The language markers packed into integers (`pack_ascii`), when every
    /// marker is ASCII of at most 8 bytes: bit 1 English, bit 2 Vietnamese.
    pub markers: Option<rustc_hash::FxHashMap<u64, u8>>,
}

/// An ASCII word of at most 8 bytes as one integer, lowercased.
pub fn pack_ascii(word: &[u8]) -> Option<u64> {
    if word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut v = 0u64;
    for &b in word {
        v = (v << 8) | b.to_ascii_lowercase() as u64;
    }
    Some(v)
}

impl Default for Catalogue {
    fn default() -> Self {
        let tables = || LangTables {
            roles: (0..WordRole::COUNT)
                .map(|_| PhraseTable::default())
                .collect(),
            role_words: vec![Vec::new(); WordRole::COUNT],
            ..LangTables::default()
        };
        Catalogue {
            vocab: Vocab::default(),
            en: tables(),
            vi: tables(),
            units: Vec::new(),
            terms: Vec::new(),
            dimensions: Vec::new(),
            examples: Vec::new(),
            suggestions: schema::SuggestionsDef::default(),
            sources: Vec::new(),
            marker_len: 0,
            markers: None,
        }
    }
}

impl Catalogue {
    pub fn lang(&self, lang: Lang) -> &LangTables {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }

    fn lang_mut(&mut self, lang: Lang) -> &mut LangTables {
        match lang {
            Lang::En => &mut self.en,
            Lang::Vi => &mut self.vi,
        }
    }

    /// Split a normalised line into tokens carrying this catalogue's symbols.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        tokenize(text, &mut self.vocab.lookup())
    }

    /// Split a line of a language into tokens and mark its words of several
    /// syllables (`compounds`, Vietnamese: "bộ trưởng", "tấn công", "liên
    /// quan đến"), longest first from the left, so that no catalogue phrase
    /// is read inside one.
    pub fn tokenize_words(&self, text: &str, lang: Lang) -> Vec<Token> {
        let mut tokens = self.tokenize(text);
        let words = &self.lang(lang).compounds;
        if words.is_empty() {
            return tokens;
        }
        let mut i = 0;
        while i < tokens.len() {
            match words.match_at(&tokens, i) {
                Some((len, &not_after_number)) if len >= 2 => {
                    if not_after_number && i > 0 && self.counts(&tokens[i - 1], text, lang) {
                        i += 1;
                        continue;
                    }
                    crate::tokenize::join_word(&mut tokens, i, len);
                    i += len;
                }
                _ => i += 1,
            }
        }
        tokens
    }

    /// Whether a token is a number a unit may follow: digits that are no
    /// year ("30 năm", not "2024 năm mới") or a number word ("ba mươi năm").
    fn counts(&self, t: &Token, text: &str, lang: Lang) -> bool {
        if t.is_number() {
            let digits = &text[t.range()];
            return !(digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()));
        }
        self.lang(lang).number_words.contains_key(&t.sym)
    }

    /// The symbol of a lowercase word (`Sym::NONE` outside the vocabulary).
    pub fn sym(&self, lower: &str) -> Sym {
        self.vocab.get(lower)
    }

    /// The line of its file an example is written on (0 when not found).
    pub fn line_of(&self, ex: &SourcedExample) -> usize {
        let needle = ex.en.as_deref().or(ex.vi.as_deref()).unwrap_or_default();
        self.sources
            .iter()
            .find(|(name, _)| *name == ex.file)
            .and_then(|(_, text)| text.lines().position(|l| l.contains(needle)))
            .map_or(0, |i| i + 1)
    }

    /// A dimension's symbol and rules by id.
    pub fn dimension(&self, id: &str) -> Option<&DimensionSpec> {
        self.dimensions.iter().find(|d| &*d.id == id)
    }
}

/// The farthest a qualifier's `reach` may go, in tokens.
pub const MAX_REACH: usize = 8;

/// The built-in catalogue, compiled once per process.
pub fn builtin() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        load(&[]).unwrap_or_else(|e| panic!("the built-in catalogue is broken: {e}"))
    })
}

/// Load the built-in catalogue, with the files of each directory (in order)
/// replacing files of the same name and adding the others.
pub fn load(dirs: &[std::path::PathBuf]) -> Result<Catalogue, CatalogueError> {
    // (name, YAML text, the built-in JSON when not replaced)
    let mut files: Vec<(String, String, Option<&'static str>)> = BUILTIN
        .iter()
        .map(|b| {
            (
                format!("claims/{}", b.name),
                b.yaml.to_string(),
                Some(b.json),
            )
        })
        .collect();
    for dir in dirs {
        for (name, text) in read_dir(dir)? {
            let file_name = Path::new(&name)
                .file_name()
                .map(|f| f.to_string_lossy().to_string());
            match files.iter_mut().find(|(builtin, _, _)| {
                Path::new(builtin)
                    .file_name()
                    .map(|f| f.to_string_lossy().to_string())
                    == file_name
            }) {
                Some(slot) => *slot = (name, text, None),
                None => files.push((name, text, None)),
            }
        }
    }
    let mut catalogue = Catalogue::default();
    for (name, text, json) in &files {
        let fragment = match json {
            Some(json) => serde_json::from_str::<Option<Fragment>>(json)
                .map(Option::unwrap_or_default)
                .map_err(|e| CatalogueError {
                    file: name.clone(),
                    line: 0,
                    message: e.to_string(),
                })?,
            None => parse_fragment(name, text)?,
        };
        compile::compile(&mut catalogue, fragment, name, text)?;
    }
    catalogue.sources = files.into_iter().map(|(n, t, _)| (n, t)).collect();
    compile::finish(&mut catalogue);
    Ok(catalogue)
}

fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, CatalogueError> {
    let err = |message: String| CatalogueError {
        file: dir.display().to_string(),
        line: 0,
        message,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| err(format!("cannot read directory: {e}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(err("no .yaml files in the catalogue directory".into()));
    }
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let text =
                read_yaml_file(&p, yaml_bounds::MAX_FILE).map_err(|message| CatalogueError {
                    file: name.clone(),
                    line: 0,
                    message,
                })?;
            Ok((name, text))
        })
        .collect()
}

/// The text of a YAML file (configuration, baseline, catalogue): a regular
/// file of at most `limit` bytes, read with a bound; the error is the message
/// without the file name.
pub fn read_yaml_file(path: &Path, limit: u64) -> Result<String, String> {
    let opts = crate::input::ReadOptions {
        max_size: crate::input::Size(limit),
        stdin_name: None,
    };
    let name = path.display().to_string();
    crate::input::read_source_with(path, &opts)
        .map(|s| s.text)
        .map_err(|e| {
            let m = e.to_string();
            m.strip_prefix(&format!("{name}: "))
                .map(str::to_string)
                .unwrap_or(m)
        })
}

/// A catalogue file, parsed.
fn parse_fragment(name: &str, text: &str) -> Result<Fragment, CatalogueError> {
    parse_yaml::<Option<Fragment>>(text)
        .map(Option::unwrap_or_default)
        .map_err(|(line, message)| CatalogueError {
            file: name.to_string(),
            line,
            message,
        })
}

/// Parse any YAML document (configuration, baseline, catalogue, expectation
/// files in tests), after `yaml_bounds::check` (nesting, non-finite numbers);
/// the error carries the 1-based line when the parser knows it.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (usize, String)> {
    yaml_bounds::check(text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line());
        let msg = e.to_string();
        (
            line,
            msg.split(" at line ").next().unwrap_or(&msg).to_string(),
        )
    })
}

/// The other call into the YAML library: `--format yaml` output.
pub fn to_yaml<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_else(|e| format!("# cannot render YAML: {e}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_compiles() {
        let c = builtin();
        assert!(c.vi.number_words.contains_key(&c.sym("mươi")));
        assert!(c.en.scales.contains_word(c.sym("bn")));
        assert!(!c.examples.is_empty());
    }

    #[test]
    fn bad_file_reports_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("extra.yaml"),
            "units:\n  - id: furlong\n    kind: distance\n    factor: 1\n",
        )
        .unwrap();
        let e = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(e.file.ends_with("extra.yaml"), "{e}");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().contains("unknown variant `distance`"), "{e}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("x.yaml"),
            "scales:\n  en:\n    - {word: lakh, factr: 1e5}\n",
        )
        .unwrap();
        let e = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("unknown field `factr`"), "{e}");
    }

    #[test]
    fn extra_files_extend_and_same_names_replace() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("more.yaml"),
            "scales:\n  en:\n    - {word: lakh, factor: 1.0e5}\n",
        )
        .unwrap();
        let c = load(&[dir.path().to_path_buf()]).unwrap();
        assert!(c.en.scales.contains_word(c.sym("lakh")));
        assert!(c.en.scales.contains_word(c.sym("million")));
        std::fs::write(
            dir.path().join("scales.yaml"),
            "scales:\n  en:\n    - {word: crore, factor: 1.0e7}\n",
        )
        .unwrap();
        let c = load(&[dir.path().to_path_buf()]).unwrap();
        assert!(c.en.scales.contains_word(c.sym("crore")));
        assert!(
            !c.en.scales.contains_word(c.sym("million")),
            "scales.yaml replaced the built-in one"
        );
    }
}
