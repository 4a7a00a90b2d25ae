//! `korgon user add | unlock | deactivate`.

use crate::cli::output::say;
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;
use korgon_domain::Role;
use secrecy::SecretString;

use crate::settings::Settings;
use crate::store::users::{self, NewUser, UserPatch};

/// User commands.
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        /// Login name (a-z, 0-9, '.', '_', '-').
        #[arg(long)]
        username: String,
        /// Role: admin, investigator, prosecutor, ngo_worker, analyst or auditor.
        #[arg(long)]
        role: Role,
        /// Code of the user's agency.
        #[arg(long)]
        agency: String,
        /// Full name (default: the username).
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Clear a lock-out after repeated failed logins.
    Unlock {
        /// Login name.
        username: String,
    },
    /// Deactivate an account; its tokens stop working at once.
    Deactivate {
        /// Login name.
        username: String,
    },
    /// Reactivate a deactivated account.
    Activate {
        /// Login name.
        username: String,
    },
    /// Set a new password, read from standard input; also clears a lock-out.
    SetPassword {
        /// Login name.
        username: String,
    },
}

/// The password from standard input: prompted without echo on a terminal, else the first line.
fn read_password() -> anyhow::Result<SecretString> {
    let line = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Password: ").context("cannot read the password")?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        line
    };
    Ok(SecretString::from(
        line.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

/// Runs a user command.
pub async fn run(settings: Settings, command: UserCommand) -> anyhow::Result<ExitCode> {
    let store = super::open_store(&settings).await?;
    match command {
        UserCommand::Add {
            username,
            role,
            agency,
            display_name,
        } => {
            let password = read_password()?;
            let user = users::create(
                &store,
                None,
                NewUser {
                    username,
                    display_name,
                    role,
                    agency_code: agency,
                    password,
                },
            )
            .await?;
            say(format_args!(
                "created user {} ({} at {}, id {})",
                user.username, user.role, user.agency_code, user.id
            ));
        }
        UserCommand::Unlock { username } => {
            let name = change(&store, &username, |p| p.unlock = true).await?;
            say(format_args!("unlocked {name}"));
        }
        UserCommand::Deactivate { username } => {
            let name = change(&store, &username, |p| p.active = Some(false)).await?;
            say(format_args!("deactivated {name}"));
        }
        UserCommand::Activate { username } => {
            let name = change(&store, &username, |p| p.active = Some(true)).await?;
            say(format_args!("activated {name}"));
        }
        UserCommand::SetPassword { username } => {
            let password = read_password()?;
            let name = change(&store, &username, |p| {
                p.password = Some(password);
                p.unlock = true;
            })
            .await?;
            say(format_args!("set a new password for {name}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Applies `edit` to the account `username` from the console; returns the stored username.
async fn change(
    store: &crate::store::Store,
    username: &str,
    edit: impl FnOnce(&mut UserPatch),
) -> anyhow::Result<String> {
    let user = users::by_username(store, username).await?;
    let mut patch = UserPatch {
        version: user.version,
        display_name: None,
        role: None,
        active: None,
        unlock: false,
        password: None,
    };
    edit(&mut patch);
    users::update(store, None, user.id, patch).await?;
    Ok(user.username)
}
