"""No Docker engine runs here, so the compose file's structure is checked."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DATA_SERVICES = ("postgres", "elasticsearch", "redis")


def test_all_services_are_defined_with_healthchecks():
    assert set(SERVICES) == {"proxy", "web", "worker", "beat", *DATA_SERVICES}
    for name, service in SERVICES.items():
        assert "healthcheck" in service, name


def test_app_services_wait_for_healthy_data_services():
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        for data_service in DATA_SERVICES:
            assert depends[data_service]["condition"] == "service_healthy", name


def test_only_the_proxy_publishes_ports():
    published = {name for name, service in SERVICES.items() if "ports" in service}

    assert published == {"proxy"}
    assert {"80:80", "443:443"} <= set(SERVICES["proxy"]["ports"])
    assert SERVICES["web"]["expose"] == ["8000"]


def test_the_proxy_is_the_official_caddy_image_with_a_pinned_version():
    image, _, tag = SERVICES["proxy"]["image"].partition(":")

    assert image == "caddy"
    assert tag[0].isdigit() and tag.count(".") == 2


def test_the_proxy_serves_media_and_static_from_the_shared_volumes():
    mounts = {v.split(":")[0]: v.split(":")[1] for v in SERVICES["proxy"]["volumes"]}
    web = {v.split(":")[0]: v.split(":")[1] for v in SERVICES["web"]["volumes"]}
    caddyfile = (ROOT / "Caddyfile").read_text()

    assert mounts["./Caddyfile"] == "/etc/caddy/Caddyfile"
    assert web["media"] == "/app/media" and web["static"] == "/app/static_collected"
    assert "handle_path /media/*" in caddyfile
    assert f"root * {mounts['media']}" in caddyfile
    assert "handle_path /static/*" in caddyfile
    assert f"root * {mounts['static']}" in caddyfile
    assert "reverse_proxy web:8000" in caddyfile
    assert "collectstatic" in SERVICES["web"]["command"]


def test_the_web_health_check_asks_healthz_as_the_proxy_would():
    code = SERVICES["web"]["healthcheck"]["test"][3]

    assert "/healthz" in code
    assert "ALLOWED_HOSTS" in code and "'Host'" in code
    assert "X-Forwarded-Proto" in code


def test_the_app_trusts_exactly_the_one_proxy():
    assert COMPOSE["x-app"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"


def test_data_services_publish_no_host_ports_and_use_named_volumes():
    for name in DATA_SERVICES:
        assert "ports" not in SERVICES[name], name
        volume = SERVICES[name]["volumes"][0].split(":")[0]
        assert volume in COMPOSE["volumes"], name


def test_elasticsearch_is_a_single_8x_node_with_one_gigabyte_heap():
    es = SERVICES["elasticsearch"]
    assert es["image"].split(":")[-1].startswith("8.")
    assert es["environment"]["discovery.type"] == "single-node"
    assert "-Xms1g -Xmx1g" in es["environment"]["ES_JAVA_OPTS"]


def test_app_services_read_settings_from_env_file():
    for name in ("web", "worker", "beat"):
        assert SERVICES[name]["env_file"] == ".env"
        assert "gunicorn" in SERVICES["web"]["command"]
