"""Coordinators manage everything in mentoring from the Wagtail admin (add, change, delete, view)."""

from django.db import migrations

MODELS = {
    "organisation": "organisation",
    "organisationmembership": "membership",
    "programme": "programme",
    "pairing": "mentoring pair",
    "mentoringagreement": "mentoring agreement",
    "goal": "goal",
    "task": "task",
    "meeting": "meeting",
    "capacityinstrument": "capacity instrument",
    "assessment": "capacity assessment",
    "assessmentscore": "score",
}
ACTIONS = ["add", "change", "delete", "view"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    result = []
    for model, verbose in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="mentoring", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose}"},
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
        group.permissions.remove(*group.permissions.filter(content_type__app_label="mentoring"))


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0002_default_instrument"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
