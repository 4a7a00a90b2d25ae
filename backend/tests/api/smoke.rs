//! The harness itself works: a world logs in, opens a case and reads it back.

use reqwest::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn a_world_opens_and_reads_a_case() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    let body = expect(
        world
            .app
            .get(&format!("/api/v1/cases/{case}"), world.token("inv_a"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(body["reference"].as_str().unwrap().len(), 14);
    assert_eq!(body["access"], "owner");
    assert_eq!(body["status"], "registered");
}
