//! A cheap scan of YAML text before it is parsed: nesting deeper than
//! `MAX_DEPTH` (flow brackets and block indentation together) is refused —
//! the parser's time grows with the square of it — and so are numbers that
//! are not finite (`.nan`, `.inf`, `1e999`), which would silently poison every
//! figure a catalogue factor touches. Errors carry the 1-based line.

/// The largest configuration or catalogue file read: 10 MB.
pub const MAX_FILE: u64 = 10 * 1000 * 1000;

/// The largest baseline read: 100 MB (an archive's findings).
pub const MAX_BASELINE: u64 = 100 * 1000 * 1000;

/// The deepest nesting a configuration, baseline or catalogue file may have.
pub const MAX_DEPTH: usize = 64;

/// Check `text`; the error is (line, message).
pub fn check(text: &str) -> Result<(), (usize, String)> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow: usize = 0;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let body = raw.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        // Block nesting: one level per deeper indentation, one per `- `.
        let indent = raw.len() - body.len();
        if flow == 0 {
            while indents.last().is_some_and(|&d| d > indent) {
                indents.pop();
            }
            if indents.last().is_none_or(|&d| d < indent) {
                indents.push(indent);
            }
        }
        let mut rest = body;
        let mut dashes = 0;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            dashes += 1;
            rest = r.trim_start();
        }
        let block = indents.len() + dashes;
        flow = scan_line(body, flow, |depth| {
            if block + depth > MAX_DEPTH {
                Err((line, too_deep()))
            } else {
                Ok(())
            }
        })?;
        if block + flow > MAX_DEPTH {
            return Err((line, too_deep()));
        }
        finite_numbers(body).map_err(|m| (line, m))?;
    }
    Ok(())
}

fn too_deep() -> String {
    format!("nested more than {MAX_DEPTH} levels deep")
}

/// Walk one line's flow brackets outside quotes and comments, calling
/// `deeper` with each new flow depth; returns the depth at the line's end.
fn scan_line(
    body: &str,
    mut flow: usize,
    mut deeper: impl FnMut(usize) -> Result<(), (usize, String)>,
) -> Result<usize, (usize, String)> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in body.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '#' if prev.is_whitespace() => break,
                '[' | '{' => {
                    flow += 1;
                    deeper(flow)?;
                }
                ']' | '}' => flow = flow.saturating_sub(1),
                _ => {}
            },
        }
        prev = c;
    }
    Ok(flow)
}

/// Refuse plain scalars that YAML reads as a non-finite float.
fn finite_numbers(body: &str) -> Result<(), String> {
    let mut quote: Option<char> = None;
    let mut token = String::new();
    let mut prev = ' ';
    let check = |t: &str| -> Result<(), String> {
        let lower = t.to_ascii_lowercase();
        let named = matches!(lower.as_str(), ".nan" | ".inf" | "+.inf" | "-.inf");
        let numeric = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
            && t.chars().any(|c| c.is_ascii_digit())
            && t.replace('_', "")
                .parse::<f64>()
                .is_ok_and(|v| !v.is_finite());
        if named || numeric {
            Err(format!(
                "`{t}` is not a finite number (NaN and infinity are not allowed)"
            ))
        } else {
            Ok(())
        }
    };
    for c in body.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && prev.is_whitespace() => break,
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c.is_whitespace() || matches!(c, '[' | ']' | '{' | '}' | ',' | ':') => {
                check(&token)?;
                token.clear();
            }
            None => token.push(c),
        }
        prev = c;
    }
    check(&token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_and_block_nesting_are_refused_with_the_line() {
        let flow = format!("a: 1\nb: {}{}\n", "[".repeat(70), "]".repeat(70));
        assert_eq!(check(&flow).unwrap_err().0, 2);
        let ok = format!("b: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert!(check(&ok).is_ok());
        let mut block = String::new();
        for i in 0..70 {
            block.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        let (line, msg) = check(&block).unwrap_err();
        assert_eq!(line, 65, "{msg}");
        let dashes = format!("x:\n  {}1\n", "- ".repeat(80));
        assert_eq!(check(&dashes).unwrap_err().0, 2);
        // Brackets in quotes and comments are text.
        let quoted = format!("a: \"{}\" # {}\n", "[".repeat(100), "{".repeat(100));
        assert!(check(&quoted).is_ok());
    }

    #[test]
    fn non_finite_numbers_are_refused() {
        for bad in ["factor: .nan", "factor: .Inf", "x: [1, -.inf]", "f: 1e999"] {
            let text = format!("units:\n  {bad}\n");
            let (line, msg) = check(&text).unwrap_err();
            assert_eq!(line, 2, "{bad}");
            assert!(msg.contains("not a finite number"), "{msg}");
        }
        for good in [
            "factor: 1e-9",
            "name: inf",
            "v: '.nan'",
            "n: 1_000.5",
            "t: 4,3 tỷ",
            "d: 2024-01-02",
        ] {
            assert!(check(good).is_ok(), "{good}");
        }
    }
}
