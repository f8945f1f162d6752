"""Images and documents: Wagtail treats "delete" as "change" and lets "add" edit one's own files.

So editors keep add + choose (they edit and delete what they uploaded) and moderators get change
(every image and document); the meaningless delete permissions are removed.
"""

from django.db import migrations

REMOVE = {
    "Urednik": [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")],
    "Moderator": [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")],
}
RESTORE = {
    "Urednik": [("wagtailimages", "image", "change_image", "Can change image"), ("wagtaildocs", "document", "change_document", "Can change document")],
    "Moderator": [("wagtailimages", "image", "delete_image", "Can delete image"), ("wagtaildocs", "document", "delete_document", "Can delete document")],
}


def forwards(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for role, perms in REMOVE.items():
        for app_label, codename in perms:
            GroupCollectionPermission.objects.filter(
                group__name=role, permission__content_type__app_label=app_label, permission__codename=codename
            ).delete()


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role, perms in RESTORE.items():
        group = Group.objects.get(name=role)
        for app_label, model, codename, name in perms:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_role_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
