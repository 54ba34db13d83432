"""Finding, loading and writing the register."""
