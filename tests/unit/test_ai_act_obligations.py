"""EU AI Act obligations: the shipped catalog, which obligations apply, and the rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from aiportfolio.domain.ai_act import (
    applies,
    catalog_for,
    compliance_report,
    obligations_of,
    shipped_catalog,
)
from aiportfolio.model.ai_act import AiAct
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiptest import run, usecase, write_register

CATALOG = shipped_catalog()


def _uc(tier: str, status: str = "pilot", **ai_act: Any) -> UseCase:
    data = usecase(status=status, risk={"level": "medium", "ai_act_tier": tier}, ai_act=ai_act)
    return UseCase.model_validate(data)


def _ids(uc: UseCase, config: PortfolioConfig | None = None) -> set[str]:
    catalog = catalog_for(config or PortfolioConfig())
    return {a.obligation.id for a in obligations_of(uc, catalog)}


# --- the catalog ------------------------------------------------------------------------------


def test_catalog_dates_as_in_force() -> None:
    dates = {key: entry.date.isoformat() for key, entry in CATALOG.dates.items()}
    assert dates == {
        "prohibited": "2025-02-02",
        "literacy": "2025-02-02",
        "gpai": "2025-08-02",
        "transparency": "2026-08-02",
        "annex_iii": "2027-12-02",
        "annex_i": "2028-08-02",
    }
    assert all(entry.as_of and entry.source for entry in CATALOG.dates.values())


def test_catalog_entries_are_complete_and_bilingual() -> None:
    ids = [o.id for o in CATALOG.obligations]
    assert len(ids) == len(set(ids))
    for o in CATALOG.obligations:
        assert o.articles and o.source
        assert o.title.en != o.title.fr and o.description.en != o.description.fr, o.id
    known = CATALOG.frameworks
    for o in CATALOG.obligations:
        assert set(o.nist) <= set(known["nist"]), o.id
        assert set(o.iso42001) <= set(known["iso42001"]), o.id


def test_catalog_ships_inside_the_package() -> None:
    from aiportfolio.domain.ai_act import CATALOG_FILE

    assert CATALOG_FILE.parent.parent.name == "aiportfolio"
    assert CATALOG_FILE.is_file()


# --- which obligations apply ------------------------------------------------------------------

HIGH_PROVIDER = {
    "hr-provider-duties",
    "hr-risk-management",
    "hr-data-governance",
    "hr-technical-documentation",
    "hr-record-keeping",
    "hr-instructions",
    "hr-human-oversight",
    "hr-accuracy-robustness",
    "hr-quality-management",
    "hr-conformity",
    "hr-registration",
    "hr-post-market",
}


@pytest.mark.parametrize(
    ("tier", "ai_act", "expected"),
    [
        ("minimal", {}, {"ai-literacy"}),
        ("minimal", {"role": "distributor"}, set()),
        ("unassessed", {}, set()),
        ("prohibited", {}, {"prohibited-practice"}),
        (
            "limited",
            {"role": "provider", "transparency": ["chatbot"]},
            {"ai-literacy", "transparency-interaction"},
        ),
        ("limited", {"role": "deployer", "transparency": ["chatbot"]}, {"ai-literacy"}),
        ("limited", {"transparency": ["deepfake"]}, {"ai-literacy", "transparency-deepfake"}),
        (
            "high",
            {"role": "deployer", "annex_iii": "4(a)"},
            {
                "ai-literacy",
                "hr-deployer-use",
                "hr-deployer-monitoring",
                "hr-deployer-logs",
                "hr-deployer-workers",
                "hr-deployer-affected-persons",
            },
        ),
        (
            "high",
            {"role": "deployer", "annex_iii": "5(b)"},
            {
                "ai-literacy",
                "hr-deployer-use",
                "hr-deployer-monitoring",
                "hr-deployer-logs",
                "hr-deployer-affected-persons",
                "hr-fria",
            },
        ),
        ("high", {"role": "provider", "annex_i": True}, {"ai-literacy", *HIGH_PROVIDER}),
        ("high", {"role": "importer"}, {"hr-importer"}),
        (
            "minimal",
            {"role": "provider", "annex_iii": "4(a)", "exception": "preparatory"},
            {"ai-literacy", "exception-assessment"},
        ),
        (
            "minimal",
            {"role": "provider", "gpai": "systemic"},
            {"ai-literacy", "gpai-documentation", "gpai-copyright", "gpai-systemic-risk"},
        ),
    ],
)
def test_obligations_by_role_tier_and_classification(
    tier: str, ai_act: dict[str, Any], expected: set[str]
) -> None:
    assert _ids(_uc(tier, **ai_act)) == expected


def test_role_change_to_provider_adds_the_provider_articles() -> None:
    deployer = _ids(_uc("high", role="deployer", annex_iii="4(a)"))
    provider = _ids(_uc("high", role="provider", annex_iii="4(a)"))
    assert provider - deployer >= HIGH_PROVIDER


def test_high_risk_date_follows_annex() -> None:
    catalog = catalog_for(PortfolioConfig())
    annex_iii = obligations_of(_uc("high", role="provider", annex_iii="4(a)"), catalog)
    annex_i = obligations_of(_uc("high", role="provider", annex_i=True), catalog)
    risk = {a.obligation.id: a.applies_on for a in annex_iii}["hr-risk-management"]
    assert risk == dt.date(2027, 12, 2)
    assert {a.obligation.id: a.applies_on for a in annex_i}["hr-risk-management"] == dt.date(
        2028, 8, 2
    )


def test_config_redates_a_group() -> None:
    config = PortfolioConfig.model_validate(
        {"ai_act": {"dates": {"annex_iii": {"date": dt.date(2026, 8, 2)}}}}
    )
    found = obligations_of(_uc("high", annex_iii="4(a)"), catalog_for(config))
    assert {a.applies_on for a in found if a.obligation.id.startswith("hr-")} == {
        dt.date(2026, 8, 2)
    }


def test_entries_classified_alike_share_their_list_in_a_run() -> None:
    """Inside a report's run the obligations are listed once per classification: every
    entry still gets what ``applies`` gives it, obligation by obligation (in the catalog's
    order, with its own dates and statuses)."""
    from itertools import product

    from aiportfolio.domain.memo import one_run

    catalog = catalog_for(PortfolioConfig())
    variants = [
        _uc(tier, role=role, **extra)
        for tier, role, extra in product(
            ("minimal", "limited", "high", "prohibited", "unassessed"),
            ("provider", "deployer", "importer"),
            (
                {},
                {"transparency": ["chatbot"]},
                {"transparency": ["deepfake", "chatbot"]},
                {"gpai": "systemic"},
                {"annex_iii": "4(a)"},
                {"annex_iii": "4(a)", "exception": "preparatory"},
                {"annex_i": True},
            ),
        )
    ]
    with one_run():
        shared = [obligations_of(uc, catalog) for uc in variants * 2]
    for uc, found in zip(variants * 2, shared, strict=True):
        expected = [o for o in catalog.obligations if applies(o, uc.risk.ai_act_tier, uc.ai_act)]
        assert [a.obligation for a in found] == expected
        assert found == obligations_of(uc, catalog)  # as outside a run


def test_applies_needs_a_role_match() -> None:
    obligation = next(o for o in CATALOG.obligations if o.id == "hr-importer")
    assert not applies(obligation, "high", AiAct(role="deployer"))
    assert applies(obligation, "high", AiAct(role="importer"))


def test_report_counts_coverage_and_deadlines() -> None:
    done = {"id": "ai-literacy", "status": "done", "evidence": [{"ref": "https://x.example/a"}]}
    ucs = [
        _uc("minimal", obligations=[done]),
        _uc("high", status="scoping", annex_iii="4(a)"),
    ]
    report = compliance_report(ucs, catalog_for(PortfolioConfig()), dt.date(2027, 10, 1))
    assert report.total == 7 and report.closed == 1
    assert report.usecases[0].coverage == 1.0
    assert [d.on for d in report.deadlines][:1] == [dt.date(2025, 2, 2)]
    assert {d.obligation_id for d in report.deadlines} >= {"hr-deployer-use"}


# --- the rules (aip check) --------------------------------------------------------------------

LITERACY_DONE = {
    "id": "ai-literacy",
    "status": "done",
    "owner": "RH",
    "evidence": [{"ref": "preuves/formation.md", "reviewed_by": "Juridique"}],
}


def _check(tmp_path: Path, ai_act: dict[str, Any], *args: str, **kw: Any) -> Any:
    data = usecase(status="pilot", ai_act=ai_act, **kw)
    root = write_register(tmp_path, [data], files={"preuves/formation.md": "# Formation\n"})
    return run(root, "--lang", "en", "check", "--date", "2026-12-01", *args)


def test_overdue_obligation_is_an_error_naming_the_article(tmp_path: Path) -> None:
    result = _check(tmp_path, {})
    assert result.exit_code == 1
    assert "[ai-act-obligation-overdue] Art. 4 (Staff AI literacy, ai-literacy)" in result.stdout
    assert "applies since 2025-02-02" in result.stdout


def test_overdue_is_french_in_a_french_register(tmp_path: Path) -> None:
    root = write_register(
        tmp_path, [usecase(status="pilot", ai_act={})], portfolio="language: fr\n"
    )
    result = run(root, "check", "--date", "2026-12-01")
    assert "s'applique depuis le 2025-02-02" in result.stdout
    assert "Maîtrise de l'IA par le personnel" in result.stdout


def test_scoping_entries_are_not_enforced(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(status="scoping")])
    assert run(root, "check", "--strict", "--date", "2026-12-01").exit_code == 0


def test_done_with_evidence_is_clean(tmp_path: Path) -> None:
    result = _check(tmp_path, {"obligations": [LITERACY_DONE]}, "--strict")
    assert result.exit_code == 0, result.stdout


def test_own_due_date_is_enforced_once_passed(tmp_path: Path) -> None:
    root = write_register(
        tmp_path,
        [
            usecase(
                status="pilot",
                risk={"level": "medium", "ai_act_tier": "limited"},
                ai_act={
                    "role": "provider",
                    "transparency": ["chatbot"],
                    "obligations": [
                        LITERACY_DONE,
                        {
                            "id": "transparency-interaction",
                            "status": "in_progress",
                            "due": "2026-11-15",
                        },
                    ],
                },
            )
        ],
        files={"preuves/formation.md": "x\n"},
    )
    result = run(root, "--lang", "en", "check", "--date", "2026-12-01")
    assert "Art. 50(1)" in result.stdout and "was due on 2026-11-15" in result.stdout


def test_missing_and_outside_evidence(tmp_path: Path) -> None:
    evidence = [{"ref": "preuves/absent.md"}, {"ref": "../secret.md"}, {"ref": "https://x.example"}]
    result = _check(tmp_path, {"obligations": [{**LITERACY_DONE, "evidence": evidence}]})
    assert result.exit_code == 1
    assert "evidence preuves/absent.md of ai-literacy does not exist" in result.stdout
    assert "evidence ../secret.md of ai-literacy is outside the register" in result.stdout
    assert "x.example" not in result.stdout


def test_done_without_evidence_warns(tmp_path: Path) -> None:
    result = _check(tmp_path, {"obligations": [{"id": "ai-literacy", "status": "done"}]})
    assert result.exit_code == 0
    assert "[ai-act-evidence-required]" in result.stdout


def test_unknown_obligation_suggests_the_closest(tmp_path: Path) -> None:
    result = _check(tmp_path, {"obligations": [LITERACY_DONE, {"id": "ai-literacyy"}]})
    assert "[ai-act-obligation-unknown] unknown AI Act obligation ai-literacyy" in result.stdout
    assert "did you mean" in result.stdout


def test_not_applicable_needs_a_reason(tmp_path: Path) -> None:
    result = _check(tmp_path, {"obligations": [{"id": "ai-literacy", "status": "not_applicable"}]})
    assert result.exit_code == 1
    assert "not_applicable needs a reason" in result.stdout


def test_register_obligations_and_clashes(tmp_path: Path) -> None:
    own = {
        "id": "acme-model-card",
        "articles": ["Politique IA §4"],
        "roles": ["deployer"],
        "when": {"tiers": ["minimal"]},
        "applies_from": "literacy",
        "title": {"en": "Model card", "fr": "Fiche modèle"},
        "description": {"en": "One page.", "fr": "Une page."},
        "source": "ACME policy",
    }
    portfolio = json.dumps({"ai_act": {"obligations": [own]}})
    root = write_register(tmp_path / "a", [usecase(status="pilot")], portfolio=portfolio)
    result = run(root, "--lang", "en", "check", "--date", "2026-12-01")
    assert "Politique IA §4 (Model card, acme-model-card)" in result.stdout
    clash = json.dumps({"ai_act": {"obligations": [{**own, "id": "ai-literacy"}]}})
    root = write_register(tmp_path / "b", [usecase(status="pilot")], portfolio=clash)
    result = run(root, "--lang", "en", "check", "--date", "2026-12-01")
    assert result.exit_code == 2
    assert "obligation id ai-literacy is already in aip's catalog" in result.stderr
    assert "config/portfolio.yaml:" in result.stderr
