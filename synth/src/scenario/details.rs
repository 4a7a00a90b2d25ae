//! Role details: how victims were recruited and controlled, how suspects relate to them.

use korgon_domain::ExploitationForm::{self, *};
use korgon_domain::PartyDetails;
use rand::seq::IndexedRandom;

use crate::rng::{SynthRng, between, pick};

fn means(form: ExploitationForm) -> &'static [&'static str] {
    match form {
        ForcedLabour => &[
            "изъятие паспорта",
            "долговая кабала",
            "невыплата заработной платы",
            "угрозы депортацией",
            "ограничение свободы передвижения",
            "угрозы",
            "физическое насилие",
        ],
        SexualExploitation => &[
            "изъятие паспорта",
            "долговая кабала",
            "угрозы семье",
            "физическое насилие",
            "изоляция",
            "принуждение к употреблению алкоголя",
        ],
        ForcedMarriage | ChildMarriage => &[
            "удержание в доме жениха",
            "давление родственников",
            "угрозы позором",
            "физическое насилие",
            "изоляция",
        ],
        _ => &[
            "угрозы",
            "физическое насилие",
            "изоляция",
            "психологическое давление",
            "лишение документов",
        ],
    }
}

fn recruitment(form: ExploitationForm) -> &'static [&'static str] {
    match form {
        ForcedLabour => &[
            "предложение работы за рубежом через знакомых",
            "объявление о работе в социальных сетях",
            "частное агентство занятости",
            "предложение работы от родственника",
        ],
        SexualExploitation => &[
            "предложение работы официанткой за рубежом",
            "знакомство в социальных сетях",
            "предложение работы танцовщицей",
            "обещание брака",
        ],
        ForcedMarriage => &[
            "похищение с целью вступления в брак (ала качуу)",
            "похищение под предлогом встречи",
            "сговор родственников",
        ],
        ChildMarriage => &[
            "сговор родственников",
            "религиозный обряд никах без регистрации",
            "похищение",
        ],
        Begging => &[
            "вывоз родственниками",
            "обман о лечении",
            "вербовка знакомыми",
        ],
        ForcedCriminality => &[
            "предложение лёгкого заработка",
            "вербовка через мессенджер",
            "долг перед вербовщиком",
        ],
        _ => &["обман", "предложение заработка", "знакомые"],
    }
}

/// Details of a victim aged `age` when exploitation began.
pub(crate) fn victim_details(rng: &mut SynthRng, form: ExploitationForm, age: u32) -> PartyDetails {
    let count = usize::try_from(between(rng, 1, 3)).unwrap_or(1);
    let means_of_control = means(form)
        .sample(rng, count)
        .map(|m| (*m).to_owned())
        .collect();
    PartyDetails {
        age_at_exploitation: u8::try_from(age).ok(),
        means_of_control,
        recruitment: Some((*pick(rng, recruitment(form))).to_owned()),
        relation_to_victim: None,
    }
}

/// Details of a suspect.
pub(crate) fn suspect_details(relation: Option<&str>) -> PartyDetails {
    PartyDetails {
        relation_to_victim: relation.map(str::to_owned),
        ..PartyDetails::default()
    }
}
