"""The map context's main roads (atlas/context.py)."""

T = {
    "Main road": ("Основная автодорога", "Негізгі автожол"),
}
