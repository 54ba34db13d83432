"""Messages of the plan domain."""

MESSAGES: dict[str, dict[str, str]] = {}
