//! The agencies of the demo, from one police unit per kind to a national roster.
//! Government bodies carry their usual names; every NGO and shelter name is invented.

use korgon_domain::AgencyKind::{self, *};

use crate::model::Agency;
use crate::size::Scale;

/// The instance a court sits at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CourtLevel {
    /// District and city courts.
    First,
    /// Regional courts and the Bishkek city court.
    Appeal,
    /// The Supreme Court.
    Supreme,
}

/// One agency of the roster.
#[derive(Debug)]
pub(super) struct AgencyDef {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: AgencyKind,
    pub region: Option<&'static str>,
    /// The smallest scale that includes it.
    pub scale: Scale,
    /// For courts, the instance.
    pub court_level: Option<CourtLevel>,
    /// For consulates, the countries served.
    pub serves: &'static [&'static str],
}

impl AgencyDef {
    pub(super) fn agency(&self) -> Agency {
        Agency {
            code: self.code.to_owned(),
            name: self.name.to_owned(),
            kind: self.kind,
            region: self.region.map(str::to_owned),
        }
    }
}

const fn def(
    code: &'static str,
    name: &'static str,
    kind: AgencyKind,
    region: &'static str,
    scale: Scale,
) -> AgencyDef {
    AgencyDef {
        code,
        name,
        kind,
        region: Some(region),
        scale,
        court_level: None,
        serves: &[],
    }
}

const fn court(
    code: &'static str,
    name: &'static str,
    region: &'static str,
    scale: Scale,
    level: CourtLevel,
) -> AgencyDef {
    AgencyDef {
        code,
        name,
        kind: Court,
        region: Some(region),
        scale,
        court_level: Some(level),
        serves: &[],
    }
}

const fn consulate(
    code: &'static str,
    name: &'static str,
    scale: Scale,
    serves: &'static [&'static str],
) -> AgencyDef {
    AgencyDef {
        code,
        name,
        kind: Consulate,
        region: None,
        scale,
        court_level: None,
        serves,
    }
}

use CourtLevel::{Appeal, First, Supreme};
use Scale::{Large, Medium, Small, Tiny};

/// Every agency, the ones of the smallest scale first.
pub(super) const AGENCIES: &[AgencyDef] = &[
    def("MVD-BISHKEK", "ГУВД г. Бишкек", Police, "KG-GB", Tiny),
    def(
        "GPO-KG",
        "Генеральная прокуратура Кыргызской Республики",
        Prosecutor,
        "KG-GB",
        Tiny,
    ),
    court(
        "COURT-BISHKEK-PERVOMAI",
        "Первомайский районный суд г. Бишкек",
        "KG-GB",
        Tiny,
        First,
    ),
    def(
        "NGO-TIRISHCHILIK",
        "Общественный фонд «Тиричилик»",
        Ngo,
        "KG-GB",
        Tiny,
    ),
    def(
        "MTSR-KG",
        "Министерство труда, социального обеспечения и миграции Кыргызской Республики",
        Ministry,
        "KG-GB",
        Tiny,
    ),
    def(
        "SHELTER-KORGON-UY",
        "Кризисный центр-приют «Коргон үй»",
        Shelter,
        "KG-GB",
        Tiny,
    ),
    consulate(
        "CONSUL-MOSCOW",
        "Посольство Кыргызской Республики в Российской Федерации, консульский отдел",
        Tiny,
        &["RU"],
    ),
    def(
        "MIGRATION-KG",
        "Служба по вопросам миграции",
        Other,
        "KG-GB",
        Tiny,
    ),
    def("MVD-OSH", "УВД г. Ош", Police, "KG-GO", Small),
    def("UVD-CHUY", "УВД Чуйской области", Police, "KG-C", Small),
    def("PROK-OSH", "Прокуратура г. Ош", Prosecutor, "KG-GO", Small),
    court(
        "COURT-OSH-CITY",
        "Ошский городской суд",
        "KG-GO",
        Small,
        First,
    ),
    court(
        "COURT-BISHKEK-CITY",
        "Бишкекский городской суд",
        "KG-GB",
        Small,
        Appeal,
    ),
    def(
        "NGO-UMUT-SHOOLA",
        "Общественное объединение «Үмүт шооласы»",
        Ngo,
        "KG-GO",
        Small,
    ),
    def(
        "SHELTER-JYLUU-UYA",
        "Приют «Жылуу уя»",
        Shelter,
        "KG-GO",
        Small,
    ),
    consulate(
        "CONSUL-ISTANBUL",
        "Генеральное консульство Кыргызской Республики в Стамбуле",
        Small,
        &["TR"],
    ),
    consulate(
        "CONSUL-DUBAI",
        "Генеральное консульство Кыргызской Республики в Дубае",
        Small,
        &["AE", "QA", "BH", "SA", "OM", "KW"],
    ),
    def("UVD-OSH-OBL", "УВД Ошской области", Police, "KG-O", Medium),
    def(
        "UVD-JALAL-ABAD",
        "УВД Джалал-Абадской области",
        Police,
        "KG-J",
        Medium,
    ),
    def(
        "UVD-YSYK-KOL",
        "УВД Иссык-Кульской области",
        Police,
        "KG-Y",
        Medium,
    ),
    def("UVD-NARYN", "УВД Нарынской области", Police, "KG-N", Medium),
    def("UVD-TALAS", "УВД Таласской области", Police, "KG-T", Medium),
    def(
        "UVD-BATKEN",
        "УВД Баткенской области",
        Police,
        "KG-B",
        Medium,
    ),
    def(
        "PROK-CHUY",
        "Прокуратура Чуйской области",
        Prosecutor,
        "KG-C",
        Medium,
    ),
    def(
        "PROK-JALAL-ABAD",
        "Прокуратура Джалал-Абадской области",
        Prosecutor,
        "KG-J",
        Medium,
    ),
    court(
        "SUPREME-COURT-KG",
        "Верховный суд Кыргызской Республики",
        "KG-GB",
        Medium,
        Supreme,
    ),
    court(
        "COURT-OSH-OBL",
        "Ошский областной суд",
        "KG-O",
        Medium,
        Appeal,
    ),
    court(
        "COURT-SOKULUK",
        "Сокулукский районный суд",
        "KG-C",
        Medium,
        First,
    ),
    court(
        "COURT-NARYN",
        "Нарынский районный суд",
        "KG-N",
        Medium,
        First,
    ),
    court(
        "COURT-KARAKOL",
        "Каракольский городской суд",
        "KG-Y",
        Medium,
        First,
    ),
    court(
        "COURT-JALAL-ABAD",
        "Джалал-Абадский городской суд",
        "KG-J",
        Medium,
        First,
    ),
    def(
        "NGO-JANY-TAN",
        "Общественный фонд «Жаңы таң»",
        Ngo,
        "KG-N",
        Medium,
    ),
    def(
        "NGO-AK-BULUT",
        "Общественное объединение «Ак булут»",
        Ngo,
        "KG-Y",
        Medium,
    ),
    def(
        "NGO-KOK-JAIYK",
        "Общественный фонд «Көк жайык»",
        Ngo,
        "KG-J",
        Medium,
    ),
    def(
        "SHELTER-BEIPIL",
        "Кризисный центр «Бейпил»",
        Shelter,
        "KG-Y",
        Medium,
    ),
    def(
        "MID-KG",
        "Министерство иностранных дел Кыргызской Республики",
        Ministry,
        "KG-GB",
        Medium,
    ),
    consulate(
        "CONSUL-ALMATY",
        "Генеральное консульство Кыргызской Республики в Алматы",
        Medium,
        &["KZ"],
    ),
    def(
        "MVD-OPTL",
        "Отдел противодействия торговле людьми МВД Кыргызской Республики",
        Police,
        "KG-GB",
        Large,
    ),
    def(
        "PROK-YSYK-KOL",
        "Прокуратура Иссык-Кульской области",
        Prosecutor,
        "KG-Y",
        Large,
    ),
    def(
        "PROK-NARYN",
        "Прокуратура Нарынской области",
        Prosecutor,
        "KG-N",
        Large,
    ),
    court(
        "COURT-TALAS",
        "Таласский районный суд",
        "KG-T",
        Large,
        First,
    ),
    court(
        "COURT-BATKEN",
        "Баткенский районный суд",
        "KG-B",
        Large,
        First,
    ),
    court(
        "COURT-NARYN-OBL",
        "Нарынский областной суд",
        "KG-N",
        Large,
        Appeal,
    ),
    def(
        "NGO-TOO-GULU",
        "Общественное объединение «Тоо гүлү»",
        Ngo,
        "KG-T",
        Large,
    ),
    def(
        "NGO-NUR-JOLU",
        "Общественный фонд «Нур жолу»",
        Ngo,
        "KG-B",
        Large,
    ),
    def(
        "NGO-KUT-BEREKE",
        "Общественный фонд «Кут-Береке»",
        Ngo,
        "KG-C",
        Large,
    ),
    def("SHELTER-ARAY", "Приют «Арай»", Shelter, "KG-C", Large),
    consulate(
        "CONSUL-YEKATERINBURG",
        "Генеральное консульство Кыргызской Республики в Екатеринбурге",
        Large,
        &["RU"],
    ),
    consulate(
        "CONSUL-SEOUL",
        "Посольство Кыргызской Республики в Республике Корея",
        Large,
        &["KR"],
    ),
];
