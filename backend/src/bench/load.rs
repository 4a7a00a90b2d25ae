//! The load generator: concurrent clients, each on its own keep-alive HTTP/1.1 connection,
//! sending one request after another for a warm-up and then a measured duration.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use uuid::Uuid;

/// What the clients ask for.
#[derive(Debug, Clone)]
pub enum Scenario {
    /// `GET /healthz`: no I/O, the ceiling.
    Healthz,
    /// `GET /api/v1/cases/{id}` of random cases the user may read.
    CaseRead(Arc<Vec<Uuid>>),
    /// `GET /api/v1/cases?limit=50`, following the cursors.
    CaseList,
    /// `POST /api/v1/cases`.
    CaseCreate,
}

impl Scenario {
    /// The name in reports.
    pub fn name(&self) -> &'static str {
        match self {
            Scenario::Healthz => "healthz",
            Scenario::CaseRead(_) => "case_read",
            Scenario::CaseList => "case_list",
            Scenario::CaseCreate => "case_create",
        }
    }

    fn expected(&self) -> StatusCode {
        match self {
            Scenario::CaseCreate => StatusCode::CREATED,
            _ => StatusCode::OK,
        }
    }
}

/// How a phase went: every request completed inside the measured window.
#[derive(Debug, Default)]
pub struct PhaseOutcome {
    /// Requests answered as expected.
    pub ok: u64,
    /// Requests answered otherwise, or failed.
    pub errors: u64,
    /// The first few errors, for the log.
    pub error_samples: Vec<String>,
    /// Latencies of the measured requests, in microseconds.
    pub latencies_us: Vec<u32>,
    /// Length of the measured window, in seconds.
    pub seconds: f64,
}

type Sender = SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> anyhow::Result<Sender> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

async fn send(
    sender: &mut Sender,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Bytes>,
) -> anyhow::Result<(StatusCode, Bytes)> {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, "127.0.0.1");
    if let Some(token) = token {
        request = request.header(hyper::header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if body.is_some() {
        request = request.header(hyper::header::CONTENT_TYPE, "application/json");
    }
    let request = request.body(Full::new(body.unwrap_or_default()))?;
    sender.ready().await?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, bytes))
}

/// True when `/healthz` answers 200.
pub async fn healthy(addr: SocketAddr) -> bool {
    match connect(addr).await {
        Ok(mut sender) => matches!(
            send(&mut sender, Method::GET, "/healthz", None, None).await,
            Ok((StatusCode::OK, _))
        ),
        Err(_) => false,
    }
}

/// Logs in and returns the access token.
pub async fn login(addr: SocketAddr, username: &str, password: &str) -> anyhow::Result<String> {
    #[derive(Deserialize)]
    struct Token {
        access_token: String,
    }
    let mut sender = connect(addr).await?;
    let body =
        serde_json::to_vec(&serde_json::json!({"username": username, "password": password}))?;
    let (status, bytes) = send(
        &mut sender,
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(Bytes::from(body)),
    )
    .await?;
    if status != StatusCode::OK {
        anyhow::bail!("logging in as {username} failed with {status}");
    }
    Ok(serde_json::from_slice::<Token>(&bytes)
        .context("the login answer has no token")?
        .access_token)
}

/// The body of a case create: a bride kidnapping in Naryn, as investigators register them.
fn create_body(worker: usize, n: u64) -> Bytes {
    let body = serde_json::json!({
        "title": format!("Ала качуу, Ат-Башы (нагрузочный тест {worker}-{n})"),
        "summary": "Synthetic benchmark case: abduction for marriage reported by the victim's mother.",
        "region": "KG-N",
        "place": "Ат-Башы",
        "exploitation_forms": ["forced_marriage"],
        "articles": [{"edition": 2021, "article": "172", "part": "1"}]
    });
    Bytes::from(serde_json::to_vec(&body).unwrap_or_default())
}

/// A small deterministic generator of case picks (xorshift), one per client.
struct Picker(u64);

impl Picker {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

#[derive(Deserialize)]
struct Cursor {
    next_cursor: Option<String>,
}

struct Worker {
    addr: SocketAddr,
    token: Arc<str>,
    scenario: Scenario,
    index: usize,
    measure_from: Instant,
    until: Instant,
}

impl Worker {
    async fn run(self) -> PhaseOutcome {
        let mut out = PhaseOutcome::default();
        let mut picker =
            Picker(0x9E37_79B9_7F4A_7C15 ^ (self.index as u64 + 1).wrapping_mul(0x2545_F491));
        let mut cursor: Option<String> = None;
        let mut sent = 0u64;
        let mut sender: Option<Sender> = None;
        while Instant::now() < self.until {
            let s = match sender.as_mut() {
                Some(s) => s,
                None => match connect(self.addr).await {
                    Ok(s) => sender.insert(s),
                    Err(e) => {
                        out.record_error(
                            format!("connect: {e}"),
                            Instant::now() >= self.measure_from,
                        );
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
            };
            let (method, path, body) = match &self.scenario {
                Scenario::Healthz => (Method::GET, "/healthz".to_owned(), None),
                Scenario::CaseRead(ids) => {
                    let id = ids.get(picker.next(ids.len())).copied().unwrap_or_default();
                    (Method::GET, format!("/api/v1/cases/{id}"), None)
                }
                Scenario::CaseList => {
                    let path = match &cursor {
                        Some(c) => format!("/api/v1/cases?limit=50&cursor={c}"),
                        None => "/api/v1/cases?limit=50".to_owned(),
                    };
                    (Method::GET, path, None)
                }
                Scenario::CaseCreate => {
                    sent += 1;
                    (
                        Method::POST,
                        "/api/v1/cases".to_owned(),
                        Some(create_body(self.index, sent)),
                    )
                }
            };
            let token = match self.scenario {
                Scenario::Healthz => None,
                _ => Some(&*self.token),
            };
            let started = Instant::now();
            let result = send(s, method, &path, token, body).await;
            let done = Instant::now();
            let measured = started >= self.measure_from && done <= self.until;
            match result {
                Ok((status, bytes)) if status == self.scenario.expected() => {
                    if let Scenario::CaseList = self.scenario {
                        cursor = serde_json::from_slice::<Cursor>(&bytes)
                            .ok()
                            .and_then(|c| c.next_cursor);
                    }
                    if measured {
                        out.ok += 1;
                        let micros = done.duration_since(started).as_micros();
                        out.latencies_us
                            .push(u32::try_from(micros).unwrap_or(u32::MAX));
                    }
                }
                Ok((status, bytes)) => {
                    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
                    out.record_error(format!("{status}: {text}"), measured);
                }
                Err(e) => {
                    sender = None;
                    out.record_error(format!("request: {e}"), measured);
                }
            }
        }
        out
    }
}

impl PhaseOutcome {
    fn record_error(&mut self, message: String, measured: bool) {
        if measured {
            self.errors += 1;
        }
        if self.error_samples.len() < 5 {
            self.error_samples.push(message);
        }
    }

    fn merge(&mut self, other: PhaseOutcome) {
        self.ok += other.ok;
        self.errors += other.errors;
        self.latencies_us.extend(other.latencies_us);
        for sample in other.error_samples {
            if self.error_samples.len() < 5 {
                self.error_samples.push(sample);
            }
        }
    }

    /// The `q` quantile of the latencies, in milliseconds.
    pub fn quantile_ms(&mut self, q: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        self.latencies_us.sort_unstable();
        let rank = ((self.latencies_us.len() as f64 - 1.0) * q).round() as usize;
        f64::from(self.latencies_us[rank.min(self.latencies_us.len() - 1)]) / 1000.0
    }
}

/// Runs `scenario` with `concurrency` clients: `warmup` unmeasured, then `measure`.
pub async fn run_phase(
    addr: SocketAddr,
    token: Arc<str>,
    scenario: Scenario,
    concurrency: usize,
    warmup: Duration,
    measure: Duration,
) -> PhaseOutcome {
    let measure_from = Instant::now() + warmup;
    let until = measure_from + measure;
    let workers: Vec<_> = (0..concurrency.max(1))
        .map(|index| {
            tokio::spawn(
                Worker {
                    addr,
                    token: Arc::clone(&token),
                    scenario: scenario.clone(),
                    index,
                    measure_from,
                    until,
                }
                .run(),
            )
        })
        .collect();
    let mut total = PhaseOutcome {
        seconds: measure.as_secs_f64(),
        ..PhaseOutcome::default()
    };
    for worker in workers {
        match worker.await {
            Ok(outcome) => total.merge(outcome),
            Err(e) => total.record_error(format!("client task failed: {e}"), true),
        }
    }
    total
}
