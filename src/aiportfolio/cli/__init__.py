"""The command-line layer: the only code that knows typer, prints, and exits."""
