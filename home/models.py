from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kok_learn.caching.page_cache import PageCache
from kok_learn.caching.routing import route_from_root
from kok_learn.names import CleanNamesMixin, validate_person_name
from kok_learn.validators import SHORT_TEXT, bounded_date_validators, text_limit_validators
from organisations.validators import validate_phone_number

from .blocks import BodyBlock, FeaturedLinkBlock


class HomePage(Page):
    """The project's front page: who we are, what to do here, and who is behind it."""

    intro = models.TextField(_("introduction"), max_length=600, validators=text_limit_validators(600))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("about the project"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    featured = StreamField(
        [("page", FeaturedLinkBlock())],
        verbose_name=_("featured content"),
        blank=True,
        max_num=6,
    )
    partners_heading = models.CharField(_("partners heading"), max_length=120, default="Partneri projekta")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("featured"),
        MultiFieldPanel(
            [FieldPanel("partners_heading"), InlinePanel("partners", label=_("Partners"))], heading=_("Partners")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "home/home_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_from_root(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:3]
        )
        context["partners"] = self.partners.select_related("logo").all()
        return context


class Partner(CleanNamesMixin, Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=150, validators=[validate_person_name])
    role = models.CharField(_("role in the project"), max_length=150, blank=True)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class StandardPage(Page):
    """An ordinary content page: about the project, privacy notice, accessibility statement."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600, validators=text_limit_validators(600))

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsArticlePage"]
    max_count = 1
    template = "home/news_index_page.html"
    page_cache = PageCache(query_params=("stranica",))
    paginate_by = 10

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        articles = (
            NewsArticlePage.objects.live().public().child_of(self).select_related("image").order_by("-date", "-pk")
        )
        context["articles"] = Paginator(articles, self.paginate_by).get_page(request.GET.get("stranica"))
        return context


class NewsArticlePage(Page):
    date = models.DateField(_("date"), default=timezone.localdate, validators=bounded_date_validators())
    intro = models.TextField(_("summary"), max_length=400, validators=text_limit_validators(400))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "home/news_article_page.html"
    page_cache = PageCache()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    address = models.TextField(
        _("address"), blank=True, max_length=SHORT_TEXT, validators=text_limit_validators(SHORT_TEXT)
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone_number])
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
    ]

    class Meta:
        verbose_name = _("contact details")


@register_setting(icon="globe")
class FundingNotice(BaseSiteSetting):
    """The EU visibility notice an ESF-funded project must show (footer and certificates)."""

    show = models.BooleanField(_("show the funding notice"), default=True)
    project_name = models.CharField(_("project name"), max_length=200, blank=True)
    emblem_text = models.CharField(_("emblem text"), max_length=120, default="Sufinancira Europska unija")
    fund_name = models.CharField(_("fund"), max_length=120, default="Europski socijalni fond")
    disclaimer = models.TextField(
        _("disclaimer"),
        blank=True,
        max_length=SHORT_TEXT,
        validators=text_limit_validators(SHORT_TEXT),
        help_text=_("The statement that the content is the sole responsibility of the beneficiary."),
    )

    panels = [
        FieldPanel("show"),
        FieldPanel("project_name"),
        FieldPanel("emblem_text"),
        FieldPanel("fund_name"),
        FieldPanel("disclaimer"),
    ]

    class Meta:
        verbose_name = _("EU funding notice")
