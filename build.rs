//! Build-time work that would otherwise cost every run its start-up:
//! - the character table of `src/chars.rs`, computed here with the same
//!   standard library and normaliser the binary links, so it is exactly
//!   their answers;
//! - the built-in catalogue (`claims/*.yaml`) converted to JSON, which
//!   parses several times faster than YAML. A broken built-in file fails the
//!   build.

use std::fmt::Write as _;
use std::path::Path;

/// Characters below this code point are in the table (see `src/chars.rs`).
const TABLE_END: u32 = 0x2100;

const VIETNAMESE: &str = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    chars_table(out);
    catalogue(out);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=claims");
}

fn chars_table(out: &Path) {
    let mut flags = String::from("pub(crate) static FLAGS: [u8; 0x2100] = [");
    let mut lower = String::from("pub(crate) static LOWER: [u32; 0x2100] = [");
    let mut lower_utf8 = String::from("pub(crate) static LOWER_UTF8: [u32; 0x2100] = [");
    for cp in 0..TABLE_END {
        let (mut f, mut low) = (0u8, 0u32);
        if let Some(c) = char::from_u32(cp) {
            let combining = unicode_normalization::char::is_combining_mark(c);
            let bits = [
                c.is_alphabetic() || combining,
                c.is_uppercase(),
                c.is_lowercase(),
                c.is_whitespace(),
                false,
                VIETNAMESE.contains(c.to_lowercase().next().unwrap_or(c)),
                c.is_alphabetic(),
                unicode_normalization::char::canonical_combining_class(c) == 0
                    && unicode_normalization::is_nfc_quick(std::iter::once(c))
                        == unicode_normalization::IsNormalized::Yes,
            ];
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => low = one as u32,
                _ => f |= 16,
            }
            for (k, b) in bits.iter().enumerate() {
                if *b {
                    f |= 1 << k;
                }
            }
        }
        let _ = write!(flags, "{f},");
        let _ = write!(lower, "{low},");
        // The lowercase form as UTF-8 in the low bytes, its length in the
        // top one; 0 when it is not one character below U+10000.
        let mut utf8 = 0u32;
        if f & 16 == 0
            && let Some(l) = char::from_u32(low)
            && l.len_utf8() <= 3
        {
            let mut b = [0u8; 4];
            l.encode_utf8(&mut b);
            b[3] = l.len_utf8() as u8;
            utf8 = u32::from_le_bytes(b);
        }
        let _ = write!(lower_utf8, "{utf8},");
    }
    flags.push_str("];\n");
    lower.push_str("];\n");
    lower_utf8.push_str("];\n");
    std::fs::write(out.join("chars_table.rs"), flags + &lower + &lower_utf8)
        .expect("write the table");
}

fn catalogue(out: &Path) {
    let dir = Path::new("claims");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("claims/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    names.sort();
    for p in names {
        let text = std::fs::read_to_string(&p).expect("a readable catalogue file");
        let value: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let json = serde_json::to_string(&value).expect("YAML converts to JSON");
        let name = p.file_stem().expect("a file name").to_string_lossy();
        std::fs::write(out.join(format!("{name}.json")), json).expect("write the JSON");
    }
}
