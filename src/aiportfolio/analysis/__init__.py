"""Analyses: pure computations from models to result values, one module per command
(``score`` lives in ``domain`` because rules need it). They never print, exit or write files."""
