//! One record: the root object's members, each sent to the rules of the
//! document (keys, types, ownership) and to its field's check from the field
//! table. Emits nothing itself.

use super::context::{Ctx, FieldAt};
use super::dispatch::check_of;
use super::document;
use super::geo_list;
use super::numbers;
use crate::fields::{FIELD_COUNT, FIELDS, Field, field_index_near};
use crate::pointer::Path;
use crate::span::Span;
use crate::syntax::{Member, Node, Value};

/// Check one record (the root of a document, or an element of a batch).
pub(crate) fn check_record(ctx: &mut Ctx<'_>, root: &Node<'_>, complete: bool) {
    if let Value::Object(members) = &root.value {
        check_object(ctx, root, members, complete);
    } else {
        document::root_not_object(ctx, root);
        document::walk_nested(ctx, root, None);
    }
}

/// Close a record: when the cap left findings out, the finding that says how
/// many.
pub(crate) fn finish(ctx: &mut Ctx<'_>, at: Span) {
    ctx.finish(at, document::too_many_findings);
}

/// The bytes to delete to remove member `i` with its comma.
/// With a lone member, everything between the braces goes (`{}` remains);
/// a partial object cut by a syntax error has no closing brace, so only the
/// member itself goes.
fn remove_span(source: &str, object: &Node<'_>, members: &[Member<'_>], i: usize) -> Span {
    let closed =
        object.span.end > object.span.start + 1 && source.as_bytes().get(object.span.end - 1) == Some(&b'}');
    if members.len() == 1 && closed {
        Span::new(object.span.start + 1, object.span.end - 1)
    } else if members.len() == 1 {
        Span::new(members[0].key_span.start, members[0].value.span.end)
    } else if i > 0 {
        Span::new(members[i - 1].value.span.end, members[i].value.span.end)
    } else {
        Span::new(members[0].key_span.start, members[1].key_span.start)
    }
}

fn check_object(ctx: &mut Ctx<'_>, object: &Node<'_>, members: &[Member<'_>], complete: bool) {
    let mut seen = document::Seen::new();
    let mode = ctx.opts.mode();
    let mut hint = 0;
    // The last member of each field, as the server reads a repeated key.
    let mut last = [usize::MAX; FIELD_COUNT];
    for (i, m) in members.iter().enumerate() {
        let index = field_index_near(&m.key, hint);
        hint = index.map_or(hint, |i| i + 1);
        if let Some(f) = index {
            last[f] = i;
        }
        let at = field_at(ctx.source, object, members, i, index);
        if seen.repeated(&m.key, index) {
            document::duplicate_key(ctx, || Some(at.pointer()), m.key_span, &m.key, true);
        }
        if let Some(info) = index.map(|i| &FIELDS[i]) {
            document::ownership(ctx, &at, info.owner, mode);
            if document::check_type(ctx, &at, info) {
                (check_of(info.field).run)(ctx, &at);
            }
        } else {
            document::unknown_key(ctx, &at, &m.key);
            if matches!(m.value.value, Value::Array(_) | Value::Object(_) | Value::TooDeep) {
                let path = Path::child(None, &m.key);
                document::walk_nested(ctx, &m.value, Some(&path));
            }
        }
    }
    if complete {
        let member = |f: Field| members.get(last[f as usize]);
        numbers::notify_pair(
            ctx,
            member(Field::DiskSpaceNotifyThreshold),
            member(Field::DiskSpaceNotifyEmail),
        );
        home_country(
            ctx,
            object,
            members,
            last[Field::GeoList as usize],
            last[Field::Timezone as usize],
        );
    }
}

/// Member `i` of `object` as its field's checks see it.
fn field_at<'t, 'a>(
    source: &'t str,
    object: &Node<'_>,
    members: &'t [Member<'a>],
    i: usize,
    index: Option<usize>,
) -> FieldAt<'t, 'a> {
    let m = &members[i];
    FieldAt {
        source,
        key: &m.key,
        key_span: m.key_span,
        node: &m.value,
        remove_span: remove_span(source, object, members, i),
        field: index.map(|i| &FIELDS[i]),
        fixes: true,
    }
}

/// The client's own country and its `geo_list`: the last `geo_list` and
/// `timezone` members (`g` and `t`, as the server reads a repeated key), when
/// both are strings.
fn home_country(ctx: &mut Ctx<'_>, object: &Node<'_>, members: &[Member<'_>], g: usize, t: usize) {
    let (Some(geo), Some(zone)) = (members.get(g), members.get(t)) else {
        return;
    };
    let (Value::String(list), Value::String(zone)) = (&geo.value.value, &zone.value.value) else {
        return;
    };
    let at = field_at(ctx.source, object, members, g, Some(Field::GeoList as usize));
    geo_list::home_country(ctx, &at, list, zone);
}

/// The JSON Pointer of the innermost key or value of `root` that holds
/// `span`, by binary search at each level (members and items are in text
/// order), so that many lookups in a large object stay fast.
pub(crate) fn pointer_at(root: &Node<'_>, span: Span) -> String {
    let mut out = String::new();
    let mut node = root;
    let within = |outer: Span| outer.start <= span.start && span.end <= outer.end;
    loop {
        match &node.value {
            Value::Object(members) => {
                let i = members.partition_point(|m| m.value.span.end < span.end);
                let Some(m) = members
                    .get(i)
                    .filter(|m| within(m.key_span) || within(m.value.span))
                else {
                    return out;
                };
                out.push('/');
                out.push_str(&super::pointer_token(&m.key));
                if within(m.key_span) {
                    return out;
                }
                node = &m.value;
            }
            Value::Array(items) => {
                let i = items.partition_point(|n| n.span.end < span.end);
                let Some(item) = items.get(i).filter(|n| within(n.span)) else {
                    return out;
                };
                out.push('/');
                out.push_str(&i.to_string());
                node = item;
            }
            _ => return out,
        }
    }
}
