"""Messages of the steer domain."""

MESSAGES: dict[str, dict[str, str]] = {}
