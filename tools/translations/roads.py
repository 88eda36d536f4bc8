"""The map context's main roads (atlas/context.py)."""

T = {
    "Main road": ("Основная автодорога", "Негізгі автожол"),
    # The legend's heading of towns, border, roads, rivers and lakes: the base map's content, as Soviet and
    # Kazakh cartography name it
    "Map context": ("Общегеографическая основа", "Жалпы географиялық негіз"),
}
