//! From a bearer token to an [`Actor`]: verify the token, then load the account, so that a
//! deactivated user or agency is refused on the very next request.

use korgon_domain::Role;
use sea_orm::{ConnectionTrait, EntityTrait};

use super::TokenKeys;
use crate::access::Actor;
use crate::entity::{agency, user};
use crate::error::Error;

/// The actor for `token`, or 401.
pub async fn authenticate<C: ConnectionTrait>(
    conn: &C,
    keys: &TokenKeys,
    token: &str,
    client_addr: Option<String>,
) -> Result<Actor, Error> {
    let user_id = keys.verify(token)?;
    let account = user::Entity::find_by_id(user_id)
        .one(conn)
        .await?
        .ok_or(Error::Unauthenticated("the access token is not valid"))?;
    if !account.active {
        return Err(Error::Unauthenticated("this account has been deactivated"));
    }
    let agency_active = agency::Entity::find_by_id(account.agency_id)
        .one(conn)
        .await?
        .is_some_and(|a| a.active);
    if !agency_active {
        return Err(Error::Unauthenticated(
            "this account's agency has been deactivated",
        ));
    }
    let role: Role = account.role.parse().map_err(|e: String| {
        Error::Internal(anyhow::anyhow!("stored role of user {}: {e}", account.id))
    })?;
    Ok(Actor {
        user_id: account.id,
        role,
        agency_id: account.agency_id,
        client_addr,
    })
}
