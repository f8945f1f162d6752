"""Organisers' coordinators: the group "Koordinator volontera" may enter the admin and view the
volunteering listings (rows are limited to their own organisations by the views). The project's
"Koordinator" gets the same view permissions."""

from django.db import migrations

GROUP = "Koordinator volontera"
MODELS = {"application": "volunteering application", "hourentry": "volunteering hours"}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    view = [_permission(apps, "volunteering", model, f"view_{model}", f"Can view {name}") for model, name in MODELS.items()]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"), *view)
    coordinator, _ = Group.objects.get_or_create(name="Koordinator")
    coordinator.permissions.add(*view)


def revoke(apps, schema_editor):
    # Only the permissions go: the group may hold people, and deleting it is the administrators' call.
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[GROUP, "Koordinator"]):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="volunteering"))


class Migration(migrations.Migration):
    dependencies = [
        ("volunteering", "0001_initial"),
        ("accounts", "0004_role_permissions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
