//! The seeder: generated data persisted into a test database is readable through the API in
//! the right scope, counts match the generator's, the audit chain verifies, references
//! continue, and the same seed gives the same ids.

use std::collections::HashMap;

use chrono::NaiveDate;
use korgon::entity::{
    agency, assistance_record, audit_event, case, case_grant, case_party, classification_change,
    court_defendant, court_proceeding, person, person_grant, referral, user,
};
use korgon::seed::{self, SeedOptions, SeedReport};
use korgon_domain::Role;
use korgon_synth::{Config, Generator, Size};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use secrecy::SecretString;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

const DEMO_PASSWORD: &str = "korgon-demo-2026";

fn generator(seed: u64, size: Size) -> Generator {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    Generator::new(
        &korgon_domain::CountryProfile::kyrgyzstan(),
        Config::new(seed, size, today),
    )
    .unwrap()
}

async fn seeded(seed_value: u64, size: Size) -> (TestApp, Generator, SeedReport) {
    let app = spawn_app().await;
    let generator = generator(seed_value, size);
    let mut options = SeedOptions::new(SecretString::from(DEMO_PASSWORD));
    options.batch_size = 100; // several batches even for small sizes
    let report = seed::seed(&app.state.store, &generator, options)
        .await
        .expect("seed");
    (app, generator, report)
}

async fn login(app: &TestApp, username: &str) -> String {
    let body = expect(app.login_raw(username, DEMO_PASSWORD).await, StatusCode::OK).await;
    body["access_token"].as_str().unwrap().to_owned()
}

/// Every case id the token's user lists, following the cursors.
async fn listed_cases(app: &TestApp, token: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = expect(
            app.get(&format!("/api/v1/cases?limit=200{cursor}"), token)
                .await,
            StatusCode::OK,
        )
        .await;
        for item in page["items"].as_array().unwrap() {
            ids.push(item["id"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn counts_match_the_generator_and_the_chain_verifies() {
    let (app, generator, report) = seeded(42, Size::Small).await;
    let dataset = generator.dataset();
    let r = &dataset.records;
    let db = &app.state.store.db.reader;
    let defendants: usize = r.court.iter().map(|p| p.defendants.len()).sum();
    let parties: usize = r.cases.iter().map(|c| c.parties.len()).sum();
    let changes: usize = r.cases.iter().map(|c| c.timeline.len() - 1).sum();
    assert_eq!(
        agency::Entity::find().count(db).await.unwrap(),
        dataset.agencies.len() as u64
    );
    assert_eq!(
        user::Entity::find().count(db).await.unwrap(),
        dataset.users.len() as u64
    );
    assert_eq!(
        person::Entity::find().count(db).await.unwrap(),
        r.persons.len() as u64
    );
    assert_eq!(
        case::Entity::find().count(db).await.unwrap(),
        r.cases.len() as u64
    );
    assert_eq!(
        case_party::Entity::find().count(db).await.unwrap(),
        parties as u64
    );
    assert_eq!(
        classification_change::Entity::find()
            .count(db)
            .await
            .unwrap(),
        changes as u64
    );
    assert_eq!(
        court_proceeding::Entity::find().count(db).await.unwrap(),
        r.court.len() as u64
    );
    assert_eq!(
        court_defendant::Entity::find().count(db).await.unwrap(),
        defendants as u64
    );
    assert!(case_grant::Entity::find().count(db).await.unwrap() > 0);
    assert_eq!(report.counts.persons, r.persons.len() as u64);
    assert_eq!(report.counts.cases, r.cases.len() as u64);
    // One audit event per batch, counts only, and an intact chain.
    let events = audit_event::Entity::find()
        .order_by_asc(audit_event::Column::Seq)
        .all(db)
        .await
        .unwrap();
    assert_eq!(events.len() as u64, report.counts.batches);
    assert!(report.counts.batches > 2, "{:?}", report.counts);
    assert!(events.iter().all(|e| e.action == "seed.batch"));
    let first_person = r.persons[0].input.family_name.clone().unwrap();
    assert!(events.iter().all(|e| !e.details.contains(&first_person)));
    let verification = korgon::audit::verify(db).await.unwrap();
    assert!(verification.is_intact(), "{verification:?}");
    assert_eq!(verification.events_checked as u64, report.counts.batches);
    // The CLI's verification agrees.
    let out = app.korgon(&["audit", "verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[tokio::test]
async fn an_investigator_sees_their_agencys_seeded_cases_only() {
    let (app, generator, report) = seeded(42, Size::Small).await;
    let dataset = generator.dataset();
    let investigator = report
        .logins
        .iter()
        .find(|l| l.username == "investigator")
        .expect("the short alias of the first investigator");
    assert_eq!(investigator.role, Role::Investigator);
    let token = login(&app, "investigator").await;
    let own: Vec<&korgon_synth::CaseRecord> = dataset
        .records
        .cases
        .iter()
        .filter(|c| c.owner_agency == investigator.agency)
        .collect();
    let mut listed = listed_cases(&app, &token).await;
    let mut expected: Vec<String> = own.iter().map(|c| c.id.to_string()).collect();
    listed.sort();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(listed, expected, "the list is exactly the agency's cases");
    // An own case reads with its parties and its whole status history.
    let case = own.iter().max_by_key(|c| c.timeline.len()).unwrap();
    let body = expect(
        app.get(&format!("/api/v1/cases/{}", case.id), &token).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(body["reference"], case.input.reference.clone().unwrap());
    assert_eq!(body["status"], case.status().as_str());
    assert_eq!(
        body["parties"].as_array().unwrap().len(),
        case.parties.len()
    );
    assert_eq!(body["version"], case.timeline.len() as i64);
    let history = expect(
        app.get(&format!("/api/v1/cases/{}/history", case.id), &token)
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(history.as_array().unwrap().len(), case.timeline.len() - 1);
    assert_eq!(history[0]["reason"], case.timeline[1].reason);
    // Another agency's case is out of scope.
    let other = dataset
        .records
        .cases
        .iter()
        .find(|c| c.owner_agency != investigator.agency)
        .unwrap();
    let response = app
        .get(&format!("/api/v1/cases/{}", other.id), &token)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A registered person of the agency reads; an NGO's person does not.
    let own_person = dataset
        .records
        .persons
        .iter()
        .find(|p| p.agency == investigator.agency)
        .unwrap();
    let response = app
        .get(&format!("/api/v1/persons/{}", own_person.id), &token)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let referred_here: Vec<u64> = dataset
        .records
        .referrals
        .iter()
        .filter(|r| r.to_agency == investigator.agency)
        .map(|r| r.person)
        .collect();
    let ngo_person = dataset
        .records
        .persons
        .iter()
        .find(|p| p.agency.starts_with("NGO-") && !referred_here.contains(&p.index))
        .unwrap();
    let response = app
        .get(&format!("/api/v1/persons/{}", ngo_person.id), &token)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn seeded_referrals_grant_what_acceptance_grants_and_fill_the_inboxes() {
    let (app, generator, report) = seeded(42, Size::Small).await;
    let dataset = generator.dataset();
    let r = &dataset.records;
    let db = &app.state.store.db.reader;
    assert!(r.referrals.len() > 10 && r.assistance.len() > 10);
    assert_eq!(report.counts.referrals, r.referrals.len() as u64);
    assert_eq!(report.counts.assistance, r.assistance.len() as u64);
    assert_eq!(
        referral::Entity::find().count(db).await.unwrap(),
        r.referrals.len() as u64
    );
    assert_eq!(
        assistance_record::Entity::find().count(db).await.unwrap(),
        r.assistance.len() as u64
    );
    // One person grant per accepted referral that carries an identity, none for the others.
    let accepted =
        |x: &&korgon_synth::model::ReferralRecord| ["accepted", "closed"].contains(&x.status());
    let granting = r
        .referrals
        .iter()
        .filter(accepted)
        .filter(|x| x.consent.given_by != "none")
        .count();
    assert!(granting > 0);
    assert_eq!(
        person_grant::Entity::find().count(db).await.unwrap(),
        granting as u64
    );
    // Every stored status is the generator's, and the history's version.
    for x in &r.referrals {
        let stored = referral::Entity::find_by_id(x.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.status, x.status(), "referral {}", x.index);
        assert_eq!(stored.version, x.timeline.len() as i64);
        assert_eq!(stored.anonymous, x.consent.given_by == "none");
    }
    // Every step follows the one before it, and the submission follows the person's record;
    // assistance is recorded once its dates are known, after its provider reached the person.
    let stored = referral::Entity::find().all(db).await.unwrap();
    for x in &stored {
        let person = person::Entity::find_by_id(x.person_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert!(x.submitted_at > person.created_at, "referral {}", x.id);
        for step in [x.responded_at, x.withdrawn_at].into_iter().flatten() {
            assert!(step > x.submitted_at, "referral {}", x.id);
        }
        if let (Some(closed), Some(responded)) = (x.closed_at, x.responded_at) {
            assert!(closed > responded, "referral {}", x.id);
        }
    }
    for help in assistance_record::Entity::find().all(db).await.unwrap() {
        let recorded_on = help.created_at.date_naive();
        assert!(
            help.ended_on.unwrap_or(help.started_on) <= recorded_on,
            "{}",
            help.id
        );
        let grant = person_grant::Entity::find()
            .filter(person_grant::Column::PersonId.eq(help.person_id))
            .filter(person_grant::Column::AgencyId.eq(help.provider_agency_id))
            .one(db)
            .await
            .unwrap();
        let person = person::Entity::find_by_id(help.person_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let reached = if person.registering_agency_id == help.provider_agency_id {
            person.created_at
        } else {
            grant
                .expect("a provider that did not register the person holds a grant")
                .created_at
        };
        assert!(help.created_at > reached, "{}", help.id);
    }
    // Every provider of assistance reads the person it helped.
    let by_agency: HashMap<String, &str> = report
        .logins
        .iter()
        .map(|l| (l.agency.clone(), l.username.as_str()))
        .collect();
    let mut providers_checked = 0;
    for help in r.assistance.iter().take(40) {
        let Some(username) = by_agency.get(&help.provider_agency) else {
            continue;
        };
        let token = login(&app, username).await;
        let person = &r.persons[help.person as usize];
        let response = app
            .get(&format!("/api/v1/persons/{}/assistance", person.id), &token)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "assistance #{}",
            help.index
        );
        providers_checked += 1;
    }
    assert!(providers_checked > 5, "{providers_checked}");
    // A receiver with a login reads a person referred to it and accepted, and not one it
    // declined (unless another referral of theirs was accepted); its inbox lists them all.
    let logins: HashMap<&str, &str> = report
        .logins
        .iter()
        .map(|l| (l.agency.as_str(), l.username.as_str()))
        .collect();
    let mut checked_inboxes = 0;
    for (agency, username) in &logins {
        let incoming: Vec<_> = r
            .referrals
            .iter()
            .filter(|x| x.to_agency == *agency)
            .collect();
        if incoming.is_empty() {
            continue;
        }
        let token = login(&app, username).await;
        let inbox = expect(
            app.get("/api/v1/referrals?direction=incoming&limit=200", &token)
                .await,
            StatusCode::OK,
        )
        .await;
        let mut listed: Vec<&str> = inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        let ids: Vec<String> = incoming.iter().map(|x| x.id.to_string()).collect();
        let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
        listed.sort_unstable();
        expected.sort_unstable();
        assert_eq!(listed, expected, "{agency}'s inbox");
        checked_inboxes += 1;
        let reached = |person: u64| {
            incoming
                .iter()
                .any(|x| x.person == person && accepted(x) && x.consent.given_by != "none")
        };
        for x in &incoming {
            let person = &r.persons[x.person as usize];
            assert_eq!(person.index, x.person);
            let status = app
                .get(&format!("/api/v1/persons/{}", person.id), &token)
                .await
                .status();
            let expected = if reached(x.person) {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(
                status, expected,
                "{agency} reading referral {}'s person",
                x.index
            );
        }
    }
    assert!(checked_inboxes >= 2, "{checked_inboxes}");
}

#[tokio::test]
async fn prosecutors_read_the_seeded_court_decisions_and_references_continue() {
    let (app, generator, report) = seeded(42, Size::Small).await;
    let dataset = generator.dataset();
    let proceeding = dataset.records.court.first().expect("court decisions");
    let case = &dataset.records.cases[proceeding.case as usize];
    assert_eq!(case.index, proceeding.case);
    let prosecutor_agency = generator.prosecutor_for(&case.input.region).to_owned();
    let prosecutor = report
        .logins
        .iter()
        .find(|l| l.role == Role::Prosecutor && l.agency == prosecutor_agency)
        .unwrap();
    let token = login(&app, &prosecutor.username).await;
    let list = expect(
        app.get(
            &format!("/api/v1/cases/{}/court-proceedings", case.id),
            &token,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let expected = dataset
        .records
        .court
        .iter()
        .filter(|p| p.case == case.index)
        .count();
    assert_eq!(list.as_array().unwrap().len(), expected);
    assert_eq!(list[0]["court_case_number"], proceeding.court_case_number);
    assert_eq!(list[0]["recorded_by_agency"], prosecutor_agency);
    assert_eq!(
        list[0]["defendants"].as_array().unwrap().len(),
        proceeding.defendants.len()
    );
    // A case opened through the API continues its year's numbering.
    let year = case.input.opened_on.clone().unwrap()[..4].to_owned();
    let highest = dataset
        .records
        .cases
        .iter()
        .filter_map(|c| c.input.reference.clone())
        .filter(|r| r[3..7] == year)
        .max()
        .unwrap();
    let token = login(&app, "investigator").await;
    let mut body = case_body();
    body["opened_on"] = json!(format!("{year}-06-01"));
    let created = expect(
        app.post("/api/v1/cases", &token, &body).await,
        StatusCode::CREATED,
    )
    .await;
    let number: u32 = highest[8..].parse().unwrap();
    assert_eq!(
        created["reference"],
        format!("KG-{year}-{:06}", number + 1),
        "after {highest}"
    );
}

/// The ids and references of everything seeded, in order.
async fn fingerprint(app: &TestApp) -> HashMap<&'static str, Vec<String>> {
    let db = &app.state.store.db.reader;
    let mut out = HashMap::new();
    let ids = |v: Vec<Uuid>| v.into_iter().map(|u| u.to_string()).collect::<Vec<_>>();
    let q: Vec<(Uuid, String)> = case::Entity::find()
        .select_only()
        .column(case::Column::Id)
        .column(case::Column::Reference)
        .order_by_asc(case::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    out.insert("cases", q.iter().map(|(i, r)| format!("{i} {r}")).collect());
    out.insert(
        "persons",
        ids(person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .order_by_asc(person::Column::Id)
            .into_tuple()
            .all(db)
            .await
            .unwrap()),
    );
    out.insert(
        "parties",
        ids(case_party::Entity::find()
            .select_only()
            .column(case_party::Column::Id)
            .order_by_asc(case_party::Column::Id)
            .into_tuple()
            .all(db)
            .await
            .unwrap()),
    );
    out.insert(
        "users",
        ids(user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .order_by_asc(user::Column::Id)
            .into_tuple()
            .all(db)
            .await
            .unwrap()),
    );
    out
}

#[tokio::test]
async fn the_same_seed_gives_the_same_ids_and_references() {
    let (a, _, _) = seeded(7, Size::Tiny).await;
    let (b, _, _) = seeded(7, Size::Tiny).await;
    let (c, _, _) = seeded(8, Size::Tiny).await;
    let fa = fingerprint(&a).await;
    assert!(!fa["cases"].is_empty());
    assert_eq!(fa, fingerprint(&b).await);
    assert_ne!(fa["persons"], fingerprint(&c).await["persons"]);
}

#[tokio::test]
async fn seeding_refuses_a_database_with_data() {
    let (app, generator, _) = seeded(1, Size::Tiny).await;
    let again = seed::seed(
        &app.state.store,
        &generator,
        SeedOptions::new(SecretString::from(DEMO_PASSWORD)),
    )
    .await;
    assert!(again.is_err());
    let err = format!("{:#}", again.unwrap_err());
    assert!(err.contains("empty database"), "{err}");
}

#[tokio::test]
async fn demo_seeds_an_empty_directory_once_and_keeps_the_short_logins() {
    let mut app = unserved_app().await;
    let out = app.korgon(&["demo", "--no-serve"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(DEMO_PASSWORD), "{stdout}");
    assert!(stdout.contains("investigator.mvd-osh"), "{stdout}");
    let db = app.state.store.db.reader.clone();
    let db = &db;
    let cases = case::Entity::find().count(db).await.unwrap();
    assert_eq!(cases, 70);
    let file = app.data_dir.join("demo-logins.txt");
    let logins = std::fs::read_to_string(&file).unwrap();
    assert!(logins.contains(DEMO_PASSWORD) && logins.contains("investigator.mvd-osh"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // No record is dated after now (records get office-hours times; the data runs to
    // yesterday).
    let now = chrono::Utc::now();
    let latest = case::Entity::find()
        .order_by_desc(case::Column::CreatedAt)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(latest.created_at <= now, "{} > {now}", latest.created_at);
    let latest_id_time = latest_by_id(db).await;
    assert!(
        latest_id_time <= now.timestamp_millis(),
        "case id dated after now"
    );
    // A referral from the NGO worker's agency awaits the investigator's answer.
    let staged = referral::Entity::find()
        .filter(referral::Column::Status.eq("submitted"))
        .filter(referral::Column::CreatedAt.gt(now - chrono::Duration::minutes(10)))
        .count(db)
        .await
        .unwrap();
    assert_eq!(staged, 1);
    // A second run serves what is there and adds nothing.
    let out = app.korgon(&["demo", "--no-serve"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("already holds data"), "{stdout}");
    assert_eq!(case::Entity::find().count(db).await.unwrap(), cases);
    // The fixed usernames of the first demo still log in, each in its role.
    app.serve().await;
    for (username, role) in [
        ("admin", "admin"),
        ("investigator", "investigator"),
        ("prosecutor", "prosecutor"),
        ("ngo", "ngo_worker"),
        ("analyst", "analyst"),
        ("auditor", "auditor"),
    ] {
        let token = login(&app, username).await;
        let me = expect(app.get("/api/v1/me", &token).await, StatusCode::OK).await;
        assert_eq!(me["role"], role, "{me}");
    }
    let token = login(&app, "investigator").await;
    let inbox = expect(
        app.get(
            "/api/v1/referrals?direction=incoming&status=submitted",
            &token,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let ngo = login(&app, "ngo").await;
    let ngo_me = expect(app.get("/api/v1/me", &ngo).await, StatusCode::OK).await;
    let from_ngo: Vec<&Value> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["from_agency"] == ngo_me["agency_code"])
        .collect();
    assert_eq!(from_ngo.len(), 1, "{inbox}");
    let seed_events = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("seed.batch"))
        .count(db)
        .await
        .unwrap();
    assert!(seed_events >= 2);
}

/// The time (Unix milliseconds) in the newest case id: ids are UUID v7 and lists order by them.
async fn latest_by_id(db: &sea_orm::DatabaseConnection) -> i64 {
    let newest = case::Entity::find()
        .order_by_desc(case::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let (secs, nanos) = newest.id.get_timestamp().unwrap().to_unix();
    i64::try_from(secs).unwrap() * 1000 + i64::from(nanos / 1_000_000)
}
