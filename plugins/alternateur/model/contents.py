"""The two kinds of content the plugin adds to Pelican's pages.

Each reads its fields as its kind's contract (``schema.py``) declares them,
and gathers every mistake in ``problems`` instead of stopping at the first:
the generators leave a faulty file out and report all of them at once.

An event also says the facts about itself that the views and the writers
need alike: whether a calendar can say when it is (``expressible``), whether
it is written in whole days (``all_day``), and its place (``place``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from html import escape
from typing import Any, ClassVar, TypeVar

from pelican.contents import Content

from .audience import AgeRange, parse_accessibility, parse_age
from .dates import EXPECTED, PreciseDatetime, Precision, end_instant, parse_precise
from .errors import ContentError
from .recurrence import Recurrence, repeated
from .schema import EVENT, MILESTONE, VENUE, Kind
from .values import makes_address, parse_postal_code, parse_url, parse_web_url

T = TypeVar("T")


def _written(moment: PreciseDatetime) -> str:
    """Write a date as authors write it in ``Start``: « 2027-03-10 14:00 »."""
    if moment.precision is Precision.MINUTE:
        return f"{moment:%Y-%m-%d %H:%M}"
    return moment.iso


class _AuthoredContent(Content):
    """Content whose fields are read and checked as its kind's contract says."""

    allowed_statuses = ("published", "draft")
    default_status = "published"
    kind: ClassVar[Kind]

    def __init__(
        self, content: str, metadata: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        """Read a field left empty (``Location:``) as a field not written.

        Scaffolds (``invoke new-event``) write every field, most of them empty
        and ready to fill in: an empty ``Summary:`` must not replace the
        summary Pelican makes from the text with nothing.
        """
        written = {
            key: value
            for key, value in (metadata or {}).items()
            if not (isinstance(value, str) and not value.strip())
        }
        super().__init__(content, written, **kwargs)
        #: What this file's own fields and rules get wrong; the rules every
        #: kind shares are ``checking/file_rules.py``'s.
        self.problems: list[str] = []
        self.read_fields()

    def read_fields(self) -> None:
        """Parse the kind's own fields and rules (each kind says which)."""

    def attempt(self, read: Callable[[], T]) -> T | None:
        """Run one field's reading; keep its mistake and go on with the others."""
        try:
            return read()
        except ContentError as error:
            self.problems.append(str(error))
            return None

    def _text(self, name: str) -> str | None:
        value = getattr(self, name, None)
        if value is None:
            return None
        return str(value).strip() or None

    def _date(self, field: str) -> PreciseDatetime | None:
        raw = self._text(field.lower())
        if raw is None:
            return None
        spec = self.kind.by_key[field.lower()]
        return parse_precise(raw, field, self.timezone, spec.precisions)


def is_planned(date: PreciseDatetime, now: datetime) -> bool:
    """Say whether a milestone is still to come (« prévu »).

    A milestone is planned when the period its author wrote *starts* after
    now: ``2027`` is planned until 1 January 2027 at midnight, Paris time;
    ``2026-11`` until 1 November 2026 at midnight, and reached during the whole
    of November 2026, including the days before the event if it is late in the
    month. Authors who know that a milestone of the current month is still to
    come give its day (``2026-11-30``), which is planned until that day.
    The rule never looks at a day the author did not write.
    """
    return date > now


class Milestone(_AuthoredContent):
    """A step of the project (jalon), shown on the « État d'avancement » line.

    ``date`` is a ``PreciseDatetime``: « 2019-10 » stays « octobre 2019 »
    (the reader parses it: Pelican's ``Date`` field).
    """

    default_template = None  # Rendered inside the timeline page, not alone.
    kind = MILESTONE
    #: The timeline page's URL, known once every page is read
    #: (``timeline.add_timeline``): ``MILESTONE_URL`` uses it as ``{timeline_url}``.
    timeline_url = ""

    @property
    def url_format(self) -> dict[str, Any]:
        """Pelican's URL fields, plus ``timeline_url``."""
        return {**super().url_format, "timeline_url": self.timeline_url}


class Venue(_AuthoredContent):
    """A place events happen at (``content/venues/``), with a page of its own.

    Its facts are what its author wrote and nothing more: a venue the
    sources give only a name is a page that says its address is not given.
    """

    default_template = "venue"
    kind = VENUE

    def read_fields(self) -> None:
        """Read the postal code and the accessibility; the rest is text."""
        self.street = self._text("address")
        self.locality = self._text("locality")
        self.access = self._text("access")
        raw_code = self._text("postalcode")
        self.postal_code = raw_code and self.attempt(
            lambda: parse_postal_code(raw_code, "PostalCode")
        )
        raw = self._text("accessibility")
        self.accessibility = raw and self.attempt(lambda: parse_accessibility(raw))
        if self.postal_code and not self.locality:
            problem = "demande la commune (attendu Locality avec PostalCode)"
            self.problems.append(str(ContentError("PostalCode", problem, raw_code)))

    @property
    def place(self) -> Place:
        """The venue as the place of its events."""
        return Place(
            name=self.title,  # HTML already, as Pelican's titles are.
            street=_html(self.street),
            postal_code=self.postal_code,
            locality=_html(self.locality),
            url=self.url,
        )


def _html(text: str | None) -> str | None:
    """Text as HTML: a place's parts are HTML, like the venue's title."""
    return escape(text, quote=False) if text is not None else None


@dataclass(frozen=True)
class Place:
    """Where an event is: a venue of ``content/venues/``, or what the event says.

    Every part is HTML, as Pelican's titles are (a venue's name is its
    title, typeset): templates show them as they are, and calendars and
    JSON-LD take their plain text. ``url``: the venue's page, if it has one.
    """

    name: str | None
    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    url: str | None = None

    @property
    def town(self) -> str | None:
        """« 94500 Champigny-sur-Marne », as French addresses end."""
        parts = [part for part in (self.postal_code, self.locality) if part]
        return " ".join(parts) or None

    @property
    def address(self) -> str | None:
        """The postal address on one line: « 12 rue X, 94500 Champigny-sur-Marne »."""
        parts = [part for part in (self.street, self.town) if part]
        return ", ".join(parts) or None

    @property
    def label(self) -> str:
        """The place's name, or its address when that is all there is."""
        return self.name or self.address or ""

    @property
    def line(self) -> str:
        """« Name, address », whichever is known (calendars, Google Agenda)."""
        return ", ".join(part for part in (self.name, self.address) if part)


class Event(_AuthoredContent):
    """An event of the agenda, possibly recurring, possibly cancelled."""

    default_template = "event"
    kind = EVENT
    start: PreciseDatetime
    end: PreciseDatetime | None
    rule: Recurrence | None
    #: Further occurrences (``Dates``), sorted, each after ``start``.
    dates: list[PreciseDatetime]
    cancelled: bool
    cancelled_dates: list[PreciseDatetime]

    def read_fields(self) -> None:
        """Read every field, then the rules that join them."""
        start = self.attempt(lambda: self._date("Start"))
        end = self.attempt(lambda: self._date("End"))
        self.location = self._text("location")
        self.address = self._text("address")
        raw_venue = self._text("venue")
        #: The file name of its venue (``Venue``); the venue itself is found
        #: once every venue is read (``hooks/generators``).
        self.venue_slug = raw_venue and self.attempt(lambda: self._venue(raw_venue))
        self.venue: Venue | None = None
        raw_online = self._text("online")
        self.online = raw_online and self.attempt(
            lambda: parse_web_url(raw_online, "Online")
        )
        raw_access = self._text("accessibility")
        self.own_accessibility = raw_access and self.attempt(
            lambda: parse_accessibility(raw_access)
        )
        raw_age = self._text("age")
        self.age: AgeRange | None = raw_age and self.attempt(lambda: parse_age(raw_age))
        self.attempt(self._check_tags)
        raw_registration = self._text("registration")
        self.registration = raw_registration and self.attempt(
            lambda: parse_url(raw_registration, "Registration")
        )
        self.price = self._text("price")
        self.recurrence = self._text("recurrence")
        written = self._text("cancelled")
        cancellations = self.attempt(self._cancellations)
        self.dates_written = self._text("dates")  # ``dates`` becomes the list.
        dates = self.attempt(self._dates)
        # As written: ``postponed`` and ``full`` become booleans below.
        self.statuses_written = {
            name: self._text(name.lower())
            for name in ("Cancelled", "Postponed", "Rescheduled", "Full")
        }
        self.postponed = bool(self.attempt(lambda: self._yes("Postponed")))
        self.full = bool(self.attempt(lambda: self._yes("Full")))
        self.previous_start = self.attempt(lambda: self._date("Rescheduled"))
        self.reason = self._text("reason")
        if self.problems or start is None or cancellations is None or dates is None:
            return
        self.start, self.end, self.dates = start, end, dates
        self.cancelled, self.cancelled_dates = cancellations
        self.rule = None
        self.attempt(lambda: self._rules(written))

    def _rules(self, written: str | None) -> None:
        # In UTC: two wall-clock times of one zone compare without their
        # fold, and the second 02:30 of autumn comes after 02:45 summer time.
        if self.end is not None and self.end.astimezone(UTC) < self.start.astimezone(
            UTC
        ):
            problem = f"est avant le début « {self.start.iso} » (attendu après Start)"
            raise ContentError("End", problem, self.end.iso)
        self._check_months()
        self.rule = (
            Recurrence.parse(self.recurrence, self.start) if self.recurrence else None
        )
        self._check_dates()
        self._check_duration()
        self._check_cancellations(written)
        self._check_status()

    @property
    def state(self) -> str | None:
        """The event's status, if not the default one (« programmé »).

        ``cancelled``, ``postponed``, ``rescheduled`` or ``full``; at most one
        (``_check_status``). Cancelled occurrences of a series are not a
        status of the event: each occurrence says its own.
        """
        if self.cancelled:
            return "cancelled"
        if self.postponed:
            return "postponed"
        if self.previous_start is not None:
            return "rescheduled"
        return "full" if self.full else None

    def _yes(self, field: str) -> bool:
        """Read a status written ``yes`` (or ``no``, or left out)."""
        raw = self._text(field.lower())
        if raw is None or raw.lower() in {"no", "non"}:
            return False
        if raw.lower() in {"yes", "oui"}:
            return True
        raise ContentError(field, "n'est ni yes ni no (attendu yes)", raw)

    def _check_status(self) -> None:
        """One status at a time, a reason with a status, a move of a single date.

        « Reporté » and « complet » at once would leave readers guessing which
        holds; a reason shown beside nothing would read as a status.
        Rescheduling or postponing a series is not one move: its occurrences
        are cancelled (``Cancelled``) and new ones added (``Dates``).
        """
        written = [
            name
            for name, holds in (
                ("Cancelled", self.cancelled),
                ("Postponed", self.postponed),
                ("Rescheduled", self.previous_start is not None),
                ("Full", self.full),
            )
            if holds
        ]
        if len(written) > 1:
            problem = (
                f"s'ajoute à {written[0]} (attendu un seul statut parmi Cancelled, "
                "Postponed, Rescheduled et Full)"
            )
            raise ContentError(written[1], problem, self.statuses_written[written[1]])
        if self.reason and not written and not self.cancelled_dates:
            problem = (
                "n'accompagne aucun statut (attendu avec Cancelled, Postponed, "
                "Rescheduled ou Full)"
            )
            raise ContentError("Reason", problem, self.reason)
        moved = next((n for n in written if n in {"Postponed", "Rescheduled"}), None)
        if moved is not None and self.repeats:
            problem = (
                "ne s'applique qu'à un événement à une seule date (attendu, pour "
                "une série, les dates annulées dans Cancelled et les nouvelles "
                "dans Dates)"
            )
            raise ContentError(moved, problem, self.statuses_written[moved])
        previous = self.previous_start
        if previous is not None and previous.astimezone(UTC) == self.start.astimezone(
            UTC
        ):
            problem = (
                "est le même moment que Start (attendu l'ancien début ; Start "
                "donne la nouvelle date)"
            )
            raise ContentError("Rescheduled", problem, _written(previous))

    @property
    def repeats(self) -> bool:
        """Whether the event has more than one occurrence (a rule, or ``Dates``)."""
        return self.rule is not None or bool(self.dates)

    @property
    def expressible(self) -> bool:
        """Whether a calendar can say when the event is (a day or better)."""
        return self.start.precision >= Precision.DAY

    @property
    def all_day(self) -> bool:
        """Whether the event is written in whole days (``VALUE=DATE``)."""
        return self.start.precision is Precision.DAY

    def _venue(self, raw: str) -> str:
        """Read ``Venue``: a file name of ``content/venues/`` (``.md`` may follow)."""
        if self.location or self.address:
            given = "Location" if self.location else "Address"
            problem = (
                f"s'ajoute à {given} (attendu l'un ou l'autre : Venue pour un lieu "
                "de content/venues/, Location et Address sinon)"
            )
            raise ContentError("Venue", problem, raw)
        name = raw.removesuffix(".md")
        if not name or "/" in name or "\\" in name or name.startswith("."):
            problem = (
                "n'est pas un nom de fichier de content/venues/ (attendu son nom "
                "sans dossier ni .md, comme salle-jean-morlet)"
            )
            raise ContentError("Venue", problem, raw)
        return name

    def _check_tags(self) -> None:
        """Each theme must make an address: « --- » would be a page without one."""
        for tag in getattr(self, "tags", None) or []:
            if not makes_address(tag.slug):
                problem = (
                    "ne donne aucune adresse de thème (attendu des mots avec des "
                    "lettres ou des chiffres, séparés par des virgules)"
                )
                raise ContentError("Tags", problem, str(tag.name))

    @property
    def place(self) -> Place | None:
        """The event's place: its venue's, or its ``Location`` and ``Address``."""
        if self.venue is not None:
            return self.venue.place
        if not (self.location or self.address):
            return None
        return Place(_html(self.location), _html(self.address))

    @property
    def accessible_to(self) -> tuple[str, ...] | None:
        """The kinds of disability welcomed: the event's own, else its venue's.

        None when neither says: nothing is known, which is not « aucune ».
        """
        if self.own_accessibility is not None:
            return self.own_accessibility
        return self.venue.accessibility if self.venue is not None else None

    @property
    def attendance(self) -> str:
        """« offline », « online » or « mixed »: where people take part."""
        if not self.online:
            return "offline"
        return "mixed" if self.place is not None else "online"

    @cached_property
    def url(self) -> str:
        """Pelican's URL of the event's page, worked out once.

        Pelican formats it from the settings at each use, and each event's
        URL is used a dozen times a build: the menu, the canonical link, the
        agenda, the calendars, the JSON-LD.
        """
        return super().url

    @cached_property
    def save_as(self) -> str:
        """Pelican's output file of the event's page, worked out once."""
        return super().save_as

    def _cancellations(self) -> tuple[bool, list[PreciseDatetime]]:
        """Read ``Cancelled``: ``yes`` for a one-off, or cancelled occurrences."""
        raw = self._text("cancelled")
        if raw is None or raw.lower() in {"no", "non"}:
            return False, []
        if raw.lower() in {"yes", "oui"}:
            return True, []
        dates = self._date_list(raw, "Cancelled", (Precision.DAY,), "AAAA-MM-JJ")
        return False, sorted(dates)

    def _date_list(
        self, raw: str, field: str, precisions: tuple[Precision, ...], written: str
    ) -> list[PreciseDatetime]:
        """Read comma-separated dates, each once (``Cancelled``, ``Dates``)."""
        parts = [part.strip() for part in raw.split(",")]
        if "" in parts:
            where = "à la fin" if parts[-1] == "" else "entre deux dates"
            problem = (
                f"a une virgule en trop {where} (attendu des dates {written} "
                "séparées par une virgule)"
            )
            raise ContentError(field, problem, raw)
        dates = [
            parse_precise(part, field, self.timezone, precisions) for part in parts
        ]
        if len(set(dates)) < len(dates):
            problem = "donne deux fois la même date (attendu chaque date une fois)"
            raise ContentError(field, problem, raw)
        return dates

    def _dates(self) -> list[PreciseDatetime]:
        """Read ``Dates``: further starts, checked against ``Start`` later."""
        raw = self._text("dates")
        if raw is None:
            return []
        spec = self.kind.by_key["dates"]
        written = "AAAA-MM-JJ HH:MM ou AAAA-MM-JJ"
        return sorted(
            self._date_list(raw, "Dates", spec.precisions, written),
            key=lambda moment: moment.astimezone(UTC),
        )

    def _check_dates(self) -> None:
        """Each further date after ``Start``, at its precision, not one of the rule's.

        A date before ``Start`` would make ``Start`` lie about the first
        occurrence (which the calendars' ``DTSTART`` is); a mix of days and
        times would leave some occurrences without the hours the others have.
        """
        if not self.dates:
            return
        raw = self.dates_written
        if self.start.precision < Precision.DAY:
            problem = (
                f"demande un Start au jour près, pas « {self.start.iso} » "
                "(attendu Start AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)"
            )
            raise ContentError("Dates", problem, raw)
        if self.start.precision is Precision.MINUTE and repeated(self.start):
            problem = (
                f"ne peut pas suivre un Start « {_written(self.start)} » que le "
                "changement d'heure fait passer deux fois : les agendas ne lisent "
                "pas tous la même (attendu un Start à une autre heure)"
            )
            raise ContentError("Dates", problem, raw)
        first = self.start.astimezone(UTC)
        for moment in self.dates:
            written = _written(moment)
            if moment.precision is not self.start.precision:
                expected = EXPECTED[self.start.precision]
                problem = (
                    f"n'a pas la précision de Start « {_written(self.start)} » "
                    f"(attendu {expected}, comme Start)"
                )
                raise ContentError("Dates", problem, written)
            if moment.astimezone(UTC) == first:
                problem = (
                    "est déjà Start, la première occurrence (attendu les autres "
                    "dates seulement)"
                )
                raise ContentError("Dates", problem, written)
            if moment.astimezone(UTC) < first:
                problem = (
                    f"est avant Start « {_written(self.start)} » (attendu des dates "
                    "après Start : Start est la première occurrence)"
                )
                raise ContentError("Dates", problem, written)
            if moment.precision is Precision.MINUTE and repeated(moment):
                problem = (
                    "tombe dans l'heure que le changement d'heure fait passer "
                    "deux fois, et les agendas ne lisent pas tous la même "
                    "(attendu une autre heure)"
                )
                raise ContentError("Dates", problem, written)
            naive = moment.replace(tzinfo=None)
            if self.rule is not None and next(self.rule.starts_from(naive), None) == (
                naive
            ):
                problem = (
                    f"est déjà une date de la série « {self.recurrence} » "
                    "(attendu une date que la règle ne donne pas)"
                )
                raise ContentError("Dates", problem, written)

    def _check_months(self) -> None:
        """Pair a month with a month: « du 14 juin à juillet » has no end day.

        Mixing them would make the agenda invent the missing day.
        """
        if self.end is None:
            return
        start_month = self.start.precision is Precision.MONTH
        if start_month != (self.end.precision is Precision.MONTH):
            expected = (
                "une date au mois, AAAA-MM, comme Start"
                if start_month
                else "une date au jour ou à la minute, comme Start"
            )
            problem = f"n'a pas la précision de Start « {self.start.iso} »"
            problem += f" (attendu {expected})"
            raise ContentError("End", problem, self.end.iso)

    def _check_duration(self) -> None:
        """Each occurrence must end before the next one starts.

        ``End`` is the end of the first occurrence; writing there the end of
        the series (« jusqu'en décembre ») would make every occurrence last
        months. The end of a series is ``UNTIL`` in its rule. A further date
        (``Dates``) must not start before the occurrence before it ends.
        """
        if not self.repeats or self.end is None:
            return
        first = self.start.replace(tzinfo=None)
        length = end_instant(self.start, self.end).replace(tzinfo=None) - first
        extra = [moment.replace(tzinfo=None) for moment in self.dates]
        starts = [first, *extra]
        for index, start in enumerate(starts):
            following = [moment for moment in extra if moment > start]
            if self.rule is not None:
                following.append(self.rule.rule.after(start))
            after = min((m for m in following if m is not None), default=None)
            if after is not None and start + length > after:
                if index == 0:
                    problem = (
                        f"dépasse l'occurrence suivante, le {after:%Y-%m-%d} "
                        "(attendu la fin de la première occurrence ; la fin de "
                        "la série est UNTIL dans Recurrence)"
                    )
                    raise ContentError("End", problem, self.end.iso)
                problem = (
                    f"dure jusqu'après l'occurrence suivante, le {after:%Y-%m-%d} "
                    "(attendu des occurrences qui ne se chevauchent pas : chacune "
                    "dure autant que la première, de Start à End)"
                )
                raise ContentError("Dates", problem, _written(self.dates[index - 1]))
            before = self.rule.rule.before(start) if self.rule and index else None
            if before is not None and before + length > start:
                problem = (
                    f"commence avant la fin de l'occurrence du {before:%Y-%m-%d} "
                    "(attendu des occurrences qui ne se chevauchent pas : chacune "
                    "dure autant que la première, de Start à End)"
                )
                raise ContentError("Dates", problem, _written(self.dates[index - 1]))

    def occurs_on(self, day: date) -> bool:
        """Whether one occurrence starts on ``day`` (``Start``, ``Dates``, the rule)."""
        if day == self.start.date() or any(m.date() == day for m in self.dates):
            return True
        return self.rule is not None and self.rule.occurs_on(day)

    def _check_cancellations(self, raw: str | None) -> None:
        """``yes`` cancels a one-off; dates cancel occurrences of a rule, no more.

        A cancelled date that is not an occurrence is almost always a typo
        (the 26th for the 27th): silently ignoring it would leave the real
        occurrence announced.
        """
        if not self.repeats and self.cancelled_dates:
            problem = (
                "donne des dates, mais l'événement n'a ni Recurrence ni Dates "
                "(attendu yes pour annuler cet événement)"
            )
            raise ContentError("Cancelled", problem, raw)
        if not self.repeats:
            return
        if self.cancelled:
            removed = "Recurrence" if self.rule is not None else "Dates"
            problem = (
                "annulerait toute la série (attendu les dates annulées, "
                f"AAAA-MM-JJ séparées par des virgules, ou retirer {removed})"
            )
            raise ContentError("Cancelled", problem, raw)
        for cancelled in self.cancelled_dates:
            if not self.occurs_on(cancelled.date()):
                series = (
                    f"de la série « {self.recurrence} »"
                    if self.rule is not None
                    else "de Start ni de Dates"
                )
                problem = (
                    f"n'est pas une date {series} (attendu la date d'une occurrence)"
                )
                raise ContentError("Cancelled", problem, cancelled.iso)
