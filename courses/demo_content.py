"""The text of the three demo courses (Croatian teaching content, used by courses/demo.py).

Each lesson: (slug, title, minutes, blocks). Blocks are ("p", html), ("tip"/"warning", title, html),
("steps", title, [step html, ...]) and ("quiz", title, [(kind, question, [(answer, correct)], explanation)]).
"""

T, F = True, False

COMPUTER = {
    "slug": "osnove-rada-na-racunalu",
    "title": "Osnove rada na računalu",
    "summary": "Za sve koji se tek upoznaju s računalom: miš i tipkovnica, mape i datoteke, sigurno služenje internetom i e-poštom te sustav e-Građani.",
    "description": (
        "<p>Tečaj je napisan za potpune početnike, bez stručnih izraza i bez žurbe. Svaku lekciju možete "
        "ispisati i čitati uz računalo, a vježbe ponavljati koliko god puta želite.</p>"
        "<p>Nakon tečaja moći ćete samostalno spremiti i pronaći dokument, poslati e-poruku s privitkom, "
        "prepoznati lažnu poruku i prijaviti se u sustav e-Građani.</p>"
    ),
    "outcomes": [
        "uključiti i isključiti računalo te se služiti mišem i tipkovnicom",
        "spremiti, preimenovati i pronaći datoteku u mapi",
        "prepoznati sigurnu internetsku stranicu i lažnu poruku",
        "poslati e-poruku s privitkom",
        "prijaviti se u sustav e-Građani i pronaći svoje podatke",
    ],
    "level": "beginner",
    "hours": "8",
    "categories": ["racunalne-vjestine"],
    "audiences": ["odrasli", "starije-osobe", "osobe-s-invaliditetom"],
    "areas": ["digitalne-vjestine"],
    "instructors": [("Marko Petrović", "voditelj računalnih radionica, Udruga PET PLUS")],
    "modules": [
        {
            "slug": "prvi-koraci",
            "title": "Prvi koraci s računalom",
            "intro": "Upoznajte dijelove računala, naučite se služiti mišem i tipkovnicom.",
            "lessons": [
                (
                    "dijelovi-racunala",
                    "Dijelovi računala",
                    15,
                    [
                        (
                            "p",
                            "<p>Računalo se sastoji od nekoliko dijelova koji rade zajedno. <b>Zaslon</b> (monitor) prikazuje sliku, <b>tipkovnica</b> služi za pisanje, a <b>miš</b> za pokazivanje i odabir. Kod prijenosnog računala sve je to u jednom kućištu, a mišem upravljamo preko dodirne plohe ispod tipkovnice.</p>"
                            "<p>Računalo uključujete tipkom za uključivanje, koja je obično označena krugom s okomitom crticom. Nakon pritiska pričekajte minutu ili dvije dok se na zaslonu ne pojavi radna površina — veliki prostor sa sličicama koje nazivamo <i>ikone</i>.</p>",
                        ),
                        (
                            "tip",
                            "Savjet",
                            "<p>Računalo nikada ne isključujte izvlačenjem utikača. Kliknite izbornik <b>Start</b>, zatim <b>Isključi</b>, i pričekajte da se zaslon ugasi.</p>",
                        ),
                        (
                            "p",
                            "<p>Na dnu zaslona nalazi se <b>traka sa zadacima</b>. Na njoj vidite otvorene programe, sat i ikonu za internetsku vezu. Ako se izgubite, pogled na traku sa zadacima uvijek vam kaže što je trenutačno otvoreno.</p>",
                        ),
                    ],
                ),
                (
                    "mis-i-tipkovnica",
                    "Miš i tipkovnica",
                    20,
                    [
                        (
                            "p",
                            "<p>Miš držite opušteno, dlanom na njegovu hrbatu. Kad ga pomičete po stolu, po zaslonu se pomiče <b>pokazivač</b> — mala strelica. Lijeva tipka služi za odabir: jedan klik označava, a dva brza klika (dvoklik) otvaraju mapu ili program. Desna tipka otvara izbornik s dodatnim mogućnostima.</p>"
                            "<p>Na tipkovnici su slova raspoređena kao na pisaćem stroju. Velika slova pišete tako da držite tipku <b>Shift</b> i pritisnete slovo. Tipka <b>Enter</b> prelazi u novi red ili potvrđuje, a <b>Backspace</b> briše znak lijevo od pokazivača.</p>",
                        ),
                        (
                            "steps",
                            "Vježba: napišite svoje ime",
                            [
                                "<p>Otvorite program <b>Blok za pisanje</b> (Notepad): kliknite Start i upišite „blok”.</p>",
                                "<p>Napišite svoje ime i prezime. Za veliko početno slovo držite Shift.</p>",
                                "<p>Pritisnite Enter i u novi red napišite mjesto stanovanja, npr. Kravarsko.</p>",
                                "<p>Pogriješili ste? Tipkom Backspace izbrišite slovo i napišite ga ponovno.</p>",
                            ],
                        ),
                        (
                            "tip",
                            "Hrvatska slova",
                            "<p>Slova č, ć, đ, š i ž nalaze se desno na tipkovnici, uz tipku Enter. Ako ih nema, u postavkama jezika odaberite hrvatsku tipkovnicu.</p>",
                        ),
                    ],
                ),
                (
                    "programi-i-prozori",
                    "Programi i prozori",
                    20,
                    [
                        (
                            "p",
                            "<p>Svaki program otvara se u svom <b>prozoru</b>. U gornjem desnom kutu prozora nalaze se tri gumba: crtica prozor sklanja na traku sa zadacima, kvadratić ga povećava preko cijeloga zaslona, a križić ga zatvara.</p>"
                            "<p>Možete imati otvoreno više prozora odjednom i prelaziti iz jednoga u drugi klikom na njihove ikone na traci sa zadacima. Prije zatvaranja programa u kojem ste nešto pisali, program će vas pitati želite li spremiti promjene — pročitajte pitanje prije nego što kliknete.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: prvi koraci",
                            [
                                (
                                    "single",
                                    "Kako se ispravno isključuje računalo?",
                                    [
                                        ("Izvlačenjem utikača iz zida", F),
                                        ("Preko izbornika Start → Isključi", T),
                                        ("Zatvaranjem poklopca zaslona", F),
                                    ],
                                    "Računalo treba isključiti preko izbornika Start kako bi spremilo sve što radi; naglo gašenje može oštetiti datoteke.",
                                ),
                                (
                                    "true_false",
                                    "Dvoklik lijevom tipkom miša otvara mapu ili program.",
                                    [("Točno", T), ("Netočno", F)],
                                    "Točno: jedan klik označava, a dva brza klika otvaraju.",
                                ),
                                (
                                    "multiple",
                                    "Koji gumbi se nalaze u gornjem desnom kutu prozora?",
                                    [
                                        ("Gumb za zatvaranje (križić)", T),
                                        ("Gumb za povećanje (kvadratić)", T),
                                        ("Gumb za ispis", F),
                                        ("Gumb za smanjenje na traku (crtica)", T),
                                    ],
                                    "Svaki prozor ima tri gumba: smanji, povećaj i zatvori. Ispis se pokreće iz izbornika programa.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "mape-i-datoteke",
            "title": "Mape i datoteke",
            "intro": "Gdje računalo čuva vaše dokumente i fotografije i kako ih pronaći.",
            "lessons": [
                (
                    "sto-su-datoteke",
                    "Što su datoteke i mape",
                    15,
                    [
                        (
                            "p",
                            "<p>Sve što spremite na računalo — pismo, fotografija, račun u PDF-u — sprema se kao <b>datoteka</b>. Datoteke slažemo u <b>mape</b>, kao papire u registratore. Mapa može sadržavati i druge mape, pa tako možete imati mapu „Dokumenti”, u njoj mapu „Kuća”, a u njoj račune za struju.</p>"
                            "<p>Program <b>Eksplorer za datoteke</b> (ikona žute mape na traci sa zadacima) prikazuje vaše mape. Lijevo su najvažnija mjesta: Radna površina, Dokumenti, Slike i Preuzimanja. U mapu <i>Preuzimanja</i> dolazi sve što preuzmete s interneta.</p>",
                        ),
                        (
                            "tip",
                            "Dobra navika",
                            "<p>Datotekama dajte imena iz kojih se vidi što sadrže, npr. „Račun struja ožujak 2021” umjesto „Dokument1”.</p>",
                        ),
                    ],
                ),
                (
                    "spremanje-i-pronalazenje",
                    "Spremanje i pronalaženje dokumenta",
                    25,
                    [
                        (
                            "steps",
                            "Spremite dokument u mapu",
                            [
                                "<p>U programu u kojem pišete kliknite <b>Datoteka</b>, zatim <b>Spremi kao</b>.</p>",
                                "<p>Lijevo odaberite mapu <b>Dokumenti</b>.</p>",
                                "<p>U polje <b>Naziv datoteke</b> upišite razumljivo ime.</p>",
                                "<p>Kliknite <b>Spremi</b>. Od sada je dovoljno pritisnuti Ctrl + S da spremite nove promjene.</p>",
                            ],
                        ),
                        (
                            "p",
                            "<p>Ako ne znate gdje je dokument, upotrijebite pretraživanje: kliknite Start i upišite dio imena datoteke. Računalo će ponuditi sve datoteke čije ime sadrži te riječi. Zato su dobra imena datoteka toliko važna.</p>"
                            "<p>Datoteku preimenujete tako da je označite jednim klikom, pritisnete tipku <b>F2</b>, upišete novo ime i pritisnete Enter.</p>",
                        ),
                    ],
                ),
                (
                    "usb-i-kopije",
                    "USB-stick i sigurnosne kopije",
                    20,
                    [
                        (
                            "p",
                            "<p>Računala se kvare, a mobiteli gube. Zato važne dokumente i fotografije čuvajte na još jednom mjestu: na USB-sticku, vanjskom disku ili u spremištu na internetu (npr. OneDrive ili Google Disk). Takvu kopiju zovemo <b>sigurnosna kopija</b>.</p>"
                            "<p>Kad utaknete USB-stick, pojavit će se u Eksploreru za datoteke kao novi disk. Datoteke na njega kopirate tako da ih mišem povučete iz svoje mape na ikonu sticka. Prije vađenja sticka kliknite ikonu za sigurno uklanjanje na traci sa zadacima.</p>",
                        ),
                        (
                            "warning",
                            "Pazite",
                            "<p>Nepoznate USB-stickove koje ste negdje pronašli ne uključujte u svoje računalo: mogu sadržavati zlonamjerne programe.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: mape i datoteke",
                            [
                                (
                                    "single",
                                    "Kamo se obično spremaju datoteke preuzete s interneta?",
                                    [
                                        ("U mapu Preuzimanja", T),
                                        ("U koš za smeće", F),
                                        ("Na radnu površinu, uvijek", F),
                                    ],
                                    "Preglednici preuzete datoteke po zadanim postavkama spremaju u mapu Preuzimanja.",
                                ),
                                (
                                    "true_false",
                                    "Tipka F2 služi za preimenovanje označene datoteke.",
                                    [("Točno", T), ("Netočno", F)],
                                    "Točno: označite datoteku, pritisnite F2, upišite novo ime i potvrdite tipkom Enter.",
                                ),
                                (
                                    "multiple",
                                    "Što je dobro mjesto za sigurnosnu kopiju važnih dokumenata?",
                                    [
                                        ("Vanjski disk ili USB-stick", T),
                                        ("Spremište na internetu", T),
                                        ("Ista mapa na istom računalu", F),
                                    ],
                                    "Kopija mora biti na drugom mjestu: ako se računalo pokvari, kopija na istom disku propada zajedno s njim.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "internet-e-posta-e-gradani",
            "title": "Internet, e-pošta i e-Građani",
            "intro": "Sigurno pretraživanje, e-pošta i javne usluge na jednom mjestu.",
            "lessons": [
                (
                    "sigurni-internet",
                    "Sigurno na internetu",
                    20,
                    [
                        (
                            "p",
                            "<p>Internetske stranice otvarate u <b>pregledniku</b> (Edge, Chrome ili Firefox). Adresu stranice upisujete u traku na vrhu. Prije nego što na stranici upišete lozinku ili broj kartice, provjerite da adresa počinje s <b>https://</b> i da je pokraj nje ikona lokota.</p>"
                            "<p>Lozinka treba biti duga i samo vaša: najmanje dvanaest znakova, primjerice nekoliko riječi koje zajedno pamtite („zelena-kruška-u-Kravarskom”). Istu lozinku ne koristite na više mjesta.</p>",
                        ),
                        (
                            "warning",
                            "Lažne poruke",
                            "<p>Banka, pošta ni policija nikada vam neće porukom tražiti lozinku ili PIN. Ako poruka traži hitnu uplatu ili vaše podatke, ne klikajte poveznicu — nazovite ustanovu na broj koji sami pronađete.</p>",
                        ),
                    ],
                ),
                (
                    "e-posta",
                    "E-pošta i privici",
                    25,
                    [
                        (
                            "p",
                            "<p>Adresa e-pošte izgleda ovako: <i>ime@posluzitelj.hr</i>. Novu poruku započinjete gumbom <b>Nova poruka</b> ili <b>Napiši</b>. U polje <b>Prima</b> upisujete adresu primatelja, u <b>Predmet</b> kratko o čemu pišete, a ispod sam tekst poruke.</p>",
                        ),
                        (
                            "steps",
                            "Pošaljite fotografiju kao privitak",
                            [
                                "<p>Započnite novu poruku i upišite adresu primatelja i predmet.</p>",
                                "<p>Kliknite ikonu spajalice (<b>Priloži</b>).</p>",
                                "<p>U prozoru koji se otvori pronađite fotografiju u mapi Slike i kliknite <b>Otvori</b>.</p>",
                                "<p>Pričekajte da se privitak učita pa kliknite <b>Pošalji</b>.</p>",
                            ],
                        ),
                        (
                            "tip",
                            "Prije slanja",
                            "<p>Pročitajte adresu primatelja još jednom. Poslanu poruku više ne možete vratiti.</p>",
                        ),
                    ],
                ),
                (
                    "e-gradani",
                    "Sustav e-Građani",
                    25,
                    [
                        (
                            "p",
                            "<p><b>e-Građani</b> je državni sustav preko kojega na jednom mjestu možete vidjeti svoje podatke i zatražiti mnoge javne usluge: izvadak iz matice rođenih, potvrdu o prebivalištu, podatke o mirovinskom stažu, e-Dnevnik za djecu i e-uputnice.</p>"
                            "<p>Za prijavu trebate <b>vjerodajnicu</b>: najčešće je to mobilna aplikacija vaše banke (mToken), osobna iskaznica s čipom ili aplikacija Certilia. Na stranici gov.hr kliknite <i>Prijava u e-Građani</i> i odaberite vjerodajnicu koju imate.</p>",
                        ),
                        (
                            "tip",
                            "Osobni korisnički pretinac",
                            "<p>Nakon prve prijave aktivirajte osobni korisnički pretinac: u njega vam ustanove šalju službene obavijesti, npr. rješenja i obavijesti o dospijeću dokumenata.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: internet i e-Građani",
                            [
                                (
                                    "single",
                                    "Po čemu prepoznajete da je veza sa stranicom zaštićena?",
                                    [
                                        ("Adresa počinje s https:// i vidi se ikona lokota", T),
                                        ("Stranica ima puno slika", F),
                                        ("Stranica se brzo otvara", F),
                                    ],
                                    "Oznaka https i lokot znače da je veza šifrirana; to je uvjet za upisivanje lozinke, ali nije jamstvo da je stranica poštena.",
                                ),
                                (
                                    "true_false",
                                    "Banka vam smije porukom zatražiti PIN kartice.",
                                    [("Točno", F), ("Netočno", T)],
                                    "Netočno: nijedna banka ne traži PIN ili lozinku porukom. Takva je poruka prijevara.",
                                ),
                                (
                                    "multiple",
                                    "Čime se možete prijaviti u e-Građane?",
                                    [
                                        ("Mobilnom aplikacijom banke (mToken)", T),
                                        ("Osobnom iskaznicom s čipom", T),
                                        ("Brojem telefona bez ikakve provjere", F),
                                    ],
                                    "Za prijavu je potrebna vjerodajnica koja potvrđuje vaš identitet, primjerice bankovni mToken, e-osobna iskaznica ili Certilia.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
    ],
}

BUSINESS = {
    "slug": "poduzetnistvo-za-pocetnike",
    "title": "Poduzetništvo za početnike",
    "summary": "Od ideje do prvoga kupca: kako provjeriti poslovnu ideju, izabrati pravni oblik (obrt, OPG, j.d.o.o.), napisati jednostavan poslovni plan i pronaći novac za početak.",
    "description": (
        "<p>Tečaj je namijenjen mještanima koji razmišljaju o vlastitom poslu ili dopunskom prihodu — "
        "od prodaje domaćih proizvoda do usluga u turizmu. Objašnjava korake jednostavnim jezikom i "
        "upućuje vas na ustanove koje pomažu poduzetnicima početnicima.</p>"
    ),
    "outcomes": [
        "opisati svoju poslovnu ideju i provjeriti postoji li za nju kupac",
        "usporediti obrt, OPG i jednostavno društvo s ograničenom odgovornošću",
        "izraditi jednostavan poslovni plan s procjenom troškova i prihoda",
        "nabrojiti izvore financiranja za početnike",
    ],
    "level": "beginner",
    "hours": "10",
    "categories": ["poduzetnistvo"],
    "audiences": ["mladi", "odrasli"],
    "areas": ["financijsko-upravljanje", "stratesko-planiranje"],
    "instructors": [("Lana Kovač", "savjetnica za razvoj poduzetništva, LAG Vallis Colapis")],
    "modules": [
        {
            "slug": "poslovna-ideja",
            "title": "Poslovna ideja",
            "intro": "Kako od ideje doći do ponude za koju postoji kupac.",
            "lessons": [
                (
                    "od-ideje-do-ponude",
                    "Od ideje do ponude",
                    20,
                    [
                        (
                            "p",
                            "<p>Dobra poslovna ideja rješava nečiji stvarni problem ili zadovoljava potrebu. Zapitajte se: <b>tko</b> će kupiti moj proizvod ili uslugu, <b>zašto</b> baš od mene i <b>koliko</b> je spreman platiti? Ideja „prodavat ću domaći med” postaje ponuda tek kad znate da ćete ga prodavati obiteljima iz Zagreba koje žele provjereno domaće podrijetlo, u staklenkama od pola kilograma.</p>"
                            "<p>Zapišite ideju u jednu rečenicu: <i>Nudim [što] za [koga] jer [koji problem rješavam].</i> Ako tu rečenicu ne možete napisati, ideju treba još razraditi.</p>",
                        ),
                        (
                            "tip",
                            "Krenite od sebe",
                            "<p>Popišite što znate raditi, što volite i što imate (zemljište, alat, prostor, znanje jezika). Najbolje ideje često leže na presjeku tih popisa.</p>",
                        ),
                    ],
                ),
                (
                    "provjera-trzista",
                    "Provjera tržišta",
                    25,
                    [
                        (
                            "p",
                            "<p>Prije nego što uložite novac, provjerite postoji li interes. Razgovarajte s desetak mogućih kupaca i pitajte ih kako danas rješavaju problem, koliko za to plaćaju i što im smeta. Pogledajte tko već nudi slično: konkurencija nije loš znak — pokazuje da kupci postoje.</p>"
                            "<p>Mali pokus vrijedi više od dugog razmišljanja: ponudite proizvod na lokalnom sajmu, u grupi na društvenoj mreži ili prijateljima i zabilježite koliko ste prodali i što su ljudi pitali.</p>",
                        ),
                        (
                            "steps",
                            "Tri koraka provjere",
                            [
                                "<p>Napišite pet pitanja za razgovor s mogućim kupcima.</p>",
                                "<p>Razgovarajte s najmanje deset osoba iz svoje ciljne skupine.</p>",
                                "<p>Zapišite što ste čuli i prilagodite ponudu prije prvog ulaganja.</p>",
                            ],
                        ),
                    ],
                ),
                (
                    "kupci-i-cijena",
                    "Kupci i cijena",
                    20,
                    [
                        (
                            "p",
                            "<p>Cijena mora pokriti sve troškove i donijeti zaradu. Zbrojite <b>izravne troškove</b> po proizvodu (sirovine, ambalaža) i podijelite <b>stalne troškove</b> (najam, knjigovođa, doprinosi) na broj proizvoda koje očekujete prodati u mjesecu. Tek na to dodajte svoju zaradu.</p>"
                            "<p>Usporedite rezultat s cijenama konkurencije. Ako je vaša cijena znatno viša, kupcu morate jasno reći zašto se isplati platiti više — zbog kvalitete, podrijetla ili usluge.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: poslovna ideja",
                            [
                                (
                                    "single",
                                    "Što najbolje opisuje dobru poslovnu ideju?",
                                    [
                                        ("Rješava stvaran problem određenih kupaca", T),
                                        ("Nitko drugi je nikada nije imao", F),
                                        ("Zahtijeva veliko početno ulaganje", F),
                                    ],
                                    "Presudno je postoji li kupac s problemom koji ideja rješava; originalnost i veličina ulaganja nisu mjerilo.",
                                ),
                                (
                                    "true_false",
                                    "Postojanje konkurencije uvijek znači da ideja nije dobra.",
                                    [("Točno", F), ("Netočno", T)],
                                    "Netočno: konkurencija pokazuje da kupci postoje; važno je po čemu se razlikujete.",
                                ),
                                (
                                    "multiple",
                                    "Što mora pokriti prodajna cijena?",
                                    [
                                        ("Izravne troškove po proizvodu", T),
                                        ("Dio stalnih troškova", T),
                                        ("Vašu zaradu", T),
                                        ("Cijenu konkurenta, uvećanu za polovicu", F),
                                    ],
                                    "Cijena pokriva izravne i stalne troškove te zaradu; cijene konkurencije služe za usporedbu, nisu formula.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "pravni-oblici",
            "title": "Pravni oblici u Hrvatskoj",
            "intro": "Obrt, obiteljsko poljoprivredno gospodarstvo i jednostavno društvo s ograničenom odgovornošću.",
            "lessons": [
                (
                    "obrt",
                    "Obrt",
                    20,
                    [
                        (
                            "p",
                            "<p><b>Obrt</b> je najčešći oblik za samostalnu djelatnost jedne osobe. Registrira se u obrtnom registru, danas i putem sustava e-Obrt ili na šalteru HITRO.HR. Za slobodne obrte nije potreban poseban ispit, a za vezane i povlaštene obrte traži se odgovarajuća stručna sprema ili dozvola.</p>"
                            "<p>Obrtnik za obveze obrta odgovara <b>cijelom svojom imovinom</b>. Porez može plaćati paušalno (jednostavnije, do propisanog godišnjeg primitka) ili na stvarni dohodak, uz vođenje poslovnih knjiga.</p>",
                        ),
                        (
                            "tip",
                            "Paušalni obrt",
                            "<p>Za male djelatnosti paušalni obrt često je najjednostavniji početak: porez i doprinosi plaćaju se u fiksnim iznosima, a knjigovodstvo je svedeno na knjigu prometa.</p>",
                        ),
                    ],
                ),
                (
                    "opg",
                    "Obiteljsko poljoprivredno gospodarstvo (OPG)",
                    20,
                    [
                        (
                            "p",
                            "<p><b>OPG</b> je oblik za obitelji koje se bave poljoprivredom: uzgojem, preradom vlastitih proizvoda i dopunskim djelatnostima kao što je seoski turizam. Upisuje se u Upisnik poljoprivrednika pri Agenciji za plaćanja u poljoprivredi, ribarstvu i ruralnom razvoju.</p>"
                            "<p>Nositelj OPG-a može se prijaviti za potpore iz Programa ruralnog razvoja i nacionalne potpore. Članovi OPG-a mogu biti članovi istoga kućanstva, što olakšava zajednički rad obitelji.</p>",
                        ),
                        (
                            "warning",
                            "Prerada i prodaja",
                            "<p>Za preradu hrane (sir, džem, suhomesnati proizvodi) potrebni su upis objekta i higijenski uvjeti. Raspitajte se na vrijeme kod savjetodavne službe.</p>",
                        ),
                    ],
                ),
                (
                    "jdoo",
                    "Jednostavno društvo s ograničenom odgovornošću (j.d.o.o.)",
                    25,
                    [
                        (
                            "p",
                            "<p><b>J.d.o.o.</b> je trgovačko društvo koje se osniva s malim temeljnim kapitalom i najviše trima osnivačima. Za razliku od obrta, osnivači ne odgovaraju osobnom imovinom za obveze društva, nego društvo odgovara svojom imovinom.</p>"
                            "<p>Društvo se upisuje u sudski registar, a posao vodi direktor. Vođenje je zahtjevnije: potrebno je dvojno knjigovodstvo, godišnji financijski izvještaji i plaćanje poreza na dobit. J.d.o.o. se isplati kad očekujete veći promet ili poslovni rizik.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: pravni oblici",
                            [
                                (
                                    "single",
                                    "Tko za obveze obrta odgovara cijelom svojom imovinom?",
                                    [("Obrtnik", T), ("Općina", F), ("Banka koja vodi račun", F)],
                                    "Obrtnik odgovara za obveze obrta cijelom osobnom imovinom; zato je važno procijeniti rizik posla.",
                                ),
                                (
                                    "true_false",
                                    "OPG se upisuje u Upisnik poljoprivrednika.",
                                    [("Točno", T), ("Netočno", F)],
                                    "Točno: upis vodi Agencija za plaćanja u poljoprivredi, ribarstvu i ruralnom razvoju.",
                                ),
                                (
                                    "single",
                                    "Koliko osnivača može imati j.d.o.o.?",
                                    [("Najviše tri", T), ("Najviše deset", F), ("Samo jednoga", F)],
                                    "Jednostavno društvo s ograničenom odgovornošću može imati najviše tri osnivača.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "plan-i-financiranje",
            "title": "Poslovni plan i financiranje",
            "intro": "Jednostavan poslovni plan i izvori novca za početak.",
            "lessons": [
                (
                    "jednostavan-poslovni-plan",
                    "Jednostavan poslovni plan",
                    30,
                    [
                        (
                            "p",
                            "<p>Poslovni plan ne mora imati pedeset stranica. Za početak su dovoljne odgovori na nekoliko pitanja: što nudite, kome, kako ćete doći do kupaca, tko radi posao, koliko novca treba za početak i kada će prihodi pokriti troškove.</p>"
                            "<p>Najvažniji je <b>plan novčanog toka</b>: tablica po mjesecima u kojoj upisujete očekivane primitke i izdatke. Ona pokazuje hoćete li u nekom mjesecu ostati bez novca, iako posao na papiru donosi dobit.</p>",
                        ),
                        (
                            "steps",
                            "Sastavite plan na jednoj stranici",
                            [
                                "<p>U jednoj rečenici opišite ponudu i kupce.</p>",
                                "<p>Nabrojite tri načina na koja ćete doći do kupaca.</p>",
                                "<p>Popišite početna ulaganja i mjesečne troškove.</p>",
                                "<p>Procijenite prodaju za prvih dvanaest mjeseci, radije skromno nego optimistično.</p>",
                            ],
                        ),
                    ],
                ),
                (
                    "izvori-financiranja",
                    "Izvori financiranja",
                    25,
                    [
                        (
                            "p",
                            "<p>Novac za početak može doći iz vlastite ušteđevine, od obitelji, iz mikrokredita ili iz potpora. <b>Hrvatski zavod za zapošljavanje</b> nezaposlenima dodjeljuje potporu za samozapošljavanje. <b>HAMAG-BICRO</b> nudi mikrozajmove i jamstva, a <b>lokalne akcijske grupe</b> (poput LAG-a Vallis Colapis) raspisuju natječaje za male projekte u ruralnom području.</p>"
                            "<p>Potpore se gotovo uvijek isplaćuju za točno određene troškove i uz obvezu izvještavanja. Pažljivo pročitajte uvjete natječaja prije nego što potrošite novac.</p>",
                        ),
                        (
                            "tip",
                            "Pitajte za pomoć",
                            "<p>LAG, razvojne agencije i obrtničke komore besplatno savjetuju poduzetnike početnike i pomažu u pripremi prijave.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: plan i financiranje",
                            [
                                (
                                    "single",
                                    "Što pokazuje plan novčanog toka?",
                                    [
                                        ("Hoćete li u nekom mjesecu imati dovoljno novca za izdatke", T),
                                        ("Koliko je posao vrijedan na burzi", F),
                                        ("Popis svih konkurenata", F),
                                    ],
                                    "Novčani tok po mjesecima pokazuje kada novac ulazi i izlazi, pa otkriva mjesece u kojima bi moglo nedostajati novca.",
                                ),
                                (
                                    "multiple",
                                    "Koji su izvori financiranja za poduzetnike početnike?",
                                    [
                                        ("Potpora HZZ-a za samozapošljavanje", T),
                                        ("Mikrozajam HAMAG-BICRO-a", T),
                                        ("Natječaji lokalne akcijske grupe", T),
                                        ("Porezni povrat koji svatko dobiva unaprijed", F),
                                    ],
                                    "HZZ, HAMAG-BICRO i LAG-ovi nude potpore i zajmove; povrat poreza nije izvor početnog kapitala.",
                                ),
                                (
                                    "true_false",
                                    "Novac iz potpore obično smijete potrošiti na bilo što.",
                                    [("Točno", F), ("Netočno", T)],
                                    "Netočno: potpore pokrivaju samo troškove određene natječajem i traže izvještavanje.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
    ],
}

BRANDING = {
    "slug": "brendiranje-lokalnog-podrucja",
    "title": "Brendiranje lokalnog područja",
    "summary": "Kako prepoznati i ispričati ono po čemu je naš kraj poseban, kako tome dati prepoznatljiv izgled i predstaviti lokalne proizvode na društvenim mrežama.",
    "description": (
        "<p>Turopolje i Vukomeričke gorice imaju svoju povijest, krajolik, običaje i proizvode. "
        "Tečaj pomaže udrugama, OPG-ovima i općini da zajedno grade prepoznatljiv identitet kraja "
        "i dosljedno ga predstavljaju posjetiteljima.</p>"
    ),
    "outcomes": [
        "opisati lokalni identitet i ono po čemu se kraj razlikuje od drugih",
        "ispričati priču o mjestu, ljudima ili proizvodu",
        "predstaviti lokalni proizvod dosljednim izgledom i porukom",
        "planirati objave na društvenim mrežama",
    ],
    "level": "intermediate",
    "hours": "8",
    "categories": ["brendiranje-lokalnog-podrucja", "jacanje-kapaciteta-udruga"],
    "audiences": ["mladi", "odrasli"],
    "areas": ["komunikacija-i-brendiranje"],
    "instructors": [("Iva Horvat", "komunikologinja, KUD Kravarsko")],
    "modules": [
        {
            "slug": "lokalni-identitet",
            "title": "Lokalni identitet",
            "intro": "Što naš kraj čini posebnim i kako to zajedno opisati.",
            "lessons": [
                (
                    "sto-je-brend-mjesta",
                    "Što je brend mjesta",
                    20,
                    [
                        (
                            "p",
                            "<p><b>Brend mjesta</b> nije samo logotip. To je slika koju ljudi imaju o kraju: što o njemu misle, osjećaju i pričaju drugima. Tu sliku grade krajolik, ljudi, hrana, događaji i način na koji ih predstavljamo.</p>"
                            "<p>Brendiranje znači svjesno i dosljedno graditi tu sliku — tako da svi, od općine do najmanjeg OPG-a, govore o kraju na sličan način i ističu iste vrijednosti.</p>",
                        ),
                        (
                            "tip",
                            "Zajednički posao",
                            "<p>Brend kraja ne može izgraditi jedna udruga. Uključite općinu, turističku zajednicu, škole, OPG-ove i starije mještane koji pamte priče.</p>",
                        ),
                    ],
                ),
                (
                    "popis-posebnosti",
                    "Popis posebnosti našega kraja",
                    25,
                    [
                        (
                            "p",
                            "<p>Počnite popisom: prirodne ljepote (šume i brežuljci Vukomeričkih gorica), baština (drvene kurije, kapele, turopoljska tradicija), ljudi i znanja (tkanje, pčelarstvo, tamburaši), događaji (proštenja, sajmovi) i proizvodi (med, vino, sir).</p>"
                            "<p>Zatim izdvojite tri do pet stvari koje su <b>doista posebne</b> — koje posjetitelj ne može doživjeti u susjednoj općini. To su temelji vašega brenda.</p>",
                        ),
                        (
                            "steps",
                            "Radionica s mještanima",
                            [
                                "<p>Pozovite dvadesetak mještana različite dobi u društveni centar.</p>",
                                "<p>Neka svatko na listiće napiše tri stvari po kojima pamti Kravarsko.</p>",
                                "<p>Skupite listiće na ploču i grupirajte slične odgovore.</p>",
                                "<p>Zajedno izaberite pet posebnosti koje će se isticati.</p>",
                            ],
                        ),
                        (
                            "quiz",
                            "Provjera znanja: lokalni identitet",
                            [
                                (
                                    "single",
                                    "Što je brend mjesta?",
                                    [
                                        ("Slika koju ljudi imaju o kraju i koju zajednica svjesno gradi", T),
                                        ("Samo logotip općine", F),
                                        ("Naziv turističke agencije", F),
                                    ],
                                    "Logotip je samo dio brenda; brend je ukupna slika o kraju koja nastaje iz iskustava i priča.",
                                ),
                                (
                                    "true_false",
                                    "Temelj brenda čine posebnosti koje posjetitelj ne može doživjeti u susjednoj općini.",
                                    [("Točno", T), ("Netočno", F)],
                                    "Točno: ono po čemu se kraj razlikuje daje razlog da ga netko posjeti i zapamti.",
                                ),
                                (
                                    "multiple",
                                    "Koga je korisno uključiti u izgradnju brenda kraja?",
                                    [
                                        ("Općinu i turističku zajednicu", T),
                                        ("OPG-ove i obrtnike", T),
                                        ("Starije mještane koji pamte priče", T),
                                        ("Samo jednu agenciju izvana", F),
                                    ],
                                    "Brend kraja je zajednički posao; vanjski stručnjaci mogu pomoći, ali ne mogu ga sami izgraditi.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "pricanje-prica",
            "title": "Pričanje priča",
            "intro": "Priče pamtimo bolje od popisa činjenica.",
            "lessons": [
                (
                    "zasto-price",
                    "Zašto priče djeluju",
                    20,
                    [
                        (
                            "p",
                            "<p>Ljudi pamte priče, a ne popise. „Naš med je kvalitetan” zaboravit ćete za minutu, ali priču o baki Ani koja je pčelarila šezdeset godina i naučila unuka čitati košnice — zapamtit ćete. Priča daje proizvodu i mjestu lice i osjećaj.</p>"
                            "<p>Dobra priča ima <b>junaka</b> (osobu, obitelj, udrugu), <b>izazov</b> (nešto što je trebalo svladati) i <b>promjenu</b> (što je iz toga nastalo). Mora biti istinita: izmišljene priče brzo se razotkriju i naštete povjerenju.</p>",
                        ),
                    ],
                ),
                (
                    "prica-u-slici",
                    "Priča u slici",
                    20,
                    [
                        (
                            "p",
                            "<p>Fotografija često ispriča priču brže od teksta. Snimajte ljude na djelu — pčelara uz košnicu, tkalju za tkalačkim stanom, djecu na proštenju — a ne samo prazne krajolike. Lica i ruke koje rade stvaraju osjećaj bliskosti.</p>"
                            "<p>Snimajte pri dnevnom svjetlu, držite mobitel vodoravno i približite se predmetu umjesto da zumirate. Uz svaku fotografiju zapišite tko je na njoj, gdje i kada je snimljena: taj opis poslije treba i za objavu i za tekstualni opis slike za slabovidne osobe.</p>",
                        ),
                        (
                            "tip",
                            "Opis slike",
                            "<p>Kad objavljujete fotografiju na mreži, dodajte kratak opis onoga što se na njoj vidi. Tako priču mogu „vidjeti” i osobe koje se služe čitačem zaslona.</p>",
                        ),
                    ],
                ),
                (
                    "kako-napisati-pricu",
                    "Kako napisati priču",
                    25,
                    [
                        (
                            "steps",
                            "Priča u pet rečenica",
                            [
                                "<p>Tko je junak? Jedna rečenica o osobi ili zajednici.</p>",
                                "<p>Gdje i kada se priča događa?</p>",
                                "<p>S kojim se izazovom junak suočio?</p>",
                                "<p>Što je učinio i tko mu je pomogao?</p>",
                                "<p>Što je iz toga nastalo i zašto je to važno za naš kraj danas?</p>",
                            ],
                        ),
                        (
                            "p",
                            "<p>Pišite jednostavno, kratkim rečenicama, kao da pričate susjedu. Dodajte jednu dobru fotografiju junaka ili mjesta. Priču možete upotrijebiti na etiketi proizvoda, na mrežnoj stranici, na ploči uz poučnu stazu ili u objavi na društvenoj mreži.</p>",
                        ),
                        (
                            "quiz",
                            "Provjera znanja: pričanje priča",
                            [
                                (
                                    "multiple",
                                    "Što ima dobra priča?",
                                    [
                                        ("Junaka", T),
                                        ("Izazov", T),
                                        ("Promjenu koja je nastala", T),
                                        ("Što više brojki i tablica", F),
                                    ],
                                    "Junak, izazov i promjena čine okosnicu priče koju ljudi pamte.",
                                ),
                                (
                                    "true_false",
                                    "Za brend je prihvatljivo izmisliti privlačnu priču o proizvodu.",
                                    [("Točno", F), ("Netočno", T)],
                                    "Netočno: priče moraju biti istinite, inače narušavaju povjerenje kupaca i posjetitelja.",
                                ),
                                (
                                    "single",
                                    "Kakvim stilom pisati priču?",
                                    [
                                        ("Jednostavno, kratkim rečenicama", T),
                                        ("Stručnim izrazima da djeluje ozbiljno", F),
                                        ("Što duže, da ništa ne izostane", F),
                                    ],
                                    "Jednostavan jezik i kratke rečenice razumije svatko, od djece do starijih posjetitelja.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "proizvodi-i-drustvene-mreze",
            "title": "Lokalni proizvodi i društvene mreže",
            "intro": "Kako proizvod i kraj predstaviti dosljedno i redovito.",
            "lessons": [
                (
                    "lokalni-proizvodi",
                    "Lokalni proizvodi",
                    20,
                    [
                        (
                            "p",
                            "<p>Lokalni proizvod nosi priču kraja na stol kupca. Zato su važni <b>dosljedan izgled</b> (iste boje, slova i znak na etiketama različitih proizvođača), <b>jasno podrijetlo</b> (gdje i tko je proizvod napravio) i <b>kvaliteta</b> koja opravdava cijenu.</p>"
                            "<p>Udruge i OPG-ovi mogu se udružiti pod zajedničkom oznakom kraja, ali samo uz dogovorena pravila kvalitete: jedan loš proizvod šteti svima koji nose istu oznaku.</p>",
                        ),
                        (
                            "tip",
                            "Oznake kvalitete",
                            "<p>Provjerite možete li se prijaviti za nacionalne oznake poput „Dokazana kvaliteta” ili „Hrvatski otočni proizvod” za druge krajeve — pokazuju kupcu da je proizvod provjeren.</p>",
                        ),
                    ],
                ),
                (
                    "drustvene-mreze",
                    "Društvene mreže",
                    25,
                    [
                        (
                            "p",
                            "<p>Društvene mreže (Facebook, Instagram) besplatan su način da kraj i proizvode predstavite ljudima izvan općine. Važnija je <b>redovitost</b> od savršenstva: bolje jedna dobra objava tjedno kroz cijelu godinu nego deset u jednom tjednu i onda tišina.</p>"
                            "<p>Izradite jednostavan <b>plan objava</b> za mjesec dana: priče ljudi, najave događaja, fotografije krajolika i proizvoda. Na komentare i poruke odgovarajte ljubazno i brzo.</p>",
                        ),
                        (
                            "warning",
                            "Privola za fotografije",
                            "<p>Prije objave fotografije na kojoj se vide ljudi, pitajte ih za dopuštenje. Za djecu je potrebna privola roditelja.</p>",
                        ),
                    ],
                ),
                (
                    "plan-objava",
                    "Plan objava za mjesec dana",
                    25,
                    [
                        (
                            "steps",
                            "Izradite plan objava",
                            [
                                "<p>U tablicu upišite četiri tjedna i po dva dana objave u svakom tjednu.</p>",
                                "<p>Za svaki dan odredite temu: priča, događaj, proizvod ili krajolik.</p>",
                                "<p>Uz svaku temu pripremite fotografiju i kratak tekst od dvije do tri rečenice.</p>",
                                "<p>Na kraju mjeseca pogledajte koje su objave ljudi najviše dijelili i učinite više takvih.</p>",
                            ],
                        ),
                        (
                            "quiz",
                            "Provjera znanja: proizvodi i mreže",
                            [
                                (
                                    "single",
                                    "Što je na društvenim mrežama važnije od savršenih objava?",
                                    [
                                        ("Redovitost", T),
                                        ("Skupa oprema za snimanje", F),
                                        ("Što više oznaka (hashtagova)", F),
                                    ],
                                    "Redovite objave grade publiku; pojedinačne savršene objave bez kontinuiteta brzo se zaborave.",
                                ),
                                (
                                    "true_false",
                                    "Fotografiju djece smijete objaviti bez pitanja ako je snimljena na javnom događaju.",
                                    [("Točno", F), ("Netočno", T)],
                                    "Netočno: za objavu fotografije djeteta potrebna je privola roditelja.",
                                ),
                                (
                                    "multiple",
                                    "Što pomaže lokalnom proizvodu da nosi brend kraja?",
                                    [
                                        ("Dosljedan izgled etikete", T),
                                        ("Jasno navedeno podrijetlo", T),
                                        ("Dogovorena pravila kvalitete", T),
                                        ("Što niža cijena pod svaku cijenu", F),
                                    ],
                                    "Izgled, podrijetlo i kvaliteta grade povjerenje; sniženje cijene ne gradi brend.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        },
    ],
}

COURSES = [COMPUTER, BUSINESS, BRANDING]

CATEGORIES = [
    ("racunalne-vjestine", "Računalne vještine"),
    ("poduzetnistvo", "Poduzetništvo"),
    ("brendiranje-lokalnog-podrucja", "Brendiranje lokalnog područja"),
    ("jacanje-kapaciteta-udruga", "Jačanje kapaciteta udruga"),
]

AUDIENCES = [
    ("djeca", "djeca"),
    ("mladi", "mladi"),
    ("odrasli", "odrasli"),
    ("starije-osobe", "starije osobe"),
    ("osobe-s-invaliditetom", "osobe s invaliditetom"),
]
