//! The claim catalogue: all language knowledge, loaded from YAML.
//!
//! Owns reading the catalogue (the built-in `claims/*.yaml`, embedded in the
//! binary, optionally replaced or extended by `--claims DIR`), reporting a bad
//! file as `file:line: message`, and compiling the entries into the lookup
//! tables the extractor and the pairing use. This is the only module that
//! calls the YAML library, so swapping serde_yaml for a maintained successor
//! touches this file only (`parse_yaml` and `to_yaml`).

pub mod phrases;
pub mod schema;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

pub use phrases::PhraseTable;
use schema::*;

use crate::lang::Lang;

/// The catalogue files built into the binary, in load order.
const BUILTIN: &[(&str, &str)] = &[
    ("numbers.yaml", include_str!("../../claims/numbers.yaml")),
    ("scales.yaml", include_str!("../../claims/scales.yaml")),
    ("units.yaml", include_str!("../../claims/units.yaml")),
    (
        "currencies.yaml",
        include_str!("../../claims/currencies.yaml"),
    ),
    (
        "qualifiers.yaml",
        include_str!("../../claims/qualifiers.yaml"),
    ),
    ("dates.yaml", include_str!("../../claims/dates.yaml")),
    ("terms.yaml", include_str!("../../claims/terms.yaml")),
];

/// A catalogue file that could not be used, with the place to fix it.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogueError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A number word after compilation.
#[derive(Debug, Clone)]
pub struct NumberWord {
    pub value: f64,
    pub role: NumberRole,
    pub alone: bool,
    pub only_after: Vec<String>,
    pub needs_next: bool,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub factor: f64,
    pub attached: bool,
    pub needs_currency: bool,
    pub unless_before: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct Vague {
    pub base: f64,
    pub upper: f64,
    pub needs_scale: bool,
}

#[derive(Debug, Clone)]
pub struct Multiplier {
    pub value: f64,
    pub unless_before: Vec<String>,
    pub only_before: Vec<String>,
}

/// A unit after compilation: index into `Catalogue::units`.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub kind: UnitKind,
    pub dimension: Option<String>,
    pub factor: f64,
}

/// A currency word or symbol: which currency, whether the word is weak (has
/// an everyday meaning too), and the words after it that rule the currency out.
#[derive(Debug, Clone)]
pub struct CurrencyWord {
    pub code: String,
    pub weak: bool,
    pub not_before: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Qualifier {
    pub phrase: String,
    pub kind: QualifierKind,
    pub tolerance: f64,
    pub unless_after: HashSet<String>,
    pub unless_within: Option<(usize, PhraseTable<()>)>,
    pub not_before: Vec<Kind>,
}

/// The compiled tables of one language.
#[derive(Debug, Default)]
pub struct LangTables {
    pub number_words: HashMap<String, NumberWord>,
    /// Fraction words: value, and whether they need "of" after them.
    pub fractions: HashMap<String, (f64, bool)>,
    pub multipliers: PhraseTable<Multiplier>,
    pub scales: PhraseTable<Scale>,
    pub vague: PhraseTable<Vague>,
    pub units: PhraseTable<usize>,
    pub currency_prefix: PhraseTable<CurrencyWord>,
    pub currency_suffix: PhraseTable<CurrencyWord>,
    pub qualifiers_before: PhraseTable<Qualifier>,
    pub qualifiers_after: PhraseTable<Qualifier>,
    pub months: PhraseTable<u8>,
    roles: HashMap<WordRole, PhraseTable<()>>,
    pub terms: PhraseTable<usize>,
}

impl LangTables {
    /// The phrase table of a word-list role (empty when the catalogue has none).
    pub fn role(&self, role: WordRole) -> &PhraseTable<()> {
        static EMPTY: OnceLock<PhraseTable<()>> = OnceLock::new();
        self.roles
            .get(&role)
            .unwrap_or_else(|| EMPTY.get_or_init(PhraseTable::default))
    }

    /// True when this one lowercase word has the role.
    pub fn has_role(&self, role: WordRole, word: &str) -> bool {
        self.role(role).contains_word(word)
    }
}

/// A bilingual term after compilation.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub group: Option<String>,
}

/// A catalogue example, with the file it came from, for the example test.
#[derive(Debug, Clone)]
pub struct SourcedExample {
    pub file: String,
    pub entry: String,
    pub lang: Lang,
    pub text: String,
    pub expect: String,
}

/// Everything the extractor and the comparator know about the two languages.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub en: LangTables,
    pub vi: LangTables,
    pub units: Vec<Unit>,
    pub terms: Vec<Term>,
    pub examples: Vec<SourcedExample>,
}

impl Catalogue {
    pub fn lang(&self, lang: Lang) -> &LangTables {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }
}

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
    let mut files: Vec<(String, String)> = BUILTIN
        .iter()
        .map(|(name, text)| (format!("claims/{name}"), text.to_string()))
        .collect();
    for dir in dirs {
        for (name, text) in read_dir(dir)? {
            let file_name = Path::new(&name)
                .file_name()
                .map(|f| f.to_string_lossy().to_string());
            match files.iter_mut().find(|(builtin, _)| {
                Path::new(builtin)
                    .file_name()
                    .map(|f| f.to_string_lossy().to_string())
                    == file_name
            }) {
                Some(slot) => *slot = (name, text),
                None => files.push((name, text)),
            }
        }
    }
    let mut catalogue = Catalogue::default();
    for (name, text) in &files {
        let fragment = parse_fragment(name, text)?;
        compile(&mut catalogue, fragment, name, text)?;
    }
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
            let bytes = std::fs::read(&p).map_err(|e| CatalogueError {
                file: name.clone(),
                line: 0,
                message: format!("cannot read: {e}"),
            })?;
            let text = crate::input::decode(&bytes, &name).map_err(|e| CatalogueError {
                file: name.clone(),
                line: 0,
                message: e.to_string(),
            })?;
            Ok((name, text))
        })
        .collect()
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

/// Parse any YAML document (configuration, expectation files in tests); the
/// error carries the 1-based line when the parser knows it.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (usize, String)> {
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

/// The first line of `text` that mentions `needle`, for semantic errors.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i + 1)
}

fn compile(cat: &mut Catalogue, f: Fragment, file: &str, text: &str) -> Result<(), CatalogueError> {
    let fail = |needle: &str, message: String| CatalogueError {
        file: file.to_string(),
        line: line_of(text, needle),
        message,
    };
    let mut examples: Vec<(String, Vec<Example>)> = Vec::new();

    for (lang, defs) in [(Lang::En, f.number_words.en), (Lang::Vi, f.number_words.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            if d.word.contains(' ') || d.word.is_empty() {
                return Err(fail(
                    &d.word,
                    format!("number word `{}` must be one word", d.word),
                ));
            }
            tables.number_words.insert(
                d.word.to_lowercase(),
                NumberWord {
                    value: d.value,
                    role: d.role,
                    alone: d.alone,
                    only_after: d.only_after.iter().map(|w| w.to_lowercase()).collect(),
                    needs_next: d.needs_next,
                },
            );
            examples.push((d.word, d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.fractions.en), (Lang::Vi, f.fractions.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            if !(d.value > 0.0 && d.value <= 1.0) {
                return Err(fail(
                    &d.word,
                    format!("fraction `{}` must be in (0, 1]", d.word),
                ));
            }
            tables
                .fractions
                .insert(d.word.to_lowercase(), (d.value, d.needs_of));
            examples.push((d.word, d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.multipliers.en), (Lang::Vi, f.multipliers.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            let m = Multiplier {
                value: d.value,
                unless_before: d.unless_before.iter().map(|w| w.to_lowercase()).collect(),
                only_before: d.only_before.iter().map(|w| w.to_lowercase()).collect(),
            };
            insert(&mut tables.multipliers, &d.word, m, &fail)?;
            examples.push((d.word, d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.scales.en), (Lang::Vi, f.scales.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            if d.factor <= 0.0 {
                return Err(fail(
                    &d.word,
                    format!("scale `{}` needs a positive factor", d.word),
                ));
            }
            let s = Scale {
                factor: d.factor,
                attached: d.attached,
                needs_currency: d.needs_currency,
                unless_before: d.unless_before.iter().map(|w| w.to_lowercase()).collect(),
            };
            insert(&mut tables.scales, &d.word, s, &fail)?;
            examples.push((d.word, d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.vague.en), (Lang::Vi, f.vague.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            if d.base <= 0.0 || d.upper <= 1.0 {
                return Err(fail(
                    &d.word,
                    format!("vague `{}` needs base > 0 and upper > 1", d.word),
                ));
            }
            let v = Vague {
                base: d.base,
                upper: d.upper,
                needs_scale: d.needs_scale,
            };
            insert(&mut tables.vague, &d.word, v, &fail)?;
            examples.push((d.word, d.examples));
        }
    }
    for d in f.units {
        if d.factor <= 0.0 {
            return Err(fail(
                &d.id,
                format!("unit `{}` needs a positive factor", d.id),
            ));
        }
        if d.kind == UnitKind::Measure && d.dimension.is_none() {
            return Err(fail(
                &d.id,
                format!("unit `{}` of kind measure needs a dimension", d.id),
            ));
        }
        let index = cat.units.len();
        cat.units.push(Unit {
            id: d.id.clone(),
            kind: d.kind,
            dimension: d.dimension.clone(),
            factor: d.factor,
        });
        for w in &d.en {
            insert(&mut cat.en.units, w, index, &fail)?;
        }
        for w in &d.vi {
            insert(&mut cat.vi.units, w, index, &fail)?;
        }
        examples.push((d.id, d.examples));
    }
    for d in f.currencies {
        if d.code.len() != 3 || !d.code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(fail(
                &d.code,
                format!("currency code `{}` must be three capital letters", d.code),
            ));
        }
        let strong = CurrencyWord {
            code: d.code.clone(),
            weak: false,
            not_before: Vec::new(),
        };
        let weak = CurrencyWord {
            code: d.code.clone(),
            weak: true,
            not_before: d.weak_not_before.iter().map(|w| w.to_lowercase()).collect(),
        };
        for s in &d.symbols {
            insert(&mut cat.en.currency_prefix, s, strong.clone(), &fail)?;
            insert(&mut cat.vi.currency_prefix, s, strong.clone(), &fail)?;
        }
        for w in &d.en {
            insert(&mut cat.en.currency_suffix, w, strong.clone(), &fail)?;
        }
        for w in &d.vi {
            insert(&mut cat.vi.currency_suffix, w, strong.clone(), &fail)?;
        }
        for w in &d.weak {
            insert(&mut cat.vi.currency_suffix, w, weak.clone(), &fail)?;
        }
        for w in &d.weak_en {
            insert(&mut cat.en.currency_suffix, w, weak.clone(), &fail)?;
        }
        examples.push((d.code, d.examples));
    }
    for (lang, defs) in [(Lang::En, f.qualifiers.en), (Lang::Vi, f.qualifiers.vi)] {
        for d in defs {
            let tolerance = d.tolerance.unwrap_or(0.1);
            if !(0.0..1.0).contains(&tolerance) {
                return Err(fail(
                    &d.phrase,
                    format!("qualifier `{}`: tolerance must be in [0, 1)", d.phrase),
                ));
            }
            let unless_within = match &d.unless_within {
                None => None,
                Some(w) => {
                    let mut t = PhraseTable::default();
                    for p in &w.any_of {
                        insert(&mut t, p, (), &fail)?;
                    }
                    Some((w.words, t))
                }
            };
            let q = Qualifier {
                phrase: d.phrase.clone(),
                kind: d.kind,
                tolerance,
                unless_after: d.unless_after.iter().map(|w| w.to_lowercase()).collect(),
                unless_within,
                not_before: d.not_before.clone(),
            };
            let tables = lang_mut(cat, lang);
            let table = match d.position {
                QualifierPosition::Before => &mut tables.qualifiers_before,
                QualifierPosition::After => &mut tables.qualifiers_after,
            };
            insert(table, &d.phrase, q, &fail)?;
            examples.push((d.phrase, d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.months.en), (Lang::Vi, f.months.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            if !(1..=12).contains(&d.number) {
                return Err(fail(
                    &format!("number: {}", d.number),
                    "month number must be 1-12".into(),
                ));
            }
            for n in &d.names {
                insert(&mut tables.months, n, d.number, &fail)?;
            }
            examples.push((format!("month {}", d.number), d.examples));
        }
    }
    for (lang, defs) in [(Lang::En, f.word_lists.en), (Lang::Vi, f.word_lists.vi)] {
        let tables = lang_mut(cat, lang);
        for d in defs {
            let table = tables.roles.entry(d.role).or_default();
            for w in &d.words {
                insert(table, w, (), &fail)?;
            }
            examples.push((format!("{:?}", d.role), d.examples));
        }
    }
    for d in f.terms {
        let index = cat.terms.len();
        cat.terms.push(Term {
            id: d.id.clone(),
            group: d.group.clone(),
        });
        for w in &d.en {
            insert(&mut cat.en.terms, w, index, &fail)?;
        }
        for w in &d.vi {
            insert(&mut cat.vi.terms, w, index, &fail)?;
        }
        examples.push((d.id, d.examples));
    }

    for (entry, list) in examples {
        for ex in list {
            let (lang, phrase) = match (&ex.en, &ex.vi) {
                (Some(t), None) => (Lang::En, t.clone()),
                (None, Some(t)) => (Lang::Vi, t.clone()),
                _ => {
                    return Err(fail(
                        &ex.expect,
                        format!("example of `{entry}` needs exactly one of `en:` or `vi:`"),
                    ));
                }
            };
            cat.examples.push(SourcedExample {
                file: file.to_string(),
                entry: entry.clone(),
                lang,
                text: phrase,
                expect: ex.expect,
            });
        }
    }
    Ok(())
}

fn lang_mut(cat: &mut Catalogue, lang: Lang) -> &mut LangTables {
    match lang {
        Lang::En => &mut cat.en,
        Lang::Vi => &mut cat.vi,
    }
}

fn insert<T: Clone>(
    table: &mut PhraseTable<T>,
    phrase: &str,
    value: T,
    fail: &dyn Fn(&str, String) -> CatalogueError,
) -> Result<(), CatalogueError> {
    if table.insert(phrase, value) {
        Ok(())
    } else {
        Err(fail(phrase, format!("empty phrase `{phrase}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_compiles() {
        let c = builtin();
        assert!(c.vi.number_words.contains_key("mươi"));
        assert!(c.en.scales.contains_word("bn"));
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
        assert!(c.en.scales.contains_word("lakh"));
        assert!(c.en.scales.contains_word("million"));
        std::fs::write(
            dir.path().join("scales.yaml"),
            "scales:\n  en:\n    - {word: crore, factor: 1.0e7}\n",
        )
        .unwrap();
        let c = load(&[dir.path().to_path_buf()]).unwrap();
        assert!(c.en.scales.contains_word("crore"));
        assert!(
            !c.en.scales.contains_word("million"),
            "scales.yaml replaced the built-in one"
        );
    }
}
