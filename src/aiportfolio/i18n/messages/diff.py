"""Messages of the diff domain."""

MESSAGES: dict[str, dict[str, str]] = {}
