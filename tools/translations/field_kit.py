"""The field kit (issue 15): its form, project and Processing texts. `"English": ("Russian", "Kazakh")`."""

T = {
    "Settlements": ("Населённые пункты", "Елді мекендер"),
    "Code lists": ("Справочники", "Анықтамалықтар"),
    "Photo": ("Фото", "Фото"),
    "Last changed": ("Последнее изменение", "Соңғы өзгеріс"),
    "Changed by": ("Кем изменено", "Кім өзгертті"),
    "Green Envoy field kit": ("Полевой комплект «Зелёного посланника»", "«Жасыл елші» далалық жинағы"),
    "Position of the finding": ("Местоположение проблемы", "Мәселенің орны"),
    "Green Envoy: environmental finding": ("Зелёный посланник: экологическая проблема",
                                           "Жасыл елші: экологиялық мәселе"),
    "Import field returns (QField, Mergin Maps, ODK, Kobo)": (
        "Импорт полевых данных (QField, Mergin Maps, ODK, Kobo)",
        "Далалық деректерді импорттау (QField, Mergin Maps, ODK, Kobo)"),
    "Imports what the phones brought back: a returned field kit folder or zip (QField, Mergin Maps), an ODK Central "
    "export zip, or a KoboToolbox CSV or XLSX export with its media zip.": (
        "Импортирует то, что привезли телефоны: возвращённую папку или zip полевого комплекта (QField, Mergin Maps), "
        "zip-выгрузку ODK Central или выгрузку KoboToolbox в CSV или XLSX с zip-архивом медиафайлов.",
        "Телефондар әкелген деректерді импорттайды: далалық жинақтың қайтарылған қалтасы немесе zip (QField, "
        "Mergin Maps), ODK Central zip-экспорты немесе медиа zip-мұрағаты бар KoboToolbox CSV не XLSX экспорты."),
    "Findings are matched by their capture's uuid: importing the same return again changes nothing, a finding edited "
    "on the phone is updated unless the GeoPackage holds a newer change. Photos are copied into the store's media "
    "folder, placed by their GPS or at their finding and linked to it.": (
        "Проблемы сопоставляются по uuid записи: повторный импорт тех же данных ничего не меняет, проблема, "
        "изменённая на телефоне, обновляется, если в GeoPackage нет более нового изменения. Фото копируются в папку "
        "медиафайлов хранилища, размещаются по своему GPS или в точке проблемы и связываются с ней.",
        "Мәселелер жазбаның uuid бойынша сәйкестендіріледі: сол деректерді қайта импорттау ештеңе өзгертпейді, "
        "телефонда өзгертілген мәселе GeoPackage-те жаңарақ өзгеріс болмаса жаңартылады. Фотолар қойманың медиа "
        "қалтасына көшіріліп, өз GPS-і бойынша немесе мәселе нүктесіне орналастырылады және оған байланыстырылады."),
    "Outputs: the numbers of findings imported and updated, of rows rejected and of photos added.": (
        "Результаты: число импортированных и обновлённых проблем, отклонённых строк и добавленных фото.",
        "Нәтижелер: импортталған және жаңартылған мәселелер, қабылданбаған жолдар және қосылған фотолар саны."),
    "Rejected: rows without a position, with a repeated uuid or an invalid value, photos a row names that are "
    "missing and photos no row names are listed in the log with their reasons; the rest is imported.": (
        "Отклоняется: строки без координат, с повторным uuid или неверным значением, фото, названные в строке, но "
        "отсутствующие, и фото, не названные ни в одной строке, перечисляются в журнале с причинами; остальное "
        "импортируется.",
        "Қабылданбайды: орны жоқ, uuid қайталанған немесе мәні қате жолдар, жолда аталған бірақ жоқ фотолар және "
        "ешбір жолда аталмаған фотолар журналда себептерімен тізіледі; қалғаны импортталады."),
    "Field return (file or zip)": ("Полевые данные (файл или zip)", "Далалық деректер (файл немесе zip)"),
    "Kobo media zip": ("Zip медиафайлов Kobo", "Kobo медиа zip-мұрағаты"),
    "Findings updated": ("Обновлено проблем", "Жаңартылған мәселелер"),
    "Photos added": ("Добавлено фото", "Қосылған фотолар"),
    "Make the field kit (QField, Mergin Maps, ODK, Kobo)": (
        "Создать полевой комплект (QField, Mergin Maps, ODK, Kobo)",
        "Далалық жинақ жасау (QField, Mergin Maps, ODK, Kobo)"),
    "Writes a folder the envoys' phones open offline: a QGIS project for QField or Mergin Maps with the findings "
    "layer and its form (category, case type and source lists, severity 1-5, residents' concerns, description, time, "
    "a unique id, a photo stored in DCIM/), the route, regions, settlements and official layer read-only, an optional "
    "basemap, the project's Russian and Kazakh translations, and findings_form.xlsx, the same form for ODK Collect "
    "and KoboToolbox.": (
        "Создаёт папку, которую телефоны посланников открывают без сети: проект QGIS для QField или Mergin Maps со "
        "слоем проблем и его формой (списки категорий, типов случаев и источников, тяжесть 1-5, обеспокоенность "
        "жителей, описание, время, уникальный идентификатор, фото в DCIM/), маршрут, регионы, населённые пункты и "
        "официальный слой только для чтения, подложку по желанию, русский и казахский переводы проекта и "
        "findings_form.xlsx — ту же форму для ODK Collect и KoboToolbox.",
        "Елшілердің телефондары желісіз ашатын қалта жасайды: мәселелер қабаты мен оның формасы бар QField немесе "
        "Mergin Maps үшін QGIS жобасы (санаттар, жағдай түрлері мен дереккөздер тізімдері, ауырлығы 1-5, "
        "тұрғындардың алаңдаушылығы, сипаттама, уақыт, бірегей идентификатор, DCIM/ ішіндегі фото), тек оқуға "
        "арналған маршрут, өңірлер, елді мекендер және ресми қабат, қалауынша негізгі карта, жобаның орыс және "
        "қазақ тіліндегі аудармалары және findings_form.xlsx — ODK Collect пен KoboToolbox үшін сол форма."),
    "Inputs: the expedition GeoPackage; a kit folder; the language of the form; optionally the regions to "
    "take, a settlements layer, an official layer and an offline basemap (MBTiles or GeoTIFF) copied into the kit.": (
        "Входные данные: GeoPackage экспедиции; папка комплекта; язык формы; при необходимости регионы, "
        "слой населённых пунктов, официальный слой и офлайн-подложка (MBTiles или GeoTIFF), копируемая в комплект.",
        "Кіріс деректері: экспедицияның GeoPackage файлы; жинақ қалтасы; форманың тілі; қажет болса өңірлер, "
        "елді мекендер қабаты, ресми қабат және жинаққа көшірілетін желісіз негізгі карта (MBTiles немесе GeoTIFF)."),
    "Outputs: the field project (.qgs) and the XLSForm. Bring the phones' work back with 'Import field returns'.": (
        "Результаты: полевой проект (.qgs) и XLSForm. Данные с телефонов возвращаются алгоритмом «Импорт полевых "
        "данных».",
        "Нәтижелер: далалық жоба (.qgs) және XLSForm. Телефондардағы деректер «Далалық деректерді импорттау» "
        "алгоритмімен қайтарылады."),
    "Rejected: a folder that already holds a kit (one in use holds captures), a region the GeoPackage does not "
    "have, or a layer that cannot be read stops the algorithm with a message, and no half-made kit is left.": (
        "Отклоняется: папка, где уже есть комплект (в используемом комплекте есть записи), регион, которого нет "
        "в GeoPackage, или слой, который не удаётся прочитать, — "
        "алгоритм останавливается с сообщением, и недоделанный комплект не остаётся.",
        "Қабылданбайды: жинағы бар қалта (қолданыстағы жинақта жазбалар бар), GeoPackage-те жоқ өңір немесе "
        "оқылмайтын қабат — алгоритм хабарламамен "
        "тоқтайды, жартылай жасалған жинақ қалмайды."),
    "Kit folder (empty)": ("Папка комплекта (пустая)", "Жинақ қалтасы (бос)"),
    "Language of the form": ("Язык формы", "Форманың тілі"),
    "Only these regions (comma-separated)": ("Только эти регионы (через запятую)", "Тек осы өңірлер (үтір арқылы)"),
    "Settlements layer": ("Слой населённых пунктов", "Елді мекендер қабаты"),
    "Offline basemap (MBTiles, GeoTIFF)": ("Подложка без сети (MBTiles, GeoTIFF)",
                                           "Желісіз негізгі карта (MBTiles, GeoTIFF)"),
    "Field project": ("Полевой проект", "Далалық жоба"),
    "XLSForm": ("XLSForm", "XLSForm"),
    "Make the field kit": ("Создать полевой комплект", "Далалық жинақ жасау"),
    "Import field returns": ("Импорт полевых данных", "Далалық деректерді импорттау"),
    "Field kit for the phones": ("Полевой комплект для телефонов", "Телефондарға арналған далалық жинақ"),
    "A returned kit folder or zip, an ODK Central export zip, a Kobo CSV/XLSX": (
        "Возвращённая папка или zip комплекта, zip-выгрузка ODK Central, CSV/XLSX Kobo",
        "Қайтарылған жинақ қалтасы не zip, ODK Central zip-экспорты, Kobo CSV/XLSX"),
    "{0} finding(s) imported, {1} updated, {2} unchanged; {3} photo(s) added": (
        "Импортировано проблем: {0}, обновлено: {1}, без изменений: {2}; добавлено фото: {3}",
        "Импортталған мәселелер: {0}, жаңартылғаны: {1}, өзгеріссіз: {2}; қосылған фотолар: {3}"),
    "{0}: photo {1} is not in the return": ("{0}: фото {1} нет в полученных данных",
                                            "{0}: {1} фотосы алынған деректерде жоқ"),
    "{0}: a photo no row names": ("{0}: фото, не названное ни в одной строке",
                                  "{0}: ешбір жолда аталмаған фото"),
    "Choose the expedition GeoPackage and an empty kit folder first.": (
        "Сначала выберите GeoPackage экспедиции и пустую папку для комплекта.",
        "Алдымен экспедиция GeoPackage-ін және жинаққа бос қалтаны таңдаңыз."),
    "An OpenStreetMap extract (.osm, .osm.pbf; any of its layers chosen) is read whole for its landfills "
    "(landuse=landfill), those tagged informal=yes kept apart as informal dumps.": (
        "Выгрузка OpenStreetMap (.osm, .osm.pbf; выбран любой её слой) читается целиком ради полигонов отходов "
        "(landuse=landfill); отмеченные informal=yes выделяются как стихийные свалки.",
        "OpenStreetMap үзіндісі (.osm, .osm.pbf; кез келген қабаты таңдалған) қоқыс полигондары (landuse=landfill) "
        "үшін толық оқылады; informal=yes белгісі барлары стихиялық үйінділер ретінде бөлек көрсетіледі."),
}
