"""The regional report atlas (QGIS layouts) and the styles of the expedition layers."""
