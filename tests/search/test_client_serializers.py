"""The Elasticsearch client writes and reads JSON with orjson: the same
bytes as the standard serializers, dates and decimals included."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from elasticsearch.serializer import DEFAULT_SERIALIZERS

from search.client import _FastJson, _serializers

DOCUMENT = {
    "title": "Sprachcafé „Miteinander“",
    "published_at": datetime.datetime(2026, 11, 27, 9, 30, 15, 120000),
    "last_confirmed": datetime.date(2026, 1, 31),
    "score": Decimal("1.25"),
    "key": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "districts": ["03351", "03352"],
}


@pytest.mark.parametrize("mimetype", sorted(DEFAULT_SERIALIZERS))
def test_every_json_mimetype_reads_and_writes_as_the_standard_one(mimetype):
    standard, fast = DEFAULT_SERIALIZERS[mimetype], _serializers()[mimetype]
    assert type(fast).mimetype == type(standard).mimetype
    if "json" not in mimetype:
        assert type(fast) is type(standard)
        return
    body = [DOCUMENT, {"index": "a"}] if "ndjson" in mimetype else DOCUMENT

    written = fast.dumps(body)

    assert written == standard.dumps(body)
    assert fast.loads(written) == standard.loads(written)
    assert isinstance(fast, _FastJson)
