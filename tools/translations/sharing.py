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
    # Processing: greenenvoy:syncpostgis
    "Syncs the expedition GeoPackage with a shared PostgreSQL/PostGIS store: a three-way merge of the findings "
    "against the last sync (a change made on one side only goes to the other, deletions too), and this store's "
    "tracks, fixes and regions published beside other envoys'.": (
        "Синхронизирует GeoPackage экспедиции с общим хранилищем PostgreSQL/PostGIS: трёхстороннее слияние проблем "
        "относительно последней синхронизации (изменение, сделанное только на одной стороне, переходит на другую, "
        "удаления тоже), а треки, точки и регионы этого хранилища публикуются рядом с данными других посланников.",
        "Экспедицияның GeoPackage файлын ортақ PostgreSQL/PostGIS қоймасымен синхрондайды: мәселелер соңғы "
        "синхрондауға қатысты үш жақты біріктіріледі (тек бір жақта жасалған өзгеріс екінші жаққа өтеді, жоюлар "
        "да), ал осы қойманың тректері, нүктелері мен өңірлері басқа елшілердің деректерінің қасында жарияланады."),
    "The connection is one saved in QGIS (Browser > PostgreSQL), best with an authentication configuration: only its "
    "name is kept in models and the history, never a password.": (
        "Подключение — сохранённое в QGIS (Браузер > PostgreSQL), лучше с конфигурацией аутентификации: в моделях и "
        "истории хранится только его имя, никогда не пароль.",
        "Қосылым — QGIS-те сақталғаны (Браузер > PostgreSQL), аутентификация конфигурациясымен болғаны жақсы: "
        "модельдер мен тарихта тек оның атауы сақталады, ешқашан құпиясөз емес."),
    "Outputs: the finding changes shared and pulled, and the conflicts kept.": (
        "Выходные данные: отправленные и полученные изменения проблем и сохранённые конфликты.",
        "Нәтижелер: жіберілген және алынған мәселе өзгерістері мен сақталған қайшылықтар."),
    "Rejected: nothing is overwritten. A field changed on both sides, an edit against a deletion or a finding the "
    "shared store refuses is a conflict: nothing of that finding changes on either side, the conflict is kept in "
    "both stores and listed in the log. Resolve it by naming the finding in 'keep this store's' or 'keep the "
    "shared store's'.": (
        "Отклоняется: ничего не перезаписывается. Поле, изменённое на обеих сторонах, правка против удаления или "
        "проблема, которую общее хранилище не принимает, — это конфликт: эта проблема не меняется ни на одной "
        "стороне, конфликт сохраняется в обоих хранилищах и выводится в журнал. Разрешите его, указав проблему в "
        "«оставить из этого хранилища» или «оставить из общего хранилища».",
        "Қабылданбайды: ештеңе қайта жазылмайды. Екі жақта да өзгертілген өріс, жоюға қарсы түзету немесе ортақ "
        "қойма қабылдамаған мәселе — қайшылық: бұл мәселе ешбір жақта өзгермейді, қайшылық екі қоймада да "
        "сақталып, журналда көрсетіледі. Оны мәселені «осы қоймадағыны қалдыру» немесе «ортақ қоймадағыны "
        "қалдыру» ішінде атау арқылы шешіңіз."),
    "All of it is one transaction: a sync that fails or is canceled leaves the shared store as it was. While another "
    "sync runs, this one waits (or, without waiting, stops saying whose runs).": (
        "Всё это одна транзакция: синхронизация, завершившаяся ошибкой или отменённая, оставляет общее хранилище "
        "без изменений. Пока идёт другая синхронизация, эта ждёт (или, без ожидания, останавливается и сообщает, "
        "чья синхронизация идёт).",
        "Мұның бәрі бір транзакция: қатемен аяқталған немесе тоқтатылған синхрондау ортақ қойманы өзгеріссіз "
        "қалдырады. Басқа синхрондау жүріп жатқанда, бұл күтеді (немесе күтпей, кімнің синхрондауы жүріп жатқанын "
        "айтып тоқтайды)."),
    "PostgreSQL connection": ("Подключение PostgreSQL", "PostgreSQL қосылымы"),
    "Schema of the shared store": ("Схема общего хранилища", "Ортақ қойманың сұлбасы"),
    "Wait while another sync runs": ("Ждать, пока идёт другая синхронизация",
                                     "Басқа синхрондау жүріп жатқанда күту"),
    "Conflicts: keep this store's findings (ids, comma-separated)": (
        "Конфликты: оставить проблемы из этого хранилища (идентификаторы через запятую)",
        "Қайшылықтар: осы қоймадағы мәселелерді қалдыру (идентификаторлар үтір арқылы)"),
    "Conflicts: keep the shared store's findings (ids, comma-separated)": (
        "Конфликты: оставить проблемы из общего хранилища (идентификаторы через запятую)",
        "Қайшылықтар: ортақ қоймадағы мәселелерді қалдыру (идентификаторлар үтір арқылы)"),
    "Finding changes shared": ("Отправлено изменений проблем", "Жіберілген мәселе өзгерістері"),
    "Finding changes pulled": ("Получено изменений проблем", "Алынған мәселе өзгерістері"),
    "Conflicts kept": ("Сохранено конфликтов", "Сақталған қайшылықтар"),
    "No saved PostgreSQL connection of that name": ("Нет сохранённого подключения PostgreSQL с таким именем",
                                                    "Мұндай атаумен сақталған PostgreSQL қосылымы жоқ"),
}
