# Texts of the track import (Processing algorithm greenenvoy:importgpx, panel filters): Russian, Kazakh.
T = {
    "Import tracks (GPX, FIT, TCX)": ("Импорт треков (GPX, FIT, TCX)", "Тректерді импорттау (GPX, FIT, TCX)"),
    "Imports track files into the expedition GeoPackage: GPX 1.0 and 1.1, FIT (bike computers and watches), TCX, "
    "the .gz of each and Strava's bulk export zip. Every track segment is stored with its statistics (km, moving "
    "time, ascent) and its fixes, planned routes (GPX routes, FIT and TCX courses) in the routes layer, and the "
    "waypoints. The fixes are cleaned first: duplicates (same time and place), fixes going back in time and speed "
    "spikes are dropped, and a long gap in time splits a segment.": (
        "Импортирует файлы треков в GeoPackage экспедиции: GPX 1.0 и 1.1, FIT (велокомпьютеры и часы), TCX, их "
        "архивы .gz и zip-архив полной выгрузки Strava. Каждый сегмент трека сохраняется со статистикой (км, время в "
        "движении, набор высоты) и точками, запланированные маршруты (маршруты GPX, курсы FIT и TCX) — в слой "
        "routes, а также путевые точки. Сначала точки очищаются: дубликаты (то же время и то же место), точки с "
        "обратным ходом времени и выбросы скорости отбрасываются, а длинный разрыв во времени делит сегмент.",
        "Трек файлдарын экспедицияның GeoPackage файлына импорттайды: GPX 1.0 және 1.1, FIT (велокомпьютерлер мен "
        "сағаттар), TCX, олардың .gz мұрағаттары және Strava толық экспортының zip мұрағаты. Әр трек сегменті "
        "статистикасымен (км, қозғалыс уақыты, көтерілу) және нүктелерімен сақталады, жоспарланған маршруттар (GPX "
        "маршруттары, FIT және TCX курстары) routes қабатына, сондай-ақ жол нүктелері. Алдымен нүктелер "
        "тазартылады: қайталанулар (уақыты да, орны да бірдей), уақыты кері кететін нүктелер және жылдамдықтың күрт "
        "секірулері алынып тасталады, ал уақыттағы ұзақ үзіліс сегментті бөледі."),
    "A fix without time between timed fixes keeps its place with a time interpolated from its neighbours, "
    "flagged. A track without any usable time (a planned route saved as a track, a device whose clock did not run) "
    "is kept with its geometry, km and climbing; its time figures stay empty and the log says so.": (
        "Точка без времени между точками со временем остаётся на своём месте со временем, интерполированным по "
        "соседним точкам, и помечается. Трек совсем без пригодного времени (запланированный маршрут, сохранённый как "
        "трек, устройство с остановившимися часами) сохраняется с геометрией, километрами и набором высоты; его "
        "показатели времени остаются пустыми, и журнал сообщает об этом.",
        "Уақыты бар нүктелердің арасындағы уақытсыз нүкте өз орнында қалады, оның уақыты көрші нүктелер бойынша "
        "интерполяцияланып, белгіленеді. Жарамды уақыты мүлде жоқ трек (трек ретінде сақталған жоспарлы маршрут, "
        "сағаты жүрмеген құрылғы) геометриясымен, километрлерімен және көтерілуімен сақталады; оның уақыт "
        "көрсеткіштері бос қалады, бұл туралы журналда айтылады."),
    "Inputs: track files, a folder (every .gpx, .fit and .tcx file, the .gz of each and every .zip in it and in its "
    "subfolders), or both; the GeoPackage, created when missing.": (
        "Входные данные: файлы треков, папка (все файлы .gpx, .fit и .tcx, их архивы .gz и все .zip в ней и в её "
        "подпапках) или и то и другое; GeoPackage, создаваемый, если его нет.",
        "Кіріс деректері: трек файлдары, қалта (ондағы және оның ішкі қалталарындағы барлық .gpx, .fit және .tcx "
        "файлдары, олардың .gz мұрағаттары және барлық .zip) немесе екеуі де; GeoPackage, жоқ болса жасалады."),
    "A file is known by its path in the folder imported and by its content: a file already imported with the same "
    "content is skipped, a file with the same content as another imported file is reported and not imported twice, "
    "and a file with new content replaces only its own earlier rows. All is written in one transaction.": (
        "Файл определяется своим путём в импортируемой папке и своим содержимым: файл, уже импортированный с тем "
        "же содержимым, пропускается; файл с тем же содержимым, что и другой импортированный файл, указывается в "
        "журнале и не импортируется дважды; файл с новым содержимым заменяет только свои прежние строки. Всё "
        "записывается одной транзакцией.",
        "Файл импортталатын қалтадағы жолы және мазмұны бойынша танылады: бұрын дәл сол мазмұнымен импортталған "
        "файл өткізіп жіберіледі; мазмұны басқа импортталған файлмен бірдей файл журналда көрсетіледі және екі рет "
        "импортталмайды; мазмұны жаңа файл тек өзінің бұрынғы жолдарын ауыстырады. Барлығы бір транзакциямен "
        "жазылады."),
    "Rejected: a file that is not well-formed GPX, TCX or FIT, declares XML entities, holds no position, or is not a "
    "regular file (a named pipe or a device). A point without usable coordinates is left out alone and a time or "
    "elevation that cannot be read is set aside, each named in the log with its line (GPX, TCX) or byte offset "
    "(FIT); the other points and files are still imported. The algorithm fails with a message when no track file "
    "is found or none could be imported.": (
        "Отклоняется: файл, который не является корректным GPX, TCX или FIT, объявляет XML-сущности, не содержит ни "
        "одной координаты или не является обычным файлом (именованный канал или устройство). Точка без пригодных "
        "координат пропускается отдельно, а нечитаемые время или высота откладываются; каждый такой случай "
        "указывается в журнале со строкой (GPX, TCX) или смещением в байтах (FIT), а остальные точки и файлы всё "
        "равно импортируются. Алгоритм завершается с сообщением, если не найден ни один файл трека или ни один не "
        "удалось импортировать.",
        "Қабылданбайды: дұрыс GPX, TCX немесе FIT емес, XML entity жарияланымдары бар, бірде-бір координатасы жоқ "
        "немесе қарапайым файл емес (атаулы арна не құрылғы) файл. Жарамды координаттары жоқ нүкте жеке алынып "
        "тасталады, ал оқылмайтын уақыт не биіктік шетке қойылады; әрқайсысы журналда жолымен (GPX, TCX) немесе "
        "байттағы ығысуымен (FIT) көрсетіледі, ал қалған нүктелер мен файлдар бәрібір импортталады. Бірде-бір трек "
        "файлы табылмаса немесе ешқайсысы импортталмаса, алгоритм хабарламамен аяқталады."),
    "Track files (GPX, FIT, TCX, .gz, Strava export zip)": (
        "Файлы треков (GPX, FIT, TCX, .gz, zip-выгрузка Strava)",
        "Трек файлдары (GPX, FIT, TCX, .gz, Strava экспортының zip мұрағаты)"),
    "Folder of track files": ("Папка с файлами треков", "Трек файлдарының қалтасы"),
    "Tracks (GPX, FIT, TCX)": ("Треки (GPX, FIT, TCX)", "Тректер (GPX, FIT, TCX)"),
    "Choose track files or a folder": ("Выберите файлы треков или папку", "Трек файлдарын немесе қалтаны таңдаңыз"),
}
