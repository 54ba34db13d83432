"""Reporters: pure functions from a result value to text. They never print."""
