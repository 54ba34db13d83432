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
}
