"""Exit codes, named once (see docs/commands.md)."""

OK = 0
FINDINGS = 1
USAGE = 2
INTERNAL = 3
"""A bug in aip (an unexpected exception): never a finding, never a usage error."""
