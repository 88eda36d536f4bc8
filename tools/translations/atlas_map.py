"""Texts of the atlas's map page (issue 16: context, size key, basemap), in Russian and Kazakh."""

T = {
    "Neighbouring country": ("Соседнее государство", "Көрші мемлекет"),
    "Lake, sea": ("Озеро, море", "Көл, теңіз"),
    "River": ("Река", "Өзен"),
    "State border": ("Государственная граница", "Мемлекеттік шекара"),
    "Capital": ("Столица", "Елорда"),
    "Regional centre": ("Центр региона", "Өңір орталығы"),  # Almaty and Shymkent too: not oblasts
    # Stops and towns alike: Кулан, Мерке, Кордай, Бейнеу are villages (село, ауыл), not "посёлок"/"кент"
    "Town": ("Город, село", "Қала, ауыл"),
    "Basemap": ("Подложка", "Негізгі карта"),
    "Severity (symbol size)": ("Тяжесть (размер знака)", "Ауырлығы (белгі өлшемі)"),  # as the table's column
    "1 least": ("1 — низшая", "1 — ең төмен"),
    "5 most": ("5 — высшая", "5 — ең жоғары"),
    "other region": ("другой регион", "басқа өңір"),
    "Basemap under the region maps (XYZ URI, MBTiles, raster, vector or .qlr file)": (
        "Подложка под картами регионов (XYZ URI, MBTiles, растр, вектор или файл .qlr)",
        "Өңір карталарының астындағы негізгі карта (XYZ URI, MBTiles, растр, вектор немесе .qlr файлы)"),
    "Map context: Natural Earth (public domain); towns: geokz (A. Rodionov), CC BY 4.0, after the Bureau of "
    "National Statistics of Kazakhstan.": (
        "Картографическая основа: Natural Earth (общественное достояние); населённые пункты: geokz (А. Родионов), "
        "CC BY 4.0, по данным Бюро национальной статистики Республики Казахстан.",
        "Картографиялық негіз: Natural Earth (қоғамдық игілік); елді мекендер: geokz (А. Родионов), CC BY 4.0, "
        "Қазақстан Республикасы Ұлттық статистика бюросының деректері бойынша."),
    "Detail (dashed frame), 1:{0}": ("Фрагмент (пунктирная рамка), 1:{0}", "Үзінді (үзік сызықты жақтау), 1:{0}"),
    "Layers (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;All files (*)": (
        "Слои (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;Все файлы (*)",
        "Қабаттар (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;Барлық файлдар (*)"),
    "Optional: a basemap under the region maps: an XYZ URI (type=xyz&url=...), an MBTiles, raster or vector file, "
    "or a .qlr layer file": (
        "Необязательно: подложка под картами регионов: XYZ URI (type=xyz&url=...), файл MBTiles, растровый или "
        "векторный файл либо файл слоя .qlr",
        "Міндетті емес: өңір карталарының астындағы негізгі карта: XYZ URI (type=xyz&url=...), MBTiles, растрлық "
        "немесе векторлық файл, не .qlr қабат файлы"),
}
