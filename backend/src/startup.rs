//! One start-up path for production and tests: build the state, bind the listener (port 0 in
//! tests), serve until stopped.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use korgon_domain::CountryProfile;
use tokio::net::TcpListener;

use crate::api::{self, AppState};
use crate::audit::AuditSink;
use crate::auth::{TokenKeys, secret};
use crate::data_dir::DataDirLock;
use crate::db::Db;
use crate::settings::Settings;
use crate::store::Store;

/// Connects to the database (applying migrations), loads the country profile and the token
/// secret, and starts the audit sink.
pub async fn build_state(settings: &Settings) -> anyhow::Result<AppState> {
    let profile = CountryProfile::builtin(&settings.country_profile)
        .with_context(|| format!("unknown country profile {}", settings.country_profile))?;
    let db = Db::connect(settings).await?;
    let secret = secret::load_or_create(settings.jwt_secret.as_ref(), &settings.data_dir)?;
    let keys = TokenKeys::new(&secret, settings.token_ttl_seconds);
    let audit = AuditSink::spawn(db.clone());
    Ok(AppState {
        store: Store {
            db,
            audit,
            profile: Arc::new(profile),
        },
        keys,
        settings: Arc::new(settings.clone()),
    })
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    _lock: DataDirLock,
}

impl Application {
    /// Builds the state and binds `settings.listen`.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let state = build_state(&settings).await?;
        Self::with_state(state, settings.listen).await
    }

    /// Takes the data directory's lock and binds `listen` for an already built state.
    pub async fn with_state(state: AppState, listen: SocketAddr) -> anyhow::Result<Application> {
        let lock = DataDirLock::acquire(&state.settings.data_dir)?;
        Self::with_lock(state, listen, lock).await
    }

    /// Binds `listen` for an already built state whose data directory lock the caller took.
    pub async fn with_lock(
        state: AppState,
        listen: SocketAddr,
        lock: DataDirLock,
    ) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let router = api::router(state.clone());
        Ok(Application {
            listener,
            router,
            state,
            _lock: lock,
        })
    }

    /// The bound address (the real port when 0 was asked for).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The application state (tests reach the database through it).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight and folds the
    /// SQLite write-ahead log into the database file.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await;
        self.state.store.db.checkpoint().await;
        served
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
