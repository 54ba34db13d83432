"""Policy rules, registered in one place (``registry.RULES``)."""
