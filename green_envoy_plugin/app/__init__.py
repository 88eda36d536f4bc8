"""What chains several steps and the atlas for the entry points (CLI, Processing, panel)."""
