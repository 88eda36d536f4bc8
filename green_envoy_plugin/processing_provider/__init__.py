"""Processing provider `greenenvoy`: each algorithm a thin wrapper over one pipeline step."""
