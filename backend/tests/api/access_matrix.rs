//! The access-control matrix: every role (and no token at all) × every route of the OpenAPI
//! document, with objects inside and outside the caller's scope.
//!
//! The world: POLICE-A owns `CaseOwn`; POLICE-B owns `CaseOther` (shared with no one),
//! `CaseRead` (shared `read` with POLICE-A, PROSECUTOR and NGO-A) and `CaseFull` (shared `full`
//! with the same three). Each case has its own victim (and suspects), each person with their own
//! names, PIN and protected values, and each case its own narrative, so that every response can
//! be searched for what its reader must not see. `Outsider` is registered by POLICE-B and in no
//! case; `NgoClient` is registered by NGO-A and in no case.
//!
//! Each row of [`ROWS`] names a route, the objects in its path, a body, and the exact status for
//! each column of [`COLUMNS`]. Every response of every row is checked against [`PERSONS`] and
//! [`CASES`], the tables of what each user may see: no PII of a person out of their sight, no
//! protected field they may not see, no narrative they may not read.

use std::collections::{BTreeSet, HashMap};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;

/// The users of the columns: one per role, then `ANON`, a request without a token.
const COLUMNS: [&str; 7] = [
    "admin", "inv_a", "pros", "ngo_a", "analyst", "auditor", ANON,
];
const ANON: &str = "(no token)";
/// The users whose sight differs: they have columns in [`PERSONS`] and [`CASES`]. Every other
/// user may see no person and no case.
const READERS: [&str; 3] = ["inv_a", "pros", "ngo_a"];

/// The objects rows refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Obj {
    CaseOwn,
    CaseOther,
    CaseRead,
    CaseFull,
    VictimOwn,
    SuspectOwn,
    VictimOther,
    VictimRead,
    SuspectRead,
    VictimFull,
    SuspectFull,
    Outsider,
    NgoClient,
    /// NGO-B's read grant on `CaseOwn` (revocable by POLICE-A).
    GrantOwn,
    /// POLICE-A's full grant on `CaseFull`.
    GrantFull,
    /// An agency the administrator may rename.
    SpareAgency,
    /// An account the administrator may rename.
    Clerk,
    /// An id nothing has.
    Missing,
}
use Obj::*;

/// How much of a person or case a user may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sight {
    /// Nothing: 404, and no trace in any response.
    Hidden,
    /// Persons: names and PIN, no protected field. Cases: the facts, no narrative.
    Part,
    /// Persons: everything. Cases: the narrative too.
    All,
}
use Sight::*;

/// What inv_a, pros and ngo_a may see of each person ([`READERS`] order).
const PERSONS: [(Obj, [Sight; 3]); 9] = [
    (VictimOwn, [All, Hidden, Hidden]),
    (SuspectOwn, [All, Hidden, Hidden]),
    (VictimOther, [Hidden, Hidden, Hidden]),
    (VictimRead, [Part, Part, Part]),
    (SuspectRead, [Part, Part, Hidden]),
    (VictimFull, [All, All, All]),
    (SuspectFull, [All, All, Hidden]),
    (Outsider, [Hidden, Hidden, Hidden]),
    (NgoClient, [Hidden, Hidden, All]),
];

/// What inv_a, pros and ngo_a may see of each case ([`READERS`] order).
const CASES: [(Obj, [Sight; 3]); 4] = [
    (CaseOwn, [All, Hidden, Hidden]),
    (CaseOther, [Hidden, Hidden, Hidden]),
    (CaseRead, [All, All, Part]),
    (CaseFull, [All, All, Part]),
];

/// A request body for a column's user.
type BodyFn = fn(&str) -> Value;

/// One row of the matrix.
struct Row {
    method: Method,
    /// The path as the OpenAPI document writes it.
    template: &'static str,
    /// The objects that fill the template's `{…}` segments, in order.
    objects: &'static [Obj],
    /// The body; `"$version"` is replaced by the current version of the first object, and
    /// `"$spare"` by the spare person of the column user's agency.
    body: Option<BodyFn>,
    /// The status for each of [`COLUMNS`].
    expect: [u16; 7],
}

const fn row(
    method: Method,
    template: &'static str,
    objects: &'static [Obj],
    body: Option<BodyFn>,
    expect: [u16; 7],
) -> Row {
    Row {
        method,
        template,
        objects,
        body,
        expect,
    }
}

const GET: Method = Method::GET;
const POST: Method = Method::POST;
const PATCH: Method = Method::PATCH;
const DELETE: Method = Method::DELETE;

fn login(user: &str) -> Value {
    if user == ANON {
        json!({"username": "nobody", "password": "not-a-password"})
    } else {
        json!({"username": user, "password": PASSWORD})
    }
}
fn new_agency(_: &str) -> Value {
    json!({"code": "NEW-AGENCY", "name": "A new agency", "kind": "ngo", "region": "KG-T"})
}
fn rename(_: &str) -> Value {
    json!({"version": "$version", "name": "Renamed agency"})
}
fn new_user(_: &str) -> Value {
    json!({"username": "newcomer", "role": "ngo_worker", "agency_code": "NGO-B", "password": "a-long-enough-password"})
}
fn rename_user(_: &str) -> Value {
    json!({"version": "$version", "display_name": "Clerk Renamed"})
}
fn new_case(_: &str) -> Value {
    json!({"title": "Matrix case", "region": "KG-T", "exploitation_forms": ["begging"], "opened_on": "2025-01-10"})
}
fn narrative_edit(_: &str) -> Value {
    json!({"version": "$version", "transnational": true})
}
fn reclassify(_: &str) -> Value {
    json!({"version": "$version", "articles": [{"edition": 2021, "article": "167", "part": "1"}], "reason": "the victim is a child"})
}
fn add_spare(_: &str) -> Value {
    json!({"person_id": "$spare", "role": "witness"})
}
fn add_outsider(_: &str) -> Value {
    json!({"person_id": "$outsider", "role": "witness"})
}
fn add_read_only(_: &str) -> Value {
    json!({"person_id": "$read_only", "role": "witness"})
}
fn share_with_shelter(_: &str) -> Value {
    json!({"agency_code": "SHELTER", "level": "read"})
}
fn new_person(_: &str) -> Value {
    json!({"given_name": "Матрица", "family_name": "Текшерүү", "sex": "unknown"})
}
fn person_edit(_: &str) -> Value {
    json!({"version": "$version", "citizenship": "KG"})
}

/// The matrix. Columns: admin, investigator (inv_a, POLICE-A), prosecutor, NGO worker (ngo_a,
/// NGO-A), analyst, auditor, no token. Rows that change data come after the rows that read it,
/// and revocations come last.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Public routes and the caller's own account.
    row(POST, "/api/v1/auth/login", &[], Some(login), [200, 200, 200, 200, 200, 200, 401]),
    row(GET, "/api/v1/me", &[], None, [200, 200, 200, 200, 200, 200, 401]),
    row(GET, "/healthz", &[], None, [200, 200, 200, 200, 200, 200, 200]),
    row(GET, "/metrics", &[], None, [200, 200, 200, 200, 200, 200, 200]),
    // The agency directory and its management.
    row(GET, "/api/v1/agencies", &[], None, [200, 200, 200, 200, 200, 200, 401]),
    row(POST, "/api/v1/agencies", &[], Some(new_agency), [201, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/agencies/{id}", &[SpareAgency], Some(rename), [200, 403, 403, 403, 403, 403, 401]),
    // Accounts.
    row(GET, "/api/v1/users", &[], None, [200, 403, 403, 403, 403, 403, 401]),
    row(POST, "/api/v1/users", &[], Some(new_user), [201, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/users/{id}", &[Clerk], Some(rename_user), [200, 403, 403, 403, 403, 403, 401]),
    // Cases: list, read.
    row(GET, "/api/v1/cases", &[], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}", &[CaseOwn], None, [403, 200, 404, 404, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}", &[CaseOther], None, [403, 404, 404, 404, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}", &[CaseRead], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}", &[CaseFull], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}", &[Missing], None, [403, 404, 404, 404, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/history", &[CaseOwn], None, [403, 200, 404, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/history", &[CaseOther], None, [403, 404, 404, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/history", &[CaseRead], None, [403, 200, 200, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/shares", &[CaseOwn], None, [403, 200, 404, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/shares", &[CaseOther], None, [403, 404, 404, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/shares", &[CaseRead], None, [403, 403, 403, 403, 403, 403, 401]),
    row(GET, "/api/v1/cases/{id}/shares", &[CaseFull], None, [403, 403, 403, 403, 403, 403, 401]),
    // Persons: list, read.
    row(GET, "/api/v1/persons", &[], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[VictimOwn], None, [403, 200, 404, 404, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[VictimRead], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[SuspectRead], None, [403, 200, 200, 404, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[VictimFull], None, [403, 200, 200, 200, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[Outsider], None, [403, 404, 404, 404, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[NgoClient], None, [403, 404, 404, 200, 403, 403, 401]),
    row(GET, "/api/v1/persons/{id}", &[Missing], None, [403, 404, 404, 404, 403, 403, 401]),
    // The audit log.
    row(GET, "/api/v1/audit", &[], None, [403, 403, 403, 403, 403, 200, 401]),
    row(GET, "/api/v1/audit/verify", &[], None, [403, 403, 403, 403, 403, 200, 401]),
    // Writes.
    row(POST, "/api/v1/cases", &[], Some(new_case), [403, 201, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseOwn], Some(narrative_edit), [403, 200, 404, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseOther], Some(narrative_edit), [403, 404, 404, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseRead], Some(narrative_edit), [403, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseRead], Some(reclassify), [403, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseFull], Some(narrative_edit), [403, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/cases/{id}", &[CaseFull], Some(reclassify), [403, 403, 200, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseOwn], Some(add_spare), [403, 201, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseOther], Some(add_spare), [403, 404, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseRead], Some(add_spare), [403, 403, 403, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseFull], Some(add_spare), [403, 403, 403, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseOwn], Some(add_outsider), [403, 404, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseOwn], Some(add_read_only), [403, 403, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/parties", &[CaseFull], Some(add_read_only), [403, 403, 403, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/shares", &[CaseOwn], Some(share_with_shelter), [403, 201, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/shares", &[CaseOther], Some(share_with_shelter), [403, 404, 404, 403, 403, 403, 401]),
    row(POST, "/api/v1/cases/{id}/shares", &[CaseFull], Some(share_with_shelter), [403, 403, 403, 403, 403, 403, 401]),
    row(POST, "/api/v1/persons", &[], Some(new_person), [403, 201, 201, 201, 403, 403, 401]),
    row(PATCH, "/api/v1/persons/{id}", &[VictimOwn], Some(person_edit), [403, 200, 404, 404, 403, 403, 401]),
    row(PATCH, "/api/v1/persons/{id}", &[VictimRead], Some(person_edit), [403, 403, 403, 403, 403, 403, 401]),
    row(PATCH, "/api/v1/persons/{id}", &[VictimFull], Some(person_edit), [403, 200, 200, 200, 403, 403, 401]),
    row(PATCH, "/api/v1/persons/{id}", &[Outsider], Some(person_edit), [403, 404, 404, 404, 403, 403, 401]),
    row(PATCH, "/api/v1/persons/{id}", &[NgoClient], Some(person_edit), [403, 404, 404, 200, 403, 403, 401]),
    // Revocations last: they change what the rows above see.
    row(DELETE, "/api/v1/cases/{id}/shares/{grant_id}", &[CaseOther, GrantFull], None, [403, 404, 404, 403, 403, 403, 401]),
    row(DELETE, "/api/v1/cases/{id}/shares/{grant_id}", &[CaseFull, GrantFull], None, [403, 403, 403, 403, 403, 403, 401]),
    row(DELETE, "/api/v1/cases/{id}/shares/{grant_id}", &[CaseOwn, GrantOwn], None, [403, 200, 404, 403, 403, 403, 401]),
];

/// A person of the world with the values that must not leak.
struct Someone {
    obj: Obj,
    registrar: &'static str,
    given: &'static str,
    family: &'static str,
    sex: &'static str,
    pin: Option<&'static str>,
    /// Telephone, a fragment of the address, a fragment of the notes.
    protected: [&'static str; 3],
}

impl Someone {
    fn body(&self) -> Value {
        json!({
            "given_name": self.given,
            "family_name": self.family,
            "sex": self.sex,
            "pin": self.pin,
            "phone": self.protected[0],
            "address": format!("{}, 12", self.protected[1]),
            "notes": format!("Stays at {}", self.protected[2]),
        })
    }

    fn pii(&self) -> Vec<&'static str> {
        let mut pii = vec![self.given, self.family];
        pii.extend(self.pin);
        pii.extend(self.protected);
        pii
    }
}

/// The persons of [`PERSONS`] (VictimOwn is the harness's [`victim_body`]).
#[rustfmt::skip]
const PEOPLE: [Someone; 8] = [
    Someone { obj: SuspectOwn, registrar: "inv_a", given: "Бакыт", family: "Жээнбеков", sex: "male", pin: None, protected: ["+996 700 999 888", "Кочкор айылы", "Drives a white Sprinter"] },
    Someone { obj: VictimOther, registrar: "inv_b", given: "Чолпон", family: "Маматова", sex: "female", pin: Some("10303199700789"), protected: ["+996 555 400 005", "Курманжан Датка", "Shelter Meerim"] },
    Someone { obj: VictimRead, registrar: "inv_b", given: "Нургүл", family: "Токтосунова", sex: "female", pin: Some("10205199500321"), protected: ["+996 555 200 001", "Фрунзе көчөсү", "Safe house Nadezhda"] },
    Someone { obj: SuspectRead, registrar: "inv_b", given: "Эрлан", family: "Садыков", sex: "male", pin: Some("22207198800111"), protected: ["+996 700 200 002", "Чүй проспекти", "Recruiter in Deira"] },
    Someone { obj: VictimFull, registrar: "inv_b", given: "Жылдыз", family: "Бекмуратова", sex: "female", pin: Some("10101199800456"), protected: ["+996 555 300 003", "Токтогул көчөсү", "Refuge Ak-Jol"] },
    Someone { obj: SuspectFull, registrar: "inv_b", given: "Талант", family: "Исаков", sex: "male", pin: Some("21212198500222"), protected: ["+996 700 300 004", "Масалиев көчөсү", "Owns the Kara-Suu clinic"] },
    Someone { obj: Outsider, registrar: "inv_b", given: "Гульнара", family: "Абдыкадырова", sex: "female", pin: Some("10404199600987"), protected: ["+996 555 500 006", "Эркиндик бульвары", "Hostel Bereke"] },
    Someone { obj: NgoClient, registrar: "ngo_a", given: "Асель", family: "Омурбекова", sex: "female", pin: Some("10505199500654"), protected: ["+996 555 600 007", "Орозбаков көчөсү", "Room at Tendesh"] },
];

/// A case of [`CASES`]: owner, body, narrative needles (title, summary, place fragments).
fn case_of(obj: Obj) -> (&'static str, Value, Vec<&'static str>) {
    let case = |title: &str, summary: &str, place: &str, region: &str| {
        json!({"title": title, "summary": summary, "place": place, "region": region,
               "exploitation_forms": ["forced_labour"], "opened_on": "2025-03-01"})
    };
    match obj {
        CaseOwn => (
            "inv_a",
            case_body(),
            [&CASE_NARRATIVE[..], &["Ат-Башы"]].concat(),
        ),
        CaseOther => (
            "inv_b",
            case(
                "Эмгек кулчулугу, Люблино",
                "Workers were held at a construction site near Moscow.",
                "Люблино",
                "KG-C",
            ),
            vec![
                "Эмгек кулчулугу",
                "construction site near Moscow",
                "Люблино",
            ],
        ),
        CaseRead => (
            "inv_b",
            case(
                "Сексуалдык эксплуатация, Дейра",
                "Recruited through a fake waitress vacancy.",
                "Дейра",
                "KG-GB",
            ),
            vec!["Сексуалдык эксплуатация", "fake waitress vacancy", "Дейра"],
        ),
        CaseFull => (
            "inv_b",
            case(
                "Балдарды сатуу, Кара-Суу",
                "An infant was offered for sale at a maternity ward.",
                "Кара-Суу",
                "KG-O",
            ),
            vec!["Балдарды сатуу", "maternity ward", "Кара-Суу"],
        ),
        other => panic!("{other:?} is not a case"),
    }
}

/// The world of the matrix.
struct Fixture {
    world: World,
    ids: HashMap<Obj, Uuid>,
    /// The spare person (in no case) of each user's agency, for adding parties.
    spares: HashMap<&'static str, Uuid>,
    /// PII and protected values of each person of [`PERSONS`].
    pii: HashMap<Obj, (Vec<&'static str>, Vec<&'static str>)>,
    /// Narrative values of each case of [`CASES`].
    narrative: HashMap<Obj, Vec<&'static str>>,
}

impl Fixture {
    async fn new() -> Fixture {
        let world = World::new().await;
        let mut ids = HashMap::new();
        let mut pii = HashMap::new();
        ids.insert(VictimOwn, world.person("inv_a", victim_body()).await);
        pii.insert(VictimOwn, (VICTIM_PII.to_vec(), VICTIM_PROTECTED.to_vec()));
        for someone in &PEOPLE {
            ids.insert(
                someone.obj,
                world.person(someone.registrar, someone.body()).await,
            );
            pii.insert(someone.obj, (someone.pii(), someone.protected.to_vec()));
        }
        let mut narrative = HashMap::new();
        for obj in [CaseOwn, CaseOther, CaseRead, CaseFull] {
            let (owner, body, needles) = case_of(obj);
            ids.insert(obj, world.case(owner, body).await);
            narrative.insert(obj, needles);
        }
        for (case, owner, victim, suspect) in [
            (CaseOwn, "inv_a", VictimOwn, Some(SuspectOwn)),
            (CaseOther, "inv_b", VictimOther, None),
            (CaseRead, "inv_b", VictimRead, Some(SuspectRead)),
            (CaseFull, "inv_b", VictimFull, Some(SuspectFull)),
        ] {
            world.party(owner, ids[&case], ids[&victim], "victim").await;
            if let Some(suspect) = suspect {
                world
                    .party(owner, ids[&case], ids[&suspect], "suspect")
                    .await;
            }
        }
        for (case, level) in [(CaseRead, "read"), (CaseFull, "full")] {
            for agency in ["POLICE-A", "PROSECUTOR", "NGO-A"] {
                let grant = world.share("inv_b", ids[&case], agency, level).await;
                if case == CaseFull && agency == "POLICE-A" {
                    ids.insert(GrantFull, id_of(&grant));
                }
            }
        }
        let grant = world.share("inv_a", ids[&CaseOwn], "NGO-B", "read").await;
        ids.insert(GrantOwn, id_of(&grant));
        let mut spares = HashMap::new();
        for user in ["inv_a", "pros", "ngo_a"] {
            let spare = json!({"given_name": "Запасной", "family_name": user.replace('_', "-"), "sex": "unknown"});
            spares.insert(user, world.person(user, spare).await);
        }
        ids.insert(
            SpareAgency,
            world
                .app
                .add_agency("SPARE", korgon_domain::AgencyKind::Other)
                .await,
        );
        ids.insert(
            Clerk,
            world
                .app
                .add_user("clerk", korgon_domain::Role::NgoWorker, "NGO-B")
                .await,
        );
        ids.insert(Missing, Uuid::now_v7());
        Fixture {
            world,
            ids,
            spares,
            pii,
            narrative,
        }
    }

    /// The values `user` must never receive: PII of persons out of their sight, protected
    /// values of persons they see only in part, narratives of cases they may not read.
    fn forbidden(&self, user: &str) -> Vec<&'static str> {
        let mut needles = Vec::new();
        for (person, sights) in PERSONS {
            let (pii, protected) = &self.pii[&person];
            match sight(user, sights) {
                Hidden => needles.extend(pii),
                Part => needles.extend(protected),
                All => {}
            }
        }
        for (case, sights) in CASES {
            if sight(user, sights) != All {
                needles.extend(&self.narrative[&case]);
            }
        }
        needles
    }

    fn path(&self, row: &Row) -> String {
        let mut path = String::new();
        let mut objects = row.objects.iter();
        for (i, part) in row.template.split('{').enumerate() {
            if i == 0 {
                path.push_str(part);
                continue;
            }
            let (_, rest) = part.split_once('}').expect("template");
            let obj = objects.next().expect("an object per segment");
            path.push_str(&self.ids[obj].to_string());
            path.push_str(rest);
        }
        path
    }

    async fn body(&self, row: &Row, user: &str) -> Option<Value> {
        let make = row.body?;
        let mut text = make(user).to_string();
        if text.contains("\"$version\"") {
            let obj = row.objects[0];
            let table = match obj {
                CaseOwn | CaseOther | CaseRead | CaseFull => Table::Case,
                SpareAgency => Table::Agency,
                Clerk => Table::User,
                _ => Table::Person,
            };
            let version = self.world.app.version(table, self.ids[&obj]).await;
            text = text.replace("\"$version\"", &version.to_string());
        }
        let spare = self.spares.get(user).unwrap_or(&self.spares["inv_a"]);
        text = text.replace("$spare", &spare.to_string());
        text = text.replace("$outsider", &self.ids[&Outsider].to_string());
        text = text.replace("$read_only", &self.ids[&VictimRead].to_string());
        Some(serde_json::from_str(&text).expect("body"))
    }
}

/// A user's entry in a sight table ([`READERS`] order); users without a column see nothing.
fn sight(user: &str, sights: [Sight; 3]) -> Sight {
    READERS
        .iter()
        .position(|r| *r == user)
        .map_or(Hidden, |i| sights[i])
}

/// Every (method, path) of the OpenAPI document.
fn documented_routes() -> BTreeSet<(String, String)> {
    let (_, api) = korgon::api::routes();
    let api = serde_json::to_value(&api).expect("openapi json");
    let mut routes = BTreeSet::new();
    for (path, item) in api["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                routes.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    routes
}

#[tokio::test]
async fn every_role_on_every_route_gets_exactly_its_due() {
    let covered: BTreeSet<(String, String)> = ROWS
        .iter()
        .map(|r| (r.method.to_string(), r.template.to_owned()))
        .chain(
            crate::referrals_access::ROUTES
                .iter()
                .chain(crate::court::ROUTES.iter())
                .map(|(m, t)| ((*m).to_owned(), (*t).to_owned())),
        )
        .collect();
    assert_eq!(
        covered,
        documented_routes(),
        "the matrix must have rows for exactly the documented routes"
    );

    let fx = Fixture::new().await;
    let mut failures = Vec::new();
    let mut not_found_bodies: HashMap<(String, &str), BTreeSet<String>> = HashMap::new();
    for row in ROWS {
        let path = fx.path(row);
        for (user, expected) in COLUMNS.iter().zip(row.expect) {
            let body = fx.body(row, user).await;
            let token = (*user != ANON).then(|| fx.world.token(user));
            let response = fx
                .world
                .app
                .request(row.method.clone(), &path, token, body.as_ref())
                .await;
            let status = response.status();
            let www_authenticate = response.headers().contains_key("www-authenticate");
            let text = response.text().await.expect("body");
            let at = format!("{} {} as {user}", row.method, row.template);
            if status.as_u16() != expected {
                failures.push(format!(
                    "{at} {:?}: got {status}, expected {expected}; body {text}",
                    row.objects
                ));
            }
            if status.is_client_error() {
                let error: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                if !error["error"]["code"].is_string() || !error["error"]["message"].is_string() {
                    failures.push(format!(
                        "{at}: error body is not {{\"error\": {{code, message}}}}: {text}"
                    ));
                }
                if status == StatusCode::UNAUTHORIZED && !www_authenticate {
                    failures.push(format!("{at}: 401 without WWW-Authenticate"));
                }
                if status == StatusCode::NOT_FOUND && row.method == GET {
                    not_found_bodies
                        .entry((row.template.to_owned(), user))
                        .or_default()
                        .insert(text.clone());
                }
            }
            for needle in fx.forbidden(user) {
                if text.contains(needle) {
                    failures.push(format!("{at} {:?}: leaked {needle:?}", row.objects));
                }
            }
        }
    }
    // Out of scope and non-existent answer alike: scope does not leak existence.
    for ((template, user), bodies) in &not_found_bodies {
        if bodies.len() > 1 {
            failures.push(format!(
                "{template} as {user}: 404 bodies differ: {bodies:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn each_reader_sees_each_person_and_case_as_the_scope_rules_say() {
    let fx = Fixture::new().await;
    let world = &fx.world;
    let mut failures = Vec::new();
    for user in READERS {
        let forbidden = fx.forbidden(user);
        let leaks = |text: &str, failures: &mut Vec<String>, at: &str| {
            for needle in &forbidden {
                if text.contains(needle) {
                    failures.push(format!("{at}: leaked {needle:?}"));
                }
            }
        };
        for (person, sights) in PERSONS {
            let at = format!("GET person {person:?} as {user}");
            let response = world.get_person(user, fx.ids[&person]).await;
            let status = response.status();
            let text = response.text().await.expect("body");
            leaks(&text, &mut failures, &at);
            let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let (pii, protected) = &fx.pii[&person];
            match sight(user, sights) {
                Hidden if status != StatusCode::NOT_FOUND => {
                    failures.push(format!("{at}: got {status}, expected 404"));
                }
                Hidden => {}
                Part => {
                    if status != StatusCode::OK || body["access"] != "read" {
                        failures.push(format!("{at}: expected 200 with read access: {text}"));
                    }
                    if body["redacted"] != json!(["phone", "address", "notes"]) {
                        failures.push(format!(
                            "{at}: protected fields not listed as redacted: {text}"
                        ));
                    }
                    for field in ["phone", "address", "notes"] {
                        if body.get(field).is_some() {
                            failures.push(format!("{at}: {field} present"));
                        }
                    }
                    if !text.contains(pii[0]) {
                        failures.push(format!("{at}: the name is missing: {text}"));
                    }
                }
                All => {
                    if status != StatusCode::OK || body["redacted"] != json!([]) {
                        failures.push(format!("{at}: expected 200 with nothing redacted: {text}"));
                    }
                    for value in protected {
                        if !text.contains(value) {
                            failures.push(format!("{at}: protected {value:?} missing"));
                        }
                    }
                }
            }
        }
        for (case, sights) in CASES {
            let at = format!("GET case {case:?} as {user}");
            let response = world.get_case(user, fx.ids[&case]).await;
            let status = response.status();
            let text = response.text().await.expect("body");
            leaks(&text, &mut failures, &at);
            let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            match sight(user, sights) {
                Hidden => {
                    if status != StatusCode::NOT_FOUND {
                        failures.push(format!("{at}: got {status}, expected 404"));
                    }
                    continue;
                }
                Part => {
                    for field in ["title", "summary", "place"] {
                        if body.get(field).is_some() {
                            failures.push(format!("{at}: {field} shown to an NGO worker"));
                        }
                    }
                }
                All => {
                    if !body["title"].is_string() {
                        failures.push(format!("{at}: title missing: {text}"));
                    }
                }
            }
            if status != StatusCode::OK {
                failures.push(format!("{at}: got {status}, expected 200"));
            }
            let roles: BTreeSet<&str> = body["parties"]
                .as_array()
                .map(|p| p.iter().filter_map(|p| p["role"].as_str()).collect())
                .unwrap_or_default();
            let expected: BTreeSet<&str> = if user == "ngo_a" {
                ["victim"].into()
            } else {
                ["victim", "suspect"].into()
            };
            if roles != expected {
                failures.push(format!("{at}: parties {roles:?}, expected {expected:?}"));
            }
        }
        // The lists hold exactly the visible records of the tables.
        let persons = expect(world.list_persons(user, "limit=200").await, StatusCode::OK).await;
        leaks(
            &persons.to_string(),
            &mut failures,
            &format!("person list as {user}"),
        );
        let listed: BTreeSet<Uuid> = persons["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(id_of)
            .collect();
        for (person, sights) in PERSONS {
            if listed.contains(&fx.ids[&person]) != (sight(user, sights) != Hidden) {
                failures.push(format!("person list as {user}: {person:?} listed wrongly"));
            }
        }
        let cases = expect(world.list_cases(user, "limit=200").await, StatusCode::OK).await;
        leaks(
            &cases.to_string(),
            &mut failures,
            &format!("case list as {user}"),
        );
        let listed: BTreeSet<Uuid> = cases["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(id_of)
            .collect();
        for (case, sights) in CASES {
            if listed.contains(&fx.ids[&case]) != (sight(user, sights) != Hidden) {
                failures.push(format!("case list as {user}: {case:?} listed wrongly"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The routes whose matrices live in `referrals_access` and `court` refuse a request without a
/// token.
#[tokio::test]
async fn routes_with_their_own_matrix_refuse_requests_without_a_token() {
    let app = spawn_app().await;
    for (method, template) in crate::referrals_access::ROUTES
        .iter()
        .chain(crate::court::ROUTES.iter())
    {
        let path = template.replace("{id}", &Uuid::now_v7().to_string());
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let body = (method == Method::POST).then(|| json!({}));
        let response = app
            .request(method.clone(), &path, None, body.as_ref())
            .await;
        expect_error(response, StatusCode::UNAUTHORIZED, "unauthenticated", "").await;
    }
}
