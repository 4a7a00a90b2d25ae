//! Streams a run and prints its counts: `cargo run --release -p korgon-synth --example count -- large`.

use korgon_synth::{Config, Generator, Size};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let size: Size = args.next().unwrap_or_else(|| "large".to_owned()).parse()?;
    let seed: u64 = args.next().map_or(Ok(42), |s| s.parse())?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("bad date")?;
    let profile = korgon_domain::CountryProfile::kyrgyzstan();
    let generator = Generator::new(&profile, Config::new(seed, size, today))?;
    let (
        mut persons,
        mut cases,
        mut referrals,
        mut assistance,
        mut court,
        mut identities,
        mut duplicated,
    ) = (0, 0, 0, 0, 0, 0, 0);
    generator.for_each_batch(10_000, |batch| {
        persons += batch.persons.len();
        cases += batch.cases.len();
        referrals += batch.referrals.len();
        assistance += batch.assistance.len();
        court += batch.court.len();
        identities += batch.identities.len();
        duplicated += batch
            .identities
            .iter()
            .filter(|i| i.persons.len() > 1)
            .count();
        Ok::<(), std::convert::Infallible>(())
    })?;
    println!(
        "agencies {} users {} persons {persons} identities {identities} duplicated {duplicated} cases {cases} \
         referrals {referrals} assistance {assistance} court {court}",
        generator.agencies().len(),
        generator.users().len()
    );
    Ok(())
}
