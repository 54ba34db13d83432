"""Engines: pure computations from models to result values. They never print or exit."""
