"""The content contract: what authors may write, declared once for every kind.

Each kind of content (page, milestone, event) is a ``Kind``: where its files
live, what its text must be, and its fields. Each ``Spec`` says the field's
name as authors write it, whether it is required, its type, the formats it
accepts (in French, as error messages and the authors' guide say them), its
help line, and the words authors reach for instead (« Lieu », « Début »).

This is the only place a field is declared. Reading (``model/contents.py``),
checking (``checking/file_rules.py``), the scaffolds and their ``--help``
(``checking/scaffold.py``, ``tasks.py``), the authors' field tables (a test
compares them) and the JSON Schema export (``json_schema``) all read it.
Rules across fields (End after Start, a month with a month, cancelled dates
on the rule) are code, in the content classes; each kind names them in
``rules`` so that the contract says they exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .dates import EXPECTED, Precision, expected_formats


class Type(Enum):
    """How a field's value is read; each type has one parser (``values.py``)."""

    TEXT = "text"
    MARKDOWN = "markdown"  # Rendered by Pelican (``Summary``), may span lines.
    DATE = "date"
    URL = "url"
    RULE = "rule"  # An RFC 5545 ``RRULE`` (``recurrence.py``).
    CANCELLED = "cancelled"  # ``yes``, or dates of a rule's occurrences.
    YES = "yes"  # ``yes`` (or ``no``): a status that holds or not.
    DATES = "dates"  # Further starts, comma-separated, at ``Start``'s precision.
    TAGS = "tags"  # Comma-separated, read by Pelican.
    STATUS = "status"
    TEMPLATE = "template"  # A template of the theme.
    SITE_PATH = "site_path"  # A path inside the site (``Save_as``, ``URL``).
    DAY = "day"  # ``AAAA-MM-JJ``, read by Pelican (``Modified``).
    WEB_URL = "web_url"  # ``https://…`` (or ``http://``) only: a page to open.
    VENUE = "venue"  # The name of a file of ``content/venues/``, without ``.md``.
    ACCESSIBILITY = "accessibility"  # OpenAgenda's five kinds, or ``aucune``.
    AGE = "age"  # ``6-12``, ``16+`` or ``tout public`` (``audience.py``).
    POSTAL_CODE = "postal_code"  # Five digits, French.


@dataclass(frozen=True)
class Spec:
    """One header field of one kind."""

    name: str  # As authors write it: « Start ».
    type: Type
    formats: str  # What it accepts, in French: « AAAA-MM-JJ HH:MM, AAAA-MM ».
    help: str  # One line for the authors' guide and ``--help``.
    required: bool = False
    synonyms: tuple[str, ...] = ()  # Lower-case words meant as this field.
    precisions: tuple[Precision, ...] = ()  # For dates: those accepted.

    @property
    def key(self) -> str:
        """The name as Pelican reads it (lower case): the metadata key."""
        return self.name.lower()


@dataclass(frozen=True)
class Kind:
    """A kind of content: where it lives, what its files may say."""

    name: str  # « page », « milestone », « event ».
    setting_prefix: str  # PAGE, MILESTONE, EVENT: ``<prefix>_PATHS``…
    plural: str  # « des pages », for messages.
    fields: tuple[Spec, ...]
    # What the text must be when it may not be empty; None when it may.
    text_expected: str | None
    statuses: tuple[str, ...] = ("published", "draft")
    rules: tuple[str, ...] = field(default=())

    @cached_property
    def by_key(self) -> dict[str, Spec]:
        """The fields by metadata key (lower case)."""
        return {spec.key: spec for spec in self.fields}

    @property
    def names(self) -> tuple[str, ...]:
        """The fields' names, in the documented order."""
        return tuple(spec.name for spec in self.fields)

    def spec(self, key: str) -> Spec | None:
        """Return the field ``key`` names (any case), if this kind has it."""
        return self.by_key.get(key.lower())

    def meant(self, word: str) -> Spec | None:
        """Return the field meant by ``word``: its name or one of its synonyms."""
        lowered = word.lower()
        found = self.spec(lowered)
        if found is not None:
            return found
        return next((s for s in self.fields if lowered in s.synonyms), None)


# Words authors write for a status, and the status meant.
STATUS_WORDS = {
    "brouillon": "draft",
    "publié": "published",
    "publie": "published",
    "caché": "hidden",
    "cache": "hidden",
}

_DATE_EVENT = (Precision.MINUTE, Precision.DAY, Precision.MONTH)
_DATE_MILESTONE = (Precision.DAY, Precision.MONTH, Precision.YEAR)

TITLE = Spec(
    "Title",
    Type.TEXT,
    "un titre",
    "texte",
    required=True,
    synonyms=("titre",),
)
SUMMARY = Spec(
    "Summary",
    Type.MARKDOWN,
    "texte en Markdown",
    "résumé en une phrase (sinon, le début du texte)",
    synonyms=("resume", "résumé"),
)
STATUS = Spec(
    "Status",
    Type.STATUS,
    "draft",
    "`draft` : brouillon, absent du site",
    synonyms=("statut", "etat", "état"),
)

# A picture of the content (issue 17): shared by every kind, appended last to
# each so that the other fields keep their documented order.
IMAGE_FIELDS = (
    Spec(
        "Image",
        Type.TEXT,
        "le nom d'un fichier JPEG, PNG ou WebP du dossier content/images/",
        "nom d'un fichier de `content/images/` (`affiche-soupe.jpg`) : JPEG, PNG "
        "ou WebP, 50 mégapixels et 30 Mo au plus",
        synonyms=("affiche", "photo", "illustration"),
    ),
    Spec(
        "ImageAlt",
        Type.TEXT,
        "une description de l'image",
        "obligatoire avec `Image` : ce que l'image montre, pour qui ne la voit "
        "pas (voir « Les images »)",
        synonyms=("alt", "texte-alternatif"),
    ),
    Spec(
        "ImageCredit",
        Type.TEXT,
        "texte",
        "auteur ou source de l'image, affiché « Crédit : … »",
        synonyms=("credit", "crédit", "copyright"),
    ),
)

# OpenAgenda's five kinds of disability an event or a venue welcomes.
ACCESSIBILITY = Spec(
    "Accessibility",
    Type.ACCESSIBILITY,
    "moteur, auditif, visuel, psychique, mental, ou aucune",
    "handicaps pour lesquels le lieu est adapté, séparés par des virgules : "
    "`moteur`, `auditif`, `visuel`, `psychique`, `mental` ; `aucune` s'il ne "
    "l'est pour aucun ; un événement dans un lieu de `content/venues/` reprend "
    "celle du lieu s'il ne dit rien",
    synonyms=("accessibilite", "accessibilité", "handicap", "handicaps"),
)

PAGE = Kind(
    name="page",
    setting_prefix="PAGE",
    plural="des pages",
    text_expected=(
        "le texte de la page, en Markdown, après une ligne vide sous les champs"
    ),
    statuses=("published", "hidden", "draft"),
    fields=(
        TITLE,
        SUMMARY,
        Spec(
            "Template",
            Type.TEMPLATE,
            "un gabarit du thème",
            "gabarit du thème qui présente la page (`agenda`, `timeline`)",
            synonyms=("gabarit", "modele", "modèle"),
        ),
        Spec(
            "Save_as",
            Type.SITE_PATH,
            "un chemin dans le site, comme index.html",
            "fichier écrit à la place de `<nom>/index.html` (`index.html`, `404.html`)",
        ),
        Spec(
            "URL",
            Type.SITE_PATH,
            "un chemin dans le site, comme « / » ou agenda/",
            "adresse de la page quand `Save_as` la change",
        ),
        Spec(
            "Status",
            Type.STATUS,
            "draft ou hidden",
            "`draft` : brouillon ; `hidden` : publiée hors des listes",
            synonyms=STATUS.synonyms,
        ),
        Spec(
            "Modified",
            Type.DAY,
            EXPECTED[Precision.DAY],
            "date de la dernière modification, pour le plan du site",
        ),
        *IMAGE_FIELDS,
    ),
    rules=("a template of the theme", "a path inside the site"),
)

MILESTONE = Kind(
    name="milestone",
    setting_prefix="MILESTONE",
    plural="des jalons",
    text_expected=None,
    fields=(
        TITLE,
        Spec(
            "Date",
            Type.DATE,
            expected_formats(_DATE_MILESTONE),
            "`AAAA`, `AAAA-MM` ou `AAAA-MM-JJ`, à la précision connue",
            required=True,
            synonyms=("start", "debut", "début", "date"),
            precisions=_DATE_MILESTONE,
        ),
        SUMMARY,
        STATUS,
        *IMAGE_FIELDS,
    ),
)

EVENT = Kind(
    name="event",
    setting_prefix="EVENT",
    plural="des événements",
    text_expected=(
        "une description de l'événement, après une ligne vide sous les champs"
    ),
    fields=(
        TITLE,
        Spec(
            "Start",
            Type.DATE,
            expected_formats(_DATE_EVENT),
            "`AAAA-MM`, `AAAA-MM-JJ` ou `AAAA-MM-JJ HH:MM`, heure de Paris ; pour "
            "un événement récurrent, la première occurrence (au jour ou à la "
            "minute)",
            required=True,
            synonyms=("debut", "début", "date"),
            precisions=_DATE_EVENT,
        ),
        Spec(
            "End",
            Type.DATE,
            expected_formats(_DATE_EVENT),
            "mêmes formats ; sans `End`, l'événement finit avec son jour (ou son "
            "mois) ; pour un événement récurrent, la fin de la première "
            "occurrence (chaque occurrence dure autant)",
            synonyms=("fin",),
            precisions=_DATE_EVENT,
        ),
        Spec(
            "Venue",
            Type.VENUE,
            "le nom d'un fichier du dossier content/venues/, sans .md",
            "lieu décrit dans `content/venues/` : le nom de son fichier sans `.md` "
            "(`salle-jean-morlet`) ; à la place de `Location` et `Address`",
            synonyms=("endroit",),
        ),
        Spec(
            "Location",
            Type.TEXT,
            "texte",
            "nom du lieu, pour un lieu qui n'a pas son fichier dans `content/venues/`",
            synonyms=("lieu", "salle"),
        ),
        Spec(
            "Address",
            Type.TEXT,
            "texte",
            "adresse postale, avec `Location`",
            synonyms=("adresse",),
        ),
        Spec(
            "Online",
            Type.WEB_URL,
            "une adresse https://…",
            "lien pour participer en ligne (`https://…`) ; avec un lieu, "
            "l'événement est à la fois sur place et en ligne",
            synonyms=("en-ligne", "enligne", "visio", "visioconference"),
        ),
        Spec(
            "Recurrence",
            Type.RULE,
            "une règle RRULE, par exemple FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231",
            "règle RFC 5545 (`RRULE`), par exemple "
            "`FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231` : chaque dernier vendredi "
            "du mois jusqu'au 31 décembre 2019 inclus (voir « L'agenda »)",
            synonyms=("recurrence", "récurrence", "repetition", "répétition", "rrule"),
        ),
        Spec(
            "Dates",
            Type.DATES,
            "des dates AAAA-MM-JJ HH:MM ou AAAA-MM-JJ, à la précision de Start, "
            "séparées par des virgules",
            "autres occurrences, après `Start`, à sa précision, séparées par des "
            "virgules (`2027-03-10 14:00, 2027-03-24 14:00`) ; chacune dure "
            "autant que la première ; avec ou sans `Recurrence`",
            synonyms=("occurrences", "rdate"),
            precisions=(Precision.MINUTE, Precision.DAY),
        ),
        Spec(
            "Cancelled",
            Type.CANCELLED,
            "yes, ou des dates AAAA-MM-JJ séparées par des virgules",
            "`yes` pour un événement unique annulé, ou la liste des dates "
            "annulées d'un événement récurrent ou à plusieurs dates (`2019-12-27, "
            "2020-01-31`)",
            synonyms=("annule", "annulé", "annulation", "canceled"),
        ),
        Spec(
            "Postponed",
            Type.YES,
            "yes",
            "`yes` : reporté à une date encore inconnue ; reste à sa date, marqué "
            "« Reporté, nouvelle date à venir »",
            synonyms=("reporte", "reporté", "report"),
        ),
        Spec(
            "Rescheduled",
            Type.DATE,
            expected_formats(_DATE_EVENT),
            "l'ancien début, quand `Start` donne la nouvelle date : « Reprogrammé "
            "— initialement le … » ; les abonnés voient l'événement déplacé",
            synonyms=("reprogramme", "reprogrammé", "deplace", "déplacé"),
            precisions=_DATE_EVENT,
        ),
        Spec(
            "Full",
            Type.YES,
            "yes",
            "`yes` : complet, plus de place",
            synonyms=("complet",),
        ),
        Spec(
            "Reason",
            Type.TEXT,
            "texte",
            "motif de l'annulation, du report ou du changement, affiché à côté "
            "(« Motif : … »)",
            synonyms=("motif", "raison"),
        ),
        Spec(
            "Registration",
            Type.URL,
            "une adresse https://…, mailto:… ou tel:…",
            "adresse d'inscription : `https://…`, `mailto:…` ou `tel:…`",
            synonyms=("inscription",),
        ),
        Spec(
            "Price",
            Type.TEXT,
            "texte",
            "texte (« Gratuit », « 5 € »)",
            synonyms=("prix", "tarif"),
        ),
        ACCESSIBILITY,
        Spec(
            "Age",
            Type.AGE,
            "6-12, 16+ ou tout public",
            "public attendu : `6-12` (de 6 à 12 ans), `16+` (à partir de 16 ans) "
            "ou `tout public`",
            synonyms=("âge", "ages", "âges", "public"),
        ),
        Spec(
            "Tags",
            Type.TAGS,
            "des mots séparés par des virgules",
            "thèmes séparés par des virgules (`Réparation, Vélo`) : chacun a sa "
            "page et son calendrier",
            synonyms=("etiquettes", "étiquettes", "tag", "themes", "thèmes"),
        ),
        SUMMARY,
        STATUS,
        *IMAGE_FIELDS,
    ),
    rules=(
        "End after Start",
        "End at the precision of Start (a month with a month)",
        "Recurrence falls on Start, from a day-precise Start",
        "End before the next occurrence",
        "Cancelled dates are occurrences of the rule",
        "Dates after Start, each once, at Start's precision, from a day-precise Start",
        "One status at most (Cancelled, Postponed, Rescheduled, Full), Reason with it",
        "Venue, or Location and Address, not both",
        "Venue names a file of content/venues/",
        "Tags each make an address",
    ),
)

VENUE = Kind(
    name="venue",
    setting_prefix="VENUE",
    plural="des lieux",
    text_expected=None,
    fields=(
        TITLE,
        Spec(
            "Address",
            Type.TEXT,
            "texte",
            "numéro et rue (`12 rue de l'Exemple`) ; sans, la page du lieu dit que "
            "l'adresse n'est pas donnée",
            synonyms=("adresse", "rue"),
        ),
        Spec(
            "Locality",
            Type.TEXT,
            "texte",
            "commune (`Champigny-sur-Marne`)",
            synonyms=("ville", "commune", "localite", "localité"),
        ),
        Spec(
            "PostalCode",
            Type.POSTAL_CODE,
            "un code postal de cinq chiffres, comme 94500",
            "code postal, cinq chiffres (`94500`)",
            synonyms=("code-postal", "codepostal", "cp"),
        ),
        Spec(
            "Access",
            Type.TEXT,
            "texte",
            "comment venir, en mots (« RER E, gare de Villiers-sur-Marne, puis "
            "10 minutes à pied »)",
            synonyms=("acces", "accès", "transport", "transports"),
        ),
        ACCESSIBILITY,
        STATUS,
    ),
    rules=("PostalCode with Locality",),
)

KINDS = (PAGE, MILESTONE, EVENT, VENUE)


def kind_named(name: str) -> Kind:
    """Return the kind called ``name`` (« event »)."""
    return next(kind for kind in KINDS if kind.name == name)


def field_table(kind: Kind) -> str:
    """Write the authors' table of ``kind``'s fields, in Markdown.

    The authors' guide holds this table; a test checks it is the same, so
    the guide never documents a field the build does not read as written.
    """
    lines = ["| Champ | Obligatoire | Format |", "|---|---|---|"]
    lines += [
        f"| `{spec.name}` | {'oui' if spec.required else 'non'} | {spec.help} |"
        for spec in kind.fields
    ]
    return "\n".join(lines)


_JSON_TYPES = {
    Type.DATE: {"type": "string", "format": "date-time-at-precision"},
    Type.URL: {"type": "string", "format": "uri"},
    Type.DAY: {"type": "string", "format": "date"},
}


def json_schema(kind: Kind) -> dict[str, object]:
    """Describe the header of ``kind`` as a JSON Schema, for an editing interface.

    Values are strings, as authors write them; the formats are the French
    ones of the error messages, in ``description``.
    """
    properties = {
        spec.name: {
            **_JSON_TYPES.get(spec.type, {"type": "string"}),
            "description": f"{spec.help} (attendu {spec.formats})",
        }
        for spec in kind.fields
    }
    if "Status" in properties:
        properties["Status"]["enum"] = [s for s in kind.statuses if s != "published"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": kind.name,
        "type": "object",
        "properties": properties,
        "required": [spec.name for spec in kind.fields if spec.required],
        "additionalProperties": False,
    }
