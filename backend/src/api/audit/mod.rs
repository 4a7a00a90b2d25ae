//! `GET /api/v1/audit` and `GET /api/v1/audit/verify` (auditors).

pub mod list;
pub mod verify;
