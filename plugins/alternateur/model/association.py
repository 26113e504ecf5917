"""The association's own facts, from the settings: how to reach, join, follow it.

The sources give none of these facts (address, e-mail, RNA number…), so none
is made up: each is a setting the team fills in (``settings.py``), empty by
default, and shown only once set. ``read_association`` checks every value as
the build starts, with the same link rules as the content
(``values.parse_url``), so that a mistyped e-mail never reaches a page and
the French line names the setting to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ContentError
from .values import control_problem, parse_url

# The page templates that show these facts, when the site has such a page.
CONTACT_TEMPLATE = "contact"
LEGAL_TEMPLATE = "legal"
# RNA (Répertoire national des associations): « W » and nine digits.
_RNA = re.compile(r"W\d{9}")
_SIREN = re.compile(r"\d{9}")
# https://github.com/<owner>/<name>, as the edit links need it.
_GITHUB = re.compile(r"https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?")
_BRANCH = re.compile(r"[\w.-]+(?:/[\w.-]+)*")
HTTPS_EXPECTED = "une adresse https://…"


@dataclass(frozen=True)
class Link:
    """A link the site shows: its words, its address; ``me`` for Mastodon."""

    label: str
    url: str
    me: bool = False


@dataclass(frozen=True)
class Association:
    """What the settings say of the association; empty values are unknown."""

    name: str
    address: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    phone_url: str = ""
    hours: tuple[str, ...] = ()
    join: str = ""
    donate: str = ""
    newsletter: str = ""
    social: tuple[Link, ...] = ()
    rna: str = ""
    siren: str = ""
    seat: tuple[str, ...] = ()
    director: str = ""
    host_name: str = ""
    host_address: tuple[str, ...] = ()
    host_url: str = ""
    repository: str = ""
    branch: str = ""
    content_folder: str = ""
    # Set by the hook that finds the pages: where /contact/ and the legal page are.
    pages: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def email_url(self) -> str:
        """``mailto:`` link of the e-mail address ("" if none)."""
        return f"mailto:{self.email}" if self.email else ""

    @property
    def reach(self) -> bool:
        """Whether there is any way to reach the association (address, mail, phone)."""
        return bool(self.address or self.email or self.phone or self.hours)

    @property
    def take_part(self) -> tuple[Link, ...]:
        """The links to join, give, subscribe, in that order, those set."""
        links = (
            Link("Adhérer à l'association", self.join),
            Link("Faire un don", self.donate),
            Link("S'inscrire à la lettre d'information", self.newsletter),
        )
        return tuple(link for link in links if link.url)

    @property
    def has_contact(self) -> bool:
        """Whether a contact block has anything to show (else none is written)."""
        return bool(self.reach or self.take_part or self.social)

    def edit_url(self, source: str) -> str:
        """GitHub's edit page of a content file (``pages/x.md``), or ""."""
        if not self.repository or not source:
            return ""
        folder = self.content_folder.strip("/")
        path = f"{folder}/{source}" if folder else source
        return f"{self.repository}/edit/{self.branch}/{path}"


# Publisher facts the legal notice needs (LCEN, article 6): the setting, and
# what is missing in the authors' words.
LEGAL_FACTS = (
    ("ASSOCIATION_RNA", "le numéro RNA (ou ASSOCIATION_SIREN) de l'association"),
    ("ASSOCIATION_SEAT", "l'adresse du siège de l'association"),
    ("ASSOCIATION_PUBLICATION_DIRECTOR", "le nom du directeur de la publication"),
)


def missing_legal_facts(association: Association) -> list[tuple[str, str]]:
    """Return the publisher facts the legal notice still lacks: (setting, what)."""
    known = {
        "ASSOCIATION_RNA": association.rna or association.siren,
        "ASSOCIATION_SEAT": association.seat,
        "ASSOCIATION_PUBLICATION_DIRECTOR": association.director,
    }
    return [(name, what) for name, what in LEGAL_FACTS if not known[name]]


class _Reader:
    """Read each setting once, keeping every problem instead of stopping."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.problems: list[ContentError] = []

    def fail(self, name: str, problem: str, value: Any) -> str:
        self.problems.append(ContentError(f"Réglage {name}", problem, str(value)))
        return ""

    def text(self, name: str) -> str:
        """One line of text ("" if unset)."""
        value = self.settings.get(name) or ""
        if not isinstance(value, str):
            return self.fail(name, "doit être un texte entre guillemets", value)
        error = control_problem(f"Réglage {name}", value)
        if error is not None:
            self.problems.append(error)
            return ""
        return " ".join(value.split())

    def lines(self, name: str) -> tuple[str, ...]:
        """Lines of text: a list, or a text whose lines are kept."""
        value = self.settings.get(name) or ()
        if isinstance(value, str):
            value = value.splitlines()
        if not isinstance(value, (list, tuple)) or not all(
            isinstance(line, str) for line in value
        ):
            self.fail(name, "doit être un texte ou une liste de lignes", value)
            return ()
        for line in value:
            error = control_problem(f"Réglage {name}", line)
            if error is not None:
                self.problems.append(error)
                return ()
        return tuple(" ".join(line.split()) for line in value if line.strip())

    def link(self, name: str, value: Any = None, *, https: bool = True) -> str:
        """Read a link readers may follow: https (mailto:/tel: unless ``https``)."""
        value = self.settings.get(name) if value is None else value
        if not value:
            return ""
        if not isinstance(value, str):
            return self.fail(
                name, f"doit être un texte (attendu {HTTPS_EXPECTED})", value
            )
        try:
            url = parse_url(value, f"Réglage {name}")
        except ContentError as error:
            self.problems.append(error)
            return ""
        if https and not url.startswith("https:"):
            return self.fail(
                name,
                f"n'est pas une adresse de page web sûre (attendu {HTTPS_EXPECTED})",
                value.strip(),
            )
        return url

    def email(self, name: str) -> str:
        """Read an e-mail address, written without ``mailto:``."""
        value = self.text(name)
        if value.lower().startswith("mailto:"):
            value = value[len("mailto:") :]
        if value and not self.link(name, f"mailto:{value}", https=False):
            return ""
        return value

    def phone(self, name: str) -> tuple[str, str]:
        """Read a phone number: as written, and its ``tel:`` link (digits, +)."""
        value = self.text(name)
        if not value:
            return "", ""
        if not self.link(name, f"tel:{value}", https=False):
            return "", ""
        compact = re.sub(r"[^\d+]", "", value)
        return value, f"tel:{compact}"

    def number(self, name: str, pattern: re.Pattern[str], expected: str) -> str:
        """Read an identifier (RNA, SIREN), spaces ignored, upper case."""
        value = self.text(name).replace(" ", "").upper()
        if value and not pattern.fullmatch(value):
            return self.fail(name, f"n'est pas valide (attendu {expected})", value)
        if value and pattern is _SIREN and not _luhn(value):
            return self.fail(
                name, "a une erreur de chiffre (clé de contrôle fausse)", value
            )
        return value

    def social(self, name: str) -> tuple[Link, ...]:
        """Profiles: a list of (label, https address) pairs."""
        value = self.settings.get(name) or ()
        if isinstance(value, Mapping):
            value = list(value.items())
        links = []
        for pair in value if isinstance(value, (list, tuple)) else [value]:
            if (
                not isinstance(pair, (list, tuple))
                or len(pair) != len(("label", "url"))
                or not all(isinstance(part, str) and part.strip() for part in pair)
            ):
                self.fail(
                    name,
                    "doit être une liste de paires (attendu "
                    '[("Mastodon", "https://…"), …])',
                    pair,
                )
                continue
            label, address = pair
            url = self.link(name, address)
            if url:
                label = " ".join(label.split())
                links.append(Link(label, url, me=label.lower() == "mastodon"))
        return tuple(links)

    def repository(self, name: str) -> str:
        """Read a GitHub repository's address: https://github.com/owner/name."""
        url = self.link(name)
        if not url:
            return ""
        match = _GITHUB.fullmatch(url)
        if match is None:
            return self.fail(
                name,
                "n'est pas l'adresse d'un dépôt GitHub "
                "(attendu https://github.com/propriétaire/dépôt)",
                url,
            )
        return f"https://github.com/{match.group(1)}/{match.group(2)}"


def _luhn(digits: str) -> bool:
    """Whether a SIREN's check digit is right (Luhn's formula, as INSEE's)."""
    total = 0
    for index, character in enumerate(reversed(digits)):
        digit = int(character) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit  # noqa: PLR2004 (the formula)
    return total % 10 == 0


def read_association(
    settings: Mapping[str, Any],
) -> tuple[Association, list[ContentError]]:
    """Return the association's facts, and the settings' mistakes (left out)."""
    read = _Reader(settings)
    phone, phone_url = read.phone("ASSOCIATION_PHONE")
    branch = read.text("SOURCE_BRANCH") or "main"
    if not _BRANCH.fullmatch(branch):
        branch = read.fail("SOURCE_BRANCH", "n'est pas un nom de branche", branch)
    association = Association(
        name=read.text("ASSOCIATION_NAME") or read.text("SITENAME"),
        address=read.lines("ASSOCIATION_ADDRESS"),
        email=read.email("ASSOCIATION_EMAIL"),
        phone=phone,
        phone_url=phone_url,
        hours=read.lines("ASSOCIATION_HOURS"),
        join=read.link("ASSOCIATION_JOIN_URL"),
        donate=read.link("ASSOCIATION_DONATE_URL"),
        newsletter=read.link("ASSOCIATION_NEWSLETTER_URL"),
        social=read.social("ASSOCIATION_SOCIAL"),
        rna=read.number("ASSOCIATION_RNA", _RNA, "W suivi de 9 chiffres"),
        siren=read.number("ASSOCIATION_SIREN", _SIREN, "9 chiffres"),
        seat=read.lines("ASSOCIATION_SEAT"),
        director=read.text("ASSOCIATION_PUBLICATION_DIRECTOR"),
        host_name=read.text("LEGAL_HOST_NAME"),
        host_address=read.lines("LEGAL_HOST_ADDRESS"),
        host_url=read.link("LEGAL_HOST_URL"),
        repository=read.repository("SOURCE_REPOSITORY"),
        branch=branch or "main",
        content_folder=read.text("SOURCE_CONTENT_FOLDER"),
    )
    return association, read.problems
