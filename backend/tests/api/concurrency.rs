//! Concurrency: two PATCHes of one record with the same version — exactly one wins, the other
//! gets 409 and nothing of the winner is lost; concurrent creations never share a reference.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

const ROUNDS: usize = 20;

/// Ten distinct article lists; round `i` uses entries `2i` and `2i + 1`, which differ from
/// each other and from whatever round `i - 1` stored.
fn articles(i: usize) -> Value {
    let (article, part) = [
        ("166", "1"),
        ("166", "2"),
        ("166", "3"),
        ("167", "1"),
        ("167", "2"),
        ("167", "3"),
        ("159", "1"),
        ("159", "2"),
        ("159", "3"),
        ("172", "1"),
    ][i % 10];
    json!([{"edition": 2021, "article": article, "part": part}])
}

/// Sends both requests at once; returns (status, body) of each.
async fn race(
    a: impl Future<Output = reqwest::Response>,
    b: impl Future<Output = reqwest::Response>,
) -> [(StatusCode, Value); 2] {
    let (a, b) = tokio::join!(a, b);
    let mut out = Vec::new();
    for response in [a, b] {
        let status = response.status();
        out.push((status, response.json().await.unwrap_or(Value::Null)));
    }
    [out[0].clone(), out[1].clone()]
}

/// Exactly one of the two won: returns the index of the winner.
fn one_winner(results: &[(StatusCode, Value); 2], round: usize) -> usize {
    let statuses = [results[0].0, results[1].0];
    let winner = match statuses {
        [StatusCode::OK, StatusCode::CONFLICT] => 0,
        [StatusCode::CONFLICT, StatusCode::OK] => 1,
        other => panic!("round {round}: expected one 200 and one 409, got {other:?}: {results:?}"),
    };
    assert_eq!(
        results[1 - winner].1["error"]["code"],
        "version_conflict",
        "round {round}"
    );
    winner
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_case_patches_with_one_version_let_exactly_one_win() {
    let world = World::new().await;
    let case = world.case("inv_a", case_body()).await;
    for round in 0..ROUNDS {
        let version = world.app.version(Table::Case, case).await;
        let bodies = ["A", "B"].map(|who| {
            let i = 2 * round + usize::from(who == "B");
            json!({
                "version": version,
                "title": format!("Round {round} by {who}"),
                "articles": articles(i),
                "reason": format!("requalified in round {round} by {who}"),
            })
        });
        let results = race(
            world.patch_case("inv_a", case, &bodies[0]),
            world.patch_case("inv_a", case, &bodies[1]),
        )
        .await;
        let winner = one_winner(&results, round);
        let won = &bodies[winner];
        assert_eq!(world.app.version(Table::Case, case).await, version + 1);
        let stored = expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
        assert_eq!(stored["version"], version + 1, "round {round}");
        assert_eq!(stored["title"], won["title"], "round {round}");
        assert_eq!(stored["articles"], won["articles"], "round {round}");
        let history = expect(world.history("inv_a", case).await, StatusCode::OK).await;
        let history = history.as_array().unwrap();
        assert_eq!(
            history.len(),
            round + 1,
            "round {round}: one entry per round"
        );
        let last = history.last().unwrap();
        assert_eq!(last["reason"], won["reason"], "round {round}");
        assert_eq!(last["new_value"], won["articles"], "round {round}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_person_patches_with_one_version_let_exactly_one_win() {
    let world = World::new().await;
    let person = world.person("inv_a", victim_body()).await;
    for round in 0..ROUNDS {
        let version = world.app.version(Table::Person, person).await;
        let bodies = ["A", "B"].map(|who| {
            json!({
                "version": version,
                "notes": format!("Round {round}: {who} met her at the shelter"),
                "aliases": [format!("Aigul {who}")],
            })
        });
        let results = race(
            world.patch_person("inv_a", person, &bodies[0]),
            world.patch_person("inv_a", person, &bodies[1]),
        )
        .await;
        let winner = one_winner(&results, round);
        let stored = expect(world.get_person("inv_a", person).await, StatusCode::OK).await;
        assert_eq!(stored["version"], version + 1, "round {round}");
        assert_eq!(stored["notes"], bodies[winner]["notes"], "round {round}");
        assert_eq!(
            stored["aliases"], bodies[winner]["aliases"],
            "round {round}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creations_never_share_a_reference() {
    let world = std::sync::Arc::new(World::new().await);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..ROUNDS {
        let world = world.clone();
        tasks.spawn(async move {
            let response = world
                .app
                .post("/api/v1/cases", world.token("inv_a"), &case_body())
                .await;
            expect(response, StatusCode::CREATED).await["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        });
    }
    let references: BTreeSet<String> = tasks.join_all().await.into_iter().collect();
    let expected: BTreeSet<String> = (1..=ROUNDS).map(|n| format!("KG-2025-{n:06}")).collect();
    assert_eq!(references, expected, "distinct and without gaps");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creations_with_one_kept_reference_store_it_once() {
    let world = World::new().await;
    for round in 1..=10 {
        let mut body = case_body();
        body["reference"] = json!(format!("KG-2019-{round:06}"));
        let results = race(
            world.app.post("/api/v1/cases", world.token("inv_a"), &body),
            world.app.post("/api/v1/cases", world.token("inv_b"), &body),
        )
        .await;
        let mut statuses = [results[0].0, results[1].0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::CREATED, StatusCode::CONFLICT],
            "round {round}: {results:?}"
        );
        let loser = results
            .iter()
            .find(|r| r.0 == StatusCode::CONFLICT)
            .unwrap();
        assert_eq!(loser.1["error"]["code"], "duplicate", "round {round}");
    }
    assert_eq!(world.app.count("cases").await, 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_additions_of_one_party_store_it_once() {
    let world = World::new().await;
    for round in 0..10 {
        let case = world.case("inv_a", case_body()).await;
        let person = world.person("inv_a", victim_body()).await;
        let body = json!({"person_id": person, "role": "victim"});
        let path = format!("/api/v1/cases/{case}/parties");
        let results = race(
            world.app.post(&path, world.token("inv_a"), &body),
            world.app.post(&path, world.token("inv_a"), &body),
        )
        .await;
        let mut statuses = [results[0].0, results[1].0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::CREATED, StatusCode::CONFLICT],
            "round {round}: {results:?}"
        );
        let stored = expect(world.get_case("inv_a", case).await, StatusCode::OK).await;
        assert_eq!(stored["parties"].as_array().unwrap().len(), 1);
    }
}
