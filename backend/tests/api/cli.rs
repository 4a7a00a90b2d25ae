//! The command line: help for every command, and `agency add` / `user add` refusing bad input
//! by naming it and storing nothing.

use clap::CommandFactory;
use korgon::cli::Cli;

use crate::helpers::*;

fn printed(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every command path of the CLI (`["agency", "add"]`…), from clap's own description.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_owned());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &[], &mut out);
    out
}

#[tokio::test]
async fn help_lists_every_command_and_every_command_has_help() {
    let app = spawn_app().await;
    let output = app.korgon(&["--help"]);
    assert!(output.status.success(), "{}", printed(&output));
    let help = printed(&output);
    for command in ["serve", "demo", "agency", "user", "audit"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "`korgon --help` lacks {command}: {help}"
        );
    }
    let paths = command_paths();
    for expected in [
        &["agency", "add"][..],
        &["user", "add"],
        &["audit", "verify"],
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected:?} in {paths:?}"
        );
    }
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let output = app.korgon(&args);
        let text = printed(&output);
        assert!(output.status.success(), "korgon {args:?}: {text}");
        let usage = format!("Usage: korgon {}", path.join(" "));
        assert!(
            text.contains(&usage),
            "korgon {args:?} lacks {usage:?}: {text}"
        );
    }
}

#[tokio::test]
async fn agency_add_refuses_bad_input_naming_it_and_stores_nothing() {
    let world = World::new().await;
    let app = &world.app;
    let before = app.count("agencies").await;
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--code", "bad code!", "--name", "X", "--kind", "ngo"],
            &["code"],
        ),
        (
            &["--code", "-LEADING", "--name", "X", "--kind", "ngo"],
            &["code"],
        ),
        (
            &["--code", "NEW-NGO", "--name", "X", "--kind", "charity"],
            &["kind", "charity"],
        ),
        (
            &[
                "--code", "NEW-NGO", "--name", "X", "--kind", "ngo", "--region", "KG-X",
            ],
            &["region"],
        ),
        (
            &["--code", "NEW-NGO", "--name", "   ", "--kind", "ngo"],
            &["name"],
        ),
        (
            &["--code", "police-a", "--name", "Again", "--kind", "police"],
            &["POLICE-A", "already exists"],
        ),
    ];
    for (args, named) in cases {
        let mut command = vec!["agency", "add"];
        command.extend_from_slice(args);
        let output = app.korgon(&command);
        let text = printed(&output);
        assert!(
            !output.status.success(),
            "korgon {command:?} succeeded: {text}"
        );
        for name in named {
            assert!(
                text.contains(name),
                "korgon {command:?} does not name {name:?}: {text}"
            );
        }
        assert!(!text.contains("panicked"), "{text}");
    }
    assert_eq!(app.count("agencies").await, before, "nothing stored");
    // The control: a good agency is stored and listed.
    let output = app.korgon(&[
        "agency",
        "add",
        "--code",
        "ngo-new",
        "--name",
        "Жаңы НКУ",
        "--kind",
        "ngo",
        "--region",
        "KG-Y",
    ]);
    assert!(output.status.success(), "{}", printed(&output));
    assert!(printed(&output).contains("NGO-NEW"));
    assert_eq!(app.count("agencies").await, before + 1);
    let listed = printed(&app.korgon(&["agency", "list"]));
    assert!(
        listed.contains("NGO-NEW") && listed.contains("KG-Y"),
        "{listed}"
    );
}

#[tokio::test]
async fn user_add_refuses_bad_input_naming_it_and_stores_nothing() {
    let world = World::new().await;
    let app = &world.app;
    let before = app.count("users").await;
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &[
                "--username",
                "x",
                "--role",
                "investigator",
                "--agency",
                "POLICE-A",
            ],
            &["username"],
        ),
        (
            &[
                "--username",
                "newbie",
                "--role",
                "detective",
                "--agency",
                "POLICE-A",
            ],
            &["role", "detective"],
        ),
        (
            &[
                "--username",
                "newbie",
                "--role",
                "investigator",
                "--agency",
                "NOWHERE",
            ],
            &["agency_code"],
        ),
        (
            &[
                "--username",
                "newbie",
                "--role",
                "investigator",
                "--agency",
                "NGO-A",
            ],
            &["role", "ngo"],
        ),
    ];
    for (args, named) in cases {
        let mut command = vec!["user", "add"];
        command.extend_from_slice(args);
        let output = app.korgon_with_stdin(&command, "a-good-long-password\n");
        let text = printed(&output);
        assert!(
            !output.status.success(),
            "korgon {command:?} succeeded: {text}"
        );
        for name in named {
            assert!(
                text.contains(name),
                "korgon {command:?} does not name {name:?}: {text}"
            );
        }
        assert_absent(&text, &["a-good-long-password"], "user add");
    }
    assert_eq!(app.count("users").await, before, "nothing stored");
    let output = app.korgon(&["user", "deactivate", "nobody-here"]);
    assert!(!output.status.success());
    assert!(
        printed(&output).contains("not found"),
        "{}",
        printed(&output)
    );
}

#[tokio::test]
async fn audit_verify_speaks_json_on_request() {
    let world = World::new().await;
    let output = world.app.korgon(&["audit", "verify", "--json"]);
    assert!(output.status.success(), "{}", printed(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(report["broken"].is_null(), "{report}");
    let events = world.app.count("audit_events").await;
    assert_eq!(report["events_checked"], events);
}

#[tokio::test]
async fn demo_refuses_a_data_directory_a_server_is_using() {
    let app = spawn_app().await;
    let output = app.korgon(&["demo", "--no-serve"]);
    assert!(!output.status.success(), "{}", printed(&output));
    assert!(
        printed(&output).contains("already using the data directory"),
        "{}",
        printed(&output)
    );
    // Nothing was seeded behind the running server's back.
    assert_eq!(app.count("agencies").await, 0);
    assert_eq!(app.count("persons").await, 0);
}

#[tokio::test]
async fn a_closed_standard_output_does_not_crash_a_command() {
    // `korgon demo --no-serve | head -0`: the reader is gone before the logins are printed.
    let app = unserved_app().await;
    let mut child = app
        .korgon_command(&["demo", "--no-serve"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn korgon");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("run korgon");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The work was done all the same.
    assert!(app.count("cases").await > 0);
}
