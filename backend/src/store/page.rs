//! Keyset pagination: newest first, by id (UUID v7, so id order is creation order).

use serde::Serialize;
use uuid::Uuid;

use crate::error::Error;

/// The default and largest page sizes.
pub const DEFAULT_LIMIT: u64 = 50;
/// The largest page size.
pub const MAX_LIMIT: u64 = 200;

/// Which page to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageRequest {
    /// Items per page.
    pub limit: u64,
    /// Start after this id (the previous page's `next_cursor`).
    pub after: Option<Uuid>,
}

impl PageRequest {
    /// Checks `limit` (1–200, default 50) and decodes `cursor`.
    pub fn parse(limit: Option<u64>, cursor: Option<&str>) -> Result<PageRequest, Error> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(korgon_domain::FieldError::new(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            )
            .into());
        }
        let after = match cursor {
            Some(c) if !c.is_empty() => Some(Uuid::parse_str(c).map_err(|_| {
                korgon_domain::FieldError::new("cursor", "is not a cursor returned by this list")
            })?),
            _ => None,
        };
        Ok(PageRequest { limit, after })
    }
}

/// One page of a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    /// The items, newest first.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` fetched items (the extra one only tells that
    /// there is a next page).
    pub fn from_fetched(mut items: Vec<T>, limit: u64, id: impl Fn(&T) -> Uuid) -> Page<T> {
        let more = items.len() as u64 > limit;
        items.truncate(limit as usize);
        let next_cursor = if more {
            items.last().map(|i| id(i).to_string())
        } else {
            None
        };
        Page { items, next_cursor }
    }
}
