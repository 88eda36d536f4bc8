"""Processing provider `greenenvoy`: each algorithm a thin wrapper over one step (`steps/`)."""
