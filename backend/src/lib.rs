//! Korgon: the anti-trafficking case management system and unified database for Kyrgyzstan.
//!
//! Layers, outside in: [`cli`] and [`api`] take input and call [`store`], which applies
//! [`access`] (role and agency scope) in its queries and writes the [`audit`] log; [`auth`]
//! turns credentials into tokens and tokens into actors; [`db`] and [`entity`] hold the
//! database; [`startup`] wires it together for `korgon serve` and for the tests.

pub mod access;
pub mod api;
pub mod audit;
pub mod auth;
pub mod bench;
pub mod cli;
pub mod data_dir;
pub mod db;
pub mod entity;
pub mod error;
pub mod seed;
pub mod settings;
pub mod startup;
pub mod store;
pub mod telemetry;
