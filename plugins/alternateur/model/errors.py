"""Content mistakes, worded for the authors who make them."""

from __future__ import annotations


class ContentError(ValueError):
    """A problem in one field of one content file.

    The authors are not all developers: the message is French, names the field
    and the value, and says what was expected. The generator that reads the
    file adds the file's path, so each error is one self-contained log line.
    """

    def __init__(self, field: str, problem: str, value: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.value = value
        shown = f" « {value} »" if value is not None else ""
        super().__init__(f"{field}{shown} {problem}")


def missing(field: str, expected: str) -> ContentError:
    """Build the error for a required field that the file does not give."""
    return ContentError(field, f"est obligatoire (attendu {expected})")
