"""Demo stakeholders, dialogues and working groups of Lexman BV, AGV BV and Gemeente Voorbeeld.

Stakeholders are (name, category, internal, influence, interest, contact, notes). A dialogue's
``days_ago`` is counted back from today, so the demo stays current; its ``themes`` are framework
theme codes or own theme names (see themes/demo.py). A working-group member is a demo user
(by e-mail) or a named external without an account. Idempotent: stakeholders are keyed on
organisation + name, dialogues on organisation + subject, members on organisation + user or
external name.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from themes.models import OrgTheme

from .models import Category, Dialogue, Method, Stakeholder, WorkingGroupMember, WorkingGroupRole

C = Category
STAKEHOLDERS = {
    "lexman": [
        (
            "Noordhoek Supermarkten",
            C.CUSTOMERS,
            False,
            5,
            4,
            "Mirjam Kok, manager logistiek – m.kok@noordhoek.example",
            "Grootste klant, ongeveer een derde van de omzet. Wil CO2-gegevens per zending "
            "voor de eigen ketenrapportage.",
        ),
        (
            "Vaste charterbedrijven",
            C.SUPPLIERS,
            False,
            2,
            3,
            "Via de planning; veertien vaste onderaannemers",
            "Rijden bij piekdrukte voor ons. Een deel werkt met chauffeurs uit Oost-Europa.",
        ),
        (
            "Oliehandel Brandsma",
            C.SUPPLIERS,
            False,
            3,
            2,
            "Erik Brandsma – verkoop@brandsma-olie.example",
            "Levert diesel en HVO aan onze eigen pomp en via tankpassen.",
        ),
        (
            "Chauffeurs",
            C.EMPLOYEES,
            True,
            3,
            5,
            "Via de teamleiders planning en het chauffeursoverleg",
            "Ruim zestig chauffeurs in vaste dienst, een op de vijf is ouder dan 55.",
        ),
        (
            "Ondernemingsraad",
            C.WORKS_COUNCIL,
            True,
            4,
            4,
            "Dennis Verhoef, voorzitter – or@lexman.example",
            "Heeft instemmingsrecht op het verzuimbeleid en de roosters.",
        ),
        (
            "Gemeente Havendam",
            C.GOVERNMENTS,
            False,
            4,
            3,
            "Team Economie en Mobiliteit – mobiliteit@havendam.example",
            "Voert vanaf volgend jaar een zero-emissiezone voor vracht in de binnenstad in.",
        ),
        (
            "Coöperatieve Streekbank",
            C.FINANCIERS,
            False,
            4,
            2,
            "Accountmanager zakelijk, Bart Willems – b.willems@streekbank.example",
            "Financiert het wagenpark; biedt een lagere rente voor emissiearme trucks.",
        ),
        (
            "Brancheorganisatie wegtransport, regio Zuid-West",
            C.TRADE_ASSOCIATIONS,
            False,
            3,
            3,
            "Regiosecretariaat – zuidwest@wegtransport.example",
            "Organiseert kennissessies over HVO, laadinfrastructuur en rij- en rusttijden.",
        ),
        (
            "Bewonersvereniging Industrieweg-Oost",
            C.RESIDENTS,
            False,
            2,
            4,
            "Gerda Smits, secretaris – bewoners.industrieweg@mail.example",
            "Klachten over vrachtverkeer in de vroege ochtend en over de schoolroute.",
        ),
        (
            "Stichting Veilig op Weg Havendam",
            C.NGOS,
            False,
            2,
            4,
            "Info – info@veiligopweg.example",
            "Geeft voorlichting op basisscholen over de dode hoek van vrachtwagens.",
        ),
    ],
    "agv": [
        (
            "Supermarktketen GroenRijk",
            C.CUSTOMERS,
            False,
            5,
            4,
            "Category manager groente, Sophie de Graaf – s.degraaf@groenrijk.example",
            "Stelt eisen aan residuen, certificering en recyclebare verpakkingen.",
        ),
        (
            "Contracttelers",
            C.SUPPLIERS,
            False,
            3,
            4,
            "Via de teeltbegeleider; 23 telers in de regio",
            "Leveren ongeveer de helft van ons volume. Meestal kleine familiebedrijven.",
        ),
        (
            "Uitzendbureau Oogstwerk",
            C.SUPPLIERS,
            False,
            3,
            3,
            "Vestigingsmanager, Marta Kowalska – planning@oogstwerk.example",
            "Levert de seizoenskrachten en regelt een deel van hun huisvesting.",
        ),
        (
            "Seizoenskrachten",
            C.EMPLOYEES,
            True,
            1,
            5,
            "Via de ploegleiders; instructies in het Pools, Roemeens en Engels",
            "In de piek zo'n 120 mensen, vooral uit Polen en Roemenië.",
        ),
        (
            "Ondernemingsraad",
            C.WORKS_COUNCIL,
            True,
            4,
            4,
            "Voorzitter, Wim Hoekstra – or@agv.example",
            "Vraagt aandacht voor de werkdruk van vaste medewerkers tijdens de oogst.",
        ),
        (
            "Waterschap Lage Landen",
            C.GOVERNMENTS,
            False,
            4,
            4,
            "Accountmanager landbouw – landbouw@lagelanden.example",
            "Verleent vergunningen voor onttrekking en lozing; meet de waterkwaliteit.",
        ),
        (
            "Gemeente Akkerveld",
            C.GOVERNMENTS,
            False,
            4,
            3,
            "Beleidsadviseur huisvesting arbeidsmigranten – info@akkerveld.example",
            "Beslist over vergunningen voor huisvesting van seizoenskrachten op eigen terrein.",
        ),
        (
            "Voedselbank Akkerveld",
            C.NGOS,
            False,
            1,
            4,
            "Coördinator inzameling – inzameling@voedselbank-akkerveld.example",
            "Neemt overschotten af die nog goed zijn maar niet verkocht worden.",
        ),
        (
            "Omwonenden Polderweg",
            C.RESIDENTS,
            False,
            2,
            5,
            "Contactpersoon, Anneke Mol – a.mol@mail.example",
            "Zorgen over drift bij het spuiten van percelen vlak bij de woningen.",
        ),
        (
            "Brancheorganisatie groente en fruit",
            C.TRADE_ASSOCIATIONS,
            False,
            3,
            3,
            "Sectorspecialist duurzaamheid – duurzaam@groentefruit.example",
            "Werkt aan sectorafspraken over verpakkingen en gewasbescherming.",
        ),
    ],
    "gemeente-voorbeeld": [
        (
            "Werkbedrijf regio Voorbeeld",
            C.GOVERNMENTS,
            False,
            3,
            5,
            "Accountmanager social return – sroi@werkbedrijf.example",
            "Bemiddelt kandidaten met een afstand tot de arbeidsmarkt en controleert de "
            "nakoming van social-return-afspraken.",
        ),
        (
            "Ondernemersvereniging Voorbeeld",
            C.TRADE_ASSOCIATIONS,
            False,
            3,
            4,
            "Secretariaat – info@ondernemersvoorbeeld.example",
            "Vraagt om haalbare eisen voor het lokale mkb en om marktconsultaties vooraf.",
        ),
        (
            "Aannemers grond-, weg- en waterbouw",
            C.SUPPLIERS,
            False,
            4,
            3,
            "Via het marktplatform GWW van de regio",
            "Denken mee over emissieloos materieel en hergebruik van materialen.",
        ),
    ],
}

DIALOGUES = {
    "lexman": [
        {
            "subject": "Chauffeursbijeenkomst over werkdruk en rusttijden",
            "days_ago": 520,
            "method": Method.WORKSHOP,
            "stakeholders": ["Chauffeurs", "Ondernemingsraad"],
            "themes": ["iso-arbeid", "Verkeersveiligheid"],
            "input": (
                "Chauffeurs ervaren vooral druk door lange wachttijden bij het laden en lossen. "
                "Daardoor komen rusttijden in het gedrang. Ook missen ze contact met de "
                "planning en met collega's."
            ),
            "follow_up": (
                "Venstertijden afgesproken met de drie klanten met de langste wachttijden. De "
                "planning houdt rusttijden nu vooraf bij in het planningssysteem. Elk kwartaal "
                "een chauffeursoverleg."
            ),
            "reported_back": True,
        },
        {
            "subject": "Gesprek met Noordhoek over CO2-gegevens per zending",
            "days_ago": 410,
            "method": Method.CONVERSATION,
            "stakeholders": ["Noordhoek Supermarkten"],
            "themes": ["iso-milieu", "iso-consumenten"],
            "input": (
                "Noordhoek wil vanaf volgend jaar van al zijn vervoerders de uitstoot per "
                "zending ontvangen en waardeert het inzetten van HVO en elektrische trucks bij "
                "de gunning van nieuwe ritten."
            ),
            "follow_up": (
                "Een KPI voor CO2-rapportage per zending opgenomen in het MVO-plan en een pilot "
                "gestart met de rapportagemodule van ons transportmanagementsysteem."
            ),
            "reported_back": True,
        },
        {
            "subject": "Enquête onder charterbedrijven over de gedragscode",
            "days_ago": 300,
            "method": Method.SURVEY,
            "stakeholders": ["Vaste charterbedrijven"],
            "themes": ["iso-eerlijk-zakendoen"],
            "input": (
                "Negen van de veertien charters reageerden. De meeste willen tekenen, maar "
                "vinden de controle op rusttijden via hun eigen tachograafdata veel werk. Twee "
                "vragen om een hoger kilometertarief als ze aan alle eisen moeten voldoen."
            ),
            "follow_up": (
                "De gedragscode is vereenvoudigd en de controle gaat nu steekproefsgewijs. Over "
                "de tarieven voeren we gesprekken bij de jaarlijkse contractverlenging."
            ),
            "reported_back": False,
        },
        {
            "subject": "Overleg met de Streekbank over groene financiering",
            "days_ago": 180,
            "method": Method.CONVERSATION,
            "stakeholders": ["Coöperatieve Streekbank"],
            "themes": ["iso-milieu"],
            "input": (
                "De bank biedt een rentekorting voor elektrische trucks en vraagt een "
                "onderbouwd plan voor de vervanging van het wagenpark en de laadcapaciteit op "
                "ons terrein."
            ),
            "follow_up": (
                "Vervangingsplan voor het wagenpark opgesteld: twee elektrische trucks in de "
                "eerstvolgende vervangingsronde, met een netaansluiting die groot genoeg is."
            ),
            "reported_back": True,
        },
        {
            "subject": "Bewonersavond over vrachtverkeer langs de schoolroute",
            "days_ago": 55,
            "method": Method.MEETING,
            "stakeholders": [
                "Bewonersvereniging Industrieweg-Oost",
                "Gemeente Havendam",
                "Stichting Veilig op Weg Havendam",
            ],
            "themes": ["Verkeersveiligheid", "iso-gemeenschap"],
            "input": (
                "Bewoners vragen om geen vrachtverkeer over de schoolroute tussen half acht en "
                "half negen, en om minder stationair draaiende motoren bij de poort. De "
                "stichting biedt aan een dodehoekles te geven met een van onze trucks."
            ),
            "follow_up": "",
            "reported_back": False,
        },
    ],
    "agv": [
        {
            "subject": "Klantaudit GroenRijk: residuen en verpakkingen",
            "days_ago": 500,
            "method": Method.CONVERSATION,
            "stakeholders": ["Supermarktketen GroenRijk"],
            "themes": ["iso-consumenten", "pianoo-circulair"],
            "input": (
                "GroenRijk wil dat residuen onder de helft van de wettelijke norm blijven en dat "
                "alle verpakkingen binnen drie jaar goed recyclebaar zijn. Zwarte plastic "
                "schalen moeten verdwijnen."
            ),
            "follow_up": (
                "Extra residuanalyses per partij ingevoerd en met onze verpakkingsleverancier "
                "een overstap naar transparante monomateriaal-schalen gepland."
            ),
            "reported_back": True,
        },
        {
            "subject": "Enquête onder seizoenskrachten over huisvesting en werkdruk",
            "days_ago": 420,
            "method": Method.SURVEY,
            "stakeholders": ["Seizoenskrachten", "Uitzendbureau Oogstwerk", "Ondernemingsraad"],
            "themes": ["iso-arbeid"],
            "input": (
                "Vooral kritiek op de volle kamers in één van de huizen en op instructies die "
                "alleen in het Nederlands zijn. Positief over de begeleiding door de "
                "ploegleiders."
            ),
            "follow_up": (
                "Eén woning afgestoten, maximaal twee personen per kamer afgesproken met het "
                "uitzendbureau, en veiligheidsinstructies vertaald in drie talen."
            ),
            "reported_back": True,
        },
        {
            "subject": "Keukentafelgesprekken met omwonenden over spuiten",
            "days_ago": 270,
            "method": Method.MEETING,
            "stakeholders": ["Omwonenden Polderweg", "Gemeente Akkerveld"],
            "themes": ["iso-milieu", "iso-gemeenschap"],
            "input": (
                "Omwonenden willen vooraf weten wanneer er gespoten wordt en vragen om een "
                "bredere spuitvrije zone langs de tuinen."
            ),
            "follow_up": (
                "Spuitmomenten worden een dag vooraf via een appgroep gemeld; langs de Polderweg "
                "geldt een spuitvrije strook van tien meter met een bloemrand."
            ),
            "reported_back": False,
        },
        {
            "subject": "Overleg met het waterschap over drainwater",
            "days_ago": 150,
            "method": Method.CONVERSATION,
            "stakeholders": ["Waterschap Lage Landen"],
            "themes": ["iso-milieu"],
            "input": (
                "Het waterschap meet te hoge concentraties van twee middelen in de sloot naast "
                "ons perceel en vraagt om het drainwater op te vangen en te zuiveren voordat het "
                "geloosd wordt."
            ),
            "follow_up": "",
            "reported_back": False,
        },
        {
            "subject": "Workshop voedselverspilling met telers en voedselbank",
            "days_ago": 40,
            "method": Method.WORKSHOP,
            "stakeholders": ["Contracttelers", "Voedselbank Akkerveld"],
            "themes": ["Voedselverspilling", "iso-eerlijk-zakendoen"],
            "input": (
                "Telers zien kansen voor een tweede lijn met soep- en snijgroente voor afwijkende "
                "maten. De voedselbank kan meer afnemen als leveringen een week vooraf bekend "
                "zijn."
            ),
            "follow_up": (
                "Verkenning gestart naar een afzetkanaal voor afwijkende maten; de planning "
                "meldt verwachte overschotten voortaan wekelijks aan de voedselbank."
            ),
            "reported_back": False,
        },
    ],
}

# (e-mail of a demo user, or None for an external) · external name · department · role
L, M = WorkingGroupRole.LEAD, WorkingGroupRole.MEMBER
WORKING_GROUPS = {
    "lexman": [
        ("werkgroep@lexman.example", "", "Planning", L),
        ("directie@lexman.example", "", "Directie", M),
        ("lezer@lexman.example", "", "Werkplaats", M),
        ("adviseur@koers.example", "", "Extern adviseur", M),
        (None, "Dennis Verhoef", "Chauffeurs (voorzitter OR)", M),
    ],
    "agv": [
        ("werkgroep@agv.example", "", "Inkoop", L),
        ("directie@agv.example", "", "Directie", M),
        ("beheer@agv.example", "", "Kwaliteit", M),
        ("lezer@agv.example", "", "Productie", M),
        (None, "Gerrit Brouwer", "Teeltbegeleiding (extern)", M),
    ],
    "gemeente-voorbeeld": [
        ("inkoper@voorbeeld.example", "", "Inkoop", L),
        ("budgethouder@voorbeeld.example", "", "Ruimte", M),
        ("lezer@voorbeeld.example", "", "Communicatie", M),
        (None, "Youssef El Khatib", "Duurzaamheid en klimaat", M),
    ],
}


def _theme(org, key):
    """An organisation theme by framework theme code or own theme name."""
    return OrgTheme.objects.filter(organisation=org).get(
        Q(framework_theme__code=key) | Q(framework_theme__isnull=True, own_name=key)
    )


def _seed_stakeholders(org, rows):
    for name, category, internal, influence, interest, contact, notes in rows:
        Stakeholder.objects.update_or_create(
            organisation=org,
            name=name,
            defaults={
                "category": category,
                "is_internal": internal,
                "influence": influence,
                "interest": interest,
                "contact": contact,
                "notes": notes,
            },
        )


def _seed_dialogues(org, rows, today):
    for row in rows:
        dialogue, _created = Dialogue.objects.update_or_create(
            organisation=org,
            subject=row["subject"],
            defaults={
                "date": today - timedelta(days=row["days_ago"]),
                "method": row["method"],
                "input_received": row["input"],
                "follow_up": row["follow_up"],
                "reported_back": row["reported_back"],
            },
        )
        dialogue.stakeholders.set(
            Stakeholder.objects.filter(organisation=org, name__in=row["stakeholders"])
        )
        dialogue.themes.set([_theme(org, key) for key in row["themes"]])


def _seed_working_group(org, rows):
    users = get_user_model().objects
    for email, external_name, department, role in rows:
        values = {"department": department, "role": role}
        if email:
            user = users.get(email__iexact=email)
            WorkingGroupMember.objects.update_or_create(
                organisation=org, user=user, defaults={**values, "external_name": ""}
            )
        else:
            WorkingGroupMember.objects.update_or_create(
                organisation=org, user=None, external_name=external_name, defaults=values
            )


def seed(demo):
    """Add the demo rows once per organisation and kind; later runs keep users' changes."""
    today = timezone.localdate()
    for slug, org in demo.organisations.items():
        if not Stakeholder.objects.for_org(org).exists():
            _seed_stakeholders(org, STAKEHOLDERS.get(slug, []))
        if not Dialogue.objects.for_org(org).exists():
            _seed_dialogues(org, DIALOGUES.get(slug, []), today)
        if not WorkingGroupMember.objects.for_org(org).exists():
            _seed_working_group(org, WORKING_GROUPS.get(slug, []))
