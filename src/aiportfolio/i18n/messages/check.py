"""Messages of ``aip check``: reading, schema and policy rules."""

MESSAGES: dict[str, dict[str, str]] = {
    "check.fix": {"en": "fix", "fr": "correction"},
    "check.summary.clean": {
        "en": "{files} use-case file(s) checked: no problem",
        "fr": "{files} fichier(s) de cas d'usage vérifiés : aucun problème",
    },
    "check.summary.found": {
        "en": "{errors} error(s), {warnings} warning(s) in {files} use-case file(s)",
        "fr": "{errors} erreur(s), {warnings} avertissement(s) dans {files} fichier(s) de cas d'usage",
    },
    "check.github.left_out": {
        "en": "{count} more annotation(s) not shown: see the full report in the job log",
        "fr": "{count} annotation(s) de plus non affichées : voir le rapport complet dans le journal",
    },
    "check.no_usecases": {
        "en": "no use-case file in usecases/: nothing to check",
        "fr": "aucun fichier de cas d'usage dans usecases/ : rien à vérifier",
    },
    "check.no_usecases.hint": {
        "en": 'create one with `aip new "Title"`',
        "fr": 'créez-en un avec `aip new "Titre"`',
    },
    # reading
    "yaml.too-large": {
        "en": "file too large ({detail} bytes)",
        "fr": "fichier trop gros ({detail} octets)",
    },
    "yaml.too-large.hint": {
        "en": "a use case is a one-page card: move long texts to a document and link it",
        "fr": "un cas d'usage tient sur une page : déplacez les longs textes dans un document et mettez un lien",
    },
    "yaml.encoding": {"en": "not valid UTF-8 ({detail})", "fr": "UTF-8 invalide ({detail})"},
    "yaml.encoding.hint": {
        "en": "save the file as UTF-8 (your editor's 'Save with encoding')",
        "fr": "enregistrez le fichier en UTF-8 (« Enregistrer avec l'encodage » de votre éditeur)",
    },
    "yaml.empty": {"en": "the file is empty", "fr": "le fichier est vide"},
    "yaml.empty.hint": {
        "en": "fill it in (`aip new` writes a complete skeleton) or delete it",
        "fr": "remplissez-le (`aip new` écrit un squelette complet) ou supprimez-le",
    },
    "yaml.syntax": {"en": "YAML syntax error: {detail}", "fr": "erreur de syntaxe YAML : {detail}"},
    "yaml.syntax.hint": {
        "en": "check indentation (spaces, not tabs) and quote texts containing ': ' or '#'",
        "fr": "vérifiez l'indentation (espaces, pas de tabulations) et mettez entre guillemets les textes contenant ': ' ou '#'",
    },
    "yaml.duplicate-key": {"en": "duplicate key: {detail}", "fr": "clé en double : {detail}"},
    "yaml.duplicate-key.hint": {
        "en": "keep one occurrence of the key",
        "fr": "ne gardez qu'une occurrence de la clé",
    },
    "yaml.anchor": {
        "en": "YAML anchors and aliases are not allowed (anchor {detail})",
        "fr": "les ancres et alias YAML sont interdits (ancre {detail})",
    },
    "yaml.anchor.hint": {
        "en": "write the values out in full; quote texts that start with & or *",
        "fr": "écrivez les valeurs en entier ; mettez entre guillemets les textes qui commencent par & ou *",
    },
    "yaml.tag": {
        "en": "unsupported YAML tag: {detail}",
        "fr": "étiquette YAML non prise en charge : {detail}",
    },
    "yaml.tag.hint": {
        "en": "remove the '!' tag: register files hold plain data only",
        "fr": "retirez l'étiquette '!' : les fichiers du registre ne contiennent que des données simples",
    },
    "yaml.not-a-file": {
        "en": "not a regular file ({detail})",
        "fr": "pas un fichier ordinaire ({detail})",
    },
    "yaml.not-a-file.hint": {
        "en": "replace it with a YAML file, or remove it from the register",
        "fr": "remplacez-le par un fichier YAML, ou retirez-le du registre",
    },
    "yaml.not-a-mapping": {
        "en": "the file must be a mapping of keys (found {detail})",
        "fr": "le fichier doit être un ensemble de clés (trouvé {detail})",
    },
    "yaml.not-a-mapping.hint": {
        "en": "start with `id: UC-001` at the left margin",
        "fr": "commencez par `id: UC-001` en début de ligne",
    },
    # schema
    "schema.generic": {"en": "{where}: {detail}", "fr": "{where} : {detail}"},
    "schema.missing": {
        "en": "{where}: required key missing",
        "fr": "{where} : clé obligatoire absente",
    },
    "schema.unknown_key": {"en": "{where}: unknown key", "fr": "{where} : clé inconnue"},
    "schema.string_type": {
        "en": "{where}: expected text, got {value}",
        "fr": "{where} : texte attendu, trouvé {value}",
    },
    "schema.bool_type": {
        "en": "{where}: expected true or false, got {value}",
        "fr": "{where} : true ou false attendu, trouvé {value}",
    },
    "schema.int_type": {
        "en": "{where}: expected a whole number, got {value}",
        "fr": "{where} : nombre entier attendu, trouvé {value}",
    },
    "schema.number_type": {
        "en": "{where}: expected a number, got {value}",
        "fr": "{where} : nombre attendu, trouvé {value}",
    },
    "schema.date_type": {
        "en": "{where}: expected a date, got {value}",
        "fr": "{where} : date attendue, trouvé {value}",
    },
    "schema.literal": {
        "en": "{where}: {value} is not one of {expected}",
        "fr": "{where} : {value} ne fait pas partie de {expected}",
    },
    "schema.range": {
        "en": "{where}: {value} is out of range (expected {limit})",
        "fr": "{where} : {value} hors limites (attendu {limit})",
    },
    "schema.pattern": {
        "en": "{where}: {value} does not have the expected form",
        "fr": "{where} : {value} n'a pas la forme attendue",
    },
    "schema.control_character": {
        "en": "{where}: control character U+{code} at position {position} (invisible characters such as terminal escapes are not allowed)",
        "fr": "{where} : caractère de contrôle U+{code} en position {position} (les caractères invisibles tels que les séquences d'échappement sont interdits)",
    },
    "schema.hint.control_character": {
        "en": "retype the text, or remove the character with your editor's 'show invisibles'",
        "fr": "retapez le texte, ou retirez le caractère en affichant les caractères invisibles dans l'éditeur",
    },
    "schema.empty_value": {"en": "{where}: no value", "fr": "{where} : aucune valeur"},
    "schema.hint.empty_value": {
        "en": "write the value after the colon, or remove the key if it is optional",
        "fr": "écrivez la valeur après les deux-points, ou retirez la clé si elle est facultative",
    },
    "schema.empty_text": {"en": "{where}: empty text", "fr": "{where} : texte vide"},
    "schema.too_long": {
        "en": "{where}: text too long ({detail})",
        "fr": "{where} : texte trop long ({detail})",
    },
    "schema.too_short": {"en": "{where}: {detail}", "fr": "{where} : {detail}"},
    "schema.list_type": {
        "en": "{where}: expected a list, got {value}",
        "fr": "{where} : liste attendue, trouvé {value}",
    },
    "schema.mapping_type": {
        "en": "{where}: expected a mapping of keys, got {value}",
        "fr": "{where} : ensemble de clés attendu, trouvé {value}",
    },
    "schema.hint.did_you_mean": {
        "en": "did you mean `{key}`?",
        "fr": "vouliez-vous dire `{key}` ?",
    },
    "schema.hint.allowed": {"en": "allowed keys: {keys}", "fr": "clés autorisées : {keys}"},
    "schema.hint.bool": {
        "en": "write true or false (yes/no/on/off are not booleans here)",
        "fr": "écrivez true ou false (yes/no/on/off ne sont pas des booléens ici)",
    },
    "schema.hint.string": {
        "en": "put the value in quotes to make it text",
        "fr": "mettez la valeur entre guillemets pour en faire un texte",
    },
    "schema.hint.date": {
        "en": "write the date as YYYY-MM-DD without quotes, e.g. 2026-03-31",
        "fr": "écrivez la date au format AAAA-MM-JJ sans guillemets, par ex. 2026-03-31",
    },
    "schema.hint.literal": {
        "en": "use one of {expected}",
        "fr": "utilisez une valeur parmi {expected}",
    },
    "schema.hint.range": {
        "en": "scores go from 1 to 5; amounts and efforts are not negative",
        "fr": "les notes vont de 1 à 5 ; montants et charges ne sont pas négatifs",
    },
    "schema.hint.pattern": {
        "en": "ids look like UC-007; e-mails like name@company.fr",
        "fr": "les identifiants ressemblent à UC-007 ; les e-mails à nom@entreprise.fr",
    },
    "schema.hint.int": {
        "en": "write a whole number without quotes, e.g. 3",
        "fr": "écrivez un nombre entier sans guillemets, par ex. 3",
    },
    "schema.hint.number": {
        "en": "write a number without quotes or units, e.g. 12000 (the unit goes in `unit:`)",
        "fr": "écrivez un nombre sans guillemets ni unité, par ex. 12000 (l'unité va dans `unit:`)",
    },
    "schema.hint.list": {
        "en": "write a list, one `- item` per line",
        "fr": "écrivez une liste, un `- élément` par ligne",
    },
    "schema.hint.mapping": {
        "en": "write indented `key: value` lines under this key",
        "fr": "écrivez des lignes `clé: valeur` indentées sous cette clé",
    },
    "schema.hint.empty_text": {
        "en": "write the text, or remove the key if it is optional",
        "fr": "écrivez le texte, ou retirez la clé si elle est facultative",
    },
    "schema.hint.too_long": {
        "en": "shorten it: titles and names are short, details go in `problem:` or a linked document",
        "fr": "raccourcissez : titres et noms sont courts, les détails vont dans `problem:` ou un document lié",
    },
    "schema.hint.too_short": {
        "en": "add at least one item",
        "fr": "ajoutez au moins un élément",
    },
    "schema.hint.missing": {
        "en": "add the key; docs/register-format.md describes every key",
        "fr": "ajoutez la clé ; docs/register-format.md décrit chaque clé",
    },
    # rules
    "rule.owner.summary": {
        "en": "every active use case names its business owner",
        "fr": "chaque cas d'usage actif a un owner métier",
    },
    "rule.owner.missing": {"en": "{id} has no business owner", "fr": "{id} n'a pas d'owner métier"},
    "rule.owner.hint": {
        "en": "add `owner: {{name: ..., role: ..., email: ...}}`: the person accountable for the result",
        "fr": "ajoutez `owner: {{name: ..., role: ..., email: ...}}` : la personne responsable du résultat",
    },
    "rule.kpi.summary": {
        "en": "every active use case has at least one KPI",
        "fr": "chaque cas d'usage actif a au moins un KPI",
    },
    "rule.kpi.missing": {"en": "{id} has no KPI", "fr": "{id} n'a aucun KPI"},
    "rule.kpi.hint": {
        "en": "add a `kpis:` entry with name, level, unit, baseline and target",
        "fr": "ajoutez une entrée `kpis:` avec name, level, unit, baseline et target",
    },
    "rule.baseline.summary": {
        "en": "from scoping on, every KPI has a baseline",
        "fr": "dès le cadrage, chaque KPI a une baseline",
    },
    "rule.baseline.missing": {
        "en": "KPI {kpi!r} has no baseline (status {status})",
        "fr": "le KPI {kpi!r} n'a pas de baseline (statut {status})",
    },
    "rule.baseline.hint": {
        "en": "measure the current value before the pilot and write it as `baseline:`",
        "fr": "mesurez la valeur actuelle avant le pilote et inscrivez-la en `baseline:`",
    },
    "rule.north_star.summary": {"en": "at most one North Star KPI", "fr": "un seul KPI North Star"},
    "rule.north_star.many": {
        "en": "more than one KPI is flagged north_star",
        "fr": "plusieurs KPI sont marqués north_star",
    },
    "rule.north_star.hint": {
        "en": "keep north_star: true on one KPI",
        "fr": "ne gardez north_star: true que sur un KPI",
    },
    "rule.id_unique.summary": {
        "en": "use-case ids are unique",
        "fr": "les identifiants sont uniques",
    },
    "rule.id_unique.dup": {
        "en": "id {id} is already used by {other}",
        "fr": "l'identifiant {id} est déjà utilisé par {other}",
    },
    "rule.id_unique.hint": {
        "en": "give this use case the next free id (`aip new` allocates one)",
        "fr": "donnez à ce cas d'usage le prochain identifiant libre (`aip new` en attribue un)",
    },
    "rule.id_filename.summary": {
        "en": "files are named <id>-<slug>.yaml",
        "fr": "les fichiers sont nommés <id>-<slug>.yaml",
    },
    "rule.id_filename.bad": {
        "en": "file name {name} does not match id {id}",
        "fr": "le nom de fichier {name} ne correspond pas à l'identifiant {id}",
    },
    "rule.id_filename.hint": {
        "en": "rename the file to {id}-short-title.yaml (lower case, dashes)",
        "fr": "renommez le fichier en {id}-titre-court.yaml (minuscules, tirets)",
    },
    "rule.depends_on.summary": {
        "en": "dependencies point to existing use cases",
        "fr": "les dépendances désignent des cas d'usage existants",
    },
    "rule.depends_on.missing": {
        "en": "depends on {target}, which is not in the register",
        "fr": "dépend de {target}, absent du registre",
    },
    "rule.depends_on.hint": {
        "en": "fix the id or remove it from plan.depends_on",
        "fr": "corrigez l'identifiant ou retirez-le de plan.depends_on",
    },
    "rule.cycle.summary": {
        "en": "dependencies have no cycle",
        "fr": "les dépendances ne forment pas de cycle",
    },
    "rule.cycle.found": {"en": "dependency cycle: {cycle}", "fr": "cycle de dépendances : {cycle}"},
    "rule.cycle.hint": {
        "en": "remove one dependency of the cycle",
        "fr": "retirez une dépendance du cycle",
    },
    "rule.criterion.summary": {
        "en": "scores use the criteria of the grid",
        "fr": "les notes utilisent les critères de la grille",
    },
    "rule.criterion.unknown": {
        "en": "{key!r} is not a criterion of config/weights.yaml",
        "fr": "{key!r} n'est pas un critère de config/weights.yaml",
    },
    "rule.wave.summary": {
        "en": "waves exist in the configuration",
        "fr": "les vagues existent dans la configuration",
    },
    "rule.wave.unknown": {
        "en": "wave {wave} is not defined in config/portfolio.yaml",
        "fr": "la vague {wave} n'est pas définie dans config/portfolio.yaml",
    },
    "rule.wave.hint": {"en": "defined waves: {waves}", "fr": "vagues définies : {waves}"},
    "rule.review.summary": {
        "en": "high risk, red data or AI Act high tier: security and legal reviews before pilot",
        "fr": "risque élevé, données rouges ou niveau AI Act élevé : revues sécurité et juridique avant le pilote",
    },
    "rule.review.security_review": {
        "en": "status {status} but no security review date (review required by the risk level)",
        "fr": "statut {status} sans date de revue sécurité (revue exigée par le niveau de risque)",
    },
    "rule.review.legal_review": {
        "en": "status {status} but no legal review date (review required by the risk level)",
        "fr": "statut {status} sans date de revue juridique (revue exigée par le niveau de risque)",
    },
    "rule.review.hint": {
        "en": "hold the review and record `risk.security_review` / `risk.legal_review` dates, or go back to scoping",
        "fr": "faites la revue et inscrivez les dates `risk.security_review` / `risk.legal_review`, ou revenez en cadrage",
    },
    "rule.prohibited.summary": {
        "en": "AI Act prohibited practices are refused",
        "fr": "les pratiques interdites par l'AI Act sont refusées",
    },
    "rule.prohibited.found": {
        "en": "EU AI Act prohibited practice (Art. 5): this use case cannot proceed",
        "fr": "pratique interdite par l'AI Act (art. 5) : ce cas d'usage ne peut pas continuer",
    },
    "rule.prohibited.hint": {
        "en": "stop it (`aip decide UC-ID stop`) or reframe it and reassess the tier with legal",
        "fr": "arrêtez-le (`aip decide UC-ID stop`) ou recadrez-le et réévaluez le niveau avec le juridique",
    },
    "rule.unassessed.summary": {
        "en": "from scoping on, risk level and data classification are set",
        "fr": "dès le cadrage, niveau de risque et classification des données sont renseignés",
    },
    "rule.unassessed.level": {"en": "risk level not assessed", "fr": "niveau de risque non évalué"},
    "rule.unassessed.data": {
        "en": "data classification not set",
        "fr": "classification des données non renseignée",
    },
    "rule.unassessed.hint": {
        "en": "set risk.level (low|medium|high) and data.classification (green|orange|red)",
        "fr": "renseignez risk.level (low|medium|high) et data.classification (green|orange|red)",
    },
    "rule.decision_past.summary": {
        "en": "decision dates are not in the past",
        "fr": "les dates de décision ne sont pas dépassées",
    },
    "rule.decision_past.found": {
        "en": "decision date {date} passed {days} day(s) ago",
        "fr": "date de décision {date} dépassée depuis {days} jour(s)",
    },
    "rule.decision_past.hint": {
        "en": "record the decision: aip decide {id} go|iterate|scale|stop --note ...",
        "fr": "enregistrez la décision : aip decide {id} go|iterate|scale|stop --note ...",
    },
    "rule.decision_missing.summary": {
        "en": "from scoping on, a next decision date is set",
        "fr": "dès le cadrage, une prochaine date de décision est fixée",
    },
    "rule.decision_missing.found": {"en": "no decision date", "fr": "pas de date de décision"},
    "rule.decision_missing.hint": {
        "en": "set `decision_date:` to the next committee that decides on it",
        "fr": "fixez `decision_date:` au prochain comité qui en décide",
    },
}
