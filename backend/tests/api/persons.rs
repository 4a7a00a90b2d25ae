//! Persons: registration and reading back, paging, protected fields by access level, PIN
//! warnings, partial updates and optimistic concurrency.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn persons_are_registered_read_back_and_listed_page_by_page() {
    let world = World::new().await;
    let created = expect(
        world
            .app
            .post("/api/v1/persons", world.token("inv_a"), &victim_body())
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert!(
        created.get("warnings").is_none(),
        "a consistent PIN: {created}"
    );
    let person = id_of(&created);
    let read = expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    for field in [
        "given_name",
        "family_name",
        "patronymic",
        "aliases",
        "sex",
        "date_of_birth",
        "pin",
        "citizenship",
        "phone",
        "address",
        "notes",
    ] {
        assert_eq!(read[field], victim_body()[field], "{field}");
    }
    assert_eq!(read["date_of_birth_precision"], "day");
    assert_eq!(read["registering_agency"], "POLICE-A");
    assert_eq!(read["access"], "registrar");
    assert_eq!(read["redacted"], json!([]));
    assert_eq!(read["version"], 1);
    // A bare year is a year-precision birth date; names are tidied.
    let body =
        json!({"given_name": "  Бакыт ", "family_name": "Асанбек   уулу", "date_of_birth": "1990"});
    let other = expect(
        world
            .app
            .post("/api/v1/persons", world.token("inv_a"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(other["given_name"], "Бакыт");
    assert_eq!(other["family_name"], "Асанбек уулу");
    assert_eq!(other["date_of_birth"], "1990-01-01");
    assert_eq!(other["date_of_birth_precision"], "year");
    assert_eq!(other["sex"], "unknown");
    // Paging walks every person once, newest first; list entries carry no protected field.
    let mut ids = vec![person, id_of(&other)];
    for i in 0..5 {
        let name = ["Азамат", "Бегимай", "Жазгүл", "Нурлан", "Чынара"][i];
        ids.push(
            world
                .person(
                    "inv_a",
                    json!({"given_name": name, "phone": "+996 555 777 000"}),
                )
                .await,
        );
    }
    world.person("inv_b", json!({"given_name": "Чужой"})).await;
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = expect(
            world
                .list_persons("inv_a", &format!("limit=3&cursor={cursor}"))
                .await,
            StatusCode::OK,
        )
        .await;
        let text = page.to_string();
        assert_absent(&text, &VICTIM_PROTECTED, "person list");
        assert_absent(&text, &["+996 555 777 000"], "person list");
        seen.extend(page["items"].as_array().unwrap().iter().map(id_of));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    ids.reverse();
    assert_eq!(seen, ids);
}

#[tokio::test]
async fn protected_fields_show_to_the_registrar_and_full_access_only() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let victim = world.person("inv_a", victim_body()).await;
    world.party("inv_a", case, victim, "victim").await;
    world.share("inv_a", case, "POLICE-B", "read").await;
    world.share("inv_a", case, "PROSECUTOR", "full").await;
    let protected = ["phone", "address", "notes"];
    // Read access: the protected fields are absent and listed as redacted.
    let text = world
        .get_person("inv_b", victim)
        .await
        .text()
        .await
        .unwrap();
    let read: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(read["access"], "read");
    assert_eq!(read["redacted"], json!(protected));
    for field in protected {
        assert!(read.get(field).is_none(), "{field}: {text}");
    }
    assert_absent(&text, &VICTIM_PROTECTED, "read access");
    assert_eq!(read["family_name"], "Асанбекова", "names are shown");
    // Full access and the registrar see everything.
    for user in ["pros", "inv_a"] {
        let full = expect(world.get_person(user, victim).await, StatusCode::OK).await;
        assert_eq!(full["redacted"], json!([]), "{user}");
        for field in protected {
            assert_eq!(full[field], victim_body()[field], "{user}: {field}");
        }
    }
    // Upgrading the grant shows them at once; read access may not edit.
    let response = world
        .patch_person("inv_b", victim, &json!({"version": 1, "citizenship": "RU"}))
        .await;
    expect_error(response, StatusCode::FORBIDDEN, "forbidden", "read-only").await;
    world.share("inv_a", case, "POLICE-B", "full").await;
    let full = expect(world.get_person("inv_b", victim).await, StatusCode::OK).await;
    assert_eq!(full["access"], "full");
    assert_eq!(full["phone"], VICTIM_PII[3]);
    // Every read was audited with what it showed.
    let reads = expect(
        world
            .audit(&format!("object_id={victim}&action=person.read"))
            .await,
        StatusCode::OK,
    )
    .await;
    let shown: Vec<bool> = reads["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["details"]["protected_shown"].as_bool().unwrap())
        .collect();
    assert_eq!(shown, [true, true, true, false], "newest first");
}

#[tokio::test]
async fn pin_mismatches_are_warnings_and_the_person_is_stored() {
    let world = World::new().await;
    // Sex digit 2 (male) and birth date 01.01.1990 disagree with a woman born 1995-07-04.
    let body = json!({"given_name": "Айзада", "sex": "female", "date_of_birth": "1995-07-04", "pin": "20101199000555"});
    let created = expect(
        world
            .app
            .post("/api/v1/persons", world.token("ngo_a"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    let codes: BTreeSet<&str> = created["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        BTreeSet::from(["pin_sex_mismatch", "pin_birth_date_mismatch"])
    );
    assert!(
        created["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["field"] == "pin")
    );
    assert_absent(
        &created["warnings"].to_string(),
        &["20101199000555", "1995", "1990"],
        "warnings",
    );
    let person = id_of(&created);
    let stored = expect(world.get_person("ngo_a", person).await, StatusCode::OK).await;
    assert_eq!(stored["pin"], "20101199000555");
    assert!(stored.get("warnings").is_none());
    // An unreadable sex digit and date warn too; a PATCH that creates a mismatch warns.
    let body = json!({"given_name": "Айзада", "pin": "93213199000555"});
    let unreadable = expect(
        world
            .app
            .post("/api/v1/persons", world.token("ngo_a"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(unreadable["warnings"][0]["code"], "pin_unreadable");
    let patched = expect(
        world
            .patch_person(
                "ngo_a",
                person,
                &json!({"version": 1, "sex": "male", "date_of_birth": "1990-01-01"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(
        patched.get("warnings").is_none(),
        "now consistent: {patched}"
    );
    let patched = expect(
        world
            .patch_person(
                "ngo_a",
                person,
                &json!({"version": 2, "pin": "10101199000555"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(patched["warnings"][0]["code"], "pin_sex_mismatch");
    assert_eq!(patched["pin"], "10101199000555");
    // Spaces inside a PIN are dropped.
    let body = json!({"given_name": "Айзада", "sex": "female", "pin": "1 0101 1990 00555"});
    let spaced = expect(
        world
            .app
            .post("/api/v1/persons", world.token("ngo_a"), &body)
            .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(spaced["pin"], "10101199000555");
}

#[tokio::test]
async fn a_stale_person_patch_gets_409_and_changes_nothing() {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    let first = json!({"version": 1, "address": "Бишкек, Манас 1"});
    let updated = expect(
        world.patch_person("inv_a", person, &first).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(updated["version"], 2);
    let stale = json!({"version": 1, "address": "Ош, Ленин 5", "given_name": "Айгуль"});
    let response = world.patch_person("inv_a", person, &stale).await;
    expect_error(
        response,
        StatusCode::CONFLICT,
        "version_conflict",
        "current version 2",
    )
    .await;
    let stored = expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    assert_eq!(stored["address"], "Бишкек, Манас 1");
    assert_eq!(stored["given_name"], "Айгүл");
    assert_eq!(stored["version"], 2);
    let future = json!({"version": 7, "notes": "x"});
    expect_error(
        world.patch_person("inv_a", person, &future).await,
        StatusCode::CONFLICT,
        "version_conflict",
        "current version 2",
    )
    .await;
}

#[tokio::test]
async fn patches_set_clear_and_keep_fields() {
    let world = World::new().await;
    let person = world.person("ngo_a", victim_body()).await;
    let body = json!({"version": 1, "address": null, "phone": "  ", "aliases": ["Aygül", "Айгуль"], "date_of_birth": "2004", "date_of_birth_precision": "approximate"});
    let updated = expect(
        world.patch_person("ngo_a", person, &body).await,
        StatusCode::OK,
    )
    .await;
    assert!(
        updated["address"].is_null() && updated["phone"].is_null(),
        "{updated}"
    );
    assert_eq!(updated["aliases"], json!(["Aygül", "Айгуль"]));
    assert_eq!(updated["date_of_birth"], "2004-01-01");
    assert_eq!(updated["date_of_birth_precision"], "approximate");
    assert_eq!(
        updated["notes"],
        victim_body()["notes"],
        "untouched fields stay"
    );
    assert_eq!(updated["pin"], victim_body()["pin"]);
    // A person keeps a given or a family name.
    let body = json!({"version": 2, "given_name": null, "family_name": null});
    let refused = expect_error(
        world.patch_person("ngo_a", person, &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "given name",
    )
    .await;
    assert_eq!(refused["error"]["fields"][0]["field"], "given_name");
    let body = json!({"version": 2, "given_name": null});
    let updated = expect(
        world.patch_person("ngo_a", person, &body).await,
        StatusCode::OK,
    )
    .await;
    assert!(updated["given_name"].is_null());
    assert_eq!(updated["family_name"], "Асанбекова");
    // Roles that keep no records register no one.
    for user in ["admin", "analyst", "auditor"] {
        let response = world
            .app
            .post("/api/v1/persons", world.token(user), &victim_body())
            .await;
        expect_error(
            response,
            StatusCode::FORBIDDEN,
            "forbidden",
            "register persons",
        )
        .await;
    }
}
