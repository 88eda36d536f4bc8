"""Expedition domain logic: no Qt, no QGIS; numpy, shapely and pyproj only."""
