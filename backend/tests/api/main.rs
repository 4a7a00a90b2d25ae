//! Korgon's API and storage tests. They run against SQLite by default and against PostgreSQL
//! when `KORGON_TEST_DATABASE_URL=postgres://…` is set (CI runs both).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access_matrix;
mod assistance;
mod audit;
mod auth;
mod bad_input;
mod bench;
mod cases;
mod cli;
mod concurrency;
mod court;
mod helpers;
mod openapi;
mod persons;
mod referrals;
mod referrals_access;
mod seed;
mod smoke;
mod transfer;
