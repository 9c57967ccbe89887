//! The scanner: JSON text → [`Node`] tree, recursive descent bounded by
//! [`MAX_DEPTH`], with recovery in the root object ([`recover`]).

mod recover;

pub(crate) use recover::{Resync, resync};

use std::borrow::Cow;

use super::tree::{MAX_DEPTH, Member, Node, Parsed, SyntaxError, SyntaxErrorKind, Value, next_char_end};
use crate::span::Span;

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
pub(super) fn find_special(bytes: &[u8]) -> usize {
    crate::swar::string_end(bytes).unwrap_or(bytes.len())
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
