//! Who may call the referral, transfer and assistance routes: every role, in and out of
//! scope, with the exact status, and no personal data in the bodies of those who may not see
//! it.
//!
//! The world: NGO-A registered a victim and referred her to POLICE-A. `inv_a` is the receiver,
//! `ngo_a` the sender; `inv_b`, `ngo_b` and `pros` belong to agencies outside the referral;
//! `admin`, `analyst` and `auditor` never touch referrals.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// Every world user.
/// The routes whose role × scope matrix lives in this file; `access_matrix` counts them as
/// covered and checks each refuses a request without a token.
pub const ROUTES: [(&str, &str); 12] = [
    ("GET", "/api/v1/referrals"),
    ("POST", "/api/v1/referrals"),
    ("GET", "/api/v1/referrals/{id}"),
    ("POST", "/api/v1/referrals/{id}/accept"),
    ("POST", "/api/v1/referrals/{id}/decline"),
    ("POST", "/api/v1/referrals/{id}/withdraw"),
    ("POST", "/api/v1/referrals/{id}/close"),
    ("POST", "/api/v1/referrals/{id}/revoke"),
    ("POST", "/api/v1/referrals/{id}/open-case"),
    ("POST", "/api/v1/cases/{id}/transfer"),
    ("POST", "/api/v1/persons/{id}/assistance"),
    ("GET", "/api/v1/persons/{id}/assistance"),
];

const ROLES: [&str; 8] = [
    "admin", "inv_a", "inv_b", "pros", "ngo_a", "ngo_b", "analyst", "auditor",
];

/// Sends `method path body` as `user`, asserts `expected`, and that nobody but the sender
/// (and those listed in `may_see`) finds the victim in the body.
async fn check(
    world: &World,
    (user, method, path, body): (&str, Method, &str, Option<&Value>),
    expected: StatusCode,
    person: Uuid,
    may_see: &[&str],
) -> Value {
    let response = world
        .app
        .request(method.clone(), path, Some(world.token(user)), body)
        .await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, expected, "{user} {method} {path}: {text}");
    if user != "ngo_a" && !may_see.contains(&user) {
        assert_absent(&text, &VICTIM_PII, &format!("{user} {method} {path}"));
        assert!(
            !text.contains(&person.to_string()),
            "{user} {method} {path} shows the person id: {text}"
        );
    }
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A fresh victim of NGO-A referred to POLICE-A with `identity` consent.
async fn fresh_referral(world: &World, n: usize) -> (Uuid, Uuid) {
    let person = world
        .person(
            "ngo_a",
            json!({"given_name": format!("Жамиля{}", "абвгдежзиклмнопрст".chars().nth(n).unwrap()), "sex": "female"}),
        )
        .await;
    let referral = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", person, "victim", Some("identity")),
            )
            .await,
    );
    (person, referral)
}

fn step_body(step: &str) -> Value {
    match step {
        "decline" => json!({"reason": "No capacity this week"}),
        "open-case" => case_body(),
        _ => json!({}),
    }
}

/// Asserts a table row per world user.
fn covers_every_role<T>(table: &[(&str, T)]) {
    let mut users: Vec<&str> = table.iter().map(|(u, _)| *u).collect();
    users.sort();
    let mut all = ROLES.to_vec();
    all.sort();
    assert_eq!(users, all);
}

#[tokio::test]
async fn referral_routes_by_role_on_a_submitted_referral() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    let referral = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", person, "victim", Some("identity")),
            )
            .await,
    );
    use StatusCode as S;
    let (f, n, c, ok) = (S::FORBIDDEN, S::NOT_FOUND, S::CONFLICT, S::OK);
    // Reads.
    for (user, list, one) in [
        ("admin", f, f),
        ("analyst", f, f),
        ("auditor", f, f),
        ("inv_a", ok, ok),
        ("ngo_a", ok, ok),
        ("inv_b", ok, n),
        ("ngo_b", ok, n),
        ("pros", ok, n),
    ] {
        let body = check(
            &world,
            (user, Method::GET, "/api/v1/referrals", None),
            list,
            person,
            &[],
        )
        .await;
        if list == ok {
            let expected = usize::from(matches!(user, "inv_a" | "ngo_a"));
            assert_eq!(body["items"].as_array().unwrap().len(), expected, "{user}");
        }
        check(
            &world,
            (
                user,
                Method::GET,
                &format!("/api/v1/referrals/{referral}"),
                None,
            ),
            one,
            person,
            &[],
        )
        .await;
        // An unknown id: 403 for the roles without referrals, 404 for the others.
        let unknown = if one == f { f } else { n };
        check(
            &world,
            (
                user,
                Method::GET,
                &format!("/api/v1/referrals/{}", Uuid::now_v7()),
                None,
            ),
            unknown,
            person,
            &[],
        )
        .await;
    }

    // Steps, in the order of STEPS, for each role; OK rows run on a fresh referral so that
    // the shared one stays submitted.
    const STEPS: [&str; 6] = [
        "accept",
        "decline",
        "withdraw",
        "close",
        "revoke",
        "open-case",
    ];
    let table: [(&str, [StatusCode; 6]); 8] = [
        ("admin", [f, f, f, f, f, f]),
        ("analyst", [f, f, f, f, f, f]),
        ("auditor", [f, f, f, f, f, f]),
        ("inv_b", [n, n, n, n, n, n]),
        ("ngo_b", [n, n, n, n, n, f]),
        ("pros", [n, n, n, n, n, f]),
        ("inv_a", [ok, ok, c, c, c, c]),
        ("ngo_a", [c, c, ok, c, c, f]),
    ];
    covers_every_role(&table);
    let mut fresh = 0;
    for (user, statuses) in table {
        for (step, expected) in STEPS.iter().zip(statuses) {
            let target = if expected == ok {
                fresh += 1;
                fresh_referral(&world, fresh).await.1
            } else {
                referral
            };
            check(
                &world,
                (
                    user,
                    Method::POST,
                    &format!("/api/v1/referrals/{target}/{step}"),
                    Some(&step_body(step)),
                ),
                expected,
                person,
                &[],
            )
            .await;
        }
    }
    // The shared referral is untouched.
    let body = expect(
        world
            .app
            .get(
                &format!("/api/v1/referrals/{referral}"),
                world.token("ngo_a"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(body["status"], "submitted");
    assert_eq!(body["version"], 1);
    assert_eq!(world.app.referral_grants(referral).await, (0, 0));
}

#[tokio::test]
async fn referral_routes_by_role_on_an_accepted_referral() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    let referral = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", person, "victim", Some("identity")),
            )
            .await,
    );
    world.step_ok("inv_a", referral, "accept").await;
    use StatusCode as S;
    let (f, n, c, ok, created) = (S::FORBIDDEN, S::NOT_FOUND, S::CONFLICT, S::OK, S::CREATED);
    const STEPS: [&str; 6] = [
        "accept",
        "decline",
        "withdraw",
        "close",
        "revoke",
        "open-case",
    ];
    let table: [(&str, [StatusCode; 6]); 8] = [
        ("admin", [f, f, f, f, f, f]),
        ("analyst", [f, f, f, f, f, f]),
        ("auditor", [f, f, f, f, f, f]),
        ("inv_b", [n, n, n, n, n, n]),
        ("ngo_b", [n, n, n, n, n, f]),
        ("pros", [n, n, n, n, n, f]),
        ("inv_a", [c, c, c, ok, c, created]),
        ("ngo_a", [c, c, c, c, ok, f]),
    ];
    covers_every_role(&table);
    let mut fresh = 0;
    for (user, statuses) in table {
        for (step, expected) in STEPS.iter().zip(statuses) {
            let target = if expected == ok || expected == created {
                fresh += 1;
                let (_, fresh_referral) = fresh_referral(&world, fresh).await;
                world.step_ok("inv_a", fresh_referral, "accept").await;
                fresh_referral
            } else {
                referral
            };
            check(
                &world,
                (
                    user,
                    Method::POST,
                    &format!("/api/v1/referrals/{target}/{step}"),
                    Some(&step_body(step)),
                ),
                expected,
                person,
                &["inv_a"],
            )
            .await;
        }
    }
    let body = expect(
        world
            .app
            .get(
                &format!("/api/v1/referrals/{referral}"),
                world.token("inv_a"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(body["status"], "accepted");
    assert_eq!(body["version"], 2);
    assert_eq!(world.app.referral_grants(referral).await, (1, 0));
}

#[tokio::test]
async fn submitting_referrals_by_role() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    use StatusCode as S;
    for (user, expected) in [
        ("admin", S::FORBIDDEN),
        ("analyst", S::FORBIDDEN),
        ("auditor", S::FORBIDDEN),
        ("inv_b", S::UNPROCESSABLE_ENTITY),
        ("ngo_b", S::UNPROCESSABLE_ENTITY),
        ("pros", S::UNPROCESSABLE_ENTITY),
    ] {
        let sent = referral_body("SHELTER", person, "victim", Some("identity"));
        let body = check(
            &world,
            (user, Method::POST, "/api/v1/referrals", Some(&sent)),
            expected,
            person,
            &[],
        )
        .await;
        if expected == S::UNPROCESSABLE_ENTITY {
            assert_eq!(body["error"]["fields"][0]["field"], "person_id", "{user}");
        }
    }
    // Each record role may refer a person of its own agency.
    for user in ["ngo_a", "inv_a", "pros", "inv_b", "ngo_b"] {
        let own = world.person(user, suspect_body()).await;
        let sent = referral_body("SHELTER", own, "victim", Some("full"));
        let body = check(
            &world,
            (user, Method::POST, "/api/v1/referrals", Some(&sent)),
            StatusCode::CREATED,
            person,
            &[],
        )
        .await;
        assert_eq!(body["person_id"], own.to_string());
    }
}

#[tokio::test]
async fn transfer_and_assistance_routes_by_role() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    world.share("inv_a", case, "NGO-A", "read").await;
    use StatusCode as S;
    let transfer = json!({"agency_code": "POLICE-B", "reason": "Jurisdiction"});
    let table = [
        ("admin", S::FORBIDDEN),
        ("analyst", S::FORBIDDEN),
        ("auditor", S::FORBIDDEN),
        ("ngo_a", S::FORBIDDEN),
        ("ngo_b", S::FORBIDDEN),
        ("pros", S::FORBIDDEN),
        ("inv_b", S::NOT_FOUND),
        ("inv_a", S::OK),
    ];
    covers_every_role(&table);
    for (user, expected) in table {
        check(
            &world,
            (
                user,
                Method::POST,
                &format!("/api/v1/cases/{case}/transfer"),
                Some(&transfer),
            ),
            expected,
            person,
            &[],
        )
        .await;
    }
    let path = format!("/api/v1/persons/{person}/assistance");
    let record = json!({"kind": "shelter", "started_on": "2026-01-10"});
    for (user, post, get) in [
        ("admin", S::FORBIDDEN, S::FORBIDDEN),
        ("analyst", S::FORBIDDEN, S::FORBIDDEN),
        ("auditor", S::FORBIDDEN, S::FORBIDDEN),
        ("pros", S::FORBIDDEN, S::NOT_FOUND),
        ("inv_a", S::NOT_FOUND, S::NOT_FOUND),
        ("inv_b", S::NOT_FOUND, S::NOT_FOUND),
        ("ngo_b", S::NOT_FOUND, S::NOT_FOUND),
        ("ngo_a", S::CREATED, S::OK),
    ] {
        check(
            &world,
            (user, Method::POST, &path, Some(&record)),
            post,
            person,
            &[],
        )
        .await;
        check(&world, (user, Method::GET, &path, None), get, person, &[]).await;
    }
}
