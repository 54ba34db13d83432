"""Policy rules: one module per rule id, named after it (``owner_required.py`` for
``owner-required``), registered in one place (``registry.RULES``).

Each rule module's docstring is the rule's user documentation, with a ``PASS::`` and a
``FAIL::`` example: the keys that matter, on top of a complete valid use case (a key with
no value is left out); after ``---``, a document whose first line is ``# path`` is another
file of the register (a second use case, ``config/portfolio.yaml``, an evidence file).
Helpers shared by several rules live in ``base.py`` (what a rule is) and
``category_helpers.py``; ``suppress.py`` applies ``# aip: disable=rule-id`` comments.
"""
