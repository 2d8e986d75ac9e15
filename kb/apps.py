from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = _("Wissensbasis")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete
        from wagtail.images import get_image_model

        # The page cache connects its signals itself; the site's HomePage used to
        # import it for that, and kb must not rely on the layer above.
        from . import images, page_cache  # noqa: F401

        pre_delete.connect(
            images.forget_private_file,
            sender=get_image_model(),
            dispatch_uid="kb.images.forget_private_file",
        )
