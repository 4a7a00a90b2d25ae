//! Printing to standard output without panicking when it is closed: `korgon demo | head`
//! must not crash the command (Rust's `println!` panics on a broken pipe). Output that
//! cannot be written is dropped and the command goes on.

use std::fmt::Display;
use std::io::Write;

/// Writes `text` and a newline to standard output.
pub fn say(text: impl Display) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Writes `text` to standard output as it is.
pub fn say_raw(text: impl Display) {
    let _ = write!(std::io::stdout().lock(), "{text}");
}
