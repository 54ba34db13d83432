"""Messages of the EU AI Act features: obligation rules, ``aip classify``, ``aip compliance``."""

MESSAGES: dict[str, dict[str, str]] = {
    # labels
    "ai_act.role.provider": {"en": "provider", "fr": "fournisseur"},
    "ai_act.role.deployer": {"en": "deployer", "fr": "déployeur"},
    "ai_act.role.importer": {"en": "importer", "fr": "importateur"},
    "ai_act.role.distributor": {"en": "distributor", "fr": "distributeur"},
    "ai_act.state.todo": {"en": "to do", "fr": "à faire"},
    "ai_act.state.in_progress": {"en": "in progress", "fr": "en cours"},
    "ai_act.state.done": {"en": "done", "fr": "fait"},
    "ai_act.state.not_applicable": {"en": "not applicable", "fr": "sans objet"},
    # configuration
    "ai_act.config.clash": {
        "en": "obligation id {id} is already in aip's catalog",
        "fr": "l'identifiant d'obligation {id} existe déjà dans le catalogue d'aip",
    },
    "ai_act.config.clash.hint": {
        "en": "give your own obligation a new id (e.g. prefix it with your organisation); re-date a catalog group under ai_act.dates",
        "fr": "donnez un nouvel identifiant à votre obligation (par ex. préfixé par votre organisation) ; changez la date d'un groupe du catalogue dans ai_act.dates",
    },
    # rules
    "ai_act.rule.overdue.summary": {
        "en": "from pilot on, AI Act obligations past their application date are done or not applicable",
        "fr": "dès le pilote, les obligations AI Act dont la date d'application est passée sont faites ou sans objet",
    },
    "ai_act.rule.overdue": {
        "en": "{articles} ({title}, {id}) applies since {date} and is {state} while the status is {status}",
        "fr": "{articles} ({title}, {id}) s'applique depuis le {date} et est « {state} » alors que le statut est « {status} »",
    },
    "ai_act.rule.overdue.due": {
        "en": "{articles} ({title}, {id}) was due on {date} and is {state} while the status is {status}",
        "fr": "{articles} ({title}, {id}) était dû le {date} et est « {state} » alors que le statut est « {status} »",
    },
    "ai_act.rule.overdue.hint": {
        "en": "record it under ai_act.obligations (id: {id}) with status done and its evidence, or not_applicable with a reason; `aip compliance` lists what is open",
        "fr": "renseignez-la dans ai_act.obligations (id: {id}) avec le statut done et sa preuve, ou not_applicable avec une raison ; `aip compliance` liste ce qui reste ouvert",
    },
    "ai_act.rule.unknown.summary": {
        "en": "every obligation listed in ai_act.obligations is in the catalog",
        "fr": "chaque obligation listée dans ai_act.obligations existe dans le catalogue",
    },
    "ai_act.rule.unknown": {
        "en": "unknown AI Act obligation {id}",
        "fr": "obligation AI Act inconnue : {id}",
    },
    "ai_act.rule.see_list": {
        "en": "`aip compliance --catalog` lists the obligation ids",
        "fr": "`aip compliance --catalog` liste les identifiants d'obligation",
    },
    "ai_act.rule.extra.summary": {
        "en": "obligations tracked that the classification does not make applicable",
        "fr": "obligations suivies que la classification ne rend pas applicables",
    },
    "ai_act.rule.extra": {
        "en": "{id} does not apply to a {role} of a {tier} system",
        "fr": "{id} ne s'applique pas à un {role} d'un système de niveau {tier}",
    },
    "ai_act.rule.extra.hint": {
        "en": "remove it, or check the role and tier (`aip classify`)",
        "fr": "retirez-la, ou vérifiez le rôle et le niveau (`aip classify`)",
    },
    "ai_act.rule.evidence.summary": {
        "en": "evidence paths exist in the register",
        "fr": "les chemins des preuves existent dans le registre",
    },
    "ai_act.rule.evidence.missing": {
        "en": "evidence {ref} of {id} does not exist",
        "fr": "la preuve {ref} de {id} n'existe pas",
    },
    "ai_act.rule.evidence.outside": {
        "en": "evidence {ref} of {id} is outside the register",
        "fr": "la preuve {ref} de {id} est hors du registre",
    },
    "ai_act.rule.evidence.hint": {
        "en": "give a path relative to the register root (committed with it) or an https:// URL",
        "fr": "indiquez un chemin relatif à la racine du registre (versionné avec lui) ou une URL https://",
    },
    "ai_act.rule.no_evidence.summary": {
        "en": "a done obligation has evidence",
        "fr": "une obligation faite a une preuve",
    },
    "ai_act.rule.no_evidence": {
        "en": "{id} is done but has no evidence",
        "fr": "{id} est faite mais sans preuve",
    },
    "ai_act.rule.no_evidence.hint": {
        "en": "add evidence: a ref (path or URL), reviewed_by and reviewed_on",
        "fr": "ajoutez une preuve : ref (chemin ou URL), reviewed_by et reviewed_on",
    },
}
