"""The privacy notice ("Zaštita osobnih podataka") as plain data.

accounts imports no other app of ours, so it cannot create the page itself: ``manage.py setup_site``
(home/setup.py) creates a ``home.StandardPage`` from these values (``title``, ``slug``, ``intro``, and
``body(organisation=...)`` as StreamField data for ``home.blocks.BodyBlock``: ``heading`` and ``paragraph``
blocks) and links it from the footer. The controller's name comes from the site settings.
"""

from django.utils.html import escape

TITLE = "Zaštita osobnih podataka"
SLUG = "zastita-osobnih-podataka"
INTRO = (
    "Kako platforma za učenje projekta Pokrenimo KOK! prikuplja, koristi i čuva vaše osobne podatke, "
    "koliko ih dugo čuvamo i kako ih možete preuzeti ili izbrisati."
)


def _h(text):
    return ("heading", {"text": text, "level": "h2"})


def _p(html):
    return ("paragraph", html)


BODY = [
    _h("Tko je voditelj obrade"),
    _p(
        "<p>Voditelj obrade osobnih podataka na ovoj platformi je <b>{organisation}</b>, nositelj projekta "
        "Pokrenimo KOK! Kultura u općini Kravarsko. Za sva pitanja o vašim podacima obratite nam se putem "
        "kontakta navedenoga u podnožju stranice.</p>"
    ),
    _h("Koje podatke čuvamo i zašto"),
    _p(
        "<ul>"
        "<li><b>Podaci o računu</b>: ime i prezime, adresa e-pošte, lozinka (samo u šifriranom obliku), datum "
        "rođenja i općina. Trebaju nam za prijavu, za provjeru dobi i za ime na potvrdi.</li>"
        "<li><b>Učenje</b>: upisi u tečajeve, završene lekcije, odgovori i rezultati kvizova. Bez njih ne možemo "
        "pratiti vaš napredak ni izdati potvrdu.</li>"
        "<li><b>Potvrde</b>: naziv tečaja, datum, broj sati i jedinstveni kod. Potvrde čuvamo u registru kako bi "
        "ih svatko kome ih pokažete mogao provjeriti.</li>"
        "<li><b>Mentorstvo</b>: članstvo u organizaciji, sastanci na kojima ste sudjelovali, ciljevi i procjene "
        "kapaciteta vaše organizacije.</li>"
        "<li><b>Sigurnost</b>: neuspjeli pokušaji prijave s IP adresom i preglednikom, kako bismo spriječili "
        "pogađanje lozinki.</li>"
        "</ul>"
    ),
    _p(
        "<p>Pravna osnova je izvršavanje usluge koju ste zatražili registracijom (članak 6. stavak 1. točka b) "
        "Opće uredbe o zaštiti podataka), a za sigurnosne zapise naš legitimni interes zaštite računa "
        "(točka f). Podatke ne prodajemo i ne dijelimo s trećim stranama u marketinške svrhe. Izvješća "
        "financijeru projekta sadrže samo zbirne brojke, bez imena.</p>"
    ),
    _h("Podaci o sudionicima za Europski socijalni fond"),
    _p(
        "<p>Projekt sufinancira Europski socijalni fond, koji za svakoga sudionika traži nekoliko podataka: "
        "<b>ulazni obrazac</b> kad prvi put započnete tečaj, mentorstvo ili drugu aktivnost (spol, datum rođenja, "
        "status zaposlenosti, obrazovanje, županija i živite li u ruralnom području; ako projekt izvještava "
        "po pravilima ESF-a 2014.–2020., i ima li itko u vašem kućanstvu posao, žive li u njemu uzdržavana "
        "djeca i jeste li jedina odrasla osoba u njemu, pri čemu na ta tri pitanja ne morate odgovoriti) i "
        "<b>izlazni obrazac</b> "
        "nakon završetka (tražite li posao, jeste li zaposleni, u obrazovanju, jeste li stekli kvalifikaciju). "
        "Pravna osnova je obveza izvještavanja koju projekt ima prema propisima o ESF-u (članak 6. stavak 1. "
        "točka c) Opće uredbe). Za maloljetnika obrazac ispunjava roditelj ili skrbnik.</p>"
        "<p>Pitanja o invaliditetu, migrantskom ili stranom podrijetlu, pripadnosti manjini i beskućništvu "
        "posebne su kategorije podataka (članak 9.): postavljamo ih odvojeno, samo uz vašu izričitu privolu, a na "
        "svako možete odgovoriti „Ne želim odgovoriti”. Čuvamo ih odvojeno, smiju ih vidjeti samo za to "
        "ovlaštene osobe i svaki se uvid bilježi. Financijer dobiva samo zbirne brojke.</p>"
        "<p>Kad izbrišete račun, vaš zapis o sudioniku <b>anonimiziramo, ali ostaje uračunat</b> u brojke za "
        "financijera: uklanjamo poveznicu s vama, županiju i točan datum rođenja, a spol, dob pri ulasku, "
        "status i odgovori ostaju bez imena, jer se već izviještene brojke ne smiju naknadno mijenjati.</p>"
    ),
    _h("Djeca mlađa od 16 godina"),
    _p(
        "<p>U Hrvatskoj je dob za privolu za usluge informacijskoga društva 16 godina. Osoba mlađa od 16 godina "
        "pri registraciji upisuje adresu e-pošte roditelja ili skrbnika. Račun ostaje neaktivan dok roditelj "
        "ili skrbnik ne potvrdi suglasnost putem poveznice koju mu šaljemo e-poštom. Bilježimo tko je "
        "suglasnost dao, kada i na koji način. Ako suglasnost ne stigne u 30 dana, račun se briše.</p>"
    ),
    _h("Koliko dugo čuvamo podatke"),
    _p(
        "<ul>"
        "<li>Podatke o računu i učenju čuvamo dok imate račun.</li>"
        "<li>Nepotvrđene račune maloljetnika brišemo nakon 30 dana.</li>"
        "<li>Zapise o neuspjelim prijavama brišemo automatski; zaključavanje prijave traje 15 minuta.</li>"
        "<li>Potvrde ostaju u registru i nakon brisanja računa, ali bez vašega imena.</li>"
        "</ul>"
    ),
    _h("Vaša prava"),
    _p(
        "<p>Na stranici <b>Moji podaci</b> (nakon prijave, pod „Moj profil”) možete u svakom trenutku:</p>"
        "<ul>"
        "<li><b>preuzeti sve svoje podatke</b> u jednoj datoteci (JSON) — profil, upise, napredak, pokušaje "
        "kvizova, potvrde, članstva i sastanke u mentorstvu te ulazni i izlazni obrazac za ESF;</li>"
        "<li><b>izbrisati račun</b> uz potvrdu lozinkom — vaše ime, adresu e-pošte, datum rođenja i napredak "
        "uklanjamo, a potvrde u registru ostaju, ali njihova javna provjera više ne prikazuje vaše ime.</li>"
        "</ul>"
        "<p>Svoje podatke možete ispraviti na stranici „Moj profil”. Imate pravo i na prigovor Agenciji za "
        "zaštitu osobnih podataka (AZOP).</p>"
    ),
    _h("Kolačići"),
    _p(
        "<p>Koristimo samo nužne kolačiće: kolačić sesije koji vas drži prijavljenima i kolačić za zaštitu "
        "obrazaca (CSRF). Ne koristimo kolačiće za praćenje ni oglašavanje.</p>"
    ),
]


def body(*, organisation: str) -> list:
    """BODY with the controller's name (the organisation of the site settings) filled in."""
    name = escape(organisation)
    return [(kind, data.replace("{organisation}", name) if isinstance(data, str) else data) for kind, data in BODY]
