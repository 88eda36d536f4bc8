# Texts of the panel's tracks step picking files and zips besides a folder: Russian, Kazakh.
T = {
    "Track files (*.gpx *.fit *.tcx *.gz *.zip)": ("Файлы треков (*.gpx *.fit *.tcx *.gz *.zip)",
                                                    "Трек файлдары (*.gpx *.fit *.tcx *.gz *.zip)"),
    "GPX, FIT or TCX files, their .gz, or a Strava bulk export .zip; imported with the folder above when both are "
    "given": (
        "Файлы GPX, FIT или TCX, их архивы .gz или zip-архив полной выгрузки Strava; если указана и папка выше, "
        "импортируется и она",
        "GPX, FIT немесе TCX файлдары, олардың .gz мұрағаттары немесе Strava толық экспортының .zip мұрағаты; "
        "жоғарыдағы қалта да көрсетілсе, ол да импортталады"),
    "Or files (Strava .zip too)": ("Или файлы (и .zip Strava)", "Немесе файлдар (Strava .zip мұрағаты да)"),
    "Choose a folder of track files, or the files themselves": (
        "Выберите папку с файлами треков или сами файлы",
        "Трек файлдары бар қалтаны немесе файлдардың өздерін таңдаңыз"),
}
