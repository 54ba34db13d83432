"""aip: an AI use-case portfolio as code."""

__version__ = "0.1.0"
