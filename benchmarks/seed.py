"""The benchmark population, seeded into the bench database only (var/bench/ or --database-url).

The full scale of the issue: 10,000 learners, 50 courses × 20 lessons, 200,000 lesson
completions, 5,000 certificates, 60 mentoring pairings with meetings. Seeding is a list of
steps (`STEPS`); each step says which models it needs, so the harness seeds what the code base
can hold today and the seed signature changes (and the database is rebuilt) when a new step
becomes available. Rows are written with `bulk_create` in large batches; Wagtail pages (which
need the tree) are the only rows created one by one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction

# Bump when the data a step writes changes shape, to force a reseed of existing bench databases.
SEED_VERSION = 1
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
    existing = set(User.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}").values_list("email", flat=True))
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
        learners = list(User.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}").values_list("pk", "email"))
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


STEPS: list[Step] = [
    Step("learners", ("accounts.User", "account.EmailAddress"), seed_learners),
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
