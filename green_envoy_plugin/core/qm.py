"""Qt's compiled translation file (.qm) written without lrelease, which QGIS users do not have: the field kit's
project translations (<project>_ru.qm, <project>_kk.qm) are made wherever the kit is made.

The format is Qt's own (qtbase src/corelib/kernel/qtranslator.cpp, qttools src/linguist/shared/translator.cpp):
a magic number, then tagged blocks; `Hashes` (ELF hash of source text + comment -> offset of the message, sorted)
and `Messages` (per message: translation as UTF-16BE, source text, context and comment as UTF-8, each tagged and
length-prefixed) are all QTranslator needs to find a message.
"""

from __future__ import annotations

import struct

MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
_HASHES, _MESSAGES = 0x42, 0x69
_END, _TRANSLATION, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 6, 7, 8


def elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _block(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def qm_bytes(messages: list[tuple[str, str, str, str]]) -> bytes:
    """A .qm of (context, source text, comment, translation) messages; untranslated ones are left out (Qt then
    shows the source text)."""
    body = bytearray()
    hashes: list[tuple[int, int]] = []
    for context, source, comment, translation in messages:
        if not translation:
            continue
        hashes.append((elf_hash((source + comment).encode("utf-8")), len(body)))
        text = translation.encode("utf-16-be")
        body += _block(_TRANSLATION, text)
        body += _block(_COMMENT, comment.encode("utf-8"))  # in lrelease's order
        body += _block(_SOURCE, source.encode("utf-8"))
        body += _block(_CONTEXT, context.encode("utf-8"))
        body += bytes([_END])
    hashes.sort()
    table = b"".join(struct.pack(">II", h, offset) for h, offset in hashes)
    return MAGIC + _block(_HASHES, table) + _block(_MESSAGES, bytes(body))
