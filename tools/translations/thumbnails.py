"""Texts of the photo import's thumbnails (issue 12: a photo without an embedded thumbnail is pictured from its
original where shown, or, on request, stored now), in Russian and Kazakh."""

T = {
    "Store the thumbnails of photos without an embedded one (slower)": (
        "Сохранить миниатюры фото без встроенной миниатюры (медленнее)",
        "Ендірілген нобайы жоқ фотосуреттердің нобайларын сақтау (баяуырақ)"),
    "A photo whose camera embedded no thumbnail (an editor's export) is stored without one and shown from its "
    "original wherever it is looked at (map tips, the media viewer, the atlases); the option above decodes and "
    "stores those thumbnails now, for a GeoPackage that travels without its photos.": (
        "Фото, в которое камера не встроила миниатюру (экспорт из редактора), сохраняется без неё и показывается "
        "по оригиналу везде, где его смотрят (подсказки на карте, просмотр медиа, атласы); параметр выше "
        "декодирует и сохраняет эти миниатюры сразу — для GeoPackage, который передают без фотографий.",
        "Камера нобай ендірмеген фотосурет (редактордан экспортталған) нобайсыз сақталады және оны қай жерде "
        "қараса да, түпнұсқасынан көрсетіледі (картадағы кеңестер, медиа қарау, атластар); жоғарыдағы параметр "
        "бұл нобайларды бірден декодтап сақтайды — фотосуреттерсіз берілетін GeoPackage үшін."),
    "For a store that will be used without the photos' folder: the map tips, viewer and atlas can then show every "
    "photo": (
        "Для хранилища, которое будут открывать без папки с фотографиями: тогда подсказки на карте, просмотр и атлас "
        "покажут каждое фото",
        "Фотосуреттер қалтасынсыз қолданылатын қойма үшін: сонда картадағы кеңестер, қарау терезесі мен атлас әр "
        "фотосуретті көрсете алады"),
}
