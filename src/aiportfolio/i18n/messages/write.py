"""Messages of the write domain."""

MESSAGES: dict[str, dict[str, str]] = {}
