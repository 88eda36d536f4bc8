"""Persistence of the expedition: the GeoPackage schema and its reads and writes (GDAL/OGR, no Qt)."""
