"""The benchmark population, seeded into the bench database only (var/bench/ or --database-url).

The full scale of the issue: 10,000 learners, 50 courses × 20 lessons, 200,000 lesson
completions, 5,000 certificates, 60 mentoring pairings with meetings. Seeding is a list of
steps (`STEPS`); each step says which models it needs, so the harness seeds what the code base
can hold today and the seed signature changes (and the database is rebuilt) when a new step
becomes available. Rows are written with `bulk_create` in large batches; Wagtail pages (which
need the tree) are the only rows created one by one.
"""

from __future__ import annotations

import datetime
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

# Bump when the data a step writes changes shape, to force a reseed of existing bench databases.
SEED_VERSION = 2
BENCH_EMAIL_DOMAIN = "bench.kok.test"
# Every seeded learner has this password (hashed once, stored 10,000 times); bench-only data.
BENCH_PASSWORD = "kok-bench-lozinka-2026"
BATCH = 2_000

FIRST_NAMES = [
    "Marija", "Ivan", "Ana", "Josip", "Petra", "Marko", "Ivana", "Stjepan", "Katarina", "Tomislav",
    "Lucija", "Nikola", "Mateja", "Đuro", "Snježana", "Željko", "Barbara", "Dragutin", "Jelena", "Zvonimir",
]  # fmt: skip
LAST_NAMES = [
    "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Kovačić", "Knežević", "Vuković", "Marković",
    "Petrović", "Matić", "Tomić", "Pavlović", "Šimić", "Božić", "Blažević", "Grgić", "Pavić", "Čolić",
]  # fmt: skip
MUNICIPALITIES = ["Kravarsko", "Velika Gorica", "Pokupsko", "Orle", "Lekenik", "Vukovina", "Donja Lomnica"]


@dataclass(frozen=True)
class Scale:
    learners: int = 10_000
    courses: int = 50
    lessons_per_course: int = 20
    completions: int = 200_000
    certificates: int = 5_000
    pairings: int = 60
    # The learner whose pages are measured is enrolled in this many courses (dashboard budget).
    bench_learner_enrolments: int = 20
    events: int = 60  # upcoming, on /program/ (issue 14)
    registrations_per_event: int = 20
    opportunities: int = 30  # on /volontiranje/ (issue 15)
    volunteers: int = 2_000  # one organiser's volunteers in the annual report's year
    hour_entries: int = 50_000
    participants: int = 10_000  # ESF participant records (issue 16)

    def scaled(self, factor: float) -> Scale:
        """A smaller population for quick runs while developing (`--scale 0.1`)."""
        if factor == 1:
            return self
        return Scale(
            learners=max(20, int(self.learners * factor)),
            courses=max(self.bench_learner_enrolments, int(self.courses * factor)),
            lessons_per_course=self.lessons_per_course,
            completions=int(self.completions * factor),
            certificates=int(self.certificates * factor),
            pairings=max(3, int(self.pairings * factor)),
            bench_learner_enrolments=self.bench_learner_enrolments,
            events=max(5, int(self.events * factor)),
            registrations_per_event=self.registrations_per_event,
            opportunities=max(5, int(self.opportunities * factor)),
            volunteers=max(20, int(self.volunteers * factor)),
            hour_entries=max(100, int(self.hour_entries * factor)),
            participants=max(100, int(self.participants * factor)),
        )


def learner_email(number: int) -> str:
    return f"polaznik{number:05d}@{BENCH_EMAIL_DOMAIN}"


# The learner whose lesson page and dashboard are measured; learners 2..17 are the concurrent writers.
BENCH_LEARNER_EMAIL = learner_email(1)
# The mentor whose dashboard is measured (created by the mentoring step).
BENCH_MENTOR_EMAIL = f"mentor@{BENCH_EMAIL_DOMAIN}"


@dataclass
class StepResult:
    name: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One part of the population. `requires` are "app_label.ModelName" strings."""

    name: str
    requires: tuple[str, ...]
    run: Callable[[Scale, Callable[[str], None]], dict[str, int]]

    def missing(self) -> list[str]:
        missing = []
        for label in self.requires:
            try:
                apps.get_model(label)
            except LookupError:
                missing.append(label)
        return missing


def _bulk(model, objects, *, batch_size: int = BATCH) -> int:
    created = 0
    for start in range(0, len(objects), batch_size):
        model.objects.bulk_create(objects[start : start + batch_size], batch_size=batch_size)
        created += len(objects[start : start + batch_size])
    return created


def seed_learners(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """Learners with verified e-mail addresses in the learner group, as sign-up would leave them."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import LEARNER

    password = make_password(BENCH_PASSWORD)
    rng = random.Random(2026)
    bench_learners = User.objects.filter(email__startswith="polaznik", email__endswith=f"@{BENCH_EMAIL_DOMAIN}")
    existing = set(bench_learners.values_list("email", flat=True))
    users = []
    for number in range(1, scale.learners + 1):
        email = learner_email(number)
        if email in existing:
            continue
        users.append(
            User(
                email=email,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                municipality=rng.choice(MUNICIPALITIES),
                password=password,
                is_active=True,
            )
        )
    with transaction.atomic():
        created = _bulk(User, users)
        learners = list(bench_learners.values_list("pk", "email"))
        have_address = set(
            EmailAddress.objects.filter(user_id__in=[pk for pk, _ in learners]).values_list("user_id", flat=True)
        )
        _bulk(
            EmailAddress,
            [
                EmailAddress(user_id=pk, email=email, verified=True, primary=True)
                for pk, email in learners
                if pk not in have_address
            ],
        )
        group = Group.objects.get(name=LEARNER)
        membership = User.groups.through
        in_group = set(membership.objects.filter(group=group).values_list("user_id", flat=True))
        _bulk(membership, [membership(user_id=pk, group_id=group.pk) for pk, _ in learners if pk not in in_group])
    log(f"learners: {created} created, {len(learners)} in total")
    return {"learners": len(learners)}


BENCH_COURSE_SLUG = "bench-tecaj-{:02d}"
MODULES_PER_COURSE = 2


def _fresh_block_ids(value):
    """A copy of StreamField raw data with new block ids (ids must be unique per lesson)."""
    if isinstance(value, list):
        return [_fresh_block_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: (str(uuid.uuid4()) if key == "id" else _fresh_block_ids(item)) for key, item in value.items()}
    return value


def _bench_courses():
    from courses.models import CoursePage

    prefix = BENCH_COURSE_SLUG.split("{", 1)[0]
    return list(CoursePage.objects.filter(slug__startswith=prefix).order_by("path"))


def seed_courses(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """Courses of 2 modules × 10 lessons under the catalogue, with the demo courses' real texts.

    Titles, descriptions and lesson bodies (text, steps, quizzes) are copied from the demo
    courses in turn, so pages weigh what real lessons weigh. Pages are created live without
    revisions: the harness measures serving, not editing.
    """
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

    index = CourseIndexPage.objects.first()
    if index is None:
        raise RuntimeError("the course catalogue is missing: load_demo should have created it")
    prefix = BENCH_COURSE_SLUG.split("{", 1)[0]
    demo_courses = list(CoursePage.objects.child_of(index).exclude(slug__startswith=prefix).order_by("path"))
    demo_lessons = [
        lesson
        for course in demo_courses
        for lesson in LessonPage.objects.filter(path__startswith=course.path).order_by("path")
    ]
    demo_modules = [
        module for course in demo_courses for module in ModulePage.objects.child_of(course).order_by("path")
    ]
    if not demo_courses or not demo_lessons:
        raise RuntimeError("the demo courses are missing: load_demo should have created them")
    existing = {course.slug for course in _bench_courses()}
    lessons_per_module = scale.lessons_per_course // MODULES_PER_COURSE
    created = 0
    for number in range(1, scale.courses + 1):
        slug = BENCH_COURSE_SLUG.format(number)
        if slug in existing:
            continue
        template = demo_courses[(number - 1) % len(demo_courses)]
        with transaction.atomic():
            course = CoursePage(
                title=f"{template.title} ({number}. grupa)",
                slug=slug,
                summary=template.summary,
                description=template.description,
                learning_outcomes=_fresh_block_ids(list(template.learning_outcomes.raw_data)),
                level=template.level,
                estimated_hours=template.estimated_hours,
                pass_mark=template.pass_mark,
                enrolment_mode=template.enrolment_mode,
                categories=list(template.categories.all()),
                audiences=list(template.audiences.all()),
            )
            index.add_child(instance=course)
            for module_number in range(MODULES_PER_COURSE):
                module_template = demo_modules[(number + module_number) % len(demo_modules)]
                module = ModulePage(
                    title=module_template.title, slug=f"modul-{module_number + 1}", intro=module_template.intro
                )
                course.add_child(instance=module)
                for lesson_number in range(lessons_per_module):
                    position = number * scale.lessons_per_course + module_number * lessons_per_module + lesson_number
                    lesson_template = demo_lessons[position % len(demo_lessons)]
                    module.add_child(
                        instance=LessonPage(
                            title=lesson_template.title,
                            slug=f"lekcija-{lesson_number + 1}",
                            intro=lesson_template.intro,
                            estimated_minutes=lesson_template.estimated_minutes,
                            required=True,
                            body=_fresh_block_ids(list(lesson_template.body.raw_data)),
                        )
                    )
        created += 1
        if created % 10 == 0:
            log(f"courses: {created} created")
    total_lessons = LessonPage.objects.filter(slug__startswith="lekcija-", path__startswith=index.path).count()
    log(f"courses: {created} created, {len(existing) + created} bench courses")
    return {"courses": len(existing) + created, "lessons": total_lessons}


def seed_progress(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """Enrolments and lesson completions (bulk), so that `scale.certificates` enrolments are complete.

    The bench learner (whose dashboard and lesson page are measured) is enrolled in
    `bench_learner_enrolments` courses at every stage of progress; learners 2-17 (the concurrent
    writers) are enrolled in the first course with nothing done yet; everybody else gets complete
    enrolments first, then partly done ones until the completion total is reached.
    """
    from accounts.models import User
    from courses.models import Enrolment, EnrolmentStatus, LessonCompletion, LessonPage

    if Enrolment.objects.filter(user__email__endswith=f"@{BENCH_EMAIL_DOMAIN}").exists():
        log("progress: already seeded")
        return _progress_counts()
    courses = _bench_courses()
    lessons = {
        course.pk: list(
            LessonPage.objects.filter(path__startswith=course.path).order_by("path").values_list("pk", flat=True)
        )
        for course in courses
    }
    learner_ids = list(
        User.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}", email__startswith="polaznik")
        .order_by("email")
        .values_list("pk", flat=True)
    )
    rng = random.Random(42)
    plan: list[tuple[int, int, int]] = []  # (learner, course, lessons done)
    for position, course in enumerate(courses[: scale.bench_learner_enrolments]):
        size = len(lessons[course.pk])
        plan.append((learner_ids[0], course.pk, size if position < 2 else position % size))
    writers = learner_ids[1:17]
    plan += [(learner, courses[0].pk, 0) for learner in writers]
    others = learner_ids[17:]
    enrolled: dict[int, set[int]] = {}

    capacity = len(others) * len(courses)

    def next_pair(counter: int) -> tuple[int, int]:
        learner = others[counter % len(others)]
        taken = enrolled.setdefault(learner, set())
        course = rng.choice([c.pk for c in courses if c.pk not in taken])
        taken.add(course)
        return learner, course

    # Each learner enrols in each course at most once; a small --scale can run out of pairs.
    counter = 0
    done_total = sum(done for _, _, done in plan)
    completed = sum(1 for _, course, done in plan if done == len(lessons[course]))
    while completed < scale.certificates and done_total < scale.completions and counter < capacity:
        learner, course = next_pair(counter)
        counter += 1
        size = len(lessons[course])
        plan.append((learner, course, size))
        completed += 1
        done_total += size
    while done_total < scale.completions and counter < capacity:
        learner, course = next_pair(counter)
        counter += 1
        done = min(rng.randint(1, len(lessons[course]) - 1), scale.completions - done_total)
        plan.append((learner, course, done))
        done_total += done

    now = timezone.now()
    with transaction.atomic():
        enrolments = []
        for learner, course, done in plan:
            complete = done == len(lessons[course])
            started = now - datetime.timedelta(days=rng.randint(20, 400))
            enrolments.append(
                Enrolment(
                    user_id=learner,
                    course_id=course,
                    status=EnrolmentStatus.COMPLETED if complete else EnrolmentStatus.ACTIVE,
                    enrolled_at=started,
                    completed_at=started + datetime.timedelta(days=14) if complete else None,
                    last_activity_at=started + datetime.timedelta(days=7) if done else None,
                )
            )
        _bulk(Enrolment, enrolments)
        ids = {
            (user, course): pk
            for pk, user, course in Enrolment.objects.filter(
                user__email__endswith=f"@{BENCH_EMAIL_DOMAIN}"
            ).values_list("pk", "user_id", "course_id")
        }
        completions = []
        for learner, course, done in plan:
            enrolment_id = ids[(learner, course)]
            completions += [
                LessonCompletion(enrolment_id=enrolment_id, lesson_id=lesson, completed_at=now)
                for lesson in lessons[course][:done]
            ]
            if len(completions) >= 20_000:
                _bulk(LessonCompletion, completions, batch_size=5_000)
                completions = []
        _bulk(LessonCompletion, completions, batch_size=5_000)
    counts = _progress_counts()
    log(f"progress: {counts['enrolments']} enrolments, {counts['lesson_completions']} lesson completions")
    return counts


def _progress_counts() -> dict[str, int]:
    from courses.models import Enrolment, EnrolmentStatus, LessonCompletion

    bench = Enrolment.objects.filter(user__email__endswith=f"@{BENCH_EMAIL_DOMAIN}")
    return {
        "enrolments": bench.count(),
        "completed_enrolments": bench.filter(status=EnrolmentStatus.COMPLETED).count(),
        "lesson_completions": LessonCompletion.objects.filter(enrolment__in=bench).count(),
    }


def seed_certificates(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """A certificate for every completed bench enrolment, as course completion would issue it.

    PDFs are not rendered here (the certificates benchmark measures rendering); the public
    verification page needs only the register row.
    """
    from certificates.codes import generate_code
    from certificates.models import Certificate
    from courses.models import Enrolment, EnrolmentStatus
    from kok_learn.operator import organisation_name

    have = set(
        Certificate.objects.filter(recipient__email__endswith=f"@{BENCH_EMAIL_DOMAIN}").values_list(
            "recipient_id", "subject_key"
        )
    )
    completed = Enrolment.objects.filter(
        user__email__endswith=f"@{BENCH_EMAIL_DOMAIN}", status=EnrolmentStatus.COMPLETED
    ).select_related("user", "course")
    codes: set[str] = set(Certificate.objects.values_list("code", flat=True))
    issuer = organisation_name()  # the operator in the site settings, as on every certificate issued
    certificates = []
    for enrolment in completed.order_by("pk").iterator(chunk_size=2_000):
        key = f"course:{enrolment.course_id}"
        if (enrolment.user_id, key) in have:
            continue
        code = generate_code()
        while code in codes:
            code = generate_code()
        codes.add(code)
        certificates.append(
            Certificate(
                code=code,
                recipient_id=enrolment.user_id,
                subject_key=key,
                holder_name=enrolment.user.display_name,
                title=enrolment.course.title,
                hours=enrolment.course.estimated_hours,
                issued_on=timezone.localdate(enrolment.completed_at),
                issuer=issuer,
            )
        )
    with transaction.atomic():
        created = _bulk(Certificate, certificates)
    total = Certificate.objects.filter(recipient__email__endswith=f"@{BENCH_EMAIL_DOMAIN}").count()
    log(f"certificates: {created} created, {total} in total")
    return {"certificates": total}


BENCH_PROGRAMME = "Mentorski program za mjerenje izvedbe"
MENTOR_ORGANISATIONS = 12
MEETINGS_PER_PAIRING = 10
GOALS_PER_PAIRING = 3
TASKS_PER_GOAL = 4
MEETING_TOPICS = [
    "Plan rada za iduće tromjesečje i podjela zadataka među članovima",
    "Priprema prijave na natječaj: proračun, pokazatelji i prilozi",
    "Vođenje evidencije volontera i potvrde o volontiranju",
    "Godišnje financijsko izvješće i rokovi prema Ministarstvu financija",
    "Objave na društvenim mrežama i suradnja s lokalnim medijima",
    "Dogovor sa školom i općinom o zajedničkom programu za mlade",
]
GOAL_TITLES = [
    "Usvojiti strateški plan udruge za tri godine",
    "Prijaviti prvi projekt na natječaj iz EU fondova",
    "Uspostaviti redovito izvještavanje članova i javnosti",
]
TASK_TITLES = ["Nacrt", "Rasprava na skupštini", "Ispravci nakon rasprave", "Objava i dostava partnerima"]


def _oib(rng: random.Random, taken: set[str]) -> str:
    from mentoring.demo import demo_oib

    while True:
        oib = demo_oib("".join(rng.choice("0123456789") for _ in range(10)))
        if oib not in taken:
            taken.add(oib)
            return oib


def seed_mentoring(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """One programme with `scale.pairings` active pairings, all mentored by the bench mentor.

    The mentor dashboard is measured for the mentor of every pairing (the worst case: its
    queries must not grow with the number of pairings). Each pairing has an accepted agreement,
    goals with tasks, meetings (held, confirmed, planned) and a baseline and an endline assessment.
    """
    from django.contrib.auth.models import Group

    from accounts import roles
    from accounts.models import User
    from mentoring.models import (
        Assessment,
        AssessmentScore,
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

    programme = Programme.objects.filter(name=BENCH_PROGRAMME).first()
    if programme is not None:
        log("mentoring: already seeded")
        return {
            "pairings": programme.pairings.count(),
            "meetings": Meeting.objects.filter(pairing__programme=programme).count(),
        }
    rng = random.Random(60)
    today = timezone.localdate()
    now = timezone.now()
    instrument = CapacityInstrument.default()
    areas = list(instrument.areas.all()) if instrument else []
    statements = list(CapacityStatement.objects.filter(area__instrument=instrument)) if instrument else []
    with transaction.atomic():
        mentor, _ = User.objects.get_or_create(
            email=BENCH_MENTOR_EMAIL,
            defaults={"first_name": "Ivana", "last_name": "Mentorić", "password": make_password(BENCH_PASSWORD)},
        )
        mentor.groups.add(*Group.objects.filter(name__in=[roles.MENTOR, roles.LEARNER]))
        taken = set(Organisation.objects.values_list("oib", flat=True))
        kinds = list(Organisation.Kind)
        mentor_orgs = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Udruga za razvoj zajednice {MUNICIPALITIES[i % len(MUNICIPALITIES)]} {i + 1}",
                    oib=_oib(rng, taken),
                    kind=Organisation.Kind.ASSOCIATION,
                    registry_number=f"{17000000 + i}",
                    founding_year=1995 + i,
                    experience=Organisation.Experience.EXPERIENCED,
                    municipality=MUNICIPALITIES[i % len(MUNICIPALITIES)],
                )
                for i in range(MENTOR_ORGANISATIONS)
            ]
        )
        mentee_orgs = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"{kinds[i % len(kinds)].label} {MUNICIPALITIES[i % len(MUNICIPALITIES)]} {i + 1}",
                    oib=_oib(rng, taken),
                    kind=kinds[i % len(kinds)],
                    registry_number=f"{18000000 + i}",
                    founding_year=2015 + i % 10,
                    experience=Organisation.Experience.EMERGING,
                    municipality=MUNICIPALITIES[i % len(MUNICIPALITIES)],
                )
                for i in range(scale.pairings)
            ]
        )
        OrganisationMembership.objects.create(
            user=mentor,
            organisation=mentor_orgs[0],
            role=OrganisationMembership.Role.MENTOR,
            mentor_capacity=scale.pairings,
        )
        programme = Programme.objects.create(
            name=BENCH_PROGRAMME,
            cohort=f"{today.year}./{today.year + 1}.",
            start_date=today - datetime.timedelta(days=200),
            end_date=today + datetime.timedelta(days=165),
            instrument=instrument,
            funder="Europski socijalni fond",
        )
        pairings = Pairing.objects.bulk_create(
            [
                Pairing(
                    programme=programme,
                    mentor_organisation=mentor_orgs[i % MENTOR_ORGANISATIONS],
                    mentee_organisation=mentee_orgs[i],
                    state=Pairing.State.ACTIVE,
                    start_date=programme.start_date + datetime.timedelta(days=i % 30),
                )
                for i in range(scale.pairings)
            ]
        )
        if not pairings[0].pk:  # backends without RETURNING ids
            pairings = list(Pairing.objects.filter(programme=programme).order_by("pk"))
        Pairing.mentors.through.objects.bulk_create(
            [Pairing.mentors.through(pairing_id=p.pk, user_id=mentor.pk) for p in pairings]
        )
        MentoringAgreement.objects.bulk_create(
            [
                MentoringAgreement(
                    pairing=p,
                    goals="; ".join(GOAL_TITLES),
                    meeting_frequency=MentoringAgreement.Frequency.FORTNIGHTLY,
                    accepted_by_mentor=mentor,
                    accepted_by_mentor_at=now,
                    accepted_by_mentee_at=now,
                )
                for p in pairings
            ]
        )
        goals = Goal.objects.bulk_create(
            [
                Goal(
                    pairing=p,
                    title=GOAL_TITLES[g],
                    capacity_area=areas[(i + g) % len(areas)] if areas else None,
                    due_date=today + datetime.timedelta(days=30 * (g + 1) - 45),
                    sort_order=g,
                )
                for i, p in enumerate(pairings)
                for g in range(GOALS_PER_PAIRING)
            ]
        )
        if not goals[0].pk:
            goals = list(Goal.objects.filter(pairing__programme=programme).order_by("pk"))
        Task.objects.bulk_create(
            [
                Task(
                    goal=goal,
                    title=TASK_TITLES[t],
                    is_milestone=t == TASKS_PER_GOAL - 1,
                    due_date=(goal.due_date or today) - datetime.timedelta(days=10 * (TASKS_PER_GOAL - t)),
                    done=(n + t) % 3 != 0,
                    done_at=now if (n + t) % 3 != 0 else None,
                )
                for n, goal in enumerate(goals)
                for t in range(TASKS_PER_GOAL)
            ]
        )
        meetings = []
        for i, p in enumerate(pairings):
            for m in range(MEETINGS_PER_PAIRING):
                planned = m >= MEETINGS_PER_PAIRING - 2
                starts = now + datetime.timedelta(days=14 * (m - MEETINGS_PER_PAIRING + 2) + (0 if planned else -1))
                meetings.append(
                    Meeting(
                        pairing=p,
                        starts_at=starts,
                        duration_minutes=rng.choice([45, 60, 90, 120]),
                        format=list(Meeting.Format)[(i + m) % len(Meeting.Format)],
                        planned=planned,
                        location="Društveni centar Kravarsko",
                        topics=MEETING_TOPICS[(i + m) % len(MEETING_TOPICS)],
                        notes=""
                        if planned
                        else "Dogovoreni su sljedeći koraci i rokovi; zapisnik je poslan članovima.",
                        next_steps="" if planned else "Poslati nacrt dokumenta do idućeg sastanka.",
                        recorded_by=mentor,
                        confirmed_at=None if planned or m % 4 == 3 else starts + datetime.timedelta(days=2),
                    )
                )
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        assessments = (
            Assessment.objects.bulk_create(
                [
                    Assessment(
                        organisation=p.mentee_organisation,
                        pairing=p,
                        instrument=instrument,
                        round=round_,
                        date=p.start_date + datetime.timedelta(days=offset),
                        assessed_by=mentor,
                    )
                    for p in pairings
                    for round_, offset in ((Assessment.Round.BASELINE, 7), (Assessment.Round.ENDLINE, 180))
                ]
            )
            if instrument
            else []
        )
        if assessments and not assessments[0].pk:
            assessments = list(Assessment.objects.filter(pairing__programme=programme).order_by("pk"))
        AssessmentScore.objects.bulk_create(
            [
                AssessmentScore(
                    assessment=a,
                    statement=statement,
                    score=min(5, rng.randint(1, 3) + (2 if a.round == Assessment.Round.ENDLINE else 0)),
                )
                for a in assessments
                for statement in statements
            ],
            batch_size=BATCH,
        )
    counts = {
        "pairings": len(pairings),
        "meetings": len(meetings),
        "goals": len(goals),
        "assessment_scores": len(assessments) * len(statements),
    }
    log(f"mentoring: {counts}")
    return counts


def _home_page():
    from home.models import HomePage

    home = HomePage.objects.live().order_by("path").first()
    if home is None:
        raise RuntimeError("the home page is missing: load_demo should have created it")
    return home


def _bench_learner_ids(start: int, count: int) -> list[int]:
    """Bench learners from position `start` on (0 is the measured learner, 1-16 the writers)."""
    from accounts.models import User

    return list(
        User.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}", email__startswith="polaznik")
        .order_by("email")
        .values_list("pk", flat=True)[start : start + count]
    )


BENCH_EVENT_SLUG = "bench-dogadjanje-{:03d}"
EVENT_TITLES = [
    "Radionica pisanja projektnih prijava",
    "Računalna radionica za starije",
    "Kreativna radionica za djecu",
    "Večer društvenih igara",
    "Predavanje o zdravoj prehrani",
    "Tečaj prve pomoći",
]
SESSIONS_PER_EVENT = 2


def seed_programme(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """`scale.events` upcoming events on /program/ (the programme set up by its own service), each
    with two sessions and `registrations_per_event` booked bench learners."""
    from events import services
    from events.models import Audience, EventKind, EventPage, EventSession, Place, Registration, RegistrationStatus

    index = services.programme_setup(home=_home_page())
    prefix = BENCH_EVENT_SLUG.split("{", 1)[0]
    existing = set(EventPage.objects.filter(slug__startswith=prefix).values_list("slug", flat=True))
    places = list(Place.objects.order_by("pk")) or [None]
    audiences = list(Audience.objects.order_by("pk"))
    kinds = list(EventKind)
    people = _bench_learner_ids(17, scale.registrations_per_event * 3)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    created = 0
    for number in range(1, scale.events + 1):
        slug = BENCH_EVENT_SLUG.format(number)
        if slug in existing:
            continue
        with transaction.atomic():
            event = EventPage(
                title=f"{EVENT_TITLES[number % len(EVENT_TITLES)]} ({number}.)",
                slug=slug,
                summary="Besplatno za sve mještane; prijave do popunjenja mjesta.",
                description="<p>Donesite dobru volju; materijale osiguravamo mi.</p>",
                kind=kinds[number % len(kinds)],
                place=places[number % len(places)],
                capacity=30,
                audiences=audiences[number % len(audiences) : number % len(audiences) + 1] if audiences else [],
            )
            index.add_child(instance=event)
            first = now + datetime.timedelta(days=1 + number % 90, hours=number % 8)
            EventSession.objects.bulk_create(
                [
                    EventSession(
                        page=event,
                        sort_order=s,
                        start=first + datetime.timedelta(days=7 * s),
                        end=first + datetime.timedelta(days=7 * s, hours=2),
                    )
                    for s in range(SESSIONS_PER_EVENT)
                ]
            )
            offset = number % max(1, len(people) - scale.registrations_per_event + 1)
            Registration.objects.bulk_create(
                [
                    Registration(event=event, user_id=user, status=RegistrationStatus.BOOKED)
                    for user in people[offset : offset + scale.registrations_per_event]
                ]
            )
        created += 1
    events = EventPage.objects.filter(slug__startswith=prefix)
    counts = {
        "events": events.count(),
        "event_sessions": EventSession.objects.filter(page__in=events).count(),
        "registrations": Registration.objects.filter(event__in=events).count(),
    }
    log(f"programme: {created} events created; {counts}")
    return counts


BENCH_ORGANISER = "Udruga volontera za mjerenje izvedbe"
SMALL_ORGANISER = "Mala udruga volontera za mjerenje izvedbe"
SMALL_VOLUNTEERS, SMALL_ENTRIES_EACH = 5, 4
BENCH_OPPORTUNITY_SLUG = "bench-prilika-{:03d}"
OPPORTUNITY_ACTIVITIES = ["Pomoć starijima u kućanstvu", "Radionice za djecu", "Uređenje okoliša", "Knjižnica"]


def annual_report_year() -> int:
    """The year of the seeded hour entries: the last full year."""
    return timezone.localdate().year - 1


def seed_volunteering(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """Opportunities on /volontiranje/ (set up by its own service) and, for the annual report, one
    organiser with `scale.volunteers` volunteers and `scale.hour_entries` hour entries in one year
    (mostly approved); a small organiser with 5 volunteers is the constant-queries comparison."""
    from organisations.models import Organisation
    from volunteering import services
    from volunteering.models import ActivityType, Application, County, HourEntry, OpportunityPage, Sex

    if Organisation.objects.filter(name=BENCH_ORGANISER).exists():
        log("volunteering: already seeded")
        return _volunteering_counts()
    index = services.opportunities_index_setup(home=_home_page())
    rng = random.Random(15)
    taken = set(Organisation.objects.values_list("oib", flat=True))
    organisers = [
        Organisation.objects.create(
            name=name,
            oib=_oib(rng, taken),
            kind=Organisation.Kind.ASSOCIATION,
            registry_number=f"{19000000 + i}",
            founding_year=2001 + i,
            experience=Organisation.Experience.EXPERIENCED,
            municipality=MUNICIPALITIES[i],
        )
        for i, name in enumerate((BENCH_ORGANISER, SMALL_ORGANISER))
    ]
    activity_types = list(ActivityType)
    areas = {"Lekenik": County.SISACKO_MOSLAVACKA}
    opportunities = []
    for number in range(1, scale.opportunities + 1):
        with transaction.atomic():
            opportunity = OpportunityPage(
                title=f"{OPPORTUNITY_ACTIVITIES[number % len(OPPORTUNITY_ACTIVITIES)]} ({number}.)",
                slug=BENCH_OPPORTUNITY_SLUG.format(number),
                organiser=organisers[0] if number > 2 else organisers[1],
                what_you_will_do="Jednom tjedno pomažete u radu udruge uz podršku koordinatora volontera.",
                activity_type=activity_types[number % len(activity_types)],
                place=MUNICIPALITIES[number % len(MUNICIPALITIES)],
                # The annual report's area of volunteering: Lekenik is in Sisačko-moslavačka, the rest in Zagrebačka.
                area=areas.get(MUNICIPALITIES[number % len(MUNICIPALITIES)], County.ZAGREBACKA),
                time_commitment="2 sata tjedno",
                minimum_age=18,
                long_term=bool(number % 2),
            )
            index.add_child(instance=opportunity)
        opportunities.append(opportunity)
    big = [o for o in opportunities if o.organiser_id == organisers[0].pk]
    small = [o for o in opportunities if o.organiser_id == organisers[1].pk]
    year = annual_report_year()
    counties, sexes = list(County), list(Sex)
    people = _bench_learner_ids(17, scale.volunteers + SMALL_VOLUNTEERS)
    people += [None] * (scale.volunteers + SMALL_VOLUNTEERS - len(people))  # erased accounts
    now = timezone.now()

    def application(i: int, user, opportunity, organisation) -> Application:
        return Application(
            volunteer_id=user,
            opportunity=opportunity,
            organisation=organisation,
            state=Application.State.ACCEPTED,
            volunteer_key=uuid.UUID(int=rng.getrandbits(128)),
            sex=sexes[i % len(sexes)],
            birth_year=year - 16 - i % 60,
            citizenship="hrvatsko" if i % 20 else "slovensko",
            county=counties[i % len(counties)],
            foreign_national=not i % 20,
            decided_at=now,
        )

    with transaction.atomic():
        applications = [
            application(i, user, big[i % len(big)], organisers[0]) for i, user in enumerate(people[: scale.volunteers])
        ]
        applications += [
            application(i, user, small[i % len(small)], organisers[1])
            for i, user in enumerate(people[scale.volunteers :])
        ]
        _bulk(Application, applications)
        ids = list(
            Application.objects.filter(organisation__in=organisers).order_by("pk").values_list("pk", "organisation_id")
        )
        states = [HourEntry.State.APPROVED] * 8 + [HourEntry.State.PENDING, HourEntry.State.DECLINED]
        start = datetime.date(year, 1, 1)
        big_ids = [pk for pk, org in ids if org == organisers[0].pk]
        small_ids = [pk for pk, org in ids if org == organisers[1].pk]
        entries = [
            HourEntry(
                application_id=big_ids[i % len(big_ids)],
                organisation=organisers[0],
                date=start + datetime.timedelta(days=i * 7 % 365),
                hours=Decimal(1 + i % 8) / 2 + 1,
                activity=OPPORTUNITY_ACTIVITIES[i % len(OPPORTUNITY_ACTIVITIES)],
                # By round (every volunteer once per round), so every volunteer has approved hours.
                state=states[i // len(big_ids) % len(states)],
            )
            for i in range(scale.hour_entries)
        ]
        entries += [
            HourEntry(
                application_id=pk,
                organisation=organisers[1],
                date=start + datetime.timedelta(days=30 * n),
                hours=Decimal(3),
                activity=OPPORTUNITY_ACTIVITIES[n],
                state=HourEntry.State.APPROVED,
            )
            for pk in small_ids
            for n in range(SMALL_ENTRIES_EACH)
        ]
        _bulk(HourEntry, entries, batch_size=5_000)
        # Each entry keeps the area and activity type of its opportunity (as volunteering.services records them).
        for opportunity in OpportunityPage.objects.filter(applications__organisation__in=organisers).distinct():
            HourEntry.objects.filter(application__opportunity=opportunity).update(
                area=opportunity.area, activity_type=opportunity.activity_type
            )
    counts = _volunteering_counts()
    log(f"volunteering: {counts}")
    return counts


def _volunteering_counts() -> dict[str, int]:
    from volunteering.models import Application, HourEntry, OpportunityPage

    return {
        "opportunities": OpportunityPage.objects.filter(slug__startswith=BENCH_OPPORTUNITY_SLUG.split("{")[0]).count(),
        "volunteers": Application.objects.filter(organisation__name=BENCH_ORGANISER).count(),
        "hour_entries": HourEntry.objects.filter(organisation__name=BENCH_ORGANISER).count(),
    }


def seed_reports(scale: Scale, log: Callable[[str], None]) -> dict[str, int]:
    """`scale.participants` ESF participant records with participations and exit forms, as the
    reporting benchmark (benchmarks/reports_bench.py) seeds them."""
    from reports.models import ParticipantRecord

    from .reports_bench import PERIOD
    from .reports_bench import seed as seed_participants

    period = ParticipantRecord.objects.filter(entered_on__gte=PERIOD[0], entered_on__lte=PERIOD[1])
    if period.count() < scale.participants:
        seed_participants(scale.participants)
    counts = {"participant_records": period.count()}
    log(f"reports: {counts}")
    return counts


COURSE_MODELS = ("courses.CourseIndexPage", "courses.CoursePage", "courses.ModulePage", "courses.LessonPage")
STEPS: list[Step] = [
    Step("learners", ("accounts.User", "account.EmailAddress"), seed_learners),
    Step("courses", COURSE_MODELS, seed_courses),
    Step("progress", (*COURSE_MODELS, "courses.Enrolment", "courses.LessonCompletion"), seed_progress),
    Step("certificates", ("courses.Enrolment", "certificates.Certificate"), seed_certificates),
    Step("mentoring", ("mentoring.Pairing", "mentoring.Meeting", "mentoring.Assessment"), seed_mentoring),
    Step("programme", ("events.EventIndexPage", "events.EventPage", "events.Registration"), seed_programme),
    Step("volunteering", ("volunteering.OpportunityPage", "volunteering.HourEntry"), seed_volunteering),
    Step("reports", ("reports.ParticipantRecord", "reports.Participation"), seed_reports),
]


def signature(scale: Scale) -> dict:
    """What a seeded database holds; a different signature means the database must be rebuilt."""
    return {
        "version": SEED_VERSION,
        "scale": asdict(scale),
        "steps": [step.name for step in STEPS if not step.missing()],
    }


def run(scale: Scale, *, log: Callable[[str], None] = print) -> dict:
    results = []
    skipped = []
    for step in STEPS:
        missing = step.missing()
        if missing:
            skipped.append({"step": step.name, "reason": f"models not available yet: {', '.join(missing)}"})
            log(f"{step.name}: skipped (models not available yet: {', '.join(missing)})")
            continue
        started = time.perf_counter()
        counts = step.run(scale, log)
        results.append(asdict(StepResult(step.name, round(time.perf_counter() - started, 1), counts)))
    return {"steps": results, "skipped": skipped}
