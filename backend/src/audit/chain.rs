//! The hash of one audit row: SHA-256 over the previous hash and every stored field.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The stored fields of one row, in chain order.
pub struct ChainFields<'a> {
    /// Hash of the previous row.
    pub prev_hash: &'a str,
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When (microsecond precision, as both databases store it).
    pub at: DateTime<Utc>,
    /// Acting user.
    pub user_id: Option<Uuid>,
    /// Acting agency.
    pub agency_id: Option<Uuid>,
    /// Action.
    pub action: &'a str,
    /// Object type.
    pub object_type: &'a str,
    /// Object id.
    pub object_id: Option<&'a str>,
    /// Details as stored.
    pub details: &'a str,
    /// Client address.
    pub client_addr: Option<&'a str>,
}

/// The row's hash, lower-case hex. The fields are encoded as one JSON array, which is
/// unambiguous (no field can run into the next).
pub fn hash_event(fields: &ChainFields<'_>) -> String {
    let encoded = serde_json::json!([
        fields.prev_hash,
        fields.seq,
        fields.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        fields.user_id.map(|u| u.to_string()),
        fields.agency_id.map(|u| u.to_string()),
        fields.action,
        fields.object_type,
        fields.object_id,
        fields.details,
        fields.client_addr,
    ]);
    hex::encode(Sha256::digest(encoded.to_string().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(details: &str) -> ChainFields<'_> {
        ChainFields {
            prev_hash: GENESIS_HASH,
            seq: 1,
            at: DateTime::from_timestamp(1_700_000_000, 123_456_000).unwrap(),
            user_id: None,
            agency_id: None,
            action: "case.read",
            object_type: "case",
            object_id: Some("a"),
            details,
            client_addr: None,
        }
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = hash_event(&fields("{}"));
        assert_eq!(base.len(), 64);
        assert_ne!(base, hash_event(&fields("{\"n\":1}")));
        let mut moved = fields("{}");
        moved.seq = 2;
        assert_ne!(base, hash_event(&moved));
        let mut shifted = fields("{}");
        shifted.action = "case.rea";
        shifted.object_type = "dcase";
        assert_ne!(
            base,
            hash_event(&shifted),
            "field boundaries are unambiguous"
        );
    }
}
