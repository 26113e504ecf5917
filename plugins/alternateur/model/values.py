"""Values authors write that the site turns into links, paths or text.

Each function reads one value and raises ``ContentError`` with what is
expected, so that no value reaches a page, a calendar or the output folder
unless it is what it claims to be: a link a reader may follow, a path inside
the site, text without invisible controls.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from .errors import ContentError

# Links a reader may follow from the site: the web, e-mail, telephone. Any
# other scheme (``javascript:``, ``data:``, ``file:``) could run or fetch
# something, and text without a scheme would be a broken relative link.
URL_SCHEMES = ("https", "http", "mailto", "tel")
URL_EXPECTED = "une adresse https://…, mailto:… ou tel:…"
# Telephone numbers: digits, spaces, dots, dashes, parentheses, a leading +.
_PHONE = re.compile(r"\+?[0-9][0-9 .()-]{2,30}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

# Characters nobody types on purpose, which RFC 5545 forbids in calendars and
# HTML forbids in text, or which reorder text invisibly (bidi controls).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\t\n\r")
_NONCHARACTER = 0xFFFE


# Every character the loop below may refuse, and a few it accepts (tab, line
# breaks): one search in C tells most values apart at once, the loop then
# decides. Controls (Cc), surrogates (Cs), bidi controls, and U+FFFE, U+FFFF
# and their kin in every plane.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
    + "".join(
        f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def invisible_control(text: str) -> str | None:
    """Return the first control character of ``text`` an author cannot mean."""
    if _SUSPECT.search(text) is None:
        return None
    for character in text:
        if character in _ALLOWED_CONTROLS:
            continue
        if character in _BIDI or unicodedata.category(character) in {"Cc", "Cs"}:
            return character
        if ord(character) & _NONCHARACTER == _NONCHARACTER:
            return character  # U+FFFE, U+FFFF and their kin in every plane.
    return None


def control_problem(field: str, value: str, where: str = "") -> ContentError | None:
    """Return the error for a control character in ``value``, or None."""
    found = invisible_control(value)
    if found is None:
        return None
    name = unicodedata.name(found, "caractère de contrôle")
    problem = (
        f"contient un caractère invisible U+{ord(found):04X} ({name}){where} "
        "(attendu du texte sans caractère de contrôle : retapez la valeur)"
    )
    shown = "".join(f"<U+{ord(c):04X}>" if invisible_control(c) else c for c in value)
    return ContentError(field, problem, shown)


def parse_url(value: str, field: str) -> str:
    """Return ``value`` if it is a link readers may follow, else raise.

    ``https:``, ``http:``, ``mailto:`` and ``tel:`` only, in any case of the
    scheme (normalised to lower case), with something after the scheme.
    """
    text = value.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        raise ContentError(field, _url_problem(text), text)
    rest = text[len(parts.scheme) + 1 :]
    if scheme in {"https", "http"}:
        valid = bool(parts.netloc) and " " not in text and "." in parts.hostname
    elif scheme == "mailto":
        valid = bool(_EMAIL.fullmatch(rest.split("?", 1)[0]))
    else:
        valid = bool(_PHONE.fullmatch(rest))
    if not valid:
        problem = f"n'est pas une adresse {scheme}: complète (attendu {URL_EXPECTED})"
        raise ContentError(field, problem, text)
    return scheme + ":" + rest


def _url_problem(text: str) -> str:
    """Say why a value is not a link, with the fix for the usual cases."""
    if _EMAIL.fullmatch(text):
        hint = f" : pour une adresse électronique, écrivez mailto:{text}"
    elif _PHONE.fullmatch(text):
        hint = f" : pour un téléphone, écrivez tel:{text.replace(' ', '')}"
    elif re.match(r"[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", text, re.IGNORECASE):
        hint = f" : écrivez https://{text}"
    else:
        hint = ""
    return f"n'est pas une adresse de lien autorisée{hint} (attendu {URL_EXPECTED})"


def site_path_problem(value: str) -> str | None:
    """Say why ``value`` is not a path inside the site, or None if it is.

    ``Save_as`` and ``URL`` name files and addresses of the site: never an
    absolute path, a parent folder, another site or a backslash.
    """
    text = value.strip()
    if urlsplit(text).scheme or text.startswith("//"):
        return "est une adresse d'un autre site"
    parts = text.replace("\\", "/").split("/")
    if "\\" in text or ".." in parts:
        return "sort du dossier du site"
    if text.startswith("/") and text != "/":
        return "commence par / (le site peut être publié sous un sous-dossier)"
    return None


WEB_EXPECTED = "une adresse https://…"


def parse_web_url(value: str, field: str) -> str:
    """Return ``value`` if it is a web page readers may open (``Online``).

    Only ``https:`` and ``http:``: an online event is joined in a browser or
    an app it opens, never by e-mail or telephone (``Registration`` says those).
    """
    text = value.strip()
    scheme = urlsplit(text).scheme.lower()
    if scheme in {"mailto", "tel"}:
        problem = (
            f"n'est pas l'adresse d'une page web (attendu {WEB_EXPECTED} ; un "
            "courriel ou un téléphone pour s'inscrire va dans Registration)"
        )
        raise ContentError(field, problem, text)
    if scheme not in {"https", "http"}:
        problem = f"n'est pas l'adresse d'une page web (attendu {WEB_EXPECTED})"
        if not scheme and re.match(r"[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", text, re.I):
            problem = f"n'a pas de https:// (attendu https://{text})"
        raise ContentError(field, problem, text)
    try:
        return parse_url(text, field)
    except ContentError as error:
        problem = error.problem.replace(URL_EXPECTED, WEB_EXPECTED)
        raise ContentError(field, problem, error.value) from None


# French postal codes: two digits of a département (01 to 95; 97 and 98 for
# overseas; Corsica's are 20…), then three digits.
_POSTAL_CODE = re.compile(r"(?:0[1-9]|[1-8][0-9]|9[0-5]|97|98)[0-9]{3}")
POSTAL_CODE_EXPECTED = "un code postal de cinq chiffres, comme 94500"


def parse_postal_code(value: str, field: str) -> str:
    """Return a French postal code, written without spaces (« 94 500 » is 94500)."""
    text = "".join(value.split())
    if not _POSTAL_CODE.fullmatch(text):
        problem = f"n'est pas un code postal français (attendu {POSTAL_CODE_EXPECTED})"
        raise ContentError(field, problem, value.strip())
    return text


def makes_address(slug: str | None) -> bool:
    """Whether a slug can name a page: a letter or a digit, not only dashes.

    Pelican's ``slugify`` turns « !!! » into nothing and « --- » into « - »;
    neither names anything a reader could recognise in an address.
    """
    return bool(slug) and any(character.isalnum() for character in slug)


def folded(text: str) -> str:
    """Lower case, accents and typographic spaces gone: « GRATUÏT » is « gratuit ».

    For words authors write in any case and with or without accents
    (« Auditive », « Tout public », « Gratuit »).
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
