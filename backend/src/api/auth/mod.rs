//! `POST /api/v1/auth/login` and `GET /api/v1/me`.

pub mod login;
pub mod me;
