//! `korgon agency add`.

use crate::cli::output::say;
use std::process::ExitCode;

use korgon_domain::AgencyKind;

use crate::settings::Settings;
use crate::store::agencies::{self, NewAgency};

/// Agency commands.
#[derive(Debug, clap::Subcommand)]
pub enum AgencyCommand {
    /// Create an agency.
    Add {
        /// Code, e.g. MVD-BISHKEK (A-Z, 0-9, '-').
        #[arg(long)]
        code: String,
        /// Name.
        #[arg(long)]
        name: String,
        /// Kind: police, prosecutor, court, ngo, ministry, shelter, consulate or other.
        #[arg(long)]
        kind: AgencyKind,
        /// Region code of the country profile, e.g. KG-C.
        #[arg(long)]
        region: Option<String>,
    },
    /// List agencies.
    List,
}

/// Runs an agency command.
pub async fn run(settings: Settings, command: AgencyCommand) -> anyhow::Result<ExitCode> {
    let store = super::open_store(&settings).await?;
    match command {
        AgencyCommand::Add {
            code,
            name,
            kind,
            region,
        } => {
            let agency = agencies::create(
                &store,
                None,
                NewAgency {
                    code,
                    name,
                    kind,
                    region,
                },
            )
            .await?;
            say(format_args!(
                "created agency {} ({}, id {})",
                agency.code, agency.kind, agency.id
            ));
        }
        AgencyCommand::List => {
            for agency in agencies::list(&store).await? {
                let state = if agency.active { "" } else { " (deactivated)" };
                say(format_args!(
                    "{:<24} {:<11} {:<6} {}{state}",
                    agency.code,
                    agency.kind,
                    agency.region.unwrap_or_default(),
                    agency.name
                ));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
