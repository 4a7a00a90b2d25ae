//! Names carry the right gendered forms, and the naming traditions are all there.

use korgon_domain::Sex;
use korgon_synth::names::{feminine_family_suffixes, masculine_family_suffixes};

use crate::helpers::medium;

#[test]
fn family_names_and_patronymics_agree_with_sex() {
    let d = medium();
    let mut checked = 0;
    for person in d
        .records
        .persons
        .iter()
        .filter(|p| p.has_canonical_names())
        .take(2_000)
    {
        let family = person.input.family_name.as_deref().unwrap();
        let (suffixes, wrong) = match person.input.sex {
            Sex::Female => (feminine_family_suffixes(), masculine_family_suffixes()),
            _ => (masculine_family_suffixes(), feminine_family_suffixes()),
        };
        assert!(
            suffixes.iter().any(|s| family.ends_with(s)),
            "{:?} {family}",
            person.input.sex
        );
        assert!(
            !wrong.iter().any(|s| family.ends_with(s)),
            "{:?} {family}",
            person.input.sex
        );
        if let Some(patronymic) = person.input.patronymic.as_deref() {
            let ok = match person.input.sex {
                Sex::Female => {
                    patronymic.ends_with(" кызы")
                        || patronymic.ends_with("вна")
                        || patronymic.ends_with("чна")
                }
                _ => {
                    patronymic.ends_with(" уулу")
                        || patronymic.ends_with("вич")
                        || patronymic.ends_with("ич")
                }
            };
            assert!(ok, "{:?} {patronymic}", person.input.sex);
        }
        checked += 1;
    }
    assert!(checked >= 500, "{checked}");
}

#[test]
fn every_naming_tradition_and_patronymic_form_occurs() {
    let d = medium();
    let family = |name: &str| {
        d.records
            .persons
            .iter()
            .any(|p| p.input.family_name.as_deref() == Some(name))
    };
    let some_family = |names: &[&str]| names.iter().any(|n| family(n));
    assert!(
        some_family(&[
            "Каримов",
            "Юсупов",
            "Рахимов",
            "Турсунов",
            "Мирзаев",
            "Хасанов"
        ]),
        "Uzbek"
    );
    assert!(
        some_family(&[
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Петрова",
            "Иванова"
        ]),
        "Russian"
    );
    assert!(
        some_family(&[
            "Рахмонов",
            "Назаров",
            "Шарипов",
            "Саидов",
            "Назарова",
            "Саидова"
        ]),
        "Tajik"
    );
    assert!(
        some_family(&[
            "Ахметов",
            "Омаров",
            "Касымов",
            "Ахметова",
            "Омарова",
            "Касымова"
        ]),
        "Kazakh"
    );
    assert!(
        some_family(&[
            "Мансуров",
            "Хазиров",
            "Сулейманов",
            "Мансурова",
            "Хазирова",
            "Сулейманова"
        ]),
        "Dungan"
    );
    let canonical: Vec<_> = d
        .records
        .persons
        .iter()
        .filter(|p| p.has_canonical_names())
        .collect();
    let count =
        |f: &dyn Fn(&korgon_synth::PersonRecord) -> bool| canonical.iter().filter(|p| f(p)).count();
    let uulu_family = count(&|p| {
        p.input
            .family_name
            .as_deref()
            .is_some_and(|f| f.ends_with(" уулу") || f.ends_with(" кызы"))
    });
    let uulu_patronymic = count(&|p| {
        p.input
            .patronymic
            .as_deref()
            .is_some_and(|f| f.ends_with(" уулу") || f.ends_with(" кызы"))
    });
    let russian_patronymic = count(&|p| {
        p.input
            .patronymic
            .as_deref()
            .is_some_and(|f| f.ends_with("ич") || f.ends_with("на"))
    });
    assert!(
        uulu_family > 100 && uulu_patronymic > 500 && russian_patronymic > 500,
        "{uulu_family} {uulu_patronymic} {russian_patronymic}"
    );
    let kyrgyz_letters = count(&|p| {
        p.input
            .given_name
            .as_deref()
            .is_some_and(|g| g.contains(['ү', 'ө', 'ң']))
    });
    assert!(kyrgyz_letters > 200, "{kyrgyz_letters}");
}

#[test]
fn victims_are_younger_than_suspects_and_bride_kidnappers_are_men() {
    let d = medium();
    let mut victim_ages = Vec::new();
    let mut suspect_ages = Vec::new();
    let (mut grooms, mut male_grooms) = (0, 0);
    for case in &d.records.cases {
        let Some(from) = case.input.incident_from.as_deref() else {
            continue;
        };
        let from = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
        for party in &case.parties {
            let person = crate::helpers::person(d, party.person);
            let Some(dob) = person
                .input
                .date_of_birth
                .as_deref()
                .filter(|d| d.len() == 10)
            else {
                continue;
            };
            let age = from
                .years_since(chrono::NaiveDate::parse_from_str(dob, "%Y-%m-%d").unwrap())
                .unwrap();
            match party.role {
                korgon_domain::PartyRole::Victim => victim_ages.push(age),
                korgon_domain::PartyRole::Suspect => suspect_ages.push(age),
                _ => {}
            }
            if party.details.relation_to_victim.as_deref() == Some("жених") {
                grooms += 1;
                male_grooms += usize::from(person.input.sex == Sex::Male);
            }
        }
    }
    let median = |v: &mut Vec<u32>| {
        v.sort_unstable();
        v[v.len() / 2]
    };
    let (victim, suspect) = (median(&mut victim_ages), median(&mut suspect_ages));
    assert!((18..=30).contains(&victim), "median victim age {victim}");
    assert!(suspect > victim + 5, "median suspect age {suspect}");
    assert!(grooms > 100 && male_grooms == grooms);
}
