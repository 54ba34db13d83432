"""Domain computations shared by rules, analyses and reporters: scoring arithmetic, the AI Act
obligations catalog, KPI status, use-case ids. Pure functions of the model (and shipped data)."""
