//! Accounts and tokens: login, lock-out, deactivation taking effect on the next request, bad
//! tokens, and `korgon user add` reading the password from standard input.

use chrono::Utc;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use korgon_domain::{AgencyKind, Role};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// `GET /api/v1/me` with a raw `Authorization` header (or none).
async fn me_with(app: &TestApp, authorization: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(format!("{}/api/v1/me", app.address));
    if let Some(value) = authorization {
        request = request.header(reqwest::header::AUTHORIZATION, value);
    }
    request.send().await.expect("request")
}

/// Asserts a 401 in the JSON error shape with the bearer challenge.
async fn assert_unauthenticated(response: reqwest::Response, context: &str) -> Value {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{context}");
    assert_eq!(
        response
            .headers()
            .get(reqwest::header::WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok()),
        Some("Bearer"),
        "{context}"
    );
    let body: Value = response.json().await.expect("JSON error");
    assert!(body["error"]["code"].is_string(), "{context}: {body}");
    assert!(body["error"]["message"].is_string(), "{context}: {body}");
    body
}

/// A token signed with `secret` for `sub`, valid from `iat` for `ttl` seconds.
fn token(secret: &[u8], sub: Uuid, iat: i64, ttl: i64, issuer: &str) -> String {
    let claims = json!({"sub": sub, "iat": iat, "iat_ms": iat * 1000, "exp": iat + ttl, "iss": issuer, "jti": Uuid::new_v4()});
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret),
    )
    .expect("sign")
}

#[tokio::test]
async fn logins_answer_a_token_or_one_refusal_for_any_wrong_credential() {
    let world = World::new().await;
    let app = &world.app;
    let body = expect(app.login_raw("inv_a", PASSWORD).await, StatusCode::OK).await;
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let token = body["access_token"].as_str().unwrap();
    let me = expect(app.get("/api/v1/me", token).await, StatusCode::OK).await;
    assert_eq!(me["username"], "inv_a");
    assert_eq!(me["role"], "investigator");
    assert_eq!(me["agency_code"], "POLICE-A");
    // Usernames ignore case and surrounding spaces.
    for spelling in ["INV_A", " Inv_A "] {
        expect(app.login_raw(spelling, PASSWORD).await, StatusCode::OK).await;
    }
    // A wrong password and an unknown user are told apart by nothing.
    let wrong = app.login_raw("inv_a", "wrong-password-1").await;
    let wrong = assert_unauthenticated(wrong, "wrong password").await;
    let unknown = app.login_raw("no_such_user", PASSWORD).await;
    let unknown = assert_unauthenticated(unknown, "unknown user").await;
    assert_eq!(wrong["error"]["code"], "invalid_credentials");
    assert_eq!(wrong, unknown);
    // The password is never echoed.
    assert_absent(&wrong.to_string(), &["wrong-password-1"], "login refusal");
}

#[tokio::test]
async fn five_failures_lock_the_account_until_an_administrator_unlocks_it() {
    let world = World::new().await;
    let app = &world.app;
    let target = app.add_user("target", Role::Investigator, "POLICE-A").await;
    for attempt in 1..=4 {
        let response = app.login_raw("target", "wrong-password-1").await;
        let body = assert_unauthenticated(response, &format!("attempt {attempt}")).await;
        assert_eq!(body["error"]["code"], "invalid_credentials");
    }
    let fifth = expect_error(
        app.login_raw("target", "wrong-password-1").await,
        StatusCode::LOCKED,
        "account_locked",
        "locked",
    )
    .await;
    assert_absent(&fifth.to_string(), &["wrong-password-1"], "lock-out");
    // Locked: even the right password is refused.
    expect_error(
        app.login_raw("target", PASSWORD).await,
        StatusCode::LOCKED,
        "account_locked",
        "locked",
    )
    .await;
    let users = expect(
        app.get("/api/v1/users", world.token("admin")).await,
        StatusCode::OK,
    )
    .await;
    let listed = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "target")
        .unwrap();
    assert!(listed["locked_until"].is_string(), "{listed}");
    // An administrator unlocks.
    let version = app.version(Table::User, target).await;
    let unlocked = expect(
        world
            .patch_user(target, &json!({"version": version, "unlock": true}))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(unlocked["locked_until"].is_null());
    expect(app.login_raw("target", PASSWORD).await, StatusCode::OK).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failures_sent_all_at_once_lock_the_account_too() {
    let world = World::new().await;
    let app = &world.app;
    app.add_user("target", Role::Investigator, "POLICE-A").await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let (client, address) = (app.client.clone(), app.address.clone());
        attempts.spawn(async move {
            client
                .post(format!("{address}/api/v1/auth/login"))
                .json(&json!({"username": "target", "password": "guess-number-one"}))
                .send()
                .await
                .expect("request")
                .status()
        });
    }
    let statuses = attempts.join_all().await;
    assert!(
        statuses.contains(&StatusCode::LOCKED),
        "ten failures must lock: {statuses:?}"
    );
    expect_error(
        app.login_raw("target", PASSWORD).await,
        StatusCode::LOCKED,
        "account_locked",
        "locked",
    )
    .await;
}

#[tokio::test]
async fn deactivating_a_user_stops_their_token_at_the_next_request() {
    let world = World::new().await;
    let app = &world.app;
    let token = world.token("inv_a");
    expect(app.get("/api/v1/me", token).await, StatusCode::OK).await;
    let inv_a = world.users["inv_a"];
    let version = app.version(Table::User, inv_a).await;
    let body = json!({"version": version, "active": false});
    let updated = expect(world.patch_user(inv_a, &body).await, StatusCode::OK).await;
    assert_eq!(updated["active"], false);
    assert_unauthenticated(app.get("/api/v1/me", token).await, "deactivated by API").await;
    assert_unauthenticated(app.get("/api/v1/cases", token).await, "deactivated by API").await;
    assert_unauthenticated(
        app.login_raw("inv_a", PASSWORD).await,
        "login when deactivated",
    )
    .await;
    // The same from the console.
    let token = world.token("inv_b");
    expect(app.get("/api/v1/me", token).await, StatusCode::OK).await;
    let output = app.korgon(&["user", "deactivate", "inv_b"]);
    assert!(output.status.success(), "{output:?}");
    assert_unauthenticated(app.get("/api/v1/me", token).await, "deactivated by CLI").await;
    // Administrators may not lock themselves out.
    let admin = world.users["admin"];
    let version = app.version(Table::User, admin).await;
    expect_error(
        world
            .patch_user(admin, &json!({"version": version, "active": false}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "own account",
    )
    .await;
}

#[tokio::test]
async fn deactivating_an_agency_stops_its_users_at_the_next_request() {
    let world = World::new().await;
    let app = &world.app;
    let token = world.token("inv_a");
    expect(app.get("/api/v1/cases", token).await, StatusCode::OK).await;
    let agency = world.agencies["POLICE-A"];
    let version = app.version(Table::Agency, agency).await;
    let body = json!({"version": version, "active": false});
    expect(world.patch_agency(agency, &body).await, StatusCode::OK).await;
    assert_unauthenticated(app.get("/api/v1/cases", token).await, "agency deactivated").await;
    assert_unauthenticated(
        app.login_raw("inv_a", PASSWORD).await,
        "login, agency deactivated",
    )
    .await;
    // Other agencies carry on.
    expect(
        app.get("/api/v1/cases", world.token("inv_b")).await,
        StatusCode::OK,
    )
    .await;
    // An administrator may not deactivate their own agency (it would lock them out).
    let ministry = world.agencies["MINISTRY"];
    let version = app.version(Table::Agency, ministry).await;
    expect_error(
        world
            .patch_agency(ministry, &json!({"version": version, "active": false}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "own agency",
    )
    .await;
    expect(
        app.get("/api/v1/users", world.token("admin")).await,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn missing_malformed_tampered_foreign_and_expired_tokens_get_401() {
    let world = World::new().await;
    let app = &world.app;
    let good = world.token("inv_a").to_owned();
    let secret = std::fs::read_to_string(app.data_dir.join("jwt-secret")).expect("secret");
    let secret = secret.trim().as_bytes();
    let inv_a = world.users["inv_a"];
    let now = Utc::now().timestamp();
    // Flip one character of the payload: the signature no longer matches.
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    let flipped = if parts[1].ends_with('A') { 'B' } else { 'A' };
    parts[1].pop();
    parts[1].push(flipped);
    let tampered = parts.join(".");
    let bearer = |t: &str| format!("Bearer {t}");
    let cases = [
        ("no header", None),
        (
            "Basic credentials",
            Some("Basic aW52X2E6dGVzdC1wYXNzd29yZC0xMjM=".to_owned()),
        ),
        ("a bare token", Some(good.clone())),
        ("an empty bearer", Some("Bearer ".to_owned())),
        ("garbage", Some(bearer("garbage"))),
        ("three dots", Some(bearer("a.b.c"))),
        ("tampered", Some(bearer(&tampered))),
        (
            "another secret",
            Some(bearer(&token(
                b"another-secret-of-at-least-32-chars!",
                inv_a,
                now,
                600,
                "korgon",
            ))),
        ),
        (
            "expired",
            Some(bearer(&token(secret, inv_a, now - 3600, 600, "korgon"))),
        ),
        (
            "another issuer",
            Some(bearer(&token(secret, inv_a, now, 600, "someone-else"))),
        ),
        (
            "nobody's",
            Some(bearer(&token(secret, Uuid::now_v7(), now, 600, "korgon"))),
        ),
    ];
    for (what, header) in cases {
        let response = me_with(app, header.as_deref()).await;
        let body = assert_unauthenticated(response, what).await;
        assert_eq!(body["error"]["code"], "unauthenticated", "{what}");
    }
    let expired = me_with(
        app,
        Some(&bearer(&token(secret, inv_a, now - 3600, 600, "korgon"))),
    )
    .await;
    let body = assert_unauthenticated(expired, "expired").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{body}"
    );
    // The forged-with-the-right-secret control: the same construction is accepted when valid.
    let valid = me_with(
        app,
        Some(&bearer(&token(secret, inv_a, now, 600, "korgon"))),
    )
    .await;
    assert_eq!(valid.status(), StatusCode::OK);
}

#[tokio::test]
async fn korgon_user_add_reads_the_password_from_standard_input_and_never_prints_it() {
    let world = World::new().await;
    let app = &world.app;
    let password = "stdin-password-9876";
    let output = app.korgon_with_stdin(
        &[
            "user",
            "add",
            "--username",
            "Newbie",
            "--role",
            "investigator",
            "--agency",
            "police-a",
        ],
        &format!("{password}\n"),
    );
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("newbie"), "{printed}");
    assert_absent(&printed, &[password], "korgon user add");
    let body = expect(app.login_raw("newbie", password).await, StatusCode::OK).await;
    assert!(body["access_token"].is_string());
    // Too short: refused naming the field, nothing stored, the password not repeated.
    let users = app.count("users").await;
    let short = "tiny-pw";
    let output = app.korgon_with_stdin(
        &[
            "user",
            "add",
            "--username",
            "shorty",
            "--role",
            "investigator",
            "--agency",
            "POLICE-A",
        ],
        &format!("{short}\n"),
    );
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!output.status.success(), "{printed}");
    assert!(printed.contains("password"), "{printed}");
    assert_absent(&printed, &[short], "short password");
    assert_eq!(app.count("users").await, users);
    // Through the API too.
    let body = json!({"username": "shorty", "role": "investigator", "agency_code": "POLICE-A", "password": short});
    let refused = expect(
        app.post("/api/v1/users", world.token("admin"), &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(refused["error"]["fields"][0]["field"], "password");
    assert_absent(&refused.to_string(), &[short], "API short password");
    // Accounts in the wrong kind of agency are refused naming the role.
    app.add_agency("COURT-A", AgencyKind::Court).await;
    let body = json!({"username": "judge", "role": "investigator", "agency_code": "COURT-A", "password": "long-enough-pass"});
    let refused = expect(
        app.post("/api/v1/users", world.token("admin"), &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(refused["error"]["fields"][0]["field"], "role");
}

#[tokio::test]
async fn role_and_password_changes_take_effect_at_once() {
    let world = World::new().await;
    let app = &world.app;
    let token = world.token("inv_a");
    expect(app.get("/api/v1/cases", token).await, StatusCode::OK).await;
    let inv_a = world.users["inv_a"];
    let version = app.version(Table::User, inv_a).await;
    let body = json!({"version": version, "role": "admin"});
    expect(world.patch_user(inv_a, &body).await, StatusCode::OK).await;
    // The same token now carries the new role: no case reading for administrators.
    expect_error(
        app.get("/api/v1/cases", token).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "admin",
    )
    .await;
    expect(app.get("/api/v1/users", token).await, StatusCode::OK).await;
    // A role that does not fit the agency is refused naming the field.
    let version = app.version(Table::User, inv_a).await;
    let body = json!({"version": version, "role": "prosecutor"});
    let refused = expect(
        world.patch_user(inv_a, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(refused["error"]["fields"][0]["field"], "role");
    // A new password replaces the old one; a stale version changes nothing.
    let body = json!({"version": version, "password": "a-brand-new-password"});
    expect(world.patch_user(inv_a, &body).await, StatusCode::OK).await;
    // Every session issued before the change ends at once.
    let ended = assert_unauthenticated(app.get("/api/v1/me", token).await, "old session").await;
    assert!(
        ended["error"]["message"]
            .as_str()
            .unwrap()
            .contains("log in again"),
        "{ended}"
    );
    let fresh = expect(
        app.login_raw("inv_a", "a-brand-new-password").await,
        StatusCode::OK,
    )
    .await;
    let fresh = fresh["access_token"].as_str().unwrap();
    expect(app.get("/api/v1/me", fresh).await, StatusCode::OK).await;
    assert_unauthenticated(app.login_raw("inv_a", PASSWORD).await, "old password").await;
    let body = json!({"version": version, "display_name": "Stale"});
    expect_error(
        world.patch_user(inv_a, &body).await,
        StatusCode::CONFLICT,
        "version_conflict",
        "user",
    )
    .await;
}
