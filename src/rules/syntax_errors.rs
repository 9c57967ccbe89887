//! `syntax-error` (CL001): text that is not JSON, and the message for each
//! way it can break.

use super::context::{Ctx, Finding, tr};
use super::declare::{Declared, declare};
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};
use crate::syntax::{SyntaxError, SyntaxErrorKind};

pub(crate) static SYNTAX_ERROR: Explanation = Explanation {
    what: Text {
        en: "The text is not valid JSON.",
        ru: "Текст не является корректным JSON.",
    },
    why: Text {
        en: "The API rejects the whole request. The linter recovers at the next member (a comma, a closing brace, or a line that starts with a key), so the fields after the error are checked too and each error is reported once (at most 100 per document). A missing comma between two members is one error. The report cannot be silenced, and fixes are not applied to a file with a syntax error.",
        ru: "API отклонит весь запрос. Линтер продолжает со следующего элемента (запятая, закрывающая скобка или строка, начинающаяся с ключа), поэтому поля после ошибки тоже проверяются, а каждая ошибка сообщается один раз (не более 100 на документ). Пропущенная запятая между элементами — одна ошибка. Это сообщение нельзя отключить, а исправления к файлу с синтаксической ошибкой не применяются.",
    },
    example: r#"{"name": "Acme",}"#,
    instead: r#"{"name": "Acme"}"#,
    references: &["RFC 8259: The JavaScript Object Notation (JSON) Data Interchange Format"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL001 SyntaxError "syntax-error" Error None => SYNTAX_ERROR;
];

/// Report a syntax error.
pub(crate) fn syntax_error(ctx: &mut Ctx<'_>, e: &SyntaxError) {
    use SyntaxErrorKind as K;
    ctx.emit(Rule::SyntaxError, || None::<String>, e.span, |s| {
        let (msg, help) = match e.kind {
            K::Eof => (
                tr!(s, "unexpected end of input", "неожиданный конец текста"),
                Some(tr!(
                    s,
                    "close every open string, array and object",
                    "закройте все открытые строки, массивы и объекты"
                )),
            ),
            K::ExpectedValue => (
                tr!(s, "expected a JSON value", "ожидалось JSON-значение"),
                Some(tr!(
                    s,
                    "strings take double quotes; values are strings, numbers, `true`, `false`, `null`, arrays or objects",
                    "строки пишутся в двойных кавычках; значения — строки, числа, `true`, `false`, `null`, массивы или объекты"
                )),
            ),
            K::ExpectedColon => (
                tr!(s, "expected `:` after the key", "после ключа ожидалось `:`"),
                None,
            ),
            K::ExpectedCommaOrObjectEnd => (
                tr!(s, "expected `,` or `}}` after the member", "после элемента ожидалось `,` или `}}`"),
                Some(tr!(s, "is a comma missing?", "не пропущена ли запятая?")),
            ),
            K::ExpectedCommaOrArrayEnd => (
                tr!(s, "expected `,` or `]` in the array", "в массиве ожидалось `,` или `]`"),
                Some(tr!(s, "is a comma missing?", "не пропущена ли запятая?")),
            ),
            K::ExpectedKey => (
                tr!(s, "expected a key in double quotes", "ожидался ключ в двойных кавычках"),
                Some(tr!(s, "write keys as `\"name\"`", "пишите ключи как `\"name\"`")),
            ),
            K::TrailingComma => (
                tr!(s, "trailing comma", "лишняя запятая в конце"),
                Some(tr!(s, "remove the comma before the closing bracket", "удалите запятую перед закрывающей скобкой")),
            ),
            K::InvalidNumber => (tr!(s, "invalid number", "некорректное число"), None),
            K::InvalidLiteral => (
                tr!(s, "invalid literal", "некорректный литерал"),
                Some(tr!(
                    s,
                    "the only bare words are `true`, `false` and `null`; put text in double quotes",
                    "без кавычек допустимы только `true`, `false` и `null`; текст пишите в двойных кавычках"
                )),
            ),
            K::ControlInString => (
                tr!(s, "control character in a string", "управляющий символ в строке"),
                Some(tr!(s, "write a line break as `\\n` and a tab as `\\t`", "пишите перевод строки как `\\n`, табуляцию как `\\t`")),
            ),
            K::InvalidEscape => (
                tr!(s, "invalid escape sequence", "некорректная escape-последовательность"),
                Some(tr!(
                    s,
                    "valid escapes are `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` and `\\uXXXX`",
                    "допустимы `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` и `\\uXXXX`"
                )),
            ),
            K::TrailingCharacters => (
                tr!(s, "unexpected text after the JSON value", "лишний текст после JSON-значения"),
                Some(tr!(
                    s,
                    "a file holds one object, an array of objects, or one object per line (NDJSON)",
                    "файл содержит один объект, массив объектов или по объекту на строку (NDJSON)"
                )),
            ),
        };
        let f = Finding::new(msg);
        match help {
            Some(h) => f.help(h),
            None => f,
        }
    });
}
