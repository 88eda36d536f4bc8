"""The combined atlas's overview page (atlas/overview.py): its legend's route entry."""

T = {
    # Under the legend's heading "Route": the whole journey drawn as one line on the overview map
    "The expedition's loop": ("Путь экспедиции", "Экспедиция жолы"),
}
