"""PDF bookmarks (the outline a reader's sidebar shows) and links on a page, added to a finished PDF.

QGIS 3.22 writes no outline and no internal links, and a plugin cannot count on pypdf or qpdf being installed;
so this appends an incremental update (PDF 1.7, 7.5.6) to the file Qt wrote: the new outline objects, the
catalog pointing at them and the page's annotation array with the links, then a cross-reference section for
those objects only. Nothing of the original is rewritten: adding them to a 40-page atlas of 10 MB costs
milliseconds, where a rewrite through a PDF library reads and writes every object. Classic cross-reference
tables only (what Qt writes); a file with a cross-reference stream is left as it is (False).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MM_TO_PT = 72.0 / 25.4


@dataclass
class Bookmark:
    title: str
    page: int  # 0-based page of the PDF
    children: list[Bookmark] = field(default_factory=list)


@dataclass
class Link:
    page: int  # the page the link is on (0-based)
    rect_mm: tuple[float, float, float, float]  # x, y (from the page's top), width, height in mm
    target: int  # the page it leads to (0-based)


class _Pdf:
    def __init__(self, data: bytes):
        self.data = data
        self.offsets: dict[int, int] = {}
        tail = data[-2048:]
        found = re.findall(rb"startxref\s+(\d+)", tail)
        if not found:
            raise ValueError("no startxref")
        self.startxref = int(found[-1])
        position: int | None = self.startxref
        self.trailer = b""
        while position is not None:
            position = self._read_xref(position)

    def _read_xref(self, position: int) -> int | None:
        data = self.data
        if not data.startswith(b"xref", position):
            raise ValueError("a cross-reference stream")
        at = position + 4
        trailer_at = data.index(b"trailer", at)
        lines = data[at:trailer_at].split(b"\n")
        k = 0
        while k < len(lines):
            parts = lines[k].split()
            k += 1
            if len(parts) != 2:
                continue
            first, count = int(parts[0]), int(parts[1])
            for n in range(count):
                entry = lines[k + n].split()
                if len(entry) >= 3 and entry[2] == b"n" and first + n not in self.offsets:
                    self.offsets[first + n] = int(entry[0])
            k += count
        end = data.index(b"startxref", trailer_at)
        trailer = data[trailer_at:end]
        if not self.trailer:
            self.trailer = trailer
        previous = re.search(rb"/Prev\s+(\d+)", trailer)
        return int(previous.group(1)) if previous else None

    def obj(self, number: int) -> bytes:
        start = self.offsets[number]
        body = self.data.index(b"obj", start) + 3
        return self.data[body:self.data.index(b"endobj", body)].strip()

    def ref(self, text: bytes, key: bytes) -> int | None:
        found = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", text)
        return int(found.group(1)) if found else None

    def pages(self, number: int) -> list[int]:
        text = self.obj(number)
        if re.search(rb"/Type\s*/Page\b", text) and not re.search(rb"/Type\s*/Pages", text):
            return [number]
        kids = re.search(rb"/Kids\s*\[(.*?)\]", text, re.DOTALL)
        result: list[int] = []
        for kid in re.findall(rb"(\d+)\s+0\s+R", kids.group(1) if kids else b""):
            result.extend(self.pages(int(kid)))
        return result


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, hex-encoded (any script, no escaping)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def add_outline(path: str, bookmarks: list[Bookmark], links: list[Link] = ()) -> bool:  # type: ignore[assignment]
    """Bookmarks (two levels) and page links appended to the PDF at `path` in place (the caller writes a
    partial file and renames it when whole). False, the file unchanged, when it is not a PDF this can update."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        pdf = _Pdf(data)
        root = pdf.ref(pdf.trailer, b"Root")
        catalog = pdf.obj(root) if root is not None else b""
        pages_root = pdf.ref(catalog, b"Pages")
        if pages_root is None or b"/Outlines" in catalog:
            return False
        pages = pdf.pages(pages_root)
        heights = {}
        for k in {link.page for link in links}:
            box = re.search(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)", pdf.obj(pages[k]))
            heights[k] = float(box.group(2)) if box else 595.0
    except (ValueError, KeyError, IndexError):
        return False
    size = int(re.search(rb"/Size\s+(\d+)", pdf.trailer).group(1))
    objects: dict[int, bytes] = {}

    def new() -> int:
        nonlocal size
        size += 1
        return size - 1

    def destination(page: int) -> bytes:
        return b"[%d 0 R /XYZ null null null]" % pages[min(max(page, 0), len(pages) - 1)]

    outline = new()
    numbers = [new() for _ in bookmarks]
    total = 0
    for k, (mark, number) in enumerate(zip(bookmarks, numbers)):
        entry = b"<< /Title " + _text(mark.title) + b" /Parent %d 0 R /Dest " % outline + destination(mark.page)
        if k > 0:
            entry += b" /Prev %d 0 R" % numbers[k - 1]
        if k < len(numbers) - 1:
            entry += b" /Next %d 0 R" % numbers[k + 1]
        children = [new() for _ in mark.children]
        for c, (child, child_number) in enumerate(zip(mark.children, children)):
            text = (b"<< /Title " + _text(child.title) + b" /Parent %d 0 R /Dest " % number + destination(child.page))
            if c > 0:
                text += b" /Prev %d 0 R" % children[c - 1]
            if c < len(children) - 1:
                text += b" /Next %d 0 R" % children[c + 1]
            objects[child_number] = text + b" >>"
        if children:
            entry += b" /First %d 0 R /Last %d 0 R /Count -%d" % (children[0], children[-1], len(children))
        objects[number] = entry + b" >>"
        total += 1
    objects[outline] = (b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (numbers[0], numbers[-1], total)
                        if numbers else b"<< /Type /Outlines /Count 0 >>")
    objects[root] = catalog[:catalog.rindex(b">>")] + b" /Outlines %d 0 R /PageMode /UseOutlines >>" % outline
    by_page: dict[int, list[int]] = {}
    for link in links:
        x, y, w, h = link.rect_mm
        top = heights[link.page]
        rect = (x * MM_TO_PT, top - (y + h) * MM_TO_PT, (x + w) * MM_TO_PT, top - y * MM_TO_PT)
        number = new()
        objects[number] = (b"<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [%.2f %.2f %.2f %.2f] /Dest "
                           % rect + destination(link.target) + b" >>")
        by_page.setdefault(link.page, []).append(number)
    for page, annots in by_page.items():
        page_text = pdf.obj(pages[page])
        listed = b" ".join(b"%d 0 R" % n for n in annots)
        existing = pdf.ref(page_text, b"Annots")
        if existing is not None:  # Qt's page: /Annots n 0 R, an array object (empty) of its own
            old = pdf.obj(existing).strip()
            objects[existing] = old[:old.rindex(b"]")] + b" " + listed + b"]"
        elif b"/Annots" not in page_text:
            objects[pages[page]] = page_text[:page_text.rindex(b">>")] + b" /Annots [" + listed + b"] >>"
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    info = pdf.ref(pdf.trailer, b"Info")
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (size, root)
    if info is not None:
        out += b" /Info %d 0 R" % info
    out += b" /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (pdf.startxref, xref_at)
    with open(path, "wb") as handle:
        handle.write(out)
    return True
