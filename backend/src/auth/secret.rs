//! The token signing secret: from settings, or generated once into the data dir.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use rand::RngExt;
use secrecy::{ExposeSecret, SecretString};

/// The file holding the generated secret, inside the data dir.
pub const SECRET_FILE: &str = "jwt-secret";

/// The secret from `configured`, else from `<data_dir>/jwt-secret`, creating that file with
/// 64 random hex characters and mode 0600 when it does not exist.
pub fn load_or_create(
    configured: Option<&SecretString>,
    data_dir: &Path,
) -> anyhow::Result<SecretString> {
    if let Some(secret) = configured {
        if secret.expose_secret().len() < 32 {
            anyhow::bail!("jwt_secret: must be at least 32 characters");
        }
        return Ok(secret.clone());
    }
    let path = data_dir.join(SECRET_FILE);
    if path.exists() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let secret = text.trim().to_owned();
        if secret.len() < 32 {
            anyhow::bail!(
                "{} holds fewer than 32 characters; delete it to generate a new secret",
                path.display()
            );
        }
        return Ok(SecretString::from(secret));
    }
    crate::data_dir::prepare(data_dir)?;
    let bytes: [u8; 32] = rand::rng().random();
    let secret = hex::encode(bytes);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(secret.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(SecretString::from(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_once_with_private_mode() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(None, dir.path()).unwrap();
        let second = load_or_create(None, dir.path()).unwrap();
        assert_eq!(first.expose_secret(), second.expose_secret());
        assert_eq!(first.expose_secret().len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(SECRET_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn configured_secret_wins_and_must_be_long() {
        let dir = tempfile::tempdir().unwrap();
        let configured = SecretString::from("x".repeat(40));
        assert_eq!(
            load_or_create(Some(&configured), dir.path())
                .unwrap()
                .expose_secret(),
            "x".repeat(40)
        );
        assert!(!dir.path().join(SECRET_FILE).exists());
        assert!(load_or_create(Some(&SecretString::from("short")), dir.path()).is_err());
    }
}
