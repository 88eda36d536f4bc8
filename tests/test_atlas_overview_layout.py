"""The combined atlas's overview page as a reader sees it, read back from its PDF (pdftotext -bbox) in the three
languages and four page formats: the contents' headings stand apart ("Дни" and "Проблемы" ran together), every
heading and number printed whole in its column, and the legend's groups each a heading over its own entries
(the route's line stood on the groups' heading row, between them)."""

import itertools
import os
import unicodedata

import pytest

from green_envoy_plugin.core.page_formats import PAGE_FORMATS
from tests.helpers.pdf import word_boxes
from tests.helpers.stores import sample_store

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "sample_data")
DAYS = ["2025-08-01.gpx", "2025-08-30.gpx"]
PT = 25.4 / 72  # mm per PDF point
# Two headings closer than this read as one phrase: a word space at the contents' 7.5 pt is 0.85 mm.
HEADING_GAP_MM = 2.0
# Where an entry's text starts right of its group's heading: the symbol and its spacing (6-9 mm on A4 and A3).
ENTRY_INDENT_MM = 15.0


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    return sample_store(tmp_path_factory.mktemp("overview_layout"), DAYS)


def _words(pdf: str) -> list[tuple[str, float, float, float, float]]:
    """Page 1's words: text and box (x0, y0, x1, y1) in mm from the page's top left."""
    return [(unicodedata.normalize("NFKC", text.replace("&amp;", "&").replace("&apos;", "'")),
             *(value * PT for value in box)) for text, *box in word_boxes(pdf, 1)]


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00a0", " ").replace("\u202f", " ").split())


def _inside(word, rect, slack=0.3) -> bool:
    x, y, w, h = rect
    cx, cy = (word[1] + word[3]) / 2, (word[2] + word[4]) / 2
    return x - slack <= cx <= x + w + slack and y - slack <= cy <= y + h + slack


def _rect(item) -> tuple[float, float, float, float]:
    position, size = item.pagePositionWithUnits(), item.sizeWithUnits()
    return position.x(), position.y(), size.width(), size.height()


def _box(words):
    return (min(w[1] for w in words), min(w[2] for w in words), max(w[3] for w in words), max(w[4] for w in words))


def _occurrences(words, text):
    """Index ranges of `text`'s words printed one after another."""
    wanted = _plain(text).split()
    n = len(wanted)
    return [range(i, i + n) for i in range(len(words) - n + 1)
            if [_plain(w[0]) for w in words[i:i + n]] == wanted]


@pytest.fixture(scope="module")
def overviews(store, tmp_path_factory):
    """For each language and page format: the overview layout (after its contents are laid out) and its PDF."""
    from qgis.core import QgsLayoutExporter, QgsProject, QgsRenderContext

    from green_envoy_plugin import i18n
    from green_envoy_plugin.atlas.export import expedition_layers
    from green_envoy_plugin.atlas.overview import ContentsRow, build_overview, contents_rows
    from green_envoy_plugin.atlas.pages import fit_pages

    folder = tmp_path_factory.mktemp("overview_pdf")
    made = {}
    for language in ("en", "ru", "kk"):
        for page_format in PAGE_FORMATS:
            with i18n.language(language):
                project = QgsProject()
                layers = expedition_layers(store, project)
                # The twelve longest region names (those that wrap among them) with the widest figures an
                # expedition's contents would show; twelve rows stay inside the contents' place on every format.
                names = [(feature[f"name_{language}"] if language != "en" else None) or feature["name"]
                         for feature in layers["regions"].getFeatures()]
                names = sorted(names, key=len, reverse=True)[:12]
                rows = [ContentsRow(name, 12593.2 + 101 * k, 116 + k, 121 + k, 102 + 2 * k)
                        for k, name in enumerate(names)]
                overview = build_overview(project, layers, rows, language)
                fit_pages(overview, page_format)
                contents_rows(overview, rows, language)
                settings = QgsLayoutExporter.PdfExportSettings()
                settings.dpi = 100
                settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
                pdf = str(folder / f"overview_{language}_{page_format}.pdf")
                assert QgsLayoutExporter(overview).exportToPdf(pdf, settings) == QgsLayoutExporter.Success
                made[language, page_format] = Page(overview, _words(pdf))
                del overview, layers  # the layout before its project: QGIS crashed at the end the other way round
                del project
    return made


class Page:
    """What the tests read of one overview, kept as plain values (the layout itself does not outlive its
    project): the contents' place and its text items, the legend's place and its groups, and the PDF's words."""

    def __init__(self, overview, words):
        from qgis.core import QgsLayerTreeLayer, QgsLayoutItemLabel
        from qgis.PyQt.QtCore import Qt

        self.words = words
        self.contents = _rect(overview.itemById("contents"))
        self.labels = [(item.text(), _rect(item)) for item in overview.items()
                       if isinstance(item, QgsLayoutItemLabel) and item.text() and item.id() == ""]
        legend = overview.itemById("overview_legend")
        self.legend = _rect(legend)
        model = legend.model()
        self.groups = []
        for node in model.rootGroup().children():
            assert isinstance(node, QgsLayerTreeLayer)
            entries = [_plain(n.data(Qt.ItemDataRole.DisplayRole) or "") for n in model.layerLegendNodes(node)]
            self.groups.append((node.name(), [entry for entry in entries if entry]))


CASES = [(language, page_format) for language in ("en", "ru", "kk") for page_format in PAGE_FORMATS]


@pytest.mark.parametrize("language,page_format", CASES)
def test_contents_headings_stand_apart_and_every_cell_is_printed_whole(overviews, language, page_format):
    page = overviews[language, page_format]
    x0, y0, width, height = page.contents
    cells = [(text, rect) for text, rect in page.labels
             if x0 - 0.01 <= rect[0] <= x0 + width and y0 - 0.01 <= rect[1] <= y0 + height]
    headings = sorted((cell for cell in cells if abs(cell[1][1] - y0) < 0.01), key=lambda cell: cell[1][0])
    assert len(headings) == 5, headings
    assert len(cells) == 5 * 13  # and twelve rows
    boxes = {}
    for text, rect in cells:
        printed = [w for w in page.words if _inside(w, rect)]
        # Whole: every word of it printed in its own column, none cut off or run into the next column.
        assert _plain(" ".join(w[0] for w in printed)) == _plain(text), (language, page_format, text)
        box = _box(printed)
        assert rect[0] - 0.3 <= box[0] and box[2] <= rect[0] + rect[2] + 0.3, (language, page_format, text)
        boxes[rect] = box
    for (left, left_rect), (right, right_rect) in itertools.pairwise(headings):
        gap = boxes[right_rect][0] - boxes[left_rect][2]
        assert gap >= HEADING_GAP_MM, (language, page_format, left, right, round(gap, 2))


@pytest.mark.parametrize("language,page_format", CASES)
def test_each_legend_group_is_a_heading_over_its_own_entries(overviews, language, page_format):
    page = overviews[language, page_format]
    words = [w for w in page.words if _inside(w, page.legend)]
    assert len(page.groups) == 3
    headings = {}
    for name, _entries in page.groups:
        found = _occurrences(words, name)
        assert found, (language, page_format, name)
        headings[name] = found[0]  # the heading: the first (topmost) printing of the group's name
    heading_words = {i for found in headings.values() for i in found}
    for name, entries in page.groups:
        top = _box([words[i] for i in headings[name]])
        # Nothing but headings on a heading's row.
        on_row = [w[0] for i, w in enumerate(words)
                  if i not in heading_words and w[2] < top[3] - 0.2 and w[4] > top[1] + 0.2]
        assert not on_row, (language, page_format, name, on_row)
        # Its entries under it, indented by their symbols from its left edge.
        assert entries, (language, page_format, name)
        for entry in entries:
            below = [_box([words[i] for i in found]) for found in _occurrences(words, entry)]
            below = [box for box in below if box[1] >= top[3] - 0.2 and top[0] <= box[0] <= top[0] + ENTRY_INDENT_MM]
            assert below, (language, page_format, name, entry)
