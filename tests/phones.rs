//! `contact_phones` in other scripts' digits, checked against Unicode's own
//! list (`tests/data/unicode/Nd.txt`, from UnicodeData.txt): every decimal
//! digit is a digit, and the safe fix writes its ASCII digit.

use client_lint::{Applicability, Options};

/// Every Nd character but ASCII's, with its decimal value.
fn nd() -> Vec<(char, u32)> {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/unicode/Nd.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (
                char::from_u32(u32::from_str_radix(f[0], 16).unwrap()).unwrap(),
                f[2].parse().unwrap(),
            )
        })
        .filter(|(c, _)| !c.is_ascii())
        .collect()
}

#[test]
fn every_unicode_decimal_digit_is_fixed_to_its_ascii_digit() {
    let digits = nd();
    assert_eq!(digits.len(), 670, "Unicode 15.0: 68 runs of ten, one ASCII");
    for (c, value) in digits {
        let text = format!("+{c}{c} 1, ext {c}");
        let doc = serde_json::json!({ "contact_phones": text }).to_string();
        let report = client_lint::lint_str(&doc, &Options::default());
        let names: Vec<_> = report
            .diagnostics()
            .iter()
            .map(client_lint::Diagnostic::name)
            .collect();
        assert_eq!(names, ["non-ascii-digits"], "{c:?} U+{:04X}", u32::from(c));
        let fix = report.diagnostics()[0].fix().unwrap();
        assert_eq!(fix.applicability(), Applicability::Safe);
        assert_eq!(
            fix.value().unwrap(),
            &format!("+{value}{value} 1, ext {value}"),
            "{c:?}"
        );
        let fixed = client_lint::fix_str(&doc, &Options::default(), client_lint::UnsafeFixes::Skip);
        assert!(
            client_lint::lint_str(&fixed.text, &Options::default())
                .diagnostics()
                .is_empty()
        );
    }
}

/// Numbers that are not decimal digits (superscripts, fractions, Roman
/// numerals: other General_Category N values) are no digits.
#[test]
fn other_numbers_are_not_digits() {
    for text in ["²³", "½", "Ⅻ", "①"] {
        let doc = serde_json::json!({ "contact_phones": text }).to_string();
        let report = client_lint::lint_str(&doc, &Options::default());
        let names: Vec<_> = report
            .diagnostics()
            .iter()
            .map(client_lint::Diagnostic::name)
            .collect();
        assert_eq!(names, ["phone-without-digits"], "{text}");
    }
}
