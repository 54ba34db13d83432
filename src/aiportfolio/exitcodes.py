"""Exit codes, named once (see docs/commands.md)."""

OK = 0
FINDINGS = 1
USAGE = 2
