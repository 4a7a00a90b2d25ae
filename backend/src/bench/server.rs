//! The server under test: this very binary started as `korgon serve` in a child process, so
//! that its memory is its own and the load generator runs beside it, not inside it.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

use super::load;
use super::target::Target;

/// A running `korgon serve`.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

/// A free loopback port (bound and released; the server binds it a moment later).
fn free_port() -> anyhow::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}

/// A `kB` figure of `/proc/<pid>/status` (`VmHWM`, `VmRSS`).
fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

impl Server {
    /// Starts the current executable with `serve` on `target`, logging into `log_dir`, and
    /// waits until `/healthz` answers.
    pub async fn start(target: &Target, log_dir: &Path) -> anyhow::Result<Server> {
        let exe = std::env::current_exe().context("cannot find the korgon executable")?;
        let addr = free_port()?;
        let log =
            std::fs::File::create(log_dir.join(format!("server-{}.log", target.kind.as_str())))
                .context("cannot create the server log")?;
        let mut command = Command::new(exe);
        command
            .arg("--data-dir")
            .arg(&target.dir)
            .arg("serve")
            .arg("--listen")
            .arg(addr.to_string())
            .env_remove("KORGON_DATA_DIR")
            .env_remove("KORGON_LISTEN")
            .env_remove("KORGON_CONFIG")
            .env_remove("KORGON_DATABASE_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        if let Some(url) = target.database_url() {
            command.env("KORGON_DATABASE_URL", url);
        }
        let child = command.spawn().context("cannot start korgon serve")?;
        let mut server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if load::healthy(addr).await {
                return Ok(server);
            }
            if let Some(status) = server.child.try_wait()? {
                anyhow::bail!(
                    "korgon serve exited early ({status}); see its log in the output directory"
                );
            }
            if Instant::now() > deadline {
                server.stop();
                anyhow::bail!("korgon serve did not answer /healthz within 120 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The server's peak resident memory so far (`VmHWM`), in KiB.
    pub fn peak_kib(&self) -> Option<u64> {
        status_kib(self.child.id(), "VmHWM")
    }

    /// The server's resident memory now (`VmRSS`), in KiB.
    pub fn rss_kib(&self) -> Option<u64> {
        status_kib(self.child.id(), "VmRSS")
    }

    /// Asks the server to stop (SIGTERM: it finishes the requests in flight), then kills it
    /// if it is still there after ten seconds.
    pub fn stop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
