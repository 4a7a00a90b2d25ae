//! Accounts and tokens: argon2id password hashes, short-lived HS256 access tokens, login with
//! lock-out, and turning a bearer token into an [`crate::access::Actor`] on every request.

pub mod authenticate;
pub mod login;
pub mod password;
pub mod secret;
pub mod token;

pub use authenticate::authenticate;
pub use login::{LoginOutcome, login};
pub use token::TokenKeys;
