"""Where the repository's inputs are. Tests read these; they write only under pytest's tmp paths."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data")
TOOLS = os.path.join(ROOT, "tools")
