from django.db import migrations

# Drafts and scheduled revisions saved before 0005 have no area; restored (published, approved in a
# workflow, compared) they would fail validation. They take the area 0005 gave their page.


def area_into_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    OpportunityPage = apps.get_model("volunteering", "OpportunityPage")
    content_type = ContentType.objects.filter(app_label="volunteering", model="opportunitypage").first()
    if content_type is None:
        return
    areas = {str(pk): area for pk, area in OpportunityPage.objects.values_list("pk", "area")}
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        if content.get("area") or revision.object_id not in areas:
            continue
        revision.content = {**content, "area": areas[revision.object_id]}
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("volunteering", "0007_hourentry_area_activity_type"),
    ]

    operations = [migrations.RunPython(area_into_revisions, migrations.RunPython.noop)]
