"""The offline web atlas (issue 18): the expedition as an interactive map in a folder that opens from file://,
an overview page and one page per visited region. It reads the store and never writes it."""
