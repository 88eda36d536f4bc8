"""Texts of the second detail map (a page whose findings crowd in two places apart), in Russian and Kazakh."""

T = {
    "Detail {0} (dashed frame {0}), 1:{1}": ("Фрагмент {0} (пунктирная рамка {0}), 1:{1}",
                                             "{0}-үзінді (үзік сызықты {0}-жақтау), 1:{1}"),  # the frame numbered
}
