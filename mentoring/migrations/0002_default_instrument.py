"""Data migration: the default capacity instrument with the eight areas of the programme.

Each statement is scored 1–5; the level descriptions tell the assessor what each score means.
"""

from django.db import migrations

INSTRUMENT_NAME = "Procjena kapaciteta organizacije civilnoga društva"
INSTRUMENT_DESCRIPTION = (
    "Osnovni alat za procjenu kapaciteta udruga u mentorskom programu. Organizacija se procjenjuje "
    "na početku, po potrebi na sredini i na kraju mentorstva, a svaka se tvrdnja ocjenjuje od 1 do 5 "
    "uz kratku bilješku o dokazima."
)

# slug, name, description, [(statement, [level 1 … level 5])]
AREAS = [
    (
        "upravljanje-i-vodstvo",
        "Upravljanje i vodstvo",
        "Kako organizacija donosi odluke, tko za što odgovara i kako se vodi.",
        [
            (
                "Tijela udruge redovito se sastaju i o sastancima vode zapisnike.",
                [
                    "Tijela se ne sastaju ili se sastaju samo kad nešto hitno iskrsne; zapisnika nema.",
                    "Sastanci se održavaju povremeno, zapisnici postoje samo za neke.",
                    "Skupština se održava jednom godišnje, upravni odbor nekoliko puta; zapisnici se uglavnom vode.",
                    "Tijela se sastaju prema statutu, zapisnici se vode i čuvaju za svaki sastanak.",
                    "Sastanci su planirani unaprijed, zapisnici su dostupni članstvu, a odluke se prate do provedbe.",
                ],
            ),
            (
                "Uloge i odgovornosti u organizaciji jasno su podijeljene.",
                [
                    "Sve radi jedna osoba, nitko drugi ne zna što treba učiniti.",
                    "Zna se tko je predsjednik, ali ostale uloge nisu dogovorene.",
                    "Glavne uloge su dogovorene usmeno, ali nisu zapisane.",
                    "Uloge su zapisane i članovi ih poznaju.",
                    "Uloge su zapisane, redovito se preispituju i postoji zamjena za svaku ključnu ulogu.",
                ],
            ),
            (
                "Udruga ispunjava zakonske obveze (registar, statut, izvješća).",
                [
                    "Podaci u registru nisu ažurni, a obveze se ne prate.",
                    "Obveze se ispunjavaju tek nakon upozorenja.",
                    "Najvažnije obveze se ispunjavaju, ali bez kalendara rokova.",
                    "Postoji kalendar rokova i sve se obveze ispunjavaju na vrijeme.",
                    "Obveze se ispunjavaju na vrijeme, a statut i akti redovito se usklađuju s propisima.",
                ],
            ),
            (
                "Članovi sudjeluju u odlučivanju.",
                [
                    "Članovi ne znaju kako se odluke donose.",
                    "Članovi su obaviješteni o odlukama tek nakon što su donesene.",
                    "Članove se povremeno pita za mišljenje.",
                    "Članovi redovito sudjeluju u raspravama prije važnih odluka.",
                    "Postoje stalni načini uključivanja članova i njihovi prijedlozi vidljivo utječu na odluke.",
                ],
            ),
        ],
    ),
    (
        "stratesko-planiranje",
        "Strateško planiranje",
        "Zna li organizacija kamo ide i kako će tamo stići.",
        [
            (
                "Organizacija ima zapisanu misiju i viziju koje članovi poznaju.",
                [
                    "Misija i vizija nisu zapisane.",
                    "Misija postoji u statutu, ali je članovi ne poznaju.",
                    "Misija i vizija su zapisane i povremeno se spominju.",
                    "Misija i vizija su zapisane, poznate članovima i koriste se pri odlučivanju.",
                    "Misija i vizija zajednički su osmišljene i redovito se preispituju s članovima i partnerima.",
                ],
            ),
            (
                "Organizacija ima strateški plan za razdoblje od najmanje tri godine.",
                [
                    "Plana nema; radi se od projekta do projekta.",
                    "Postoje ideje o budućnosti, ali nisu zapisane.",
                    "Plan je zapisan, ali se ne koristi.",
                    "Plan je zapisan i godišnji planovi rada iz njega proizlaze.",
                    "Plan se redovito prati, mjeri i prilagođava, a članovi i partneri sudjeluju u izradi.",
                ],
            ),
            (
                "Organizacija prati i vrednuje rezultate svojega rada.",
                [
                    "Rezultati se ne prate.",
                    "Broje se samo sudionici aktivnosti.",
                    "Rezultati se prate za projekte kad to traži financijer.",
                    "Rezultati se prate za sve aktivnosti i raspravljaju na sastancima.",
                    "Rezultati se sustavno vrednuju, a zaključci mijenjaju način rada.",
                ],
            ),
        ],
    ),
    (
        "financijsko-upravljanje",
        "Financijsko upravljanje",
        "Proračun, knjigovodstvo, izvori financiranja i financijska izvješća.",
        [
            (
                "Organizacija izrađuje godišnji financijski plan i prati njegovo izvršenje.",
                [
                    "Financijskoga plana nema.",
                    "Plan se izrađuje samo kad ga zatraži financijer.",
                    "Godišnji plan postoji, ali se ne prati tijekom godine.",
                    "Plan postoji i izvršenje se prati barem dvaput godišnje.",
                    "Plan se prati redovito, odstupanja se objašnjavaju, a plan usvaja skupština.",
                ],
            ),
            (
                "Knjigovodstvo se vodi uredno i u skladu s propisima za neprofitne organizacije.",
                [
                    "Knjigovodstvo se ne vodi ili se vodi nepotpuno.",
                    "Računi se skupljaju, ali se knjiženje radi neredovito.",
                    "Knjigovodstvo se vodi, ali financijska izvješća kasne.",
                    "Knjigovodstvo je uredno i izvješća se predaju na vrijeme.",
                    "Knjigovodstvo je uredno, postoje pisane procedure i unutarnja kontrola troškova.",
                ],
            ),
            (
                "Organizacija ima više izvora financiranja.",
                [
                    "Organizacija nema prihoda osim članarina.",
                    "Organizacija ovisi o jednom izvoru (npr. općinskoj potpori).",
                    "Postoje dva ili tri izvora, ali jedan čini većinu prihoda.",
                    "Prihodi dolaze iz više javnih i privatnih izvora.",
                    "Izvori su raznoliki, uključuju vlastite prihode i donacije, a postoji i pričuva.",
                ],
            ),
        ],
    ),
    (
        "upravljanje-projektima-i-eu-fondovi",
        "Upravljanje projektima i EU fondovi",
        "Priprema prijava, provedba projekata i izvještavanje financijerima.",
        [
            (
                "Organizacija samostalno priprema projektne prijave.",
                [
                    "Organizacija još nije pripremila nijednu prijavu.",
                    "Prijave piše vanjska osoba, a organizacija samo potpisuje.",
                    "Organizacija je uz pomoć pripremila nekoliko prijava.",
                    "Organizacija samostalno priprema prijave za lokalne i nacionalne natječaje.",
                    "Organizacija samostalno priprema uspješne prijave i za EU fondove te vodi partnerstva.",
                ],
            ),
            (
                "Projekti se provode prema planu aktivnosti i proračunu.",
                [
                    "Plan provedbe ne postoji.",
                    "Plan postoji samo u prijavi i ne koristi se.",
                    "Aktivnosti se prate, ali kašnjenja se otkriju kasno.",
                    "Plan i proračun prate se redovito, a odstupanja se rješavaju na vrijeme.",
                    "Postoji voditelj projekta, tim s podijeljenim zadaćama i redovito praćenje rizika.",
                ],
            ),
            (
                "Organizacija izvještava financijere točno i na vrijeme.",
                [
                    "Izvješća se ne predaju ili se predaju s velikim zakašnjenjem.",
                    "Izvješća se predaju, ali ih financijer često vraća na ispravak.",
                    "Izvješća se predaju na vrijeme uz manje ispravke.",
                    "Izvješća su točna, potpuna i predana na vrijeme.",
                    "Izvješća su uzorna, a dokumentacija je uredno arhivirana za provjere.",
                ],
            ),
            (
                "Organizacija poznaje pravila vidljivosti i nabave u projektima financiranima iz EU fondova.",
                [
                    "Pravila nisu poznata.",
                    "Za pravila se zna, ali ih nitko u organizaciji nije proučio.",
                    "Osnovna pravila su poznata, ali se primjenjuju nesigurno.",
                    "Pravila se primjenjuju i postoji osoba zadužena za njih.",
                    "Pravila se primjenjuju bez pogrešaka, a organizacija ih zna objasniti i drugima.",
                ],
            ),
        ],
    ),
    (
        "ljudski-resursi-i-volonteri",
        "Ljudski resursi i volonteri",
        "Članovi, zaposleni i volonteri: kako ih organizacija privlači, uključuje i zadržava.",
        [
            (
                "Organizacija redovito uključuje volontere i vodi evidenciju volonterskih sati.",
                [
                    "Volontera nema ili se njihov rad ne bilježi.",
                    "Volonteri povremeno pomažu, ali bez ugovora i evidencije.",
                    "Volonteri se uključuju, a evidencija se vodi djelomično.",
                    "Postoje ugovori o volontiranju i evidencija sati prema Zakonu o volonterstvu.",
                    "Postoji program volontiranja s uvođenjem, mentorstvom i priznavanjem volonterskoga rada.",
                ],
            ),
            (
                "Nove članove i volontere organizacija uvodi u rad i osposobljava.",
                [
                    "Novi ljudi snalaze se sami.",
                    "Novim članovima netko povremeno objasni što treba.",
                    "Postoji dogovoreni način uvođenja, ali se ne provodi uvijek.",
                    "Svaki novi član prolazi uvođenje i dobiva osobu za podršku.",
                    "Uvođenje je razrađeno, a članovi imaju godišnji plan učenja i usavršavanja.",
                ],
            ),
            (
                "Znanje u organizaciji ne ovisi o jednoj osobi.",
                [
                    "Sve znanje ima jedna osoba; bez nje organizacija staje.",
                    "Dvije osobe znaju većinu poslova.",
                    "Važni postupci poznati su nekolicini, ali nisu zapisani.",
                    "Važni postupci su zapisani i dostupni članovima.",
                    "Znanje se sustavno dijeli, a za svaku ključnu ulogu postoji pripremljena zamjena.",
                ],
            ),
        ],
    ),
    (
        "komunikacija-i-brendiranje",
        "Komunikacija i brendiranje",
        "Kako organizacija govori o sebi, svojem radu i svojem kraju.",
        [
            (
                "Organizacija ima prepoznatljiv vizualni identitet (ime, logotip, boje).",
                [
                    "Vizualnoga identiteta nema.",
                    "Postoji logotip, ali se koristi nedosljedno.",
                    "Logotip i boje koriste se na većini materijala.",
                    "Postoje jednostavna pravila identiteta i svi ih se drže.",
                    "Identitet je prepoznatljiv u zajednici i povezan s identitetom lokalnoga područja.",
                ],
            ),
            (
                "Organizacija redovito obavještava javnost o svojem radu.",
                [
                    "Javnost ne zna što organizacija radi.",
                    "Objave se pojavljuju rijetko, samo uz velika događanja.",
                    "Organizacija ima društvenu mrežu ili mrežnu stranicu koja se povremeno osvježava.",
                    "Objave su redovite i planirane, a mrežna stranica je ažurna.",
                    "Postoji komunikacijski plan, organizacija surađuje s medijima i mjeri doseg objava.",
                ],
            ),
            (
                "Organizacija zna ispričati priču o svojem utjecaju u zajednici.",
                [
                    "Organizacija ne zna opisati što je promijenila.",
                    "Opisuje aktivnosti, ali ne i njihov učinak.",
                    "Ima nekoliko primjera učinka, ali bez podataka.",
                    "Priče o učinku potkrijepljene su podacima i izjavama korisnika.",
                    "Priče o učinku redovito se objavljuju i koriste za prijave, zagovaranje i prikupljanje sredstava.",
                ],
            ),
        ],
    ),
    (
        "partnerstva-i-zagovaranje",
        "Partnerstva i zagovaranje",
        "Suradnja s općinom, drugim udrugama i institucijama te sudjelovanje u odlučivanju.",
        [
            (
                "Organizacija surađuje s jedinicom lokalne samouprave.",
                [
                    "Suradnje nema.",
                    "Suradnja se svodi na povremene zamolbe za potporu.",
                    "Organizacija se javlja na javne pozive općine i poznaje nadležne osobe.",
                    "Postoji redovita suradnja i zajedničko planiranje pojedinih aktivnosti.",
                    "Organizacija je prepoznat partner općine i sudjeluje u izradi lokalnih programa.",
                ],
            ),
            (
                "Organizacija ima partnere među drugim udrugama i institucijama.",
                [
                    "Organizacija radi sama.",
                    "Postoje poznanstva, ali bez zajedničkih aktivnosti.",
                    "Organizacija je s partnerima provela pokoju zajedničku aktivnost.",
                    "Organizacija ima stalne partnere i zajedničke projekte.",
                    "Organizacija vodi ili koordinira mrežu partnera.",
                ],
            ),
            (
                "Organizacija sudjeluje u savjetovanjima i javnim raspravama o odlukama koje se tiču zajednice.",
                [
                    "Organizacija ne zna kada i kako se savjetovanja održavaju.",
                    "Organizacija zna za savjetovanja, ali u njima ne sudjeluje.",
                    "Organizacija je poslala komentare na pokoje savjetovanje.",
                    "Organizacija redovito sudjeluje u savjetovanjima i prati što se dogodilo s njezinim prijedlozima.",
                    "Organizacija potiče građane na sudjelovanje i vodi zagovaračke kampanje.",
                ],
            ),
        ],
    ),
    (
        "digitalne-vjestine",
        "Digitalne vještine",
        "Korištenje računala, mrežnih alata i sigurno postupanje s podacima.",
        [
            (
                "Članovi koriste e-poštu, dijeljene dokumente i videopozive u radu organizacije.",
                [
                    "Organizacija nema ni zajedničku adresu e-pošte.",
                    "E-poštu koristi samo jedna osoba.",
                    "Većina članova koristi e-poštu, ali dokumenti se šalju kao privici.",
                    "Članovi rade u dijeljenim dokumentima i sastaju se i putem videopoziva.",
                    "Organizacija ima uređen digitalni radni prostor i pomaže drugima da ga uspostave.",
                ],
            ),
            (
                "Organizacija koristi e-usluge (e-Građani, FINA, sustavi za prijavu projekata).",
                [
                    "E-usluge se ne koriste.",
                    "E-usluge koristi vanjska osoba u ime organizacije.",
                    "Jedna osoba u organizaciji koristi najvažnije e-usluge.",
                    "Više osoba sigurno koristi e-usluge i zna gdje su upute.",
                    "E-usluge koriste se bez poteškoća, a postupci su zapisani za nove članove.",
                ],
            ),
            (
                "Organizacija štiti osobne podatke članova i korisnika (GDPR).",
                [
                    "Nitko ne zna gdje su sve osobni podaci ni tko im ima pristup.",
                    "Podaci se čuvaju, ali bez pravila o pristupu i brisanju.",
                    "Postoje osnovna pravila, ali se ne primjenjuju dosljedno.",
                    "Postoji evidencija obrada, privole se prikupljaju, a pristup je ograničen.",
                    "Zaštita podataka redovito se provjerava, a članovi su za nju osposobljeni.",
                ],
            ),
        ],
    ),
]


def create_default_instrument(apps, schema_editor):
    CapacityInstrument = apps.get_model("mentoring", "CapacityInstrument")
    CapacityArea = apps.get_model("mentoring", "CapacityArea")
    CapacityStatement = apps.get_model("mentoring", "CapacityStatement")
    if CapacityInstrument.objects.filter(is_default=True).exists():
        return
    instrument = CapacityInstrument.objects.create(
        name=INSTRUMENT_NAME, description=INSTRUMENT_DESCRIPTION, is_default=True
    )
    for area_order, (slug, name, description, statements) in enumerate(AREAS):
        area = CapacityArea.objects.create(
            instrument=instrument, slug=slug, name=name, description=description, sort_order=area_order
        )
        for statement_order, (text, levels) in enumerate(statements):
            CapacityStatement.objects.create(
                area=area,
                text=text,
                sort_order=statement_order,
                **{f"level_{number}": level for number, level in enumerate(levels, start=1)},
            )


def remove_default_instrument(apps, schema_editor):
    CapacityInstrument = apps.get_model("mentoring", "CapacityInstrument")
    CapacityInstrument.objects.filter(name=INSTRUMENT_NAME, is_default=True).delete()


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0001_initial")]

    operations = [migrations.RunPython(create_default_instrument, remove_default_instrument)]
