"""The wave planner of ``aip plan`` (METHOD.md §4), by responsibility; a module imports
only those listed before it:

- ``instance``: the problem (candidates, waves, balance), built from the register;
- ``constraints``: every rule a plan must keep, checked in one place;
- ``result``: what a strategy and the planner return;
- ``greedy``: rank by score, fill waves in order (also the exact strategy's warm start);
- ``milp``: the exact strategy, an integer program solved by HiGHS;
- ``plan``: runs a strategy on a register and explains the entries left out.

Writing a plan back into the files is ``actions/plan.py``; the roadmap is
``analysis/roadmap.py``.
"""
