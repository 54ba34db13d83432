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
}
