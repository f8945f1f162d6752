from django.db import migrations, models

# Forms saved before 0004 kept "complete" without the household answers that ESF 2014–2020 counts as core
# data, so they dropped out of the breakdowns without anyone being asked. Every form is assessed again under
# the set the default site reports (the rule of ParticipantRecord.assess, written out: migrations cannot
# call model methods).

HOUSEHOLD = ("household_jobless", "household_dependent_children", "household_single_adult")


def assess_again(apps, schema_editor):
    ParticipantRecord = apps.get_model("reports", "ParticipantRecord")
    ReportingSettings = apps.get_model("reports", "ReportingSettings")
    settings = ReportingSettings.objects.filter(site__is_default_site=True).first()
    questions = HOUSEHOLD if (settings.indicator_set if settings else "esf2014") == "esf2014" else ()
    changed = []
    for record in ParticipantRecord.objects.iterator(chunk_size=2000):
        core = bool(record.sex and record.date_of_birth and record.employment_status and record.isced is not None)
        record.is_complete = core and all(getattr(record, name) in ("yes", "no") for name in questions)
        record.answers_missing = not (core and all(getattr(record, name) for name in questions))
        changed.append(record)
    ParticipantRecord.objects.bulk_update(changed, ["is_complete", "answers_missing"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_household_questions"),
    ]

    operations = [
        migrations.AddField(
            model_name="participantrecord",
            name="answers_missing",
            field=models.BooleanField(default=True, editable=False, verbose_name="questions unanswered"),
        ),
        migrations.RunPython(assess_again, migrations.RunPython.noop),
    ]
