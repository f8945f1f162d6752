"""Demo volunteering: opportunities from the partners, an adult volunteer with approved hours and a
confirmation, and a 16-year-old whose application waits for a parent's consent. Idempotent."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from organisations.models import Organisation, OrganisationMembership

from . import services
from .models import ActivityType, Application, Confirmation, County, OpportunityPage, Sex

ADDRESSES = {
    "Udruga PET PLUS": "Kravarsko 2, 10413 Kravarsko",
    "KUD Kravarsko": "Kravarsko 116, 10413 Kravarsko",
    "Općina Kravarsko": "Kravarsko 113, 10413 Kravarsko",
}

OPPORTUNITIES = [
    {
        "slug": "pomoc-starijima-na-tecaju-racunala",
        "title": "Pomoć starijim sugrađanima na tečaju rada na računalu",
        "organiser": "Udruga PET PLUS",
        "what_you_will_do": "Sjedite uz polaznike tečaja Osnove rada na računalu, pomažete im s mišem, e-poštom i "
        "e-Građanima i strpljivo ponavljate ono što predavač pokaže. Dva puta mjesečno, kroz cijeli semestar.",
        "activity_type": ActivityType.EDUCATION,
        "place": "Društveni centar Kravarsko",
        "skills": "Osnove rada na računalu, strpljenje.",
        "area": County.ZAGREBACKA,  # Kravarsko
        "time_commitment": "Dva poslijepodneva mjesečno kroz najmanje tri mjeseca",
        "minimum_age": 18,
        "long_term": True,
        "vulnerable_groups": True,
    },
    {
        "slug": "volonteri-za-kulturnu-vecer-kud-kravarsko",
        "title": "Volonteri za kulturnu večer KUD-a Kravarsko",
        "organiser": "KUD Kravarsko",
        "what_you_will_do": "Dočekujete goste, pomažete postaviti pozornicu i stolove te spremiti dvoranu nakon "
        "nastupa folklorne skupine.",
        "activity_type": ActivityType.CULTURE,
        "place": "Dom kulture Kravarsko",
        "area": County.ZAGREBACKA,  # Kravarsko
        "time_commitment": "Jedna večer, oko pet sati",
        "minimum_age": 15,
        "days_ahead": 21,
        "event_slug": "kulturna-vecer-kud-kravarsko",
    },
    {
        "slug": "pripremimo-osnivanje-savjeta-mladih",
        "title": "Pripremimo osnivanje Savjeta mladih",
        "organiser": "Općina Kravarsko",
        "what_you_will_do": "S vršnjacima pripremate anketu među mladima, predstavljate ideju na školskom satu "
        "razrednika i pomažete pripremiti javni poziv za kandidate za Savjet mladih.",
        "activity_type": ActivityType.CHILDREN_YOUTH,
        "place": "Općina Kravarsko i online",
        "area": County.ZAGREBACKA,  # Kravarsko
        "time_commitment": "Sastanak jednom tjedno kroz mjesec dana",
        "minimum_age": 15,
    },
]


def _event(slug):
    if not slug:
        return None
    from events.models import EventPage

    return EventPage.objects.filter(slug=slug).first()


def _opportunities(index, log) -> dict[str, OpportunityPage]:
    pages = {}
    for spec in OPPORTUNITIES:
        spec = dict(spec)
        organiser = Organisation.objects.filter(name=spec.pop("organiser")).first()
        days_ahead = spec.pop("days_ahead", None)
        event_slug = spec.pop("event_slug", None)
        page = OpportunityPage.objects.filter(slug=spec["slug"]).first()
        if page is None and organiser is not None:
            event = _event(event_slug)
            if event is not None:
                spec["event"] = event  # the dates come from the programme's event
            elif days_ahead:
                spec["start_date"] = spec["end_date"] = timezone.localdate() + datetime.timedelta(days=days_ahead)
            page = index.add_child(instance=OpportunityPage(organiser=organiser, **spec))
            log(f"Volunteering: {page.title}")
        if page is not None:
            pages[spec["slug"]] = page
    return pages


def _birth(age: int) -> datetime.date:
    """A birthday that makes the person exactly `age` today (their birthday is a week ago)."""
    today = timezone.localdate()
    week_ago = today - datetime.timedelta(days=7)
    try:
        return week_ago.replace(year=week_ago.year - age)
    except ValueError:  # 29 February
        return (week_ago - datetime.timedelta(days=1)).replace(year=week_ago.year - age)


def _user(email, first, last, age, log):
    from allauth.account.models import EmailAddress

    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User

    user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.municipality = "Kravarsko"
        user.date_of_birth = _birth(age)
        user.save()
        user.groups.add(*Group.objects.filter(name="Polaznik"))
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        log(f"Created demo account {email}")
    return user


def load(*, log, with_accounts: bool) -> None:
    for name, address in ADDRESSES.items():
        Organisation.objects.filter(name=name, address="").update(address=address)
    index = services.opportunities_index_setup(home=_site_root(), log=log)
    if index is None:
        log("Volunteering demo skipped: no home page.")
        return
    pages = _opportunities(index, log)
    if not with_accounts or len(pages) < len(OPPORTUNITIES):
        return

    from accounts.models import User

    pet_plus = pages["pomoc-starijima-na-tecaju-racunala"].organiser
    coordinator = User.objects.filter(email="koordinator@kok.test").first()
    if coordinator is not None:
        OrganisationMembership.objects.get_or_create(
            user=coordinator,
            organisation=pet_plus,
            defaults={"role": OrganisationMembership.Role.COORDINATOR, "mentor_capacity": 0},
        )
    president = User.objects.filter(email="josip.matic@kok.test").first()
    if president is not None:
        president.groups.add(*Group.objects.filter(name="Koordinator volontera"))

    adult = _user("volonter@kok.test", "Kristina", "Marić", 34, log)
    if not hasattr(adult, "volunteer_profile"):
        services.volunteer_profile_save(
            user=adult,
            date_of_birth=adult.date_of_birth,
            sex=Sex.FEMALE,
            citizenship="Hrvatska",
            county=County.ZAGREBACKA,
            address="Kravarsko 40, 10413 Kravarsko",
            phone="091 555 0101",
        )
    opportunity = pages["pomoc-starijima-na-tecaju-racunala"]
    if not Application.objects.filter(volunteer=adult, opportunity=opportunity).exists():
        application = services.application_create(user=adult, opportunity=opportunity, motivation="Rado pomažem.")
        application = services.application_accept(application=application, by=coordinator)
        services.contract_accept(contract=application.contract, by=adult, as_organiser=False)
        services.contract_accept(contract=application.contract, by=coordinator, as_organiser=True)
        services.statement_sign(application=application, ip=None)
        today = timezone.localdate()
        services.criminal_record_seen(
            application=application, seen_on=today - datetime.timedelta(days=40), by=coordinator
        )
        application = Application.objects.get(pk=application.pk)
        for days_ago, hours, activity in [
            (35, "3", "Pomoć na tečaju"),
            (21, "3", "Pomoć na tečaju"),
            (7, "2.5", "Pomoć na tečaju"),
        ]:
            entry = services.hours_log(
                application=application,
                by=adult,
                date=today - datetime.timedelta(days=days_ago),
                hours=Decimal(hours),
                activity=activity,
            )
            if days_ago > 10:
                services.hours_decide(entry=entry, by=coordinator, approve=True)
        confirmation = services.confirmation_request(
            application=application,
            kind=Confirmation.Kind.VOLUNTEERING,
            period_start=today - datetime.timedelta(days=40),
            period_end=today - datetime.timedelta(days=14),
        )
        services.confirmation_issue(confirmation=confirmation, by=coordinator)
        log("Volunteering: volonter@kok.test with a contract, approved hours and a confirmation")

    teen = _user("mladi@kok.test", "Matej", "Horvat", 16, log)
    if not hasattr(teen, "volunteer_profile"):
        services.volunteer_profile_save(
            user=teen,
            date_of_birth=teen.date_of_birth,
            sex=Sex.MALE,
            citizenship="Hrvatska",
            county=County.ZAGREBACKA,
            address="Kravarsko 77, 10413 Kravarsko",
        )
    youth = pages["pripremimo-osnivanje-savjeta-mladih"]
    if not Application.objects.filter(volunteer=teen, opportunity=youth).exists():
        services.application_create(
            user=teen,
            opportunity=youth,
            guardian_name="Ivana Horvat",
            guardian_email="ivana.horvat@primjer.test",
        )
        log("Volunteering: mladi@kok.test waits for a parent's consent")


def _site_root():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None
