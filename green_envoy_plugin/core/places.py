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
NBSP = "\u00a0"  # a number and its unit or word never parted at a line's end

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
# official names (Russian keeps Усть-Каменогорск, Уральск, Петропавловск, Аральск; Kazakh Өскемен, Орал). Lugovoy
# (the sample's stop name) is Кулан/Құлан since 1992 in both languages; Луговое was its Soviet name.
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
    "Lugovoy": ("Кулан", "Құлан"), "Merke": ("Мерке", "Мерке"), "Korday": ("Кордай", "Қордай"),
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
    """"1 August 2025"; in Russian with the abbreviated word for year after it, as a Russian date is written; in
    Kazakh the year first, in the attributive "жылғы" ("2025 жылғы 1 тамыз")."""
    month = _MONTHS.get(language, _MONTHS["en"])[day.month - 1]
    if not year:
        return f"{day.day} {month}"
    if language == "ru":
        return f"{day.day} {month} {day.year}{NBSP}г."
    if language == "kk":
        return f"{day.year}{NBSP}жылғы {day.day} {month}"
    return f"{day.day} {month} {day.year}"


def period_text(first: date, last: date, language: str, year: bool = True) -> str:
    """"27 September - 5 October 2025", "22-28 October 2025", "1 August 2025" (with an en dash); the year where
    the language puts it: after the period, or before it in Kazakh."""
    if first == last:
        return day_text(last, language, year)
    year_first = language == "kk"
    if (first.year, first.month) == (last.year, last.month):
        if year_first:
            days = f"{first.day}–{day_text(last, language, False)}"
            return f"{first.year}{NBSP}жылғы {days}" if year else days
        return f"{first.day}–{day_text(last, language, year)}"
    across = first.year != last.year
    if year_first:
        return f"{day_text(first, language, year)} – {day_text(last, language, year and across)}"
    return f"{day_text(first, language, year and across)} – {day_text(last, language, year)}"


_DAYS_WORD = {"en": ("day", "days"), "kk": ("күн", "күн")}


def russian_plural(count: int, one: str, few: str, many: str) -> str:
    """The Russian noun form agreeing with a count: 1, 21 день; 2-4, 22 дня; 5-20, 11-14, 111 дней."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return few
    return many


def days_word(count: int, language: str) -> str:
    if language == "ru":
        return russian_plural(count, "день", "дня", "дней")
    singular, plural = _DAYS_WORD.get(language, _DAYS_WORD["en"])
    return singular if count == 1 else plural


def times_text(value: float, language: str) -> str:
    """A whole factor as a page says it after the multiplication sign: "174", in Russian with the word agreeing
    with the number ("174 раза", "1 046 раз"; "в 174 раз" is wrong)."""
    count = int(round(value))
    text = number(count, 0, language)
    if language == "ru":
        return f"{text}{NBSP}{russian_plural(count, 'раз', 'раза', 'раз')}"
    return text


def visits_text(periods: list[tuple[date, date, int]], language: str) -> str:
    """The region's visits as separate periods, each with its days, the year once where they share it (on the
    last period, in Kazakh on the first): "1 August (1 day); 28 November 2025 (1 day)"."""
    one_year = len({p[0].year for p in periods} | {p[1].year for p in periods}) == 1
    dated = 0 if language == "kk" else len(periods) - 1
    return "; ".join(f"{period_text(first, last, language, year=not one_year or k == dated)} "
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
    # "34 км к В" is one unit, never parted at a line's end: a table cell broke it as "Темиртау, 34 км" over
    # "к В" (a reader's review); so it wraps after the settlement's comma. In English "34 km E" likewise.
    # The Kazakh direction is a whole word ("солтүстік-батысқа") and may begin the next line.
    if language == "ru":
        return f"{name}, {km}{NBSP}км{NBSP}к{NBSP}{_COMPASS_RU.get(compass, compass)}"
    if language == "kk":
        return f"{name}, {km}{NBSP}км {_COMPASS_KK.get(compass, compass)}"
    return f"{km}{NBSP}km{NBSP}{compass} of {name}"


# The graticule's hemispheres as each language's maps abbreviate them: Russian "с. ш." (северной широты) and
# "в. д." (восточной долготы), Kazakh "с. е." (солтүстік ендік) and "ш. б." (шығыс бойлық); QGIS's own
# degree-minute annotation writes the English letters whatever the language.
_HEMISPHERES = {"en": ("N", "S", "E", "W"),
                "ru": (f" с.{NBSP}ш.", f" ю.{NBSP}ш.", f" в.{NBSP}д.", f" з.{NBSP}д."),
                "kk": (f" с.{NBSP}е.", f" о.{NBSP}е.", f" ш.{NBSP}б.", f" б.{NBSP}б.")}


def graticule_expression(language: str) -> str:
    """A QGIS expression annotating a graticule line (@grid_number, @grid_axis) in the language: degrees and
    two-digit minutes, minutes left out on a whole degree, then the hemisphere as the language abbreviates it."""
    north, south, east, west = (h.replace(" ", NBSP) for h in _HEMISPHERES.get(language, _HEMISPHERES["en"]))
    return ("with_variable('m', round(abs(@grid_number) * 60), "
            "to_string(floor(@m / 60)) || '°' || "
            "CASE WHEN @m % 60 = 0 THEN '' ELSE lpad(to_string(@m % 60), 2, '0') || '′' END || "
            f"CASE WHEN @grid_axis = 'x' THEN CASE WHEN @grid_number < 0 THEN '{west}' ELSE '{east}' END "
            f"ELSE CASE WHEN @grid_number < 0 THEN '{south}' ELSE '{north}' END END)")
