from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten der Initiativen")

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        from . import signals  # noqa: F401  (connects the moderation e-mails)

        # Pillow refuses larger images outright (DecompressionBombError), for
        # our uploads and for anything Wagtail opens.
        Image.MAX_IMAGE_PIXELS = settings.ACCOUNTS_MAX_IMAGE_PIXELS
