//! The syntax tree: values with the byte spans of their keys and values, and
//! the syntax errors met while reading them.

use std::borrow::Cow;

use crate::span::Span;

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

/// The byte after the character at `pos` (or `pos` at the end).
pub(crate) fn next_char_end(text: &str, pos: usize) -> usize {
    text[pos..].chars().next().map_or(pos, |c| pos + c.len_utf8())
}
