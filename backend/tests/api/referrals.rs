//! Referrals with consent: the full flow NGO → police → prosecutor with who sees what at every
//! step, anonymous referrals, illegal transitions, overdue counts and consent rules. Runs on
//! SQLite, and on PostgreSQL with `KORGON_TEST_DATABASE_URL`.

use korgon_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

fn step_body(step: &str) -> Value {
    match step {
        "decline" => json!({"reason": "No capacity"}),
        "open-case" => case_body(),
        _ => json!({}),
    }
}

/// Agencies that are party to nothing in the flow: they see nothing at any step.
async fn outsiders_see_nothing(world: &World, person: Uuid, referral: Uuid, case: Option<Uuid>) {
    for user in ["ngo_b", "inv_b"] {
        assert_eq!(
            world
                .status_of(user, &format!("/api/v1/persons/{person}"))
                .await,
            StatusCode::NOT_FOUND,
            "{user} reads the person"
        );
        assert_eq!(
            world
                .status_of(user, &format!("/api/v1/referrals/{referral}"))
                .await,
            StatusCode::NOT_FOUND,
            "{user} reads the referral"
        );
        let (status, body) = world.get_text(user, "/api/v1/referrals").await;
        assert_eq!(status, StatusCode::OK);
        let list: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(list["items"], json!([]), "{user}: {body}");
        assert_eq!(list["counts"]["submitted"], 0);
        let (status, body) = world.get_text(user, "/api/v1/persons").await;
        assert_eq!(status, StatusCode::OK);
        assert_absent(&body, &VICTIM_PII, user);
        assert!(!body.contains(&person.to_string()), "{user}: {body}");
        if let Some(case) = case {
            assert_eq!(
                world
                    .status_of(user, &format!("/api/v1/cases/{case}"))
                    .await,
                StatusCode::NOT_FOUND,
                "{user} reads the case"
            );
        }
    }
}

#[tokio::test]
async fn referral_full_flow_ngo_to_police_to_prosecutor() {
    let world = World::new().await;
    // The NGO registers the victim, contacts and notes included.
    let person = world.person("ngo_a", victim_body()).await;
    let person_text = person.to_string();

    // It refers her to the police with consent scope `identity`.
    let sent = world
        .refer(
            "ngo_a",
            &referral_body("POLICE-A", person, "victim", Some("identity")),
        )
        .await;
    let referral = id_of(&sent);
    assert_eq!(sent["status"], "submitted");
    assert_eq!(sent["direction"], "outgoing");
    assert_eq!(sent["person_id"], person_text);
    assert_eq!(sent["from_agency"], "NGO-A");
    assert_eq!(sent["to_agency"], "POLICE-A");
    assert_eq!(sent["consent"]["scope"], "identity");
    assert_eq!(sent["subject"]["sex"], "female");
    assert_eq!(sent["subject"]["citizenship"], "KG");
    assert_eq!(sent["subject"]["region"], "KG-N");
    assert_eq!(sent["version"], 1);
    outsiders_see_nothing(&world, person, referral, None).await;

    // Before acceptance the police see the request and the profile, nothing identifying.
    let (status, body) = world
        .get_text("inv_a", &format!("/api/v1/referrals/{referral}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_absent(&body, &VICTIM_PII, "incoming referral before acceptance");
    assert!(!body.contains(&person_text), "person id leaked: {body}");
    assert!(!body.contains("2004-03-15"), "birth date leaked: {body}");
    let incoming: Value = serde_json::from_str(&body).unwrap();
    assert!(incoming.get("person_id").is_none());
    assert_eq!(incoming["direction"], "incoming");
    assert_eq!(incoming["reason"], sent["reason"]);
    assert_eq!(incoming["needs"], json!(["shelter", "legal"]));
    assert_eq!(incoming["urgency"], "high");
    assert_eq!(incoming["consent"]["given_by"], "victim");
    assert_eq!(incoming["consent"]["scope"], "identity");
    assert_eq!(incoming["from_agency"], "NGO-A");
    assert_eq!(incoming["subject"]["age_band"], sent["subject"]["age_band"]);
    let (status, body) = world
        .get_text("inv_a", "/api/v1/referrals?direction=incoming")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_absent(&body, &VICTIM_PII, "inbox before acceptance");
    assert!(!body.contains(&person_text), "person id leaked: {body}");
    let inbox: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(inbox["items"].as_array().unwrap().len(), 1);
    assert_eq!(inbox["counts"]["submitted"], 1);
    assert_eq!(
        world
            .status_of("inv_a", &format!("/api/v1/persons/{person}"))
            .await,
        StatusCode::NOT_FOUND
    );
    let (_, persons) = world.get_text("inv_a", "/api/v1/persons").await;
    assert_absent(
        &persons,
        &VICTIM_PII,
        "police person list before acceptance",
    );

    // The police accept: the person becomes readable, without protected fields.
    let accepted = world.step_ok("inv_a", referral, "accept").await;
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["person_id"], person_text);
    assert!(accepted["responded_at"].is_string());
    assert_eq!(accepted["responded_by"], world.users["inv_a"].to_string());
    let (status, body) = world
        .get_text("inv_a", &format!("/api/v1/persons/{person}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_absent(&body, &VICTIM_PROTECTED, "identity consent");
    let seen: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(seen["given_name"], "Айгүл");
    assert_eq!(seen["pin"], "11503200400123");
    assert_eq!(seen["access"], "read");
    assert_eq!(seen["redacted"], json!(["phone", "address", "notes"]));
    outsiders_see_nothing(&world, person, referral, None).await;

    // The police open a case from the referral in one step: the victim is linked.
    let mut case_fields = case_body();
    case_fields["title"] = json!("Ала качуу, Нарын");
    let case = expect(
        world
            .step("inv_a", referral, "open-case", &case_fields)
            .await,
        StatusCode::CREATED,
    )
    .await;
    let case_id = id_of(&case);
    assert_eq!(case["owner_agency"], "POLICE-A");
    assert_eq!(case["parties"][0]["person_id"], person_text);
    assert_eq!(case["parties"][0]["role"], "victim");
    let after = expect(
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
    assert_eq!(after["opened_case_id"], case_id.to_string());
    // The case link does not widen the consent: still no protected fields.
    let (_, body) = world
        .get_text("inv_a", &format!("/api/v1/persons/{person}"))
        .await;
    assert_absent(
        &body,
        &VICTIM_PROTECTED,
        "consent scope after opening a case",
    );
    // A second case from the same referral is refused.
    expect_error(
        world
            .step("inv_a", referral, "open-case", &case_body())
            .await,
        StatusCode::CONFLICT,
        "invalid_state",
        "already",
    )
    .await;

    // A suspect, the investigation, and the transfer to the prosecutor's office.
    let suspect = world.person("inv_a", suspect_body()).await;
    world.party("inv_a", case_id, suspect, "suspect").await;
    let patched = expect(
        world
            .app
            .patch(
                &format!("/api/v1/cases/{case_id}"),
                world.token("inv_a"),
                &json!({"version": 1, "status": "under_investigation", "reason": "Statement taken"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let transfer = expect(
        world
            .app
            .post(
                &format!("/api/v1/cases/{case_id}/transfer"),
                world.token("inv_a"),
                &json!({"agency_code": "PROSECUTOR", "reason": "Investigation complete", "version": patched["version"]}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(transfer["status_before"], "under_investigation");
    assert_eq!(transfer["status_after"], "sent_to_prosecutor");
    assert_eq!(transfer["to_agency"], "PROSECUTOR");
    let history = expect(
        world
            .app
            .get(
                &format!("/api/v1/cases/{case_id}/history"),
                world.token("pros"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["field"], "status");
    assert_eq!(last["new_value"]["status"], "sent_to_prosecutor");
    assert_eq!(last["reason"], "Investigation complete");
    assert_eq!(last["agency_code"], "POLICE-A");

    // The prosecutor reads the case: owner now, victim and suspect listed.
    let read = expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case_id}"), world.token("pros"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(read["owner_agency"], "PROSECUTOR");
    assert_eq!(read["access"], "owner");
    assert_eq!(read["status"], "sent_to_prosecutor");
    let roles: Vec<&str> = read["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["victim", "suspect"]);
    assert!(
        read["parties"][0]["name"]
            .as_str()
            .unwrap()
            .contains("Айгүл")
    );
    let (status, body) = world
        .get_text("pros", &format!("/api/v1/persons/{person}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_absent(
        &body,
        &VICTIM_PROTECTED,
        "prosecutor under identity consent",
    );
    let police_view = expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case_id}"), world.token("inv_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(police_view["access"], "full");
    // The NGO sees neither the case nor the suspect.
    assert_eq!(
        world
            .status_of("ngo_a", &format!("/api/v1/cases/{case_id}"))
            .await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        world
            .status_of("ngo_a", &format!("/api/v1/persons/{suspect}"))
            .await,
        StatusCode::NOT_FOUND
    );
    outsiders_see_nothing(&world, person, referral, Some(case_id)).await;

    // The victim withdraws consent: the NGO revokes; the next request is refused.
    let revoked = world.step_ok("ngo_a", referral, "revoke").await;
    assert!(revoked["revoked_at"].is_string());
    assert_eq!(
        world.app.referral_grants(referral).await,
        (0, 1),
        "the person grant is revoked"
    );
    for user in ["inv_a", "pros"] {
        assert_eq!(
            world
                .status_of(user, &format!("/api/v1/persons/{person}"))
                .await,
            StatusCode::NOT_FOUND,
            "{user} after revocation"
        );
        let (status, body) = world
            .get_text(user, &format!("/api/v1/cases/{case_id}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_absent(&body, &VICTIM_PII, "case after revocation");
        let (_, persons) = world.get_text(user, "/api/v1/persons").await;
        assert_absent(&persons, &VICTIM_PII, "person list after revocation");
    }
    let (_, body) = world
        .get_text("inv_a", &format!("/api/v1/referrals/{referral}"))
        .await;
    assert!(
        !body.contains(&person_text),
        "the referral still shows the person: {body}"
    );
    outsiders_see_nothing(&world, person, referral, Some(case_id)).await;
    // The suspect, registered by the police, is still theirs to see.
    assert_eq!(
        world
            .status_of("pros", &format!("/api/v1/persons/{suspect}"))
            .await,
        StatusCode::OK
    );
    // The registering NGO keeps its record; revoking twice is refused.
    assert_eq!(
        world
            .status_of("ngo_a", &format!("/api/v1/persons/{person}"))
            .await,
        StatusCode::OK
    );
    expect_error(
        world.step("ngo_a", referral, "revoke", &json!({})).await,
        StatusCode::CONFLICT,
        "invalid_state",
        "already revoked",
    )
    .await;
    // The police close the referral; every step is in the audit log.
    let closed = world.step_ok("inv_a", referral, "close").await;
    assert_eq!(closed["status"], "closed");
    assert!(closed["closed_at"].is_string());
    let actions = world.app.audit_actions(referral).await;
    for action in [
        "referral.submit",
        "referral.read",
        "referral.accept",
        "referral.open_case",
        "referral.revoke",
        "referral.close",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    let audit = world.app.audit_text().await;
    assert_absent(&audit, &VICTIM_PII, "audit log");
    assert!(
        !audit.contains("Investigation complete"),
        "free text in audit"
    );
    assert!(!audit.contains("bride kidnapping"), "free text in audit");
}

#[tokio::test]
async fn referral_with_full_consent_shows_protected_fields_and_the_case() {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.party("inv_a", case, person, "victim").await;
    let mut body = referral_body("NGO-A", person, "victim", Some("full"));
    body["case_id"] = json!(case);
    let referral = id_of(&world.refer("inv_a", &body).await);
    // Before acceptance: neither the case nor the person.
    let (_, text) = world
        .get_text("ngo_a", &format!("/api/v1/referrals/{referral}"))
        .await;
    assert!(!text.contains(&case.to_string()), "{text}");
    assert_eq!(
        world
            .status_of("ngo_a", &format!("/api/v1/cases/{case}"))
            .await,
        StatusCode::NOT_FOUND
    );
    let accepted = world.step_ok("ngo_a", referral, "accept").await;
    assert_eq!(accepted["case_id"], case.to_string());
    assert_eq!(world.app.referral_grants(referral).await, (2, 0));
    let seen = expect(
        world
            .app
            .get(&format!("/api/v1/persons/{person}"), world.token("ngo_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(seen["access"], "full");
    assert_eq!(seen["phone"], "+996 555 123 456");
    let read = expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case}"), world.token("ngo_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(read["access"], "read");
    assert!(
        read.get("summary").is_none(),
        "NGO workers see no narrative"
    );
    // Revocation takes both away on the next request.
    world.step_ok("inv_a", referral, "revoke").await;
    assert_eq!(world.app.referral_grants(referral).await, (0, 2));
    for path in [
        format!("/api/v1/persons/{person}"),
        format!("/api/v1/cases/{case}"),
    ] {
        assert_eq!(
            world.status_of("ngo_a", &path).await,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn anonymous_referral_never_carries_identity() {
    let mut world = World::new().await;
    world
        .add_member("shelter", Role::NgoWorker, "SHELTER")
        .await;
    let person = world.person("ngo_a", victim_body()).await;
    let person_text = person.to_string();
    let mut needles: Vec<String> = VICTIM_PII.iter().map(|s| s.to_string()).collect();
    needles.push(person_text.clone());
    needles.push("2004-03-15".into());
    needles.push("Асанбек кызы".into());
    needles.push("Aigul Asanbekova".into());
    let needles: Vec<&str> = needles.iter().map(String::as_str).collect();

    let sent = world
        .refer("ngo_a", &referral_body("SHELTER", person, "none", None))
        .await;
    let referral = id_of(&sent);
    assert_eq!(sent["anonymous"], true);
    assert_eq!(sent["person_id"], person_text, "the sender keeps its link");
    assert!(sent["consent"]["scope"].is_null());

    // Every route the receiver can reach, at every step.
    let check = |body: String, what: &str| {
        assert_absent(&body, &needles, what);
    };
    let path = format!("/api/v1/referrals/{referral}");
    let (_, body) = world.get_text("shelter", &path).await;
    check(body, "anonymous referral, submitted");
    for query in [
        "",
        "?direction=incoming",
        "?status=submitted",
        "?overdue=false",
    ] {
        let (status, body) = world
            .get_text("shelter", &format!("/api/v1/referrals{query}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        check(body, "anonymous inbox");
    }
    let response = world
        .step("shelter", referral, "accept", &json!({"note": "Bed ready"}))
        .await;
    let body = response.text().await.unwrap();
    check(body.clone(), "anonymous accept");
    let accepted: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(accepted["status"], "accepted");
    assert!(accepted.get("person_id").is_none());
    assert_eq!(
        world.app.referral_grants(referral).await,
        (0, 0),
        "nothing granted"
    );
    assert_eq!(
        world
            .status_of("shelter", &format!("/api/v1/persons/{person}"))
            .await,
        StatusCode::NOT_FOUND
    );
    let (_, body) = world.get_text("shelter", &path).await;
    check(body, "anonymous referral, accepted");
    let (_, body) = world.get_text("shelter", "/api/v1/persons").await;
    check(body, "receiver's person list");
    let response = world
        .step("shelter", referral, "open-case", &case_body())
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "NGO workers open no cases"
    );
    check(response.text().await.unwrap(), "open-case refusal");
    let response = world.step("ngo_a", referral, "revoke", &json!({})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = world.step("shelter", referral, "close", &json!({})).await;
    check(response.text().await.unwrap(), "anonymous close");
    let (_, body) = world.get_text("shelter", &path).await;
    check(body, "anonymous referral, closed");
    let (_, body) = world
        .get_text(
            "shelter",
            "/api/v1/referrals?direction=incoming&status=closed",
        )
        .await;
    check(body, "closed inbox");
    // Declined, and refused steps: the receiver's answers carry nothing either.
    let declined = id_of(
        &world
            .refer("ngo_a", &referral_body("SHELTER", person, "none", None))
            .await,
    );
    for step in ["withdraw", "close", "revoke", "open-case"] {
        let response = world
            .step("shelter", declined, step, &step_body(step))
            .await;
        assert!(response.status().is_client_error(), "{step}");
        check(response.text().await.unwrap(), step);
    }
    let response = world
        .step(
            "shelter",
            declined,
            "decline",
            &json!({"reason": "No bed free"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    check(response.text().await.unwrap(), "anonymous decline");
    let (_, body) = world.get_text("shelter", "/api/v1/referrals").await;
    check(body, "inbox with a declined referral");

    // A police emergency referral without consent, with a case: the NGO accepting it gets
    // neither the case nor the person, and cannot open a case from it.
    let victim2 = world.person("inv_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.party("inv_a", case, victim2, "victim").await;
    let mut body = referral_body("NGO-A", victim2, "none", None);
    body["case_id"] = json!(case);
    let second = id_of(&world.refer("inv_a", &body).await);
    let mut needles2 = needles.clone();
    let victim2_text = victim2.to_string();
    let case_text = case.to_string();
    needles2.push(&victim2_text);
    needles2.push(&case_text);
    let (_, text) = world
        .get_text("ngo_a", &format!("/api/v1/referrals/{second}"))
        .await;
    assert_absent(&text, &needles2, "police anonymous referral");
    let response = world.step("ngo_a", second, "accept", &json!({})).await;
    assert_absent(&response.text().await.unwrap(), &needles2, "accept");
    assert_eq!(world.app.referral_grants(second).await, (0, 0));
    assert_eq!(
        world
            .status_of("ngo_a", &format!("/api/v1/cases/{case}"))
            .await,
        StatusCode::NOT_FOUND
    );
    let (_, text) = world
        .get_text("ngo_a", "/api/v1/referrals?direction=incoming")
        .await;
    assert_absent(&text, &needles2, "NGO inbox");

    // A minor referred with a guardian's consent: the guardian's name is recorded, shown to
    // the sender, and never reaches the audit log.
    let minor = world
        .person(
            "ngo_a",
            json!({"given_name": "Бүбүсара", "family_name": "Токтогулова", "sex": "female",
                   "date_of_birth": "2012-05-01", "pin": "10105201200777", "phone": "+996 777 000 111"}),
        )
        .await;
    let mut body = referral_body("SHELTER", minor, "guardian", Some("identity"));
    body["consent"]["guardian_name"] = json!("Гүлнара Осмонова");
    let guarded = world.refer("ngo_a", &body).await;
    assert_eq!(guarded["consent"]["guardian_name"], "Гүлнара Осмонова");
    assert_eq!(guarded["subject"]["age_band"], "12-17");
    let (_, text) = world
        .get_text("shelter", &format!("/api/v1/referrals/{}", id_of(&guarded)))
        .await;
    assert!(
        !text.contains("Осмонова"),
        "guardian shown before acceptance: {text}"
    );

    let audit = world.app.audit_text().await;
    assert_absent(&audit, &VICTIM_PII, "audit log");
    assert_absent(
        &audit,
        &[
            "Осмонова",
            "Гүлнара",
            "Бүбүсара",
            "Токтогулова",
            "10105201200777",
            "777 000 111",
            "Bed ready",
        ],
        "audit log",
    );
}

#[tokio::test]
async fn illegal_transitions_are_refused_and_change_nothing() {
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
    let path = format!("/api/v1/referrals/{referral}");
    let snapshot = || async {
        let body = expect(
            world.app.get(&path, world.token("ngo_a")).await,
            StatusCode::OK,
        )
        .await;
        (
            body["status"].clone(),
            body["version"].clone(),
            world.app.referral_grants(referral).await,
        )
    };
    let before = snapshot().await;
    assert_eq!(before.0, "submitted");

    // Decline without a reason: 422 naming `reason`.
    for body in [json!({}), json!({"reason": "   "})] {
        let error = expect_error(
            world.step("inv_a", referral, "decline", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "reason",
        )
        .await;
        assert_eq!(error["error"]["fields"][0]["field"], "reason");
    }
    // A decline with no body at all is the same.
    let response = world
        .app
        .request(
            reqwest::Method::POST,
            &format!("{path}/decline"),
            Some(world.token("inv_a")),
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The wrong side, or the wrong state: 409 naming the current state.
    for (user, step) in [
        ("inv_a", "withdraw"),
        ("ngo_a", "accept"),
        ("ngo_a", "decline"),
        ("inv_a", "close"),
        ("ngo_a", "close"),
        ("inv_a", "revoke"),
        ("ngo_a", "revoke"),
        ("inv_a", "open-case"),
    ] {
        let body = match step {
            "decline" => json!({"reason": "No capacity"}),
            "open-case" => case_body(),
            _ => json!({}),
        };
        expect_error(
            world.step(user, referral, step, &body).await,
            StatusCode::CONFLICT,
            "invalid_state",
            "`submitted`",
        )
        .await;
    }
    // Roles that never touch referrals: 403; other agencies: 404.
    for user in ["admin", "analyst", "auditor"] {
        for step in ["accept", "decline", "withdraw", "close", "revoke"] {
            let body = if step == "decline" {
                json!({"reason": "x"})
            } else {
                json!({})
            };
            expect_error(
                world.step(user, referral, step, &body).await,
                StatusCode::FORBIDDEN,
                "forbidden",
                "may not",
            )
            .await;
        }
    }
    for user in ["pros", "inv_b", "ngo_b"] {
        expect(
            world.step(user, referral, "accept", &json!({})).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    // A stale version: 409 version_conflict.
    expect_error(
        world
            .step("inv_a", referral, "accept", &json!({"version": 7}))
            .await,
        StatusCode::CONFLICT,
        "version_conflict",
        "version 1",
    )
    .await;
    assert_eq!(snapshot().await, before, "nothing changed");

    // Accept once; accepting twice, declining or withdrawing afterwards is refused.
    let accepted = expect(
        world
            .step(
                "inv_a",
                referral,
                "accept",
                &json!({"version": 1, "note": "We take it"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(accepted["response_note"], "We take it");
    let after_accept = snapshot().await;
    assert_eq!(after_accept.0, "accepted");
    assert_eq!(after_accept.2, (1, 0));
    for (user, step) in [
        ("inv_a", "accept"),
        ("inv_a", "decline"),
        ("ngo_a", "withdraw"),
    ] {
        let body = if step == "decline" {
            json!({"reason": "Changed our mind"})
        } else {
            json!({"note": "Changed our mind"})
        };
        expect_error(
            world.step(user, referral, step, &body).await,
            StatusCode::CONFLICT,
            "invalid_state",
            "`accepted`",
        )
        .await;
    }
    assert_eq!(snapshot().await, after_accept, "nothing changed");

    // Withdraw a second referral; accepting it afterwards is refused and grants nothing.
    let other = world.person("ngo_a", suspect_body()).await;
    let second = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", other, "victim", Some("full")),
            )
            .await,
    );
    let withdrawn = world.step_ok("ngo_a", second, "withdraw").await;
    assert_eq!(withdrawn["status"], "withdrawn");
    assert!(withdrawn["withdrawn_at"].is_string());
    for step in ["accept", "close"] {
        expect_error(
            world.step("inv_a", second, step, &json!({})).await,
            StatusCode::CONFLICT,
            "invalid_state",
            "`withdrawn`",
        )
        .await;
    }
    let still = expect(
        world
            .app
            .get(&format!("/api/v1/referrals/{second}"), world.token("inv_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(still["status"], "withdrawn");
    assert_eq!(still["version"], withdrawn["version"]);
    assert_eq!(world.app.referral_grants(second).await, (0, 0));
    assert_eq!(
        world
            .status_of("inv_a", &format!("/api/v1/persons/{other}"))
            .await,
        StatusCode::NOT_FOUND
    );

    // A declined referral grants nothing and keeps its reason.
    let third_person = world
        .person("ngo_a", json!({"given_name": "Нурлан", "sex": "male"}))
        .await;
    let third = id_of(
        &world
            .refer(
                "ngo_a",
                &referral_body("POLICE-A", third_person, "victim", Some("identity")),
            )
            .await,
    );
    let declined = expect(
        world
            .step(
                "inv_a",
                third,
                "decline",
                &json!({"reason": "Outside our district"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(declined["status"], "declined");
    assert_eq!(declined["response_note"], "Outside our district");
    assert_eq!(world.app.referral_grants(third).await, (0, 0));
    let seen_by_sender = expect(
        world
            .app
            .get(&format!("/api/v1/referrals/{third}"), world.token("ngo_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(seen_by_sender["response_note"], "Outside our district");
}

#[tokio::test]
async fn referral_overdue_counts_follow_the_setting() {
    for (days, expected) in [(3u32, 1i64), (5, 0), (0, 2)] {
        let world = World::on(spawn_app_with(|s| s.referral_overdue_days = days).await).await;
        let old = world.person("ngo_a", victim_body()).await;
        let recent = world.person("ngo_a", suspect_body()).await;
        let old_ref = id_of(
            &world
                .refer(
                    "ngo_a",
                    &referral_body("POLICE-A", old, "victim", Some("identity")),
                )
                .await,
        );
        let recent_ref = id_of(
            &world
                .refer(
                    "ngo_a",
                    &referral_body("POLICE-A", recent, "victim", Some("identity")),
                )
                .await,
        );
        world.app.backdate_referral(old_ref, 4).await;
        world.app.backdate_referral(recent_ref, 1).await;
        for (user, direction) in [("inv_a", "incoming"), ("ngo_a", "outgoing")] {
            let inbox = expect(
                world
                    .app
                    .get(
                        &format!("/api/v1/referrals?direction={direction}"),
                        world.token(user),
                    )
                    .await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(inbox["counts"]["overdue"], expected, "{days} days, {user}");
            assert_eq!(inbox["counts"]["submitted"], 2);
            let flagged = inbox["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["overdue"] == true)
                .count() as i64;
            assert_eq!(flagged, expected);
        }
        let only = expect(
            world
                .app
                .get("/api/v1/referrals?overdue=true", world.token("inv_a"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(only["items"].as_array().unwrap().len() as i64, expected);
        if days == 3 {
            assert_eq!(only["items"][0]["id"], old_ref.to_string());
            // Answered, it is no longer overdue.
            world.step_ok("inv_a", old_ref, "accept").await;
            let inbox = expect(
                world
                    .app
                    .get("/api/v1/referrals?direction=incoming", world.token("inv_a"))
                    .await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(inbox["counts"]["overdue"], 0);
            assert_eq!(inbox["counts"]["accepted"], 1);
            assert_eq!(inbox["counts"]["submitted"], 1);
            // The other direction of the same agency is empty.
            let outgoing = expect(
                world
                    .app
                    .get("/api/v1/referrals?direction=outgoing", world.token("inv_a"))
                    .await,
                StatusCode::OK,
            )
            .await;
            assert_eq!(outgoing["items"], json!([]));
            assert_eq!(outgoing["counts"]["accepted"], 0);
        }
    }
}

#[tokio::test]
async fn referral_inbox_pages_and_filters() {
    let world = World::new().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let person = world
            .person("ngo_a", json!({"given_name": format!("Victim{}", "abcde".chars().nth(i).unwrap()), "sex": "female"}))
            .await;
        ids.push(id_of(
            &world
                .refer(
                    "ngo_a",
                    &referral_body("POLICE-A", person, "victim", Some("identity")),
                )
                .await,
        ));
    }
    world.step_ok("inv_a", ids[0], "accept").await;
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = expect(
            world
                .app
                .get(
                    &format!("/api/v1/referrals?direction=incoming&limit=2{cursor}"),
                    world.token("inv_a"),
                )
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(page["counts"]["submitted"], 4);
        assert_eq!(page["counts"]["accepted"], 1);
        for item in page["items"].as_array().unwrap() {
            seen.push(id_of(item));
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => break,
        }
    }
    let mut newest_first = ids.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first);
    let accepted = expect(
        world
            .app
            .get("/api/v1/referrals?status=accepted", world.token("inv_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(accepted["items"].as_array().unwrap().len(), 1);
    assert_eq!(accepted["items"][0]["id"], ids[0].to_string());
    for bad in [
        "direction=sideways",
        "status=lost",
        "limit=0",
        "cursor=nope",
        "colour=red",
    ] {
        expect(
            world
                .app
                .get(&format!("/api/v1/referrals?{bad}"), world.token("inv_a"))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
}

#[tokio::test]
async fn referral_consent_and_input_rules() {
    let world = World::new().await;
    let adult = world.person("ngo_a", victim_body()).await;
    let minor = world
        .person(
            "ngo_a",
            json!({"given_name": "Бүбүсара", "sex": "female", "date_of_birth": "2012-05-01"}),
        )
        .await;
    let field_error = |response: reqwest::Response, field: &'static str| async move {
        let body = expect_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            field,
        )
        .await;
        let fields: Vec<&str> = body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert!(fields.contains(&field), "{field} not in {fields:?}");
        assert_absent(&body.to_string(), &VICTIM_PII, "error body");
        body
    };
    let post = |body: Value| {
        let world = &world;
        async move {
            world
                .app
                .post("/api/v1/referrals", world.token("ngo_a"), &body)
                .await
        }
    };

    // A minor needs a guardian, with a name.
    field_error(
        post(referral_body("POLICE-A", minor, "victim", Some("identity"))).await,
        "consent.given_by",
    )
    .await;
    field_error(
        post(referral_body(
            "POLICE-A",
            minor,
            "guardian",
            Some("identity"),
        ))
        .await,
        "consent.guardian_name",
    )
    .await;
    let mut guarded = referral_body("POLICE-A", minor, "guardian", Some("identity"));
    guarded["consent"]["guardian_name"] = json!("Гүлнара Осмонова");
    expect(post(guarded).await, StatusCode::CREATED).await;

    // Consent given in the future; no consent at all; a scope without consent.
    let mut future = referral_body("POLICE-A", adult, "victim", Some("identity"));
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    future["consent"]["given_on"] = json!(tomorrow.to_string());
    field_error(post(future).await, "consent.given_on").await;
    let mut missing = referral_body("POLICE-A", adult, "victim", Some("identity"));
    missing.as_object_mut().unwrap().remove("consent");
    field_error(post(missing).await, "consent").await;
    field_error(
        post(referral_body("POLICE-A", adult, "none", Some("identity"))).await,
        "consent.scope",
    )
    .await;
    field_error(
        post(referral_body("POLICE-A", adult, "victim", None)).await,
        "consent.scope",
    )
    .await;

    // The receiving agency: own, unknown, deactivated-free but not taking referrals.
    for agency in ["NGO-A", "NOWHERE-1", "MINISTRY", "not a code!"] {
        field_error(
            post(referral_body(agency, adult, "victim", Some("identity"))).await,
            "to_agency",
        )
        .await;
    }
    // A person or case outside the sender's scope.
    let elsewhere = world.person("inv_b", suspect_body()).await;
    field_error(
        post(referral_body(
            "POLICE-A",
            elsewhere,
            "victim",
            Some("identity"),
        ))
        .await,
        "person_id",
    )
    .await;
    let foreign_case = world.case("inv_b", case_body()).await;
    let mut with_case = referral_body("POLICE-A", adult, "victim", Some("identity"));
    with_case["case_id"] = json!(foreign_case);
    field_error(post(with_case).await, "case_id").await;
    // A reason naming the victim, or giving her telephone.
    for reason in ["Айгүл needs a shelter", "Call her on +996 555 123 456"] {
        let mut body = referral_body("POLICE-A", adult, "victim", Some("identity"));
        body["reason"] = json!(reason);
        field_error(post(body).await, "reason").await;
    }
    // Unknown needs and unknown fields.
    let mut body = referral_body("POLICE-A", adult, "victim", Some("identity"));
    body["needs"] = json!(["shelter", "money"]);
    field_error(post(body).await, "needs[1]").await;
    let mut body = referral_body("POLICE-A", adult, "victim", Some("identity"));
    body["colour"] = json!("red");
    expect(post(body).await, StatusCode::UNPROCESSABLE_ENTITY).await;

    // The same person to the same agency while one awaits an answer: 409.
    let body = referral_body("POLICE-A", adult, "victim", Some("identity"));
    let first = id_of(&expect(post(body.clone()).await, StatusCode::CREATED).await);
    expect_error(
        post(body).await,
        StatusCode::CONFLICT,
        "duplicate",
        "awaiting",
    )
    .await;

    // An agency with read access may not widen it: `full` is refused to the police.
    world.step_ok("inv_a", first, "accept").await;
    let onward = world
        .app
        .post(
            "/api/v1/referrals",
            world.token("inv_a"),
            &referral_body("NGO-B", adult, "victim", Some("full")),
        )
        .await;
    field_error(onward, "consent.scope").await;
    let onward = world
        .app
        .post(
            "/api/v1/referrals",
            world.token("inv_a"),
            &referral_body("NGO-B", adult, "victim", Some("identity")),
        )
        .await;
    assert_eq!(onward.status(), StatusCode::CREATED);
}
