//! From a bearer token to an [`Actor`]: verify the token, then load the account, so that a
//! deactivated user or agency is refused on the very next request, and a token issued before a
//! password change or deactivation never works again.

use korgon_domain::Role;
use sea_orm::prelude::DateTimeUtc;
use sea_orm::{ConnectionTrait, EntityTrait, JoinType, QuerySelect};

use super::TokenKeys;
use crate::access::Actor;
use crate::entity::{agency, user};
use crate::error::Error;
use uuid::Uuid;

/// The actor for `token`, or 401.
pub async fn authenticate<C: ConnectionTrait>(
    conn: &C,
    keys: &TokenKeys,
    token: &str,
    client_addr: Option<String>,
) -> Result<Actor, Error> {
    let claims = keys.verify(token)?;
    // One query for the account and its agency, read afresh on every request.
    let row: Option<(String, Uuid, bool, Option<DateTimeUtc>, bool)> =
        user::Entity::find_by_id(claims.sub)
            .select_only()
            .column(user::Column::Role)
            .column(user::Column::AgencyId)
            .column(user::Column::Active)
            .column(user::Column::TokensValidAfter)
            .column_as(agency::Column::Active, "agency_active")
            .join(
                JoinType::InnerJoin,
                user::Entity::belongs_to(agency::Entity)
                    .from(user::Column::AgencyId)
                    .to(agency::Column::Id)
                    .into(),
            )
            .into_tuple()
            .one(conn)
            .await?;
    let (role, agency_id, active, tokens_valid_after, agency_active) =
        row.ok_or(Error::Unauthenticated("the access token is not valid"))?;
    if !active {
        return Err(Error::Unauthenticated("this account has been deactivated"));
    }
    if tokens_valid_after.is_some_and(|after| claims.iat_ms < after.timestamp_millis()) {
        return Err(Error::Unauthenticated(
            "this session ended when the account's password or status changed; log in again",
        ));
    }
    if !agency_active {
        return Err(Error::Unauthenticated(
            "this account's agency has been deactivated",
        ));
    }
    let role: Role = role.parse().map_err(|e: String| {
        Error::Internal(anyhow::anyhow!("stored role of user {}: {e}", claims.sub))
    })?;
    Ok(Actor {
        user_id: claims.sub,
        role,
        agency_id,
        client_addr,
    })
}
