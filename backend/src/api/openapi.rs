//! The OpenAPI document: built from the same route registrations that serve requests
//! (utoipa-axum), so it cannot list a route that does not exist or miss one that does.

use axum::http::StatusCode;
use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

/// The document's frame: title, version, security scheme.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Korgon API", description = "Anti-trafficking case management and unified database. See docs/api.md."),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Logging in"),
        (name = "cases", description = "Cases, parties, shares, transfers, history"),
        (name = "persons", description = "Persons and the assistance they received"),
        (name = "referrals", description = "Referrals between agencies, with consent"),
        (name = "agencies", description = "Agency directory"),
        (name = "users", description = "Accounts (administrators)"),
        (name = "audit", description = "Audit log (auditors)"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Completes the document where the route registrations are silent, so that no handler can
/// forget it: every route taking a token documents its 401, every route taking a body or ids in
/// its path its 400, every route taking a body its 415 and 422; every response gets the
/// description OpenAPI 3.1 requires.
pub fn complete(api: &mut utoipa::openapi::OpenApi) {
    // utoipa copies Cargo's `license` field, which is empty: Korgon declares no licence yet
    // (see the README), and an empty licence name is invalid OpenAPI.
    if api
        .info
        .license
        .as_ref()
        .is_some_and(|l| l.name.trim().is_empty())
    {
        api.info.license = None;
    }
    for item in api.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            complete_operation(operation);
        }
    }
}

fn complete_operation(operation: &mut Operation) {
    let needs_token = operation.security.as_ref().is_some_and(|s| !s.is_empty());
    let has_body = operation.request_body.is_some();
    let has_path_ids =
        operation.parameters.iter().flatten().any(
            |parameter| matches!(parameter, RefOr::T(p) if p.parameter_in == ParameterIn::Path),
        );
    let mut implied = Vec::new();
    if needs_token {
        implied.push((
            "401",
            "no valid access token, or its account or agency is deactivated",
        ));
    }
    if has_body || has_path_ids {
        implied.push((
            "400",
            "the body is not well-formed JSON, or an id in the path is not a UUID",
        ));
    }
    if has_body {
        implied.push(("415", "the body is not application/json"));
        implied.push(("422", "a field is invalid; `error.fields` names each"));
    }
    let responses = &mut operation.responses.responses;
    for (status, description) in implied {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| error_response(description));
    }
    for (status, response) in responses.iter_mut() {
        if let RefOr::T(response) = response
            && response.description.is_empty()
        {
            response.description = status
                .parse::<u16>()
                .ok()
                .and_then(|code| StatusCode::from_u16(code).ok())
                .and_then(|code| code.canonical_reason())
                .unwrap_or("response")
                .to_owned();
        }
    }
}

fn error_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build(),
    )
}
