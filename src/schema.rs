//! A JSON Schema (draft 2020-12) of the client resource, derived from the
//! field table, for editors' completion and for other validators.

use serde_json::{Map, Value, json};

use crate::fields::{FIELDS, JsonType, Owner};

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
    let mut properties = Map::new();
    for f in FIELDS {
        let ty = match f.json_type {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Boolean => "boolean",
        };
        let mut p = json!({
            "type": [ty, "null"],
            "description": f.description.en,
        });
        let extra = match f.name {
            "type" => json!({"enum": ["J", "F", null]}),
            "extension_len" => json!({"enum": ["2", "3", "4", null]}),
            "timezone" => {
                let mut zones: Vec<Value> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name().into()).collect();
                zones.push(Value::Null);
                json!({"enum": zones})
            }
            "email" | "disk_space_notify_email" => json!({"format": "email", "maxLength": 254}),
            "domain" => json!({"format": "hostname", "pattern": "^[a-z0-9.-]+$"}),
            "geo_list" => json!({"pattern": "^(\\*|[A-Z]{2}( [A-Z]{2})*)$"}),
            "domain_prefix" | "prefix" => json!({"pattern": "^[0-9]+$"}),
            "language" => json!({"pattern": "^[a-z]{2}$"}),
            "create_date" => json!({"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"}),
            "did_as_transfer_caller_id" => json!({"pattern": "^[0-9+() -]*$"}),
            "disk_space_notify_threshold" => json!({"minimum": 0, "maximum": 100}),
            "id" | "dial_rule_id" | "hold_music" | "sip_network_permission_id" => {
                json!({"minimum": 1, "maximum": i64::MAX})
            }
            "name" | "jur_address" | "fact_address" | "ambassadors" | "contact_phones" | "extra_params" => {
                json!({"pattern": "^[^\\u0000-\\u001f\\u007f]*$"})
            }
            _ => json!({}),
        };
        if let (Some(p), Some(extra)) = (p.as_object_mut(), extra.as_object()) {
            p.extend(extra.clone());
            if f.owner != Owner::User {
                p.insert("readOnly".into(), true.into());
            }
        }
        properties.insert(f.name.into(), p);
    }
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
