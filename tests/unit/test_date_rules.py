"""The rules that read the date say how long their findings for an entry stay the same
(``Rule.until``): on every day of that window the findings are today's. Any rule module
that reads the date declares it, and no rule across files reads the date (``aip check``'s
cache keeps records for their window, and cross-file findings whatever the date)."""

from __future__ import annotations

import datetime as dt
import importlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiportfolio.analysis.check_cache import CROSS_RULES, LOCAL_RULES
from aiportfolio.domain.ai_act import catalog_for, obligations_of
from aiportfolio.model.ai_act import ObligationStatus
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import load_register
from aiportfolio.rules.base import Finding, Rule, RuleContext
from aiportfolio.rules.registry import RULES
from aiptest import REPO_ROOT

REGISTER = load_register(REPO_ROOT)
CATALOG = catalog_for(REGISTER.config, REGISTER.root)
TODAY = dt.date(2026, 11, 26)
STATES = ["todo", "in_progress", "done", "not_applicable"]


def _module_source(rule_id: str) -> str:
    module = importlib.import_module(f"aiportfolio.rules.{rule_id.replace('-', '_')}")
    assert module.__file__ is not None
    with open(module.__file__, encoding="utf-8") as handle:
        return handle.read()


def _reads_date(source: str) -> bool:
    return bool(re.search(r"\.today\b|date\.today|datetime\.now|time\.time", source))


def test_every_rule_that_reads_the_date_declares_until() -> None:
    """A rule module reading ``ctx.today`` (or the clock) declares ``until=`` on its rule;
    without it the cache would keep its findings across days (it notices the read and
    keeps them one day only, but the rule should say)."""
    dated = {rid for rid in RULES if _reads_date(_module_source(rid))}
    assert dated == {rid for rid, rule in RULES.items() if rule.until is not None}
    assert dated >= {"decision-date-past", "ai-act-obligation-overdue"}
    assert dated <= LOCAL_RULES
    assert not dated & CROSS_RULES


def _findings(rule: Rule, uc: UseCase, day: dt.date) -> list[tuple[object, ...]]:
    assert rule.per_usecase is not None
    ctx = RuleContext(register=REGISTER, today=day)
    return [_plain(f) for f in rule.per_usecase(uc, ctx)]


def _plain(f: Finding) -> tuple[object, ...]:
    return (f.loc, f.message, f.hint, f.path)


def _holds_over_its_window(rule: Rule, uc: UseCase, today: dt.date, spans: list[int]) -> None:
    assert rule.until is not None
    ends = rule.until(uc, RuleContext(register=REGISTER, today=today))
    assert ends is None or ends > today
    expected = _findings(rule, uc, today)
    last = (ends - today).days - 1 if ends is not None else 4000
    days = {0, last, *(min(span, last) for span in spans)}
    for offset in sorted(days):
        assert _findings(rule, uc, today + dt.timedelta(days=offset)) == expected, offset


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    st.integers(0, len(REGISTER.usecases) - 1),
    st.one_of(st.none(), st.integers(-30, 30)),
    st.integers(-30, 30),
    st.lists(st.integers(0, 60), max_size=5),
)
def test_decision_date_past_is_the_same_on_every_day_of_its_window(
    index: int, decided: int | None, shift: int, spans: list[int]
) -> None:
    uc = REGISTER.usecases[index]
    decision = None if decided is None else TODAY + dt.timedelta(days=decided)
    uc = uc.model_copy(update={"decision_date": decision})
    today = TODAY + dt.timedelta(days=shift)
    _holds_over_its_window(RULES["decision-date-past"], uc, today, spans)


@_SETTINGS
@given(
    st.integers(0, len(REGISTER.usecases) - 1),
    st.data(),
    # Days near the application dates of the catalog (2026-08-02, 2027-08-02) or anywhere.
    st.one_of(st.integers(-20, 20), st.integers(345, 385), st.integers(-300, 700)),
    st.lists(st.integers(0, 40), max_size=5),
)
def test_obligation_overdue_is_the_same_on_every_day_of_its_window(
    index: int, data: st.DataObject, shift: int, spans: list[int]
) -> None:
    uc = REGISTER.usecases[index]
    today = dt.date(2026, 8, 2) + dt.timedelta(days=shift)
    ids = [a.obligation.id for a in obligations_of(uc, CATALOG)]
    entries = []
    for obligation_id in ids:
        if not data.draw(st.booleans()):
            continue
        state = data.draw(st.sampled_from(STATES))
        due = data.draw(st.one_of(st.none(), st.integers(-20, 20)))  # near that day
        entries.append(
            ObligationStatus.model_construct(
                id=obligation_id,
                status=state,
                reason="n/a" if state == "not_applicable" else None,
                owner=None,
                due=None if due is None else today + dt.timedelta(days=due),
                evidence=[],
            )
        )
    ai_act = uc.ai_act.model_copy(update={"obligations": entries})
    uc = uc.model_copy(update={"ai_act": ai_act})
    _holds_over_its_window(RULES["ai-act-obligation-overdue"], uc, today, spans)
