"""What every install needs and nothing of the demo: `manage.py setup_site` calls `setup_site` here.

It creates, when missing: the home page as the root of the default site, the news index, the privacy
notice and the accessibility statement (from the project's own texts), and the site settings (contact
details, EU funding notice). Then it calls every function registered with the Wagtail hook
``kok_setup_site`` as ``fn(home=home_page, log=log)``, so apps add their own sections without home
knowing them: courses adds the catalogue (/tecajevi/) and its moderation workflow, events its
/program/, volunteering its /volontiranje/. Each such function must be idempotent too. The roles
(groups and permissions) come from the apps' migrations; `setup_site` checks they are there.

Nothing is overwritten: a value the operator has since changed in the admin stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Page, Site

from accounts import privacy_notice

from .models import ContactSettings, FundingNotice, HomePage, NewsIndexPage, StandardPage

SETUP_HOOK = "kok_setup_site"

HOME_TITLE = "Pokrenimo KOK!"
HOME_INTRO = (
    "Besplatni tečajevi rada na računalu, poduzetništva i brendiranja našega kraja, "
    "mentorska podrška udrugama i potvrde o završenom učenju — sve na jednom mjestu, "
    "prilagođeno i onima koji se tek upoznaju s računalom."
)
PROJECT_NAME = "Pokrenimo KOK! Kultura u općini Kravarsko"
ACCESSIBILITY_SLUG = "izjava-o-pristupacnosti"


def disclaimer(organisation: str) -> str:
    return (
        "Projekt je sufinancirala Europska unija iz Europskoga socijalnog fonda. "
        f"Sadržaj ove stranice isključiva je odgovornost organizacije {organisation}."
    )


@dataclass(frozen=True)
class SiteFacts:
    """The operator's facts (`setup_site` prompts for them or reads the KOK_* environment variables)."""

    organisation: str
    address: str = ""
    email: str = ""
    phone: str = ""
    project_name: str = PROJECT_NAME
    show_eu_notice: bool = True
    eu_disclaimer: str = ""


def _child(parent, model, slug, **fields):
    """Return the child page with this slug, creating it on the first run."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def accessibility_body(*, organisation: str, email: str) -> list:
    """The accessibility statement (docs/accessibility.md says what it rests on), with the operator's name
    and contact address."""
    organisation, email = escape(organisation), escape(email)
    contact = f'<a href="mailto:{email}">{email}</a>' if email else "kontakt naveden u podnožju stranice"
    return [
        (
            "paragraph",
            (
                f"<p>{organisation} nastoji ovu platformu učiniti pristupačnom u skladu sa Zakonom o "
                "pristupačnosti mrežnih stranica i programskih rješenja za pokretne uređaje tijela javnog "
                "sektora (NN 17/19), kojim je u hrvatsko zakonodavstvo prenesena Direktiva (EU) 2016/2102. "
                "Ova izjava odnosi se na cijelu platformu KOK Learn.</p>"
            ),
        ),
        ("heading", {"text": "Stupanj usklađenosti", "level": "h2"}),
        (
            "paragraph",
            (
                "<p>Platforma je djelomično usklađena sa standardom WCAG 2.1 na razini AA. Stranice "
                "provjeravamo alatom axe-core i ručno, tipkovnicom i čitačem zaslona, a svaki nedostatak "
                "koji pronađemo ili nam ga prijavite popravljamo u sljedećem izdanju.</p>"
            ),
        ),
        ("heading", {"text": "Što smo učinili", "level": "h2"}),
        (
            "paragraph",
            (
                "<ul>"
                "<li>velika, dobro čitljiva slova (font Atkinson Hyperlegible, izrađen za slabovidne čitatelje)</li>"
                "<li>sve se može koristiti samo tipkovnicom, a fokus je uvijek jasno vidljiv</li>"
                "<li>poveznica „Preskoči na glavni sadržaj” na vrhu svake stranice</li>"
                "<li>stranice rade i bez JavaScripta i na sporoj mobilnoj vezi</li>"
                "<li>lekcije se mogu ispisati, a potvrde su PDF dokumenti s pravim tekstom</li>"
                "<li>grafikoni procjene kapaciteta imaju i tablicu s istim podacima</li>"
                "</ul>"
            ),
        ),
        ("heading", {"text": "Nepristupačan sadržaj", "level": "h2"}),
        (
            "paragraph",
            (
                "<p>Videozapisi vanjskih servisa ugrađeni u lekcije nemaju uvijek titlove na hrvatskom "
                "jeziku; zato uz svaki videozapis objavljujemo tekstualni zapis. Stariji PDF dokumenti "
                "partnera priloženi uz lekcije možda nisu označeni za čitače zaslona.</p>"
            ),
        ),
        ("heading", {"text": "Povratne informacije i podaci za kontakt", "level": "h2"}),
        (
            "paragraph",
            (
                f"<p>Ako naiđete na prepreku, javite nam se na {contact} "
                "ili telefonom. Odgovorit ćemo u roku od 15 dana i, ako je moguće, poslati vam sadržaj u "
                "obliku koji vam odgovara.</p>"
            ),
        ),
        ("heading", {"text": "Inspekcijski nadzor", "level": "h2"}),
        (
            "paragraph",
            (
                "<p>Nadzor nad provedbom Zakona obavlja Povjerenik za informiranje Republike Hrvatske. "
                "Ako niste zadovoljni našim odgovorom, možete mu se obratiti.</p>"
            ),
        ),
        ("paragraph", "<p>Izjava je sastavljena 26. studenoga 2026. na temelju samoprocjene.</p>"),
    ]


def setup_site(*, facts: SiteFacts | None, log) -> HomePage:
    """Create what is missing; return the home page. `facts` may be None when the settings are filled."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title=HOME_TITLE, slug="pocetna", intro=HOME_INTRO, partners_heading="Partneri projekta")
        root.add_child(instance=home)
        home.save_revision().publish()
        log("Created the home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLE
        )
        log("Created the site")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
        log("Made the home page the site's root")
        # Wagtail's starter page ("Welcome to your new Wagtail site!") is not ours to keep.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()

    contact = ContactSettings.for_site(site)
    organisation = contact.organisation or (facts.organisation if facts else "")
    if not organisation:
        raise ValueError("The organisation's name is required (KOK_ORGANISATION_NAME).")

    news_index, created = _child(
        home,
        NewsIndexPage,
        "novosti",
        title="Novosti",
        show_in_menus=True,
        intro="Što se događa u projektu i u društvenom centru.",
    )
    if created:
        log("Created the news index")
    email = contact.email or (facts.email if facts else "")
    accessibility, created = _child(
        home,
        StandardPage,
        ACCESSIBILITY_SLUG,
        title="Izjava o pristupačnosti",
        intro="Kako platformu činimo dostupnom svima i kome se možete obratiti ako naiđete na prepreku.",
        body=accessibility_body(organisation=organisation, email=email),
    )
    if created:
        log("Created the accessibility statement")
    notice_page, created = _child(
        home,
        StandardPage,
        privacy_notice.SLUG,
        title=privacy_notice.TITLE,
        intro=privacy_notice.INTRO,
        body=privacy_notice.body(organisation=organisation),
    )
    if created:
        log("Created the privacy notice")

    changed = False
    if facts:
        for field in ("address", "email", "phone"):
            if not getattr(contact, field) and getattr(facts, field):
                setattr(contact, field, getattr(facts, field))
                changed = True
    if not contact.organisation:
        contact.organisation, changed = organisation, True
    if contact.accessibility_statement_id is None:
        contact.accessibility_statement, changed = accessibility, True
    if contact.privacy_notice_id is None:
        contact.privacy_notice, changed = notice_page, True
    if changed or contact.pk is None:
        contact.full_clean()
        contact.save()
        log("Saved the contact details")

    notice = FundingNotice.for_site(site)
    if not notice.project_name:
        notice.project_name = facts.project_name if facts and facts.project_name else PROJECT_NAME
        notice.show = facts.show_eu_notice if facts else True
        notice.disclaimer = (facts.eu_disclaimer if facts else "") or disclaimer(organisation)
        notice.full_clean()
        notice.save()
        log("Saved the EU funding notice")

    for fn in hooks.get_hooks(SETUP_HOOK):
        fn(home=home, log=log)
    return home
