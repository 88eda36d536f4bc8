"""The names of Kazakhstan's 20 admin-1 units (since 2022) in English, Russian and Kazakh, by OCHA p-code,
so that the sample boundary layer (English names only) gives pages in all three languages; the names of its
districts (rayons) as a page prints them.

The Russian names are the one official form of the Bureau of National Statistics, as geokz gives them
(../shared/data/kazakhstan_admin_geokz.gpkg, ADM1_RU): the adjective and "область" for all 17 oblasts,
Жетысуская and Улытауская too (not "Жетысуская область" beside "Абайская область"). The three cities of
republican status are named alone; Shymkent is "Шымкент", its official Russian name since 1993 (geokz still
has the Soviet "Чимкент"). Kazakh: "облысы" for an oblast, "қаласы" for a city."""

from __future__ import annotations

# code: (English, Russian, Kazakh)
NAMES: dict[str, tuple[str, str, str]] = {
    "KAZ001": ("Abay Region", "Абайская область", "Абай облысы"),
    "KAZ002": ("Akmola Region", "Акмолинская область", "Ақмола облысы"),
    "KAZ003": ("Aktobe Region", "Актюбинская область", "Ақтөбе облысы"),
    "KAZ004": ("Almaty", "Алматы", "Алматы қаласы"),
    "KAZ005": ("Almaty Region", "Алматинская область", "Алматы облысы"),
    "KAZ006": ("Astana", "Астана", "Астана қаласы"),
    "KAZ007": ("Atyrau Region", "Атырауская область", "Атырау облысы"),
    "KAZ008": ("East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"),
    "KAZ009": ("Jambyl Region", "Жамбылская область", "Жамбыл облысы"),
    "KAZ010": ("Jetisu Region", "Жетысуская область", "Жетісу облысы"),
    "KAZ011": ("Karaganda Region", "Карагандинская область", "Қарағанды облысы"),
    "KAZ012": ("Kostanay Region", "Костанайская область", "Қостанай облысы"),
    "KAZ013": ("Kyzylorda Region", "Кызылординская область", "Қызылорда облысы"),
    "KAZ014": ("Mangystau Region", "Мангистауская область", "Маңғыстау облысы"),
    "KAZ015": ("North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"),
    "KAZ016": ("Pavlodar Region", "Павлодарская область", "Павлодар облысы"),
    "KAZ017": ("Shymkent", "Шымкент", "Шымкент қаласы"),
    "KAZ018": ("Turkistan Region", "Туркестанская область", "Түркістан облысы"),
    "KAZ019": ("Ulytau Region", "Улытауская область", "Ұлытау облысы"),
    "KAZ020": ("West Kazakhstan Region", "Западно-Казахстанская область", "Батыс Қазақстан облысы"),
}
_BY_ENGLISH = {en.lower(): (en, ru, kk) for en, ru, kk in NAMES.values()}


def names_for(name: str, code: str = "") -> tuple[str, str, str]:
    """(English, Russian, Kazakh) of a region known by code or English name; its own name thrice otherwise."""
    return NAMES.get(code) or _BY_ENGLISH.get(name.strip().lower()) or (name, name, name)


# Field names that carry a region's name in a language, as boundary layers spell them (OCHA's ADM1_RU,
# OSM's name:ru, our own name_ru); Kazakh is also written KZ.
LANGUAGE_FIELDS = {"ru": ("name_ru", "adm1_ru", "name:ru", "nameru"),
                   "kk": ("name_kk", "adm1_kk", "name:kk", "namekk", "name_kz", "adm1_kz", "name:kz")}


def language_fields(fields: list[str]) -> dict[str, str]:
    """The layer's own field for each language it has names in ({"ru": "ADM1_RU", ...})."""
    lower = {f.lower(): f for f in fields}
    found = {}
    for language, candidates in LANGUAGE_FIELDS.items():
        match = next((lower[c] for c in candidates if c in lower), None)
        if match:
            found[language] = match
    return found


def localised_names(name: str, code: str, own: dict[str, str]) -> tuple[str, str]:
    """(Russian, Kazakh) name: the user's layer's own when it has one, else the built-in names of the 20 units."""
    _english, russian, kazakh = names_for(name, code)
    return own.get("ru") or russian, own.get("kk") or kazakh


# Latin letters that look Cyrillic, as they slip into typed names (geokz: "Солтүстiк" with a Latin i,
# "Aршалинский" with a Latin A): wrong in search, sorting and hyphenation. Kazakh і is the Latin i's twin.
_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
_KAZAKH_I = str.maketrans("Ii", "Іі")


def cyrillic(text: str, kazakh: bool = False) -> str:
    """`text` with Latin look-alikes inside Cyrillic words made Cyrillic (i as the Kazakh letter when `kazakh`)."""
    def fix(word: str) -> str:
        if not any("\u0400" <= c <= "\u04ff" for c in word):
            return word
        word = word.translate(_LOOKALIKES)
        return word.translate(_KAZAKH_I) if kazakh else word
    return " ".join(fix(word) for word in text.split(" "))


_ADJECTIVE = ("ий", "ый", "ой")
# Districts named after a person take the genitive in their official Russian name.
_NAMED_AFTER = {"Турар Рыскулов": "район Турара Рыскулова", "Беимбет Майлин": "район Беимбета Майлина",
                "Магжан Жумабаев": "район Магжана Жумабаева", "Шал акын": "район Шал акына",
                "Габит Мусрепов": "район Габита Мусрепова"}
# geokz's spellings that are not the official ones (a fluent reader's review of the pages): old Russian forms
# (Чиилийский, Арысь, Байконыр for the city), a missing letter or space in Kazakh (Сарқант, Бөкейордасы).
_TYPOS_RU = {"Аль-Фарабиский": "Аль-Фарабийский", "Чиилийский": "Шиелийский", "Жетисайский": "Жетысайский",
             "Сарканский": "Саркандский", "Каратобеский": "Каратобинский", "Ордабасынский": "Ордабасинский",
             "Арысь": "Арыс", "Байконыр": "Байконур"}
_TYPOS_KK = {"Әл Фараби": "Әл-Фараби", "Сарқант": "Сарқан", "Бөкейордасы": "Бөкей ордасы", "Казталовка": "Қазталов"}
_KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
_CITY_ADJECTIVES = {"Рудный"}  # a city whose name reads like a district's adjective


def district_names(english: str, russian: str, kazakh: str, kato: str) -> tuple[str, str, str]:
    """(English, Russian, Kazakh) of a district as a page names it, from the statistics office's bare names
    (ADM2_EN/RU/KK of geokz): "Altay District" and the Russian adjective with "район", the Kazakh name with
    "ауданы"; a city of oblast significance (KATO digits 3-4 from 10 to 29, a noun) "Semey (city)", with the
    Russian abbreviation for a city and the Kazakh "қаласы"; a district named after a person, not an
    adjective: "район" first."""
    russian, kazakh = cyrillic(russian.strip()), cyrillic(kazakh.strip(), kazakh=True)
    if _KAZAKH_LETTERS & set(russian) and not _KAZAKH_LETTERS & set(kazakh):  # geokz: Taldykorgan's two swapped
        russian, kazakh = kazakh, russian
    russian = _TYPOS_RU.get(russian, russian.replace("скийский", "ский"))  # geokz: "Енбекшинскийский"
    kazakh = _TYPOS_KK.get(kazakh, kazakh)
    english = english.strip()
    if russian.endswith(_ADJECTIVE) and russian not in _CITY_ADJECTIVES:
        return f"{english} District", f"{russian} район", f"{kazakh} ауданы"
    if kato[2:4].isdigit() and 10 <= int(kato[2:4]) <= 29:
        return f"{english} (city)", f"г. {russian}", f"{kazakh} қаласы"
    return f"{english} District", _NAMED_AFTER.get(russian, f"район {russian}"), f"{kazakh} ауданы"
