//! Korgon's API and storage tests. They run against SQLite by default and against PostgreSQL
//! when `KORGON_TEST_DATABASE_URL=postgres://…` is set (CI runs both).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bench;
mod court;
mod helpers;
mod seed;
mod smoke;
