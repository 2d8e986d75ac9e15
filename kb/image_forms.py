"""The Wagtail admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Every picture an editor uploads needs an alt text: Wagtail's ``description``
field, which its templates use as the default ``alt``, is required here. The
multiple uploader keeps a file without one as a pending upload and asks for
the alt text before it becomes an image.

A member's picture that still waits for approval has its file in the
private storage (``kb.images``), not where the image field looks: its file
cannot be replaced here (the form would read the missing public file), only
its texts edited; editors approve it under Bildfreigabe."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .images import is_public

ALT_TEXT_REQUIRED = _(
    "Bitte geben Sie einen Alternativtext ein: Beschreiben Sie in einem Satz, "
    "was auf dem Bild zu sehen ist."
)


class AltTextImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = _("Alternativtext")
            field.help_text = _(
                "Beschreibt das Bild für Menschen, die es nicht sehen können, "
                "z. B. „Zwei Frauen üben am Tisch Deutsch mit Bildkarten“."
            )
            field.error_messages["required"] = ALT_TEXT_REQUIRED
        if self.instance.pk and not is_public(self.instance):
            self.fields.pop("file", None)
