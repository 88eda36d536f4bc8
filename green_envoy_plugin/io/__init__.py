"""Readers of the user's own layers (any format GDAL reads, any CRS) into the domain's objects."""
