"""depends-on-cycle (error; every status): dependencies (``plan.depends_on``) form no
cycle: a use case cannot wait, even indirectly, for itself. Each cycle is reported once.

PASS::

    # usecases/UC-001-claim-triage.yaml
    id: UC-001
    plan:
      depends_on: [UC-002]
    ---
    # usecases/UC-002-crm-data-quality.yaml
    id: UC-002

FAIL::

    # usecases/UC-001-claim-triage.yaml
    id: UC-001
    plan: {depends_on: [UC-002]}
    ---
    # usecases/UC-002-crm-data-quality.yaml
    id: UC-002
    plan: {depends_on: [UC-003]}
    ---
    # usecases/UC-003-claim-routing.yaml
    id: UC-003
    plan: {depends_on: [UC-001]}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    graph = {uc.id: list(uc.plan.depends_on) for uc in ctx.register.usecases}
    by_id = {uc.id: uc for uc in ctx.register.usecases}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset[str]] = set()

    def visit(node: str, stack: list[str]) -> Iterator[list[str]]:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                yield [*stack[stack.index(nxt) :], nxt]
            elif nxt in graph and state.get(nxt) is None:
                yield from visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for start in sorted(graph):
        if state.get(start) is None:
            for cycle in visit(start, []):
                key = frozenset(cycle)
                if key in reported:
                    continue
                reported.add(key)
                uc = by_id[cycle[0]]
                yield Finding(
                    uc,
                    ("plan", "depends_on"),
                    Message("rule.cycle.found", {"cycle": " → ".join(cycle)}),
                    Message("rule.cycle.hint"),
                )


RULE = Rule("depends-on-cycle", Severity.ERROR, "rule.cycle.summary", whole_register=check)
