//! The OpenAPI document: built from the same route registrations that serve requests
//! (utoipa-axum), so it cannot list a route that does not exist or miss one that does.

use utoipa::Modify;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

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
