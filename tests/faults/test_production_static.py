"""Found by the fault suite's production-like start (``make faults``): the
production storage fingerprints every static file and follows the references
inside them; a file named there but not copied stops ``collectstatic``, and
with it the image build and the web container's start."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.test import override_settings

# config.settings.production's storages (that module needs the production
# environment to import).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


def test_collectstatic_succeeds_with_the_production_storage(tmp_path):
    with override_settings(STORAGES=STORAGES, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", stdout=StringIO())

    assert (tmp_path / "staticfiles.json").exists()
    assert list((tmp_path / "vendor" / "leaflet").glob("leaflet.*.js"))
