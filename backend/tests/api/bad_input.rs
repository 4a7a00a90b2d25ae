//! Bad input: every kind of malformed request gets its exact status and code, names the field
//! at fault, never echoes a PIN or telephone number, and stores nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

/// A PIN and a telephone number sent in wrong places; no error message may repeat them.
const SECRET_PIN: &str = "11503200400123";
const SECRET_PHONE: &str = "+996 555 123 456";

/// The tables whose row counts must not move.
const TABLES: [&str; 7] = [
    "persons",
    "cases",
    "case_parties",
    "case_grants",
    "classification_changes",
    "users",
    "audit_events",
];

/// What is sent.
enum Input {
    /// No body.
    Nothing,
    /// A JSON value.
    Json(Value),
    /// Raw bytes with a content type.
    Raw(Option<&'static str>, Vec<u8>),
}

/// One bad request and its expected answer.
struct Bad {
    what: &'static str,
    user: &'static str,
    method: Method,
    /// `{case}` and `{person}` stand for an existing case and person of inv_a.
    path: &'static str,
    input: Input,
    status: u16,
    code: &'static str,
    /// The field `error.fields[].field` must name (for 422s).
    field: Option<&'static str>,
    /// Text the message (or the field's message) must contain.
    says: &'static str,
}

fn bad(
    what: &'static str,
    method: Method,
    path: &'static str,
    input: Input,
    (status, code): (u16, &'static str),
    field: Option<&'static str>,
    says: &'static str,
) -> Bad {
    Bad {
        what,
        user: "inv_a",
        method,
        path,
        input,
        status,
        code,
        field,
        says,
    }
}

const MALFORMED: (u16, &str) = (400, "malformed_body");
const INVALID: (u16, &str) = (422, "validation_failed");
const BAD_PATH: (u16, &str) = (400, "invalid_path");

fn json_raw(text: &str) -> Input {
    Input::Raw(Some("application/json"), text.as_bytes().to_vec())
}

/// A valid person with `field` replaced by `value`.
fn person_with(field: &str, value: Value) -> Input {
    let mut body = json!({"given_name": "Айгүл", "family_name": "Асанбекова", "sex": "female"});
    body[field] = value;
    Input::Json(body)
}

/// A valid case with `field` replaced by `value`.
fn case_with(field: &str, value: Value) -> Input {
    let mut body = case_body();
    body[field] = value;
    Input::Json(body)
}

fn article(edition: Value, number: &str) -> Input {
    case_with("articles", json!([{"edition": edition, "article": number}]))
}

fn long(n: usize) -> Value {
    Value::String("ы".repeat(n))
}

#[rustfmt::skip]
fn requests() -> Vec<Bad> {
    use Method as M;
    let persons = "/api/v1/persons";
    let cases = "/api/v1/cases";
    vec![
        // Not JSON at all, or not well-formed.
        bad("truncated JSON", M::POST, persons, json_raw(r#"{"given_name": "Айгүл", "#), MALFORMED, None, "not valid JSON"),
        bad("trailing data", M::POST, persons, json_raw(r#"{"given_name": "Айгүл"} {}"#), MALFORMED, None, "after the JSON value"),
        bad("empty body", M::POST, persons, json_raw(""), MALFORMED, None, "not valid JSON"),
        bad("single quotes", M::POST, cases, json_raw("{'title': 'x'}"), MALFORMED, None, "not valid JSON"),
        bad("an array, not an object", M::POST, persons, Input::Json(json!(["Айгүл", "Асанбекова"])), INVALID, Some("body"), "JSON object"),
        bad("a positional case", M::POST, cases, Input::Json(json!([null, "title", null, "KG-C"])), INVALID, Some("body"), "JSON object"),
        bad("a string, not an object", M::POST, persons, Input::Json(json!(SECRET_PIN)), INVALID, Some("body"), "JSON object"),
        bad("text/plain", M::POST, persons, Input::Raw(Some("text/plain"), br#"{"given_name": "A"}"#.to_vec()), (415, "unsupported_media_type"), None, "application/json"),
        bad("no content type", M::POST, cases, Input::Raw(None, br#"{"title": "A"}"#.to_vec()), (415, "unsupported_media_type"), None, "application/json"),
        bad("form encoding", M::POST, persons, Input::Raw(Some("application/x-www-form-urlencoded"), b"given_name=A".to_vec()), (415, "unsupported_media_type"), None, "application/json"),
        bad("over 1 MiB", M::POST, persons, Input::Raw(Some("application/json"), oversized()), (413, "payload_too_large"), None, "1 MiB"),
        // Unknown fields and wrong types name the field.
        bad("unknown person field", M::POST, persons, person_with("nickname", json!("Ака")), INVALID, Some("nickname"), "unknown field"),
        bad("unknown case field", M::POST, cases, case_with("secret", json!(true)), INVALID, Some("secret"), "unknown field"),
        bad("unknown article field", M::POST, cases, case_with("articles", json!([{"edition": 2021, "article": "166", "paragraph": "a"}])), INVALID, Some("articles[0].paragraph"), "unknown field"),
        bad("missing title", M::POST, cases, Input::Json(json!({"region": "KG-C"})), INVALID, Some("title"), "missing field"),
        bad("number for a name", M::POST, persons, person_with("given_name", json!(42)), INVALID, Some("given_name"), "invalid type"),
        bad("PIN as a number", M::POST, persons, person_with("pin", json!(11_503_200_400_123_u64)), INVALID, Some("pin"), "invalid type"),
        bad("phone as a number", M::POST, persons, person_with("phone", json!(996_555_123_456_u64)), INVALID, Some("phone"), "invalid type"),
        bad("PIN in the aliases", M::POST, persons, person_with("aliases", json!(SECRET_PIN)), INVALID, Some("aliases"), "invalid type"),
        bad("phone as the sex", M::POST, persons, person_with("sex", json!(SECRET_PHONE)), INVALID, Some("sex"), "unknown value"),
        bad("PIN as the precision", M::POST, persons, person_with("date_of_birth_precision", json!(SECRET_PIN)), INVALID, Some("date_of_birth_precision"), "unknown value"),
        bad("PIN as an edition", M::POST, cases, article(json!(SECRET_PIN), "166"), INVALID, Some("articles[0].edition"), "invalid type"),
        bad("PIN-sized edition", M::POST, cases, article(json!(11_503_200_400_123_u64), "166"), INVALID, Some("articles[0].edition"), "invalid value"),
        bad("phone as the flag", M::POST, cases, case_with("transnational", json!(SECRET_PHONE)), INVALID, Some("transnational"), "invalid type"),
        bad("unknown form", M::POST, cases, case_with("exploitation_forms", json!(["slavery"])), INVALID, Some("exploitation_forms[0]"), "unknown value"),
        // Values the country profile refuses.
        bad("PIN too short", M::POST, persons, person_with("pin", json!("1150320040012")), INVALID, Some("pin"), "exactly 14 digits"),
        bad("PIN too long", M::POST, persons, person_with("pin", json!("115032004001234")), INVALID, Some("pin"), "exactly 14 digits"),
        bad("PIN with letters", M::POST, persons, person_with("pin", json!("1150320040012A")), INVALID, Some("pin"), "without letters"),
        bad("unknown citizenship", M::POST, persons, person_with("citizenship", json!("XX")), INVALID, Some("citizenship"), ""),
        bad("phone with letters", M::POST, persons, person_with("phone", json!("+996 CALL ME")), INVALID, Some("phone"), "telephone number"),
        bad("unknown region", M::POST, cases, case_with("region", json!("KG-X")), INVALID, Some("region"), ""),
        bad("unknown article", M::POST, cases, article(json!(2021), "999"), INVALID, Some("articles[0].article"), "not in the 2021 code"),
        bad("unknown edition", M::POST, cases, article(json!(1961), "124"), INVALID, Some("articles[0].edition"), "unknown criminal-code edition"),
        bad("article of another edition", M::POST, cases, article(json!(1997), "166"), INVALID, Some("articles[0].article"), "not in the 1997 code"),
        bad("part out of range", M::POST, cases, case_with("articles", json!([{"edition": 2021, "article": "166", "part": "9"}])), INVALID, Some("articles[0].part"), "from 1 to"),
        bad("malformed reference", M::POST, cases, case_with("reference", json!("KG-24-1")), INVALID, Some("reference"), "KG-2024-000123"),
        // Over-long strings.
        bad("long title", M::POST, cases, case_with("title", long(201)), INVALID, Some("title"), "at most 200"),
        bad("long place", M::POST, cases, case_with("place", long(201)), INVALID, Some("place"), "at most 200"),
        bad("long given name", M::POST, persons, person_with("given_name", long(101)), INVALID, Some("given_name"), "at most 100"),
        bad("long family name", M::POST, persons, person_with("family_name", long(101)), INVALID, Some("family_name"), "at most 100"),
        bad("long alias", M::POST, persons, person_with("aliases", json!([long(101)])), INVALID, Some("aliases[0]"), "at most 100"),
        bad("long address", M::POST, persons, person_with("address", long(501)), INVALID, Some("address"), "at most 500"),
        bad("empty title", M::POST, cases, case_with("title", json!("   ")), INVALID, Some("title"), "must not be empty"),
        bad("control character", M::POST, persons, person_with("given_name", json!("Ай\u{7}гүл")), INVALID, Some("given_name"), "control characters"),
        // Dates.
        bad("29 February 2023", M::POST, cases, case_with("opened_on", json!("2023-02-29")), INVALID, Some("opened_on"), "YYYY-MM-DD"),
        bad("future opening", M::POST, cases, case_with("opened_on", json!("2099-01-01")), INVALID, Some("opened_on"), "future"),
        bad("dotted date", M::POST, cases, case_with("opened_on", json!("21.11.2026")), INVALID, Some("opened_on"), "YYYY-MM-DD"),
        bad("before 1900", M::POST, cases, case_with("incident_from", json!("1899-12-31")), INVALID, Some("incident_from"), "1900"),
        bad("incident ends before it starts", M::POST, cases, Input::Json(json!({"title": "x", "region": "KG-C", "incident_from": "2025-02-01", "incident_to": "2025-01-01"})), INVALID, Some("incident_to"), "before incident_from"),
        bad("birth on 29 February 2023", M::POST, persons, person_with("date_of_birth", json!("2023-02-29")), INVALID, Some("date_of_birth"), "YYYY-MM-DD"),
        bad("birth in the future", M::POST, persons, person_with("date_of_birth", json!("2099-05-01")), INVALID, Some("date_of_birth"), "past date"),
        bad("dotted birth date", M::POST, persons, person_with("date_of_birth", json!("21.11.2006")), INVALID, Some("date_of_birth"), "YYYY-MM-DD"),
        // Changes.
        bad("patch without version", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"title": "x"})), INVALID, Some("version"), "missing field"),
        bad("version as text", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"version": "one", "title": "x"})), INVALID, Some("version"), "invalid type"),
        bad("unknown status", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"version": 1, "status": "open", "reason": "x"})), INVALID, Some("status"), "unknown value"),
        bad("closing without a closure reason", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"version": 1, "status": "closed", "reason": "x"})), INVALID, Some("closure_reason"), "required"),
        bad("reclassifying without a reason", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"version": 1, "exploitation_forms": ["begging"]})), INVALID, Some("reason"), "required"),
        bad("patch changing nothing", M::PATCH, "/api/v1/cases/{case}", Input::Json(json!({"version": 1})), INVALID, Some("body"), "no field"),
        bad("patch with a bad PIN", M::PATCH, "/api/v1/persons/{person}", Input::Json(json!({"version": 1, "pin": "12"})), INVALID, Some("pin"), "exactly 14 digits"),
        bad("patch with a long address", M::PATCH, "/api/v1/persons/{person}", Input::Json(json!({"version": 1, "address": long(501)})), INVALID, Some("address"), "at most 500"),
        bad("precision without a date", M::PATCH, "/api/v1/persons/{person}", Input::Json(json!({"version": 1, "date_of_birth_precision": "year"})), INVALID, Some("date_of_birth_precision"), "together with date_of_birth"),
        bad("unknown party role", M::POST, "/api/v1/cases/{case}/parties", Input::Json(json!({"person_id": "00000000-0000-0000-0000-000000000000", "role": "villain"})), INVALID, Some("role"), "unknown value"),
        bad("party id not a UUID", M::POST, "/api/v1/cases/{case}/parties", Input::Json(json!({"person_id": SECRET_PIN, "role": "victim"})), INVALID, Some("person_id"), "UUID"),
        bad("age over 255", M::POST, "/api/v1/cases/{case}/parties", Input::Json(json!({"person_id": "00000000-0000-0000-0000-000000000000", "role": "victim", "details": {"age_at_exploitation": 300}})), INVALID, Some("details.age_at_exploitation"), "invalid value"),
        bad("unknown share level", M::POST, "/api/v1/cases/{case}/shares", Input::Json(json!({"agency_code": "POLICE-B", "level": "owner"})), INVALID, Some("level"), "unknown value"),
        bad("unknown share agency", M::POST, "/api/v1/cases/{case}/shares", Input::Json(json!({"agency_code": "NOWHERE", "level": "read"})), INVALID, Some("agency_code"), "no agency"),
        bad("login without password", M::POST, "/api/v1/auth/login", Input::Json(json!({"username": "inv_a"})), INVALID, Some("password"), "missing field"),
        bad("malformed login", M::POST, "/api/v1/auth/login", json_raw("{username: inv_a}"), MALFORMED, None, "not valid JSON"),
        // Paths.
        bad("case id not a UUID", M::GET, "/api/v1/cases/not-a-uuid", Input::Nothing, BAD_PATH, None, "UUID"),
        bad("person id a PIN", M::GET, "/api/v1/persons/11503200400123", Input::Nothing, BAD_PATH, None, "UUID"),
        bad("grant id not a UUID", M::DELETE, "/api/v1/cases/{case}/shares/xyz", Input::Nothing, BAD_PATH, None, "UUID"),
        bad("patch of a non-UUID", M::PATCH, "/api/v1/persons/123", Input::Json(json!({"version": 1, "notes": "x"})), BAD_PATH, None, "UUID"),
        // Query parameters.
        bad("limit zero", M::GET, "/api/v1/cases?limit=0", Input::Nothing, INVALID, Some("limit"), "between 1 and 200"),
        bad("limit too large", M::GET, "/api/v1/persons?limit=201", Input::Nothing, INVALID, Some("limit"), "between 1 and 200"),
        bad("limit not a number", M::GET, "/api/v1/cases?limit=abc", Input::Nothing, INVALID, Some("limit"), "invalid digit"),
        bad("negative limit", M::GET, "/api/v1/persons?limit=-1", Input::Nothing, INVALID, Some("limit"), "invalid digit"),
        bad("unknown parameter", M::GET, "/api/v1/cases?colour=red", Input::Nothing, INVALID, Some("colour"), "unknown field"),
        bad("PIN as a parameter", M::GET, "/api/v1/persons?pin=11503200400123", Input::Nothing, INVALID, Some("pin"), "unknown field"),
        bad("forged cursor", M::GET, "/api/v1/cases?cursor=11503200400123", Input::Nothing, INVALID, Some("cursor"), "not a cursor"),
        bad("unknown status filter", M::GET, "/api/v1/cases?status=open", Input::Nothing, INVALID, Some("status"), "unknown value"),
        bad("unknown region filter", M::GET, "/api/v1/cases?region=KG-X", Input::Nothing, INVALID, Some("region"), ""),
        Bad { user: "auditor", ..bad("audit limit zero", M::GET, "/api/v1/audit?limit=0", Input::Nothing, INVALID, Some("limit"), "between 1 and 200") },
        Bad { user: "auditor", ..bad("audit time not a time", M::GET, "/api/v1/audit?from=yesterday", Input::Nothing, INVALID, Some("from"), "") },
        Bad { user: "auditor", ..bad("audit user not a UUID", M::GET, "/api/v1/audit?user_id=11503200400123", Input::Nothing, INVALID, Some("user_id"), "UUID") },
    ]
}

/// A syntactically valid JSON body just over the 1 MiB limit.
fn oversized() -> Vec<u8> {
    let notes = "ы".repeat(600 * 1024);
    serde_json::to_vec(&json!({"given_name": "Айгүл", "notes": notes})).expect("json")
}

async fn counts(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        counts.push(app.count(table).await);
    }
    counts
}

#[tokio::test]
async fn bad_input_is_refused_naming_the_field_and_stores_nothing() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let person = world.person("inv_a", victim_body()).await;
    let before = counts(&world.app).await;
    let mut failures = Vec::new();
    for request in requests() {
        let path = request
            .path
            .replace("{case}", &case.to_string())
            .replace("{person}", &person.to_string());
        let token = Some(world.token(request.user));
        let app = &world.app;
        let response = match request.input {
            Input::Nothing => {
                app.request(request.method.clone(), &path, token, None)
                    .await
            }
            Input::Json(ref body) => {
                app.request(request.method.clone(), &path, token, Some(body))
                    .await
            }
            Input::Raw(content_type, ref bytes) => {
                app.request_raw(
                    request.method.clone(),
                    &path,
                    token,
                    content_type,
                    bytes.clone(),
                )
                .await
            }
        };
        let status = response.status();
        let text = response.text().await.expect("body");
        let at = request.what;
        let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if status.as_u16() != request.status || body["error"]["code"] != request.code {
            failures.push(format!(
                "{at}: got {status} {}, expected {} {}; body {text}",
                body["error"]["code"], request.status, request.code
            ));
            continue;
        }
        let message = body["error"]["message"].as_str().unwrap_or_default();
        match request.field {
            Some(field) => {
                let named = body["error"]["fields"]
                    .as_array()
                    .and_then(|fields| fields.iter().find(|f| f["field"] == field));
                match named {
                    Some(error)
                        if error["message"]
                            .as_str()
                            .is_some_and(|m| m.contains(request.says)) => {}
                    _ => failures.push(format!(
                        "{at}: no error for field {field:?} saying {:?}: {text}",
                        request.says
                    )),
                }
                if !message.contains(field) {
                    failures.push(format!("{at}: the message does not name {field:?}: {text}"));
                }
            }
            None => {
                if !message.contains(request.says) {
                    failures.push(format!("{at}: message lacks {:?}: {text}", request.says));
                }
            }
        }
        for secret in [SECRET_PIN, SECRET_PHONE, "996555123456", "11503200400123"] {
            if text.contains(secret) {
                failures.push(format!("{at}: the answer echoes {secret:?}: {text}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        counts(&world.app).await,
        before,
        "rows of {TABLES:?} changed"
    );
    // The records sent before are untouched.
    for (table, id) in [(Table::Case, case), (Table::Person, person)] {
        assert_eq!(world.app.version(table, id).await, 1);
    }
    let stored = expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    assert_eq!(stored["pin"], SECRET_PIN);
}
