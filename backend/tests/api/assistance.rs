//! Assistance records: recorded by NGO, shelter and police workers who can see the person,
//! listed for everyone who can see the person, notes only for the provider and full access.

use korgon_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

async fn record(world: &World, user: &str, person: Uuid, body: Value) -> reqwest::Response {
    world
        .app
        .post(
            &format!("/api/v1/persons/{person}/assistance"),
            world.token(user),
            &body,
        )
        .await
}

async fn list(world: &World, user: &str, person: Uuid) -> Value {
    expect(
        world
            .app
            .get(
                &format!("/api/v1/persons/{person}/assistance"),
                world.token(user),
            )
            .await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn assistance_is_recorded_and_listed_with_protected_notes() {
    let mut world = World::new().await;
    world
        .add_member("shelter", Role::NgoWorker, "SHELTER")
        .await;
    let person = world.person("ngo_a", victim_body()).await;
    let created = expect(
        record(
            &world,
            "ngo_a",
            person,
            json!({"kind": "psychological", "started_on": "2026-09-01", "ended_on": "2026-10-15",
                   "notes": "Sessions at the Umut shelter, room 4"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["provider_agency"], "NGO-A");
    assert_eq!(created["kind"], "psychological");
    assert_eq!(created["ended_on"], "2026-10-15");
    assert_eq!(created["notes"], "Sessions at the Umut shelter, room 4");

    // The shelter takes her on with full consent; the police with identity consent.
    let to_shelter = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("SHELTER", person, "victim", Some("full")),
            )
            .await,
    );
    let to_police = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", person, "victim", Some("identity")),
            )
            .await,
    );
    // Before acceptance, neither may record or read.
    for user in ["shelter", "inv_a"] {
        expect(
            record(
                &world,
                user,
                person,
                json!({"kind": "shelter", "started_on": "2026-11-01"}),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    world.step_ok("shelter", to_shelter, "accept").await;
    world.step_ok("inv_a", to_police, "accept").await;
    expect(
        record(
            &world,
            "shelter",
            person,
            json!({"kind": "shelter", "started_on": "2026-11-01", "notes": "Bed 12, east wing"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    expect(
        record(
            &world,
            "inv_a",
            person,
            json!({"kind": "legal", "started_on": "2026-11-10", "notes": "Statement with lawyer"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;

    // The registrar and the shelter (full access) see every note; the police only their own.
    for user in ["ngo_a", "shelter"] {
        let all = list(&world, user, person).await;
        let kinds: Vec<&str> = all
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["legal", "shelter", "psychological"], "{user}");
        assert!(
            all.as_array()
                .unwrap()
                .iter()
                .all(|r| r["notes"].is_string())
        );
    }
    let police = list(&world, "inv_a", person).await;
    let police = police.as_array().unwrap();
    assert_eq!(police.len(), 3);
    for row in police {
        if row["provider_agency"] == "POLICE-A" {
            assert_eq!(row["notes"], "Statement with lawyer");
        } else {
            assert!(row.get("notes").is_none(), "{row}");
            assert_eq!(row["redacted"], json!(["notes"]));
        }
    }
    let text = serde_json::to_string(police).unwrap();
    assert_absent(&text, &["Umut shelter", "Bed 12"], "police view of notes");

    // Revoked, the police lose the person's assistance too.
    world.step_ok("ngo_a", to_police, "revoke").await;
    expect(
        world
            .app
            .get(
                &format!("/api/v1/persons/{person}/assistance"),
                world.token("inv_a"),
            )
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    // Outsiders never see it.
    for user in ["ngo_b", "inv_b", "pros"] {
        expect(
            world
                .app
                .get(
                    &format!("/api/v1/persons/{person}/assistance"),
                    world.token(user),
                )
                .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    let actions = world.app.audit_actions(person).await;
    assert_eq!(
        actions.iter().filter(|a| *a == "assistance.record").count(),
        3
    );
    assert!(actions.iter().any(|a| a == "assistance.list"));
    let audit = world.app.audit_text().await;
    assert_absent(
        &audit,
        &["Umut shelter", "Bed 12", "Statement with lawyer"],
        "audit log",
    );
}

#[tokio::test]
async fn assistance_input_is_validated() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    for (body, field) in [
        (json!({"started_on": "2026-01-01"}), "kind"),
        (json!({"kind": "shelter"}), "started_on"),
        (json!({"kind": "money", "started_on": "2026-01-01"}), "kind"),
        (
            json!({"kind": "shelter", "started_on": tomorrow}),
            "started_on",
        ),
        (
            json!({"kind": "shelter", "started_on": "2026-02-01", "ended_on": "2026-01-01"}),
            "ended_on",
        ),
        (
            json!({"kind": "shelter", "started_on": "2026-02-01", "ended_on": tomorrow}),
            "ended_on",
        ),
        (
            json!({"kind": "shelter", "started_on": "01.02.2026"}),
            "started_on",
        ),
        (
            json!({"kind": "shelter", "started_on": "2026-02-01", "provider": "NGO-B"}),
            "provider",
        ),
    ] {
        let error = expect_error(
            record(&world, "ngo_a", person, body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            field,
        )
        .await;
        assert_eq!(error["error"]["fields"][0]["field"], field);
    }
    assert_eq!(list(&world, "ngo_a", person).await, json!([]));
    // Ongoing assistance: no end date.
    let ongoing = expect(
        record(
            &world,
            "ngo_a",
            person,
            json!({"kind": "reintegration", "started_on": "2026-03-01"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert!(ongoing["ended_on"].is_null());
    // An unknown person is 404, like one out of scope.
    expect(
        record(
            &world,
            "ngo_a",
            Uuid::now_v7(),
            json!({"kind": "medical", "started_on": "2026-03-01"}),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
}
