"""The home page, the project pages and the site settings, written from the project's facts."""

import datetime

from wagtail.models import Page, Site

from accounts import privacy_notice

from .models import ContactSettings, FundingNotice, HomePage, NewsArticlePage, NewsIndexPage, Partner, StandardPage

PROJECT_NAME = "Pokrenimo KOK! Kultura u općini Kravarsko"

HOME_INTRO = (
    "Besplatni tečajevi rada na računalu, poduzetništva i brendiranja našega kraja, "
    "mentorska podrška udrugama i potvrde o završenom učenju — sve na jednom mjestu, "
    "prilagođeno i onima koji se tek upoznaju s računalom."
)

HOME_BODY = (
    "<p>Projekt <b>Pokrenimo KOK!</b> okuplja udruge, općinu i mještane Kravarskoga oko "
    "društvenoga centra koji svima otvara vrata: djeci, mladima, starijim osobama i osobama "
    "s invaliditetom. Na ovoj platformi možete učiti vlastitim tempom, s mobitela ili računala, "
    "a iskusnije udruge ovdje dijele znanje s onima koje tek počinju.</p>"
    "<p>Tečajevi su pisani jednostavnim jezikom, lekcije se mogu ispisati, a na kraju svakoga "
    "tečaja dobivate potvrdu koju svatko može provjeriti.</p>"
)

PARTNERS = [
    ("Udruga PET PLUS", "nositelj projekta"),
    ("LAG Vallis Colapis", "partner"),
    ("Općina Kravarsko", "partner, jedinica lokalne samouprave"),
    ("Udruga umirovljenika općine Kravarsko", "partner"),
    ("KUD Kravarsko", "partner"),
]

DISCLAIMER = (
    "Projekt je sufinancirala Europska unija iz Europskoga socijalnog fonda. "
    "Sadržaj ove stranice isključiva je odgovornost Udruge PET PLUS."
)


def _about_body():
    return [
        (
            "paragraph",
            (
                "<p>Projekt <b>Pokrenimo KOK! Kultura u općini Kravarsko</b> nastao je iz želje da "
                "društveni centar u Kravarskom postane mjesto susreta, učenja i zajedničkoga odlučivanja. "
                "Prostor u javnom vlasništvu oživljavamo u partnerstvu udruga i lokalne zajednice.</p>"
            ),
        ),
        (
            "facts",
            {
                "title": "Projekt u brojkama",
                "facts": [
                    {"label": "Nositelj", "value": "Udruga PET PLUS"},
                    {
                        "label": "Partneri",
                        "value": "LAG Vallis Colapis, Općina Kravarsko, Udruga umirovljenika općine Kravarsko, KUD Kravarsko",
                    },
                    {"label": "Vrijednost projekta", "value": "1.989.272,02 kn"},
                    {"label": "Trajanje", "value": "od 1. kolovoza 2020. do 1. kolovoza 2022."},
                    {"label": "Izvor financiranja", "value": "Europski socijalni fond"},
                    {
                        "label": "Poziv",
                        "value": "Prostori sudjelovanja – razvoj programa revitalizacije prostora u javnom vlasništvu kroz partnerstvo OCD-a i lokalne zajednice",
                    },
                ],
            },
        ),
        ("heading", {"text": "Čemu težimo", "level": "h2"}),
        (
            "paragraph",
            (
                "<p>Želimo ojačati suradnju općine i udruga te potaknuti ruralne organizacije civilnoga "
                "društva da sudjeluju u upravljanju i odlučivanju u svojoj zajednici. Zato širimo "
                "društvene, kulturne, obrazovne i gospodarske sadržaje društvenoga centra i pomažemo "
                "udrugama da rastu.</p>"
            ),
        ),
        ("heading", {"text": "Što radimo", "level": "h2"}),
        (
            "paragraph",
            (
                "<ul>"
                "<li>tečajeve rada na računalu za sve generacije</li>"
                "<li>edukacije o poduzetništvu</li>"
                "<li>brendiranje našega kraja i lokalnih proizvoda</li>"
                "<li>programe za slobodno vrijeme djece, mladih, starijih osoba i osoba s invaliditetom</li>"
                "<li>osnivanje prvoga Savjeta mladih Općine Kravarsko</li>"
                "<li>promicanje volonterstva i uključivanje građana u odlučivanje</li>"
                "<li>prijenos znanja s iskusnijih na manje iskusne udruge kroz mentorstvo</li>"
                "</ul>"
            ),
        ),
        (
            "callout",
            {
                "kind": "note",
                "title": "Sudjelovanje je besplatno",
                "text": "<p>Svi tečajevi i mentorski programi besplatni su za mještane i udruge s područja općine.</p>",
            },
        ),
    ]


def _news_body():
    return [
        (
            "paragraph",
            (
                "<p>Ugovor o dodjeli bespovratnih sredstava je potpisan i projekt <b>Pokrenimo KOK!</b> "
                "službeno je započeo 1. kolovoza 2020. Sljedeće dvije godine Udruga PET PLUS sa svojim "
                "partnerima provodit će aktivnosti u društvenom centru u Kravarskom.</p>"
            ),
        ),
        (
            "paragraph",
            (
                "<p>Prvi na redu su tečajevi rada na računalu. Namijenjeni su svima koji žele naučiti "
                "slati e-poštu, sigurno se služiti internetom i koristiti sustav e-Građani. Prijave "
                "primamo u društvenom centru i preko ove platforme.</p>"
            ),
        ),
        (
            "quote",
            {
                "quote": "Društveni centar trebao bi biti dnevni boravak cijele općine.",
                "attribution": "iz razgovora s mještanima na prvom sastanku partnera",
            },
        ),
    ]


def _accessibility_body():
    return [
        (
            "paragraph",
            (
                "<p>Udruga PET PLUS nastoji ovu platformu učiniti pristupačnom u skladu sa Zakonom o "
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
                '<p>Ako naiđete na prepreku, javite nam se na <a href="mailto:info@kok.test">info@kok.test</a> '
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


def _child(parent, model, slug, **fields):
    """Return the child page with this slug, creating it on the first run."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load(*, log, with_accounts: bool) -> None:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Pokrenimo KOK!",
            slug="pocetna",
            intro=HOME_INTRO,
            body=HOME_BODY,
            partners_heading="Partneri projekta",
            seo_title="Pokrenimo KOK! — učenje i mentorstvo u Kravarskom",
            search_description=HOME_INTRO,
        )
        root.add_child(instance=home)
        for order, (name, role) in enumerate(PARTNERS):
            home.partners.add(Partner(name=name, role=role, sort_order=order))
        home.save_revision().publish()
        log("Created the home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Pokrenimo KOK!"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Pokrenimo KOK!"
        site.save()
        # Wagtail's starter page ("Welcome to your new Wagtail site!") is not ours to keep.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()

    about, created = _child(
        home,
        StandardPage,
        "o-projektu",
        title="O projektu",
        show_in_menus=True,
        intro="Kultura, učenje i suradnja u općini Kravarsko — tko smo, što radimo i tko nas podupire.",
        body=_about_body(),
    )
    if created:
        log("Created the page O projektu")

    news_index, created = _child(
        home,
        NewsIndexPage,
        "novosti",
        title="Novosti",
        show_in_menus=True,
        intro="Što se događa u projektu i u društvenom centru.",
    )
    _, created = _child(
        news_index,
        NewsArticlePage,
        "zapoceo-projekt-pokrenimo-kok",
        title="Započeo je projekt Pokrenimo KOK!",
        date=datetime.date(2020, 8, 1),
        intro="Društveni centar u Kravarskom sljedeće dvije godine postaje mjesto učenja, kulture i suradnje.",
        body=_news_body(),
    )
    if created:
        log("Created the news item about the project start")

    accessibility, created = _child(
        home,
        StandardPage,
        "izjava-o-pristupacnosti",
        title="Izjava o pristupačnosti",
        intro="Kako platformu činimo dostupnom svima i kome se možete obratiti ako naiđete na prepreku.",
        body=_accessibility_body(),
    )
    if created:
        log("Created the accessibility statement")

    notice_page, created = _child(
        home,
        StandardPage,
        privacy_notice.SLUG,
        title=privacy_notice.TITLE,
        intro=privacy_notice.INTRO,
        body=privacy_notice.BODY,
    )
    if created:
        log("Created the privacy notice")

    contact = ContactSettings.for_site(site)
    if not contact.organisation:
        contact.organisation = "Udruga PET PLUS"
        contact.address = "Društveni centar Kravarsko\nKravarsko 10\n10413 Kravarsko"
        contact.email = "info@kok.test"
        contact.phone = "+385 1 000 0000"
    if contact.accessibility_statement_id is None:
        contact.accessibility_statement = accessibility
    if contact.privacy_notice_id is None:
        contact.privacy_notice = notice_page
    contact.save()

    notice = FundingNotice.for_site(site)
    if not notice.project_name:
        notice.project_name = PROJECT_NAME
        notice.disclaimer = DISCLAIMER
        notice.save()


FEATURED = [
    # slug of a page under the home page, or a deeper path; text shown on the card
    ("tecajevi", "Besplatni tečajevi rada na računalu, poduzetništva i brendiranja, za početnike i napredne."),
    ("tecajevi/osnove-rada-na-racunalu", "Prvi koraci: miš, tipkovnica, datoteke, e-pošta i e-Građani."),
    ("o-projektu", "Tko provodi projekt, s kim surađujemo i što želimo postići."),
]


def feature_pages(*, log, with_accounts: bool) -> None:
    """Fill the home page's featured slots once the pages they point at exist."""
    home = HomePage.objects.first()
    if home is None or home.featured:
        return
    slots = []
    for path, text in FEATURED:
        page = home
        for slug in path.split("/"):
            page = page.get_children().filter(slug=slug).first() if page else None
        if page is not None:
            slots.append(("page", {"page": page, "title": "", "text": text}))
    if slots:
        home.featured = slots
        home.save_revision().publish()
        log(f"Featured {len(slots)} pages on the home page")
