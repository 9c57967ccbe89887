//! A typed model of the client resource, for servers.

use serde::{Deserialize, Serialize};

/// The Rust type of a JSON type of the field table.
macro_rules! plain {
    (Integer) => {
        i64
    };
    (String) => {
        String
    };
    (Boolean) => {
        bool
    };
}

macro_rules! client {
    ($(
        $variant:ident $name:literal $rust:ident: $typed:ty, $ty:ident $owner:ident $kind:ident
        $en:literal $ru:literal
        schema $schema:expr $(, $digits:ident)?;
    )*) => {
        /// The client resource as JSON types. Every field is optional: a request may
        /// send any subset, and `null` means "not set".
        ///
        /// Deserialising checks JSON types only; run [`crate::lint_str`] or
        /// [`crate::lint_value`] for the field rules, and the `parse_*` functions for
        /// typed values.
        ///
        /// ```
        /// let client: client_lint::Client =
        ///     serde_json::from_str(r#"{"name": "Acme", "type": "J", "hold_music": 7}"#).unwrap();
        /// assert_eq!(client.client_type.as_deref(), Some("J"));
        /// assert_eq!(client.hold_music, Some(7));
        /// let back = serde_json::to_string(&client).unwrap();
        /// assert_eq!(back, r#"{"name":"Acme","type":"J","hold_music":7}"#);
        /// ```
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct Client {
            $(
                #[doc = concat!("`", $name, "`: ", $en, ".")]
                #[serde(rename = $name, default, skip_serializing_if = "Option::is_none")]
                pub $rust: Option<plain!($ty)>,
            )*
        }
    };
}

crate::fields::for_each_field!(client);
