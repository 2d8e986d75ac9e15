from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = _("Wissensbasis")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete
        from wagtail.images import get_image_model

        from . import images

        pre_delete.connect(
            images.forget_private_file,
            sender=get_image_model(),
            dispatch_uid="kb.images.forget_private_file",
        )
