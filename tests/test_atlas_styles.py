"""The atlas styles as QGIS draws them: names of regions kept off the findings and photos."""

import pytest


def _render_labels(layers, extent):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(400, 400))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.takeLabelingResults().allLabels()


@pytest.mark.parametrize("points_layer", ["findings", "media"])
def test_region_names_avoid_findings_and_photos(qgis_app, points_layer):
    """A name that would sit on a point moves off it once the points are styled for the atlas (without the
    style, the same name covers the point: the check can fail)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer

    from green_envoy_plugin.atlas import styles

    region = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "regions", "memory")
    feature = QgsFeature(region.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 4 0, 4 1, 0 1, 0 0))"))
    feature["name"] = "Long Steppe Region"
    region.dataProvider().addFeatures([feature])
    styles._name_labels(region, '"name"', 10, "#8a8a8a", False)

    def labelled_over_points(style) -> bool:
        points = QgsVectorLayer("Point?crs=EPSG:4326&field=category:string&field=severity:integer"
                                "&field=direction:double&field=path:string", points_layer, "memory")
        spots = []
        for x in (1.2, 1.6, 2.0, 2.4, 2.8):  # along the middle of the region, where its name goes first
            point = QgsFeature(points.fields())
            point.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 0.5)))
            point["category"], point["severity"] = "waste", 3
            spots.append(QgsPointXY(x, 0.5))
            points.dataProvider().addFeatures([point])
        if style:
            style(points)
        labels = _render_labels([points, region], QgsRectangle(-0.5, -1.5, 4.5, 2.5))
        names = [label for label in labels if label.labelText == "Long Steppe Region"]
        assert len(names) == 1  # named either way
        return any(names[0].labelRect.contains(spot) for spot in spots)

    assert labelled_over_points(None)
    style = styles.style_findings if points_layer == "findings" else styles.style_media
    assert not labelled_over_points(style)


def test_neighbouring_route_classes_differ_by_more_than_grey(qgis_app):
    """Light grey to black by day, and every second class dashed: two classes on one page are told apart."""
    from qgis.core import QgsVectorLayer

    from green_envoy_plugin.atlas.styles import style_route_by_day

    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=day_index:integer", "route", "memory")
    style_route_by_day(layer, 120)
    ranges = layer.renderer().ranges()
    assert len(ranges) == 6
    dashed = [r.symbol().symbolLayer(1).useCustomDashPattern() for r in ranges]
    assert dashed == [False, True, False, True, False, True]
    greys = [r.symbol().symbolLayer(1).color().lightness() for r in ranges]
    assert greys == sorted(greys, reverse=True) and greys[0] - greys[-1] > 120  # light first, black last
