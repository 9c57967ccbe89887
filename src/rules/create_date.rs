//! The creation time: `create_date` (CL703).

use super::context::{Check, Ctx, FieldAt, Finding, is_padded, tr};
use super::declare::{Declared, declare};
use super::text::structured;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};

pub(crate) static INVALID_CREATE_DATE: Explanation = Explanation {
    what: Text {
        en: "`create_date` is not `YYYY-MM-DD HH:MM:SS`, or names a date or time that does not exist (`2023-02-29`, `24:00:00`).",
        ru: "`create_date` не в формате `ГГГГ-ММ-ДД ЧЧ:ММ:СС` или указывает несуществующие дату или время (`2023-02-29`, `24:00:00`).",
    },
    why: Text {
        en: "Exports with broken dates break audits and imports.",
        ru: "Выгрузки с испорченными датами ломают аудит и импорт.",
    },
    example: r#"{"create_date": "2023-02-29T10:00:00Z"}"#,
    instead: r#"{"create_date": "2023-02-28 10:00:00"}"#,
    references: &["client resource documentation: `create_date`", "ISO 8601"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL703 InvalidCreateDate "invalid-create-date" Error None => INVALID_CREATE_DATE;
];

/// A creation time as the API writes it (`YYYY-MM-DD HH:MM:SS`), always a
/// real date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CreateDate {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl CreateDate {
    /// Year, 1–9999.
    ///
    /// ```
    /// let d: client_lint::values::CreateDate = "2024-02-29 23:59:58".parse().unwrap();
    /// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
    /// assert_eq!((d.hour(), d.minute(), d.second()), (23, 59, 58));
    /// ```
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// Month, 1–12.
    pub const fn month(&self) -> u8 {
        self.month
    }

    /// Day of the month, 1–31 (a real day of that month).
    pub const fn day(&self) -> u8 {
        self.day
    }

    /// Hour, 0–23.
    pub const fn hour(&self) -> u8 {
        self.hour
    }

    /// Minute, 0–59.
    pub const fn minute(&self) -> u8 {
        self.minute
    }

    /// Second, 0–59.
    pub const fn second(&self) -> u8 {
        self.second
    }
}

impl std::str::FromStr for CreateDate {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_create_date(s)
    }
}

impl std::fmt::Display for CreateDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Parse `create_date`: `YYYY-MM-DD HH:MM:SS`, a real date and time.
///
/// # Errors
///
/// The [`FieldError`](crate::values::FieldError) that the linter reports
/// for the value: its rule, message, help and fix come from it.
///
/// ```
/// use client_lint::values::{FieldError, parse_create_date};
/// assert_eq!(parse_create_date("2024-02-29 23:59:59").unwrap().to_string(), "2024-02-29 23:59:59");
/// assert_eq!(parse_create_date("2023-02-29 10:00:00"), Err(FieldError::NoSuchDate));
/// assert_eq!(parse_create_date("2023-02-28T10:00:00"), Err(FieldError::DateFormat));
/// ```
pub fn parse_create_date(s: &str) -> Result<CreateDate, FieldError> {
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if is_padded(s) {
        return Err(FieldError::Whitespace);
    }
    let b = s.as_bytes();
    let shape = b.len() == 19
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b' ',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(FieldError::DateFormat);
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u16>().unwrap_or(u16::MAX);
    let (year, month, day, hour, minute, second) =
        (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16), n(17..19));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 59 || year == 0 {
        return Err(FieldError::NoSuchDate);
    }
    // Each part is in range now (month 1–12, day to 31, hour to 23…).
    #[allow(clippy::cast_possible_truncation, reason = "checked above: each fits a byte")]
    Ok(CreateDate {
        year,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
    })
}

pub(crate) fn check_create_date(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>) {
    structured(ctx, at, parse_create_date, |ctx, t, err| {
        at.emit(ctx, Rule::InvalidCreateDate, |s| {
            let v = s.quote(t);
            if err == FieldError::NoSuchDate {
                Finding::new(tr!(
                    s,
                    "`create_date` names a date or time that does not exist: `{v}`",
                    "`create_date` указывает несуществующие дату или время: `{v}`"
                ))
                .help(tr!(
                    s,
                    "check the day of the month (leap years) and that the time is within 00:00:00–23:59:59",
                    "проверьте число месяца (високосные годы) и что время в пределах 00:00:00–23:59:59"
                ))
            } else {
                Finding::new(tr!(
                    s,
                    "`create_date` must look like `2024-01-31 14:05:00`, found `{v}`",
                    "`create_date` должен иметь вид `2024-01-31 14:05:00`, найдено `{v}`"
                ))
                .help(tr!(
                    s,
                    "write `YYYY-MM-DD HH:MM:SS`: a space between date and time, no `T`, no zone",
                    "пишите `ГГГГ-ММ-ДД ЧЧ:ММ:СС`: пробел между датой и временем, без `T` и зоны"
                ))
            }
        });
    });
}

/// `create_date`.
pub(crate) static CHECK: Check = Check {
    run: check_create_date,
    parse: Some(|s| parse_create_date(s).map(drop)),
    rules: &[Rule::InvalidCreateDate, Rule::EmptyValue, Rule::PaddedValue],
};
