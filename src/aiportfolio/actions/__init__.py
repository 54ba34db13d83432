"""Actions: the only code that writes files (``new``, ``decide``, ``kpi record``, ``fmt``,
``import``, ``export``, ``init``, ``classify``, the plan write-back)."""
