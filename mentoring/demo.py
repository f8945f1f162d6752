"""Demo mentoring programme: the project's organisations, three pairings, goals, meetings, assessments.

Dates are relative to today, so the active pairing always has recent meetings and planned ones
ahead. Running this twice creates nothing new (everything is looked up by name first).
The OIBs are made-up numbers with a valid check digit, not the organisations' real OIBs.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles

from .models import (
    Assessment,
    CapacityArea,
    CapacityInstrument,
    CapacityStatement,
    Goal,
    Meeting,
    MentoringAgreement,
    Organisation,
    OrganisationMembership,
    Pairing,
    Programme,
    Task,
)
from .services import assessment_import, pairing_create
from .validators import oib_check_digit


def demo_oib(first_ten: str) -> str:
    return first_ten + str(oib_check_digit(first_ten))


K = Organisation.Kind
E = Organisation.Experience

# name, first ten OIB digits, kind, registry number, founding year, experience, expertise, description
ORGANISATIONS = [
    (
        "Udruga PET PLUS",
        "4817203965",
        K.ASSOCIATION,
        "01000412",
        2010,
        E.EXPERIENCED,
        [
            "upravljanje-projektima-i-eu-fondovi",
            "financijsko-upravljanje",
            "stratesko-planiranje",
            "digitalne-vjestine",
        ],
        "Nositeljica projekta Pokrenimo KOK! i organizatorica tečajeva u društvenom centru. "
        "Ima iskustvo s projektima Europskoga socijalnog fonda i dijeli ga s udrugama koje tek počinju.",
    ),
    (
        "LAG Vallis Colapis",
        "2390517846",
        K.LAG,
        "01000687",
        2013,
        E.EXPERIENCED,
        [
            "partnerstva-i-zagovaranje",
            "upravljanje-projektima-i-eu-fondovi",
            "komunikacija-i-brendiranje",
            "upravljanje-i-vodstvo",
        ],
        "Lokalna akcijska grupa koja povezuje javni, gospodarski i civilni sektor područja. "
        "U programu mentorira udruge u partnerstvima, vodstvu i predstavljanju lokalnoga kraja.",
    ),
    (
        "KUD Kravarsko",
        "7702841593",
        K.KUD,
        "01001155",
        1998,
        E.EMERGING,
        [],
        "Kulturno-umjetničko društvo koje njeguje tradicijske plesove, pjesme i nošnje Kravarskoga.",
    ),
    (
        "Udruga umirovljenika općine Kravarsko",
        "5561930284",
        K.PENSIONERS,
        "01002034",
        2004,
        E.EMERGING,
        [],
        "Okuplja umirovljenike općine, organizira druženja, izlete i učenje rada na računalu.",
    ),
    (
        "Savjet mladih Općine Kravarsko",
        "3148620957",
        K.YOUTH_COUNCIL,
        "",
        None,  # founded this year
        E.EMERGING,
        [],
        "Prvi savjet mladih u povijesti općine, osnovan u sklopu projekta. Mladi u njemu uče kako "
        "sudjelovati u odlučivanju o svojoj zajednici.",
    ),
    (
        "Općina Kravarsko",
        "9023746158",
        K.LOCAL_GOVERNMENT,
        "",
        1993,
        E.EXPERIENCED,
        [],
        "Jedinica lokalne samouprave i partner projekta: daje na korištenje društveni centar i "
        "surađuje s udrugama. Nije organizacija civilnoga društva.",
    ),
]

# Extra demo people (no password; they cannot log in): e-mail, first, last, organisation, role.
PEOPLE = [
    ("lucija.peric@kok.test", "Lucija", "Perić", "LAG Vallis Colapis", OrganisationMembership.Role.MENTOR),
    ("josip.matic@kok.test", "Josip", "Matić", "KUD Kravarsko", OrganisationMembership.Role.PRESIDENT),
    (
        "dragica.vukovic@kok.test",
        "Dragica",
        "Vuković",
        "Udruga umirovljenika općine Kravarsko",
        OrganisationMembership.Role.PRESIDENT,
    ),
    ("luka.babic@kok.test", "Luka", "Babić", "Savjet mladih Općine Kravarsko", OrganisationMembership.Role.PRESIDENT),
]

PROGRAMME_NAME = "Mentorski program za udruge Kravarskoga"

# Area slugs in instrument order, used by the score profiles below.
AREA_ORDER = [
    "upravljanje-i-vodstvo",
    "stratesko-planiranje",
    "financijsko-upravljanje",
    "upravljanje-projektima-i-eu-fondovi",
    "ljudski-resursi-i-volonteri",
    "komunikacija-i-brendiranje",
    "partnerstva-i-zagovaranje",
    "digitalne-vjestine",
]

EVIDENCE = {
    "pocetna": "Razgovor s predsjednikom i pregled statuta, zapisnika i financijskih izvješća.",
    "srednja": "Pregled dokumenata izrađenih u mentorstvu i razgovor s članovima.",
    "zavrsna": "Dokumenti izrađeni tijekom mentorstva, objave i potvrde financijera.",
}


def _day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def _at(offset: int, hour: int = 17) -> datetime.datetime:
    day = _day(offset)
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


def load(*, log, with_accounts: bool) -> None:
    instrument = CapacityInstrument.default()
    if instrument is None:
        log("Mentoring demo skipped: no capacity instrument.")
        return
    areas = {a.slug: a for a in CapacityArea.objects.filter(instrument=instrument)}

    orgs = {}
    for name, oib10, kind, registry, year, experience, expertise, description in ORGANISATIONS:
        org, created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "oib": demo_oib(oib10),
                "kind": kind,
                "registry_number": registry,
                "founding_year": year or timezone.localdate().year,
                "experience": experience,
                "description": description,
                "municipality": "Kravarsko",
            },
        )
        if created:
            org.full_clean()
            org.expertise.set([areas[slug] for slug in expertise if slug in areas])
        orgs[name] = org
    log(f"Mentoring: {len(orgs)} organisations")

    users = {}
    if with_accounts:
        User = get_user_model()
        for email, role, org_name, capacity in [
            ("mentor@kok.test", OrganisationMembership.Role.MENTOR, "Udruga PET PLUS", 3),
            ("clan@kok.test", OrganisationMembership.Role.MEMBER, "Savjet mladih Općine Kravarsko", 0),
        ]:
            user = User.objects.filter(email=email).first()
            if user:
                users[email] = user
                OrganisationMembership.objects.get_or_create(
                    user=user, organisation=orgs[org_name], defaults={"role": role, "mentor_capacity": capacity}
                )
        for email, first, last, org_name, role in PEOPLE:
            user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last})
            if created:
                user.set_unusable_password()
                user.municipality = "Kravarsko"
                user.save()
                group = roles.MENTOR if role == OrganisationMembership.Role.MENTOR else roles.CSO_MEMBER
                user.groups.add(*Group.objects.filter(name=group))
            users[email] = user
            OrganisationMembership.objects.get_or_create(
                user=user,
                organisation=orgs[org_name],
                defaults={"role": role, "mentor_capacity": 3 if role == OrganisationMembership.Role.MENTOR else 0},
            )
        users["koordinator"] = User.objects.filter(email="koordinator@kok.test").first()

    programme, created = Programme.objects.get_or_create(
        name=PROGRAMME_NAME,
        defaults={
            "cohort": f"{_day(-240).year}./{_day(150).year}.",
            "description": (
                "Iskusne udruge projekta Pokrenimo KOK! prenose znanje udrugama koje tek rastu: "
                "kako planirati, voditi financije, pisati projekte i uključiti zajednicu."
            ),
            "start_date": _day(-240),
            "end_date": _day(150),
            "coordinator": users.get("koordinator"),
            "instrument": instrument,
            "funder": "Europski socijalni fond",
            "certificate_template": _certificate_template(),
        },
    )
    if not created:
        log("Mentoring programme kept")
        return

    pet, lag = orgs["Udruga PET PLUS"], orgs["LAG Vallis Colapis"]
    youth, kud, seniors = (
        orgs["Savjet mladih Općine Kravarsko"],
        orgs["KUD Kravarsko"],
        orgs["Udruga umirovljenika općine Kravarsko"],
    )
    mentor, lucija = users.get("mentor@kok.test"), users.get("lucija.peric@kok.test")
    clan, luka = users.get("clan@kok.test"), users.get("luka.babic@kok.test")
    josip = users.get("josip.matic@kok.test")

    # 1. Active: PET PLUS mentors the newly founded youth council.
    active = _pairing(programme, pet, youth, [mentor], _day(-200), None, Pairing.State.ACTIVE)
    _agreement(
        active,
        "Savjet mladih donijet će svoj prvi program rada, pokrenuti kanale komunikacije s mladima "
        "i pripremiti prvu prijavu na natječaj za projekt mladih.",
        MentoringAgreement.Frequency.FORTNIGHTLY,
        mentor,
        clan or luka,
        _at(-195),
    )
    goal = _goal(active, "Donijeti program rada Savjeta mladih", areas["stratesko-planiranje"], _day(20), None, 0)
    _task(goal, "Anketa među mladima o njihovim potrebama", _day(-150), True)
    _task(goal, "Nacrt programa rada s prioritetima za iduću godinu", _day(-60), True)
    _task(goal, "Predstavljanje programa općinskom vijeću", _day(20), False, milestone=True)
    goal = _goal(active, "Pokrenuti komunikaciju s mladima", areas["komunikacija-i-brendiranje"], _day(-10), None, 1)
    _task(goal, "Otvoriti profil Savjeta na društvenoj mreži", _day(-120), True)
    _task(goal, "Dogovoriti pravila objavljivanja", _day(-90), True)
    _task(goal, "Objaviti prvih deset objava o radu Savjeta", _day(-10), False)
    _goal(
        active,
        "Pripremiti prvu prijavu na natječaj",
        areas["upravljanje-projektima-i-eu-fondovi"],
        _day(90),
        30,
        2,
    )
    people = [p for p in (mentor, clan, luka) if p]
    meetings = [
        (
            -190,
            90,
            Meeting.Format.IN_PERSON,
            "Upoznavanje i dogovor o mentorstvu",
            "Predstavili smo rad Udruge PET PLUS i razgovarali o tome što Savjet mladih treba naučiti prvo.",
            "Savjet priprema popis pitanja za anketu mladih.",
        ),
        (
            -160,
            60,
            Meeting.Format.ONLINE,
            "Anketa među mladima",
            "Prošli smo pitanja ankete, skratili je na deset pitanja i dogovorili kako je podijeliti u školi i na mreži.",
            "Anketa ide van do kraja mjeseca.",
        ),
        (
            -125,
            75,
            Meeting.Format.IN_PERSON,
            "Rezultati ankete i prioriteti",
            "Mladi najviše traže prostor za druženje, radionice i prijevoz na događanja. Izdvojili smo tri prioriteta.",
            "Otvoriti profil na društvenoj mreži i napisati prve objave.",
        ),
        (
            -95,
            45,
            Meeting.Format.PHONE,
            "Pravila objavljivanja",
            "Dogovorili smo tko objavljuje, kako se traži privola za fotografije i koliko često objavljujemo.",
            "Prve objave o anketi i prioritetima.",
        ),
        (
            -60,
            120,
            Meeting.Format.IN_PERSON,
            "Nacrt programa rada",
            "Zajedno smo napisali nacrt programa rada i povezali ga s proračunom općine.",
            "Nacrt poslati pročelniku općine na komentare.",
        ),
        (
            -25,
            60,
            Meeting.Format.ONLINE,
            "Izvori financiranja za mlade",
            "Pregledali smo natječaje za projekte mladih i kriterije za prijavitelje.",
            "Odabrati jedan natječaj i skicirati ideju projekta.",
        ),
    ]
    for index, (offset, minutes, fmt, topics, notes, next_steps) in enumerate(meetings):
        confirmed = index < 5
        _meeting(
            active,
            _at(offset),
            minutes,
            fmt,
            topics,
            notes,
            next_steps,
            people,
            mentor,
            (clan or luka) if confirmed else None,
        )
    _meeting(
        active,
        _at(12),
        90,
        Meeting.Format.IN_PERSON,
        "Predstavljanje programa rada općinskom vijeću — priprema",
        "",
        "",
        people,
        mentor,
        None,
        planned=True,
        location="Društveni centar Kravarsko",
    )
    _meeting(
        active,
        _at(40),
        60,
        Meeting.Format.ONLINE,
        "Ideja projekta i proračun",
        "",
        "",
        people,
        mentor,
        None,
        planned=True,
        location="Videopoziv",
    )

    # 2. Completed: LAG Vallis Colapis mentored the KUD.
    done = _pairing(programme, lag, kud, [lucija], _day(-235), _day(-40), Pairing.State.COMPLETED)
    _agreement(
        done,
        "KUD Kravarsko izradit će strateški plan, urediti financijsko poslovanje i samostalno "
        "prijaviti program na natječaj za kulturu.",
        MentoringAgreement.Frequency.MONTHLY,
        lucija,
        josip,
        _at(-230),
    )
    goal = _goal(done, "Izraditi strateški plan za tri godine", areas["stratesko-planiranje"], _day(-120), None, 0)
    _task(goal, "Radionica s članovima o viziji društva", _day(-200), True)
    _task(goal, "Strateški plan usvojen na skupštini", _day(-120), True, milestone=True)
    goal = _goal(
        done,
        "Prijaviti program na natječaj za kulturu",
        areas["upravljanje-projektima-i-eu-fondovi"],
        _day(-70),
        None,
        1,
    )
    _task(goal, "Odabir natječaja i provjera uvjeta", _day(-150), True)
    _task(goal, "Proračun i opis programa", _day(-90), True)
    _task(goal, "Predaja prijave", _day(-70), True, milestone=True)
    _goal(done, "Urediti financijsko poslovanje", areas["financijsko-upravljanje"], _day(-45), 100, 2)
    kud_people = [p for p in (lucija, josip) if p]
    for offset, minutes, fmt, topics, notes in [
        (
            -228,
            90,
            Meeting.Format.IN_PERSON,
            "Upoznavanje i početna procjena",
            "Prošli smo upitnik procjene kapaciteta i dogovorili ciljeve.",
        ),
        (
            -200,
            150,
            Meeting.Format.IN_PERSON,
            "Radionica o viziji",
            "Dvanaest članova KUD-a sudjelovalo je u radionici o tome gdje društvo vide za tri godine.",
        ),
        (
            -160,
            60,
            Meeting.Format.ONLINE,
            "Financijski plan",
            "Izradili smo predložak financijskoga plana i kalendar rokova za izvješća.",
        ),
        (
            -125,
            90,
            Meeting.Format.IN_PERSON,
            "Strateški plan",
            "Završili smo strateški plan i pripremili ga za skupštinu.",
        ),
        (
            -90,
            120,
            Meeting.Format.IN_PERSON,
            "Prijava na natječaj",
            "Napisali smo opis programa i proračun prijave za kulturu.",
        ),
        (
            -45,
            60,
            Meeting.Format.PHONE,
            "Završni razgovor",
            "Usporedili smo početnu i završnu procjenu i dogovorili kako KUD nastavlja sam.",
        ),
    ]:
        _meeting(done, _at(offset), minutes, fmt, topics, notes, "", kud_people, lucija, josip)

    # 3. Proposed: LAG Vallis Colapis and the pensioners' association, waiting for the agreement.
    proposed = _pairing(programme, lag, seniors, [lucija], _day(14), None, Pairing.State.PROPOSED)
    _agreement(
        proposed,
        "Udruga umirovljenika pokrenut će tečajeve rada na računalu za članove i predstaviti svoj rad "
        "na mrežnoj stranici općine.",
        MentoringAgreement.Frequency.MONTHLY,
        lucija,
        None,
        _at(-3),
    )
    _goal(proposed, "Pokrenuti tečajeve rada na računalu za članove", areas["digitalne-vjestine"], _day(120), None, 0)

    # Assessments: baseline and a later round that shows growth.
    _assess(active, "pocetna", _day(-185), [2, 1, 1, 1, 2, 2, 2, 3], users.get("mentor@kok.test"))
    _assess(active, "srednja", _day(-30), [3, 3, 2, 2, 3, 4, 3, 4], users.get("mentor@kok.test"))
    _assess(done, "pocetna", _day(-226), [3, 2, 2, 1, 3, 2, 3, 2], lucija)
    _assess(done, "srednja", _day(-130), [3, 3, 3, 2, 3, 3, 3, 2], lucija)
    _assess(done, "zavrsna", _day(-42), [4, 4, 3, 3, 4, 4, 4, 3], lucija)
    _assess(proposed, "pocetna", _day(-2), [3, 2, 3, 2, 3, 1, 3, 1], lucija)
    log("Mentoring: programme, 3 pairings, goals, meetings and assessments")


def _certificate_template():
    from certificates.models import CertificateTemplate

    return CertificateTemplate.objects.filter(name="Potvrda o sudjelovanju u mentorskom programu").first()


def _pairing(programme, mentor_org, mentee_org, mentors, start, end, state):
    return pairing_create(
        programme=programme,
        mentor_organisation=mentor_org,
        mentee_organisation=mentee_org,
        mentors=[m for m in mentors if m],
        start_date=start,
        end_date=end,
        state=state,
    )


def _agreement(pairing, goals, frequency, mentor, mentee, accepted_at):
    MentoringAgreement.objects.create(
        pairing=pairing,
        goals=goals,
        meeting_frequency=frequency,
        accepted_by_mentor=mentor,
        accepted_by_mentor_at=accepted_at,
        accepted_by_mentee=mentee,
        accepted_by_mentee_at=accepted_at if mentee else None,
    )


def _goal(pairing, title, area, due, manual, order):
    goal = Goal(
        pairing=pairing, title=title, capacity_area=area, due_date=due, manual_progress=manual, sort_order=order
    )
    goal.full_clean()
    goal.save()
    return goal


def _task(goal, title, due, done, milestone=False):
    Task.objects.create(
        goal=goal,
        title=title,
        due_date=due,
        done=done,
        is_milestone=milestone,
        done_at=timezone.now() if done else None,
    )


def _meeting(
    pairing,
    starts_at,
    minutes,
    fmt,
    topics,
    notes,
    next_steps,
    attendees,
    recorder,
    confirmer,
    planned=False,
    location="",
):
    meeting = Meeting(
        pairing=pairing,
        starts_at=starts_at,
        duration_minutes=minutes,
        format=fmt,
        topics=topics,
        notes=notes,
        next_steps=next_steps,
        planned=planned,
        location=location or ("Društveni centar Kravarsko" if fmt == Meeting.Format.IN_PERSON else ""),
        recorded_by=recorder,
        confirmed_by=confirmer,
        confirmed_at=starts_at + datetime.timedelta(days=2) if confirmer else None,
    )
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(attendees)


def _assess(pairing, round_, date, profile, by):
    statements = CapacityStatement.objects.filter(area__instrument=pairing.programme.get_instrument()).select_related(
        "area"
    )
    scores = {}
    for index, statement in enumerate(statements):
        base = profile[AREA_ORDER.index(statement.area.slug)] if statement.area.slug in AREA_ORDER else 3
        # A small, fixed spread inside an area so the statements are not all equal.
        value = max(1, min(5, base + (1 if index % 5 == 0 and base < 5 else 0)))
        scores[statement.pk] = (value, EVIDENCE[round_] if statement.sort_order == 0 else "")
    assessment_import(
        organisation=pairing.mentee_organisation,
        pairing=pairing,
        round=round_,
        date=date,
        scores=scores,
        by=by,
    )
    return Assessment.objects.get(pairing=pairing, round=round_)
