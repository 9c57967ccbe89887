//! Standard input and output for the language server, hardened against what
//! editors and broken clients send: messages are framed by `Content-Length`
//! with a cap, a body that is not UTF-8 or holds lone UTF-16 surrogate
//! escapes (as `JSON.stringify` writes them) is decoded lossily, and a
//! message that still cannot be read is logged to the editor and skipped,
//! the stream resynchronising at the next `Content-Length` header. Only a
//! length over [`MAX_MESSAGE`] ends the session, cleanly, with a message:
//! nothing is allocated for it.

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{Sender, bounded};
use lsp_server::{Connection, Message, Notification};

/// The largest message read: 64 MiB, far above any client document.
pub const MAX_MESSAGE: usize = 64 << 20;

/// The longest header line kept; longer lines are read past, not stored.
const MAX_HEADER_LINE: usize = 1024;

/// One read from the stream.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A message's body.
    Body(Vec<u8>),
    /// A `Content-Length` over [`MAX_MESSAGE`].
    TooLarge(u64),
    /// The end of the input.
    End,
}

/// Read one line (through `\n`), keeping at most [`MAX_HEADER_LINE`] bytes;
/// `None` at the end of the input.
fn read_line(r: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(line));
        }
        any = true;
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_HEADER_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        r.consume(take);
        if done {
            return Ok(Some(line));
        }
    }
}

/// Read the next framed message. Lines before a `Content-Length` header
/// (the rest of a message whose length was wrong) are skipped.
pub fn read_frame(r: &mut impl BufRead, skipped: &mut usize) -> io::Result<Frame> {
    let mut length: Option<u64> = None;
    loop {
        let Some(line) = read_line(r)? else {
            return Ok(Frame::End);
        };
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            match length {
                Some(n) => {
                    return match usize::try_from(n) {
                        Ok(n) if n <= MAX_MESSAGE => read_body(r, n),
                        _ => Ok(Frame::TooLarge(n)),
                    };
                }
                None => continue,
            }
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                if let Ok(n) = value.trim().parse::<u64>() {
                    length = Some(n);
                } else {
                    *skipped += 1;
                    length = None;
                }
            }
            Some((name, _)) if length.is_some() && name.trim().eq_ignore_ascii_case("content-type") => {}
            _ => {
                // Not a header of this message: garbage before the next one.
                *skipped += 1;
                length = None;
            }
        }
    }
}

fn read_body(r: &mut impl BufRead, n: usize) -> io::Result<Frame> {
    let mut body = Vec::with_capacity(n);
    r.take(n as u64).read_to_end(&mut body)?;
    if body.len() < n {
        return Ok(Frame::End);
    }
    Ok(Frame::Body(body))
}

/// `\uD800`-`\uDFFF` escapes that are not a high surrogate followed by a low
/// one, written `\uFFFD` (the lossy decoding a JSON reader without them
/// would do); the text unchanged when there are none.
pub fn lossy_surrogates(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let hex = |at: usize| {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| {
                text.get(at + 2..at + 6)
                    .and_then(|h| u16::from_str_radix(h, 16).ok())
            })
            .flatten()
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match hex(i) {
            Some(0xD800..=0xDBFF) if hex(i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) => {
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(&text[copied..i]);
                o.push_str("\\uFFFD");
                i += 6;
                copied = i;
            }
            // Any other escape, `\\` included, is two characters at least.
            _ => i += 2,
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied.min(text.len())..]);
            Cow::Owned(o)
        }
    }
}

/// Decode a message body: as it is, else lossily (bad UTF-8 and lone
/// surrogates replaced).
pub fn decode(body: &[u8]) -> Result<Message, String> {
    if let Ok(m) = serde_json::from_slice::<Message>(body) {
        return Ok(m);
    }
    let text = String::from_utf8_lossy(body);
    serde_json::from_str::<Message>(&lossy_surrogates(&text)).map_err(|e| e.to_string())
}

/// Tell the editor (and standard error) what went wrong.
fn log(to: &Sender<Message>, message: &str) {
    eprintln!("client-lint lsp: {message}");
    let params = serde_json::json!({"type": 1, "message": format!("client-lint: {message}")});
    let _ = to.send(Message::Notification(Notification::new(
        "window/logMessage".into(),
        params,
    )));
}

/// A connection over standard input and output, and its reader and writer
/// threads.
pub fn stdio() -> (Connection, JoinHandle<()>, JoinHandle<io::Result<()>>) {
    let (writer_sender, writer_receiver) = bounded::<Message>(16);
    let writer = thread::Builder::new()
        .name("client-lint-lsp-writer".into())
        .spawn(move || {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            for m in writer_receiver {
                m.write(&mut out)?;
                out.flush()?;
            }
            Ok(())
        })
        .expect("a thread");
    let (reader_sender, reader_receiver) = bounded::<Message>(16);
    let log_to = writer_sender.clone();
    let reader = thread::Builder::new()
        .name("client-lint-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            let mut skipped = 0;
            loop {
                let before = skipped;
                let frame = match read_frame(&mut input, &mut skipped) {
                    Ok(f) => f,
                    Err(e) => {
                        log(&log_to, &format!("reading standard input failed: {e}"));
                        break;
                    }
                };
                if skipped > before {
                    log(&log_to, "skipped input that was not a message header (a wrong Content-Length?)");
                }
                match frame {
                    Frame::End => break,
                    Frame::TooLarge(n) => {
                        log(&log_to, &format!("a message of {n} bytes is over the limit of {MAX_MESSAGE}: ending the session"));
                        break;
                    }
                    Frame::Body(body) => match decode(&body) {
                        Ok(m) => {
                            let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                            if reader_sender.send(m).is_err() || exit {
                                break;
                            }
                        }
                        Err(e) => log(&log_to, &format!("skipped a message that is not JSON-RPC: {e}")),
                    },
                }
            }
        })
        .expect("a thread");
    (
        Connection {
            sender: writer_sender,
            receiver: reader_receiver,
        },
        reader,
        writer,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> (Vec<Frame>, usize) {
        let mut r = io::BufReader::new(input);
        let mut skipped = 0;
        let mut out = Vec::new();
        loop {
            match read_frame(&mut r, &mut skipped).unwrap() {
                Frame::End => return (out, skipped),
                f => out.push(f),
            }
        }
    }

    #[test]
    fn frames_resynchronise_after_a_wrong_length() {
        let good = |s: &str| format!("Content-Length: {}\r\n\r\n{s}", s.len());
        // Two bytes short: the rest of the body is skipped, the next read.
        let input = format!("Content-Length: 5\r\n\r\n{{\"a\":1}}\r\n{}", good("{}"));
        let (f, skipped) = frames(input.as_bytes());
        assert_eq!(f, [Frame::Body(b"{\"a\":".to_vec()), Frame::Body(b"{}".to_vec())]);
        assert!(skipped > 0);
        // A length over the cap ends reading without allocating it.
        let (f, _) = frames(b"Content-Length: 99999999999999\r\n\r\n{}");
        assert_eq!(f, [Frame::TooLarge(99_999_999_999_999)]);
        let (f, _) = frames(b"Content-Length: 8000000000\r\n\r\n{}");
        assert_eq!(f, [Frame::TooLarge(8_000_000_000)]);
        // A header line longer than any header is read past, not kept.
        let long = format!("X-Junk: {}\r\n{}", "a".repeat(1 << 20), good("{}"));
        assert_eq!(frames(long.as_bytes()).0, [Frame::Body(b"{}".to_vec())]);
    }

    #[test]
    fn lone_surrogates_and_bad_bytes_decode_lossily() {
        assert_eq!(lossy_surrogates(r#""a\ud800b""#), r#""a\uFFFDb""#);
        assert_eq!(
            lossy_surrogates(r#""\udc00\ud83d\ude00""#),
            r#""\uFFFD\ud83d\ude00""#
        );
        assert_eq!(
            lossy_surrogates(r#""\\ud800""#),
            r#""\\ud800""#,
            "an escaped backslash"
        );
        let m = decode(br#"{"jsonrpc":"2.0","method":"x","params":{"text":"\ud800"}}"#).unwrap();
        let Message::Notification(n) = m else { panic!() };
        assert_eq!(n.params["text"], "\u{FFFD}");
        let bad = b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"text\":\"\xff\"}}";
        assert!(decode(bad).is_ok());
        assert!(decode(b"{not json").is_err());
    }
}
