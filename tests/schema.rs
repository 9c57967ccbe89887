//! The JSON Schema (`client-lint schema`) agrees with the linter on every
//! check a schema can express (issue 20): over generated documents,
//! schema-valid (draft 2020-12, formats asserted, the `jsonschema` crate)
//! exactly when the linter reports no error; what the linter only warns
//! about is no schema error. What a schema cannot express is listed in
//! `CANNOT_EXPRESS`, each entry checked to still disagree (so the list, and
//! the README's copy of it, stay true).

use client_lint::{Mode, Options};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Values per field: valid ones, ones the linter only warns about, and
/// errors the schema can express.
fn pool(field: &str) -> Vec<Value> {
    let s = |v: &[&str]| v.iter().map(|x| json!(x)).collect::<Vec<_>>();
    let mut out = match field {
        "id" | "dial_rule_id" | "hold_music" | "sip_network_permission_id" => vec![
            json!(1),
            json!(7),
            json!(9_223_372_036_854_775_807_i64),
            json!(0),
            json!(-5),
            json!(90.0),
            json!(1.5),
            json!(-0.0),
            json!("7"),
            json!(true),
        ],
        "disk_space_notify_threshold" => vec![
            json!(0),
            json!(90),
            json!(100),
            json!(101),
            json!(-1),
            json!(90.0),
            json!(150.0),
            json!(90.5),
            json!(-0.0),
            json!("90"),
        ],
        "name" | "jur_address" | "fact_address" | "ambassadors" | "contact_phones" | "extra_params" => s(&[
            "Acme",
            " Acme ",
            "",
            "a\nb",
            "x\u{7f}",
            "+7 495 123-45-67",
            "Ivan, ask",
            "{\"a\": 1}",
            "{\"a\":",
            "+٧ ٤٩٥",
        ]),
        "did_as_transfer_caller_id" => s(&["74951234567", "+7 (495) 123", "abc", "", " 7495", "a\tb"]),
        "type" => s(&["J", "F", "j", "X", "", " J"]),
        "timezone" => s(&[
            "Europe/Moscow",
            "UTC",
            "Europe/Kiev",
            "EST",
            "europe/moscow",
            "Mars/Base",
            "",
            "UTC\n",
            "GMT+3",
        ]),
        "language" => s(&["ru", "en", "RU", "ua", "russian", "", " ru"]),
        "domain" => s(&[
            "pbx.example.com",
            "PBX.example.com",
            "https://pbx.example.com",
            "пример.рф",
            "-bad.example.com",
            "",
            " pbx.example.com",
            "a..b",
            "1.2.3.4",
            "pbx.123",
            "localhost",
        ]),
        "domain_prefix" | "prefix" => s(&["12345", "", "12a", " 1"]),
        "extension_len" => s(&["2", "3", "4", "5", "", " 3"]),
        "create_date" => s(&["2024-01-31 12:00:00", "2024-01-31", "", " 2024-01-31 12:00:00"]),
        "email" | "disk_space_notify_email" => s(&[
            "ops@example.com",
            "Joe <ops@example.com>",
            "a@b.com, c@d.com",
            "",
            " ops@example.com",
            "no-at-sign",
        ]),
        "geo_list" => s(&["*", "RU BY", "RU RU", "ru by", "", "* RU", "RU,BY", " RU"]),
        "reg_status_log" => vec![json!(true), json!(false), json!("true"), json!(1)],
        other => panic!("no pool for {other}"),
    };
    out.push(Value::Null);
    out
}

/// Schema and linter disagree here because the schema does not say it: each
/// is a linter error the schema accepts (field, value, why). The README's
/// list is this one.
const CANNOT_EXPRESS: &[(&str, &str, &str)] = &[
    (
        "geo_list",
        "RU XX",
        "unknown ISO 3166-1 codes: the schema checks the shape",
    ),
    (
        "create_date",
        "2024-02-30 12:00:00",
        "calendar dates and times that do not exist",
    ),
    ("email", "ops@localhost", "an e-mail domain without a dot"),
];

fn validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(&client_lint::schema())
            .unwrap()
    })
}

fn verdicts(doc: &Value) -> (bool, bool, Vec<String>) {
    let text = doc.to_string();
    let report = client_lint::lint_str(&text, &Options::new().with_mode(Mode::Response));
    let errors = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == client_lint::Severity::Error)
        .map(|d| format!("{} at {}", d.name(), d.pointer().unwrap_or("")))
        .collect();
    (validator().is_valid(doc), report.has_errors(), errors)
}

fn fields() -> Vec<&'static str> {
    client_lint::fields::FIELDS.iter().map(|f| f.name).collect()
}

#[test]
fn every_pool_value_alone_agrees() {
    let mut disagree = Vec::new();
    for field in fields() {
        for value in pool(field) {
            let doc = json!({ field: value });
            let (schema_ok, _, errors) = verdicts(&doc);
            if schema_ok != errors.is_empty() {
                disagree.push(format!(
                    "{doc}: schema {}, lint {errors:?}",
                    if schema_ok { "valid" } else { "invalid" }
                ));
            }
        }
    }
    // Unknown keys are warnings: no schema error.
    let (schema_ok, lint_error, _) = verdicts(&json!({"colour": "red"}));
    assert!(schema_ok && !lint_error);
    assert!(disagree.is_empty(), "{disagree:#?}");
}

#[test]
fn what_the_schema_cannot_express_still_disagrees() {
    for (field, value, why) in CANNOT_EXPRESS {
        let (schema_ok, lint_error, _) = verdicts(&json!({ *field: value }));
        assert!(
            schema_ok && lint_error,
            "{field} = {value:?} ({why}): the schema now agrees; drop it from the list"
        );
    }
}

fn document() -> impl Strategy<Value = Map<String, Value>> {
    let per_field: Vec<_> = fields()
        .into_iter()
        .map(|f| {
            (
                Just(f),
                prop::option::weighted(0.4, prop::sample::select(pool(f))),
            )
        })
        .collect();
    per_field.prop_map(|pairs| {
        pairs
            .into_iter()
            .filter_map(|(f, v)| v.map(|v| (f.to_string(), v)))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Whole documents: schema-valid exactly when the linter finds no error.
    #[test]
    fn schema_valid_exactly_without_a_lint_error(doc in document()) {
        let doc = Value::Object(doc);
        let (schema_ok, lint_error, errors) = verdicts(&doc);
        prop_assert_eq!(schema_ok, !lint_error, "{}: lint errors {:?}", doc, errors);
    }
}
