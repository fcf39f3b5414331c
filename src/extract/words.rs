//! Numbers written in words: "twenty-five", "a hundred and twenty",
//! "hai mươi lăm", "một trăm linh năm", "ba nghìn".
//!
//! The vocabulary and its roles come from the catalogue (`number_words`); this
//! module owns only the grammar that combines them. Scale words (million,
//! triệu, tỷ) are applied afterwards by the extractor, so "hai tỷ" is the
//! word amount 2 followed by the scale 1e9.

use crate::catalogue::LangTables;
use crate::catalogue::schema::NumberRole;
use crate::lang::Lang;
use crate::tokenize::{Token, Tokens};

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordAmount {
    pub value: f64,
    /// Token index just after the last word used.
    pub end: usize,
    /// False when the amount is a lone word that is no claim by itself
    /// ("one", "một", an article).
    pub alone_ok: bool,
    /// True when the amount is one ambiguous word ("năm": five or year) that
    /// needs a number word, scale, unit or counted noun after it.
    pub needs_next: bool,
    /// True when the amount is only an article ("a", "an").
    pub article: bool,
}

/// Read a number in words starting at token `i`.
pub fn parse(tables: &LangTables, lang: Lang, toks: Tokens, i: usize) -> Option<WordAmount> {
    match lang {
        Lang::En => parse_en(tables, toks, i),
        Lang::Vi => parse_vi(tables, toks.toks, i),
    }
}

fn role_at<'a>(
    tables: &'a LangTables,
    tokens: &[Token],
    j: usize,
) -> Option<&'a crate::catalogue::NumberWord> {
    let t = tokens.get(j)?;
    if !t.is_word() || t.piece_of_word() {
        return None;
    }
    let w = tables.number_words.get(&t.sym)?;
    if !w.only_after.is_empty() {
        let prev = j.checked_sub(1).map(|p| tokens[p].sym);
        if !prev.is_some_and(|p| w.only_after.contains(&p)) {
            return None;
        }
    }
    Some(w)
}

fn parse_en(tables: &LangTables, toks: Tokens, i: usize) -> Option<WordAmount> {
    let tokens = toks.toks;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last: Option<NumberRole> = None;
    let mut j = i;
    let mut words = 0;
    let mut first_alone = true;
    let mut article = false;
    loop {
        // "twenty-five": a hyphen between tens and a unit.
        if last == Some(NumberRole::Tens)
            && toks.is_punct(j, '-')
            && tokens.get(j).is_some_and(|t| t.attached())
            && tokens.get(j + 1).is_some_and(|t| t.attached())
            && role_at(tables, tokens, j + 1).is_some_and(|w| w.role == NumberRole::Unit)
        {
            j += 1;
        }
        let Some(w) = role_at(tables, tokens, j) else {
            break;
        };
        match w.role {
            NumberRole::Article if last.is_none() => {
                // "a hundred", "a million", "a third": only before a multiplier,
                // which the caller checks through `article`.
                current = 1.0;
                article = true;
            }
            NumberRole::Unit | NumberRole::Teen
                if matches!(
                    last,
                    None | Some(NumberRole::Tens)
                        | Some(NumberRole::Hundred)
                        | Some(NumberRole::Thousand)
                        | Some(NumberRole::And)
                ) && !(w.role == NumberRole::Teen && last == Some(NumberRole::Tens)) =>
            {
                current += w.value;
                article = false;
            }
            NumberRole::Tens
                if matches!(
                    last,
                    None | Some(NumberRole::Hundred)
                        | Some(NumberRole::Thousand)
                        | Some(NumberRole::And)
                ) =>
            {
                current += w.value;
                article = false;
            }
            NumberRole::Hundred
                if current < 100.0 && last.is_some_and(|l| l != NumberRole::And) =>
            {
                current = current.max(1.0) * 100.0;
                article = false;
            }
            NumberRole::Thousand if last.is_some_and(|l| l != NumberRole::And) => {
                total += current.max(1.0) * 1000.0;
                current = 0.0;
                article = false;
            }
            NumberRole::Dozen if last.is_some() => {
                current = current.max(1.0) * 12.0;
                article = false;
            }
            NumberRole::And
                if matches!(last, Some(NumberRole::Hundred) | Some(NumberRole::Thousand))
                    && role_at(tables, tokens, j + 1).is_some_and(|n| {
                        matches!(
                            n.role,
                            NumberRole::Unit | NumberRole::Teen | NumberRole::Tens
                        )
                    }) => {}
            _ => break,
        }
        if words == 0 {
            first_alone = w.alone;
        }
        words += 1;
        last = Some(w.role);
        j += 1;
    }
    if words == 0 || last == Some(NumberRole::And) {
        return None;
    }
    Some(WordAmount {
        value: total + current,
        end: j,
        alone_ok: !article && (words > 1 || first_alone),
        needs_next: false,
        article,
    })
}

fn parse_vi(tables: &LangTables, tokens: &[Token], i: usize) -> Option<WordAmount> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut digit: Option<f64> = None;
    let mut last: Option<NumberRole> = None;
    let mut j = i;
    let mut words = 0;
    let mut first = None;
    while let Some(w) = role_at(tables, tokens, j) {
        match w.role {
            NumberRole::Unit => {
                if digit.is_some() {
                    break;
                }
                match last {
                    // A new digit: may be followed by trăm/mươi/nghìn.
                    None | Some(NumberRole::Thousand) => digit = Some(w.value),
                    // "mười lăm", "hai mươi mốt", "một trăm linh năm". An
                    // ambiguous word ("năm") after mười/mươi reads as "years".
                    Some(NumberRole::Ten) | Some(NumberRole::TensSuffix) if !w.needs_next => {
                        group += w.value
                    }
                    Some(NumberRole::Filler) => group += w.value,
                    // "hai trăm năm mươi": a digit that must be followed by mươi.
                    Some(NumberRole::Hundred)
                        if role_at(tables, tokens, j + 1)
                            .is_some_and(|n| n.role == NumberRole::TensSuffix) =>
                    {
                        digit = Some(w.value)
                    }
                    _ => break,
                }
            }
            NumberRole::TensSuffix => match digit.take() {
                Some(d) if d >= 2.0 => group += d * 10.0,
                _ => break,
            },
            NumberRole::Ten
                if digit.is_none()
                    && matches!(
                        last,
                        None | Some(NumberRole::Hundred) | Some(NumberRole::Thousand)
                    ) =>
            {
                group += 10.0;
            }
            NumberRole::Hundred => match digit.take() {
                Some(d) => group += d * 100.0,
                None if last.is_none() => group += 100.0,
                None => break,
            },
            NumberRole::Filler
                if last == Some(NumberRole::Hundred)
                    && role_at(tables, tokens, j + 1)
                        .is_some_and(|n| n.role == NumberRole::Unit) => {}
            NumberRole::Thousand => {
                let g = group + digit.take().unwrap_or(0.0);
                if g == 0.0 && last.is_some() {
                    break;
                }
                total += g.max(1.0) * 1000.0;
                group = 0.0;
            }
            _ => break,
        }
        if first.is_none() {
            first = Some(w);
        }
        words += 1;
        last = Some(w.role);
        j += 1;
    }
    let first = first?;
    let value = total + group + digit.unwrap_or(0.0);
    Some(WordAmount {
        value,
        end: j,
        alone_ok: words > 1 || first.alone,
        needs_next: words == 1 && first.needs_next,
        article: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;
    fn read(lang: Lang, s: &str) -> Option<(f64, usize)> {
        let toks = builtin().tokenize(s);
        let toks = Tokens {
            text: s,
            toks: &toks,
        };
        parse(builtin().lang(lang), lang, toks, 0).map(|a| (a.value, a.end))
    }

    fn amount(lang: Lang, s: &str) -> WordAmount {
        let toks = builtin().tokenize(s);
        let toks = Tokens {
            text: s,
            toks: &toks,
        };
        parse(builtin().lang(lang), lang, toks, 0).unwrap()
    }

    #[test]
    fn english_words() {
        assert_eq!(read(Lang::En, "twenty-five"), Some((25.0, 3)));
        assert_eq!(read(Lang::En, "Fifty-eight percent"), Some((58.0, 3)));
        assert_eq!(
            read(Lang::En, "a hundred and twenty days"),
            Some((120.0, 4))
        );
        assert_eq!(
            read(Lang::En, "two thousand five hundred"),
            Some((2500.0, 4))
        );
        assert_eq!(
            read(Lang::En, "three hundred and fifty million"),
            Some((350.0, 4))
        );
        assert_eq!(read(Lang::En, "a dozen"), Some((12.0, 2)));
        assert_eq!(read(Lang::En, "ninety nine"), Some((99.0, 2)));
        assert_eq!(read(Lang::En, "and"), None);
        assert_eq!(read(Lang::En, "ten eleven"), Some((10.0, 1)));
    }

    #[test]
    fn vietnamese_words() {
        assert_eq!(read(Lang::Vi, "hai mươi lăm phần trăm"), Some((25.0, 3)));
        assert_eq!(read(Lang::Vi, "mười lăm"), Some((15.0, 2)));
        assert_eq!(read(Lang::Vi, "một trăm linh năm"), Some((105.0, 4)));
        assert_eq!(read(Lang::Vi, "hai mươi năm"), Some((20.0, 2)));
        assert_eq!(read(Lang::Vi, "ba nghìn hai trăm"), Some((3200.0, 4)));
        assert_eq!(read(Lang::Vi, "hai trăm năm mươi"), Some((250.0, 4)));
        assert_eq!(read(Lang::Vi, "chín mươi chín"), Some((99.0, 3)));
        assert_eq!(read(Lang::Vi, "hai mươi tư"), Some((24.0, 3)));
        assert_eq!(read(Lang::Vi, "đầu tư"), None);
        assert_eq!(read(Lang::Vi, "tư nhân"), None);
    }

    #[test]
    fn flags_for_ambiguous_words() {
        assert!(amount(Lang::Vi, "năm ngoái").needs_next);
        assert!(!amount(Lang::Vi, "một sự kiện").alone_ok);
        let a = amount(Lang::En, "a million");
        assert!(a.article && !a.alone_ok);
    }
}
