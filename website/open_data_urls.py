"""Routes of the open-data API and the search-result exports."""

from django.urls import path

from . import exports
from .api.projects import api

urlpatterns = [
    path("suche/export.csv", exports.export_csv, name="search-export-csv"),
    path("suche/export.json", exports.export_json, name="search-export-json"),
    path("api/v1/", api.urls),
]
