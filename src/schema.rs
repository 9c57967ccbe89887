//! A JSON Schema (draft 2020-12) of the client resource, derived from the
//! field table, for editors' completion and for other validators.

use serde_json::{Map, Value, json};

use crate::fields::FIELDS;

/// The JSON Schema of the client resource.
///
/// It states types, ranges, value lists and formats. The linter checks more
/// than a schema can say (canonical forms, deprecated zones, the threshold and
/// e-mail pair), and reports unknown keys as warnings where the schema, for
/// editors, forbids them.
///
/// ```
/// let schema = client_lint::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["type"]["enum"], serde_json::json!(["J", "F", null]));
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
        "additionalProperties": false,
    })
}
