"""Coordinators look after the certificate register and the templates; editors design templates."""

from django.db import migrations

PERMISSIONS = {
    "Koordinator": [
        ("certificate", "view_certificate", "Can view certificate"),
        ("certificate", "change_certificate", "Can change certificate"),
        ("certificatetemplate", "add_certificatetemplate", "Can add certificate template"),
        ("certificatetemplate", "change_certificatetemplate", "Can change certificate template"),
        ("certificatetemplate", "delete_certificatetemplate", "Can delete certificate template"),
    ],
    "Urednik": [
        ("certificatetemplate", "add_certificatetemplate", "Can add certificate template"),
        ("certificatetemplate", "change_certificatetemplate", "Can change certificate template"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, specs in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for model, codename, name in specs:
            content_type, _ = ContentType.objects.get_or_create(app_label="certificates", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, specs in PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label="certificates", codename__in=[codename for _, codename, _ in specs]
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
