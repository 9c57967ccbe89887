//! A `serde_json::Value` as a syntax tree without spans, so that
//! [`crate::lint_value`] runs the same rules as [`crate::lint_str`].

use std::borrow::Cow;

use super::tree::{MAX_DEPTH, Member, Node, Value};
use crate::span::Span;

/// The tree of `value`; arrays and objects deeper than [`MAX_DEPTH`] become
/// [`Value::TooDeep`], as the parser makes them.
pub(crate) fn node(value: &serde_json::Value) -> Node<'_> {
    to_node(value, 0)
}

fn to_node(value: &serde_json::Value, depth: usize) -> Node<'_> {
    let value = match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(_) => Value::Bool,
        serde_json::Value::Number(n) => Value::Number(Cow::Owned(n.to_string())),
        serde_json::Value::String(s) => Value::String(Cow::Borrowed(s)),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) if depth >= MAX_DEPTH => Value::TooDeep,
        serde_json::Value::Array(items) => {
            Value::Array(items.iter().map(|v| to_node(v, depth + 1)).collect())
        }
        serde_json::Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Member {
                    key: Cow::Borrowed(k),
                    key_span: Span::default(),
                    value: to_node(v, depth + 1),
                })
                .collect(),
        ),
    };
    Node {
        span: Span::default(),
        value,
    }
}
