//! Recovering from syntax errors: after an error in the root object (or in an
//! array of records), skip to where the next item starts and go on, so that
//! one stray comma does not hide the fields after it.

use super::Parser;
use crate::span::Span;
use crate::syntax::tree::{MAX_SYNTAX_ERRORS, Member, SyntaxError, SyntaxErrorKind};

/// After a syntax error in a container (the root object, or an array of
/// records), skip from `pos` to where its next item starts: past a `,` at the
/// container's level, before a `start` byte (`"` for a member, `{` for a
/// record) that begins a line, or past the container's `close` byte. Strings
/// are skipped (a line break ends one, since JSON strings cannot hold one),
/// and brackets are counted so that commas inside a broken value do not
/// count; `depth` is how many the error left open. Linear: it only moves
/// forward.
pub(crate) fn resync(
    bytes: &[u8],
    mut pos: usize,
    mut depth: usize,
    close: u8,
    start: u8,
) -> (usize, Resync) {
    let mut in_string = false;
    let mut line_start = false;
    while let Some(&b) = bytes.get(pos) {
        if in_string {
            match b {
                b'\\' => pos += 1,
                b'"' => in_string = false,
                b'\n' => {
                    in_string = false;
                    line_start = true;
                }
                _ => {}
            }
            pos += 1;
            continue;
        }
        match b {
            _ if b == start && depth == 0 && line_start => return (pos, Resync::Item),
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            _ if b == close => return (pos + 1, Resync::End),
            b',' if depth == 0 => {
                pos += 1;
                while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(pos) {
                    pos += 1;
                }
                if bytes.get(pos) == Some(&close) {
                    return (pos + 1, Resync::End);
                }
                return (pos, Resync::Item);
            }
            b'\n' => line_start = true,
            b' ' | b'\t' | b'\r' => {}
            _ => line_start = false,
        }
        pos += 1;
    }
    (pos, Resync::Eof)
}

/// Where parsing goes on after an error in a container.
pub(crate) enum Resync {
    /// At the next item (a member's key, or a record).
    Item,
    /// After the root's closing `}`.
    End,
    /// The text ended.
    Eof,
}

impl<'a> Parser<'a> {
    /// The root object's members after `{`, recovering from errors: each is
    /// recorded, and parsing resumes at the next member.
    pub(super) fn root_members(&mut self, members: &mut Vec<Member<'a>>) {
        loop {
            if self.errors.len() >= MAX_SYNTAX_ERRORS {
                self.pos = self.bytes.len();
                return;
            }
            match self.member(0) {
                Ok(m) => members.push(m),
                Err(e) => {
                    let eof = e.kind == SyntaxErrorKind::Eof;
                    self.errors.push(e);
                    if eof {
                        return;
                    }
                    // How deep inside the member the error was.
                    let inside = self.nesting.saturating_sub(1);
                    self.nesting = 1;
                    match self.resync(inside) {
                        Resync::Item => continue,
                        Resync::End | Resync::Eof => return,
                    }
                }
            }
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b'}') {
                        self.errors.push(SyntaxError {
                            kind: SyntaxErrorKind::TrailingComma,
                            span: Span::new(comma, comma + 1),
                        });
                        self.pos += 1;
                        return;
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                // A key where a comma belongs: one error, and read on.
                Some(b'"') => self
                    .errors
                    .push(self.error_here(SyntaxErrorKind::ExpectedCommaOrObjectEnd)),
                None => {
                    self.errors.push(self.error_here(SyntaxErrorKind::Eof));
                    return;
                }
                Some(_) => {
                    self.errors
                        .push(self.error_here(SyntaxErrorKind::ExpectedCommaOrObjectEnd));
                    match self.resync(0) {
                        Resync::Item => {}
                        Resync::End | Resync::Eof => return,
                    }
                }
            }
        }
    }

    /// After an error in the root object, skip to where the next member
    /// starts (see [`resync`]).
    fn resync(&mut self, depth: usize) -> Resync {
        let (pos, stop) = resync(self.bytes, self.pos, depth, b'}', b'"');
        self.pos = pos;
        stop
    }
}
