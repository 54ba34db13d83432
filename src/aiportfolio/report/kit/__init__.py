"""The reporters' shared kit: escaping, numbers, labels, long lists, terminal tables, the
output-format lists, problems as JSON and the Jinja2 environment."""
