//! Writes the three legacy spreadsheets of a dataset, with their ground truth as JSON:
//! `cargo run -p korgon-synth --example sheets -- small 42 ./out`.

use std::path::PathBuf;

use korgon_synth::sheets::{
    SheetOptions, write_ngo_csv_cp1251, write_ngo_csv_latin, write_police_xlsx,
};
use korgon_synth::{Config, Size, generate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let size: Size = args.next().unwrap_or_else(|| "small".to_owned()).parse()?;
    let seed: u64 = args.next().map_or(Ok(42), |s| s.parse())?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "synthetic-sheets".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("bad date")?;
    let profile = korgon_domain::CountryProfile::kyrgyzstan();
    let dataset = generate(&profile, Config::new(seed, size, today))?;
    let options = SheetOptions::new(seed);
    let police = write_police_xlsx(&dir.join("police.xlsx"), &dataset, &profile, &options)?;
    let ngo = write_ngo_csv_cp1251(&dir.join("ngo-cp1251.csv"), &dataset, &profile, &options)?;
    let latin = write_ngo_csv_latin(&dir.join("ngo-latin.csv"), &dataset, &profile, &options)?;
    for (name, truth) in [
        ("police", police),
        ("ngo-cp1251", ngo),
        ("ngo-latin", latin),
    ] {
        std::fs::write(
            dir.join(format!("{name}.truth.json")),
            serde_json::to_string_pretty(&truth)?,
        )?;
        println!(
            "{name}: {} rows, {} dirty",
            truth.rows.len(),
            truth.dirty_rows().count()
        );
    }
    Ok(())
}
