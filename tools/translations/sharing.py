"""Texts of sharing through PostGIS (panel, menu, results), in Russian and Kazakh."""

T = {
    "Sharing (optional)": ("Совместная работа (необязательно)", "Бірлесіп жұмыс (міндетті емес)"),
    "Shared PostGIS": ("Общий PostGIS", "Ортақ PostGIS"),
    "PostgreSQL connection (service=... or authcfg=... host=... dbname=...)": (
        "Подключение PostgreSQL (service=... или authcfg=... host=... dbname=...)",
        "PostgreSQL қосылымы (service=... немесе authcfg=... host=... dbname=...)"),
    "The password is now kept in QGIS's authentication database ({0}); the project keeps only that reference.": (
        "Пароль теперь хранится в базе аутентификации QGIS ({0}); проект хранит только эту ссылку.",
        "Құпиясөз енді QGIS аутентификация дерекқорында сақталады ({0}); жоба тек осы сілтемені сақтайды."),
    "{0} finding change(s) shared, {1} pulled; {2} track segments and {3} fixes published": (
        "отправлено изменений проблем: {0}, получено: {1}; опубликовано сегментов треков: {2}, точек: {3}",
        "жіберілген мәселе өзгерістері: {0}, алынғаны: {1}; жарияланған трек сегменттері: {2}, нүктелер: {3}"),
    "{0} conflict(s) kept for you to resolve, e.g. {1}": (
        "конфликтов сохранено для вашего решения: {0}, например {1}",
        "шешуіңіз үшін сақталған қайшылықтар: {0}, мысалы {1}"),
    "{0} finding(s) edited here during the sync, left for the next one": (
        "проблем, изменённых здесь во время синхронизации: {0}; они будут отправлены при следующей",
        "синхрондау кезінде осында өзгертілген мәселелер: {0}; олар келесі синхрондауда жіберіледі"),
}
