//! `korgon serve`.

use std::net::SocketAddr;
use std::process::ExitCode;

use crate::settings::Settings;
use crate::startup::Application;

/// Options of `korgon serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "KORGON_LISTEN")]
    pub listen: Option<SocketAddr>,
}

/// Serves until stopped.
pub async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let app = Application::build(settings).await?;
    tracing::info!(addr = %app.local_addr()?, "korgon is listening");
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}
