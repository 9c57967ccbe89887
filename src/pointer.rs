//! JSON Pointers (RFC 6901) that share their path with the findings beside
//! them. A finding deep inside nested data used to copy its whole key path;
//! 10,000 findings under 120 levels of 1,000-character keys then held 1.2 GB.
//! Here every level of a path is one node holding its own token and a link
//! to its parent, built once however many findings lie below it; the text is
//! written out only when somebody asks for it. A leaf module.

use std::borrow::Cow;
use std::sync::Arc;

/// Escape one reference token for an RFC 6901 JSON Pointer.
///
/// ```
/// assert_eq!(client_lint::pointer_token("a/b~c"), "a~1b~0c");
/// ```
pub fn pointer_token(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Node {
    parent: Option<Path>,
    /// The escaped reference token, without its `/`.
    token: Box<str>,
}

/// A path below the root of a record: a shared, immutable list of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path(Arc<Node>);

impl Path {
    /// The path of `key` directly under `parent` (the root when `None`).
    pub fn child(parent: Option<&Path>, key: &str) -> Path {
        Path(Arc::new(Node {
            parent: parent.cloned(),
            token: pointer_token(key).into(),
        }))
    }

    /// The pointer's text: `/a/b/0`.
    pub fn render(&self) -> String {
        let mut tokens = Vec::new();
        let mut node = Some(self);
        while let Some(Path(n)) = node {
            tokens.push(&*n.token);
            node = n.parent.as_ref();
        }
        let mut out = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
        for t in tokens.iter().rev() {
            out.push('/');
            out.push_str(t);
        }
        out
    }
}

/// Where a finding points: text already written (a record's own field), or
/// a shared path written out on demand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pointer {
    /// A known field's, from the field table.
    Static(&'static str),
    Text(String),
    Path(Path),
}

impl Pointer {
    pub fn render(&self) -> Cow<'_, str> {
        match self {
            Pointer::Static(t) => Cow::Borrowed(t),
            Pointer::Text(t) => Cow::Borrowed(t),
            Pointer::Path(p) => Cow::Owned(p.render()),
        }
    }
}

impl Pointer {
    /// The text, borrowed for the life of the program when it can be.
    pub fn into_text(self) -> Cow<'static, str> {
        match self {
            Pointer::Static(t) => Cow::Borrowed(t),
            Pointer::Text(t) => Cow::Owned(t),
            Pointer::Path(p) => Cow::Owned(p.render()),
        }
    }
}

impl From<String> for Pointer {
    fn from(s: String) -> Self {
        Pointer::Text(s)
    }
}

impl From<Path> for Pointer {
    fn from(p: Path) -> Self {
        Pointer::Path(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_and_share() {
        let a = Path::child(None, "a/b");
        let b = Path::child(Some(&a), "0");
        let c = Path::child(Some(&a), "x~y");
        assert_eq!(b.render(), "/a~1b/0");
        assert_eq!(c.render(), "/a~1b/x~0y");
        // Both children hold the same parent node, not a copy of it.
        let (Path(nb), Path(nc)) = (&b, &c);
        assert!(Arc::ptr_eq(
            &nb.parent.as_ref().unwrap().0,
            &nc.parent.as_ref().unwrap().0
        ));
    }
}
