"""/healthz: the database decides the status; Elasticsearch and Redis are
reported. The compose health check's own command passes against it."""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
import yaml
from django.core.handlers.wsgi import WSGIHandler

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def test_healthz_reports_every_service(client, db, services):
    response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["elasticsearch"] in {"green", "yellow"}
    assert body["redis"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_stays_up_when_elasticsearch_and_redis_are_down(client, db, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["elasticsearch"] == "down"
    assert response.json()["redis"] == "down"


def test_healthz_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    from django.db import connection

    monkeypatch.setitem(connection.settings_dict, "PORT", "1")
    connection.close()
    try:
        response = client.get("/healthz")
    finally:
        monkeypatch.undo()
        connection.close()

    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_the_compose_health_check_passes_with_production_hosts(
    db, settings, monkeypatch
):
    """The very command of docker-compose.yml, against a running server that
    allows only the production host and redirects plain HTTP."""
    settings.ALLOWED_HOSTS = ["gute-praxis.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    monkeypatch.setenv("ALLOWED_HOSTS", "gute-praxis.example.org,www.example.org")
    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    command = yaml.safe_load(COMPOSE.read_text())["services"]["web"]["healthcheck"]
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        # Without the Host header the same server refuses the request.
        with pytest.raises(HTTPError):
            urllib.request.urlopen(f"{url}/healthz", timeout=5)  # noqa: S310
        code = command["test"][3].replace("http://127.0.0.1:8000", url)
        exec(compile(code, "healthcheck", "exec"), {})  # noqa: S102  raises on failure
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass
