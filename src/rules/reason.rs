//! Reasons that field parsers give in English (`FieldError`'s `reason`) and
//! that diagnostics show in the chosen language. Every reason is a constant
//! here and listed in [`ALL`], so none can miss its translation.

use crate::options::Lang;
use crate::registry::Text;

macro_rules! reasons {
    ($( $name:ident $en:literal $ru:literal; )*) => {
        $( pub(crate) const $name: &str = $en; )*
        /// Every reason with its translation.
        pub(crate) static ALL: &[Text] = &[ $( Text { en: $en, ru: $ru }, )* ];
    };
}

reasons! {
    EMPTY_HOST "empty host name" "пустое имя хоста";
    NON_ASCII_HOST "non-ASCII characters: write the punycode form (`xn--…`)" "не-ASCII символы: запишите имя в punycode (`xn--…`)";
    HOST_TOO_LONG "longer than 253 characters" "длиннее 253 символов";
    EMPTY_LABEL "empty label (a dot at the start or end, or two dots in a row)" "пустая метка (точка в начале или в конце либо две точки подряд)";
    LABEL_TOO_LONG "a label is longer than 63 characters" "метка длиннее 63 символов";
    HOST_CHARACTERS "only letters, digits, `-` and `.` are allowed" "допустимы только буквы, цифры, `-` и `.`";
    LABEL_HYPHEN "a label starts or ends with `-`" "метка начинается или заканчивается на `-`";
    RESERVED_HYPHENS "`--` in the third and fourth place is reserved for IDNA (`xn--`)" "`--` на третьей и четвёртой позициях зарезервировано для IDNA (`xn--`)";
    LITERAL_UNCLOSED "address literal is missing its closing `]`" "у адресного литерала нет закрывающей `]`";
    LITERAL_IPV6 "invalid IPv6 address literal" "некорректный адресный литерал IPv6";
    LITERAL_KIND "address literal must be IPv4 (`[192.0.2.1]`) or IPv6 (`[IPv6:2001:db8::1]`)" "адресный литерал должен быть IPv4 (`[192.0.2.1]`) или IPv6 (`[IPv6:2001:db8::1]`)";
    NO_DOT "it has no dot" "в нём нет точки";
    NON_ASCII_EMAIL "non-ASCII characters; write the domain in punycode (`xn--…`)" "не-ASCII символы; запишите домен в punycode (`xn--…`)";
    MISSING_AT "missing `@`" "нет `@`";
    NOTHING_BEFORE_AT "nothing before `@`" "ничего нет перед `@`";
    NOTHING_AFTER_AT "nothing after `@`" "ничего нет после `@`";
    LOCAL_TOO_LONG "the part before `@` is longer than 64 characters" "часть до `@` длиннее 64 символов";
    EMAIL_TOO_LONG "longer than 254 characters" "длиннее 254 символов";
    LOCAL_DOTS "a dot at the start or end of the part before `@`, or two dots in a row" "точка в начале или в конце части до `@` либо две точки подряд";
    LOCAL_SPACE "a space before `@` (only allowed inside double quotes)" "пробел до `@` (допустим только в двойных кавычках)";
    TWO_ATS "more than one `@`" "больше одного `@`";
    LOCAL_CHARACTER "a character that is not allowed before `@`" "недопустимый символ до `@`";
}

/// The reason in `lang`.
pub(crate) fn localize(en: &'static str, lang: Lang) -> &'static str {
    ALL.iter().find(|t| t.en == en).map_or(en, |t| t.get(lang))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reasons_are_unique_and_translated() {
        for (i, t) in super::ALL.iter().enumerate() {
            assert!(!t.ru.is_empty() && t.ru != t.en, "{}", t.en);
            assert!(super::ALL[..i].iter().all(|u| u.en != t.en), "{}", t.en);
        }
    }
}
