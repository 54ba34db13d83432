"""Messages of the gate verdict, as every command shows it (check, decide, score, plan,
doctor, roadmap, dashboard, tco, balance, agenda), and of cost coverage."""

MESSAGES: dict[str, dict[str, str]] = {
    # the rule of stopped entries
    "rule.stop_decision.summary": {
        "en": "a stopped use case records the stop decision, with its date",
        "fr": "un cas d'usage arrêté trace la décision d'arrêt, avec sa date",
    },
    "rule.stop_decision.missing": {
        "en": "{id} is stopped but no stop decision is recorded",
        "fr": "{id} est arrêté mais aucune décision d'arrêt n'est tracée",
    },
    "rule.stop_decision.hint": {
        "en": "record it with `aip decide {id} stop --date YYYY-MM-DD --note ...` before the status changes, or add `- {{date: YYYY-MM-DD, decision: stop, by: ...}}` under `decisions:`",
        "fr": "tracez-la avec `aip decide {id} stop --date AAAA-MM-JJ --note ...`, ou ajoutez `- {{date: AAAA-MM-JJ, decision: stop, by: ...}}` sous `decisions:`",
    },
    # reading: a construct left open is shown where it opens
    "yaml.unclosed": {
        "en": "YAML syntax error: {detail} opened here is never closed",
        "fr": "erreur de syntaxe YAML : {detail} ouvert ici n'est jamais fermé",
    },
    "yaml.unclosed.hint": {
        "en": "close it on the same value (a quoted text ends with the same quote; [ ends with ], {{ with }})",
        "fr": "fermez-le sur la même valeur (un texte entre guillemets finit par le même guillemet ; [ par ], {{ par }})",
    },
    # writers
    "gate.write.refused": {
        "en": "not written: after this change {id} would fail the gate ({rules})",
        "fr": "rien n'est écrit : après ce changement, {id} ne passerait plus le contrôle ({rules})",
    },
    "gate.write.forced": {
        "en": "written anyway (--force): {id} now fails the gate with {count} error(s); `aip check` will fail until they are fixed",
        "fr": "écrit malgré tout (--force) : {id} ne passe plus le contrôle ({count} erreur(s)) ; `aip check` échouera tant qu'elles ne seront pas corrigées",
    },
    "gate.write.still_failing": {
        "en": "{id} still fails the gate ({rules}): `aip check` reports it until it is fixed",
        "fr": "{id} reste bloqué au contrôle ({rules}) : `aip check` le signale tant qu'il n'est pas corrigé",
    },
    # how every command marks an entry that fails the gate
    "gate.mark": {"en": "fails the gate", "fr": "bloqué au contrôle"},
    "gate.mark.rules": {
        "en": "fails the gate: {rules}",
        "fr": "bloqué au contrôle : {rules}",
    },
    "gate.legend": {
        "en": "⛔ fails the gate: `aip check` reports an error on this entry (rule ids given); it is not a priority and is never scheduled until fixed",
        "fr": "⛔ bloqué au contrôle : `aip check` signale une erreur sur cette entrée (règles indiquées) ; ce n'est pas une priorité et elle n'est pas planifiée tant qu'elle n'est pas corrigée",
    },
    "gate.failing.count": {
        "en": "{count} entry(ies) fail the gate and are left out of the priorities: {ids}",
        "fr": "{count} entrée(s) bloquée(s) au contrôle, écartée(s) des priorités : {ids}",
    },
    # aip plan
    "plan.reason.gate": {"en": "fails the gate", "fr": "bloqué au contrôle"},
    "plan.detail.gate": {
        "en": "aip check reports errors: {rules}",
        "fr": "aip check signale des erreurs : {rules}",
    },
    "plan.conflict.pinned_gate": {
        "en": "{ids} is pinned to wave {wave} but fails the gate ({detail}): fix it (aip check) or move it out of the wave",
        "fr": "{ids} est épinglé en vague {wave} mais est bloqué au contrôle ({detail}) : corrigez-le (aip check) ou sortez-le de la vague",
    },
    # aip doctor
    "doctor.ev.gate": {
        "en": "fails the gate ({rules}): no priority until `aip check` passes on it",
        "fr": "bloqué au contrôle ({rules}) : pas une priorité tant que `aip check` échoue sur lui",
    },
    # cost coverage (aip tco, aip balance, agenda)
    "budget.costs_missing": {"en": "costs missing", "fr": "coûts manquants"},
    "budget.not_enough": {"en": "not enough cost data", "fr": "données de coût insuffisantes"},
    "budget.not_enough.why": {
        "en": "Not enough cost data for a verdict: fewer than {threshold} of the entries have cost lines (budget.min_cost_coverage).",
        "fr": "Données de coût insuffisantes pour conclure : moins de {threshold} des entrées ont des lignes de coût (budget.min_cost_coverage).",
    },
    "budget.rests_on": {
        "en": "Rests on {costed} of {total} entries with cost lines ({share}).",
        "fr": "Repose sur {costed} des {total} entrées ayant des lignes de coût ({share}).",
    },
    "budget.to_complete": {"en": "Budgets to complete", "fr": "Budgets à compléter"},
    "budget.to_complete.more": {
        "en": "… and {count} more (`aip tco --format json` lists them all)",
        "fr": "… et {count} de plus (`aip tco --format json` les liste toutes)",
    },
    # aip kpi record
    "kpi.duplicate_date": {
        "en": "{id}: KPI {kpi!r} already has a measurement on {date} (value {value})",
        "fr": "{id} : le KPI {kpi!r} a déjà une mesure le {date} (valeur {value})",
    },
    "kpi.duplicate_date.hint": {
        "en": "add --replace to replace it, or give the right --date",
        "fr": "ajoutez --replace pour la remplacer, ou indiquez la bonne --date",
    },
    "kpi.ambiguous": {
        "en": "{kpi!r} matches several KPIs of {id}: {candidates}",
        "fr": "{kpi!r} correspond à plusieurs KPI de {id} : {candidates}",
    },
    "kpi.ambiguous.hint": {
        "en": "write the KPI name exactly as in the file",
        "fr": "écrivez le nom du KPI exactement comme dans le fichier",
    },
    "kpi.replaced": {
        "en": "replaced the value of {date} (was {before})",
        "fr": "valeur du {date} remplacée (était {before})",
    },
    "kpi.outlier": {
        "en": "{value} is far outside the range from baseline to target ({low} to {high}): check the unit and the value",
        "fr": "{value} est très en dehors de l'intervalle baseline–cible ({low} à {high}) : vérifiez l'unité et la valeur",
    },
    # aip agenda (committee)
    "agenda.blocked.gate": {
        "en": "fails the gate ({rules}): fix it before any decision",
        "fr": "bloqué au contrôle ({rules}) : à corriger avant toute décision",
    },
}
