"""Synthetic GPX for the tests."""

from datetime import datetime, timedelta, timezone

GPX11 = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>{name}</name><trkseg>
{points}
</trkseg></trk>
</gpx>
"""


def gpx_text(points, name="test day"):
    """GPX 1.1 from (lat, lon, ele, iso-time) tuples."""
    rows = "\n".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{time}</time></trkpt>' for lat, lon, ele, time in points
    )
    return GPX11.format(name=name, points=rows)


def straight_ride(n=120, start_lon=76.90, lat=43.25, step_deg=0.0007, start="2025-08-01T03:00:"):
    """n fixes 10 s apart going east at about 5.7 m/s."""
    t0 = datetime.fromisoformat(start + "00+00:00")
    return [
        (lat, round(start_lon + i * step_deg, 6), 800 + i % 7,
         (t0 + timedelta(seconds=10 * i)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for i in range(n)
    ]
