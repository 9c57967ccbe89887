//! The client's own country in its `geo_list` (home-country-not-allowed): a
//! rule of the `geo_list` family that reads the `timezone` too.

use super::{GeoList, ISO, parse_geo_list};
use crate::diagnostic::Applicability;
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};
use crate::rules::context::{Ctx, FieldAt, Finding, tr};

pub(crate) static HOME_COUNTRY_NOT_ALLOWED: Explanation = Explanation {
    what: Text {
        en: "`geo_list` lists countries, and none of them is a country of the client's `timezone` (from tzdata's `zone.tab` and `zone1970.tab`: `Europe/Moscow` is RU; `Europe/Berlin` is DE, DK, NO, SE, SJ). Checked when both values are valid; `*`, an absent list, `UTC` and `Etc/` zones give no finding. The unsafe fix adds the zone's own country.",
        ru: "`geo_list` перечисляет страны, и среди них нет ни одной страны часового пояса клиента `timezone` (по файлам tzdata `zone.tab` и `zone1970.tab`: `Europe/Moscow` — RU; `Europe/Berlin` — DE, DK, NO, SE, SJ). Проверяется, когда оба значения корректны; `*`, отсутствующий список, `UTC` и пояса `Etc/` не дают замечания. Небезопасное исправление добавляет собственную страну пояса.",
    },
    why: Text {
        en: "`geo_list` names the countries SIP accounts may be used from: a client whose own country is missing cannot call from home.",
        ru: "`geo_list` называет страны, из которых можно пользоваться SIP-учётными записями: клиент без своей страны в списке не сможет звонить из дома.",
    },
    example: r#"{"timezone": "Europe/Moscow", "geo_list": "BY KZ"}"#,
    instead: r#"{"timezone": "Europe/Moscow", "geo_list": "BY KZ RU"}"#,
    references: &[ISO, "IANA tz database: zone.tab, zone1970.tab"],
};

/// The client's own country missing from its `geo_list`: called by the record
/// once all fields are read, with the `geo_list` member and the `timezone`
/// value. Both must parse; a list of countries without any of the zone's.
pub(crate) fn home_country(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, list: &str, timezone: &str) {
    let Ok(tz) = crate::rules::timezone::parse_timezone(timezone) else {
        return;
    };
    let countries = crate::rules::timezone::facts(tz.tz()).countries;
    let Some(home) = countries.split_ascii_whitespace().next() else {
        return;
    };
    // The usual case, the home country listed, is decided without parsing
    // the list: a listed word that is one of the zone's countries means no
    // finding whether the list parses or not.
    if list
        .split(' ')
        .any(|w| countries.split_ascii_whitespace().any(|z| z == w))
    {
        return;
    }
    let Ok(GeoList::Countries(codes)) = parse_geo_list(list) else {
        return;
    };
    if codes.is_empty()
        || codes
            .iter()
            .any(|c| countries.split_ascii_whitespace().any(|z| z == c.alpha2()))
    {
        return;
    }
    let zone = tz.name();
    let fixed = format!("{} {home}", GeoList::Countries(codes));
    let several = countries.contains(' ');
    at.emit(ctx, Rule::HomeCountryNotAllowed, |s| {
        let listed = countries.replace(' ', ", ");
        let f = if several {
            Finding::new(tr!(
                s,
                "`geo_list` allows none of {listed}, the countries of the time zone `{zone}`: the client cannot use its SIP accounts at home",
                "`geo_list` не разрешает ни одну из стран часового пояса `{zone}` ({listed}): клиент не сможет пользоваться SIP-учётными записями дома"
            ))
        } else {
            Finding::new(tr!(
                s,
                "`geo_list` does not allow {home}, the country of the time zone `{zone}`: the client cannot use its SIP accounts at home",
                "`geo_list` не разрешает {home} — страну часового пояса `{zone}`: клиент не сможет пользоваться SIP-учётными записями дома"
            ))
        };
        let v = s.quote(&fixed);
        f.help(tr!(s, "add {home}: `{v}`", "добавьте {home}: `{v}`"))
            .fix(at.replace(fixed.as_str(), Applicability::Unsafe))
    });
}
