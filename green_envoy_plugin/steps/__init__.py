"""The user's steps, one module each (tracks, media, findings, regions, official, sharing): each a function
that reads and writes the expedition store and reports through a `feedback.Feedback`. No Qt, no QGIS: the
CLI, Processing and the panel call the same functions."""
