"""Messages of the score domain: ``aip score`` (ranking, --explain, --matrix), ``aip balance``
and ``aip table``. Category, status, risk and axis names are the shared ``label.*`` keys."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- ranking -------------------------------------------------------------------------
    "score.md.title": {"en": "Use-case ranking", "fr": "Classement des cas d'usage"},
    "score.title": {
        "en": "Ranking: {shown} shown of {active} active use cases ({ranked} fully scored)",
        "fr": "Classement : {shown} affichés sur {active} cas d'usage actifs ({ranked} entièrement notés)",
    },
    "score.empty": {
        "en": "No active use case matches.",
        "fr": "Aucun cas d'usage actif ne correspond.",
    },
    "score.col.rank": {"en": "#", "fr": "#"},
    "score.col.id": {"en": "ID", "fr": "ID"},
    "score.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "score.col.total": {"en": "Total", "fr": "Total"},
    "score.col.category": {"en": "Category", "fr": "Catégorie"},
    "score.col.status": {"en": "Status", "fr": "Statut"},
    "score.col.wave": {"en": "Wave", "fr": "Vague"},
    "score.col.owner": {"en": "Owner", "fr": "Owner métier"},
    "score.col.notes": {"en": "Notes", "fr": "Remarques"},
    "score.col.criterion": {"en": "Criterion", "fr": "Critère"},
    "score.col.axis": {"en": "Axis", "fr": "Axe"},
    "score.col.weight": {"en": "Weight", "fr": "Poids"},
    "score.col.score": {"en": "Score", "fr": "Note"},
    "score.col.contribution": {"en": "Contribution", "fr": "Contribution"},
    "score.col.meaning": {"en": "What the score means", "fr": "Ce que la note signifie"},
    "score.col.source": {"en": "Source", "fr": "Origine"},
    "score.note.below_floor": {
        "en": "feasibility {feasibility} below the floor {floor}: ranked after all feasible entries",
        "fr": "faisabilité {feasibility} sous le plancher {floor} : classé après tous les cas faisables",
    },
    "score.note.missing": {
        "en": "not ranked, missing: {criteria}",
        "fr": "non classé, manque : {criteria}",
    },
    "score.note.disagreement": {
        "en": "raters split on {criterion} ({raters}): median used, to discuss in committee",
        "fr": "évaluateurs divisés sur {criterion} ({raters}) : médiane retenue, à discuter en comité",
    },
    "score.note.operated": {
        "en": "✓ already delivered (operated)",
        "fr": "✓ déjà livré (en exploitation)",
    },
    "score.legend.total": {
        "en": "Total = weighted mean of every criterion (1 to 5). A score is a filter, not a decision.",
        "fr": "Total = moyenne pondérée de tous les critères (1 à 5). Un score est un filtre, pas une décision.",
    },
    "score.legend.floor": {
        "en": "Feasibility below the floor ({floor}): ranked after every feasible entry, whatever its total.",
        "fr": "Faisabilité sous le plancher ({floor}) : classé après tous les cas faisables, quel que soit le total.",
    },
    "score.legend.wave": {
        "en": "Wave — = not planned in a wave yet (aip plan proposes one).",
        "fr": "Vague — = pas encore planifié dans une vague (aip plan en propose une).",
    },
    "score.legend.operated": {
        "en": "✓ = already delivered (operated): kept in the ranking for comparison, not a priority to start.",
        "fr": "✓ = déjà livré (en exploitation) : gardé dans le classement pour comparaison, pas une priorité à lancer.",
    },
    "score.why.title": {"en": "Why", "fr": "Pourquoi"},
    "score.why.line": {
        "en": "{id}, rank {rank}: {reasons}.",
        "fr": "{id}, rang {rank} : {reasons}.",
    },
    "score.why.sep": {"en": "; ", "fr": " ; "},
    "score.why.strong": {"en": "strong on {items}", "fr": "fort sur {items}"},
    "score.why.held_back": {"en": "held back by {items}", "fr": "freiné par {items}"},
    "score.why.nothing_weak": {
        "en": "nothing scored under 4",
        "fr": "aucun critère sous 4",
    },
    "score.why.item": {
        "en": "{criterion} {score} ({meaning})",
        "fr": "{criterion} {score} ({meaning})",
    },
    "score.missing.line": {
        "en": "{id} is not ranked until it is fully scored: {hints}.",
        "fr": "{id} n'est pas classé tant qu'il n'est pas entièrement noté : {hints}.",
    },
    "score.missing.plain": {"en": "give scores.{criterion}", "fr": "renseignez scores.{criterion}"},
    "score.missing.measured": {
        "en": "give scores.{criterion} or estimates.{input}",
        "fr": "renseignez scores.{criterion} ou estimates.{input}",
    },
    "score.unknown_key": {
        "en": "{id}: {key} is not a criterion of config/weights.yaml and is ignored.",
        "fr": "{id} : {key} n'est pas un critère de config/weights.yaml et est ignoré.",
    },
    "score.unknown_key.hint": {"en": " Did you mean {key}?", "fr": " Vouliez-vous dire {key} ?"},
    "score.error.explain_csv": {
        "en": "--explain supports --format table, json or md",
        "fr": "--explain accepte --format table, json ou md",
    },
    "score.error.explain_matrix": {
        "en": "use --explain or --matrix, not both",
        "fr": "utilisez --explain ou --matrix, pas les deux",
    },
    "score.error.top": {
        "en": "--top must be 1 or more (got {value})",
        "fr": "--top doit valoir au moins 1 (reçu {value})",
    },
    "score.summary": {
        "en": "{ranked} ranked, {below} below the feasibility floor, {missing} not fully scored, {split} with raters in disagreement",
        "fr": "{ranked} classés, {below} sous le plancher de faisabilité, {missing} incomplètement notés, {split} avec évaluateurs en désaccord",
    },
    # --- --explain -----------------------------------------------------------------------
    "score.source.ratings": {
        "en": "median of {count} raters ({raters})",
        "fr": "médiane de {count} évaluateurs ({raters})",
    },
    "score.source.measure": {
        "en": "from estimates.{input} = {value}",
        "fr": "d'après estimates.{input} = {value}",
    },
    "score.source.score": {"en": "score given", "fr": "note donnée"},
    "score.source.missing": {
        "en": "missing (not counted as zero)",
        "fr": "manquante (pas comptée comme zéro)",
    },
    "score.explain.rank": {"en": "rank {rank} of {ranked}", "fr": "rang {rank} sur {ranked}"},
    "score.explain.unranked": {
        "en": "not ranked (incomplete)",
        "fr": "non classé (notation incomplète)",
    },
    "score.explain.stopped": {"en": "stopped, not ranked", "fr": "arrêté, non classé"},
    "score.explain.summary": {
        "en": "{place} · total {total} · value {value} · feasibility {feasibility} (floor {floor}) · {category} · {status}",
        "fr": "{place} · total {total} · valeur {value} · faisabilité {feasibility} (plancher {floor}) · {category} · {status}",
    },
    "score.explain.changes": {
        "en": "What would change the rank",
        "fr": "Ce qui changerait le rang",
    },
    "score.explain.what_if": {
        "en": "{criterion} from {current} to {new} (+{delta}): rank {rank}, total {total}",
        "fr": "{criterion} de {current} à {new} (+{delta}) : rang {rank}, total {total}",
    },
    "score.explain.floor": {
        "en": "Feasibility {feasibility} is below the floor {floor}: the entry ranks after every feasible one. To clear the floor:",
        "fr": "La faisabilité {feasibility} est sous le plancher {floor} : le cas est classé après tous les cas faisables. Pour franchir le plancher :",
    },
    "score.explain.floor_out_of_reach": {
        "en": "no single feasibility criterion can lift it to the floor; several must improve",
        "fr": "aucun critère de faisabilité ne suffit seul à atteindre le plancher ; il faut en améliorer plusieurs",
    },
    "score.explain.to_pass": {
        "en": "To pass {id} (rank {rank}, total {total}), one criterion alone:",
        "fr": "Pour dépasser {id} (rang {rank}, total {total}), un seul critère :",
    },
    "score.explain.no_single_change": {
        "en": "no single criterion is enough; several must improve",
        "fr": "aucun critère ne suffit seul ; il faut en améliorer plusieurs",
    },
    "score.explain.same_as_floor": {
        "en": "any change above that clears the floor is enough",
        "fr": "chacun des changements ci-dessus qui franchit le plancher suffit",
    },
    "score.explain.first": {
        "en": "First of the ranking: nothing ranks above it.",
        "fr": "Premier du classement : rien n'est classé au-dessus.",
    },
    "score.explain.lead": {
        "en": "Lead over {id} (rank {rank}): {lead} point(s) of total.",
        "fr": "Avance sur {id} (rang {rank}) : {lead} point(s) de total.",
    },
    "score.explain.completion": {
        "en": "Not ranked: {criteria} missing. Once scored it would rank between {best} (all at 5) and {worst} (all at 1).",
        "fr": "Non classé : {criteria} manquant(s). Une fois noté, il se classerait entre le rang {best} (tout à 5) et le rang {worst} (tout à 1).",
    },
    "score.explain.stopped_hint": {
        "en": "Stopped use cases are not ranked; change its status to rank it again.",
        "fr": "Les cas d'usage arrêtés ne sont pas classés ; changez son statut pour le reclasser.",
    },
    # --- --matrix ------------------------------------------------------------------------
    "score.matrix.title": {
        "en": "Value × feasibility",
        "fr": "Valeur × faisabilité",
    },
    "score.matrix.high_value": {"en": "High value (≥ {split})", "fr": "Valeur haute (≥ {split})"},
    "score.matrix.low_value": {"en": "Low value (< {split})", "fr": "Valeur basse (< {split})"},
    "score.matrix.high_feasibility": {
        "en": "High feasibility (≥ {split})",
        "fr": "Faisabilité haute (≥ {split})",
    },
    "score.matrix.low_feasibility": {
        "en": "Low feasibility (< {split})",
        "fr": "Faisabilité basse (< {split})",
    },
    "score.matrix.axis.low_value": {"en": "Low value", "fr": "Valeur basse"},
    "score.matrix.axis.high_value": {"en": "High value", "fr": "Valeur haute"},
    "score.matrix.axis.low_feasibility": {"en": "Low feasibility", "fr": "Faisabilité basse"},
    "score.matrix.axis.high_feasibility": {"en": "High feasibility", "fr": "Faisabilité haute"},
    "score.matrix.short_value": {"en": "V", "fr": "V"},
    "score.matrix.short_feasibility": {"en": "F", "fr": "F"},
    "score.matrix.legend": {
        "en": "V = value axis, F = feasibility axis (1 to 5); ▼ = below the feasibility floor ({floor}).",
        "fr": "V = axe valeur, F = axe faisabilité (1 à 5) ; ▼ = sous le plancher de faisabilité ({floor}).",
    },
    "score.matrix.unplaced": {
        "en": "Not placed (an axis is missing a score): {ids}",
        "fr": "Non placés (une note manque sur un axe) : {ids}",
    },
    "score.quadrant.priorities": {"en": "Priorities", "fr": "Priorités"},
    "score.quadrant.priorities.why": {
        "en": "High value and feasible now: pilot first, with a baseline.",
        "fr": "Forte valeur et faisable maintenant : à piloter en premier, avec une baseline.",
    },
    "score.quadrant.strategic_bets": {"en": "Strategic bets", "fr": "Paris stratégiques"},
    "score.quadrant.strategic_bets.why": {
        "en": "High value but hard today: fund the foundations (data, connectors) first.",
        "fr": "Forte valeur mais difficile aujourd'hui : financer d'abord le socle (données, connecteurs).",
    },
    "score.quadrant.easy_extras": {"en": "Easy extras", "fr": "Gains faciles"},
    "score.quadrant.easy_extras.why": {
        "en": "Easy but modest: only if capacity is left, with strict measurement.",
        "fr": "Faciles mais modestes : seulement s'il reste de la capacité, avec une mesure stricte.",
    },
    "score.quadrant.park": {"en": "Park", "fr": "En attente"},
    "score.quadrant.park.why": {
        "en": "Low value and hard: park it, or stop and reframe it.",
        "fr": "Faible valeur et difficile : mettre de côté, ou arrêter et recadrer.",
    },
    # --- aip balance -----------------------------------------------------------------------
    "score.balance.title": {
        "en": "Category balance of the active portfolio: {count} use case(s), TCO {budget}; target ± {tolerance} points",
        "fr": "Équilibre des catégories du portefeuille actif : {count} cas d'usage, TCO {budget} ; cible ± {tolerance} points",
    },
    "score.balance.md.title": {"en": "Portfolio balance", "fr": "Équilibre du portefeuille"},
    "score.balance.by_count": {"en": "By count", "fr": "En nombre"},
    "score.balance.by_budget": {
        "en": "By budget (TCO over each use case's horizon)",
        "fr": "En budget (TCO sur l'horizon de chaque cas d'usage)",
    },
    "score.balance.no_budget": {
        "en": "No costs recorded: the budget mix cannot be judged.",
        "fr": "Aucun coût renseigné : l'équilibre en budget ne peut pas être évalué.",
    },
    "score.balance.empty": {
        "en": "No active use case: there is no mix to judge.",
        "fr": "Aucun cas d'usage actif : pas d'équilibre à évaluer.",
    },
    "score.balance.col.group": {"en": "Group", "fr": "Groupe"},
    "score.balance.col.target": {"en": "Target", "fr": "Cible"},
    "score.balance.col.count": {"en": "Count", "fr": "Nombre"},
    "score.balance.col.count_share": {"en": "Share (count)", "fr": "Part (nombre)"},
    "score.balance.col.budget": {"en": "Budget", "fr": "Budget"},
    "score.balance.col.budget_share": {"en": "Share (budget)", "fr": "Part (budget)"},
    "score.balance.col.state": {"en": "State", "fr": "État"},
    "score.balance.ok": {"en": "ok", "fr": "ok"},
    "score.balance.over": {"en": "over by {gap} pts", "fr": "excès de {gap} pts"},
    "score.balance.under": {"en": "under by {gap} pts", "fr": "manque {gap} pts"},
    "score.balance.legend": {
        "en": "│ marks the target; the mix is within tolerance when every group is within ± {tolerance} points of it.",
        "fr": "│ marque la cible ; l'équilibre est respecté quand chaque groupe est à ± {tolerance} points de sa cible.",
    },
    "score.balance.md.legend": {
        "en": "The mix is within tolerance when every group is within ± {tolerance} points of its target.",
        "fr": "L'équilibre est respecté quand chaque groupe est à ± {tolerance} points de sa cible.",
    },
    "score.balance.restore": {"en": "To restore the balance", "fr": "Pour rétablir l'équilibre"},
    "score.balance.move.add": {
        "en": "by count: add {count} {group} use case(s)",
        "fr": "en nombre : ajouter {count} cas d'usage {group}",
    },
    "score.balance.move.withdraw": {
        "en": "by count: stop or defer {count} {group} use case(s)",
        "fr": "en nombre : arrêter ou reporter {count} cas d'usage {group}",
    },
    "score.balance.move.candidates": {
        "en": " (lowest-ranked not yet piloted: {ids})",
        "fr": " (les moins bien classés pas encore en pilote : {ids})",
    },
    "score.balance.move.unreachable": {
        "en": "by count: no simple move restores the mix; revisit the targets or the portfolio",
        "fr": "en nombre : aucun mouvement simple ne rétablit l'équilibre ; revoir les cibles ou le portefeuille",
    },
    "score.balance.move.budget": {
        "en": "by budget: move {amount} of TCO from {source} to {target}",
        "fr": "en budget : déplacer {amount} de TCO de {source} vers {target}",
    },
    "score.balance.consistency": {
        "en": "Category consistency",
        "fr": "Cohérence des catégories",
    },
    "score.balance.summary.ok": {
        "en": "balance within tolerance",
        "fr": "équilibre dans la tolérance",
    },
    "score.balance.summary.off": {
        "en": "balance outside tolerance ({which})",
        "fr": "équilibre hors tolérance ({which})",
    },
    "score.balance.which.count": {"en": "by count", "fr": "en nombre"},
    "score.balance.which.budget": {"en": "by budget", "fr": "en budget"},
    # --- category consistency ------------------------------------------------------------
    "score.consistency.slow_quick_win": {
        "en": "{id} is a quick win but its time-to-impact scores {score} (more than 8 weeks to a measured pilot)",
        "fr": "{id} est un gain rapide mais son délai d'impact vaut {score} (plus de 8 semaines avant un pilote mesuré)",
    },
    "score.consistency.slow_quick_win.hint": {
        "en": "shorten the pilot, or change the category to foundation or differentiator",
        "fr": "raccourcissez le pilote, ou passez la catégorie en foundation ou differentiator",
    },
    "score.consistency.risky_quick_win": {
        "en": "{id} is a quick win but triggers the risk review (high risk, red data or AI Act high tier)",
        "fr": "{id} est un gain rapide mais déclenche la revue des risques (risque élevé, données rouges ou niveau AI Act élevé)",
    },
    "score.consistency.risky_quick_win.hint": {
        "en": "quick wins are meant to stop easily; lower the risk first or steer it as a differentiator",
        "fr": "un gain rapide doit pouvoir s'arrêter facilement ; réduisez d'abord le risque ou pilotez-le comme un différenciant",
    },
    "score.consistency.compliance_without_risk_kpi": {
        "en": "{id} is a risk & compliance item with no KPI marked risk_reduction: true",
        "fr": "{id} relève de risque & conformité mais n'a aucun KPI marqué risk_reduction: true",
    },
    "score.consistency.compliance_without_risk_kpi.hint": {
        "en": "add a KPI that measures the risk reduced (incidents, non-compliant answers...) with risk_reduction: true",
        "fr": "ajoutez un KPI qui mesure le risque réduit (incidents, réponses non conformes...) avec risk_reduction: true",
    },
    "score.consistency.low_value_differentiator": {
        "en": "{id} is a differentiator but its business value scores {score}",
        "fr": "{id} est un différenciant mais sa valeur business vaut {score}",
    },
    "score.consistency.low_value_differentiator.hint": {
        "en": "a lasting competitive edge should show in the value score; revisit the score or the category",
        "fr": "un avantage concurrentiel durable doit se voir dans la valeur ; revoyez la note ou la catégorie",
    },
    # --- aip table -------------------------------------------------------------------------
    "score.table.title": {
        "en": "Portfolio: one line per use case",
        "fr": "Portefeuille : une ligne par cas d'usage",
    },
    "score.table.empty": {
        "en": "No use case matches.",
        "fr": "Aucun cas d'usage ne correspond.",
    },
    "score.table.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "score.table.col.owner": {"en": "Owner", "fr": "Owner métier"},
    "score.table.col.kpi": {"en": "KPI North Star", "fr": "KPI North Star"},
    "score.table.col.baseline": {"en": "Baseline", "fr": "Baseline"},
    "score.table.col.gain": {"en": "Gain hypothesis", "fr": "Hypothèse de gain"},
    "score.table.col.data": {"en": "Data & integrations", "fr": "Données & intégrations"},
    "score.table.col.risk": {"en": "Risk", "fr": "Risque"},
    "score.table.col.next_step": {"en": "Next step", "fr": "Prochaine étape"},
    "score.table.col.decision_date": {"en": "Decision date", "fr": "Date de décision"},
    "score.table.risk.low": {"en": "L", "fr": "F"},
    "score.table.risk.medium": {"en": "M", "fr": "M"},
    "score.table.risk.high": {"en": "H", "fr": "É"},
    "score.table.risk.unknown": {"en": "?", "fr": "?"},
    "score.table.per_year": {"en": "{amount}/year", "fr": "{amount}/an"},
    "score.table.legend": {
        "en": "Risk: L low, M medium, H high, ? not assessed. — : not filled in.",
        "fr": "Risque : F faible, M moyen, É élevé, ? non évalué. — : non renseigné.",
    },
}
