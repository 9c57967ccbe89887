//! Generators shared by the unit tests' properties.

use proptest::prelude::*;

/// What stands between elements: mostly a comma and white space, sometimes
/// nothing, a doubled comma or a bare space (broken arrays).
const GAPS: &[&str] = &[",", ", ", ",\n  ", "\r\n,\t", " ", ",,", ""];

/// JSON arrays of up to `max` of `elements`, mostly well formed: opened
/// after white space or a byte order mark, closed, left open, closed with a
/// trailing comma or followed by more text. The first `prefer` elements are
/// drawn twice as often as the rest.
pub(crate) fn array_text(
    elements: &'static [&'static str],
    prefer: usize,
    max: usize,
) -> impl Strategy<Value = String> {
    let draw = (0..elements.len() + prefer).prop_map(move |i| i % elements.len());
    (
        prop::collection::vec((draw, 0..GAPS.len()), 0..max),
        prop::sample::select(vec!["[", " [\n", "\u{feff}[", "\t["]),
        prop::sample::select(vec!["]", "\n]\n", ",]", "] x", "", "]\n\n"]),
    )
        .prop_map(move |(items, open, close)| {
            let mut s = open.to_string();
            for (k, (e, g)) in items.iter().enumerate() {
                if k > 0 {
                    // Mostly well-formed: a comma, some white space.
                    s.push_str(if *g < 3 { GAPS[*g] } else { GAPS[*g % 3] });
                }
                s.push_str(elements[*e]);
            }
            if items.len() > 2 && items[0].1 >= 5 {
                s.push_str(GAPS[items[0].1]);
            }
            s.push_str(close);
            s
        })
}
