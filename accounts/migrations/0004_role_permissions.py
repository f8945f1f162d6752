"""Give the roles their Wagtail permissions (docs/permissions.md is the readable version).

App-specific model and page permissions are added by each app's own migrations.
"""

from django.db import migrations

# role -> permissions "app_label.codename" held by the group itself
GROUP_PERMISSIONS = {
    "Koordinator": [
        ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        ("accounts", "user", "view_user", "Can view user"),
        ("auth", "group", "view_group", "Can view group"),
        ("accounts", "guardianconsent", "view_guardianconsent", "Can view guardian's consent"),
    ],
    "Urednik": [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")],
    "Moderator": [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")],
}

# role -> permissions on the root collection (so on every image and document)
COLLECTION_PERMISSIONS = {
    "Urednik": [
        ("wagtailimages", "image", "add_image", "Can add image"),
        ("wagtailimages", "image", "change_image", "Can change image"),
        ("wagtailimages", "image", "choose_image", "Can choose image"),
        ("wagtaildocs", "document", "add_document", "Can add document"),
        ("wagtaildocs", "document", "change_document", "Can change document"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ],
    "Moderator": [
        ("wagtailimages", "image", "add_image", "Can add image"),
        ("wagtailimages", "image", "change_image", "Can change image"),
        ("wagtailimages", "image", "delete_image", "Can delete image"),
        ("wagtailimages", "image", "choose_image", "Can choose image"),
        ("wagtaildocs", "document", "add_document", "Can add document"),
        ("wagtaildocs", "document", "change_document", "Can change document"),
        ("wagtaildocs", "document", "delete_document", "Can delete document"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ],
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for role, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*[_permission(apps, *spec) for spec in permissions])
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role, permissions in COLLECTION_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for spec in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(apps, *spec)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for role, permissions in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(
                *group.permissions.filter(codename__in=[codename for _, _, codename, _ in permissions])
            )
    GroupCollectionPermission.objects.filter(group__name__in=list(COLLECTION_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_guardian_consent"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
