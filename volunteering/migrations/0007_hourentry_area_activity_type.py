from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# Hours already recorded take the area and activity type their opportunity has now (the best that is known).


def from_opportunities(apps, schema_editor):
    HourEntry = apps.get_model("volunteering", "HourEntry")
    OpportunityPage = apps.get_model("volunteering", "OpportunityPage")
    of_entry = OpportunityPage.objects.filter(applications__hour_entries=OuterRef("pk"))
    HourEntry.objects.update(
        area=Subquery(of_entry.values("area")[:1]), activity_type=Subquery(of_entry.values("activity_type")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("volunteering", "0006_application_event_role_before"),
    ]

    operations = [
        migrations.AddField(
            model_name="hourentry",
            name="area",
            field=models.CharField(
                choices=[
                    ("zagrebacka", "Zagrebačka"),
                    ("krapinsko-zagorska", "Krapinsko-zagorska"),
                    ("sisacko-moslavacka", "Sisačko-moslavačka"),
                    ("karlovacka", "Karlovačka"),
                    ("varazdinska", "Varaždinska"),
                    ("koprivnicko-krizevacka", "Koprivničko-križevačka"),
                    ("bjelovarsko-bilogorska", "Bjelovarsko-bilogorska"),
                    ("primorsko-goranska", "Primorsko-goranska"),
                    ("licko-senjska", "Ličko-senjska"),
                    ("viroviticko-podravska", "Virovitičko-podravska"),
                    ("pozesko-slavonska", "Požeško-slavonska"),
                    ("brodsko-posavska", "Brodsko-posavska"),
                    ("zadarska", "Zadarska"),
                    ("osjecko-baranjska", "Osječko-baranjska"),
                    ("sibensko-kninska", "Šibensko-kninska"),
                    ("vukovarsko-srijemska", "Vukovarsko-srijemska"),
                    ("splitsko-dalmatinska", "Splitsko-dalmatinska"),
                    ("istarska", "Istarska"),
                    ("dubrovacko-neretvanska", "Dubrovačko-neretvanska"),
                    ("medimurska", "Međimurska"),
                    ("grad-zagreb", "Grad Zagreb"),
                    ("inozemstvo", "abroad"),
                ],
                default="",
                editable=False,
                max_length=30,
                verbose_name="area of volunteering (county)",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="hourentry",
            name="activity_type",
            field=models.CharField(
                choices=[
                    ("socijalna-skrb", "social welfare"),
                    ("zdravstvo", "health"),
                    ("obrazovanje", "education and science"),
                    ("kultura", "culture and art"),
                    ("sport", "sport and recreation"),
                    ("okolis", "environment and nature protection"),
                    ("ljudska-prava", "human rights and civil society"),
                    ("djeca-mladi", "children and young people"),
                    ("razvoj-zajednice", "community development"),
                    ("zastita-spasavanje", "protection and rescue"),
                    ("ostalo", "other"),
                ],
                default="",
                editable=False,
                max_length=30,
                verbose_name="activity type",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_opportunities, migrations.RunPython.noop),
    ]
