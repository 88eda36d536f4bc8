"""What a page says in words, in each language: numbers in the locale ("12 259,5 км"), dates and visits,
where a finding is ("12 km NW of Atyrau"), the names of the route's settlements.

Pure Python, so the same sentences serve the atlas, the CLI and the tests.
"""

from __future__ import annotations

import math
from datetime import date

# A finding this close to its nearest settlement is named by the settlement alone; farther, by distance and
# direction from it ("near Atyrau" for a place 273 km away told the reader nothing true).
AT_SETTLEMENT_M = 2000.0

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
# Russian map abbreviations (С, В, Ю, З) and Kazakh full words in the dative ("солтүстік-батысқа": to the
# north-west; the Kazakh letters С/О/Ш/Б read ambiguously without a key).
_COMPASS_RU = {"N": "С", "NE": "СВ", "E": "В", "SE": "ЮВ", "S": "Ю", "SW": "ЮЗ", "W": "З", "NW": "СЗ"}
_COMPASS_KK = {"N": "солтүстікке", "NE": "солтүстік-шығысқа", "E": "шығысқа", "SE": "оңтүстік-шығысқа",
               "S": "оңтүстікке", "SW": "оңтүстік-батысқа", "W": "батысқа", "NW": "солтүстік-батысқа"}

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    # the genitive, as a Russian date reads ("1 августа 2025")
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"),
}

# The route's settlements (the stops of the sample's settlements layer, EXPEDITION.md) in Russian and Kazakh:
# official names (Russian keeps Усть-Каменогорск, Уральск, Петропавловск, Аральск; Kazakh Өскемен, Орал).
SETTLEMENTS: dict[str, tuple[str, str]] = {
    "Almaty": ("Алматы", "Алматы"), "Qonayev": ("Конаев", "Қонаев"), "Taldykorgan": ("Талдыкорган", "Талдықорған"),
    "Usharal": ("Ушарал", "Үшарал"), "Ayagoz": ("Аягоз", "Аягөз"), "Oskemen": ("Усть-Каменогорск", "Өскемен"),
    "Semey": ("Семей", "Семей"), "Kurchatov": ("Курчатов", "Курчатов"), "Pavlodar": ("Павлодар", "Павлодар"),
    "Ekibastuz": ("Экибастуз", "Екібастұз"), "Karaganda": ("Караганда", "Қарағанды"),
    "Temirtau": ("Темиртау", "Теміртау"), "Astana": ("Астана", "Астана"), "Kokshetau": ("Кокшетау", "Көкшетау"),
    "Petropavl": ("Петропавловск", "Петропавл"), "Kostanay": ("Костанай", "Қостанай"),
    "Zhetikara": ("Житикара", "Жітіқара"), "Aktobe": ("Актобе", "Ақтөбе"), "Oral": ("Уральск", "Орал"),
    "Atyrau": ("Атырау", "Атырау"), "Aral": ("Аральск", "Арал"), "Baikonyr": ("Байконур", "Байқоңыр"),
    "Kyzylorda": ("Кызылорда", "Қызылорда"), "Turkistan": ("Туркестан", "Түркістан"),
    "Saryagash": ("Сарыагаш", "Сарыағаш"), "Shymkent": ("Шымкент", "Шымкент"), "Taraz": ("Тараз", "Тараз"),
    "Lugovoy": ("Луговой", "Құлан"), "Merke": ("Мерке", "Мерке"), "Korday": ("Кордай", "Қордай"),
}


def settlement_name(name: str, language: str) -> str:
    """The settlement's name in the language where known, its own name otherwise."""
    known = SETTLEMENTS.get(name)
    if not known or language not in ("ru", "kk"):
        return name
    return known[0] if language == "ru" else known[1]


def number(value: float, decimals: int, language: str) -> str:
    """A number as the language writes it: "12,259.5" in English, "12 259,5" in Russian and Kazakh (a no-break
    space between thousands, so a figure never breaks across lines)."""
    text = f"{value:,.{decimals}f}"
    if language in ("ru", "kk"):
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def day_text(day: date, language: str, year: bool = True) -> str:
    month = _MONTHS.get(language, _MONTHS["en"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


def period_text(first: date, last: date, language: str, year: bool = True) -> str:
    """"27 September - 5 October 2025", "22-28 October 2025", "1 August 2025" (with an en dash)."""
    end = day_text(last, language, year)
    if first == last:
        return end
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    return f"{day_text(first, language, year and first.year != last.year)} – {end}"


_DAYS_WORD = {"en": ("day", "days"), "kk": ("күн", "күн")}


def days_word(count: int, language: str) -> str:
    if language == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return "день"
        if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
            return "дня"
        return "дней"
    singular, plural = _DAYS_WORD.get(language, _DAYS_WORD["en"])
    return singular if count == 1 else plural


def visits_text(periods: list[tuple[date, date, int]], language: str) -> str:
    """The region's visits as separate periods, each with its days, the year once where they share it:
    "1 August (1 day); 28 November 2025 (1 day)"."""
    one_year = len({p[0].year for p in periods} | {p[1].year for p in periods}) == 1
    return "; ".join(f"{period_text(first, last, language, year=not one_year or k == len(periods) - 1)} "
                     f"({count} {days_word(count, language)})" for k, (first, last, count) in enumerate(periods))


def bearing(lon0: float, lat0: float, lon1: float, lat1: float) -> str:
    """Compass point (of eight) of the second place seen from the first (initial great-circle bearing)."""
    phi0, phi1 = math.radians(lat0), math.radians(lat1)
    dlon = math.radians(lon1 - lon0)
    angle = math.degrees(math.atan2(math.sin(dlon) * math.cos(phi1),
                                    math.cos(phi0) * math.sin(phi1) - math.sin(phi0) * math.cos(phi1) * math.cos(dlon)))
    return COMPASS[int(((angle % 360) + 22.5) // 45) % 8]


def place_text(settlement: str | None, distance_m: float | None, compass: str | None, language: str) -> str:
    """Where a finding is, from its nearest settlement: the name alone within AT_SETTLEMENT_M, otherwise
    distance and direction: "273 km NW of Atyrau"; in Russian and Kazakh the name first, then the distance and
    the direction (Russian map letters, Kazakh words in the dative)."""
    if not settlement:
        return ""
    name = settlement_name(settlement, language)
    if distance_m is None or distance_m <= AT_SETTLEMENT_M or not compass:
        return name
    km = number(distance_m / 1000.0, 0, language)
    nbsp = "\u00a0"  # "34 km" and "к В" never parted at a line's end
    if language == "ru":
        return f"{name}, {km}{nbsp}км к{nbsp}{_COMPASS_RU.get(compass, compass)}"
    if language == "kk":
        return f"{name}, {km}{nbsp}км {_COMPASS_KK.get(compass, compass)}"
    return f"{km}{nbsp}km {compass} of {name}"
