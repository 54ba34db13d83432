"""Tabular I/O: the flat columns of a use case, CSV/XLSX cells that cannot run as formulas,
mapping suggestions from spreadsheet headers."""
