"""The content contract is declared once (``schema.py``) and read everywhere.

The authors' guide documents each kind's fields with the schema's own
table, the JSON Schema export says the same, and the scaffolds write the
fields in the schema's order.
"""

from __future__ import annotations

import json
import re

import pytest
from alternateur.model.contents import Event, Milestone
from alternateur.model.schema import (
    EVENT,
    KINDS,
    MILESTONE,
    PAGE,
    Kind,
    field_table,
    json_schema,
)

from .sites import ROOT

GUIDE = ROOT / "docs" / "rediger.md"
BLOCK = re.compile(
    r"<!-- champs: (?P<kind>\w+) -->\n(?P<table>.*?)\n<!-- /champs -->", re.S
)


def documented() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    return {m["kind"]: m["table"] for m in BLOCK.finditer(text)}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_guide_documents_each_kind_with_the_schemas_table(kind: Kind) -> None:
    tables = documented()
    assert kind.name in tables, f"{GUIDE.name} has no table for {kind.name}"
    assert tables[kind.name] == field_table(kind), (
        f"the {kind.name} table of {GUIDE.name} differs from schema.py; "
        f"write it as:\n{field_table(kind)}"
    )


def test_each_field_table_lists_every_field_once_with_its_obligation() -> None:
    rows = field_table(EVENT).splitlines()[2:]
    names = [re.match(r"\| `(\w+)` \| (oui|non) \|", row).group(1) for row in rows]
    assert names == list(EVENT.names)
    required = [row for row in rows if "| oui |" in row]
    assert [r.split("`")[1] for r in required] == ["Title", "Start"]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_json_schema_export_is_the_same_contract(kind: Kind) -> None:
    exported = json.loads(json.dumps(json_schema(kind)))
    assert list(exported["properties"]) == list(kind.names)
    assert exported["required"] == [s.name for s in kind.fields if s.required]
    assert exported["additionalProperties"] is False
    for spec in kind.fields:
        assert spec.formats in exported["properties"][spec.name]["description"]


def test_the_content_classes_read_their_kinds_contract() -> None:
    assert Event.kind is EVENT
    assert Milestone.kind is MILESTONE
    assert PAGE.statuses == ("published", "hidden", "draft")


def test_synonyms_name_one_field_each_within_a_kind() -> None:
    for kind in KINDS:
        words = [word for spec in kind.fields for word in spec.synonyms]
        assert len(words) == len(set(words)), kind.name
        for spec in kind.fields:
            assert all(word == word.lower() for word in spec.synonyms)
