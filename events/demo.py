"""Demo content: the community centre's programme for the coming weeks, a trainer, registrations and attendance.

Idempotent: places by name, pages by slug; sessions are created only with a new event (their dates
are relative to the day the demo is loaded). Registrations and attendance go through the services.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from . import services
from .models import Audience, EventKind, EventPage, EventSession, Place, Registration

PLACES = [
    (
        "Društveni centar Kravarsko, velika dvorana",
        "Kravarsko 48, 10413 Kravarsko",
        "Ulaz bez stepenica s parkirališta, pristupačan toalet u prizemlju, indukcijska petlja za slušna "
        "pomagala u velikoj dvorani. Dva parkirna mjesta za osobe s invaliditetom uz ulaz.",
    ),
    (
        "Društveni centar Kravarsko, računalna učionica",
        "Kravarsko 48, 10413 Kravarsko (prvi kat)",
        "Učionica je na prvom katu; dizalo je lijevo od ulaza. Dvanaest računala, jedno s velikim zaslonom "
        "i tipkovnicom s uvećanim slovima.",
    ),
]

# slug, title, kind, audiences, place index, capacity, summary, description, sessions
# (days from today, start hour, start minute, length in minutes), min age, max age
EVENTS = [
    (
        "racunala-uzivo",
        "Osnove rada na računalu – večernji tečaj uživo",
        EventKind.LIVE_COURSE,
        ["odrasli", "starije-osobe"],
        1,
        12,
        "Četiri večeri u računalnoj učionici uz trenera: miš i tipkovnica, mape i datoteke, e-pošta i e-Građani.",
        "<p>Tečaj prati mrežni tečaj <b>Osnove rada na računalu</b>: lekcije čitate kod kuće, a na susretima "
        "vježbamo zajedno. Svatko radi na svom računalu, a trener pomaže jednom po jednom.</p>",
        [(-7, 18, 0, 120), (0, 18, 0, 120), (7, 18, 0, 120), (14, 18, 0, 120)],
        None,
        None,
    ),
    (
        "radionica-brendiranja",
        "Radionica: priča našega kraja kao marka",
        EventKind.WORKSHOP,
        ["odrasli", "mladi"],
        0,
        20,
        "Kako od lokalnih proizvoda, običaja i krajolika Vukomeričkih gorica napraviti prepoznatljivu priču.",
        "<p>Radionica za obrtnike, OPG-ove, udruge i sve koji žele predstaviti Kravarsko: radimo na primjerima "
        "iz našega kraja i izrađujemo prvu skicu vizualnog identiteta.</p>",
        [(10, 17, 0, 180)],
        16,
        None,
    ),
    (
        "kreativna-radionica-za-djecu",
        "Kreativna radionica za djecu: jesenski lampioni",
        EventKind.LEISURE,
        ["djeca"],
        0,
        15,
        "Izrađujemo lampione od papira i prirodnih materijala. Roditelji mogu ostati u dvorani.",
        "<p>Za djecu od 6 do 12 godina. Sav materijal osiguravamo; ponesite staru košulju ili pregaču.</p>",
        [(5, 10, 0, 90)],
        6,
        12,
    ),
    (
        "druzenje-za-starije",
        "Popodne za starije: priče uz čaj i prve videopozive",
        EventKind.LEISURE,
        ["starije-osobe", "osobe-s-invaliditetom"],
        0,
        25,
        "Druženje uz čaj u suradnji s Udrugom umirovljenika općine Kravarsko; naučimo i prvi videopoziv s unucima.",
        "<p>Volonteri pomažu svakome na njegovom mobitelu. Ako trebate prijevoz do centra, javite se udruzi "
        "umirovljenika.</p>",
        [(3, 15, 0, 120), (17, 15, 0, 120)],
        None,
        None,
    ),
    (
        "kulturna-vecer-kud-kravarsko",
        "Kulturna večer s KUD-om Kravarsko",
        EventKind.CULTURAL,
        ["djeca", "mladi", "odrasli", "starije-osobe", "osobe-s-invaliditetom"],
        0,
        120,
        "Pjesme i plesovi Turopolja i Vukomeričkih gorica, izložba starih fotografija i druženje nakon programa.",
        "<p>KUD Kravarsko predstavlja novu koreografiju i pjesme koje su skupili od najstarijih mještana.</p>",
        [(12, 19, 0, 150)],
        None,
        None,
    ),
]

TRAINER_EMAIL = "trener@kok.test"


def _trainer(log):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from accounts import roles
    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User

    user, created = User.objects.get_or_create(
        email=TRAINER_EMAIL, defaults={"first_name": "Goran", "last_name": "Matić", "municipality": "Kravarsko"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    trainers, _created = Group.objects.get_or_create(name=roles.TRAINER)
    user.groups.add(trainers, *Group.objects.filter(name=roles.LEARNER))
    EmailAddress.objects.update_or_create(user=user, email=TRAINER_EMAIL, defaults={"verified": True, "primary": True})
    log(f"{'Created' if created else 'Kept'} demo account {TRAINER_EMAIL}")
    return user


def _event(index, data, *, places, trainer, log) -> EventPage:
    slug, title, kind, audience_slugs, place, capacity, summary, description, sessions, min_age, max_age = data
    event = EventPage.objects.child_of(index).filter(slug=slug).first()
    if event is not None:
        return event
    today = timezone.localdate()
    event = EventPage(
        title=title,
        slug=slug,
        kind=kind,
        place=places[place],
        capacity=capacity,
        summary=summary,
        description=description,
        min_age=min_age,
        max_age=max_age,
    )
    for days, hour, minute, minutes in sessions:
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour, minute))
        )
        event.sessions.add(EventSession(start=start, end=start + datetime.timedelta(minutes=minutes)))
    # Parental many-to-many fields are saved with the page.
    event.audiences.set(Audience.objects.filter(slug__in=audience_slugs))
    if trainer is not None:
        event.trainers.set([trainer])
    index.add_child(instance=event)
    event.save_revision().publish()
    log(f"Created the event {title}")
    return EventPage.objects.get(pk=event.pk)


def load(*, log, with_accounts: bool) -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        log("No site: the programme skipped.")
        return
    index = services.programme_setup(home=site.root_page, log=log)
    places = [
        Place.objects.get_or_create(name=name, defaults={"address": address, "accessibility_notes": notes})[0]
        for name, address, notes in PLACES
    ]
    trainer = _trainer(log) if with_accounts else None
    events = [_event(index, data, places=places, trainer=trainer, log=log) for data in EVENTS]
    if not with_accounts:
        return
    _registrations(events, trainer=trainer, log=log)


def _registrations(events, *, trainer, log) -> None:
    from accounts.models import User

    computer, branding, _children, seniors, _culture = events
    people = {user.email: user for user in User.objects.filter(email__endswith="@kok.test")}
    learner, mentor, member = (
        people.get("polaznik@kok.test"),
        people.get("mentor@kok.test"),
        people.get("clan@kok.test"),
    )
    if Registration.objects.filter(event=computer).exists() or learner is None:
        return
    for person in (learner, mentor, member):
        if person is not None:
            services.registration_create(user=person, event=computer)
    if learner.date_of_birth is None:
        services.registration_create(user=learner, event=branding, date_of_birth=datetime.date(1968, 5, 14))
    else:
        services.registration_create(user=learner, event=branding)
    if member is not None:
        services.registration_create(user=member, event=seniors)
    first_session = computer.sessions.order_by("start").first()
    statuses = {learner: "present", mentor: "late", member: "excused"}
    for person, status in statuses.items():
        if person is None:
            continue
        registration = Registration.objects.get(event=computer, user=person)
        services.attendance_mark(by=trainer, session=first_session, registration=registration, status=status)
    log("Registered the demo accounts for the programme, with attendance of the first evening")
