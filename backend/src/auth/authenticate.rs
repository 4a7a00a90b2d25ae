//! From a bearer token to an [`Actor`]: verify the token, then load the account, so that a
//! deactivated user or agency is refused on the very next request.

use korgon_domain::Role;
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
    let user_id = keys.verify(token)?;
    // One query for the account and its agency, read afresh on every request.
    let row: Option<(String, Uuid, bool, bool)> = user::Entity::find_by_id(user_id)
        .select_only()
        .column(user::Column::Role)
        .column(user::Column::AgencyId)
        .column(user::Column::Active)
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
    let (role, agency_id, active, agency_active) =
        row.ok_or(Error::Unauthenticated("the access token is not valid"))?;
    if !active {
        return Err(Error::Unauthenticated("this account has been deactivated"));
    }
    if !agency_active {
        return Err(Error::Unauthenticated(
            "this account's agency has been deactivated",
        ));
    }
    let role: Role = role.parse().map_err(|e: String| {
        Error::Internal(anyhow::anyhow!("stored role of user {user_id}: {e}"))
    })?;
    Ok(Actor {
        user_id,
        role,
        agency_id,
        client_addr,
    })
}
