//! Court proceedings: prosecutors with full or owner access record them, law enforcement with
//! access reads them, everyone else is refused; input errors name their fields.

use korgon_domain::AgencyKind;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// The routes whose role × scope matrix lives in this file; `access_matrix` counts them as
/// covered and checks each refuses a request without a token.
pub const ROUTES: [(&str, &str); 2] = [
    ("POST", "/api/v1/cases/{id}/court-proceedings"),
    ("GET", "/api/v1/cases/{id}/court-proceedings"),
];

/// A world with a court, a case of POLICE-A shared in full with the prosecutor's office and
/// brought to court, with a victim and a suspect.
struct Court {
    world: World,
    case: Uuid,
    victim: Uuid,
    suspect: Uuid,
}

async fn patch_status(world: &World, user: &str, case: Uuid, status: &str) {
    let path = format!("/api/v1/cases/{case}");
    let current = expect(
        world.app.get(&path, world.token(user)).await,
        StatusCode::OK,
    )
    .await;
    let body = json!({"version": current["version"], "status": status, "reason": "next step"});
    expect(
        world.app.patch(&path, world.token(user), &body).await,
        StatusCode::OK,
    )
    .await;
}

async fn court_world() -> Court {
    let world = World::new().await;
    world.app.add_agency("COURT-A", AgencyKind::Court).await;
    let case = world.case("inv_a", case_body()).await;
    let victim = world.person("inv_a", victim_body()).await;
    let suspect = world.person("inv_a", suspect_body()).await;
    world.party("inv_a", case, victim, "victim").await;
    world.party("inv_a", case, suspect, "suspect").await;
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    patch_status(&world, "inv_a", case, "under_investigation").await;
    patch_status(&world, "inv_a", case, "sent_to_prosecutor").await;
    patch_status(&world, "pros", case, "in_court").await;
    Court {
        world,
        case,
        victim,
        suspect,
    }
}

fn decision(suspect: Uuid, number: &str) -> Value {
    json!({
        "court_agency": "COURT-A",
        "court_case_number": number,
        "instance": "first",
        "decision_date": "2025-09-01",
        "defendants": [{
            "person_id": suspect,
            "articles": [{"edition": 2021, "article": "172", "part": "1"}],
            "verdict": "convicted",
            "sentence": {"kind": "imprisonment", "months": 60, "suspended": false}
        }]
    })
}

fn path(case: Uuid) -> String {
    format!("/api/v1/cases/{case}/court-proceedings")
}

#[tokio::test]
async fn a_prosecutor_records_and_law_enforcement_reads() {
    let c = court_world().await;
    let created = expect(
        c.world
            .app
            .post(
                &path(c.case),
                c.world.token("pros"),
                &decision(c.suspect, "1-17/2025"),
            )
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["court_agency"], "COURT-A");
    assert_eq!(created["instance"], "first");
    assert_eq!(created["recorded_by_agency"], "PROSECUTOR");
    assert_eq!(created["defendants"][0]["verdict"], "convicted");
    assert_eq!(created["defendants"][0]["sentence"]["months"], 60);
    assert_eq!(created["defendants"][0]["name"], "Жээнбеков Бакыт");
    for reader in ["inv_a", "pros"] {
        let list = expect(
            c.world.app.get(&path(c.case), c.world.token(reader)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(list.as_array().unwrap().len(), 1, "{reader}");
        assert_eq!(list[0]["court_case_number"], "1-17/2025");
        assert_eq!(list[0]["defendants"][0]["articles"][0]["article"], "172");
    }
    // Both the recording and the reads are in the audit log, with ids only.
    let audit = expect(
        c.world
            .app
            .get("/api/v1/audit?limit=200", c.world.token("auditor"))
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"court.record"), "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "court.list").count(), 2);
    assert_absent(&audit.to_string(), &["Жээнбеков", "1-17/2025"], "audit");
}

#[tokio::test]
async fn role_matrix_of_the_court_routes() {
    let c = court_world().await;
    let body = decision(c.suspect, "1-18/2025");
    // Recording: prosecutors only; everyone else 403 whatever their scope.
    for user in ["admin", "inv_a", "inv_b", "ngo_a", "analyst", "auditor"] {
        expect_error(
            c.world
                .app
                .post(&path(c.case), c.world.token(user), &body)
                .await,
            StatusCode::FORBIDDEN,
            "forbidden",
            "",
        )
        .await;
    }
    let anonymous = c
        .world
        .app
        .request(reqwest::Method::POST, &path(c.case), None, Some(&body))
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    expect(
        c.world
            .app
            .post(&path(c.case), c.world.token("pros"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    // Reading: investigators and prosecutors with access; out of scope 404; others 403.
    for (user, status) in [
        ("inv_a", StatusCode::OK),
        ("pros", StatusCode::OK),
        ("inv_b", StatusCode::NOT_FOUND),
        ("ngo_a", StatusCode::FORBIDDEN),
        ("admin", StatusCode::FORBIDDEN),
        ("analyst", StatusCode::FORBIDDEN),
        ("auditor", StatusCode::FORBIDDEN),
    ] {
        let response = c.world.app.get(&path(c.case), c.world.token(user)).await;
        assert_eq!(response.status(), status, "GET as {user}");
    }
    let anonymous = c
        .world
        .app
        .request(reqwest::Method::GET, &path(c.case), None, None)
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn prosecutors_need_full_access_and_scope() {
    let world = World::new().await;
    world.app.add_agency("COURT-A", AgencyKind::Court).await;
    let case = world.case("inv_a", case_body()).await;
    let suspect = world.person("inv_a", suspect_body()).await;
    world.party("inv_a", case, suspect, "suspect").await;
    let body = decision(suspect, "1-19/2025");
    // Not shared: out of scope.
    expect_error(
        world
            .app
            .post(&path(case), world.token("pros"), &body)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
        "case",
    )
    .await;
    let response = world.app.get(&path(case), world.token("pros")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A read grant lets the prosecutor read, not record.
    world.share("inv_a", case, "PROSECUTOR", "read").await;
    expect_error(
        world
            .app
            .post(&path(case), world.token("pros"), &body)
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "read-only",
    )
    .await;
    let list = expect(
        world.app.get(&path(case), world.token("pros")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list, json!([]));
    // With a full grant, a case that never was in court cannot get a decision.
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    expect_error(
        world
            .app
            .post(&path(case), world.token("pros"), &body)
            .await,
        StatusCode::CONFLICT,
        "invalid_state",
        "in court",
    )
    .await;
}

#[tokio::test]
async fn bad_decisions_name_their_fields() {
    let c = court_world().await;
    let token = c.world.token("pros");
    let mut body = decision(c.victim, "1-20/2025");
    body["court_agency"] = json!("POLICE-A");
    let err = expect(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields: Vec<&str> = err["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["court_agency", "defendants[0].person_id"]);
    let mut body = decision(c.suspect, "1-20/2025");
    body["defendants"][0]["sentence"] = Value::Null;
    body["decision_date"] = json!("2099-01-01");
    let err = expect(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields: Vec<&str> = err["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["decision_date", "defendants[0].sentence"]);
    let mut body = decision(c.suspect, "1-20/2025");
    body["decision_date"] = json!("2020-01-01");
    expect_error(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "decision_date",
    )
    .await;
    body["instance"] = json!("retrial");
    expect_error(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "instance",
    )
    .await;
    // One court, one number.
    let body = decision(c.suspect, "1-21/2025");
    expect(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::CREATED,
    )
    .await;
    expect_error(
        c.world.app.post(&path(c.case), token, &body).await,
        StatusCode::CONFLICT,
        "duplicate",
        "1-21/2025",
    )
    .await;
}

#[tokio::test]
async fn a_defendant_out_of_reach_is_not_named() {
    // An NGO registers a person and refers them to the police with full consent; the police
    // link them as a suspect, and the case goes to court.
    let c = court_world().await;
    let world = &c.world;
    let person = world.person("ngo_a", victim_body()).await;
    let referral = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", person, "victim", Some("full")),
            )
            .await,
    );
    world.step_ok("inv_a", referral, "accept").await;
    world.party("inv_a", c.case, person, "suspect").await;
    let mut body = decision(c.suspect, "1-19/2025");
    body["defendants"].as_array_mut().unwrap().push(json!({
        "person_id": person,
        "articles": [{"edition": 2021, "article": "172", "part": "1"}],
        "verdict": "acquitted"
    }));
    let created = expect(
        world
            .app
            .post(&path(c.case), world.token("pros"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        created["defendants"][1]["name"],
        "Асанбекова Айгүл Асанбек кызы"
    );

    // Consent withdrawn: the NGO revokes the referral. The decision still lists the defendant
    // by id, but neither the police (whose grant carried the link) nor the prosecutor names them.
    world.step_ok("ngo_a", referral, "revoke").await;
    for reader in ["inv_a", "pros"] {
        let (status, text) = world.get_text(reader, &path(c.case)).await;
        assert_eq!(status, StatusCode::OK, "{reader}: {text}");
        let list: Value = serde_json::from_str(&text).unwrap();
        let defendants = list[0]["defendants"].as_array().unwrap();
        assert_eq!(defendants.len(), 2, "{reader}");
        let named: Vec<(&str, Option<&str>)> = defendants
            .iter()
            .map(|d| (d["person_id"].as_str().unwrap(), d["name"].as_str()))
            .collect();
        assert!(
            named.contains(&(c.suspect.to_string().as_str(), Some("Жээнбеков Бакыт"))),
            "{reader}: {named:?}"
        );
        assert!(
            named.contains(&(person.to_string().as_str(), None)),
            "{reader}: {named:?}"
        );
        assert_absent(&text, &VICTIM_PII, reader);
    }
}
