"""Texts of the photo and media import (Processing help), in Russian and Kazakh."""

T = {
    "The time zone and the offset may be left empty: a file imported before then keeps the zone and offset it was "
    "placed with, a new file takes +05:00 and 0 s. A copy of a photo in another folder is a new file. A photo's "
    "time is its DateTimeOriginal, else its CreateDate, else the capture time in its XMP (editors write it there), "
    "else the file's modification time (never ModifyDate); the field time_source says which.": (
        "Часовой пояс и поправку можно оставить пустыми: тогда ранее импортированный файл сохраняет пояс и "
        "поправку, с которыми он был размещён, а новый файл получает +05:00 и 0 с. Копия фотографии в другой папке "
        "— это новый файл. Время фотографии — её DateTimeOriginal, иначе CreateDate, иначе время съёмки из её XMP "
        "(его записывают туда редакторы), иначе время изменения файла (никогда не ModifyDate); поле time_source "
        "показывает, какое именно.",
        "Уақыт белдеуі мен түзетуді бос қалдыруға болады: онда бұрын импортталған файл өзі орналастырылған белдеу "
        "мен түзетуді сақтайды, ал жаңа файл +05:00 және 0 с алады. Фотосуреттің басқа қалтадағы көшірмесі — жаңа "
        "файл. Фотосурет уақыты — оның DateTimeOriginal мәні, болмаса CreateDate, болмаса оның XMP-дегі түсірілген "
        "уақыты (оны редакторлар сонда жазады), болмаса файлдың өзгертілген уақыты (ешқашан ModifyDate емес); "
        "қайсысы екенін time_source өрісі көрсетеді."),
}
