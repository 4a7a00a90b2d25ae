//! `korgon bench api` plumbing at a tiny size: a short run writes a JSON report with every
//! figure present and no failed request. No figure is compared with a target here: timings
//! belong in the benchmark's output, not in tests.

use serde_json::Value;

use crate::helpers::postgres_url;

fn run_bench(db: &str, extra: &[&str]) -> Value {
    let out_dir = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_korgon"));
    command
        .args(["bench", "api", "--cases", "4", "--db", db])
        .args(["--seconds", "1", "--warmup", "0", "--concurrency", "2"])
        .arg("--out")
        .arg(out_dir.path())
        .args(extra)
        .env_remove("KORGON_DATABASE_URL")
        .env_remove("KORGON_DATA_DIR");
    let output = command.output().expect("run korgon bench");
    assert!(
        output.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let md = std::fs::read_to_string(out_dir.path().join("api.md")).unwrap();
    assert!(md.contains(&format!("| {db} | GET /healthz |")), "{md}");
    let json = std::fs::read_to_string(out_dir.path().join("api.json")).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn check_report(report: &Value, db: &str) {
    for key in ["date", "git_commit", "command"] {
        assert!(report[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    assert!(report["machine"]["nproc"].as_u64().unwrap() >= 1);
    assert!(report["machine"]["ram_gib"].as_f64().unwrap() > 0.0);
    assert!(report["machine"]["cpu_model"].as_str().is_some());
    assert_eq!(report["settings"]["cases"], 4);
    let result = &report["results"][0];
    assert_eq!(result["database"], db);
    assert_eq!(result["errors"], 0, "{result}");
    assert_eq!(result["dataset"]["cases"], 4);
    assert!(result["peak_server_memory_mib"].as_f64().unwrap() > 0.0);
    assert!(result["read_to_healthz_ratio"].as_f64().unwrap() > 0.0);
    assert!(result["readable_cases"].as_u64().unwrap() > 0);
    let scenarios = result["scenarios"].as_array().unwrap();
    let names: Vec<&str> = scenarios
        .iter()
        .filter_map(|s| s["scenario"].as_str())
        .collect();
    assert_eq!(names, ["healthz", "case_read", "case_list", "case_create"]);
    for s in scenarios {
        assert_eq!(s["errors"], 0, "{s}");
        assert!(s["requests"].as_u64().unwrap() > 0, "{s}");
        for figure in [
            "throughput",
            "p50_ms",
            "p99_ms",
            "ratio_to_healthz",
            "server_rss_mib",
        ] {
            assert!(s[figure].as_f64().unwrap() > 0.0, "{figure} in {s}");
        }
        assert!(s["p99_ms"].as_f64() >= s["p50_ms"].as_f64(), "{s}");
    }
}

#[tokio::test]
async fn a_tiny_run_reports_every_figure_without_errors() {
    match postgres_url() {
        Some(url) => {
            let report = run_bench("postgres", &["--postgres-url", &url]);
            check_report(&report, "postgres");
        }
        None => {
            let report = run_bench("sqlite", &[]);
            check_report(&report, "sqlite");
        }
    }
}
