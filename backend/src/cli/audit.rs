//! `korgon audit verify`.

use crate::cli::output::say;
use std::process::ExitCode;

use crate::db::Db;
use crate::settings::Settings;

/// Audit commands.
#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit 1 and name the first broken link if it was tampered with.
    Verify {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs an audit command.
pub async fn run(settings: Settings, command: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify { json } = command;
    crate::db::require_existing(&settings)?;
    let db = Db::connect(&settings).await?;
    let result = crate::audit::verify(&db.reader).await?;
    if json {
        say(serde_json::to_string(&result)?);
    } else if let Some(link) = &result.broken {
        say(format_args!(
            "audit chain BROKEN at event {}: {}",
            link.seq, link.problem
        ));
        say(format_args!(
            "{} events before it are intact",
            result.events_checked
        ));
    } else {
        say(format_args!(
            "audit chain intact: {} events verified",
            result.events_checked
        ));
    }
    Ok(if result.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
