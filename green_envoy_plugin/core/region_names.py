"""The names of Kazakhstan's 20 admin-1 units (since 2022) in English, Russian and Kazakh, by OCHA p-code,
so that the sample boundary layer (English names only) gives pages in all three languages."""

from __future__ import annotations

# code: (English, Russian, Kazakh)
NAMES: dict[str, tuple[str, str, str]] = {
    "KAZ001": ("Abay Region", "Абайская область", "Абай облысы"),
    "KAZ002": ("Akmola Region", "Акмолинская область", "Ақмола облысы"),
    "KAZ003": ("Aktobe Region", "Актюбинская область", "Ақтөбе облысы"),
    "KAZ004": ("Almaty", "Алматы", "Алматы"),
    "KAZ005": ("Almaty Region", "Алматинская область", "Алматы облысы"),
    "KAZ006": ("Astana", "Астана", "Астана"),
    "KAZ007": ("Atyrau Region", "Атырауская область", "Атырау облысы"),
    "KAZ008": ("East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"),
    "KAZ009": ("Jambyl Region", "Жамбылская область", "Жамбыл облысы"),
    "KAZ010": ("Jetisu Region", "Область Жетісу", "Жетісу облысы"),
    "KAZ011": ("Karaganda Region", "Карагандинская область", "Қарағанды облысы"),
    "KAZ012": ("Kostanay Region", "Костанайская область", "Қостанай облысы"),
    "KAZ013": ("Kyzylorda Region", "Кызылординская область", "Қызылорда облысы"),
    "KAZ014": ("Mangystau Region", "Мангистауская область", "Маңғыстау облысы"),
    "KAZ015": ("North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"),
    "KAZ016": ("Pavlodar Region", "Павлодарская область", "Павлодар облысы"),
    "KAZ017": ("Shymkent", "Шымкент", "Шымкент"),
    "KAZ018": ("Turkistan Region", "Туркестанская область", "Түркістан облысы"),
    "KAZ019": ("Ulytau Region", "Область Ұлытау", "Ұлытау облысы"),
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
