"""Texts of the atlas's photos folder (Processing exportatlas MEDIA, the panel's atlas step), in Russian and
Kazakh."""

T = {
    "Folder the photos were imported from (sharp photos on the pages)": (
        "Папка, из которой импортированы фото (чёткие фото на страницах)",
        "Фотосуреттер импортталған қалта (беттердегі анық фотосуреттер)"),
    "The folder the photos were imported from (optional): the pages print the original photos, sharp at 300 ppi "
    "and more, instead of the stored thumbnails; a photo not found there is printed from its thumbnail.": (
        "Папка, из которой импортированы фото (необязательно): страницы печатают исходные фотографии, чёткие, "
        "300 ppi и более, вместо сохранённых миниатюр; фото, которого там нет, печатается по миниатюре.",
        "Фотосуреттер импортталған қалта (міндетті емес): беттерде сақталған шағын нұсқалардың орнына түпнұсқа "
        "фотосуреттер анық, 300 ppi және одан жоғары сапамен басылады; онда табылмаған фотосурет шағын нұсқасынан "
        "басылады."),
    "Optional: the folder the photos were imported from; the pages print the originals, sharp, instead of the "
    "thumbnails (empty: the photo import's folder)": (
        "Необязательно: папка, из которой импортированы фото; страницы печатают исходные фото, чёткие, вместо "
        "миниатюр (пусто: папка импорта фото)",
        "Міндетті емес: фотосуреттер импортталған қалта; беттерде шағын нұсқалардың орнына түпнұсқалар анық "
        "басылады (бос болса: фото импорттау қалтасы)"),
    "Photos folder (sharp photos)": ("Папка фото (чёткие фото)", "Фото қалтасы (анық фотосуреттер)"),
}
