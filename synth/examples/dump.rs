//! Prints a synthetic dataset as JSON: `cargo run -p korgon-synth --example dump -- tiny 42`.

use korgon_synth::{Config, Size, generate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let size: Size = args.next().unwrap_or_else(|| "tiny".to_owned()).parse()?;
    let seed: u64 = args.next().map_or(Ok(42), |s| s.parse())?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("bad date")?;
    let profile = korgon_domain::CountryProfile::kyrgyzstan();
    let dataset = generate(&profile, Config::new(seed, size, today))?;
    println!("{}", serde_json::to_string_pretty(&dataset)?);
    Ok(())
}
