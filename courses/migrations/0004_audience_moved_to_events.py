"""The audience vocabulary moves to ``events`` (floor 2), so the programme can use it without importing courses.

Nothing changes in the database: the table stays ``courses_audience`` and the course page's link table
keeps its name and columns. The content type moves with the model, so the roles keep their permissions.
"""

import modelcluster.fields
from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="events", model="audience").exists():
        ContentType.objects.filter(app_label="courses", model="audience").update(app_label="events")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="courses", model="audience").exists():
        ContentType.objects.filter(app_label="events", model="audience").update(app_label="courses")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0003_role_permissions"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="coursepage",
                    name="audiences",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="events.audience", verbose_name="audiences"
                    ),
                ),
                migrations.DeleteModel(name="Audience"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
