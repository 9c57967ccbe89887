//! JSON text → syntax tree with byte spans.
//!
//! A small recursive-descent parser written for linting rather than for data
//! binding: it keeps the byte span of every key and value, keeps duplicate keys
//! (which `serde_json::Value` silently drops), and borrows strings that hold no
//! escapes. Recursion is bounded by [`MAX_DEPTH`]: a deeper value is skipped by a
//! loop with an explicit stack and reported once, so a document nested a million
//! levels deep costs linear time and no stack.
//!
//! Errors are recovered from in the root object, where the client's fields
//! are: after an error the parser resynchronises at the next member (a `,` or
//! `}` at the root's level, or a line that starts with a key) and goes on, and
//! a missing comma before a key is one error, not the end. Each error is
//! reported once; at most [`tree::MAX_SYNTAX_ERRORS`] per document. Errors anywhere
//! else (a root that is not an object) end parsing. A lone UTF-16 surrogate in
//! a `\u` escape is valid JSON grammar: it decodes as U+FFFD and its span is
//! kept for the linter to report at the value.

pub(crate) mod from_value;
mod parser;
mod tree;

pub(crate) use parser::{Resync, parse, resync};
pub use tree::MAX_DEPTH;
pub(crate) use tree::{
    Member, Node, Parsed, SyntaxError, SyntaxErrorKind, Value, is_integer_literal, next_char_end,
};

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::parser::find_special;
    use super::tree::MAX_SYNTAX_ERRORS;
    use super::*;

    fn ok(text: &str) -> Node<'_> {
        let p = parse(text, 0, false);
        assert_eq!(p.errors, [], "{text}");
        p.root.unwrap()
    }

    fn err(text: &str) -> SyntaxErrorKind {
        parse(text, 0, false).errors.first().expect(text).kind
    }

    #[test]
    fn spans_of_keys_and_values() {
        let text = r#" {"a": "x\ny", "b" : [1, -2.5e3, true, null]} "#;
        let root = ok(text);
        let Value::Object(members) = &root.value else {
            panic!()
        };
        assert_eq!(&text[members[0].key_span.start..members[0].key_span.end], "\"a\"");
        assert_eq!(
            &text[members[0].value.span.start..members[0].value.span.end],
            "\"x\\ny\""
        );
        assert!(matches!(&members[0].value.value, Value::String(Cow::Owned(s)) if s == "x\ny"));
        assert_eq!(
            &text[members[1].value.span.start..members[1].value.span.end],
            "[1, -2.5e3, true, null]"
        );
    }

    #[test]
    fn find_special_finds_the_first_special_byte() {
        for (text, want) in [
            ("", 0),
            ("abc", 3),
            ("abcdefgh\"", 8),
            ("abcdefghijklmnop", 16),
            ("ab\\cdefghijk", 2),
            ("abcdefgh\u{1}", 8),
            ("жжжжжжж\"", 14),
            ("\u{7f}\u{80}\u{ff} \"", 6),
            ("0123456\u{1f}\"", 7),
        ] {
            assert_eq!(find_special(text.as_bytes()), want, "{text:?}");
        }
        // Against the plain loop, on every position of every special byte.
        for special in [b'"', b'\\', 0u8, 0x1f] {
            for at in 0..24 {
                let mut bytes = vec![b'x'; 24];
                bytes[at] = special;
                bytes[(at + 5) % 24] = 0xE0;
                assert_eq!(find_special(&bytes), at);
            }
        }
    }

    #[test]
    fn escapes_decode() {
        let root = ok(r#""ty\u0070e \ud83d\ude00 \/""#);
        assert!(matches!(root.value, Value::String(s) if s == "type 😀 /"));
    }

    #[test]
    fn errors() {
        assert_eq!(err(""), SyntaxErrorKind::Eof);
        assert_eq!(err("{"), SyntaxErrorKind::Eof);
        assert_eq!(err(r#"{"a":1,}"#), SyntaxErrorKind::TrailingComma);
        assert_eq!(err(r"[1,]"), SyntaxErrorKind::TrailingComma);
        assert_eq!(err(r#"{"a" 1}"#), SyntaxErrorKind::ExpectedColon);
        assert_eq!(err(r#"{"a":1 "b":2}"#), SyntaxErrorKind::ExpectedCommaOrObjectEnd);
        assert_eq!(err(r"{a:1}"), SyntaxErrorKind::ExpectedKey);
        assert_eq!(err("01"), SyntaxErrorKind::TrailingCharacters);
        assert_eq!(err("1."), SyntaxErrorKind::Eof);
        assert_eq!(err("1.x"), SyntaxErrorKind::InvalidNumber);
        assert_eq!(err("-"), SyntaxErrorKind::Eof);
        assert_eq!(err("tru"), SyntaxErrorKind::InvalidLiteral);
        assert_eq!(err("\"a\u{1}\""), SyntaxErrorKind::ControlInString);
        assert_eq!(err(r#""\x""#), SyntaxErrorKind::InvalidEscape);
        assert_eq!(err(r#""\u12"#), SyntaxErrorKind::Eof);
        assert_eq!(err("{} {}"), SyntaxErrorKind::TrailingCharacters);
    }

    /// Lone surrogates are valid grammar: decoded as U+FFFD, their escapes kept.
    #[test]
    fn lone_surrogates_decode_and_are_kept() {
        for (text, spans) in [
            (r#""\ud800""#, vec![(1, 7)]),
            (r#""\udc00x""#, vec![(1, 7)]),
            (r#""\ud800\u0041""#, vec![(1, 7)]),
            (r#""a\ud83d\ude00\udfff""#, vec![(14, 20)]),
        ] {
            let p = parse(text, 0, false);
            assert_eq!(p.errors, [], "{text}");
            let got: Vec<_> = p.surrogates.iter().map(|s| (s.start, s.end)).collect();
            assert_eq!(got, spans, "{text}");
        }
        let root = ok(r#""\ud800\u0041""#);
        assert!(matches!(root.value, Value::String(s) if s == "\u{FFFD}A"));
    }

    /// The root object recovers: each error once, and the members after it read.
    #[test]
    fn the_root_object_recovers_at_the_next_member() {
        let keys = |text: &str| {
            let p = parse(text, 0, false);
            let Some(Node {
                value: Value::Object(m),
                ..
            }) = p.root
            else {
                panic!("no root: {text}")
            };
            let kinds: Vec<_> = p.errors.iter().map(|e| e.kind).collect();
            (m.iter().map(|m| m.key.to_string()).collect::<Vec<_>>(), kinds)
        };
        use SyntaxErrorKind as K;
        let ab = || vec!["a".to_string(), "b".to_string()];
        assert_eq!(keys(r#"{"a": 1,, "b": 2}"#), (ab(), vec![K::ExpectedKey]));
        assert_eq!(
            keys(r#"{"a": 1 "b": 2}"#),
            (ab(), vec![K::ExpectedCommaOrObjectEnd])
        );
        assert_eq!(
            keys("{\"a\": 1,\n x: 3,\n \"b\": 2}"),
            (ab(), vec![K::ExpectedKey])
        );
        assert_eq!(
            keys("{\"a\": 1,\n \"x\": [1, 2,,],\n \"b\": 2}"),
            (ab(), vec![K::ExpectedValue])
        );
        assert_eq!(
            keys("{\"a\": 1,\n \"x\": \"open\n \"b\": 2}"),
            (ab(), vec![K::ControlInString])
        );
        assert_eq!(keys(r#"{"a": 1, "b": 2,}"#), (ab(), vec![K::TrailingComma]));
        assert_eq!(keys(r#"{"a": 1, "b": 2"#), (ab(), vec![K::Eof]));
        // Bounded: a flood of errors stops at the cap.
        let flood = format!("{{{}}}", ",".repeat(10_000));
        assert_eq!(parse(&flood, 0, false).errors.len(), MAX_SYNTAX_ERRORS);
    }

    #[test]
    fn partial_tree_survives_an_error() {
        let p = parse(r#"{"a": 1, "b": tru"#, 0, false);
        assert!(!p.errors.is_empty());
        let Some(Node {
            value: Value::Object(m),
            ..
        }) = p.root
        else {
            panic!("no partial root")
        };
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].key, "a");
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let depth = 200_000;
        let text = format!(
            r#"{{"x": {}{}, "name": "n"}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let p = parse(&text, 0, false);
        assert_eq!(p.errors, []);
        let Some(Node {
            value: Value::Object(m),
            ..
        }) = p.root
        else {
            panic!()
        };
        let mut node = &m[0].value;
        let mut levels = 0;
        while let Value::Array(items) = &node.value {
            node = &items[0];
            levels += 1;
        }
        assert_eq!(levels, MAX_DEPTH - 1);
        assert!(matches!(node.value, Value::TooDeep));
        let unclosed = format!("{}{}", "[".repeat(depth), "]".repeat(depth - 1));
        assert_eq!(err(&unclosed), SyntaxErrorKind::Eof);
        let mismatched = format!("{}}}", "[".repeat(depth));
        assert_eq!(err(&mismatched), SyntaxErrorKind::ExpectedCommaOrArrayEnd);
    }
}
