//! Numbers as text: compact and readable renderings of values, and the
//! digits of a literal read as one number.

/// A number printed compactly: integers plainly below a million, otherwise
/// mantissa and exponent ("6e12", "4.3e9"); at most two decimals.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return "0".into();
    }
    if v.abs() >= 1e6 {
        let exp = v.abs().log10().floor() as i32;
        let mut mantissa = v / 10f64.powi(exp);
        let (mut exp, mut m) = (exp, trim(mantissa, 4));
        if m.starts_with("10") && !m.starts_with("10.") || m == "10" {
            mantissa /= 10.0;
            exp += 1;
            m = trim(mantissa, 4);
        }
        return format!("{m}e{exp}");
    }
    trim(v, 2)
}

fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The value of a literal: its digit groups, shortest first (then in
/// order), read as one number. Eighteen digits stay exact; a longer code is
/// compared on its first eighteen.
pub fn literal_value<S: AsRef<str>>(groups: &mut [S]) -> f64 {
    groups.sort_by(|a, b| {
        let (a, b) = (a.as_ref(), b.as_ref());
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    });
    digits_value(groups.iter().flat_map(|g| g.as_ref().bytes()))
}

/// The first eighteen ASCII digits of `digits` as one number.
pub fn digits_value(digits: impl Iterator<Item = u8>) -> f64 {
    digits
        .take(18)
        .fold(0u64, |v, b| v * 10 + u64::from(b - b'0')) as f64
}

/// A time of day in minutes after midnight, as "15:00".
pub fn clock_text(minutes: f64) -> String {
    let m = minutes.round().clamp(0.0, 24.0 * 60.0) as u32;
    format!("{:02}:{:02}", m / 60 % 24, m % 60)
}

/// A number an editor reads at a glance: "6 trillion", "587 million",
/// "16,700", "4.3"; past a thousand trillion, "1e42".
pub fn human_num(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return fmt_num(v);
    }
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    for (factor, word) in SCALES {
        if v.abs() >= factor {
            return format!("{} {word}", trim(v / factor, 3));
        }
    }
    let plain = trim(v, 2);
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let grouped = group_thousands(digits, ",");
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `digits` with `sep` between every group of three from the right:
/// "16700" is "16,700" with ",", "16.700" with ".".
pub fn group_thousands(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}
