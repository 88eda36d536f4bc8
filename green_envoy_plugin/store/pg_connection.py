"""Where the shared store is, said without its secret.

A connection is given as a reference: a pg_service name (`service=expedition`, the password in ~/.pgpass or the
service file), a QGIS authentication configuration (`authcfg=ab12cd3 host=... dbname=...`, resolved by the QGIS
adapter into `credentials` held in memory only), or libpq key=value settings / a postgresql:// URI. An optional
`schema=NAME` chooses the schema of the shared tables (default green_envoy), so that one database can hold
several expeditions. What is stored (project, layer source, GeoPackage) is `reference()`: never a password. What
is shown (messages, logs) is `label()` or text passed through `scrub()`: never a parameter's value that could be
secret.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import StepError

DEFAULT_SCHEMA = "green_envoy"
SECRET_KEYS = ("password",)
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_PAIR = re.compile(r"\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)")


class ConnectionError_(StepError):  # noqa: N801 - not the builtin ConnectionError
    """The shared store's connection reference is not usable (the message never holds its values)."""


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def _quote(value: str) -> str:
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


@dataclass
class ConnectionRef:
    params: dict[str, str]  # libpq settings, the password among them if one was given
    schema: str = DEFAULT_SCHEMA
    authcfg: str = ""
    credentials: dict[str, str] = field(default_factory=dict)  # from QGIS's authentication database, in memory

    def __repr__(self) -> str:  # never the dataclass's: it would print the password
        return f"ConnectionRef({self.reference()!r})"

    @property
    def has_secret(self) -> bool:
        return any(self.params.get(key) for key in SECRET_KEYS)

    def reference(self) -> str:
        """What may be stored: the settings without any secret, with authcfg and schema."""
        parts = [f"{key}={_quote(value)}" for key, value in self.params.items() if key not in SECRET_KEYS]
        if self.authcfg:
            parts.append(f"authcfg={_quote(self.authcfg)}")
        if self.schema != DEFAULT_SCHEMA:
            parts.append(f"schema={self.schema}")
        return " ".join(parts)

    def label(self) -> str:
        """For messages: the service or host/database and the schema, nothing else."""
        if self.params.get("service"):
            where = f"service {self.params['service']}"
        else:
            host = self.params.get("host") or self.params.get("hostaddr") or "local socket"
            where = f"{host}/{self.params.get('dbname', '')}".rstrip("/")
        return where + (f" (schema {self.schema})" if self.schema != DEFAULT_SCHEMA else "")

    def libpq(self) -> str:
        merged = dict(self.params)
        merged.update({k: v for k, v in self.credentials.items() if v})
        return " ".join(f"{key}={_quote(value)}" for key, value in merged.items())

    def secrets(self) -> list[str]:
        return [v for k, v in (*self.params.items(), *self.credentials.items()) if k in SECRET_KEYS and v]

    def scrub(self, text: str) -> str:
        """`text` (a driver's message) without any secret of this connection; a message that quotes a piece of
        the settings themselves (libpq's 'invalid dsn: ... after "..."') is replaced as a whole."""
        if "invalid dsn" in text or "connection info string" in text or "invalid connection option" in text:
            return "the connection settings are not valid libpq key=value settings"
        for secret in self.secrets():
            if len(secret) < 4:  # too short to replace safely inside other words: say nothing more
                return "the server refused the connection"
            text = text.replace(secret, "***")
        return text


# The QGIS adapter's way to fill an authcfg's credentials from QGIS's authentication database (shared_layers sets
# it when loaded): a reference naming an authcfg works wherever it is given, the panel's task included.
_resolvers: list[Callable[[ConnectionRef], ConnectionRef]] = []


def set_resolver(resolver: Callable[[ConnectionRef], ConnectionRef]) -> None:
    _resolvers[:] = [resolver]


def with_credentials(ref: ConnectionRef) -> ConnectionRef:
    if ref.authcfg and not ref.credentials and _resolvers:
        return _resolvers[0](ref)
    return ref


def parse(text: str | ConnectionRef) -> ConnectionRef:
    """A ConnectionRef from what the user gave; a ConnectionError_ (naming no value) when it cannot be read."""
    if isinstance(text, ConnectionRef):
        return text
    text = (text or "").strip()
    if not text:
        raise ConnectionError_("no connection to the shared store given")
    params: dict[str, str] = {}
    if text.startswith(("postgresql://", "postgres://")):
        url = urllib.parse.urlsplit(text)
        try:
            port = url.port
        except ValueError:
            raise ConnectionError_("the connection URI has an invalid port") from None
        for key, value in (("host", url.hostname), ("port", str(port) if port else None),
                           ("dbname", url.path.lstrip("/")), ("user", urllib.parse.unquote(url.username or "")),
                           ("password", urllib.parse.unquote(url.password or ""))):
            if value:
                params[key] = value
        params.update({k: v for k, v in urllib.parse.parse_qsl(url.query)})
    else:
        position = 0
        for match in _PAIR.finditer(text):
            if match.start() != position:
                break
            params[match.group(1).lower()] = _unquote(match.group(2))
            position = match.end()
        if text[position:].strip():
            raise ConnectionError_("the connection settings are not key=value pairs (host=... dbname=... or "
                                   "service=...)")
    schema = params.pop("schema", DEFAULT_SCHEMA).lower()
    if not _SCHEMA_NAME.match(schema):
        raise ConnectionError_("schema= must be a plain lower-case name (letters, digits, _)")
    authcfg = params.pop("authcfg", "")
    return ConnectionRef(params, schema, authcfg)
