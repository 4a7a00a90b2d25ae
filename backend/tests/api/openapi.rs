//! The OpenAPI document matches the routes that serve requests and is a valid, complete
//! document; `/healthz` and `/metrics` answer, and metrics never hold an id or query value.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// The operational probes, which answer no errors of their own.
const PROBES: [&str; 2] = ["/healthz", "/metrics"];
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Every (method, path, operation) of a document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                out.push((method.to_owned(), path.clone(), operation.clone()));
            }
        }
    }
    out
}

/// The path with each `{param}` replaced by a fresh UUID.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                Uuid::now_v7().to_string()
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn method(name: &str) -> Method {
    Method::from_bytes(name.to_uppercase().as_bytes()).expect("method")
}

#[tokio::test]
async fn the_served_document_is_the_routers_own_and_every_documented_route_is_served() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/api/v1/openapi.json", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let served: Value = serde_json::from_str(&response.text().await.unwrap()).expect("valid JSON");
    let (_, api) = korgon::api::routes();
    assert_eq!(
        served,
        serde_json::to_value(&api).unwrap(),
        "served = korgon::api::routes()"
    );
    assert!(
        served["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        served["openapi"]
    );

    let mut failures = Vec::new();
    for (name, path, operation) in operations(&served) {
        let at = format!("{} {path}", name.to_uppercase());
        let body = (name == "post" || name == "patch").then(|| json!({}));
        let response = app
            .request(method(&name), &concrete(&path), None, body.as_ref())
            .await;
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        if answer["error"]["message"] == "no such route" || status == StatusCode::METHOD_NOT_ALLOWED
        {
            failures.push(format!("{at}: documented but not served ({status})"));
            continue;
        }
        // The route needs a token exactly when the document says so, and documents the 401.
        let needs_token = status == StatusCode::UNAUTHORIZED;
        let secured = operation["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        if needs_token != secured {
            failures.push(format!(
                "{at}: answers {status} without a token but security is {}",
                operation["security"]
            ));
        }
        if needs_token && operation["responses"].get("401").is_none() {
            failures.push(format!("{at}: needs a token but documents no 401"));
        }
    }
    // A method the document does not list is refused as such, in the JSON error shape.
    for (path, item) in served["paths"].as_object().unwrap() {
        let missing = METHODS.iter().find(|m| item.get(**m).is_none()).unwrap();
        let response = app
            .request(method(missing), &concrete(path), None, None)
            .await;
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        if status != StatusCode::METHOD_NOT_ALLOWED
            || answer["error"]["code"] != "method_not_allowed"
        {
            failures.push(format!(
                "{} {path}: undocumented method answered {status} {answer}",
                missing.to_uppercase()
            ));
        }
    }
    let response = app
        .request(Method::GET, "/api/v1/nothing-here", None, None)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "not_found"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_document_is_complete_and_valid() {
    let (_, api) = korgon::api::routes();
    let doc = serde_json::to_value(&api).unwrap();
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    let mut failures = Vec::new();
    // A licence, when present, must have a name (OpenAPI requires it).
    if let Some(license) = doc["info"].get("license")
        && license["name"].as_str().is_none_or(|n| n.trim().is_empty())
    {
        failures.push(format!("info.license without a name: {license}"));
    }
    let mut ids = BTreeSet::new();
    for (name, path, operation) in operations(&doc) {
        let at = format!("{} {path}", name.to_uppercase());
        match operation["operationId"].as_str() {
            Some(id) if ids.insert(id.to_owned()) => {}
            other => failures.push(format!("{at}: operationId {other:?} missing or not unique")),
        }
        if operation["tags"].as_array().is_none_or(Vec::is_empty) {
            failures.push(format!("{at}: no tag"));
        }
        let responses = operation["responses"].as_object().expect("responses");
        for (status, response) in responses {
            if response["description"].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{at}: response {status} has no description"));
            }
        }
        let errors: Vec<(&String, &Value)> = responses
            .iter()
            .filter(|(s, _)| s.starts_with('4') || s.starts_with('5'))
            .collect();
        if errors.is_empty() && !PROBES.contains(&path.as_str()) {
            failures.push(format!("{at}: documents no error response"));
        }
        for (status, response) in &errors {
            if response["content"]["application/json"]["schema"]["$ref"]
                != "#/components/schemas/ErrorBody"
            {
                failures.push(format!("{at}: error {status} is not an ErrorBody"));
            }
        }
        // A JSON body can be malformed, of another media type, or invalid.
        if operation.get("requestBody").is_some() {
            for status in ["400", "415", "422"] {
                if !responses.contains_key(status) {
                    failures.push(format!("{at}: takes a body but documents no {status}"));
                }
            }
        }
        // Every `{param}` of the path is documented as a path parameter, and can be malformed.
        let documented: BTreeSet<&str> = operation["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "path")
                    .filter_map(|p| p["name"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        let in_path: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
            .collect();
        if documented != in_path {
            failures.push(format!(
                "{at}: path parameters {documented:?}, template has {in_path:?}"
            ));
        }
        if !in_path.is_empty() && !responses.contains_key("400") {
            failures.push(format!("{at}: takes ids in the path but documents no 400"));
        }
    }
    // Every reference resolves.
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = reference.split('"').next().unwrap();
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or(target);
        if !schemas.contains_key(name) {
            failures.push(format!("dangling reference {target}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn health_and_metrics_answer_without_a_token_and_metrics_hold_no_ids_or_query_values() {
    let world = World::new().await;
    let app = &world.app;
    let health = app.request(Method::GET, "/healthz", None, None).await;
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(
        health.json::<Value>().await.unwrap(),
        json!({"status": "ok"})
    );
    let case = world.case("inv_a", case_body()).await;
    let person = world.person("inv_a", victim_body()).await;
    let cursor = Uuid::now_v7();
    expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
    expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
    world
        .list_cases("inv_a", &format!("cursor={cursor}&region=KG-Y"))
        .await;
    world
        .list_persons("inv_a", &format!("pin={}", VICTIM_PII[2]))
        .await;
    app.request(
        Method::GET,
        &format!("/api/v1/persons/{person}/{}", VICTIM_PII[0]),
        None,
        None,
    )
    .await;
    let metrics = app.request(Method::GET, "/metrics", None, None).await;
    assert_eq!(metrics.status(), StatusCode::OK);
    let text = metrics.text().await.unwrap();
    assert!(text.contains("korgon_http_requests_total"), "{text}");
    assert!(
        text.contains(r#"route="/api/v1/cases/{id}""#),
        "counted by route template: {text}"
    );
    assert!(text.contains(r#"route="unmatched""#), "{text}");
    let (case, person, cursor) = (case.to_string(), person.to_string(), cursor.to_string());
    assert_absent(
        &text,
        &[&case, &person, &cursor, "KG-Y", "cursor=", "region="],
        "metrics",
    );
    assert_absent(&text, &VICTIM_PII, "metrics");
}
