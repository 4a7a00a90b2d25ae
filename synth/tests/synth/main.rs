//! The generator's integration tests: one binary, one module per concern.

// Test helpers outside `#[test]` functions may unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod determinism;
mod duplicates;
mod helpers;
mod names;
mod proportions;
mod sheets;
mod sizes;
mod streaming;
mod validation;
