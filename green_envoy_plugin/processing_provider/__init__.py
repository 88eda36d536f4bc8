"""Processing provider `greenenvoy` (provider.py): each algorithm a thin wrapper over one step (`steps/`), one module
per algorithm, sharing base.GreenEnvoyAlgorithm."""
