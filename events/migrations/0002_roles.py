"""The trainer role ("Trener") and the roles' model permissions on the programme's admin screens.

Trainers need no admin permission: they mark attendance on the site, for the events that name them.
"""

from django.db import migrations

TRAINER = "Trener"

MODEL_PERMISSIONS = {
    "Koordinator": [
        ("registration", "view"),
        ("registration", "change"),
        ("attendance", "view"),
        ("attendance", "change"),
        ("place", "add"),
        ("place", "change"),
    ],
    "Urednik": [("place", "add"), ("place", "change")],
    "Moderator": [("place", "add"), ("place", "change"), ("place", "delete")],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=TRAINER)
    for role, specs in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for model, action in specs:
            content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, specs in MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is not None:
            codenames = [f"{action}_{model}" for model, action in specs]
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="events", codename__in=codenames))
    Group.objects.filter(name=TRAINER).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("accounts", "0002_roles"),
        ("courses", "0004_audience_moved_to_events"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
