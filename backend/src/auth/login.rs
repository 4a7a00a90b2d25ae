//! Logging in: password check, lock-out after repeated failures, an audit event for every
//! attempt, and a token on success.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use secrecy::SecretString;
use uuid::Uuid;

use super::{TokenKeys, password};
use crate::audit::{self, AuditContext, AuditEvent, Detail};
use crate::db::Db;
use crate::entity::{agency, user};
use crate::error::Error;

/// When accounts lock.
#[derive(Debug, Clone, Copy)]
pub struct LockoutPolicy {
    /// Failed attempts in a row that lock the account.
    pub threshold: i32,
    /// How long it stays locked.
    pub minutes: i64,
}

/// A successful login.
#[derive(Debug)]
pub struct LoginOutcome {
    /// The bearer token.
    pub access_token: String,
    /// Its lifetime in seconds.
    pub expires_in: i64,
    /// Who logged in.
    pub user_id: Uuid,
}

/// Usernames are compared without regard to case.
pub fn normalise_username(username: &str) -> String {
    username.trim().to_lowercase()
}

async fn record(db: &Db, ctx: AuditContext, event: AuditEvent) -> Result<(), Error> {
    let txn = db.begin_write().await?;
    audit::append(&txn, &[(ctx, event)]).await?;
    txn.commit().await?;
    Ok(())
}

/// Records a wrong password and answers the error to give. The count is taken from the row as
/// it is inside the write transaction, not as it was read before the (deliberately slow)
/// password check, so that guesses sent all at once each count; a failure never lifts a lock.
async fn count_failure(
    db: &Db,
    policy: LockoutPolicy,
    account: &user::Model,
    ctx: AuditContext,
    now: DateTime<Utc>,
) -> Result<Error, Error> {
    let txn = db.begin_write().await?;
    let current = user::Entity::find_by_id(account.id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(Error::InvalidCredentials)?;
    if current.locked_until.is_some_and(|until| until > now) {
        // Locked by a failure that committed while this one was being checked.
        let event = AuditEvent::new("auth.login_refused", "user", Some(account.id))
            .with("reason", Detail::Code("locked"));
        audit::append(&txn, &[(ctx, event)]).await?;
        txn.commit().await?;
        return Ok(Error::AccountLocked);
    }
    let failures = current.failed_logins + 1;
    let locks = failures >= policy.threshold;
    let mut update = user::Entity::update_many().col_expr(
        user::Column::FailedLogins,
        Expr::value(if locks { 0 } else { failures }),
    );
    if locks {
        update = update.col_expr(
            user::Column::LockedUntil,
            Expr::value(Some(now + Duration::minutes(policy.minutes))),
        );
    }
    update
        .filter(user::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    let event = AuditEvent::new("auth.login_failed", "user", Some(account.id))
        .with("reason", Detail::Code("bad_password"))
        .with("locked", Detail::Flag(locks));
    audit::append(&txn, &[(ctx, event)]).await?;
    txn.commit().await?;
    Ok(if locks {
        Error::AccountLocked
    } else {
        Error::InvalidCredentials
    })
}

/// Checks `username` and `password`; every attempt is audited (never with the username or
/// password typed, which may hold a mistyped password).
pub async fn login(
    db: &Db,
    keys: &TokenKeys,
    policy: LockoutPolicy,
    username: &str,
    password: SecretString,
    client_addr: Option<String>,
) -> Result<LoginOutcome, Error> {
    let anonymous = AuditContext {
        user_id: None,
        agency_id: None,
        client_addr: client_addr.clone(),
    };
    let account = user::Entity::find()
        .filter(user::Column::Username.eq(normalise_username(username)))
        .one(&db.reader)
        .await?;
    let Some(account) = account else {
        password::verify(password, None).await?;
        record(
            db,
            anonymous,
            AuditEvent::new("auth.login_failed", "user", None)
                .with("reason", Detail::Code("unknown_user")),
        )
        .await?;
        return Err(Error::InvalidCredentials);
    };
    let ctx = AuditContext {
        user_id: Some(account.id),
        agency_id: Some(account.agency_id),
        client_addr,
    };
    let now = Utc::now().trunc_subsecs(6);
    if account.locked_until.is_some_and(|until| until > now) {
        record(
            db,
            ctx,
            AuditEvent::new("auth.login_refused", "user", Some(account.id))
                .with("reason", Detail::Code("locked")),
        )
        .await?;
        return Err(Error::AccountLocked);
    }
    if !password::verify(password, Some(account.password_hash.clone())).await? {
        return Err(count_failure(db, policy, &account, ctx, now).await?);
    }
    let agency_active = agency::Entity::find_by_id(account.agency_id)
        .one(&db.reader)
        .await?
        .is_some_and(|a| a.active);
    if !account.active || !agency_active {
        record(
            db,
            ctx,
            AuditEvent::new("auth.login_refused", "user", Some(account.id))
                .with("reason", Detail::Code("deactivated")),
        )
        .await?;
        return Err(Error::Unauthenticated("this account has been deactivated"));
    }
    let txn = db.begin_write().await?;
    user::Entity::update(user::ActiveModel {
        id: Set(account.id),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(Some(now)),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::append(
        &txn,
        &[(ctx, AuditEvent::new("auth.login", "user", Some(account.id)))],
    )
    .await?;
    txn.commit().await?;
    Ok(LoginOutcome {
        access_token: keys.issue(account.id)?,
        expires_in: keys.ttl_seconds(),
        user_id: account.id,
    })
}
