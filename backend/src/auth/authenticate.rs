//! From a bearer token to an [`Actor`]: verify the token, then load the account, so that a
//! deactivated user or agency is refused on the very next request, and a token issued before a
//! password change or deactivation never works again.

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
    let claims = keys.verify(token)?;
    let account = user::Entity::find_by_id(claims.sub)
        .one(conn)
        .await?
        .ok_or(Error::Unauthenticated("the access token is not valid"))?;
    if !account.active {
        return Err(Error::Unauthenticated("this account has been deactivated"));
    }
    if account
        .tokens_valid_after
        .is_some_and(|after| claims.iat_ms < after.timestamp_millis())
    {
        return Err(Error::Unauthenticated(
            "this session ended when the account's password or status changed; log in again",
        ));
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
