//! The text of values: control characters, empty and blank values, white
//! space around free text and around structured values, phone lists and the
//! JSON inside `extra_params` (CL801–CL806). Explanations are the
//! `Explanation` statics below.

use super::context::{Check, Ctx, FieldAt, Finding, as_str, tr, trim};
use super::declare::{Declared, declare};
use super::unicode_digits::ND_ZEROS;
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static CONTROL_CHARACTER: Explanation = Explanation {
    what: Text {
        en: "A control character (U+0000–U+001F or U+007F: line break, tab, bell, NUL…) in a text field. Reported at the first one.",
        ru: "Управляющий символ (U+0000–U+001F или U+007F: перевод строки, табуляция, звонок, NUL…) в текстовом поле. Сообщается о первом.",
    },
    why: Text {
        en: "They break CSV exports, logs and the web interface, and are never part of a name or an address.",
        ru: "Они ломают выгрузки CSV, журналы и веб-интерфейс и не бывают частью имени или адреса.",
    },
    example: r#"{"jur_address": "Moscow,\nTverskaya 1"}"#,
    instead: r#"{"jur_address": "Moscow, Tverskaya 1"}"#,
    references: &["Unicode general category Cc"],
};

pub(crate) static EMPTY_VALUE: Explanation = Explanation {
    what: Text {
        en: "An empty string, or a free-text value of white space only (\"blank\"). The unsafe fix replaces it with `null`. A warning, not an error, in every field: whether the API reads `\"\"` as \"not set\" is not documented. (`geo_list` has its own rule, `empty-geo-list`; white space only in a structured field is the error `padded-value`.)",
        ru: "Пустая строка или значение свободного текста только из пробельных символов («пусто»). Небезопасное исправление заменяет его на `null`. Предупреждение, а не ошибка, в любом поле: читает ли API `\"\"` как «не задано», не документировано. (Для `geo_list` есть своё правило `empty-geo-list`; только пробелы в структурированном поле — ошибка `padded-value`.)",
    },
    why: Text {
        en: "Often a form field left blank by mistake. Write `null` (or leave the field out) when the value is really unknown.",
        ru: "Часто это случайно незаполненное поле формы. Если значение действительно неизвестно, напишите `null` (или не передавайте поле).",
    },
    example: r#"{"name": ""}"#,
    instead: r#"{"name": null}"#,
    references: &["client resource documentation"],
};

pub(crate) static SURROUNDING_WHITESPACE: Explanation = Explanation {
    what: Text {
        en: "White space at the start or end of a free-text field (`name`, `jur_address`, `fact_address`, `ambassadors`, `contact_phones`, `did_as_transfer_caller_id`). The safe fix trims it. In structured fields (time zone, codes, addresses, numbers as text) the same is the error `padded-value`.",
        ru: "Пробельные символы в начале или конце поля со свободным текстом (`name`, `jur_address`, `fact_address`, `ambassadors`, `contact_phones`, `did_as_transfer_caller_id`). Безопасное исправление их убирает. В структурированных полях (часовой пояс, коды, адреса почты, числа в виде текста) это ошибка `padded-value`.",
    },
    why: Text {
        en: "Invisible in most interfaces, yet `\"Acme \"` does not match `\"Acme\"` in searches and exports. A warning, not an error: the text may still be what was meant.",
        ru: "Незаметно в большинстве интерфейсов, но `\"Acme \"` не совпадёт с `\"Acme\"` при поиске и выгрузке. Предупреждение, а не ошибка: текст может быть именно таким, как задумано.",
    },
    example: r#"{"name": " Acme Telecom "}"#,
    instead: r#"{"name": "Acme Telecom"}"#,
    references: &["client resource documentation"],
};

pub(crate) static PADDED_VALUE: Explanation = Explanation {
    what: Text {
        en: "White space (space, tab, CR/LF, no-break space, any Unicode white space) at the start or end of a structured field: every field but free text (`name`, the addresses, `ambassadors`, `contact_phones`, `extra_params`, `did_as_transfer_caller_id`). The safe fix trims it when what remains is valid; when what remains has a problem of its own, that problem is reported too and its fix writes a clean value. A value of white space only gets an unsafe fix to `null`.",
        ru: "Пробельные символы (пробел, табуляция, CR/LF, неразрывный пробел, любой пробельный символ Unicode) в начале или конце структурированного поля — любого, кроме свободного текста (`name`, адреса, `ambassadors`, `contact_phones`, `extra_params`, `did_as_transfer_caller_id`). Безопасное исправление убирает их, если остаток корректен; если у остатка есть своя проблема, о ней тоже сообщается, и её исправление записывает чистое значение. Для значения только из пробелов есть небезопасное исправление на `null`.",
    },
    why: Text {
        en: "The API compares these values exactly: `\" J\"`, `\"UTC\\n\"` and `\"3 \"` are rejected. A line break kept in a value also ends up in logs and headers.",
        ru: "API сравнивает эти значения точно: `\" J\"`, `\"UTC\\n\"` и `\"3 \"` будут отклонены. Перевод строки в значении к тому же попадёт в журналы и заголовки.",
    },
    example: r#"{"timezone": "UTC\n", "type": " J"}"#,
    instead: r#"{"timezone": "UTC", "type": "J"}"#,
    references: &["client resource documentation", "Unicode White_Space property"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL801 ControlCharacter "control-character" Error None => CONTROL_CHARACTER;
    CL802 EmptyValue "empty-value" Warning Unsafe => EMPTY_VALUE;
    CL803 SurroundingWhitespace "surrounding-whitespace" Warning Safe => SURROUNDING_WHITESPACE;
    CL804 PhoneWithoutDigits "phone-without-digits" Warning None => PHONE_WITHOUT_DIGITS;
    CL805 ExtraParamsNotJson "extra-params-not-json" Warning None => EXTRA_PARAMS_NOT_JSON;
    CL806 PaddedValue "padded-value" Error Sometimes => PADDED_VALUE;
    CL807 NonAsciiDigits "non-ascii-digits" Warning Safe => NON_ASCII_DIGITS;
];

pub(crate) static NON_ASCII_DIGITS: Explanation = Explanation {
    what: Text {
        en: "`contact_phones` written with decimal digits of another script: Arabic-Indic `٧`, Devanagari `७`, full-width `７`… (any Unicode decimal digit, General_Category Nd, but ASCII's). The safe fix writes the same digits in ASCII.",
        ru: "`contact_phones` записан десятичными цифрами другой письменности: арабско-индийские `٧`, деванагари `७`, полноширинные `７`… (любые десятичные цифры Unicode, General_Category Nd, кроме ASCII). Безопасное исправление записывает те же цифры в ASCII.",
    },
    why: Text {
        en: "Dialers, CRMs and searches match phone numbers by ASCII digits: the number is the same, but nothing finds or dials it.",
        ru: "Номеронабиратели, CRM и поиск сравнивают номера по цифрам ASCII: номер тот же, но его не найдут и не наберут.",
    },
    example: r#"{"contact_phones": "+٧ ٤٩٥ ١٢٣ ٤٥ ٦٧"}"#,
    instead: r#"{"contact_phones": "+7 495 123 45 67"}"#,
    references: &[
        "Unicode Standard, UnicodeData.txt: General_Category Nd",
        "ITU-T E.164",
    ],
};

/// The ASCII digit a non-ASCII Unicode decimal digit (Nd) stands for.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    let cp = u32::from(c);
    if cp < 0x80 {
        return None;
    }
    let i = ND_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let value = cp - ND_ZEROS[i];
    (value < 10).then(|| char::from_digit(value, 10)).flatten()
}

pub(crate) static PHONE_WITHOUT_DIGITS: Explanation = Explanation {
    what: Text {
        en: "An item of `contact_phones` (items separated by `,` or `;`) with no digit at all. No format is demanded otherwise: extensions, spaces and comments are fine.",
        ru: "Элемент `contact_phones` (элементы разделяются `,` или `;`) без единой цифры. Формат в остальном не требуется: добавочные, пробелы и комментарии допустимы.",
    },
    why: Text {
        en: "A phone number without digits cannot be called: usually a name or note put in the wrong field.",
        ru: "Номер без цифр нельзя набрать: обычно это имя или заметка не в том поле.",
    },
    example: r#"{"contact_phones": "+7 495 123-45-67, ask Ivan"}"#,
    instead: r#"{"contact_phones": "+7 495 123-45-67", "ambassadors": "Ivan"}"#,
    references: &["ITU-T E.164"],
};

pub(crate) static EXTRA_PARAMS_NOT_JSON: Explanation = Explanation {
    what: Text {
        en: "`extra_params` starts with `{` or `[` but is not valid JSON.",
        ru: "`extra_params` начинается с `{` или `[`, но не является корректным JSON.",
    },
    why: Text {
        en: "The field is opaque, but a value that looks like JSON is almost certainly meant to be JSON: whatever reads it will fail.",
        ru: "Поле непрозрачно, но значение, похожее на JSON, почти наверняка должно им быть: то, что его читает, упадёт.",
    },
    example: r#"{"extra_params": "{\"crm\": \"a1\",}"}"#,
    instead: r#"{"extra_params": "{\"crm\": \"a1\"}"}"#,
    references: &["RFC 8259"],
};

/// Report an empty string, or (`blank`) a free-text value of white space only.
pub(crate) fn empty(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, blank: bool) {
    let name = at.key;
    at.emit(ctx, Rule::EmptyValue, |s| {
        if blank {
            Finding::new(tr!(
                s,
                "`{name}` is blank (white space only)",
                "`{name}` пусто (только пробельные символы)"
            ))
        } else {
            Finding::new(tr!(s, "`{name}` is an empty string", "`{name}` — пустая строка"))
        }
        .help(tr!(
            s,
            "fill it in, or write `null` to leave it unset",
            "заполните его или напишите `null`, чтобы оставить незаданным"
        ))
        .fix(at.replace(serde_json::Value::Null, Applicability::Unsafe))
    });
}

/// Report the first control character; `true` when there was one.
pub(crate) fn control(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, value: &str) -> bool {
    let Some(i) = crate::swar::control(value.as_bytes()) else {
        return false;
    };
    let c = char::from(value.as_bytes()[i]);
    let span = at.sub_span(i, i + c.len_utf8());
    let code = format!("U+{:04X}", c as u32);
    let name = at.key;
    at.emit_at(ctx, Rule::ControlCharacter, span, |s| {
        Finding::new(tr!(
            s,
            "control character {code} in `{name}`",
            "управляющий символ {code} в `{name}`"
        ))
        .help(tr!(
            s,
            "remove it; use a space or `, ` instead of line breaks",
            "удалите его; вместо переводов строки используйте пробел или `, `"
        ))
    });
    true
}

/// Common free-text checks; returns the trimmed value when it is worth
/// checking further.
pub(crate) fn free_text<'s>(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, raw: &'s str) -> Option<&'s str> {
    control(ctx, at, raw);
    let t = trim(raw);
    if t.is_empty() {
        empty(ctx, at, !raw.is_empty());
        return None;
    }
    whitespace(ctx, at, raw);
    Some(t)
}

pub(crate) fn check_free_text(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    if let Some(raw) = as_str(at.node) {
        free_text(ctx, at, raw);
    }
}

pub(crate) fn check_phones(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = as_str(at.node) else { return };
    if free_text(ctx, at, raw).is_none() {
        return;
    }
    // Digits of another script: one finding, whose safe fix writes them all
    // in ASCII.
    if !raw.is_ascii() && raw.chars().any(|c| ascii_digit(c).is_some()) {
        let ascii: String = raw.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect();
        at.emit(ctx, Rule::NonAsciiDigits, |s| {
            let (v, a) = (s.quote(raw), s.quote(&ascii));
            Finding::new(tr!(
                s,
                "`contact_phones` is written with digits of another script: `{v}`",
                "`contact_phones` записан цифрами другой письменности: `{v}`"
            ))
            .help(tr!(
                s,
                "write ASCII digits: `{a}`",
                "напишите цифрами ASCII: `{a}`"
            ))
            .fix(at.replace(ascii.as_str(), Applicability::Safe))
        });
    }
    let mut start = 0;
    // Split on ASCII separators by bytes; a digit anywhere is enough.
    for item_bytes in raw.as_bytes().split(|&b| b == b',' || b == b';') {
        let item = &raw[start..start + item_bytes.len()];
        if item_bytes.iter().any(u8::is_ascii_digit)
            || (!item.is_ascii() && item.chars().any(|c| ascii_digit(c).is_some()))
        {
            start += item_bytes.len() + 1;
            continue;
        }
        let (lead, trimmed) = (item.len() - item.trim_start().len(), item.trim());
        if !trimmed.is_empty() {
            let span = at.sub_span(start + lead, start + lead + trimmed.len());
            at.emit_at(ctx, Rule::PhoneWithoutDigits, span, |s| {
                let v = s.quote(trimmed);
                Finding::new(tr!(
                    s,
                    "`{v}` in `contact_phones` has no digits",
                    "`{v}` в `contact_phones` не содержит цифр"
                ))
                .help(tr!(
                    s,
                    "list phone numbers here; put names in `ambassadors`",
                    "перечисляйте здесь номера телефонов; имена — в `ambassadors`"
                ))
            });
        }
        start += item.len() + 1;
    }
}

pub(crate) fn check_extra_params(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = as_str(at.node) else { return };
    control(ctx, at, raw);
    let t = raw.trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return;
    }
    // The cheapest full syntax check first; the span-keeping parser (with the
    // same depth bound) only to say where it fails.
    if serde_json::from_str::<serde::de::IgnoredAny>(raw).is_ok() {
        return;
    }
    let parsed = crate::syntax::parse(raw, 0, false);
    if let Some(e) = parsed.errors.first() {
        let offset = raw[..e.span.start].chars().count() + 1;
        at.emit(ctx, Rule::ExtraParamsNotJson, |s| {
            Finding::new(tr!(
                s,
                "`extra_params` looks like JSON but does not parse (at character {offset})",
                "`extra_params` похоже на JSON, но не разбирается (символ {offset})"
            ))
            .help(tr!(
                s,
                "fix the embedded JSON, or write plain text that does not start with `{{` or `[`",
                "исправьте вложенный JSON или напишите простой текст, не начинающийся с `{{` или `[`"
            ))
        });
    }
}

/// Report white space around a structured value (or a value of white space
/// only). `trimmed` is the value without it; `fix` offers trimming.
/// Check a structured field (any field but free text) through its parser,
/// the field's one grammar:
/// - valid as written: nothing to report; the value is returned;
/// - an empty string: the `empty-value` warning (it may mean "not set");
/// - white space around it: the `padded-value` error, whose safe fix trims it
///   when the trimmed value is valid; otherwise the trimmed value's own error
///   is reported too, through `report`, and its fix (if any) writes a clean
///   value, so one value never gets two competing fixes;
/// - any other error: `report` maps it to its rule, message and fix.
///
/// Returns the parsed value when the value, or the value without its white
/// space, is valid.
pub(crate) fn structured<T>(
    ctx: &mut Ctx<'_>,
    at: &FieldAt<'_, '_>,
    parse: impl Fn(&str) -> Result<T, FieldError>,
    report: impl FnOnce(&mut Ctx<'_>, &str, FieldError),
) -> Option<T> {
    let raw = as_str(at.node)?;
    match parse(raw) {
        Ok(v) => Some(v),
        Err(FieldError::Empty) => {
            empty(ctx, at, false);
            None
        }
        Err(FieldError::Whitespace) => {
            let t = trim(raw);
            let inner = (!t.is_empty()).then(|| parse(t));
            padded(ctx, at, t, matches!(inner, Some(Ok(_))));
            match inner {
                Some(Ok(v)) => Some(v),
                Some(Err(e)) => {
                    report(ctx, t, e);
                    None
                }
                None => None,
            }
        }
        Err(e) => {
            report(ctx, raw, e);
            None
        }
    }
}

pub(crate) fn padded(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, trimmed: &str, fix: bool) {
    let name = at.key;
    at.emit(ctx, Rule::PaddedValue, |s| {
        if trimmed.is_empty() {
            Finding::new(tr!(
                s,
                "`{name}` holds only white space",
                "`{name}` содержит только пробельные символы"
            ))
            .help(tr!(
                s,
                "write a value, or `null` to leave the field unset",
                "укажите значение или `null`, чтобы оставить поле незаданным"
            ))
            .fix(at.replace(serde_json::Value::Null, Applicability::Unsafe))
        } else {
            let f = Finding::new(tr!(
                s,
                "`{name}` has white space around its value",
                "значение `{name}` окружено пробельными символами"
            ))
            .help(tr!(
                s,
                "remove it: the API compares the value exactly",
                "удалите их: API сравнивает значение точно"
            ));
            if fix {
                f.fix(at.replace(trimmed, Applicability::Safe))
            } else {
                f
            }
        }
    });
}

/// Report white space around a free-text value (a warning: the text may still
/// be what was meant); the safe fix trims it.
pub(crate) fn whitespace(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, raw: &str) {
    let t = trim(raw);
    if t.len() == raw.len() || t.is_empty() {
        return;
    }
    let name = at.key;
    at.emit(ctx, Rule::SurroundingWhitespace, |s| {
        Finding::new(tr!(
            s,
            "`{name}` has white space around its value",
            "значение `{name}` окружено пробельными символами"
        ))
        .help(tr!(s, "remove the white space", "удалите пробелы по краям"))
        .fix(at.replace(t, Applicability::Safe))
    });
}

/// Free text: a name, an address.
pub(crate) static FREE_TEXT: Check = Check {
    run: check_free_text,
    parse: None,
    rules: &[
        Rule::ControlCharacter,
        Rule::EmptyValue,
        Rule::SurroundingWhitespace,
    ],
};

/// Contact phones: free text with digits.
pub(crate) static PHONES: Check = Check {
    run: check_phones,
    parse: None,
    rules: &[
        Rule::ControlCharacter,
        Rule::EmptyValue,
        Rule::SurroundingWhitespace,
        Rule::PhoneWithoutDigits,
        Rule::NonAsciiDigits,
    ],
};

/// `extra_params`: opaque text, often JSON.
pub(crate) static EXTRA_PARAMS: Check = Check {
    run: check_extra_params,
    parse: None,
    rules: &[Rule::ControlCharacter, Rule::ExtraParamsNotJson],
};
