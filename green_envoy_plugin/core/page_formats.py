"""The atlas page formats a user can choose (a plain list, so the CLI offers them without loading QGIS)."""

PAGE_FORMATS = ("a4-landscape", "a4-portrait", "a3-landscape", "a3-portrait")
