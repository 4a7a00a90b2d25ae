//! Transferring a case: ownership moves, the old owner keeps a full grant the new owner can
//! revoke, a case under investigation sent to a prosecutor's office becomes
//! `sent_to_prosecutor` (with a history entry), and every refusal changes nothing.

use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

async fn transfer(world: &World, user: &str, case: Uuid, body: Value) -> reqwest::Response {
    world
        .app
        .post(
            &format!("/api/v1/cases/{case}/transfer"),
            world.token(user),
            &body,
        )
        .await
}

async fn read_case(world: &World, user: &str, case: Uuid) -> Value {
    expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case}"), world.token(user))
            .await,
        StatusCode::OK,
    )
    .await
}

async fn investigate(world: &World, case: Uuid) -> i64 {
    let body = expect(
        world
            .app
            .patch(
                &format!("/api/v1/cases/{case}"),
                world.token("inv_a"),
                &json!({"version": 1, "status": "under_investigation", "reason": "Opened"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    body["version"].as_i64().unwrap()
}

#[tokio::test]
async fn transfer_to_the_prosecutor_sends_the_case_and_keeps_a_full_grant() {
    let world = World::new().await;
    let victim = world.person("inv_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.party("inv_a", case, victim, "victim").await;
    let version = investigate(&world, case).await;
    let done = expect(
        transfer(
            &world,
            "inv_a",
            case,
            json!({"agency_code": "prosecutor", "reason": "Evidence gathered", "version": version}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["from_agency"], "POLICE-A");
    assert_eq!(done["to_agency"], "PROSECUTOR");
    assert_eq!(done["status_before"], "under_investigation");
    assert_eq!(done["status_after"], "sent_to_prosecutor");
    assert_eq!(done["reason"], "Evidence gathered");
    assert_eq!(done["case_version"], version + 1);

    let owned = read_case(&world, "pros", case).await;
    assert_eq!(owned["owner_agency"], "PROSECUTOR");
    assert_eq!(owned["access"], "owner");
    assert_eq!(owned["status"], "sent_to_prosecutor");
    assert_eq!(owned["version"], version + 1);
    // The victim was registered by the police, who linked her: the new owner sees her fully.
    let person = expect(
        world
            .app
            .get(&format!("/api/v1/persons/{victim}"), world.token("pros"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(person["phone"], "+996 555 123 456");
    let history = expect(
        world
            .app
            .get(
                &format!("/api/v1/cases/{case}/history"),
                world.token("pros"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["field"], "status");
    assert_eq!(last["old_value"]["status"], "under_investigation");
    assert_eq!(last["new_value"]["status"], "sent_to_prosecutor");
    assert_eq!(last["reason"], "Evidence gathered");

    // The police keep full read access but no longer edit: a case is edited by its owner.
    // The new owner manages the grants, and may revoke the police's.
    let police = read_case(&world, "inv_a", case).await;
    assert_eq!(police["access"], "full");
    expect_error(
        world
            .app
            .patch(
                &format!("/api/v1/cases/{case}"),
                world.token("inv_a"),
                &json!({"version": version + 1, "place": "Нарын"}),
            )
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "owning agency",
    )
    .await;
    expect(
        world
            .app
            .get(
                &format!("/api/v1/cases/{case}/shares"),
                world.token("inv_a"),
            )
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let grants = expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case}/shares"), world.token("pros"))
            .await,
        StatusCode::OK,
    )
    .await;
    let grant = grants
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["origin"] == "transfer")
        .expect("transfer grant")
        .clone();
    assert_eq!(grant["agency_code"], "POLICE-A");
    assert_eq!(grant["level"], "full");
    assert_eq!(grant["id"], done["grant_id"]);
    expect(
        world
            .app
            .delete(
                &format!(
                    "/api/v1/cases/{case}/shares/{}",
                    grant["id"].as_str().unwrap()
                ),
                world.token("pros"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        world
            .status_of("inv_a", &format!("/api/v1/cases/{case}"))
            .await,
        StatusCode::NOT_FOUND,
        "revoked on the next request"
    );
    // The police registered the victim: their own record stays theirs.
    assert_eq!(
        world
            .status_of("inv_a", &format!("/api/v1/persons/{victim}"))
            .await,
        StatusCode::OK
    );
    // Outsiders see nothing.
    for user in ["inv_b", "ngo_a", "ngo_b"] {
        assert_eq!(
            world
                .status_of(user, &format!("/api/v1/cases/{case}"))
                .await,
            StatusCode::NOT_FOUND,
            "{user}"
        );
    }
    let actions = world.app.audit_actions(case).await;
    assert!(actions.iter().any(|a| a == "case.transfer"), "{actions:?}");
    let audit = world.app.audit_text().await;
    assert!(
        !audit.contains("Evidence gathered"),
        "free text in the audit log"
    );
}

#[tokio::test]
async fn transfer_keeps_the_status_unless_sent_to_a_prosecutor_under_investigation() {
    let world = World::new().await;
    // Registered (not yet investigated) and sent to the prosecutor: status unchanged.
    let case = world.case("inv_a", case_body()).await;
    let done = expect(
        transfer(
            &world,
            "inv_a",
            case,
            json!({"agency_code": "PROSECUTOR", "reason": "For review"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["status_after"], "registered");
    let history = expect(
        world
            .app
            .get(
                &format!("/api/v1/cases/{case}/history"),
                world.token("pros"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(history, json!([]));
    // Under investigation and handed to another police unit: status unchanged.
    let other = world.case("inv_a", case_body()).await;
    investigate(&world, other).await;
    let done = expect(
        transfer(
            &world,
            "inv_a",
            other,
            json!({"agency_code": "POLICE-B", "reason": "Jurisdiction"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["status_after"], "under_investigation");
    let owned = read_case(&world, "inv_b", other).await;
    assert_eq!(owned["access"], "owner");
    // The new owner may transfer it on; the first owner keeps its grant.
    expect(
        transfer(
            &world,
            "inv_b",
            other,
            json!({"agency_code": "PROSECUTOR", "reason": "Indictment"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(read_case(&world, "inv_a", other).await["access"], "full");
    assert_eq!(read_case(&world, "inv_b", other).await["access"], "full");
    assert_eq!(
        read_case(&world, "pros", other).await["status"],
        "sent_to_prosecutor"
    );
}

#[tokio::test]
async fn refused_transfers_change_nothing() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    let before = read_case(&world, "inv_a", case).await;
    let field_error = |response: reqwest::Response, field: &'static str| async move {
        let body = expect_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            field,
        )
        .await;
        assert_eq!(body["error"]["fields"][0]["field"], field);
    };
    for code in ["POLICE-A", "NOWHERE-9", "NGO-B", "SHELTER", "MINISTRY"] {
        field_error(
            transfer(
                &world,
                "inv_a",
                case,
                json!({"agency_code": code, "reason": "x"}),
            )
            .await,
            "agency_code",
        )
        .await;
    }
    field_error(
        transfer(&world, "inv_a", case, json!({"agency_code": "PROSECUTOR"})).await,
        "reason",
    )
    .await;
    field_error(
        transfer(&world, "inv_a", case, json!({"reason": "x"})).await,
        "agency_code",
    )
    .await;
    expect_error(
        transfer(
            &world,
            "inv_a",
            case,
            json!({"agency_code": "PROSECUTOR", "reason": "x", "version": 9}),
        )
        .await,
        StatusCode::CONFLICT,
        "version_conflict",
        "version 1",
    )
    .await;
    // A full grant is not ownership.
    expect_error(
        transfer(
            &world,
            "pros",
            case,
            json!({"agency_code": "POLICE-B", "reason": "x"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "owning agency",
    )
    .await;
    expect(
        transfer(
            &world,
            "inv_b",
            case,
            json!({"agency_code": "POLICE-B", "reason": "x"}),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let after = read_case(&world, "inv_a", case).await;
    assert_eq!(after["owner_agency"], before["owner_agency"]);
    assert_eq!(after["version"], before["version"]);
    assert_eq!(after["status"], before["status"]);
    assert!(
        !world
            .app
            .audit_actions(case)
            .await
            .iter()
            .any(|a| a == "case.transfer")
    );
}
