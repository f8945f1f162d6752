"""Coordinators keep participant records, exit forms and project targets in the admin.

Special categories and individual exports need the dedicated permissions
(``reports.view_special_categories``, ``reports.export_participant_records``), which no group gets
by default: an administrator grants them to the named people who need them.
"""

from django.db import migrations

GRANTS = {
    "participantrecord": ("add", "change", "view"),
    "participation": ("view",),
    "exitrecord": ("add", "change", "view"),
    "projecttarget": ("add", "change", "delete", "view"),
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    result = []
    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="reports", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            result.append(permission)
    return result


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name="Koordinator")
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Koordinator").first()
    if group:
        group.permissions.remove(*group.permissions.filter(content_type__app_label="reports"))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
