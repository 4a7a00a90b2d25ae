//! Cases: creation and references, reading and paging, reclassification with reasons and
//! history, the status lifecycle, what NGO workers and prosecutors see and may change, shares.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// A case opened on `date` with `title`.
fn case_on(date: &str, title: &str, region: &str) -> Value {
    json!({"title": title, "region": region, "exploitation_forms": ["forced_labour"], "opened_on": date})
}

/// PATCHes a case as `user` with the stored version merged into `body`.
async fn patch(world: &World, user: &str, case: Uuid, mut body: Value) -> reqwest::Response {
    body["version"] = json!(world.app.version(Table::Case, case).await);
    world.patch_case(user, case, &body).await
}

#[tokio::test]
async fn cases_are_created_read_and_listed_page_by_page() {
    let world = World::new().await;
    let created = expect(
        world
            .app
            .post("/api/v1/cases", world.token("inv_a"), &case_body())
            .await,
        StatusCode::CREATED,
    )
    .await;
    let case = id_of(&created);
    let read = expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
    for field in [
        "title",
        "summary",
        "region",
        "place",
        "exploitation_forms",
        "articles",
        "opened_on",
    ] {
        assert_eq!(read[field], case_body()[field], "{field}");
    }
    assert_eq!(read["status"], "registered");
    assert_eq!(read["version"], 1);
    assert_eq!(read["owner_agency"], "POLICE-A");
    assert_eq!(read["access"], "owner");
    assert_eq!(read["reference"], created["reference"]);
    // Seven cases in all; pages of three walk every one exactly once, newest first.
    let mut ids = vec![case];
    for i in 0..6 {
        let region = if i % 2 == 0 { "KG-T" } else { "KG-O" };
        ids.push(
            world
                .case("inv_a", case_on("2025-05-01", &format!("Case {i}"), region))
                .await,
        );
    }
    world
        .case("inv_b", case_on("2025-05-01", "Not ours", "KG-T"))
        .await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let query = match &cursor {
            Some(c) => format!("limit=3&cursor={c}"),
            None => "limit=3".to_owned(),
        };
        let page = expect(world.list_cases("inv_a", &query).await, StatusCode::OK).await;
        pages += 1;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 3);
        seen.extend(items.iter().map(id_of));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    ids.reverse();
    assert_eq!(seen, ids, "every case once, newest first");
    // Filters.
    let page = expect(
        world.list_cases("inv_a", "region=KG-T").await,
        StatusCode::OK,
    )
    .await;
    let regions: BTreeSet<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, BTreeSet::from(["KG-T"]));
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    patch(
        &world,
        "inv_a",
        case,
        json!({"status": "under_investigation", "reason": "opened"}),
    )
    .await;
    let page = expect(
        world
            .list_cases("inv_a", "status=under_investigation")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(id_of)
            .collect::<Vec<_>>(),
        [case]
    );
}

#[tokio::test]
async fn references_are_sequential_per_year_and_kept_references_are_honoured() {
    let world = World::new().await;
    let reference = |body: Value| {
        let world = &world;
        async move {
            let created = expect(
                world
                    .app
                    .post("/api/v1/cases", world.token("inv_a"), &body)
                    .await,
                StatusCode::CREATED,
            )
            .await;
            created["reference"].as_str().unwrap().to_owned()
        }
    };
    assert_eq!(
        reference(case_on("2024-02-01", "a", "KG-C")).await,
        "KG-2024-000001"
    );
    assert_eq!(
        reference(case_on("2024-12-31", "b", "KG-C")).await,
        "KG-2024-000002"
    );
    assert_eq!(
        reference(case_on("2025-01-01", "c", "KG-C")).await,
        "KG-2025-000001"
    );
    let mut kept = case_on("2019-03-03", "legacy", "KG-C");
    kept["reference"] = json!("kg-2024-000003");
    assert_eq!(
        reference(kept.clone()).await,
        "KG-2024-000003",
        "kept, upper-cased"
    );
    assert_eq!(
        reference(case_on("2024-06-01", "d", "KG-C")).await,
        "KG-2024-000004",
        "numbering skips the kept reference"
    );
    let response = world
        .app
        .post("/api/v1/cases", world.token("inv_b"), &kept)
        .await;
    expect_error(
        response,
        StatusCode::CONFLICT,
        "duplicate",
        "KG-2024-000003",
    )
    .await;
    assert_eq!(world.app.count("cases").await, 5);
}

#[tokio::test]
async fn reclassification_needs_a_reason_and_every_change_is_kept() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let articles = json!([{"edition": 2021, "article": "166", "part": "2"}]);
    let response = patch(&world, "inv_a", case, json!({"articles": articles})).await;
    let body = expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "reason",
    )
    .await;
    assert_eq!(body["error"]["fields"][0]["field"], "reason");
    assert_eq!(
        world.app.version(Table::Case, case).await,
        1,
        "nothing changed"
    );
    // Narrative edits need no reason and leave no history.
    expect(
        patch(&world, "inv_a", case, json!({"title": "Renamed"})).await,
        StatusCode::OK,
    )
    .await;
    // Re-sending the same classification is no reclassification.
    let same =
        json!({"articles": case_body()["articles"], "exploitation_forms": ["forced_marriage"]});
    expect(patch(&world, "inv_a", case, same).await, StatusCode::OK).await;
    let body = json!({"articles": articles, "reason": "the victim was sold, not abducted"});
    expect(patch(&world, "inv_a", case, body).await, StatusCode::OK).await;
    let body = json!({
        "exploitation_forms": ["sexual_exploitation", "forced_marriage"],
        "status": "under_investigation",
        "reason": "medical evidence"
    });
    let updated = expect(patch(&world, "inv_a", case, body).await, StatusCode::OK).await;
    assert_eq!(updated["status"], "under_investigation");
    let history = expect(world.history("inv_a", case).await, StatusCode::OK).await;
    let history = history.as_array().unwrap();
    let fields: Vec<&str> = history
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["articles", "exploitation_forms", "status"],
        "{history:?}"
    );
    let first = &history[0];
    assert_eq!(first["old_value"], case_body()["articles"]);
    assert_eq!(first["new_value"], articles);
    assert_eq!(first["reason"], "the victim was sold, not abducted");
    assert_eq!(first["changed_by"], json!(world.users["inv_a"]));
    assert_eq!(first["agency_code"], "POLICE-A");
    assert!(first["changed_at"].as_str().unwrap().starts_with("20"));
    assert_eq!(history[1]["old_value"], json!(["forced_marriage"]));
    assert_eq!(
        history[1]["new_value"],
        json!(["forced_marriage", "sexual_exploitation"])
    );
    assert_eq!(
        history[2]["old_value"],
        json!({"status": "registered", "closure_reason": null})
    );
    assert_eq!(
        history[2]["new_value"],
        json!({"status": "under_investigation", "closure_reason": null})
    );
    assert_eq!(history[2]["reason"], "medical evidence");
    // The same forms again, in another order: no reclassification, so no reason needed.
    let same = json!({"exploitation_forms": ["forced_marriage", "sexual_exploitation"]});
    expect(patch(&world, "inv_a", case, same).await, StatusCode::OK).await;
    let again = expect(world.history("inv_a", case).await, StatusCode::OK).await;
    assert_eq!(again.as_array().unwrap().len(), 3, "{again}");
}

#[tokio::test]
async fn status_follows_the_lifecycle_and_verdicts_need_a_court() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let to = |status: &str| json!({"status": status, "reason": format!("now {status}")});
    let close =
        |reason: &str| json!({"status": "closed", "closure_reason": reason, "reason": "closing"});
    let response = patch(&world, "inv_a", case, to("in_court")).await;
    expect_error(
        response,
        StatusCode::CONFLICT,
        "invalid_state",
        "`registered`",
    )
    .await;
    let response = patch(&world, "inv_a", case, close("convicted")).await;
    let body = expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "closure_reason",
    )
    .await;
    assert_eq!(body["error"]["fields"][0]["field"], "closure_reason");
    for status in [
        "under_investigation",
        "sent_to_prosecutor",
        "under_investigation",
        "sent_to_prosecutor",
        "in_court",
    ] {
        let updated = expect(
            patch(&world, "inv_a", case, to(status)).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(updated["status"], status);
    }
    let closed = expect(
        patch(&world, "inv_a", case, close("convicted")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["closure_reason"], "convicted");
    assert!(closed["closed_on"].is_string());
    let response = patch(&world, "inv_a", case, to("in_court")).await;
    expect_error(response, StatusCode::CONFLICT, "invalid_state", "`closed`").await;
    let reopened = expect(
        patch(&world, "inv_a", case, to("under_investigation")).await,
        StatusCode::OK,
    )
    .await;
    assert!(
        reopened["closed_on"].is_null() && reopened["closure_reason"].is_null(),
        "{reopened}"
    );
    // Outside court, a case closes for other reasons only — also when a closed case's reason
    // is changed afterwards.
    let dismissed = expect(
        patch(&world, "inv_a", case, close("dismissed")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(dismissed["closure_reason"], "dismissed");
    for verdict in ["convicted", "acquitted"] {
        let response = patch(&world, "inv_a", case, close(verdict)).await;
        expect_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "closure_reason",
        )
        .await;
    }
    let merged = expect(
        patch(&world, "inv_a", case, close("merged")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(merged["closure_reason"], "merged");
    let history = expect(world.history("inv_a", case).await, StatusCode::OK).await;
    assert_eq!(history.as_array().unwrap().len(), 9, "{history}");
}

#[tokio::test]
async fn ngo_workers_see_shared_cases_without_narrative_suspects_or_witnesses() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let victim = world.person("inv_a", victim_body()).await;
    let suspect = world.person("inv_a", suspect_body()).await;
    let witness = world
        .person(
            "inv_a",
            json!({"given_name": "Гүлнара", "family_name": "Куч"}),
        )
        .await;
    world.party("inv_a", case, victim, "victim").await;
    world.party("inv_a", case, suspect, "suspect").await;
    world.party("inv_a", case, witness, "witness").await;
    world.share("inv_a", case, "NGO-A", "read").await;
    let seen = world.get_case("ngo_a", case).await.text().await.unwrap();
    let body: Value = serde_json::from_str(&seen).unwrap();
    for field in ["title", "summary", "place"] {
        assert!(body.get(field).is_none(), "{field} shown: {seen}");
    }
    assert_absent(&seen, &CASE_NARRATIVE, "NGO case view");
    assert_absent(&seen, &["Жээнбеков", "Гүлнара"], "NGO case view");
    let parties = body["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 1);
    assert_eq!(parties[0]["role"], "victim");
    assert_eq!(parties[0]["person_id"], json!(victim));
    assert_eq!(body["access"], "read");
    let list = world.list_cases("ngo_a", "").await.text().await.unwrap();
    assert_absent(&list, &CASE_NARRATIVE, "NGO case list");
    expect_error(
        world.history("ngo_a", case).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        "history",
    )
    .await;
    // The suspect and witness stay out of the NGO's reach.
    for person in [suspect, witness] {
        expect(
            world.get_person("ngo_a", person).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    expect(world.get_person("ngo_a", victim).await, StatusCode::OK).await;
}

#[tokio::test]
async fn prosecutors_with_a_full_grant_reclassify_but_do_not_rewrite_and_read_grants_edit_nothing()
{
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    world.share("inv_a", case, "POLICE-B", "read").await;
    let body = json!({
        "articles": [{"edition": 2021, "article": "166", "part": "1"}],
        "status": "under_investigation",
        "reason": "charged as trafficking"
    });
    let updated = expect(patch(&world, "pros", case, body).await, StatusCode::OK).await;
    assert_eq!(updated["status"], "under_investigation");
    assert_eq!(updated["access"], "full");
    let history = expect(world.history("inv_a", case).await, StatusCode::OK).await;
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["agency_code"] == "PROSECUTOR")
    );
    for narrative in [
        json!({"title": "Another title"}),
        json!({"summary": null}),
        json!({"place": "Нарын"}),
    ] {
        let response = patch(&world, "pros", case, narrative).await;
        expect_error(response, StatusCode::FORBIDDEN, "forbidden", "narrative").await;
    }
    for edit in [
        json!({"title": "Mine now"}),
        json!({"status": "sent_to_prosecutor", "reason": "x"}),
    ] {
        let response = patch(&world, "inv_b", case, edit).await;
        expect_error(response, StatusCode::FORBIDDEN, "forbidden", "read-only").await;
    }
    let stored = expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
    assert_eq!(stored["title"], case_body()["title"]);
    assert_eq!(stored["version"], 2);
    // Only the owner shares: a full grant does not pass the case on.
    let share = json!({"agency_code": "NGO-A", "level": "read"});
    let response = world
        .app
        .post(
            &format!("/api/v1/cases/{case}/shares"),
            world.token("pros"),
            &share,
        )
        .await;
    expect_error(
        response,
        StatusCode::FORBIDDEN,
        "forbidden",
        "owning agency",
    )
    .await;
}

#[tokio::test]
async fn revoking_a_share_takes_effect_on_the_next_request() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let victim = world.person("inv_a", victim_body()).await;
    world.party("inv_a", case, victim, "victim").await;
    let grant = world.share("inv_a", case, "POLICE-B", "read").await;
    assert_eq!(grant["agency_code"], "POLICE-B");
    assert_eq!(grant["level"], "read");
    assert_eq!(grant["origin"], "share");
    // Sharing again changes the level of the same grant.
    let upgraded = world.share("inv_a", case, "POLICE-B", "full").await;
    assert_eq!(upgraded["id"], grant["id"]);
    assert_eq!(upgraded["level"], "full");
    let person = expect(world.get_person("inv_b", victim).await, StatusCode::OK).await;
    assert_eq!(
        person["phone"], VICTIM_PII[3],
        "full grant shows protected fields"
    );
    expect(world.get_case("inv_b", case).await, StatusCode::OK).await;
    let grants = expect(world.shares("inv_a", case).await, StatusCode::OK).await;
    assert_eq!(grants.as_array().unwrap().len(), 1);
    let revoked = expect(
        world.revoke("inv_a", case, id_of(&grant)).await,
        StatusCode::OK,
    )
    .await;
    assert!(revoked["revoked_at"].is_string());
    expect(world.get_case("inv_b", case).await, StatusCode::NOT_FOUND).await;
    expect(
        world.get_person("inv_b", victim).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let list = expect(world.list_cases("inv_b", "").await, StatusCode::OK).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let persons = expect(world.list_persons("inv_b", "").await, StatusCode::OK).await;
    assert!(persons["items"].as_array().unwrap().is_empty());
    let grants = expect(world.shares("inv_a", case).await, StatusCode::OK).await;
    assert!(grants.as_array().unwrap().is_empty());
    let again = world.revoke("inv_a", case, id_of(&grant)).await;
    expect_error(
        again,
        StatusCode::CONFLICT,
        "invalid_state",
        "already revoked",
    )
    .await;
    let elsewhere = world.case("inv_a", case_body()).await;
    expect(
        world.revoke("inv_a", elsewhere, id_of(&grant)).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    // Shares name a real, other, active agency.
    for (code, says) in [("POLICE-A", "your own agency"), ("NOWHERE", "no agency")] {
        let body = json!({"agency_code": code, "level": "read"});
        let response = world
            .app
            .post(
                &format!("/api/v1/cases/{case}/shares"),
                world.token("inv_a"),
                &body,
            )
            .await;
        expect_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            says,
        )
        .await;
    }
}

#[tokio::test]
async fn parties_carry_role_details_and_are_not_added_twice() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let victim = world.person("inv_a", victim_body()).await;
    let path = format!("/api/v1/cases/{case}/parties");
    let body = json!({"person_id": victim, "role": "victim", "details": {
        "age_at_exploitation": 17, "means_of_control": ["threats", "confiscated documents"],
        "recruitment": "kidnapping"}});
    let party = expect(
        world.app.post(&path, world.token("inv_a"), &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(party["details"]["age_at_exploitation"], 17);
    assert_eq!(party["name"], "Асанбекова Айгүл Асанбек кызы");
    let again = world.app.post(&path, world.token("inv_a"), &body).await;
    expect_error(again, StatusCode::CONFLICT, "duplicate", "already a victim").await;
    // One person, several roles.
    world.party("inv_a", case, victim, "witness").await;
    let suspect_details =
        json!({"person_id": victim, "role": "suspect", "details": {"age_at_exploitation": 30}});
    let response = world
        .app
        .post(&path, world.token("inv_a"), &suspect_details)
        .await;
    let refused = expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "victims only",
    )
    .await;
    assert_eq!(refused["error"]["fields"][0]["field"], "details");
    let read = expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
    let roles: Vec<&str> = read["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["victim", "witness"]);
}

#[tokio::test]
async fn linking_a_person_seen_read_only_does_not_reveal_their_protected_fields() {
    let world = World::new().await;
    // POLICE-B's victim, seen by POLICE-A and the prosecutor through read shares only.
    let theirs = world.case("inv_b", case_body()).await;
    let victim = world.person("inv_b", victim_body()).await;
    world.party("inv_b", theirs, victim, "victim").await;
    world.share("inv_b", theirs, "POLICE-A", "read").await;
    world.share("inv_b", theirs, "PROSECUTOR", "read").await;
    let full_for_pros = world.case("inv_b", case_body()).await;
    world
        .share("inv_b", full_for_pros, "PROSECUTOR", "full")
        .await;
    let ours = world.case("inv_a", case_body()).await;
    // A prosecutor cannot link anyone into another agency's case at all; an investigator may
    // link into their own case, but not a person they see read-only.
    for (user, case, refusal) in [
        ("inv_a", ours, "read-only"),
        ("pros", full_for_pros, "owning agency"),
    ] {
        let body = json!({"person_id": victim, "role": "witness"});
        let response = world
            .app
            .post(
                &format!("/api/v1/cases/{case}/parties"),
                world.token(user),
                &body,
            )
            .await;
        expect_error(response, StatusCode::FORBIDDEN, "forbidden", refusal).await;
        let seen = world.get_person(user, victim).await.text().await.unwrap();
        assert_absent(&seen, &VICTIM_PROTECTED, &format!("{user} after linking"));
        assert!(seen.contains("\"access\":\"read\""), "{seen}");
    }
    // The registering agency links its own person freely.
    world.party("inv_b", full_for_pros, victim, "victim").await;
}

/// A case's access level comes back with the case itself (one statement for the case, the
/// reader's grants and the parties): owner, full and read grants each read as such, in the
/// case and in the list, and a revoked grant leaves both at once.
#[tokio::test]
async fn each_grant_level_reads_as_itself_in_the_case_and_in_the_list() {
    let world = World::new().await;
    let full = world.case("inv_a", case_body()).await;
    let read = world.case("inv_a", case_body()).await;
    let unshared = world.case("inv_a", case_body()).await;
    let full_grant = world.share("inv_a", full, "POLICE-B", "full").await;
    world.share("inv_a", read, "POLICE-B", "read").await;

    let seen = expect(world.get_case("inv_b", full).await, StatusCode::OK).await;
    assert_eq!(seen["access"], "full");
    assert_eq!(seen["parties"], json!([]), "a case without parties");
    let seen = expect(world.get_case("inv_b", read).await, StatusCode::OK).await;
    assert_eq!(seen["access"], "read");
    let seen = expect(world.get_case("inv_a", read).await, StatusCode::OK).await;
    assert_eq!(seen["access"], "owner");
    expect(
        world.get_case("inv_b", unshared).await,
        StatusCode::NOT_FOUND,
    )
    .await;

    let access_in_list = |list: &Value| -> Vec<(Uuid, String)> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (id_of(c), c["access"].as_str().unwrap().to_owned()))
            .collect()
    };
    let listed = expect(world.list_cases("inv_b", "").await, StatusCode::OK).await;
    let mut listed = access_in_list(&listed);
    listed.sort();
    let mut expected = vec![(full, "full".to_owned()), (read, "read".to_owned())];
    expected.sort();
    assert_eq!(listed, expected);
    let owner_list = expect(world.list_cases("inv_a", "").await, StatusCode::OK).await;
    assert!(
        access_in_list(&owner_list)
            .iter()
            .all(|(_, access)| access == "owner")
    );

    expect(
        world.revoke("inv_a", full, id_of(&full_grant)).await,
        StatusCode::OK,
    )
    .await;
    expect(world.get_case("inv_b", full).await, StatusCode::NOT_FOUND).await;
    let listed = expect(world.list_cases("inv_b", "").await, StatusCode::OK).await;
    assert_eq!(access_in_list(&listed), vec![(read, "read".to_owned())]);
}
