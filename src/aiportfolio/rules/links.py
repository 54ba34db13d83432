"""depends-on-exists: every ``plan.depends_on`` id is a use case of the register.
depends-on-cycle: dependencies form no cycle. score-criterion-unknown: every key of
``scores``/``ratings``/``estimates`` is a criterion (or measured input) of the grid.
wave-unknown: ``plan.wave`` is one of the waves of ``config/portfolio.yaml``."""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.register.loader import suggest
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_depends_on(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, target in enumerate(uc.plan.depends_on):
        if target not in ctx.register.sources:
            yield Finding(
                uc,
                ("plan", "depends_on", i),
                ctx.t("rule.depends_on.missing", target=target),
                ctx.t("rule.depends_on.hint"),
            )


def check_cycles(ctx: RuleContext) -> Iterator[Finding]:
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
                    ctx.t("rule.cycle.found", cycle=" → ".join(cycle)),
                    ctx.t("rule.cycle.hint"),
                )


def check_criteria(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    grid = ctx.register.grid
    ids = grid.ids
    inputs = [c.measure.input for c in grid.criteria if c.measure is not None]
    keyed: list[tuple[tuple[str | int, ...], str, list[str]]] = [
        (("scores", k), k, ids) for k in uc.scores
    ]
    keyed += [(("estimates", k), k, inputs) for k in uc.estimates]
    for i, rating in enumerate(uc.ratings):
        keyed += [(("ratings", i, "scores", k), k, ids) for k in rating.scores]
    for loc, key, allowed in keyed:
        if key not in allowed:
            close = suggest(key, allowed)
            hint = (
                ctx.t("schema.hint.did_you_mean", key=close)
                if close
                else ctx.t("schema.hint.allowed", keys=", ".join(allowed) or "-")
            )
            yield Finding(uc, loc, ctx.t("rule.criterion.unknown", key=key), hint)


def check_wave(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    waves = ctx.register.config.waves
    if uc.plan.wave is None or not waves:
        return
    if ctx.register.config.wave(uc.plan.wave) is None:
        yield Finding(
            uc,
            ("plan", "wave"),
            ctx.t("rule.wave.unknown", wave=uc.plan.wave),
            ctx.t("rule.wave.hint", waves=", ".join(str(w.id) for w in waves)),
        )


RULES = (
    Rule(
        "depends-on-exists", Severity.ERROR, "rule.depends_on.summary", per_usecase=check_depends_on
    ),
    Rule("depends-on-cycle", Severity.ERROR, "rule.cycle.summary", whole_register=check_cycles),
    Rule(
        "score-criterion-unknown",
        Severity.ERROR,
        "rule.criterion.summary",
        per_usecase=check_criteria,
    ),
    Rule("wave-unknown", Severity.WARNING, "rule.wave.summary", per_usecase=check_wave),
)
