//! The bytes before the JSON: `invalid-encoding` (CL009) and
//! `byte-order-mark` (CL010).

use super::context::{Ctx, Finding, tr};
use super::declare::{Declared, declare};
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};
use crate::span::Span;

pub(crate) static INVALID_ENCODING: Explanation = Explanation {
    what: Text {
        en: "The bytes are not UTF-8 (for example UTF-16, or Windows-1251 text).",
        ru: "Байты не являются UTF-8 (например, UTF-16 или текст в Windows-1251).",
    },
    why: Text {
        en: "JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1).",
        ru: "JSON, передаваемый между системами, обязан быть в UTF-8 (RFC 8259, раздел 8.1).",
    },
    example: "(a file saved as UTF-16)",
    instead: "(the same file saved as UTF-8 without BOM)",
    references: &["RFC 8259, section 8.1 (Character Encoding)"],
};

pub(crate) static BYTE_ORDER_MARK: Explanation = Explanation {
    what: Text {
        en: "The text starts with a UTF-8 byte order mark (U+FEFF). It is skipped and the rest is checked.",
        ru: "Текст начинается с метки порядка байтов UTF-8 (U+FEFF). Она пропускается, остальное проверяется.",
    },
    why: Text {
        en: "RFC 8259 forbids adding one; strict parsers, `serde_json` among them, reject the document.",
        ru: "RFC 8259 запрещает её добавлять; строгие парсеры, включая `serde_json`, отклоняют такой документ.",
    },
    example: "\u{FEFF}{\"name\": \"Acme\"}",
    instead: "{\"name\": \"Acme\"}",
    references: &["RFC 8259, section 8.1: \"Implementations MUST NOT add a byte order mark\""],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL009 InvalidEncoding "invalid-encoding" Error None => INVALID_ENCODING;
    CL010 ByteOrderMark "byte-order-mark" Warning None => BYTE_ORDER_MARK;
];

/// The text, when `bytes` are UTF-8; otherwise report where they stop being
/// UTF-8 and return how many bytes before that are.
pub(crate) fn check_utf8<'b>(ctx: &mut Ctx<'_>, bytes: &'b [u8]) -> Result<&'b str, usize> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    };
    let error_at = match (utf16, std::str::from_utf8(bytes)) {
        (None, Ok(text)) => return Ok(text),
        (None, Err(e)) => e.valid_up_to(),
        (Some(_), _) => 0,
    };
    let end = (error_at + 1).min(bytes.len());
    ctx.emit(
        Rule::InvalidEncoding,
        || None::<String>,
        Span::new(error_at, end),
        |s| {
            if let Some(from) = utf16 {
                Finding::new(tr!(
                    s,
                    "the text is {from}, not UTF-8",
                    "текст в {from}, а не в UTF-8"
                ))
                .help(tr!(
                    s,
                    "save the file as UTF-8 (for example `iconv -f {from} -t UTF-8`)",
                    "сохраните файл в UTF-8 (например, `iconv -f {from} -t UTF-8`)"
                ))
            } else {
                let b = bytes[error_at];
                Finding::new(tr!(
                    s,
                    "invalid UTF-8 (byte 0x{b:02X})",
                    "некорректный UTF-8 (байт 0x{b:02X})"
                ))
                .help(tr!(
                    s,
                    "save the file as UTF-8 (from Windows-1251, for example: `iconv -f cp1251 -t UTF-8`)",
                    "сохраните файл в UTF-8 (из Windows-1251, например: `iconv -f cp1251 -t UTF-8`)"
                ))
            }
        },
    );
    Err(error_at)
}

/// Report a byte order mark at the start of `text`; the bytes to skip.
pub(crate) fn byte_order_mark(ctx: &mut Ctx<'_>, text: &str) -> usize {
    if !text.starts_with('\u{FEFF}') {
        return 0;
    }
    ctx.emit(
        Rule::ByteOrderMark,
        || None::<String>,
        Span::new(0, 3),
        |s| {
            Finding::new(tr!(
                s,
                "the text starts with a byte order mark (U+FEFF)",
                "текст начинается с метки порядка байтов (U+FEFF)"
            ))
            .help(tr!(
                s,
                "save the file as UTF-8 without BOM",
                "сохраните файл в UTF-8 без BOM"
            ))
        },
    );
    3
}
