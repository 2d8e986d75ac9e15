"""The editors' group with exactly its permissions, and the moderation
workflow (submitted -> editorial review -> published) on the whole page tree."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redaktion"
WORKFLOW = "Redaktionelle Prüfung"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("kb", f"{action}_{model}")
        for model in (
            "region",
            "district",
            "fieldofaction",
            "targetgroup",
            "offerneedcategory",
            "organisationtype",
            "goodexamplecollection",
            "partner",
        )
        for action in ("add", "change", "view")
    ],
    ("kb", "view_signature"),
    ("kb", "change_signature"),
    ("taggit", "change_tag"),
    ("taggit", "view_tag"),
    ("wagtailsearchpromotions", "add_query"),
    ("wagtailsearchpromotions", "change_query"),
    ("wagtailsearchpromotions", "delete_query"),
]


def setup(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the
    # group can reference them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    group_collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page = apps.get_model("wagtailcore", "WorkflowPage")
    approval_task = apps.get_model("wagtailcore", "GroupApprovalTask")
    content_type = apps.get_model("contenttypes", "ContentType")

    group, _ = group_model.objects.get_or_create(name=GROUP)
    for app_label, codename in MODEL_PERMISSIONS:
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)

    root = page_model.objects.filter(depth=1).first()
    for codename in PAGE_PERMISSIONS:
        permission = permission_model.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        group_page_permission.objects.get_or_create(
            group=group, page=root, permission=permission
        )
    root_collection = collection_model.objects.filter(depth=1).first()
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = permission_model.objects.get(
            content_type__app_label=app_label, codename=codename
        )
        group_collection_permission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )

    task_type, _ = content_type.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = approval_task.objects.get_or_create(
        name="Prüfung durch die Redaktion", defaults={"content_type": task_type}
    )
    task.groups.add(group)
    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW)
    workflow_task.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    workflow_page.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0003_seed_taxonomy"),
        ("projects", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
