"""The home page, the project pages and the site settings, written from the project's facts."""

import datetime

from .models import HomePage, NewsArticlePage, NewsIndexPage, Partner, StandardPage
from .setup import HOME_INTRO, PROJECT_NAME, SiteFacts, _child, setup_site

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


DEMO_FACTS = SiteFacts(
    organisation="Udruga PET PLUS",
    address="Društveni centar Kravarsko\nKravarsko 10\n10413 Kravarsko",
    email="info@kok.test",
    phone="+385 1 000 0000",
    project_name=PROJECT_NAME,
    eu_disclaimer=DISCLAIMER,
)


def load(*, log, with_accounts: bool) -> None:
    """The demo builds on setup_site (home, news index, privacy notice, accessibility statement,
    settings, the apps' sections) and adds the project's own pages and a news item."""
    home = setup_site(facts=DEMO_FACTS, log=log)
    if not home.partners.exists():
        home.body = HOME_BODY
        home.seo_title = "Pokrenimo KOK! — učenje i mentorstvo u Kravarskom"
        home.search_description = HOME_INTRO
        for order, (name, role) in enumerate(PARTNERS):
            home.partners.add(Partner(name=name, role=role, sort_order=order))
        home.save_revision().publish()
        log("Added the project's partners to the home page")

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

    news_index = NewsIndexPage.objects.child_of(home).first()
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
