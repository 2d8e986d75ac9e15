"""Model fields shared by the apps."""

from __future__ import annotations

from django.db import models


class WebsiteField(models.URLField):
    """A URL field whose form accepts "example.org" and reads it as https://.

    Django 6 makes https the default scheme; this states it per field instead of
    the deprecated ``FORMS_URLFIELD_ASSUME_HTTPS`` setting.
    """

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
