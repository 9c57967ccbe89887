//! Integer fields: ids of related resources and the disk-space threshold, and
//! the threshold's pairing with its e-mail (CL101–CL105). Parsers:
//! [`parse_id`], [`parse_threshold`]. Explanations are the `Explanation`
//! statics below.

use super::context::{Check, Ctx, FieldAt, Finding, tr};
use super::declare::{Declared, declare};
use crate::diagnostic::Applicability;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};
use crate::syntax::{Member, Value};

pub(crate) static ID_OUT_OF_RANGE: Explanation = Explanation {
    what: Text {
        en: "An id (`id`, `dial_rule_id`, `hold_music`, `sip_network_permission_id`) below 1 or above 9223372036854775807.",
        ru: "Идентификатор (`id`, `dial_rule_id`, `hold_music`, `sip_network_permission_id`) меньше 1 или больше 9223372036854775807.",
    },
    why: Text {
        en: "Ids are assigned from 1 up; `0` or a negative id refers to no resource. To unset a reference, write `null`.",
        ru: "Идентификаторы начинаются с 1; `0` или отрицательное число не указывает ни на какой ресурс. Чтобы убрать ссылку, напишите `null`.",
    },
    example: r#"{"dial_rule_id": 0}"#,
    instead: r#"{"dial_rule_id": null}"#,
    references: &["client resource documentation: `/dial_rule/`, `/sound/`, `/network_permission/`"],
};

pub(crate) static NUMBER_NOT_INTEGER: Explanation = Explanation {
    what: Text {
        en: "An integer field whose number is not a whole number (`90.5`, `1e-3`). Numbers are read by their JSON meaning, exactly: `9e1` and `90.0` are 90 (see `non-canonical-integer`), `1.5e2` is 150 (out of a threshold's range).",
        ru: "Целочисленное поле, число в котором не целое (`90.5`, `1e-3`). Числа читаются по их значению в JSON, точно: `9e1` и `90.0` — это 90 (см. `non-canonical-integer`), `1.5e2` — 150 (вне диапазона порога).",
    },
    why: Text {
        en: "A count or an id has no fraction: whatever reads it would round it, or reject it.",
        ru: "У количества или идентификатора нет дробной части: то, что его читает, округлит его или отклонит.",
    },
    example: r#"{"disk_space_notify_threshold": 90.5}"#,
    instead: r#"{"disk_space_notify_threshold": 90}"#,
    references: &["RFC 8259 section 6 (numbers)"],
};

pub(crate) static NON_CANONICAL_INTEGER: Explanation = Explanation {
    what: Text {
        en: "An integer field whose number is a whole number written with a fraction, an exponent or a minus zero (`90.0`, `9e1`, `-0`). The safe fix writes the plain integer (`90`, `0`).",
        ru: "Целочисленное поле, число в котором целое, но записано с дробной частью, экспонентой или как минус ноль (`90.0`, `9e1`, `-0`). Безопасное исправление записывает обычное целое (`90`, `0`).",
    },
    why: Text {
        en: "JSON (and JSON Schema's `integer`) reads it as the integer, but typed servers that deserialise these fields as integers reject `90.0`: a warning, with the spelling every reader takes.",
        ru: "JSON (и тип `integer` в JSON Schema) читает это как целое, но типизированные серверы, читающие эти поля как целые, отклоняют `90.0`: предупреждение и запись, которую примет любой читатель.",
    },
    example: r#"{"disk_space_notify_threshold": 90.0}"#,
    instead: r#"{"disk_space_notify_threshold": 90}"#,
    references: &[
        "RFC 8259 section 6 (numbers)",
        "JSON Schema 2020-12 Validation, section 6.1.1 (`integer`)",
    ],
};

pub(crate) static THRESHOLD_OUT_OF_RANGE: Explanation = Explanation {
    what: Text {
        en: "`disk_space_notify_threshold` outside 0–100.",
        ru: "`disk_space_notify_threshold` вне диапазона 0–100.",
    },
    why: Text {
        en: "It is a percentage of disk use: above 100 the mail is never sent.",
        ru: "Это процент занятого места: при значении выше 100 письмо не придёт никогда.",
    },
    example: r#"{"disk_space_notify_threshold": 150}"#,
    instead: r#"{"disk_space_notify_threshold": 90}"#,
    references: &["client resource documentation: `disk_space_notify_threshold`"],
};

pub(crate) static THRESHOLD_WITHOUT_EMAIL: Explanation = Explanation {
    what: Text {
        en: "`disk_space_notify_threshold` is set but `disk_space_notify_email` is missing, null or empty.",
        ru: "`disk_space_notify_threshold` задан, а `disk_space_notify_email` отсутствует, равен null или пуст.",
    },
    why: Text {
        en: "The threshold only triggers a mail to that address; without it nobody is told.",
        ru: "Порог лишь запускает письмо на этот адрес; без адреса никто не узнает.",
    },
    example: r#"{"disk_space_notify_threshold": 90}"#,
    instead: r#"{"disk_space_notify_threshold": 90, "disk_space_notify_email": "ops@example.com"}"#,
    references: &["client resource documentation: `disk_space_notify_email`"],
};

pub(crate) static EMAIL_WITHOUT_THRESHOLD: Explanation = Explanation {
    what: Text {
        en: "`disk_space_notify_email` is set but `disk_space_notify_threshold` is missing or null.",
        ru: "`disk_space_notify_email` задан, а `disk_space_notify_threshold` отсутствует или равен null.",
    },
    why: Text {
        en: "Without a threshold the mail is never sent.",
        ru: "Без порога письмо никогда не будет отправлено.",
    },
    example: r#"{"disk_space_notify_email": "ops@example.com"}"#,
    instead: r#"{"disk_space_notify_email": "ops@example.com", "disk_space_notify_threshold": 90}"#,
    references: &["client resource documentation: `disk_space_notify_threshold`"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL101 IdOutOfRange "id-out-of-range" Error None => ID_OUT_OF_RANGE;
    CL102 NumberNotInteger "number-not-integer" Error None => NUMBER_NOT_INTEGER;
    CL106 NonCanonicalInteger "non-canonical-integer" Warning Safe => NON_CANONICAL_INTEGER;
    CL103 ThresholdOutOfRange "threshold-out-of-range" Error None => THRESHOLD_OUT_OF_RANGE;
    CL104 ThresholdWithoutEmail "threshold-without-email" Warning None => THRESHOLD_WITHOUT_EMAIL;
    CL105 EmailWithoutThreshold "email-without-threshold" Warning None => EMAIL_WITHOUT_THRESHOLD;
];

/// A percentage 0–100: the disk-space threshold. Only [`parse_threshold`]
/// (or `str::parse`) makes one, so it is always in range.
///
/// ```
/// let p: client_lint::values::Percent = "90".parse().unwrap();
/// assert_eq!((p.get(), p.to_string()), (90, "90".to_string()));
/// assert!("101".parse::<client_lint::values::Percent>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(u8);

impl Percent {
    /// The percentage, 0–100.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Percent {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_threshold(s)
    }
}

/// The id of a resource: an integer from 1 to `i64::MAX`. Only [`parse_id`]
/// (or `str::parse`) makes one, so it is always in range.
///
/// ```
/// let id: client_lint::values::Id = "42".parse().unwrap();
/// assert_eq!((id.get(), id.to_string()), (42, "42".to_string()));
/// assert!("0".parse::<client_lint::values::Id>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(u64);

impl Id {
    /// The id, 1 or more.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Id {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(s)
    }
}

/// What a JSON number literal denotes, read exactly (no floating point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    /// A whole number of at most 19 digits.
    Whole(i128),
    /// A whole number of more than 19 digits (beyond every range here).
    Huge,
    /// Not a whole number.
    Fraction,
}

/// Read a JSON number literal (RFC 8259's grammar, strictly: no leading
/// zeros, no `+`, digits after `.` and `e`) as its exact value; `None` for
/// anything else. Linear in the literal, no allocation, whatever its length
/// or exponent.
pub(crate) fn number_value(raw: &str) -> Option<Number> {
    let b = raw.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_end = digits(i);
    let int = &b[i..int_end];
    if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
        return None;
    }
    i = int_end;
    let mut frac: &[u8] = &[];
    if b.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        frac = &b[i + 1..end];
        if frac.is_empty() {
            return None;
        }
        i = end;
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let end = digits(i);
        if end == i {
            return None;
        }
        for &d in &b[i..end] {
            exp = exp.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        }
        if negative {
            exp = -exp;
        }
        i = end;
    }
    if i != b.len() {
        return None;
    }
    // The value is the digits of `int` then `frac`, times 10^(exp - frac.len()).
    let all = || int.iter().chain(frac);
    let total = int.len() + frac.len();
    let lead = all().take_while(|&&d| d == b'0').count();
    if lead == total {
        return Some(Number::Whole(0));
    }
    let trail = all().rev().take_while(|&&d| d == b'0').count();
    let significant = total - lead - trail;
    let shift = exp
        .saturating_sub(i64::try_from(frac.len()).unwrap_or(i64::MAX))
        .saturating_add(i64::try_from(trail).unwrap_or(i64::MAX));
    if shift < 0 {
        return Some(Number::Fraction);
    }
    if i64::try_from(significant).map_or(true, |n| n.saturating_add(shift) > 19) {
        return Some(Number::Huge);
    }
    let mut v: i128 = 0;
    for &d in all().skip(lead).take(significant) {
        v = v * 10 + i128::from(d - b'0');
    }
    for _ in 0..shift {
        v *= 10;
    }
    Some(Number::Whole(if raw.starts_with('-') { -v } else { v }))
}

/// The integer a JSON number literal or a string of one denotes exactly:
/// `"12"`, `"5.0"`, `"1e2"`; `None` for fractions, non-numbers and values out
/// of `i64`.
pub(crate) fn canonical_integer(raw: &str) -> Option<i64> {
    match number_value(raw)? {
        Number::Whole(v) => i64::try_from(v).ok(),
        _ => None,
    }
}

fn parse_integer(raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    match number_value(raw) {
        Some(Number::Whole(v)) => match i64::try_from(v) {
            Ok(v) if (min..=max).contains(&v) => Ok(v),
            _ => Err(FieldError::OutOfRange { min, max }),
        },
        Some(Number::Huge) => Err(FieldError::OutOfRange { min, max }),
        Some(Number::Fraction) | None => Err(FieldError::NotInteger),
    }
}

/// Parse a disk-space threshold from a JSON number literal, by its exact
/// value: `"90"`, and also `"90.0"` or `"9e1"` (the lint warns about those
/// spellings, `non-canonical-integer`).
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, Percent, parse_threshold};
/// assert_eq!(parse_threshold("90").map(Percent::get), Ok(90));
/// assert_eq!(parse_threshold("9e1").map(Percent::get), Ok(90));
/// assert_eq!(parse_threshold("150"), Err(FieldError::OutOfRange { min: 0, max: 100 }));
/// assert_eq!(parse_threshold("1.5e2"), Err(FieldError::OutOfRange { min: 0, max: 100 }));
/// assert_eq!(parse_threshold("90.5"), Err(FieldError::NotInteger));
/// ```
pub fn parse_threshold(raw: &str) -> Result<Percent, FieldError> {
    parse_integer(raw, 0, 100).map(|v| Percent(u8::try_from(v).unwrap_or(u8::MAX)))
}

/// Parse a resource id from a JSON number literal, by its exact value.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, Id, parse_id};
/// assert_eq!(parse_id("42").map(Id::get), Ok(42));
/// assert_eq!(parse_id("4.2e1").map(Id::get), Ok(42));
/// assert_eq!(parse_id("0"), Err(FieldError::OutOfRange { min: 1, max: i64::MAX }));
/// assert_eq!(parse_id("-0"), Err(FieldError::OutOfRange { min: 1, max: i64::MAX }));
/// assert_eq!(parse_id("1e400"), Err(FieldError::OutOfRange { min: 1, max: i64::MAX }));
/// ```
pub fn parse_id(raw: &str) -> Result<Id, FieldError> {
    parse_integer(raw, 1, i64::MAX).map(|v| Id(v.unsigned_abs()))
}

fn number<'t>(at: &'t FieldAt<'_, '_>) -> Option<&'t str> {
    match &at.node.value {
        Value::Number(n) => Some(n),
        _ => None,
    }
}

fn not_integer(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, raw: &str, min: i64, max: i64) {
    let name = at.key;
    at.emit(ctx, Rule::NumberNotInteger, |s| {
        let n = s.quote(raw);
        Finding::new(tr!(
            s,
            "`{name}` must be an integer, found `{n}`",
            "`{name}` должно быть целым числом, найдено `{n}`"
        ))
        .help(tr!(
            s,
            "write a whole number from {min} to {max}",
            "укажите целое число от {min} до {max}"
        ))
    });
}

/// A whole number in range spelled otherwise than as the plain integer
/// (`90.0`, `9e1`, `-0`).
fn non_canonical(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, raw: &str, v: i64) {
    // JSON has no leading zeros: an integer literal without fraction or
    // exponent is the value's own spelling, except `-0`. (Same verdict as
    // comparing with `v.to_string()`, without the allocation.)
    if crate::syntax::is_integer_literal(raw) && !(v == 0 && raw.starts_with('-')) {
        return;
    }
    let name = at.key;
    at.emit(ctx, Rule::NonCanonicalInteger, |s| {
        let n = s.quote(raw);
        Finding::new(tr!(
            s,
            "`{name}` is the integer {v} written as `{n}`",
            "`{name}` — целое {v}, записанное как `{n}`"
        ))
        .help(tr!(
            s,
            "write `{v}`: typed servers may reject any other spelling of an integer",
            "напишите `{v}`: типизированные серверы могут отклонить другую запись целого"
        ))
        .fix(at.replace(v, Applicability::Safe))
    });
}

pub(crate) fn check_id(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = number(at) else { return };
    match parse_id(raw) {
        Ok(v) => non_canonical(ctx, at, raw, i64::try_from(v.get()).unwrap_or(i64::MAX)),
        Err(FieldError::OutOfRange { .. }) => {
            let name = at.key;
            let negative = raw.starts_with('-') || canonical_integer(raw) == Some(0);
            at.emit(ctx, Rule::IdOutOfRange, |s| {
                let n = s.quote(raw);
                if negative {
                    Finding::new(tr!(
                        s,
                        "`{name}` must be at least 1, found `{n}`",
                        "`{name}` должно быть не меньше 1, найдено `{n}`"
                    ))
                    .help(tr!(
                        s,
                        "ids start at 1; write `null` to leave the reference unset",
                        "идентификаторы начинаются с 1; напишите `null`, чтобы не задавать ссылку"
                    ))
                } else {
                    Finding::new(tr!(
                        s,
                        "`{name}` is too large to be an id: `{n}`",
                        "`{name}` слишком велико для идентификатора: `{n}`"
                    ))
                    .help(tr!(
                        s,
                        "ids are at most 9223372036854775807",
                        "идентификаторы не больше 9223372036854775807"
                    ))
                }
            });
        }
        Err(_) => not_integer(ctx, at, raw, 1, i64::MAX),
    }
}

pub(crate) fn check_threshold(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    let Some(raw) = number(at) else { return };
    match parse_threshold(raw) {
        Ok(v) => non_canonical(ctx, at, raw, i64::from(v.get())),
        Err(FieldError::OutOfRange { .. }) => {
            at.emit(ctx, Rule::ThresholdOutOfRange, |s| {
                let n = s.quote(raw);
                Finding::new(tr!(
                    s,
                    "`disk_space_notify_threshold` is a percentage from 0 to 100, found `{n}`",
                    "`disk_space_notify_threshold` — процент от 0 до 100, найдено `{n}`"
                ))
                .help(tr!(
                    s,
                    "write the percentage of disk use that should trigger the mail, e.g. `90`",
                    "укажите процент занятого места, при котором отправлять письмо, например `90`"
                ))
            });
        }
        Err(_) => not_integer(ctx, at, raw, 0, 100),
    }
}

/// The threshold and its e-mail go together: CL104 and CL105, checked once
/// the whole record is read.
/// `threshold` and `email` are the last members of those keys (as the server
/// reads a repeated key), if any.
pub(crate) fn notify_pair(ctx: &mut Ctx<'_>, threshold: Option<&Member<'_>>, email: Option<&Member<'_>>) {
    let set = |m: &&Member<'_>| match &m.value.value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        _ => true,
    };
    let threshold = threshold.filter(set);
    let email = email.filter(set);
    match (threshold, email) {
        (Some(t), None) => ctx.emit(Rule::ThresholdWithoutEmail, || Some(String::from("/disk_space_notify_threshold")), t.key_span, |s| {
            Finding::new(tr!(
                s,
                "`disk_space_notify_threshold` is set but `disk_space_notify_email` is not: nobody will be told",
                "`disk_space_notify_threshold` задан, а `disk_space_notify_email` — нет: уведомление некому отправить"
            ))
            .help(tr!(
                s,
                "add `\"disk_space_notify_email\": \"admin@example.com\"`",
                "добавьте `\"disk_space_notify_email\": \"admin@example.com\"`"
            ))
        }),
        (None, Some(e)) => ctx.emit(Rule::EmailWithoutThreshold, || Some(String::from("/disk_space_notify_email")), e.key_span, |s| {
            Finding::new(tr!(
                s,
                "`disk_space_notify_email` is set but `disk_space_notify_threshold` is not: no mail will be sent",
                "`disk_space_notify_email` задан, а `disk_space_notify_threshold` — нет: письмо не будет отправлено"
            ))
            .help(tr!(
                s,
                "add a percentage, e.g. `\"disk_space_notify_threshold\": 90`",
                "добавьте процент, например `\"disk_space_notify_threshold\": 90`"
            ))
        }),
        _ => {}
    }
}

/// An id of the client or of a related resource: a positive integer.
pub(crate) static ID: Check = Check {
    run: check_id,
    parse: None,
    rules: &[
        Rule::IdOutOfRange,
        Rule::NumberNotInteger,
        Rule::NonCanonicalInteger,
    ],
};

/// The disk-space threshold, a percentage; the pair rule is [`notify_pair`]'s.
pub(crate) static THRESHOLD: Check = Check {
    run: check_threshold,
    parse: None,
    rules: &[
        Rule::ThresholdOutOfRange,
        Rule::NumberNotInteger,
        Rule::NonCanonicalInteger,
        Rule::ThresholdWithoutEmail,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_integers() {
        for (raw, want) in [
            ("12", Some(12)),
            ("-3", Some(-3)),
            ("5.0", Some(5)),
            ("1e2", Some(100)),
            ("1.5", None),
            ("012", None),
            ("", None),
            ("1e400", None),
            ("abc", None),
            ("99999999999999999999", None),
        ] {
            assert_eq!(canonical_integer(raw), want, "{raw}");
        }
    }

    #[test]
    fn ids_and_thresholds() {
        assert_eq!(parse_id("1"), Ok(Id(1)));
        assert_eq!(parse_id("9223372036854775807"), Ok(Id(i64::MAX as u64)));
        assert!(matches!(
            parse_id("9223372036854775808"),
            Err(FieldError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_id(&"9".repeat(300)),
            Err(FieldError::OutOfRange { .. })
        ));
        // By value: 1e400 is a whole number, far out of range; 1e-400 is not whole.
        assert!(matches!(parse_id("1e400"), Err(FieldError::OutOfRange { .. })));
        assert_eq!(parse_id("1e-400"), Err(FieldError::NotInteger));
        assert!(matches!(
            parse_id("1e99999999999999999999999"),
            Err(FieldError::OutOfRange { .. })
        ));
        assert_eq!(
            parse_id("1e-99999999999999999999999"),
            Err(FieldError::NotInteger)
        );
        assert_eq!(
            parse_id("0.000e5"),
            Err(FieldError::OutOfRange {
                min: 1,
                max: i64::MAX
            })
        );
        assert_eq!(parse_id("9.223372036854775807e18"), Ok(Id(i64::MAX as u64)));
        assert_eq!(parse_id("12.50e1"), Ok(Id(125)));
        for not_json in ["01", "1.", ".5", "1e", "+1", "1.e2", "--1", "1ee2", "0x10", ""] {
            assert_eq!(parse_id(not_json), Err(FieldError::NotInteger), "{not_json}");
        }
        assert_eq!(parse_threshold("0"), Ok(Percent(0)));
        assert_eq!(parse_threshold("100"), Ok(Percent(100)));
        assert!(parse_threshold("-1").is_err());
        assert_eq!(parse_threshold("+5"), Err(FieldError::NotInteger));
    }
}
