"""The reporters' shared kit: the ``Reporter`` protocol and its ``Options`` (``reporter``),
the CLI's ``--format`` choices read from each registry (``formats``), escaping, numbers,
labels, long lists, terminal tables, problems as JSON and the Jinja2 environment."""
