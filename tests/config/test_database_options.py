"""Connection options the settings give PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_the_jit_compiler_is_off_for_the_sites_connections():
    # It compiled the fallback's facet query for longer than the query ran.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        (jit,) = cursor.fetchone()

    assert jit == "off"
