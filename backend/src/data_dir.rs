//! The data directory: created private to the service's user, and locked while a server or
//! the demo's seeder uses it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use anyhow::Context;

/// The file whose lock marks a data directory as in use.
pub const LOCK_FILE: &str = "korgon.lock";

/// Creates the data directory if needed and makes it private to the service's user (0700):
/// it holds victims' data, the token secret and, later, the search index.
pub fn prepare(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).with_context(
                || {
                    format!(
                        "cannot make the data directory {} private (chmod 700)",
                        dir.display()
                    )
                },
            )?;
        }
    }
    Ok(())
}

/// The data directory's lock, held until dropped: two servers on one SQLite database would
/// each believe they are its only writer, and a demo seeding while a server runs would
/// race it.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

impl DataDirLock {
    /// Takes the lock of `dir` (preparing the directory first), or fails naming the
    /// directory when another process holds it.
    pub fn acquire(dir: &Path) -> anyhow::Result<DataDirLock> {
        prepare(dir)?;
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(DataDirLock { _file: file }),
            Err(TryLockError::WouldBlock) => anyhow::bail!(
                "another korgon process is already using the data directory {}",
                dir.display()
            ),
            Err(TryLockError::Error(e)) => {
                Err(anyhow::Error::new(e).context(format!("cannot lock {}", path.display())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataDirLock::acquire(dir.path()).unwrap();
        let err = DataDirLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(err.contains("already using"), "{err}");
        drop(first);
        assert!(DataDirLock::acquire(dir.path()).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_new_directory_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        prepare(&data).unwrap();
        let mode = std::fs::metadata(&data).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
