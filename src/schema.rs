//! A JSON Schema (draft 2020-12) of the client resource, derived from the
//! field table, for editors' completion and for other validators.

use serde_json::{Map, Value, json};

use crate::fields::FIELDS;

/// The JSON Schema of the client resource.
///
/// It states types, ranges, value lists and formats, and agrees with the
/// linter on every check a schema can express: a document is schema-valid
/// exactly when the linter reports no error (a property test,
/// `tests/schema.rs`). What the linter only warns about (unknown keys, the
/// empty string, an unusual language code or caller id) is no schema error;
/// what a schema cannot express (unknown country codes, dates that do not
/// exist, e-mail domains without a dot, …) the README lists.
///
/// ```
/// let schema = client_lint::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["type"]["anyOf"][1]["enum"], serde_json::json!(["J", "F", null]));
/// ```
pub fn schema() -> Value {
    let properties: Map<String, Value> = FIELDS.iter().map(|f| (f.name.to_string(), f.schema())).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:client-lint:client",
        "title": "client",
        "description": "A client (customer account) of the cloud PBX REST API, resource /client/.",
        "type": "object",
        "properties": properties,
    })
}
