"""The two kinds of content the plugin adds to Pelican's pages."""

from __future__ import annotations

from typing import Any

from pelican.contents import Content

from .dates import EXPECTED, PreciseDatetime, Precision, parse_precise
from .errors import ContentError, missing

EVENT_PRECISIONS = (Precision.MINUTE, Precision.DAY, Precision.MONTH)


class _AuthoredContent(Content):
    """Content whose required fields are checked with a message for authors."""

    allowed_statuses = ("published", "draft")
    default_status = "published"

    def _require(self, field: str, expected: str) -> Any:
        value = getattr(self, field.lower(), None)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise missing(field, expected)
        return value


class Milestone(_AuthoredContent):
    """A step of the project (jalon), shown on the « État d'avancement » line.

    ``date`` is a ``PreciseDatetime``: « 2019-10 » stays « octobre 2019 ».
    """

    default_template = None  # Rendered inside the timeline page, not alone.
    #: The timeline page's URL, known once every page is read
    #: (``timeline.add_timeline``): ``MILESTONE_URL`` uses it as ``{timeline_url}``.
    timeline_url = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._require("Title", "un titre")
        self._require("Date", f"{EXPECTED[Precision.DAY]}, AAAA-MM ou AAAA")

    @property
    def url_format(self) -> dict[str, Any]:
        """Pelican's URL fields, plus ``timeline_url``."""
        return {**super().url_format, "timeline_url": self.timeline_url}


class Event(_AuthoredContent):
    """An event of the agenda, possibly recurring, possibly cancelled."""

    default_template = "event"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._require("Title", "un titre")
        self.start = self._date("Start", required=True)
        self.end = self._date("End")
        if self.end is not None and self.end < self.start:
            problem = f"est avant le début « {self.start.iso} » (attendu après Start)"
            raise ContentError("End", problem, self.end.iso)
        self.location = self._text("location")
        self.address = self._text("address")
        self.registration = self._text("registration")
        self.price = self._text("price")
        self.recurrence = self._text("recurrence")
        self.cancelled, self.cancelled_dates = self._cancellations()

    def _text(self, name: str) -> str | None:
        value = getattr(self, name, None)
        if value is None:
            return None
        return str(value).strip() or None

    def _date(self, field: str, *, required: bool = False) -> PreciseDatetime | None:
        raw = self._text(field.lower())
        if raw is None:
            if required:
                raise missing(field, EXPECTED[Precision.MINUTE])
            return None
        return parse_precise(raw, field, self.timezone, EVENT_PRECISIONS)

    def _cancellations(self) -> tuple[bool, list[PreciseDatetime]]:
        """Read ``Cancelled``: ``yes`` for a one-off, or cancelled occurrences."""
        raw = self._text("cancelled")
        if raw is None or raw.lower() in {"no", "non"}:
            return False, []
        if raw.lower() in {"yes", "oui"}:
            return True, []
        dates = [
            parse_precise(part, "Cancelled", self.timezone, (Precision.DAY,))
            for part in raw.split(",")
        ]
        return False, sorted(dates)
