"""The panel's sharing step, its logic apart from the panel's widgets: the connection made safe to keep before
anything saves it, resolved on the main thread (QGIS's authentication database may ask for its master password
there). The sync's result in one line is results.sharing_outcome."""

from __future__ import annotations

from ..errors import StepError
from ..i18n import tr
from ..shared_layers import resolve, without_password
from ..store.pg_connection import ConnectionRef, parse


def safe_reference(text: str) -> tuple[str, str]:
    """(the text to show and keep, a note for the user or ""): a typed password moved into QGIS's
    authentication database and replaced by the authcfg that names it."""
    if not text.strip():
        return "", ""
    try:
        ref = parse(text)
    except StepError:
        return text, ""  # said when the step runs; a text that cannot be read holds no key=value to store
    if not ref.has_secret:
        return text.strip(), ""
    ref = without_password(ref)
    return ref.reference(), tr("The password is now kept in QGIS's authentication database ({0}); the project "
                               "keeps only that reference.").format(ref.authcfg)


def connection_for_sync(text: str) -> ConnectionRef:
    """The reference with its credentials, for the background task (resolved here, on the main thread)."""
    return resolve(parse(text))
