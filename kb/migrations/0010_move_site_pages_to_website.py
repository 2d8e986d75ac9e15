"""HomePage and TopicPage move to the site layer (``website/0001``).

Only the migration state changes: their tables (``kb_homepage``,
``kb_topicpage``) stay where they are, and ``website/0001`` takes them over
with the same content types."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0009_image_moderation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="topicpage", name="field_of_action"),
                migrations.RemoveField(model_name="topicpage", name="good_examples"),
                migrations.RemoveField(model_name="topicpage", name="page_ptr"),
                migrations.DeleteModel(name="HomePage"),
                migrations.DeleteModel(name="TopicPage"),
            ],
            database_operations=[],
        ),
    ]
