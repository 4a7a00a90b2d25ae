//! The test harness: `spawn_app()` starts Korgon on a random port with a database of its own
//! (a fresh SQLite file, or — with `KORGON_TEST_DATABASE_URL=postgres://…` — a uniquely named
//! PostgreSQL database dropped when the test ends), and `World` adds a standard set of
//! agencies and one logged-in user per role.

#![allow(dead_code)] // Not every test module uses every helper.
use std::collections::HashMap;
use std::path::PathBuf;

use korgon::api::AppState;
use korgon::settings::Settings;
use korgon::startup::Application;
use korgon::store::agencies::{self, NewAgency};
use korgon::store::users::{self, NewUser};
use korgon_domain::{AgencyKind, Role};
use reqwest::{Response, StatusCode};
use secrecy::SecretString;
use serde_json::{Value, json};
use uuid::Uuid;

/// The password of every test user.
pub const PASSWORD: &str = "test-password-123";

/// A running application with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// A client that keeps no cookies and follows no redirects.
    pub client: reqwest::Client,
    /// The application state (direct database access for assertions and tampering).
    pub state: AppState,
    /// The data directory.
    pub data_dir: PathBuf,
    /// `Some` when the database is PostgreSQL.
    pub database_url: Option<String>,
    _dir: tempfile::TempDir,
    _pg: Option<PgGuard>,
}

/// Drops the test's PostgreSQL database when the test ends.
pub struct PgGuard {
    admin_url: String,
    name: String,
}

impl Drop for PgGuard {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs outside any runtime the test may still be shutting down: use a thread.
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                use sqlx::Connection;
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                        .execute(&mut conn)
                        .await;
                }
            });
        })
        .join();
    }
}

/// The PostgreSQL server to test against, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("KORGON_TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

async fn create_pg_database(admin_url: &str) -> (String, PgGuard) {
    use sqlx::Connection;
    let name = format!("korgon_test_{}", Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .expect("connect to the PostgreSQL test server");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .expect("create the test database");
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(admin_url);
    (
        format!("{base}/{name}"),
        PgGuard {
            admin_url: admin_url.to_owned(),
            name,
        },
    )
}

/// Settings for a test: port 0, its own data dir, and the test database.
pub async fn test_settings() -> (Settings, tempfile::TempDir, Option<PgGuard>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::for_data_dir(dir.path());
    settings.listen = "127.0.0.1:0".parse().expect("address");
    settings.sqlite_read_connections = 4;
    settings.postgres_connections = 4;
    let guard = match postgres_url() {
        Some(admin) => {
            let (url, guard) = create_pg_database(&admin).await;
            settings.database_url = Some(SecretString::from(url));
            Some(guard)
        }
        None => None,
    };
    (settings, dir, guard)
}

/// Starts an application with `settings` adjusted by `adjust`.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    test_app(adjust, true).await
}

/// The state of an application on a fresh data directory and database, not served (so that
/// the data directory is not locked, as for console commands such as `korgon demo`).
pub async fn unserved_app() -> TestApp {
    test_app(|_| {}, false).await
}

async fn test_app(adjust: impl FnOnce(&mut Settings), serve: bool) -> TestApp {
    let (mut settings, dir, guard) = test_settings().await;
    adjust(&mut settings);
    let database_url = guard.as_ref().map(|_| {
        use secrecy::ExposeSecret;
        settings
            .database_url
            .as_ref()
            .map(|s| s.expose_secret().to_owned())
            .unwrap_or_default()
    });
    let (address, state) = if serve {
        let app = Application::build(settings.clone())
            .await
            .expect("build the application");
        let address = format!("http://{}", app.local_addr().expect("bound address"));
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped());
        (address, state)
    } else {
        let state = korgon::startup::build_state(&settings)
            .await
            .expect("build the state");
        ("http://127.0.0.1:9".to_owned(), state)
    };
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        state,
        data_dir: dir.path().to_path_buf(),
        database_url,
        _dir: dir,
        _pg: guard,
    }
}

/// Starts an application with default settings.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

impl TestApp {
    /// Starts serving an [`unserved_app`] (taking its data directory's lock).
    pub async fn serve(&mut self) {
        let app =
            Application::with_state(self.state.clone(), "127.0.0.1:0".parse().expect("address"))
                .await
                .expect("serve the application");
        self.address = format!("http://{}", app.local_addr().expect("bound address"));
        tokio::spawn(app.run_until_stopped());
    }

    /// Creates an agency directly in storage.
    pub async fn add_agency(&self, code: &str, kind: AgencyKind) -> Uuid {
        agencies::create(
            &self.state.store,
            None,
            NewAgency {
                code: code.into(),
                name: format!("{code} (test)"),
                kind,
                region: Some("KG-C".into()),
            },
        )
        .await
        .expect("create agency")
        .id
    }

    /// Creates a user directly in storage (password [`PASSWORD`]).
    pub async fn add_user(&self, username: &str, role: Role, agency: &str) -> Uuid {
        users::create(
            &self.state.store,
            None,
            NewUser {
                username: username.into(),
                display_name: None,
                role,
                agency_code: agency.into(),
                password: SecretString::from(PASSWORD),
            },
        )
        .await
        .expect("create user")
        .id
    }

    /// `POST /api/v1/auth/login`.
    pub async fn login_raw(&self, username: &str, password: &str) -> Response {
        self.client
            .post(format!("{}/api/v1/auth/login", self.address))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .expect("request")
    }

    /// Logs in and returns the token.
    pub async fn login(&self, username: &str) -> String {
        let response = self.login_raw(username, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login of {username}");
        let body: Value = response.json().await.expect("json");
        body["access_token"].as_str().expect("token").to_owned()
    }

    /// Sends a request with an optional bearer token and JSON body.
    pub async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request")
    }

    /// Sends raw bytes with an optional content type (for bodies that are not JSON).
    pub async fn request_raw(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(content_type) = content_type {
            request = request.header(reqwest::header::CONTENT_TYPE, content_type);
        }
        request.send().await.expect("request")
    }

    /// `GET path` with a token.
    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(reqwest::Method::GET, path, Some(token), None)
            .await
    }

    /// `POST path` with a token and body.
    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request(reqwest::Method::POST, path, Some(token), Some(body))
            .await
    }

    /// `PATCH path` with a token and body.
    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request(reqwest::Method::PATCH, path, Some(token), Some(body))
            .await
    }

    /// `DELETE path` with a token.
    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.request(reqwest::Method::DELETE, path, Some(token), None)
            .await
    }

    /// The `korgon` binary, pointed at this app's data dir and database.
    pub fn korgon_command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_korgon"));
        command
            .arg("--data-dir")
            .arg(&self.data_dir)
            .args(args)
            .env_remove("KORGON_DATABASE_URL");
        if let Some(url) = &self.database_url {
            command.env("KORGON_DATABASE_URL", url);
        }
        command
    }

    /// Runs the `korgon` binary against this app's database.
    pub fn korgon(&self, args: &[&str]) -> std::process::Output {
        self.korgon_command(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run korgon")
    }

    /// Runs the `korgon` binary with `input` piped to its standard input.
    pub fn korgon_with_stdin(&self, args: &[&str], input: &str) -> std::process::Output {
        use std::io::Write;
        let mut child = self
            .korgon_command(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn korgon");
        // A command that fails before reading (a bad flag) closes its end: that is no error.
        let written = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        child.wait_with_output().expect("run korgon")
    }

    /// The number of rows in `table` (for "nothing was stored" assertions).
    pub async fn count(&self, table: &str) -> i64 {
        use sea_orm::ConnectionTrait;
        let db = &self.state.store.db.writer;
        let statement = sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) FROM {table}"),
        );
        let row = db
            .query_one_raw(statement)
            .await
            .expect("count query")
            .expect("count row");
        row.try_get_by_index::<i64>(0).expect("count")
    }

    /// Runs raw SQL on the writer connection, bypassing Korgon (tampering with the database).
    pub async fn execute_sql(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        self.state
            .store
            .db
            .writer
            .execute_unprepared(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// The stored `version` of a case, person, agency or user, read straight from the database
    /// (no audit event), for PATCH bodies.
    pub async fn version(&self, table: Table, id: Uuid) -> i64 {
        use korgon::entity::{agency, case, person, user};
        use sea_orm::EntityTrait;
        let db = &self.state.store.db.reader;
        let version = match table {
            Table::Case => case::Entity::find_by_id(id)
                .one(db)
                .await
                .expect("query")
                .map(|m| m.version),
            Table::Person => person::Entity::find_by_id(id)
                .one(db)
                .await
                .expect("query")
                .map(|m| m.version),
            Table::Agency => agency::Entity::find_by_id(id)
                .one(db)
                .await
                .expect("query")
                .map(|m| m.version),
            Table::User => user::Entity::find_by_id(id)
                .one(db)
                .await
                .expect("query")
                .map(|m| m.version),
        };
        version.unwrap_or_else(|| panic!("no {table:?} {id}"))
    }
}

/// The tables whose rows carry a `version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `cases`.
    Case,
    /// `persons`.
    Person,
    /// `agencies`.
    Agency,
    /// `users`.
    User,
}

/// The `id` of a created object's JSON.
pub fn id_of(value: &Value) -> Uuid {
    value["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no id in {value}"))
}

/// Asserts the status and returns the JSON body (the body is printed on failure).
pub async fn expect(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let text = response.text().await.expect("body");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Asserts an error response: status, error code, and that the message mentions `needle`.
pub async fn expect_error(
    response: Response,
    status: StatusCode,
    code: &str,
    needle: &str,
) -> Value {
    let body = expect(response, status).await;
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(needle),
        "message {message:?} lacks {needle:?}"
    );
    body
}

/// The standard world of the tests: two police units, a prosecutor's office, two NGOs, a
/// shelter, a ministry; one user per role, logged in.
pub struct World {
    /// The application.
    pub app: TestApp,
    /// Agency ids by code.
    pub agencies: HashMap<&'static str, Uuid>,
    /// User ids by username.
    pub users: HashMap<&'static str, Uuid>,
    tokens: HashMap<&'static str, String>,
}

/// The world's agencies.
pub const AGENCIES: [(&str, AgencyKind); 7] = [
    ("POLICE-A", AgencyKind::Police),
    ("POLICE-B", AgencyKind::Police),
    ("PROSECUTOR", AgencyKind::Prosecutor),
    ("NGO-A", AgencyKind::Ngo),
    ("NGO-B", AgencyKind::Ngo),
    ("SHELTER", AgencyKind::Shelter),
    ("MINISTRY", AgencyKind::Ministry),
];

/// The world's users: username, role, agency.
pub const USERS: [(&str, Role, &str); 8] = [
    ("admin", Role::Admin, "MINISTRY"),
    ("inv_a", Role::Investigator, "POLICE-A"),
    ("inv_b", Role::Investigator, "POLICE-B"),
    ("pros", Role::Prosecutor, "PROSECUTOR"),
    ("ngo_a", Role::NgoWorker, "NGO-A"),
    ("ngo_b", Role::NgoWorker, "NGO-B"),
    ("analyst", Role::Analyst, "MINISTRY"),
    ("auditor", Role::Auditor, "PROSECUTOR"),
];

impl World {
    /// Spawns an app and creates the world.
    pub async fn new() -> World {
        Self::on(spawn_app().await).await
    }

    /// Creates the world in `app`.
    pub async fn on(app: TestApp) -> World {
        let mut agencies = HashMap::new();
        for (code, kind) in AGENCIES {
            agencies.insert(code, app.add_agency(code, kind).await);
        }
        let mut users = HashMap::new();
        let mut tokens = HashMap::new();
        for (username, role, agency) in USERS {
            users.insert(username, app.add_user(username, role, agency).await);
            tokens.insert(username, app.login(username).await);
        }
        World {
            app,
            agencies,
            users,
            tokens,
        }
    }

    /// The token of a world user.
    pub fn token(&self, username: &str) -> &str {
        self.tokens
            .get(username)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no user {username}"))
    }

    /// Registers a person as `username` and returns its id.
    pub async fn person(&self, username: &str, body: Value) -> Uuid {
        let created = expect(
            self.app
                .post("/api/v1/persons", self.token(username), &body)
                .await,
            StatusCode::CREATED,
        )
        .await;
        id_of(&created)
    }

    /// Opens a case as `username` and returns its id.
    pub async fn case(&self, username: &str, body: Value) -> Uuid {
        let created = expect(
            self.app
                .post("/api/v1/cases", self.token(username), &body)
                .await,
            StatusCode::CREATED,
        )
        .await;
        id_of(&created)
    }

    /// Adds a party to a case as `username`.
    pub async fn party(&self, username: &str, case: Uuid, person: Uuid, role: &str) {
        let body = json!({"person_id": person, "role": role});
        expect(
            self.app
                .post(
                    &format!("/api/v1/cases/{case}/parties"),
                    self.token(username),
                    &body,
                )
                .await,
            StatusCode::CREATED,
        )
        .await;
    }

    /// `GET /api/v1/cases/{id}` as `username`.
    pub async fn get_case(&self, username: &str, case: Uuid) -> Response {
        self.app
            .get(&format!("/api/v1/cases/{case}"), self.token(username))
            .await
    }

    /// `GET /api/v1/cases?{query}` as `username`.
    pub async fn list_cases(&self, username: &str, query: &str) -> Response {
        self.app
            .get(&format!("/api/v1/cases?{query}"), self.token(username))
            .await
    }

    /// `PATCH /api/v1/cases/{id}` as `username`.
    pub async fn patch_case(&self, username: &str, case: Uuid, body: &Value) -> Response {
        self.app
            .patch(&format!("/api/v1/cases/{case}"), self.token(username), body)
            .await
    }

    /// `GET /api/v1/cases/{id}/history` as `username`.
    pub async fn history(&self, username: &str, case: Uuid) -> Response {
        self.app
            .get(
                &format!("/api/v1/cases/{case}/history"),
                self.token(username),
            )
            .await
    }

    /// `GET /api/v1/cases/{id}/shares` as `username`.
    pub async fn shares(&self, username: &str, case: Uuid) -> Response {
        self.app
            .get(
                &format!("/api/v1/cases/{case}/shares"),
                self.token(username),
            )
            .await
    }

    /// `DELETE /api/v1/cases/{id}/shares/{grant_id}` as `username`.
    pub async fn revoke(&self, username: &str, case: Uuid, grant: Uuid) -> Response {
        self.app
            .delete(
                &format!("/api/v1/cases/{case}/shares/{grant}"),
                self.token(username),
            )
            .await
    }

    /// `GET /api/v1/persons/{id}` as `username`.
    pub async fn get_person(&self, username: &str, person: Uuid) -> Response {
        self.app
            .get(&format!("/api/v1/persons/{person}"), self.token(username))
            .await
    }

    /// `GET /api/v1/persons?{query}` as `username`.
    pub async fn list_persons(&self, username: &str, query: &str) -> Response {
        self.app
            .get(&format!("/api/v1/persons?{query}"), self.token(username))
            .await
    }

    /// `PATCH /api/v1/persons/{id}` as `username`.
    pub async fn patch_person(&self, username: &str, person: Uuid, body: &Value) -> Response {
        self.app
            .patch(
                &format!("/api/v1/persons/{person}"),
                self.token(username),
                body,
            )
            .await
    }

    /// `PATCH /api/v1/users/{id}` as the administrator.
    pub async fn patch_user(&self, user: Uuid, body: &Value) -> Response {
        self.app
            .patch(&format!("/api/v1/users/{user}"), self.token("admin"), body)
            .await
    }

    /// `PATCH /api/v1/agencies/{id}` as the administrator.
    pub async fn patch_agency(&self, agency: Uuid, body: &Value) -> Response {
        self.app
            .patch(
                &format!("/api/v1/agencies/{agency}"),
                self.token("admin"),
                body,
            )
            .await
    }

    /// `GET /api/v1/audit?{query}` as the auditor.
    pub async fn audit(&self, query: &str) -> Response {
        self.app
            .get(&format!("/api/v1/audit?{query}"), self.token("auditor"))
            .await
    }

    /// `GET /api/v1/audit/verify` as the auditor.
    pub async fn audit_verify(&self) -> Response {
        self.app
            .get("/api/v1/audit/verify", self.token("auditor"))
            .await
    }

    /// Shares a case as `username` with `agency` at `level`.
    pub async fn share(&self, username: &str, case: Uuid, agency: &str, level: &str) -> Value {
        let body = json!({"agency_code": agency, "level": level});
        expect(
            self.app
                .post(
                    &format!("/api/v1/cases/{case}/shares"),
                    self.token(username),
                    &body,
                )
                .await,
            StatusCode::CREATED,
        )
        .await
    }
}

/// A victim with every field filled, protected ones included (all synthetic).
pub fn victim_body() -> Value {
    json!({
        "given_name": "Айгүл",
        "family_name": "Асанбекова",
        "patronymic": "Асанбек кызы",
        "aliases": ["Aigul Asanbekova"],
        "sex": "female",
        "date_of_birth": "2004-03-15",
        "pin": "11503200400123",
        "citizenship": "KG",
        "phone": "+996 555 123 456",
        "address": "Ат-Башы айылы, Ленин көчөсү 12",
        "notes": "Stays at the Umut shelter"
    })
}

/// A suspect.
pub fn suspect_body() -> Value {
    json!({"given_name": "Бакыт", "family_name": "Жээнбеков", "sex": "male", "date_of_birth": "1990", "phone": "+996 700 999 888"})
}

/// A case.
pub fn case_body() -> Value {
    json!({
        "title": "Ала качуу, Ат-Башы",
        "summary": "The victim was abducted for marriage by a group of men.",
        "region": "KG-N",
        "place": "Ат-Башы",
        "exploitation_forms": ["forced_marriage"],
        "articles": [{"edition": 2021, "article": "172", "part": "1"}],
        "opened_on": "2025-06-01"
    })
}

/// The values of a victim that must never appear outside scope: names, PIN, contacts.
pub const VICTIM_PII: [&str; 6] = [
    "Айгүл",
    "Асанбекова",
    "11503200400123",
    "+996 555 123 456",
    "Ленин көчөсү",
    "Umut shelter",
];
/// The protected values of the victim (contacts and notes).
pub const VICTIM_PROTECTED: [&str; 3] = ["+996 555 123 456", "Ленин көчөсү", "Umut shelter"];
/// A case's narrative.
pub const CASE_NARRATIVE: [&str; 2] = ["abducted for marriage", "Ала качуу"];

/// Asserts that none of `needles` occurs in `body`.
pub fn assert_absent(body: &str, needles: &[&str], context: &str) {
    for needle in needles {
        assert!(
            !body.contains(needle),
            "{context}: leaked {needle:?} in {body}"
        );
    }
}

// ---- Referrals, transfers and assistance (issue 3) ----

/// A referral body: `person` sent to `to_agency` with consent `given_by` and `scope`
/// (`scope` is left out when `None`), consent given yesterday.
pub fn referral_body(to_agency: &str, person: Uuid, given_by: &str, scope: Option<&str>) -> Value {
    let mut consent = json!({"given_by": given_by});
    if given_by != "none" {
        let yesterday = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
        consent["given_on"] = json!(yesterday.to_string());
    }
    if let Some(scope) = scope {
        consent["scope"] = json!(scope);
    }
    json!({
        "to_agency": to_agency,
        "person_id": person,
        "reason": "Victim of bride kidnapping; needs protection and legal aid",
        "needs": ["shelter", "legal"],
        "urgency": "high",
        "consent": consent,
        "region": "KG-N",
    })
}

impl World {
    /// Adds a user in `agency` to the world and logs them in.
    pub async fn add_member(&mut self, username: &'static str, role: Role, agency: &str) {
        let id = self.app.add_user(username, role, agency).await;
        self.users.insert(username, id);
        let token = self.app.login(username).await;
        self.tokens.insert(username, token);
    }

    /// Submits a referral as `username`; returns the created referral.
    pub async fn refer(&self, username: &str, body: &Value) -> Value {
        expect(
            self.app
                .post("/api/v1/referrals", self.token(username), body)
                .await,
            StatusCode::CREATED,
        )
        .await
    }

    /// `POST /api/v1/referrals/{id}/{step}` as `username` with `body`.
    pub async fn step(&self, username: &str, referral: Uuid, step: &str, body: &Value) -> Response {
        self.app
            .post(
                &format!("/api/v1/referrals/{referral}/{step}"),
                self.token(username),
                body,
            )
            .await
    }

    /// Takes `step` as `username` with an empty JSON object and expects 200.
    pub async fn step_ok(&self, username: &str, referral: Uuid, step: &str) -> Value {
        expect(
            self.step(username, referral, step, &json!({})).await,
            StatusCode::OK,
        )
        .await
    }

    /// `GET path` as `username`, returning status and body text.
    pub async fn get_text(&self, username: &str, path: &str) -> (StatusCode, String) {
        let response = self.app.get(path, self.token(username)).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// The status of `GET path` as `username`.
    pub async fn status_of(&self, username: &str, path: &str) -> StatusCode {
        self.app.get(path, self.token(username)).await.status()
    }
}

impl TestApp {
    /// Every audit row as text (action, object, details), for leak scans.
    pub async fn audit_text(&self) -> String {
        use korgon::entity::audit_event;
        use sea_orm::EntityTrait;
        let rows = audit_event::Entity::find()
            .all(&self.state.store.db.writer)
            .await
            .expect("audit rows");
        rows.iter()
            .map(|r| {
                format!(
                    "{} {} {} {} {}\n",
                    r.action,
                    r.object_type,
                    r.object_id.clone().unwrap_or_default(),
                    r.details,
                    r.client_addr.clone().unwrap_or_default()
                )
            })
            .collect()
    }

    /// The audit actions recorded on `object_id`, oldest first.
    pub async fn audit_actions(&self, object_id: Uuid) -> Vec<String> {
        use korgon::entity::audit_event;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        audit_event::Entity::find()
            .filter(audit_event::Column::ObjectId.eq(object_id.to_string()))
            .order_by_asc(audit_event::Column::Seq)
            .all(&self.state.store.db.writer)
            .await
            .expect("audit rows")
            .into_iter()
            .map(|r| r.action)
            .collect()
    }

    /// Moves a referral's submission `days` into the past (for overdue tests).
    pub async fn backdate_referral(&self, referral: Uuid, days: i64) {
        use korgon::entity::referral;
        use sea_orm::{ActiveValue::Set, EntityTrait};
        referral::Entity::update(referral::ActiveModel {
            id: Set(referral),
            submitted_at: Set(chrono::Utc::now() - chrono::Duration::days(days)),
            ..Default::default()
        })
        .exec(&self.state.store.db.writer)
        .await
        .expect("backdate referral");
    }

    /// The grants (person and case) a referral created: (live, revoked).
    pub async fn referral_grants(&self, referral: Uuid) -> (usize, usize) {
        use korgon::entity::{case_grant, person_grant};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let db = &self.state.store.db.writer;
        let persons = person_grant::Entity::find()
            .filter(person_grant::Column::OriginId.eq(referral))
            .all(db)
            .await
            .expect("person grants");
        let cases = case_grant::Entity::find()
            .filter(case_grant::Column::OriginId.eq(referral))
            .all(db)
            .await
            .expect("case grants");
        let live = persons.iter().filter(|g| g.revoked_at.is_none()).count()
            + cases.iter().filter(|g| g.revoked_at.is_none()).count();
        (live, persons.len() + cases.len() - live)
    }
}
