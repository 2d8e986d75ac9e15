"""HomePage and TopicPage, taken over from ``kb`` (``kb/0010``).

The state is created here; the database keeps its tables (``db_table``), and
the two content type rows are relabelled from ``kb`` to ``website``, so every
page, revision, permission and log entry that points at them stays valid."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

MOVED = ("homepage", "topicpage")


def relabel_content_types(apps, schema_editor, source="kb", target="website"):
    content_type = apps.get_model("contenttypes", "ContentType")
    page = apps.get_model("wagtailcore", "Page")
    db = schema_editor.connection.alias
    for model in MOVED:
        taken = content_type.objects.using(db).filter(app_label=target, model=model)
        old = content_type.objects.using(db).filter(app_label=source, model=model)
        if old.exists() and taken.exists():
            if page.objects.using(db).filter(content_type__in=taken).exists():
                raise RuntimeError(
                    f"Pages use both {source}.{model} and {target}.{model}; "
                    "merge them by hand before migrating."
                )
            # A row created on demand under the new label, used by no page.
            taken.delete()
        old.update(app_label=target)


def restore_content_types(apps, schema_editor):
    relabel_content_types(apps, schema_editor, source="website", target="kb")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("kb", "0010_move_site_pages_to_website"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(
                                blank=True, verbose_name="Einleitung"
                            ),
                        ),
                        (
                            "good_examples",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="kb.goodexamplecollection",
                                verbose_name="Sammlung „Gute Beispiele“",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Startseite",
                        "db_table": "kb_homepage",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="TopicPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(
                                blank=True, verbose_name="Einleitung"
                            ),
                        ),
                        (
                            "field_of_action",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="topic_page",
                                to="kb.fieldofaction",
                                verbose_name="Handlungsfeld",
                            ),
                        ),
                        (
                            "good_examples",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="kb.goodexamplecollection",
                                verbose_name="Sammlung „Gute Beispiele“",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Themenseite",
                        "verbose_name_plural": "Themenseiten",
                        "db_table": "kb_topicpage",
                    },
                    bases=("wagtailcore.page",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
