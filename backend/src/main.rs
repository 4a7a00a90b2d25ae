//! The `korgon` binary: parse the command line, start logging, run the command.

use clap::Parser;
use korgon::cli::{self, Cli};

// mimalloc rather than the system allocator: the server allocates small objects on many
// threads at once (request tasks, database connection threads), where glibc's arenas contend.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    runtime.block_on(cli::run(cli))
}
