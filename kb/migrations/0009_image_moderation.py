"""Members' uploads wait for an editor's approval (kb.images); the Redaktion
may decide."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUP = "Redaktion"
CODENAMES = ("view_imagemoderation", "change_imagemoderation")


def grant_editors(apps, schema_editor):
    app_config = apps.get_app_config("kb")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is None:
        return
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="kb", codename__in=CODENAMES
    )
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0008_signature_mail"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImageModeration",
            fields=[
                (
                    "image",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="moderation",
                        serialize=False,
                        to="wagtailimages.image",
                        verbose_name="Bild",
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("pending", "Wartet auf Freigabe"),
                            ("approved", "Freigegeben"),
                            ("rejected", "Abgelehnt"),
                        ],
                        db_index=True,
                        default="pending",
                        max_length=10,
                        verbose_name="Status",
                    ),
                ),
                (
                    "uploaded_at",
                    models.DateTimeField(
                        auto_now_add=True, verbose_name="Hochgeladen am"
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="Entschieden am"
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Entschieden von",
                    ),
                ),
            ],
            options={
                "verbose_name": "Bildfreigabe",
                "verbose_name_plural": "Bildfreigaben",
                "ordering": ["uploaded_at"],
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
