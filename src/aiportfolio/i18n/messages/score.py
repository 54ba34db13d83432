"""Messages of the score domain."""

MESSAGES: dict[str, dict[str, str]] = {}
