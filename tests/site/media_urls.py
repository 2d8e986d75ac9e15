"""The site's URLs plus the uploads of the default storage, for the live
servers of the browser tests: in production the proxy serves ``/media/`` from
disk (Caddyfile), and the test storage keeps files in memory."""

from __future__ import annotations

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.urls import re_path

from config.urls import urlpatterns as site_urlpatterns


def media(request: HttpRequest, path: str) -> FileResponse:
    if not default_storage.exists(path):
        raise Http404(path)
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=kind)


urlpatterns = [re_path(r"^media/(?P<path>.+)$", media), *site_urlpatterns]
