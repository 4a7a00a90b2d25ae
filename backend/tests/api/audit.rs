//! The audit log: every read and write of a record leaves one event with the right action,
//! object and user, and nothing personal; auditors filter and page through it; tampering with
//! any row in the database (update, delete, reorder) makes `korgon audit verify` fail and name
//! the row.

use std::collections::BTreeSet;

use chrono::{SecondsFormat, Utc};
use korgon::entity::audit_event;
use reqwest::{Method, StatusCode};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// Every stored event, oldest first, straight from the database.
async fn events(app: &TestApp) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .order_by_asc(audit_event::Column::Seq)
        .all(&app.state.store.db.reader)
        .await
        .expect("audit rows")
}

/// The object an audited request's event must name.
#[derive(Clone, Copy)]
enum Object {
    /// None: a list, or the log itself.
    Nothing,
    /// This one.
    Id(Uuid),
    /// The one the request creates (the `id` of its answer).
    Created,
}

/// One audited request: who sends what, and the one event it must leave.
struct Audited {
    user: &'static str,
    method: Method,
    path: String,
    body: Option<Value>,
    status: u16,
    action: &'static str,
    object_type: &'static str,
    object: Object,
}

/// The ids the audited requests refer to.
struct Ids {
    person: Uuid,
    other: Uuid,
    case: Uuid,
    grant: Uuid,
    clerk: Uuid,
}

#[rustfmt::skip]
fn audited_requests(ids: &Ids) -> Vec<Audited> {
    use Method as M;
    use Object::*;
    let Ids { person, other, case, grant, clerk } = *ids;
    let row = |user, method, path: String, body, status, action, object_type, object| {
        Audited { user, method, path, body, status, action, object_type, object }
    };
    vec![
        row("inv_a", M::GET, format!("/api/v1/persons/{person}"), None, 200, "person.read", "person", Id(person)),
        row("inv_a", M::GET, "/api/v1/persons".into(), None, 200, "person.list", "person", Nothing),
        row("inv_a", M::GET, format!("/api/v1/cases/{case}"), None, 200, "case.read", "case", Id(case)),
        row("pros", M::GET, format!("/api/v1/cases/{case}"), None, 200, "case.read", "case", Id(case)),
        row("inv_a", M::GET, "/api/v1/cases".into(), None, 200, "case.list", "case", Nothing),
        row("inv_a", M::GET, format!("/api/v1/cases/{case}/history"), None, 200, "case.history_read", "case", Id(case)),
        row("inv_a", M::GET, format!("/api/v1/cases/{case}/shares"), None, 200, "case.shares_read", "case", Id(case)),
        row("admin", M::GET, "/api/v1/users".into(), None, 200, "user.list", "user", Nothing),
        row("auditor", M::GET, "/api/v1/audit".into(), None, 200, "audit.read", "audit", Nothing),
        row("auditor", M::GET, "/api/v1/audit/verify".into(), None, 200, "audit.verify", "audit", Nothing),
        row("inv_a", M::POST, "/api/v1/persons".into(), Some(suspect_body()), 201, "person.create", "person", Created),
        row("inv_a", M::PATCH, format!("/api/v1/persons/{person}"), Some(json!({"version": 1, "phone": "+996 555 000 111"})), 200, "person.update", "person", Id(person)),
        row("inv_a", M::POST, "/api/v1/cases".into(), Some(case_body()), 201, "case.create", "case", Created),
        row("inv_a", M::PATCH, format!("/api/v1/cases/{case}"), Some(json!({"version": 1, "status": "under_investigation", "reason": "evidence"})), 200, "case.update", "case", Id(case)),
        row("inv_a", M::POST, format!("/api/v1/cases/{case}/parties"), Some(json!({"person_id": other, "role": "suspect"})), 201, "case.party_add", "case", Id(case)),
        row("inv_a", M::POST, format!("/api/v1/cases/{case}/shares"), Some(json!({"agency_code": "NGO-A", "level": "read"})), 201, "case.share", "case", Id(case)),
        row("inv_a", M::DELETE, format!("/api/v1/cases/{case}/shares/{grant}"), None, 200, "case.share_revoke", "case", Id(case)),
        row("admin", M::PATCH, format!("/api/v1/users/{clerk}"), Some(json!({"version": 1, "display_name": "NGO B worker"})), 200, "user.update", "user", Id(clerk)),
    ]
}

#[tokio::test]
async fn every_read_and_write_of_a_record_leaves_one_event() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let ids = Ids {
        person: world.person("inv_a", victim_body()).await,
        other: world.person("inv_a", suspect_body()).await,
        case,
        grant: id_of(&world.share("inv_a", case, "PROSECUTOR", "read").await),
        clerk: world.users["ngo_b"],
    };
    for row in audited_requests(&ids) {
        let at = format!("{} {} as {}", row.method, row.path, row.user);
        let before = events(&world.app).await.len();
        let response = world
            .app
            .request(
                row.method,
                &row.path,
                Some(world.token(row.user)),
                row.body.as_ref(),
            )
            .await;
        let body = expect(response, StatusCode::from_u16(row.status).unwrap()).await;
        let after = events(&world.app).await;
        assert_eq!(after.len(), before + 1, "{at}: one event");
        let event = after.last().unwrap();
        assert_eq!(event.action, row.action, "{at}");
        assert_eq!(event.object_type, row.object_type, "{at}");
        let object = match row.object {
            Object::Nothing => None,
            Object::Id(id) => Some(id),
            Object::Created => Some(id_of(&body)),
        };
        assert_eq!(event.object_id, object.map(|id| id.to_string()), "{at}");
        assert_eq!(event.user_id, Some(world.users[row.user]), "{at}");
        assert_eq!(
            event.agency_id,
            Some(world.agencies[agency_of(row.user)]),
            "{at}"
        );
        assert_eq!(event.client_addr.as_deref(), Some("127.0.0.1"), "{at}");
    }
    // A list names what it showed.
    let list = events(&world.app)
        .await
        .into_iter()
        .find(|e| e.action == "person.list")
        .unwrap();
    let details: Value = serde_json::from_str(&list.details).unwrap();
    assert!(
        details["persons"]
            .as_array()
            .unwrap()
            .contains(&json!(ids.person)),
        "{details}"
    );
}

fn agency_of(user: &str) -> &'static str {
    USERS
        .iter()
        .find(|(name, _, _)| *name == user)
        .map(|(_, _, agency)| *agency)
        .expect("a world user")
}

#[tokio::test]
async fn no_personal_data_reaches_the_audit_log() {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.party("inv_a", case, person, "victim").await;
    world.share("inv_a", case, "NGO-A", "full").await;
    for user in ["inv_a", "ngo_a"] {
        expect(world.get_person(user, person).await, StatusCode::OK).await;
        expect(world.get_case(user, case).await, StatusCode::OK).await;
        expect(world.list_persons(user, "").await, StatusCode::OK).await;
    }
    let patch = json!({"version": 1, "phone": "+996 555 123 457", "notes": "Moved to Umut shelter, room 4"});
    expect(
        world.patch_person("inv_a", person, &patch).await,
        StatusCode::OK,
    )
    .await;
    // PII typed where it does not belong: as a username, a password, a query parameter.
    world.app.login_raw(VICTIM_PII[2], VICTIM_PII[3]).await;
    world.app.login_raw("inv_a", VICTIM_PII[2]).await;
    world
        .list_persons("inv_a", &format!("pin={}", VICTIM_PII[2]))
        .await;
    expect(world.audit("").await, StatusCode::OK).await;

    let rows = events(&world.app).await;
    assert!(rows.len() > 20, "the workload was audited");
    let mut needles: Vec<&str> = VICTIM_PII.to_vec();
    needles.extend([
        "+996 555 123 457",
        "room 4",
        PASSWORD,
        "Асанбек кызы",
        "Aigul",
    ]);
    needles.extend(CASE_NARRATIVE);
    for row in &rows {
        let stored = [
            row.action.as_str(),
            row.object_type.as_str(),
            row.object_id.as_deref().unwrap_or_default(),
            row.details.as_str(),
            row.client_addr.as_deref().unwrap_or_default(),
        ]
        .join(" | ");
        assert_absent(&stored, &needles, &format!("audit event {}", row.seq));
        // Details are ids, codes, counts and flags: JSON whose strings are ids or short codes.
        let details: Value = serde_json::from_str(&row.details).expect("details are JSON");
        for value in details.as_object().expect("an object").values() {
            let strings: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for s in strings.iter().filter_map(|v| v.as_str()) {
                let is_id = s.parse::<Uuid>().is_ok();
                let is_code = s.len() <= 32
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
                assert!(
                    is_id || is_code,
                    "event {}: detail {s:?} is free text",
                    row.seq
                );
            }
        }
    }
    // The auditor's view holds nothing personal either.
    let page = world.audit("limit=200").await.text().await.unwrap();
    assert_absent(&page, &needles, "GET /api/v1/audit");
}

#[tokio::test]
async fn auditors_filter_the_log_by_user_object_action_and_time_and_page_through_it() {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    let other = world.person("inv_b", suspect_body()).await;
    for _ in 0..3 {
        expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
        expect(world.get_person("inv_b", other).await, StatusCode::OK).await;
    }
    let from = Utc::now();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    expect(world.list_cases("inv_b", "").await, StatusCode::OK).await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let to = Utc::now();
    expect(world.get_person("inv_b", other).await, StatusCode::OK).await;

    let items = |page: &Value| page["items"].as_array().unwrap().clone();
    // By user.
    let inv_a = world.users["inv_a"];
    let page = expect(
        world.audit(&format!("user_id={inv_a}&limit=200")).await,
        StatusCode::OK,
    )
    .await;
    assert!(!items(&page).is_empty());
    assert!(
        items(&page).iter().all(|e| e["user_id"] == json!(inv_a)),
        "{page}"
    );
    // By object.
    let query = format!("object_type=person&object_id={person}&limit=200");
    let page = expect(world.audit(&query).await, StatusCode::OK).await;
    let actions: Vec<String> = items(&page)
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    let mut expected = vec!["person.read"; 4];
    expected.push("person.create");
    assert_eq!(actions, expected, "newest first");
    assert!(
        items(&page)
            .iter()
            .all(|e| e["object_id"] == json!(person.to_string()))
    );
    // By action.
    let page = expect(
        world.audit("action=person.read&limit=200").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(items(&page).len(), 8);
    // By time: exactly the two events between `from` and `to`.
    let rfc = |t: chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Micros, true);
    let page = expect(
        world
            .audit(&format!("from={}&to={}", rfc(from), rfc(to)))
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: BTreeSet<String> = items(&page)
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        BTreeSet::from(["person.read".to_owned(), "case.list".to_owned()]),
        "{page}"
    );
    assert_eq!(items(&page).len(), 2);
    // Paging: every event exactly once, newest first, across pages of three.
    let all = events(&world.app).await.len();
    let mut seen = Vec::new();
    let mut before: Option<i64> = None;
    loop {
        let query = match before {
            Some(b) => format!("limit=3&before={b}"),
            None => "limit=3".to_owned(),
        };
        let page = expect(world.audit(&query).await, StatusCode::OK).await;
        assert!(items(&page).len() <= 3);
        seen.extend(items(&page).iter().map(|e| e["seq"].as_i64().unwrap()));
        match page["next_before"].as_i64() {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, no repeats: {seen:?}"
    );
    // The walk's own reads are appended after the events it pages through.
    let all = i64::try_from(all).unwrap();
    assert_eq!(seen, (1..=all).rev().collect::<Vec<_>>());
    // Only auditors read the log.
    for user in ["admin", "inv_a", "pros", "ngo_a", "analyst"] {
        expect_error(
            world.app.get("/api/v1/audit", world.token(user)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            "audit log",
        )
        .await;
    }
}

/// `korgon audit verify`: the exit status and the number of the broken event, if any.
fn verify_cli(app: &TestApp) -> (bool, Option<i64>, String) {
    let output = app.korgon(&["audit", "verify"]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let seq = stdout
        .split("BROKEN at event ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.trim().parse().ok());
    (output.status.success(), seq, stdout)
}

/// A world with some history: persons, a case, reads.
async fn busy_world() -> World {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    let case = world.case("inv_a", case_body()).await;
    world.party("inv_a", case, person, "victim").await;
    expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    let (ok, seq, stdout) = verify_cli(&world.app);
    assert!(ok && seq.is_none() && stdout.contains("intact"), "{stdout}");
    let report = expect(world.audit_verify().await, StatusCode::OK).await;
    assert!(report["broken"].is_null(), "{report}");
    world
}

/// Tampers with the database, then checks that both the CLI and the API name `seq`.
async fn assert_tampering_found(world: &World, sqls: &[String], seq: i64) {
    for sql in sqls {
        world.app.execute_sql(sql).await;
    }
    let (ok, found, stdout) = verify_cli(&world.app);
    assert!(!ok, "verify must fail: {stdout}");
    assert_eq!(found, Some(seq), "{stdout}");
    let report = expect(world.audit_verify().await, StatusCode::OK).await;
    assert_eq!(report["broken"]["seq"], seq, "{report}");
}

#[tokio::test]
async fn an_updated_row_is_found() {
    let world = busy_world().await;
    let sql = "UPDATE audit_events SET details = '{\"count\":0}' WHERE seq = 5".to_owned();
    assert_tampering_found(&world, &[sql], 5).await;
}

#[tokio::test]
async fn an_updated_row_with_a_recomputed_hash_breaks_the_next_link() {
    let world = busy_world().await;
    let row = events(&world.app)
        .await
        .into_iter()
        .find(|e| e.seq == 7)
        .unwrap();
    let forged = korgon::audit::hash_event(&korgon::audit::ChainFields {
        prev_hash: &row.prev_hash,
        seq: row.seq,
        at: row.at,
        user_id: row.user_id,
        agency_id: row.agency_id,
        action: &row.action,
        object_type: &row.object_type,
        object_id: row.object_id.as_deref(),
        details: "{}",
        client_addr: row.client_addr.as_deref(),
    });
    assert_ne!(forged, row.hash);
    let sql = format!("UPDATE audit_events SET details = '{{}}', hash = '{forged}' WHERE seq = 7");
    assert_tampering_found(&world, &[sql], 8).await;
}

#[tokio::test]
async fn a_deleted_middle_row_is_found() {
    let world = busy_world().await;
    assert_tampering_found(
        &world,
        &["DELETE FROM audit_events WHERE seq = 6".to_owned()],
        6,
    )
    .await;
}

#[tokio::test]
async fn a_deleted_last_row_is_found() {
    let world = busy_world().await;
    let last = world.app.count("audit_events").await;
    let sql = format!("DELETE FROM audit_events WHERE seq = {last}");
    assert_tampering_found(&world, &[sql], last).await;
}

#[tokio::test]
async fn reordered_rows_are_found() {
    let world = busy_world().await;
    let swap = [
        "UPDATE audit_events SET seq = -1 WHERE seq = 9",
        "UPDATE audit_events SET seq = 9 WHERE seq = 10",
        "UPDATE audit_events SET seq = 10 WHERE seq = -1",
    ]
    .map(str::to_owned);
    assert_tampering_found(&world, &swap, 9).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn verification_is_not_fooled_by_events_appended_meanwhile() {
    let world = std::sync::Arc::new(World::new().await);
    let person = world.person("inv_a", victim_body()).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut readers = tokio::task::JoinSet::new();
    for _ in 0..3 {
        let (world, stop) = (world.clone(), stop.clone());
        readers.spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
            }
        });
    }
    let mut broken = Vec::new();
    for _ in 0..30 {
        let report = expect(world.audit_verify().await, StatusCode::OK).await;
        if !report["broken"].is_null() {
            broken.push(report);
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    readers.join_all().await;
    assert!(
        broken.is_empty(),
        "false alarms on an intact log: {broken:?}"
    );
    let (ok, _, stdout) = verify_cli(&world.app);
    assert!(ok, "{stdout}");
}

#[tokio::test]
async fn refused_reads_are_audited_without_personal_data() {
    let world = World::new().await;
    let app = &world.app;
    let victim = world.person("inv_b", victim_body()).await;
    let case = world.case("inv_b", case_body()).await;
    // Out of scope for POLICE-A: 404, and the attempt is on record.
    for path in [
        format!("/api/v1/persons/{victim}"),
        format!("/api/v1/cases/{case}"),
    ] {
        expect(
            app.get(&path, world.token("inv_a")).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    // Not allowed for the role at all: 403, also on record.
    expect(
        app.get(&format!("/api/v1/persons/{victim}"), world.token("analyst"))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let stored = events(app).await;
    let refused: Vec<(&str, Option<&str>, Option<Uuid>, String)> = stored
        .iter()
        .filter(|e| e.action.ends_with(".read_refused"))
        .map(|e| {
            (
                e.action.as_str(),
                e.object_id.as_deref(),
                e.user_id,
                e.details.clone(),
            )
        })
        .collect();
    let victim_id = victim.to_string();
    let case_id = case.to_string();
    assert_eq!(
        refused,
        vec![
            (
                "person.read_refused",
                Some(victim_id.as_str()),
                Some(world.users["inv_a"]),
                r#"{"refused":"not_found"}"#.to_owned()
            ),
            (
                "case.read_refused",
                Some(case_id.as_str()),
                Some(world.users["inv_a"]),
                r#"{"refused":"not_found"}"#.to_owned()
            ),
            (
                "person.read_refused",
                Some(victim_id.as_str()),
                Some(world.users["analyst"]),
                r#"{"refused":"forbidden"}"#.to_owned()
            ),
        ]
    );
    // A successful read is not a refusal.
    expect(
        app.get(&format!("/api/v1/persons/{victim}"), world.token("inv_b"))
            .await,
        StatusCode::OK,
    )
    .await;
    let refusals = events(app)
        .await
        .iter()
        .filter(|e| e.action.ends_with(".read_refused"))
        .count();
    assert_eq!(refusals, 3);
    let verified = app.korgon(&["audit", "verify"]);
    assert!(verified.status.success(), "{verified:?}");
}
