"""No Docker engine runs here, so the compose file's structure is checked."""

from __future__ import annotations

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()
)
SERVICES = COMPOSE["services"]
DATA_SERVICES = ("postgres", "elasticsearch", "redis")


def test_all_services_are_defined_with_healthchecks():
    assert set(SERVICES) == {"web", "worker", "beat", *DATA_SERVICES}
    for name, service in SERVICES.items():
        assert "healthcheck" in service, name


def test_app_services_wait_for_healthy_data_services():
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        for data_service in DATA_SERVICES:
            assert depends[data_service]["condition"] == "service_healthy", name


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
