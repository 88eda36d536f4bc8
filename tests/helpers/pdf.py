"""Reading a PDF page's words with their boxes (poppler's pdftotext -bbox), for tests of where texts stand."""

import subprocess


def word_boxes(pdf: str, page: int) -> list[tuple[str, float, float, float, float]]:
    """The words of page `page` (from 1) as pdftotext writes them (XML entities left as they are) and their boxes
    (x0, y0, x1, y1) in points from the page's top left."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    words = []
    for raw in out.splitlines():
        line = raw.strip()
        if line.startswith("<word "):
            attrs = dict(part.split("=", 1) for part in line[6:line.index(">")].split())
            text = line[line.index(">") + 1:line.rindex("</word>")]
            words.append((text, *(float(attrs[k].strip('"')) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return words
