//! Uzbek, Tajik, Kazakh and Dungan given names and family names (masculine forms).

/// Uzbek women's given names.
pub(crate) const UZBEK_FEMALE: &[&str] = &[
    "Дилноза",
    "Гулчехра",
    "Нигора",
    "Мохира",
    "Зарина",
    "Шахноза",
    "Феруза",
    "Мадина",
    "Гулнора",
    "Саодат",
    "Дилфуза",
    "Нодира",
    "Малика",
    "Севара",
    "Умида",
];
/// Uzbek men's given names.
pub(crate) const UZBEK_MALE: &[&str] = &[
    "Рустам",
    "Шерзод",
    "Бахтиёр",
    "Фарход",
    "Улугбек",
    "Азиз",
    "Достон",
    "Жасур",
    "Ботир",
    "Равшан",
    "Шухрат",
    "Икром",
    "Алишер",
    "Фаррух",
    "Сардор",
    "Бобур",
    "Анвар",
];
/// Uzbek family names.
pub(crate) const UZBEK_FAMILIES: &[&str] = &[
    "Каримов",
    "Юсупов",
    "Рахимов",
    "Турсунов",
    "Мирзаев",
    "Абдуллаев",
    "Хасанов",
    "Ахмедов",
    "Исмаилов",
    "Нуриддинов",
    "Холматов",
    "Эргашев",
    "Мамадалиев",
    "Жураев",
    "Султанов",
    "Камалов",
];

/// Tajik women's given names.
pub(crate) const TAJIK_FEMALE: &[&str] = &[
    "Мехрубон",
    "Нилуфар",
    "Зулфия",
    "Парвина",
    "Манижа",
    "Шабнам",
    "Гулрухсор",
    "Тахмина",
];
/// Tajik men's given names.
pub(crate) const TAJIK_MALE: &[&str] = &[
    "Фаридун",
    "Сухроб",
    "Далер",
    "Джамшед",
    "Бахром",
    "Фирдавс",
    "Манучехр",
    "Исмоил",
];
/// Tajik family names.
pub(crate) const TAJIK_FAMILIES: &[&str] = &[
    "Рахмонов",
    "Назаров",
    "Шарипов",
    "Саидов",
    "Хайдаров",
    "Мирзоев",
    "Курбонов",
    "Давлатов",
];

/// Kazakh women's given names.
pub(crate) const KAZAKH_FEMALE: &[&str] = &[
    "Айгерим",
    "Жанар",
    "Асем",
    "Гульмира",
    "Динара",
    "Салтанат",
    "Мадина",
    "Назерке",
];
/// Kazakh men's given names.
pub(crate) const KAZAKH_MALE: &[&str] = &[
    "Ерлан",
    "Серик",
    "Бауыржан",
    "Данияр",
    "Нурлан",
    "Ержан",
    "Асхат",
    "Марат",
    "Айдос",
];
/// Kazakh family names.
pub(crate) const KAZAKH_FAMILIES: &[&str] = &[
    "Нурланов",
    "Серикбаев",
    "Жумабаев",
    "Ахметов",
    "Бекенов",
    "Касымов",
    "Сарсенбаев",
    "Омаров",
    "Тулегенов",
    "Искаков",
];

/// Dungan women's given names.
pub(crate) const DUNGAN_FEMALE: &[&str] =
    &["Айша", "Фатима", "Зулейха", "Хадижа", "Мариям", "Асия"];
/// Dungan men's given names.
pub(crate) const DUNGAN_MALE: &[&str] = &[
    "Хусейн",
    "Ибрагим",
    "Ильяс",
    "Юсуп",
    "Ахмед",
    "Мухаммед",
    "Исмаил",
    "Хасан",
];
/// Dungan family names.
pub(crate) const DUNGAN_FAMILIES: &[&str] = &[
    "Мансуров",
    "Хазиров",
    "Сулейманов",
    "Ясыров",
    "Шимаров",
    "Дауров",
    "Ванахунов",
    "Мамазов",
];
