//! Name matching and search index: the next issue fills this crate (see `../shared/design.md`, "Name matching").
