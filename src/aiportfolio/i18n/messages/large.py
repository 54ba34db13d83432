"""Messages for large registers: shortened id lists, summaries and ``--limit`` notes, and
the planner's time budget (``aip plan`` finding no plan in time)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- long lists ------------------------------------------------------------------------
    "list.more": {"en": "{shown} and {count} more", "fr": "{shown} et {count} autres"},
    # --- aip plan: time budget and unscored groups -----------------------------------------
    "plan.status.unknown": {
        "en": "no plan found (none proven impossible)",
        "fr": "aucun plan trouvé (aucun n'est prouvé impossible)",
    },
    "plan.conflict.unknown": {
        "en": "no plan keeping every constraint was found within the {amount} s time limit; the constraints are not proven to conflict: raise --time-limit, or run aip plan --no-balance",
        "fr": "aucun plan respectant toutes les contraintes n'a été trouvé dans la limite de {amount} s ; les contraintes ne sont pas prouvées incompatibles : augmentez --time-limit ou lancez aip plan --no-balance",
    },
    "plan.conflict.unknown.greedy": {
        "en": "the greedy strategy found no plan keeping the category balance; the constraints are not proven to conflict: run aip plan (exact strategy), or aip plan --no-balance",
        "fr": "la stratégie gloutonne n'a trouvé aucun plan qui tienne l'équilibre des catégories ; les contraintes ne sont pas prouvées incompatibles : lancez aip plan (stratégie exacte) ou aip plan --no-balance",
    },
    "plan.conflict.balance_unscored": {
        "en": "the category balance needs {detail}, but its {count} entries are left out for missing scores ({ids}); score them (aip score lists what is missing), widen balance.tolerance, or run aip plan --no-balance",
        "fr": "l'équilibre des catégories a besoin de {detail}, mais ses {count} entrées sont écartées faute de notes ({ids}) ; notez-les (aip score indique ce qui manque), élargissez balance.tolerance ou lancez aip plan --no-balance",
    },
    "plan.summary.unknown": {
        "en": "no plan found within the limits; nothing is proven to conflict",
        "fr": "aucun plan trouvé dans les limites ; aucun conflit n'est prouvé",
    },
    # --- aip check: per-rule summary and --limit --------------------------------------------
    "check.by_rule": {"en": "Problems by rule:", "fr": "Problèmes par règle :"},
    "check.by_rule.errors": {"en": "{count} error(s)", "fr": "{count} erreur(s)"},
    "check.by_rule.warnings": {"en": "{count} warning(s)", "fr": "{count} avertissement(s)"},
    "check.more": {
        "en": "... {count} more problem(s) not listed (the first {shown} are): aip check --all lists every one, --format json too",
        "fr": "... {count} problème(s) de plus non listés (les {shown} premiers le sont) : aip check --all les liste tous, --format json aussi",
    },
    "option.limit.bad": {
        "en": "--limit must be at least 1 (got {value})",
        "fr": "--limit doit valoir au moins 1 (reçu {value})",
    },
    # --- aip score: unscored entries, once ---------------------------------------------------
    "score.missing.lines": {
        "en": "{count} entries are not ranked until they are fully scored ({ids}): {hints}.",
        "fr": "{count} entrées ne sont pas classées tant qu'elles ne sont pas entièrement notées ({ids}) : {hints}.",
    },
    "score.more": {
        "en": "... {count} more not listed (the first {shown} are): aip score --all lists every entry",
        "fr": "... {count} de plus non listés (les {shown} premiers le sont) : aip score --all les liste tous",
    },
    # --- aip tco ------------------------------------------------------------------------------
    "tco.summary": {
        "en": "{count} use cases · TCO {tco} · expected gain {gain} · ROI {roi}",
        "fr": "{count} cas d'usage · TCO {tco} · gain attendu {gain} · ROI {roi}",
    },
    "tco.more": {
        "en": "... {count} more not listed (the first {shown} are): aip tco --all lists every one, --format json too",
        "fr": "... {count} de plus non listés (les {shown} premiers le sont) : aip tco --all les liste tous, --format json aussi",
    },
    # --- aip plan: long lists -----------------------------------------------------------------
    "plan.unscheduled.count": {"en": "by reason: {reasons}", "fr": "par raison : {reasons}"},
    "plan.more.unscheduled": {
        "en": "... {count} more not listed (the first {shown} are): aip plan --all lists every one, --format json too",
        "fr": "... {count} de plus non listés (les {shown} premiers le sont) : aip plan --all les liste tous, --format json aussi",
    },
    "plan.more.conflicts": {
        "en": "... {count} more conflict(s) not listed (the first {shown} are): aip plan --all lists every one",
        "fr": "... {count} conflit(s) de plus non listés (les {shown} premiers le sont) : aip plan --all les liste tous",
    },
}
