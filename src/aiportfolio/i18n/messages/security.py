"""Messages about hostile or damaged input: nesting, numbers, links, internal errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "yaml.too-deep": {
        "en": "nested deeper than {detail} levels",
        "fr": "imbrication de plus de {detail} niveaux",
    },
    "yaml.too-deep.hint": {
        "en": "a use case nests a few levels at most: remove the extra brackets or indentation",
        "fr": "un cas d'usage n'a que quelques niveaux : retirez les crochets ou l'indentation en trop",
    },
    "yaml.number-too-large": {
        "en": "number too large ({detail} digits)",
        "fr": "nombre trop grand ({detail} chiffres)",
    },
    "yaml.number-too-large.hint": {
        "en": "write an amount of at most 30 digits, or quote the value if it is a text",
        "fr": "écrivez un montant de 30 chiffres au plus, ou mettez la valeur entre guillemets si c'est un texte",
    },
    "error.internal": {
        "en": "internal error, please report it with the command you ran (exit 3): {detail}",
        "fr": "erreur interne, merci de la signaler avec la commande lancée (code 3) : {detail}",
    },
    "error.ids_exhausted": {
        "en": "no free id for {count} new use case(s): {highest} is taken and ids stop at UC-999999; give the new rows free ids of your own",
        "fr": "aucun identifiant libre pour {count} nouveau(x) cas d'usage : {highest} est pris et les identifiants s'arrêtent à UC-999999 ; donnez vous-même des identifiants libres aux nouvelles lignes",
    },
}
