//! Renderers: reports → text in the output formats. Pure functions; the
//! caller writes the result wherever it wants.
