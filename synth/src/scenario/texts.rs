//! Titles, places and summaries of cases, in Russian as investigators write them. No names:
//! the narrative speaks of "the victim", never of a person by name.

use korgon_domain::ExploitationForm::{self, *};
use korgon_domain::Sex;

use crate::people::settlement;
use crate::rng::{SynthRng, pick};

/// The Russian name of a destination country, in the prepositional case ("в …").
pub(crate) fn country_in(code: &str) -> &'static str {
    match code {
        "RU" => "Российской Федерации",
        "KZ" => "Республике Казахстан",
        "TR" => "Турецкой Республике",
        "AE" => "Объединённых Арабских Эмиратах",
        "QA" => "Катаре",
        "BH" => "Бахрейне",
        "KR" => "Республике Корея",
        "UZ" => "Республике Узбекистан",
        "PL" => "Польше",
        "DE" => "Германии",
        "IN" => "Индии",
        _ => "иностранном государстве",
    }
}

/// The Russian name of a form of exploitation, as spreadsheets and titles write it.
pub fn form_label(form: ExploitationForm) -> &'static str {
    match form {
        SexualExploitation => "сексуальная эксплуатация",
        ForcedLabour => "трудовая эксплуатация",
        ForcedMarriage => "принудительный брак (ала качуу)",
        ChildMarriage => "ранний брак",
        ForcedCriminality => "вовлечение в преступную деятельность",
        Begging => "принуждение к попрошайничеству",
        OrganRemoval => "изъятие органов",
        ForcedMilitary => "вовлечение в вооружённый конфликт",
        ChildSaleAdoption => "продажа ребёнка",
        Other => "иная форма эксплуатации",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `год`, `года` or `лет` after `n`.
fn years_word(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => "лет",
        (1, _) => "год",
        (2..=4, _) => "года",
        _ => "лет",
    }
}

/// A case title: the form, where, and how many victims.
pub(crate) fn case_title(
    form: ExploitationForm,
    destination: Option<&str>,
    region_ru: &str,
    victims: usize,
) -> String {
    let what = match form {
        ForcedMarriage => "Похищение лица с целью вступления в брак (ала качуу)".to_owned(),
        ChildMarriage => "Вступление в брак с несовершеннолетней".to_owned(),
        other => capitalised(form_label(other)),
    };
    let place = match destination {
        Some(code) => format!(" в {}", country_in(code)),
        None => format!(", {region_ru}"),
    };
    if victims > 1 {
        format!("{what}{place}, {victims} потерпевших")
    } else {
        format!("{what}{place}")
    }
}

/// Where the case happened (or the victims were recruited): a town or village of `region`.
pub(crate) fn case_place(rng: &mut SynthRng, region: &str) -> String {
    settlement(rng, region).to_owned()
}

/// A short narrative without names, about a first victim of `sex`, `age` years old.
pub(crate) fn case_summary(
    rng: &mut SynthRng,
    form: ExploitationForm,
    destination: Option<&str>,
    sex: Sex,
    age: u32,
    recruitment: &str,
) -> String {
    let female = sex == Sex::Female || matches!(form, ForcedMarriage | ChildMarriage);
    let victim = if female {
        "Потерпевшая"
    } else {
        "Потерпевший"
    };
    let abroad = destination
        .map(|c| format!(" в {}", country_in(c)))
        .unwrap_or_default();
    let (her, his) = match form {
        ForcedMarriage => (
            "была похищена и удерживалась в доме жениха, где её принуждали к вступлению в брак",
            "",
        ),
        ChildMarriage => (
            "была выдана замуж по религиозному обряду без государственной регистрации",
            "",
        ),
        ForcedLabour => (
            "работала без оплаты, документы были изъяты работодателем",
            "работал без оплаты, документы были изъяты работодателем",
        ),
        SexualExploitation => (
            "была вывезена и принуждена к оказанию сексуальных услуг",
            "был вывезен и принуждён к оказанию сексуальных услуг",
        ),
        Begging => (
            "принуждалась к попрошайничеству в общественных местах",
            "принуждался к попрошайничеству в общественных местах",
        ),
        ForcedCriminality => (
            "была вовлечена в перевозку запрещённых веществ",
            "был вовлечён в перевозку запрещённых веществ",
        ),
        ChildSaleAdoption => (
            "была передана третьим лицам за денежное вознаграждение",
            "был передан третьим лицам за денежное вознаграждение",
        ),
        _ => ("подвергалась эксплуатации", "подвергался эксплуатации"),
    };
    let event = if female { her } else { his };
    let source = pick(
        rng,
        &[
            "Сообщение поступило от родственников.",
            "Заявление подано потерпевшей стороной.",
            "Информация поступила от общественной организации.",
            "Сообщение поступило по линии консульской службы.",
            "Выявлено в ходе оперативно-профилактических мероприятий.",
        ],
    );
    format!(
        "{victim}, {age} {},{abroad} {event}. Вербовка: {recruitment}. {source}",
        years_word(age)
    )
}
