"""The NIST AI RMF and ISO/IEC 42001 ids the obligations catalog cites exist in those
frameworks: a mistyped id (``MEASURE 2.14``, ``A.6.2.9``) fails here.

The id sets below are the frameworks' own numbering (ids only, no text): NIST AI RMF 1.0
(NIST AI 100-1, January 2023) has 72 subcategories under GOVERN, MAP, MEASURE and MANAGE;
ISO/IEC 42001:2023 Annex A has 38 reference controls, A.2 to A.10. Checked on 2026-12-01
against a public machine-readable copy of each framework's outline.
"""

from __future__ import annotations

from aiportfolio.domain.ai_act import shipped_catalog


def _numbered(prefix: str, sizes: dict[int, int], first: int = 1) -> set[str]:
    return {
        f"{prefix}{major}.{minor}"
        for major, n in sizes.items()
        for minor in range(first, first + n)
    }


NIST_AI_RMF_1_0 = (
    _numbered("GOVERN ", {1: 7, 2: 3, 3: 2, 4: 3, 5: 2, 6: 2})
    | _numbered("MAP ", {1: 6, 2: 3, 3: 5, 4: 2, 5: 2})
    | _numbered("MEASURE ", {1: 3, 2: 13, 3: 3, 4: 3})
    | _numbered("MANAGE ", {1: 4, 2: 4, 3: 2, 4: 3})
)
"""Subcategory ids of the NIST AI RMF 1.0 Core."""

ISO_42001_ANNEX_A = (
    _numbered("A.", {2: 3, 3: 2, 4: 5, 5: 4, 7: 5, 8: 4, 9: 3, 10: 3}, first=2)
    | {"A.6.1.2", "A.6.1.3"}
    | {f"A.6.2.{n}" for n in range(2, 9)}
)
"""Reference control ids of ISO/IEC 42001:2023 Annex A."""


def test_the_id_sets_have_the_frameworks_sizes() -> None:
    assert len(NIST_AI_RMF_1_0) == 72
    assert len(ISO_42001_ANNEX_A) == 38


def test_every_cited_id_exists_in_its_framework() -> None:
    catalog = shipped_catalog()
    cited_nist = {i for o in catalog.obligations for i in o.nist}
    cited_iso = {i for o in catalog.obligations for i in o.iso42001}
    assert cited_nist and cited_iso
    assert cited_nist <= NIST_AI_RMF_1_0, sorted(cited_nist - NIST_AI_RMF_1_0)
    assert cited_iso <= ISO_42001_ANNEX_A, sorted(cited_iso - ISO_42001_ANNEX_A)


def test_every_labelled_id_exists_and_is_cited() -> None:
    catalog = shipped_catalog()
    labelled_nist = set(catalog.frameworks["nist"])
    labelled_iso = set(catalog.frameworks["iso42001"])
    assert labelled_nist <= NIST_AI_RMF_1_0, sorted(labelled_nist - NIST_AI_RMF_1_0)
    assert labelled_iso <= ISO_42001_ANNEX_A, sorted(labelled_iso - ISO_42001_ANNEX_A)
    assert labelled_nist == {i for o in catalog.obligations for i in o.nist}
    assert labelled_iso == {i for o in catalog.obligations for i in o.iso42001}
