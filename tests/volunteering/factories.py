import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from home.models import HomePage
from organisations.models import OrganisationMembership
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from volunteering import services
from volunteering.models import ActivityType, County, OpportunityPage, Sex, VolunteeringIndexPage

_slug = itertools.count(1)


def index_page() -> VolunteeringIndexPage:
    index = VolunteeringIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(
            instance=VolunteeringIndexPage(title="Volontiranje", slug="volontiranje")
        )
    return index


def opportunity(**kwargs) -> OpportunityPage:
    number = next(_slug)
    defaults = {
        "title": f"Prilika za volontiranje {number}",
        "slug": f"prilika-test-{number}",
        "what_you_will_do": "Pomažete na priredbi.",
        "activity_type": ActivityType.CULTURE,
        "place": "Kravarsko",
        "area": County.ZAGREBACKA,
        "time_commitment": "Jedna večer",
        "minimum_age": 18,
    }
    defaults.update(kwargs)
    if "organiser" not in defaults:
        defaults["organiser"] = OrganisationFactory()
    page = index_page().add_child(instance=OpportunityPage(**defaults))
    return page


def birth_date_for(age: int) -> datetime.date:
    today = timezone.localdate()
    return (
        datetime.date(today.year - age - 1, 1, 1)
        if (today.month, today.day) < (1, 2)
        else datetime.date(today.year - age, 1, 1)
    )


def volunteer(age: int = 30, citizenship: str = "Hrvatska", sex: str = Sex.FEMALE, county: str = County.ZAGREBACKA):
    user = UserFactory(date_of_birth=birth_date_for(age))
    services.volunteer_profile_save(
        user=user,
        date_of_birth=birth_date_for(age),
        sex=sex,
        citizenship=citizenship,
        county=county,
        address="Kravarsko 5, 10413 Kravarsko",
        phone="091 000 0000",
    )
    return user


def coordinator_of(organisation):
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name="Koordinator volontera"))
    MembershipFactory(user=user, organisation=organisation, role=OrganisationMembership.Role.COORDINATOR)
    return user


def accepted_application(*, opp=None, user=None, **kwargs):
    opp = opp or opportunity()
    user = user or volunteer()
    application = services.application_create(user=user, opportunity=opp, **kwargs)
    return services.application_accept(application=application, by=coordinator_of(opp.organiser))


def approved_hours(application, date, hours="2"):
    entry = services.hours_log(
        application=application, by=application.volunteer, date=date, hours=Decimal(hours), activity="Pomoć"
    )
    return services.hours_decide(entry=entry, by=None, approve=True)
