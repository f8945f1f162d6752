"""Organisation and OrganisationMembership now live in the `organisations` app.

State only, except for the content types: the tables, rows and ids stay where they are; the foreign
keys of pairings and assessments now point at `organisations.Organisation`; the organisation's
expertise is declared on `CapacityArea` over the same table. The content types of the two models are
relabelled to `organisations`, so their permissions (and the groups holding them, e.g. Koordinator)
and the admin's log entries keep working.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ["organisation", "organisationmembership"]


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        current = ContentType.objects.filter(app_label=old, model=model).first()
        if current is None:
            continue
        # A content type created for the new label before this ran (e.g. by post_migrate in a database
        # migrated back and forth) would clash; the old one carries the permissions that groups hold.
        ContentType.objects.filter(app_label=new, model=model).delete()
        current.app_label = new
        current.save(update_fields=["app_label"])


def relabel_forward(apps, schema_editor):
    _relabel(apps, "mentoring", "organisations")


def relabel_backward(apps, schema_editor):
    _relabel(apps, "organisations", "mentoring")


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0004_programme_certificate_template"),
        ("organisations", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    state_operations = [
        migrations.AlterField(
            model_name="assessment",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="assessments",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="pairing",
            name="mentee_organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pairings_as_mentee",
                to="organisations.organisation",
                verbose_name="mentee organisation",
            ),
        ),
        migrations.AlterField(
            model_name="pairing",
            name="mentor_organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pairings_as_mentor",
                to="organisations.organisation",
                verbose_name="mentor organisation",
            ),
        ),
        migrations.RemoveField(model_name="organisation", name="expertise"),
        migrations.DeleteModel(name="OrganisationMembership"),
        migrations.DeleteModel(name="Organisation"),
        migrations.AddField(
            model_name="capacityarea",
            name="expert_organisations",
            field=models.ManyToManyField(
                blank=True,
                db_table="mentoring_organisation_expertise",
                help_text="Capacity areas in which this organisation can mentor others.",
                related_name="expertise",
                to="organisations.organisation",
                verbose_name="organisations with expertise",
            ),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
        migrations.RunPython(relabel_forward, relabel_backward),
    ]
