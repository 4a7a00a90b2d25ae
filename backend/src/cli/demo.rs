//! `korgon demo`: an empty data directory filled with a small synthetic dataset (a case, its
//! parties, a referral awaiting the police, an assistance record), the logins printed, then
//! served.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use korgon_domain::{
    AgencyKind, AssistanceInput, CaseInput, PersonInput, ReferralInput, Role, dates,
};
use sea_orm::{EntityTrait, PaginatorTrait};
use secrecy::SecretString;

use crate::access::Actor;
use crate::entity::agency;
use crate::settings::Settings;
use crate::startup::Application;
use crate::store::agencies::{self, NewAgency};
use crate::store::users::{self, NewUser};
use crate::store::{Store, cases, persons, referrals};

/// The password of every demo account (the data is synthetic; never use it for real data).
pub const DEMO_PASSWORD: &str = "korgon-demo-2026";

/// Options of `korgon demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "KORGON_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Fill the data directory and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
}

const AGENCIES: [(&str, &str, AgencyKind, &str); 8] = [
    ("MVD-BISHKEK", "ГУВД г. Бишкек", AgencyKind::Police, "KG-GB"),
    (
        "GPO-KG",
        "Генеральная прокуратура КР",
        AgencyKind::Prosecutor,
        "KG-GB",
    ),
    (
        "COURT-PERV-BISHKEK",
        "Первомайский районный суд г. Бишкек",
        AgencyKind::Court,
        "KG-GB",
    ),
    (
        "NGO-DEMO-TILEK",
        "ОФ «Тилек» (demo)",
        AgencyKind::Ngo,
        "KG-C",
    ),
    (
        "MLSP-KG",
        "Министерство труда, социального обеспечения и миграции",
        AgencyKind::Ministry,
        "KG-GB",
    ),
    (
        "SHELTER-DEMO-UMUT",
        "Шелтер «Үмүт» (demo)",
        AgencyKind::Shelter,
        "KG-O",
    ),
    (
        "CONSULATE-KG-MOSCOW",
        "Консульство КР в Москве",
        AgencyKind::Consulate,
        "KG-GB",
    ),
    (
        "OMBUDSMAN-KG",
        "Акыйкатчы (Омбудсмен) КР",
        AgencyKind::Other,
        "KG-GB",
    ),
];

const USERS: [(&str, Role, &str); 6] = [
    ("admin", Role::Admin, "MLSP-KG"),
    ("investigator", Role::Investigator, "MVD-BISHKEK"),
    ("prosecutor", Role::Prosecutor, "GPO-KG"),
    ("ngo", Role::NgoWorker, "NGO-DEMO-TILEK"),
    ("analyst", Role::Analyst, "MLSP-KG"),
    ("auditor", Role::Auditor, "GPO-KG"),
];

async fn seed(store: &Store) -> anyhow::Result<()> {
    for (code, name, kind, region) in AGENCIES {
        agencies::create(
            store,
            None,
            NewAgency {
                code: code.into(),
                name: name.into(),
                kind,
                region: Some(region.into()),
            },
        )
        .await?;
    }
    let mut investigator = None;
    let mut ngo = None;
    for (username, role, agency) in USERS {
        let user = users::create(
            store,
            None,
            NewUser {
                username: username.into(),
                display_name: None,
                role,
                agency_code: agency.into(),
                password: SecretString::from(DEMO_PASSWORD),
            },
        )
        .await?;
        if matches!(role, Role::Investigator | Role::NgoWorker) {
            let agency = agencies::by_code(&store.db.reader, agency).await?;
            let actor = Some(Actor {
                user_id: user.id,
                role,
                agency_id: agency.id,
                client_addr: Some("cli".into()),
            });
            if role == Role::Investigator {
                investigator = actor;
            } else {
                ngo = actor;
            }
        }
    }
    let actor = investigator.context("the demo has an investigator")?;
    let today = dates::today();
    let victim: PersonInput = serde_json::from_value(serde_json::json!({
        "given_name": "Айгүл", "family_name": "Асанбекова", "patronymic": "Асанбек кызы",
        "aliases": ["Aigul Asanbekova"], "sex": "female", "date_of_birth": "2003-04-12",
        "citizenship": "KG", "phone": "+996 555 010 203", "address": "Нарын облусу, Ат-Башы айылы"
    }))?;
    let suspect: PersonInput = serde_json::from_value(serde_json::json!({
        "given_name": "Бакыт", "family_name": "Жээнбеков", "aliases": ["Bakyt Zheenbekov"],
        "sex": "male", "date_of_birth": "1995", "citizenship": "KG"
    }))?;
    let case: CaseInput = serde_json::from_value(serde_json::json!({
        "title": "Ала качуу, Ат-Башы", "summary": "Synthetic demo case: abduction for marriage reported by the victim's mother.",
        "region": "KG-N", "place": "Ат-Башы", "exploitation_forms": ["forced_marriage"],
        "articles": [{"edition": 2021, "article": "172"}], "opened_on": "2025-09-14"
    }))?;
    let (victim, warnings) = victim
        .validate(&store.profile, today)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let victim = persons::create(store, &actor, victim, warnings).await?;
    let (suspect, warnings) = suspect
        .validate(&store.profile, today)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let suspect = persons::create(store, &actor, suspect, warnings).await?;
    let case = cases::create(
        store,
        &actor,
        case.validate(&store.profile, today)
            .map_err(|e| anyhow::anyhow!("{e}"))?,
    )
    .await?;
    for (person, role) in [
        (victim.id, korgon_domain::PartyRole::Victim),
        (suspect.id, korgon_domain::PartyRole::Suspect),
    ] {
        cases::add_party(
            store,
            &actor,
            case.id,
            cases::NewParty {
                person_id: person,
                role,
                details: Default::default(),
            },
        )
        .await?;
    }
    seed_referral(store, &ngo.context("the demo has an NGO worker")?).await
}

/// The NGO registers a victim of labour exploitation, records the shelter it gives her and
/// refers her to the police with her consent (scope `identity`): the investigator's inbox
/// holds one submitted referral.
async fn seed_referral(store: &Store, ngo: &Actor) -> anyhow::Result<()> {
    let today = dates::today();
    let victim: PersonInput = serde_json::from_value(serde_json::json!({
        "given_name": "Жамиля", "family_name": "Осмонова", "aliases": ["Zhamilya Osmonova"],
        "sex": "female", "date_of_birth": "1998-07-02", "citizenship": "KG",
        "phone": "+996 700 040 506", "address": "Чүй облусу, Сокулук айылы"
    }))?;
    let (victim, warnings) = victim
        .validate(&store.profile, today)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let victim = persons::create(store, ngo, victim, warnings).await?;
    let assistance: AssistanceInput = serde_json::from_value(serde_json::json!({
        "kind": "shelter", "started_on": (today - chrono::Duration::days(10)).to_string(),
        "notes": "Synthetic demo record"
    }))?;
    let assistance = assistance
        .validate(today)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    crate::store::assistance::record(store, ngo, victim.id, assistance).await?;
    let referral: ReferralInput = serde_json::from_value(serde_json::json!({
        "to_agency": "MVD-BISHKEK", "person_id": victim.id,
        "reason": "Synthetic demo referral: labour exploitation in Russia, passport withheld by the employer; she wants to give a statement.",
        "needs": ["legal", "psychological"], "urgency": "high", "region": "KG-C",
        "consent": {"given_by": "victim", "given_on": (today - chrono::Duration::days(1)).to_string(), "scope": "identity"}
    }))?;
    let referral = referral
        .validate(&store.profile, today)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    referrals::submit(store, ngo, referral, 3).await?;
    Ok(())
}

/// Seeds an empty data directory, prints the logins and serves.
pub async fn run(settings: Settings, args: DemoArgs) -> anyhow::Result<ExitCode> {
    let state = crate::startup::build_state(&settings).await?;
    let existing = agency::Entity::find().count(&state.store.db.reader).await?;
    if existing == 0 {
        seed(&state.store).await?;
        println!(
            "Demo data created in {}. All data is synthetic.",
            settings.data_dir.display()
        );
    } else {
        println!(
            "{} already holds data; serving it as it is.",
            settings.data_dir.display()
        );
    }
    println!("Demo logins (password for all: {DEMO_PASSWORD}):");
    for (username, role, agency) in USERS {
        println!("  {username:<14} {:<13} {agency}", role.as_str());
    }
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    let app = Application::with_state(state, settings.listen).await?;
    println!("Serving on http://{}/ (Ctrl-C to stop)", app.local_addr()?);
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}
