"""Model permissions of the roles on the courses app's admin screens.

Page permissions (editors add/edit under the catalogue, moderators publish) and the moderation
workflow hang off the catalogue page, so they are set by ``services.catalogue_moderation_setup``
when the catalogue exists (demo, or creating the catalogue in the admin).
"""

from django.db import migrations

MODEL_PERMISSIONS = {
    "Koordinator": [
        ("enrolment", "view"),
        ("enrolment", "change"),
        ("coursecategory", "add"),
        ("coursecategory", "change"),
        ("audience", "add"),
        ("audience", "change"),
    ],
    "Urednik": [
        ("coursecategory", "add"),
        ("coursecategory", "change"),
        ("audience", "add"),
        ("audience", "change"),
    ],
    "Moderator": [
        ("coursecategory", "add"),
        ("coursecategory", "change"),
        ("coursecategory", "delete"),
        ("audience", "add"),
        ("audience", "change"),
        ("audience", "delete"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, specs in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for model, action in specs:
            content_type, _ = ContentType.objects.get_or_create(app_label="courses", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, specs in MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for model, action in specs]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_certificate_template"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
