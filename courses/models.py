"""The course tree (catalogue → course → module → lesson) and the learner's records.

Business rules (enrolment, completion, grading) live in services.py; reads in selectors.py.
"""

import functools
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import Audience  # the shared audience vocabulary lives in events (floor 2)
from kok_learn.caching.page_cache import PageCache
from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import text_limit_validators

from .blocks import LessonBodyBlock, QuestionKind

# The shared capacity-area vocabulary (also used by mentoring's default instrument).
CAPACITY_AREAS = [
    ("upravljanje-i-vodstvo", "upravljanje i vodstvo"),
    ("stratesko-planiranje", "strateško planiranje"),
    ("financijsko-upravljanje", "financijsko upravljanje"),
    ("upravljanje-projektima-i-eu-fondovi", "upravljanje projektima i EU fondovi"),
    ("ljudski-resursi-i-volonteri", "ljudski resursi i volonteri"),
    ("komunikacija-i-brendiranje", "komunikacija i brendiranje"),
    ("partnerstva-i-zagovaranje", "partnerstva i zagovaranje"),
    ("digitalne-vjestine", "digitalne vještine"),
]


class CourseCategory(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("course category")
        verbose_name_plural = _("course categories")

    def __str__(self):
        return self.name


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: learners enrol themselves")
    APPROVAL = "approval", _("On approval: a coordinator confirms each enrolment")


class CourseIndexPage(Page):
    """The catalogue (Tečajevi): every course, with filters and search."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    template = "courses/course_index_page.html"
    page_cache = PageCache(query_params=("category", "audience", "level", "stranica"))  # not a search (q)
    paginate_by = 12

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from . import selectors
        from .forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)

        @functools.cache
        def filtered():
            form = CatalogueFilterForm(request.GET or None)
            # An unknown value in one filter drops that filter only (cleaned_data keeps the valid ones).
            if form.is_bound:
                form.is_valid()  # fills cleaned_data with the fields that are valid
            return form, (form.cleaned_data if form.is_bound else {})

        # Computed only if rendered: without a search text, the form and the list are the same for
        # everyone who asks for the same filters and page, and are kept in the content cache.
        context["filter_form"] = SimpleLazyObject(lambda: filtered()[0])
        context["courses"] = SimpleLazyObject(
            lambda: selectors.catalogue_page(
                index=self, filters=filtered()[1], page_number=request.GET.get("stranica"), per_page=self.paginate_by
            )
        )
        context["filter_query"] = selectors.catalogue_querystring(request.GET)
        context["listing_key"] = selectors.catalogue_listing_key(request.GET)
        return context


class CourseCapacityArea(TaggedItemBase):
    """Capacity-area tags on a course (slugs from the shared vocabulary)."""

    content_object = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="capacity_area_items")

    class Meta:
        verbose_name = _("capacity area")
        verbose_name_plural = _("capacity areas")


class CoursePage(Page):
    summary = models.TextField(
        _("summary"),
        max_length=400,
        validators=text_limit_validators(400),
        help_text=_("One or two sentences for the catalogue."),
    )
    description = RichTextField(_("description"), features=["bold", "italic", "link", "ul", "ol", "h3"])
    learning_outcomes = StreamField(
        [("outcome", wagtail_blocks.CharBlock(label=_("Learning outcome"), max_length=250))],
        verbose_name=_("learning outcomes"),
        blank=True,
        help_text=_("What a learner can do after the course, one outcome per item."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_("Courses a learner must complete before enrolling in this one."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of correct answers needed to pass a quiz, unless the quiz sets its own."),
    )
    enrolment_mode = models.CharField(
        _("enrolment"), max_length=20, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )
    categories = ParentalManyToManyField(CourseCategory, verbose_name=_("categories"), blank=True)
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audiences"), blank=True)
    capacity_areas = ClusterTaggableManager(
        verbose_name=_("capacity areas"),
        through=CourseCapacityArea,
        blank=True,
        help_text=_("Which organisational capacities the course builds (used by mentoring recommendations)."),
    )
    attendance_events = ParentalManyToManyField(
        "events.EventPage",
        verbose_name=_("in-person events"),
        blank=True,
        related_name="+",
        help_text=_("A blended course: the events in the community centre whose sessions belong to the course."),
    )
    attendance_percent = models.PositiveSmallIntegerField(
        _("attendance required (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "The share of all scheduled sessions of these events a learner must attend to complete the course "
            "(late counts as present; excused sessions do not count; 0 = no requirement)."
        ),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the default certificate template."),
    )

    minimum_lesson_time = models.BooleanField(
        _("lessons take their estimated time"),
        default=False,
        help_text=_(
            "A lesson can be completed (or its quiz submitted) only after the learner has had it open for its "
            "estimated time, measured by the server from the first visit. The certificate's hours then mean "
            "something."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("estimated_hours"), FieldPanel("pass_mark")]),
                FieldPanel("minimum_lesson_time"),
                FieldPanel("enrolment_mode"),
                FieldPanel("certificate_template"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Course settings"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("capacity_areas"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance_events"), FieldPanel("attendance_percent")],
            heading=_("In-person part (blended course)"),
        ),
        InlinePanel("instructors", label=_("Instructors")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.AutocompleteField("summary"),
        index.FilterField("level"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        if self.pk and any(course.pk == self.pk for course in self.prerequisites.all()):
            raise ValidationError({"prerequisites": _("A course cannot be its own prerequisite.")})
        known = {slug for slug, _name in CAPACITY_AREAS} | {name for _slug, name in CAPACITY_AREAS}
        unknown = [tag.name for tag in self.capacity_areas.all() if tag.slug not in known and tag.name not in known]
        if unknown:
            raise ValidationError(
                {
                    "capacity_areas": _("Unknown capacity area: %(unknown)s. Use one of: %(allowed)s.")
                    % {"unknown": ", ".join(unknown), "allowed": ", ".join(name for _slug, name in CAPACITY_AREAS)}
                }
            )

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.course_page_context(course=self, user=request.user))
        return context


class CourseInstructor(CleanNamesMixin, Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="instructors")
    name = models.CharField(_("name"), max_length=150, validators=[validate_person_name])
    role = models.CharField(_("role"), max_length=200, blank=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=600, validators=text_limit_validators(600))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio"), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")

    def __str__(self):
        return self.name


class ModulePage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        course = CoursePage.objects.get(path=self.path[: (self.depth - 1) * self.steplen])
        context.update(selectors.course_page_context(course=course, user=request.user))
        context["course"] = course
        return context


@dataclass(frozen=True)
class QuizDefinition:
    """One quiz block of a lesson, with the question and choice ids the form posts."""

    id: str
    title: str
    intro: str
    pass_mark: int
    max_attempts: int
    questions: list  # [{"id", "kind", "text", "explanation", "choices": [{"id", "text", "correct"}]}]
    # When the result page shows the correct answers: "after_pass_or_last" (default), "never", "always".
    reveal_answers: str = "after_pass_or_last"


class LessonPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=15, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    required = models.BooleanField(
        _("required"), default=True, help_text=_("A course is completed when every required lesson is done.")
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))
    # Derived from the body in clean() (which Wagtail runs on every save and revision), so the
    # outline and progress queries know which lessons are finished by a quiz without loading bodies.
    quiz_count = models.PositiveSmallIntegerField(default=0, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self):
        super().clean()
        self.quiz_count = sum(1 for block in self.body.raw_data if block.get("type") == "quiz")

    @property
    def course_path(self) -> str:
        return self.path[: (self.depth - 2) * self.steplen]

    def get_course(self) -> "CoursePage":
        return CoursePage.objects.get(path=self.course_path)

    def quizzes(self) -> list[QuizDefinition]:
        result = []
        for block in self.body:
            if block.block_type != "quiz":
                continue
            value = block.value
            course_pass_mark = getattr(self, "_course_pass_mark", None)
            questions = []
            for question in value["questions"].bound_blocks:
                q = question.value
                questions.append(
                    {
                        "id": question.id,
                        "kind": q["kind"],
                        "text": q["text"],
                        "explanation": q["explanation"],
                        "choices": [
                            {"id": choice.id, "text": choice.value["text"], "correct": bool(choice.value["correct"])}
                            for choice in q["choices"].bound_blocks
                        ],
                    }
                )
            pass_mark = value["pass_mark"]
            if pass_mark is None:
                pass_mark = course_pass_mark if course_pass_mark is not None else self.get_course().pass_mark
            result.append(
                QuizDefinition(
                    id=block.id,
                    title=value["title"],
                    intro=value["intro"],
                    pass_mark=pass_mark,
                    max_attempts=value["max_attempts"] or 1,
                    questions=questions,
                    reveal_answers=value.get("reveal_answers") or "after_pass_or_last",
                )
            )
        return result

    def quiz(self, quiz_id: str) -> QuizDefinition | None:
        return next((quiz for quiz in self.quizzes() if quiz.id == quiz_id), None)

    def serve(self, request, *args, **kwargs):
        from django.contrib import messages
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import redirect

        from . import selectors

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        course, lessons = selectors.course_outline(course_path=self.course_path, request=request)
        enrolment = selectors.enrolment_for(user=request.user, course=course)
        if enrolment is None or not enrolment.gives_access:
            if enrolment is None:
                messages.info(request, _("Enrol in the course to open its lessons."))
            else:
                messages.info(request, _("Your enrolment is waiting for a coordinator's approval."))
            return redirect(course.get_url(request))
        if course.minimum_lesson_time:
            # The clock of the minimum time starts at the first visit, on the server.
            LessonVisit.objects.get_or_create(enrolment=enrolment, lesson=self)
        request._kok_outline = (course, lessons)
        request._kok_enrolment = enrolment
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        outline = getattr(request, "_kok_outline", None)
        course, lessons = outline or selectors.course_outline(course_path=self.course_path, request=request)
        enrolment = getattr(request, "_kok_enrolment", None)
        context.update(selectors.lesson_page_context(lesson=self, course=course, lessons=lessons, enrolment=enrolment))
        return context


class EnrolmentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_enrolment_once_per_course")]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} — {self.course}"

    @property
    def gives_access(self) -> bool:
        return self.status in (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


class LessonVisit(models.Model):
    """When a learner first opened a lesson: the start of its minimum time (``minimum_lesson_time``)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_visits")
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+")
    first_visit_at = models.DateTimeField(_("first visit"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson visit")
        verbose_name_plural = _("lesson visits")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="courses_lesson_visit_once")]

    def __str__(self):
        return f"{self.enrolment.user_id}: {self.lesson_id}"


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="courses_lesson_completed_once")]

    def __str__(self):
        return f"{self.enrolment.user_id}: {self.lesson_id}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+")
    quiz_id = models.CharField(_("quiz"), max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt"))
    # One token per rendered form: posting the same form twice returns the first attempt.
    submission_token = models.UUIDField()
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(_("results per question"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"), validators=[MaxValueValidator(100)])
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "quiz_id", "number"], name="courses_quiz_attempt_number_once"
            ),
            models.UniqueConstraint(fields=["enrolment", "submission_token"], name="courses_quiz_attempt_token_once"),
        ]

    def __str__(self):
        return f"{self.quiz_id} #{self.number}: {self.score} %"


__all__ = [
    "Audience",
    "CourseCategory",
    "CourseIndexPage",
    "CoursePage",
    "CourseInstructor",
    "Enrolment",
    "EnrolmentStatus",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "QuestionKind",
    "QuizAttempt",
]
