"""Files ``aip init`` writes into a new register (per language under ``en/`` and ``fr/``,
shared ones under ``common/``, CI files under ``ci/``)."""
