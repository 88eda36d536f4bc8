"""A viewer of the expedition's media along the route: previous / next by time, shown the right way up.

A dock (bottom of the main window by default): the map beside it stays visible, so the photo it pans to is
not covered. The original file is shown when it is found under the media folder (Qt applies the EXIF
orientation), the folder chosen in the viewer and remembered in the project; otherwise the thumbnail stored in
the GeoPackage, which was made upright at import; a photo stored without one (the camera embedded none) is read
from where it was imported.
"""

from __future__ import annotations

import os

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import QByteArray, QDateTime, QLocale, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage, QImageReader, QPixmap
from qgis.PyQt.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import tr, translatable
from ..thumbnails import MAX_DECODE_PIXELS
from .settings import SCOPE

ROOT_KEY = "media_root"  # the media folder, per project
SOURCES = {"exif": translatable("placed by its GPS"), "time-sync": translatable("placed by time on the track"),
           "manual": translatable("placed by hand")}


def _msecs(value) -> float:
    """Sort key of a time attribute; media without a time go last."""
    return value.toMSecsSinceEpoch() if isinstance(value, QDateTime) and value.isValid() else float("inf")


def remembered_root() -> str:
    path, ok = QgsProject.instance().readEntry(SCOPE, ROOT_KEY, "")
    return QgsProject.instance().readPath(path) if ok and path else ""


class PhotoLabel(QLabel):
    """The picture scaled to the label's own size, again whenever the label is resized (the dock's size is not
    the label's: scaled to the dock's, the photo overflowed the label and its top and bottom were cut off)."""

    def __init__(self):
        super().__init__(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image = QImage()

    def show_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def _fit(self) -> None:
        if not self.image.isNull():
            self.setPixmap(QPixmap.fromImage(self.image).scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()


class MediaViewer(QgsDockWidget):
    current_changed = pyqtSignal(int)  # the feature id shown, for a canvas to follow

    def __init__(self, layer: QgsVectorLayer, media_root: str = "", start_fid: int | None = None, parent=None):
        super().__init__(tr("Expedition media"), parent)
        self.setObjectName("GreenEnvoyMediaViewer")
        self.layer = layer
        self.media_root = media_root or remembered_root()
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        features = [f for f in layer.getFeatures(request)]
        features.sort(key=lambda f: (_msecs(f["taken_at"]), f.id()))
        self.fids = [f.id() for f in features]
        self.index = self.fids.index(start_fid) if start_fid in self.fids else 0

        body = QWidget()
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setObjectName("folder")
        self.folder.setFilePath(self.media_root)
        self.folder.setToolTip(tr("The folder the media were imported from: the originals are shown; without it "
                                  "the thumbnails stored in the GeoPackage"))
        self.folder.fileChanged.connect(self.set_root)
        folder_row = QFormLayout()
        folder_row.addRow(tr("Media folder"), self.folder)
        self.image = PhotoLabel()
        self.image.setObjectName("image")
        self.image.setMinimumSize(QSize(240, 180))
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.caption = QLabel(wordWrap=True)
        self.caption.setObjectName("caption")
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous = QPushButton(tr("◀ Previous"))
        self.next = QPushButton(tr("Next ▶"))
        self.position = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.previous.clicked.connect(lambda: self.show_index(self.index - 1))
        self.next.clicked.connect(lambda: self.show_index(self.index + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addWidget(self.position, 1)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(body)
        layout.addLayout(folder_row)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.resize(720, 420)
        self.show_index(self.index)

    def set_root(self, path: str) -> None:
        self.media_root = path
        project = QgsProject.instance()
        project.writeEntry(SCOPE, ROOT_KEY, project.writePath(path) if path else "")
        self.show_index(self.index)

    def show_index(self, index: int) -> None:
        if not self.fids:
            self.caption.setText(tr("No media in this layer."))
            return
        self.index = max(0, min(index, len(self.fids) - 1))
        feature = self.layer.getFeature(self.fids[self.index])
        image = self._image(feature)
        if image.isNull():
            self.image.show_image(QImage())
            self.image.clear()
            self.image.setText(tr("No picture for this item (a video or an audio note, or not found)."))
        else:
            self.image.show_image(image)
        finding = feature["finding_id"]
        taken = feature["taken_at"]
        # The date in the interface's language ("3 авг. 2025 г."), the time as stored: UTC.
        when = (QLocale().toString(taken.toUTC(), QLocale.FormatType.ShortFormat) + " UTC"
                if isinstance(taken, QDateTime) and taken.isValid() else None)
        source = feature["position_source"]
        self.caption.setText(" · ".join(str(part) for part in (
            feature["path"], when, tr(SOURCES[source]) if source in SOURCES else source,
            tr("finding {0}").format(finding) if finding else None) if part))
        self.position.setText(f"{self.index + 1} / {len(self.fids)}")
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.fids) - 1)
        self.current_changed.emit(self.fids[self.index])

    def _image(self, feature) -> QImage:
        rel = feature["path"] or ""
        thumbnail = feature["thumbnail"]
        places = [os.path.join(self.media_root, rel)] if self.media_root and rel else []
        index = feature.fields().indexOf("media_folder")
        if not thumbnail and index >= 0 and feature[index] and rel:
            # stored without a thumbnail (the camera embedded none): the original where the import read it
            places.append(os.path.join(str(feature[index]), rel))
        for path in places:
            if os.path.isfile(path):
                image = self._original(path)
                if not image.isNull():
                    return image
        image = QImage()
        if thumbnail:
            image.loadFromData(QByteArray(bytes(thumbnail)))
        return image

    def _original(self, path: str) -> QImage:
        reader = QImageReader(path)
        reader.setAutoTransform(True)  # EXIF orientation: upright
        target = self.image.size()
        size = reader.size()
        if size.isValid() and (size.width() > 2 * target.width() or size.height() > 2 * target.height()):
            reader.setScaledSize(size.scaled(target * 2, Qt.AspectRatioMode.KeepAspectRatio))
        # JPEG decodes at down to 1/8 a side; a picture that would still not fit in memory is not decoded
        shrink = 1 / 64 if bytes(reader.format()).lower() in (b"jpeg", b"jpg") else 1.0
        if not size.isValid() or size.width() * size.height() * shrink > MAX_DECODE_PIXELS:
            return QImage()
        return reader.read()
