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
//! reported once; at most [`MAX_SYNTAX_ERRORS`] per document. Errors anywhere
//! else (a root that is not an object) end parsing. A lone UTF-16 surrogate in
//! a `\u` escape is valid JSON grammar: it decodes as U+FFFD and its span is
//! kept for the linter to report at the value.

pub(crate) mod from_value;
mod recover;

pub(crate) use recover::{Resync, resync};

use crate::span::Span;
use std::borrow::Cow;

/// Most syntax errors recorded in one document; parsing stops after them.
pub(crate) const MAX_SYNTAX_ERRORS: usize = 100;

/// How deep arrays and objects may nest before the parser stops descending.
///
/// The client resource is flat (depth 1); 128 leaves generous room for unknown
/// fields that hold structured data.
pub const MAX_DEPTH: usize = 128;

/// A JSON value with its span.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub span: Span,
    pub value: Value<'a>,
}

/// The kinds of JSON value.
#[derive(Debug, Clone)]
pub(crate) enum Value<'a> {
    Null,
    Bool,
    /// The number exactly as written.
    Number(Cow<'a, str>),
    /// The decoded string; `Cow::Borrowed` exactly when the source held no escape,
    /// so that offsets inside the value map one to one onto the source.
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
    /// A value nested deeper than [`MAX_DEPTH`], skipped unparsed.
    TooDeep,
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone)]
pub(crate) struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl Value<'_> {
    /// The JSON type name, as JSON Schema spells it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool => "boolean",
            Value::Number(n) if is_integer_literal(n) => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::TooDeep => "value",
        }
    }
}

/// Whether a JSON number literal has neither fraction nor exponent.
pub(crate) fn is_integer_literal(raw: &str) -> bool {
    !raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

/// What went wrong, for the syntax-error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyntaxErrorKind {
    Eof,
    ExpectedValue,
    ExpectedColon,
    ExpectedCommaOrObjectEnd,
    ExpectedCommaOrArrayEnd,
    ExpectedKey,
    TrailingComma,
    InvalidNumber,
    InvalidLiteral,
    ControlInString,
    InvalidEscape,
    TrailingCharacters,
}

/// A syntax error at one byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
}

/// The result of parsing: the tree (as far as it could be read), the syntax
/// errors in order, and the lone surrogates met in strings.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub root: Option<Node<'a>>,
    pub errors: Vec<SyntaxError>,
    /// Spans of `\u` escapes that are lone UTF-16 surrogates.
    pub surrogates: Vec<Span>,
    /// Byte offset where the root value (or the error) ended.
    pub end: usize,
}

/// Parse one JSON value starting at `start`, skipping leading white space.
///
/// With `allow_trailing`, parsing stops after the value (for arrays of records and
/// NDJSON, which call this repeatedly); otherwise anything but white space after
/// the value is an error.
pub(crate) fn parse(text: &str, start: usize, allow_trailing: bool) -> Parsed<'_> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: start,
        errors: Vec::new(),
        surrogates: Vec::new(),
        nesting: 0,
    };
    p.skip_ws();
    let root = match p.value(0) {
        Ok(node) => {
            if !allow_trailing && p.errors.is_empty() {
                p.skip_ws();
                if p.pos < p.bytes.len() {
                    let end = next_char_end(text, p.pos);
                    p.errors.push(SyntaxError {
                        kind: SyntaxErrorKind::TrailingCharacters,
                        span: Span::new(p.pos, end),
                    });
                }
            }
            Some(node)
        }
        Err(e) => {
            p.errors.push(e);
            None
        }
    };
    Parsed {
        root,
        errors: p.errors,
        surrogates: p.surrogates,
        end: p.pos,
    }
}

/// Index of the first `"`, `\\` or control byte, or the length.
fn find_special(bytes: &[u8]) -> usize {
    crate::swar::string_end(bytes).unwrap_or(bytes.len())
}

/// The byte after the character at `pos` (or `pos` at the end).
pub(crate) fn next_char_end(text: &str, pos: usize) -> usize {
    text[pos..].chars().next().map_or(pos, |c| pos + c.len_utf8())
}

type PResult<'a> = Result<Node<'a>, SyntaxError>;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Errors recovered from in the root object, in order.
    errors: Vec<SyntaxError>,
    /// Lone surrogate escapes, decoded as U+FFFD.
    surrogates: Vec<Span>,
    /// Objects and arrays open at `pos` (left as they were when an error
    /// unwinds, so that recovery knows how deep the error was).
    nesting: usize,
}

impl<'a> Parser<'a> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn err<T>(&self, kind: SyntaxErrorKind) -> Result<T, SyntaxError> {
        Err(self.error_here(kind))
    }

    fn error_here(&self, kind: SyntaxErrorKind) -> SyntaxError {
        if self.pos >= self.bytes.len() {
            return SyntaxError {
                kind: SyntaxErrorKind::Eof,
                span: Span::new(self.bytes.len(), self.bytes.len()),
            };
        }
        SyntaxError {
            kind,
            span: Span::new(self.pos, next_char_end(self.text, self.pos)),
        }
    }

    fn value(&mut self, depth: usize) -> PResult<'a> {
        let start = self.pos;
        match self.bytes.get(self.pos) {
            None => self.err(SyntaxErrorKind::Eof),
            Some(b'{' | b'[') if depth >= MAX_DEPTH => self.skip_deep(),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node {
                    span: Span::new(start, self.pos),
                    value: Value::String(s),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool),
            Some(b'f') => self.literal("false", Value::Bool),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => self.err(SyntaxErrorKind::ExpectedValue),
        }
    }

    fn literal(&mut self, word: &'static str, value: Value<'a>) -> PResult<'a> {
        let start = self.pos;
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(Node {
                span: Span::new(start, self.pos),
                value,
            })
        } else {
            self.err(SyntaxErrorKind::InvalidLiteral)
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - from
    }

    fn number(&mut self) -> PResult<'a> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.err(SyntaxErrorKind::InvalidNumber),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.err(SyntaxErrorKind::InvalidNumber);
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.err(SyntaxErrorKind::InvalidNumber);
            }
        }
        Ok(Node {
            span: Span::new(start, self.pos),
            value: Value::Number(Cow::Borrowed(&self.text[start..self.pos])),
        })
    }

    /// Parse a string at `self.pos` (which holds `"`), leaving `pos` after the
    /// closing quote.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: no escape.
        self.pos += find_special(&self.bytes[self.pos..]);
        loop {
            match self.bytes.get(self.pos) {
                None => return self.err(SyntaxErrorKind::Eof),
                Some(b'"') => {
                    let s = &self.text[content_start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return self.err(SyntaxErrorKind::ControlInString),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::with_capacity(self.pos - content_start + 16);
        out.push_str(&self.text[content_start..self.pos]);
        loop {
            let run_start = self.pos;
            self.pos += find_special(&self.bytes[self.pos..]);
            loop {
                match self.bytes.get(self.pos) {
                    None => return self.err(SyntaxErrorKind::Eof),
                    Some(b'"' | b'\\') => break,
                    Some(0..=0x1f) => return self.err(SyntaxErrorKind::ControlInString),
                    Some(_) => self.pos += 1,
                }
            }
            out.push_str(&self.text[run_start..self.pos]);
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(Cow::Owned(out));
            }
            // Backslash.
            let esc_start = self.pos;
            self.pos += 1;
            let c = match self.bytes.get(self.pos) {
                None => return self.err(SyntaxErrorKind::Eof),
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.pos += 1;
                    let hi = self.hex4()?;
                    let c = if (0xD800..0xDC00).contains(&hi) {
                        // Needs a low surrogate right after it.
                        let pair = self.bytes.get(self.pos) == Some(&b'\\')
                            && self.bytes.get(self.pos + 1) == Some(&b'u')
                            && self.text.get(self.pos + 2..self.pos + 6).is_some_and(|h| {
                                u32::from_str_radix(h, 16).is_ok_and(|lo| (0xDC00..0xE000).contains(&lo))
                            });
                        if pair {
                            self.pos += 2;
                            let lo = self.hex4()?;
                            let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        } else {
                            self.surrogates.push(Span::new(esc_start, self.pos));
                            '\u{FFFD}'
                        }
                    } else if (0xDC00..0xE000).contains(&hi) {
                        self.surrogates.push(Span::new(esc_start, self.pos));
                        '\u{FFFD}'
                    } else {
                        char::from_u32(hi).unwrap_or('\u{FFFD}')
                    };
                    out.push(c);
                    continue;
                }
                Some(_) => {
                    let end = next_char_end(self.text, self.pos);
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::InvalidEscape,
                        span: Span::new(esc_start, end),
                    });
                }
            };
            out.push(c);
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.bytes.get(self.pos) {
                None => return self.err(SyntaxErrorKind::Eof),
                Some(b) => match (*b as char).to_digit(16) {
                    Some(d) => d,
                    None => return self.err(SyntaxErrorKind::InvalidEscape),
                },
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    fn object(&mut self, depth: usize) -> PResult<'a> {
        let start = self.pos;
        self.pos += 1;
        self.nesting += 1;
        // The root holds the client's fields (24 known); nested objects are rare.
        let mut members: Vec<Member<'a>> = Vec::with_capacity(if depth == 0 { 32 } else { 4 });
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.nesting -= 1;
            return Ok(Node {
                span: Span::new(start, self.pos),
                value: Value::Object(members),
            });
        }
        if depth == 0 {
            // The root: errors are recorded and parsing goes on.
            self.root_members(&mut members);
        } else {
            self.members(depth, &mut members)?;
        }
        self.nesting -= 1;
        Ok(Node {
            span: Span::new(start, self.pos),
            value: Value::Object(members),
        })
    }

    /// One `"key": value` member at `self.pos`.
    fn member(&mut self, depth: usize) -> Result<Member<'a>, SyntaxError> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return self.err(SyntaxErrorKind::ExpectedKey);
        }
        let key_start = self.pos;
        let key = self.string()?;
        let key_span = Span::new(key_start, self.pos);
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b':') {
            return self.err(SyntaxErrorKind::ExpectedColon);
        }
        self.pos += 1;
        self.skip_ws();
        let value = self.value(depth + 1)?;
        Ok(Member { key, key_span, value })
    }

    /// The members of an object after `{`, up to and including `}`.
    fn members(&mut self, depth: usize, members: &mut Vec<Member<'a>>) -> Result<(), SyntaxError> {
        loop {
            if self.bytes.get(self.pos) != Some(&b'"') {
                let kind = if self.bytes.get(self.pos) == Some(&b'}') && !members.is_empty() {
                    SyntaxErrorKind::TrailingComma
                } else {
                    SyntaxErrorKind::ExpectedKey
                };
                return self.err(kind);
            }
            members.push(self.member(depth)?);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.err(SyntaxErrorKind::ExpectedCommaOrObjectEnd),
            }
        }
    }

    fn array(&mut self, depth: usize) -> PResult<'a> {
        let start = self.pos;
        self.pos += 1;
        self.nesting += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.nesting -= 1;
            return Ok(Node {
                span: Span::new(start, self.pos),
                value: Value::Array(items),
            });
        }
        loop {
            if self.bytes.get(self.pos) == Some(&b']') && !items.is_empty() {
                return self.err(SyntaxErrorKind::TrailingComma);
            }
            let item = self.value(depth + 1)?;
            items.push(item);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b']') => {
                    self.pos += 1;
                    self.nesting -= 1;
                    return Ok(Node {
                        span: Span::new(start, self.pos),
                        value: Value::Array(items),
                    });
                }
                _ => return self.err(SyntaxErrorKind::ExpectedCommaOrArrayEnd),
            }
        }
    }

    /// Skip a container nested too deep, with an explicit stack (no recursion),
    /// checking only what is needed to find its end: brackets and strings.
    fn skip_deep(&mut self) -> PResult<'a> {
        let start = self.pos;
        let mut stack: Vec<u8> = Vec::new();
        loop {
            match self.bytes.get(self.pos) {
                None => return self.err(SyntaxErrorKind::Eof),
                Some(b'{') => stack.push(b'}'),
                Some(b'[') => stack.push(b']'),
                Some(&c @ (b'}' | b']')) => {
                    if stack.pop() != Some(c) {
                        return self.err(if c == b'}' {
                            SyntaxErrorKind::ExpectedCommaOrArrayEnd
                        } else {
                            SyntaxErrorKind::ExpectedCommaOrObjectEnd
                        });
                    }
                    if stack.is_empty() {
                        self.pos += 1;
                        return Ok(Node {
                            span: Span::new(start, self.pos),
                            value: Value::TooDeep,
                        });
                    }
                }
                Some(b'"') => {
                    self.string()?;
                    continue;
                }
                Some(_) => {}
            }
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(err(r#"[1,]"#), SyntaxErrorKind::TrailingComma);
        assert_eq!(err(r#"{"a" 1}"#), SyntaxErrorKind::ExpectedColon);
        assert_eq!(err(r#"{"a":1 "b":2}"#), SyntaxErrorKind::ExpectedCommaOrObjectEnd);
        assert_eq!(err(r#"{a:1}"#), SyntaxErrorKind::ExpectedKey);
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
