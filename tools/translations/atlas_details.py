"""Texts of the second detail map (a page whose findings crowd in two places apart), in Russian and Kazakh."""

T = {
    "Detail {0} (dashed frame {0}), 1:{1}": ("Фрагмент {0} (пунктирная рамка {0}), 1:{1}",
                                             "{0}-үзінді ({0}-үзік сызықты жақтау), 1:{1}"),
}
