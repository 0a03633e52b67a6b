"""Demo due diligence: AGV BV, an agrofood SME that imports cocoa, coffee, fruit and nuts,
runs the OESO loop in a plan of this year and the next.

The plan holds a policy with two versions, the responsibilities of six departments, a chain
map (ten purchased items, twelve suppliers in eight countries; palm oil of unknown origin and
cane sugar from an unknown supplier), downstream customers, twenty-one risks spread over the
heat map, thirteen actions against them with chain partners, seven monitoring activities (two
with a corrective action plan), five communications, and a grievance mechanism with three
grievances in different states. A confidential counsellor of AGV handles the grievances.

Dates are relative to today, so the demo always looks current. ``manage.py seed_demo`` calls
``seed`` after plans/demo.py. Idempotent: an organisation that has a due-diligence plan gets
nothing new (its people are only made sure of).
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kpis.models import current_quarter
from mvo.demo import DEMO_PASSWORD
from mvo.models import Membership, Role
from plans import services as plan_services
from plans.models import Action, ActionStatus, Method, Plan, StepStatus

from . import services_monitoring
from .models import (
    ChainMap,
    Communication,
    DepartmentRole,
    Downstream,
    Grievance,
    GrievanceMechanism,
    Item,
    Monitoring,
    Policy,
    PolicyElement,
    PolicyVersion,
    Risk,
    RiskAction,
    Sourcing,
    Supplier,
    new_receipt_code,
    receipt_digest,
)

SLUG = "agv"
PEOPLE = {
    "beheer": "beheer@agv.example",  # Marieke Jansen, kwaliteit (admin)
    "directie": "directie@agv.example",  # Henk van Dijk, directeur (manager)
    "werkgroep": "werkgroep@agv.example",  # Lotte Visser, inkoop (member)
    "lezer": "lezer@agv.example",  # Ahmed Yilmaz, productie (viewer)
    "klachten": "vertrouwenspersoon@agv.example",
}
# The confidential counsellor who handles grievances (Membership.handles_grievances).
HANDLER = ("vertrouwenspersoon@agv.example", "Yvonne Bos", Role.MEMBER, "HR")

DONE, BUSY, TODO = StepStatus.DONE, StepStatus.IN_PROGRESS, StepStatus.NOT_STARTED
PLANNED, RUNNING, FINISHED = ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DONE
POSTPONED, CANCELLED = ActionStatus.POSTPONED, ActionStatus.CANCELLED

STEPS = {
    "1A": (DONE, "Beleid herschreven op basis van de OESO-richtlijnen; vastgesteld door Henk."),
    "1B": (DONE, "Taken per afdeling vastgelegd; inkoop en kwaliteit trekken de kar."),
    "2A": (BUSY, "Tier 1 is in kaart; de herkomst van palmolie en de suiker-handelaar nog niet."),
    "2B": (DONE, "Risico's verzameld met de MVO Risicochecker, audits en gesprekken met ngo's."),
    "2C": (DONE, "Geprioriteerd op ernst en daarna op waarschijnlijkheid."),
    "3A": (BUSY, "Bij drie risico's is de betrokkenheid nog niet bepaald."),
    "3B": (BUSY, "Actieplan loopt; hazelnoten en cacao samen met andere inkopers."),
    "4": (BUSY, "Audits en bezoeken volgens het monitoringschema; twee verbeterplannen lopen."),
    "5": (BUSY, "Elk kwartaal intern; extern via de website en het duurzaamheidsverslag."),
    "6": (BUSY, "Klachtenmechanisme staat; onafhankelijke beoordeling nog niet geregeld."),
}

POLICY_VERSIONS = [
    # (days ago, summary, text)
    (
        300,
        "Eerste opzet na de nulmeting met de MVO Risicochecker.",
        "AGV BV wil weten waar in onze ketens mensen of natuur schade lijden, en daar iets "
        "aan doen. Wij houden ons aan de OESO-richtlijnen en de VN-richtlijnen voor bedrijfs"
        "leven en mensenrechten.",
    ),
    (
        125,
        "Na overleg met leveranciers, de OR, FNV en Solidaridad: prioritaire risico's, "
        "meetbare doelen en de wederzijdse gedragscode toegevoegd.",
        "AGV BV koopt cacao, koffie, fruit en noten bij boeren en verwerkers in West-Afrika, "
        "Latijns-Amerika en Turkije. Wij respecteren mensenrechten, milieu en klimaat in de "
        "hele keten en volgen daarbij de OESO-richtlijnen en de VN-richtlijnen voor bedrijfs"
        "leven en mensenrechten. Onze prioriteiten zijn kinderarbeid, een leefbaar inkomen "
        "voor boeren en ontbossing. In 2027 heeft 90% van onze directe leveranciers de "
        "gedragscode ondertekend en komt 80% van onze cacao van boeren met een leefbaar "
        "inkomen. Wij verwachten van leveranciers dat zij zich aan de gedragscode houden; "
        "wij beloven op onze beurt eerlijke prijzen, tijdige betaling en geen orderwijzigingen "
        "op het laatste moment. Certificering helpt, maar vervangt ons eigen onderzoek niet.",
    ),
]

DEPARTMENTS = [
    (
        "inkoop",
        "werkgroep",
        "Voert het gesprek met leveranciers, legt de gedragscode voor, "
        "weegt MVO-risico's mee bij de keuze van leveranciers en plant orders op tijd.",
    ),
    (
        "kwaliteit",
        "beheer",
        "Plant audits en bezoeken, leest de auditrapporten en bewaakt de "
        "verbeterplannen van leveranciers.",
    ),
    (
        "directie",
        "directie",
        "Stelt het beleid vast, maakt budget vrij en beslist over "
        "prioriteiten en, in het uiterste geval, over het beëindigen van een relatie.",
    ),
    (
        "hr",
        "klachten",
        "Beheert het klachtenmechanisme en de vertrouwenspersoon; zorgt dat "
        "medewerkers het beleid kennen.",
    ),
    (
        "logistiek",
        None,
        "Kiest vervoerders mede op uitstoot en houdt de CO2-cijfers van "
        "zeetransport en eigen vrachtwagens bij.",
    ),
    (
        "marcom",
        None,
        "Communiceert open over risico's en resultaten, ook over wat nog niet "
        "lukt; geen claims zonder bewijs.",
    ),
]

ITEMS = [
    # key, name, kind, volume, unit, spend (€/jaar), notes
    ("cacao", "Cacaobonen", "grondstof", "420", "ton", "1350000", ""),
    ("koffie", "Koffiebonen (groen)", "grondstof", "260", "ton", "1040000", ""),
    ("bananen", "Bananen", "product", "3800", "ton", "2660000", ""),
    ("mango", "Mango's", "product", "900", "ton", "1530000", ""),
    ("hazelnoten", "Hazelnoten", "ingredient", "140", "ton", "980000", ""),
    (
        "palmolie",
        "Palmolie",
        "ingredient",
        "60",
        "ton",
        "78000",
        "Gekocht bij een raffinaderij die olie van veel molens mengt; herkomst nog onbekend.",
    ),
    (
        "suiker",
        "Rietsuiker",
        "ingredient",
        "310",
        "ton",
        "240000",
        "Via wisselende handelaren op de spotmarkt; wie levert is per partij anders.",
    ),
    ("karton", "Karton en verpakking", "product", "520", "ton", "410000", ""),
    ("zeevracht", "Zeetransport (koelcontainers)", "dienst", "1450", "containers", "620000", ""),
    ("koelhuis", "Onderhoud koelinstallaties", "dienst", None, "", "85000", ""),
]

SUPPLIERS = [
    # key, name, country, tier, contract, certifications, code of conduct signed, notes
    (
        "soubre",
        "Coopérative Agricole de Soubré",
        "CI",
        2,
        False,
        "Rainforest Alliance",
        False,
        "Levert via de exporteur; ruim 1.800 aangesloten boeren.",
    ),
    ("kumasi", "Kumasi Cocoa Traders Ltd", "GH", 1, True, "Fairtrade", True, ""),
    ("huila", "Cafés Especiales del Huila SAS", "CO", 1, True, "Fairtrade, biologisch", True, ""),
    (
        "boavista",
        "Fazenda Boa Vista",
        "BR",
        2,
        False,
        "",
        False,
        "Grote plantage in Minas Gerais; koopt ook bij kleine boeren in de buurt.",
    ),
    ("gayo", "Koperasi Kopi Gayo", "ID", 2, False, "Fairtrade", False, ""),
    ("eloro", "Bananera El Oro S.A.", "EC", 1, True, "Rainforest Alliance, GLOBALG.A.P.", True, ""),
    (
        "piura",
        "Frutas del Norte Piura SAC",
        "PE",
        1,
        True,
        "GLOBALG.A.P.",
        False,
        "Teelt en pakstation; in het hoogseizoen ruim 600 tijdelijke krachten.",
    ),
    ("karadeniz", "Karadeniz Fındık Gıda A.Ş.", "TR", 1, True, "", True, ""),
    ("zaan", "Oliefabriek Zaanstreek BV", "NL", 1, True, "RSPO Mass Balance", True, ""),
    ("kempen", "Kartonfabriek De Kempen BV", "NL", 1, True, "FSC", True, ""),
    ("rederij", "Noordzee Koelvaart BV", "NL", 1, True, "", True, ""),
    ("koeltechniek", "Koeltechniek Westland BV", "NL", 1, False, "", False, ""),
]

SOURCING = [
    # item, supplier (None: unknown), origin country ("" : unknown), share %
    ("cacao", "soubre", "CI", 60),
    ("cacao", "kumasi", "GH", 40),
    ("koffie", "huila", "CO", 50),
    ("koffie", "boavista", "BR", 30),
    ("koffie", "gayo", "ID", 20),
    ("bananen", "eloro", "EC", 100),
    ("mango", "piura", "PE", 100),
    ("hazelnoten", "karadeniz", "TR", 100),
    ("palmolie", "zaan", "", 100),
    ("suiker", None, "BR", 100),
    ("karton", "kempen", "NL", 100),
    ("zeevracht", "rederij", "NL", 100),
    ("koelhuis", "koeltechniek", "NL", None),
]

DOWNSTREAM = [
    # item, customers, destination, end of life
    (
        "bananen",
        "Supermarktketens in Nederland en België",
        "NL",
        "Schillen naar gft; onverkochte partijen naar de voedselbank.",
    ),
    (
        "mango",
        "Groothandel en supermarkten in Duitsland",
        "DE",
        "Overrijpe mango's naar een sappenmaker in Venlo.",
    ),
    (
        "koffie",
        "Foodservice: horeca, kantoren en zorginstellingen",
        "NL",
        "Koffiedik naar een kwekerij van oesterzwammen in Rotterdam.",
    ),
    ("cacao", "Chocolademakers en industriële bakkerijen", "BE", ""),
    (
        "karton",
        "Alle afnemers (verpakking van onze producten)",
        "NL",
        "Oud papier; volgens de kartonfabriek wordt 85% hergebruikt.",
    ),
]

R = {  # affected groups, sources and areas, short
    "k": "kinderen",
    "v": "vrouwen",
    "m": "migranten",
    "w": "werknemers",
    "g": "gemeenschappen",
}


def risk(
    key,
    title,
    category,
    area,
    nature,
    items,
    suppliers,
    countries,
    groups,
    sources,
    scores,
    involvement="",
    prioritised=False,
    rationale="",
    description="",
    other="",
):
    return {
        "key": key,
        "title": title,
        "category": category,
        "area": area,
        "nature": nature,
        "items": items,
        "suppliers": suppliers,
        "countries": countries,
        "groups": [R[g] for g in groups],
        "sources": sources,
        "scores": scores,
        "involvement": involvement,
        "prioritised": prioritised,
        "rationale": rationale,
        "description": description,
        "other": other,
    }


# Scores: (zwaarte, reikwijdte, onomkeerbaarheid, waarschijnlijkheid).
RISKS = [
    risk(
        "kinderarbeid_cacao",
        "Kinderarbeid op cacaoboerderijen rond Soubré",
        "kinderarbeid",
        "mensenrechten",
        "werkelijk",
        ["cacao"],
        ["soubre"],
        ["CI"],
        "k",
        ["risicochecker", "ngos", "audits"],
        (5, 4, 5, 4),
        "draagt_bij",
        True,
        description="Kinderen helpen bij de oogst en het openslaan van de peulen, soms met "
        "kapmessen. Onze lage inkoopprijs maakt het voor gezinnen moeilijk om volwassen "
        "hulp te betalen.",
    ),
    risk(
        "inkomen_cacao",
        "Geen leefbaar inkomen voor cacaoboeren",
        "lage_lonen",
        "mensenrechten",
        "werkelijk",
        ["cacao"],
        ["soubre", "kumasi"],
        ["CI", "GH"],
        "wvg",
        ["risicochecker", "ngos", "eigen_praktijk"],
        (4, 4, 3, 5),
        "draagt_bij",
        True,
    ),
    risk(
        "ontbossing_cacao",
        "Ontbossing door uitbreiding van cacaopercelen",
        "ontbossing",
        "milieu",
        "potentieel",
        ["cacao"],
        ["soubre", "kumasi"],
        ["CI", "GH"],
        "g",
        ["risicochecker", "media"],
        (4, 3, 5, 3),
        "direct_verbonden",
        True,
    ),
    risk(
        "dwangarbeid_palm",
        "Gedwongen arbeid op oliepalmplantages (herkomst onbekend)",
        "gedwongen_arbeid",
        "mensenrechten",
        "potentieel",
        ["palmolie"],
        ["zaan"],
        [],
        "mw",
        ["risicochecker", "ngos"],
        (5, 3, 4, 2),
        "",
        False,
        rationale="Het gaat om een kleine hoeveelheid (60 ton per jaar) en we weten nog niet "
        "van welke plantages de olie komt. Eerst vragen we de raffinaderij om de herkomst "
        "tot op molenniveau (actie gepland); daarna beoordelen we dit risico opnieuw. "
        "Uitgesteld, niet geschrapt.",
    ),
    risk(
        "ontbossing_palm",
        "Ontbossing en verlies van veengebied voor palmolie",
        "ontbossing",
        "milieu",
        "potentieel",
        ["palmolie"],
        ["zaan"],
        [],
        "g",
        ["risicochecker", "ngos"],
        (4, 4, 5, 3),
        "direct_verbonden",
        True,
    ),
    risk(
        "pesticiden_bananen",
        "Onveilig werken met bestrijdingsmiddelen op bananenplantages",
        "onveilig_werk",
        "mensenrechten",
        "werkelijk",
        ["bananen"],
        ["eloro"],
        ["EC"],
        "wv",
        ["audits", "vakbonden"],
        (4, 3, 3, 4),
        "direct_verbonden",
        True,
    ),
    risk(
        "vakbond_bananen",
        "Geen vrije vakbondsorganisatie in de bananensector",
        "vakbondsvrijheid",
        "mensenrechten",
        "werkelijk",
        ["bananen"],
        ["eloro"],
        ["EC"],
        "w",
        ["vakbonden", "klachten"],
        (3, 3, 2, 4),
        "direct_verbonden",
    ),
    risk(
        "afvalwater_koffie",
        "Afvalwater van de natte koffieverwerking in rivieren",
        "watervervuiling",
        "milieu",
        "potentieel",
        ["koffie"],
        ["huila"],
        ["CO"],
        "g",
        ["leveranciers"],
        (3, 3, 2, 3),
        "direct_verbonden",
    ),
    risk(
        "kinderarbeid_hazelnoot",
        "Kinderarbeid bij de hazelnootpluk",
        "kinderarbeid",
        "mensenrechten",
        "werkelijk",
        ["hazelnoten"],
        ["karadeniz"],
        ["TR"],
        "km",
        ["ngos", "media", "audits"],
        (5, 3, 4, 4),
        "direct_verbonden",
        True,
    ),
    risk(
        "seizoenswerk_hazelnoot",
        "Uitbuiting van seizoenswerkers via tussenpersonen",
        "uitbuiting",
        "mensenrechten",
        "werkelijk",
        ["hazelnoten"],
        ["karadeniz"],
        ["TR"],
        "mwv",
        ["audits", "ngos"],
        (4, 3, 3, 5),
        "direct_verbonden",
        True,
    ),
    risk(
        "loon_koffie",
        "Te lage lonen voor plukkers op koffieplantages",
        "lage_lonen",
        "mensenrechten",
        "werkelijk",
        ["koffie"],
        ["boavista"],
        ["BR"],
        "wm",
        ["risicochecker"],
        (3, 4, 2, 4),
        "draagt_bij",
    ),
    risk(
        "dwangarbeid_koffie",
        "Slavernijachtige arbeid bij toeleveranciers van de plantage",
        "gedwongen_arbeid",
        "mensenrechten",
        "potentieel",
        ["koffie"],
        ["boavista"],
        ["BR"],
        "wm",
        ["media", "ambassades"],
        (5, 2, 4, 2),
        "direct_verbonden",
        True,
        description="De Braziliaanse arbeidsinspectie vond in de regio bij enkele kleine "
        "plantages arbeiders in schuldslavernij. Onze leverancier koopt ook bij kleine "
        "boeren in de buurt.",
    ),
    risk(
        "water_mango",
        "Waterschaarste door irrigatie van mangoboomgaarden",
        "anders",
        "milieu",
        "potentieel",
        ["mango"],
        ["piura"],
        ["PE"],
        "g",
        ["risicochecker"],
        (3, 3, 3, 3),
        "draagt_bij",
        other="Waterschaarste",
    ),
    risk(
        "discriminatie_mango",
        "Lager loon en kortere contracten voor vrouwen in het pakstation",
        "discriminatie",
        "mensenrechten",
        "werkelijk",
        ["mango"],
        ["piura"],
        ["PE"],
        "v",
        ["audits", "klachten"],
        (3, 2, 2, 3),
    ),
    risk(
        "co2_zeevracht",
        "Uitstoot van broeikasgassen door zeetransport",
        "broeikasgassen",
        "klimaat",
        "werkelijk",
        ["zeevracht"],
        ["rederij"],
        [],
        "g",
        ["leveranciers"],
        (2, 4, 3, 5),
        "draagt_bij",
    ),
    risk(
        "co2_eigen",
        "Uitstoot van eigen koelhuizen en vrachtwagens",
        "broeikasgassen",
        "klimaat",
        "werkelijk",
        ["koelhuis"],
        [],
        ["NL"],
        "g",
        ["eigen_praktijk"],
        (2, 3, 3, 5),
        "veroorzaakt",
    ),
    risk(
        "orderwijziging",
        "Late orderwijzigingen door AGV leiden tot overuren bij pakstations",
        "uitbuiting",
        "mensenrechten",
        "werkelijk",
        ["bananen", "mango"],
        ["eloro", "piura"],
        ["EC", "PE"],
        "wv",
        ["eigen_praktijk", "leveranciers"],
        (2, 2, 1, 4),
        "draagt_bij",
    ),
    risk(
        "folie",
        "Plastic verpakkingsfolie die niet wordt gerecycled",
        "afval",
        "milieu",
        "werkelijk",
        ["karton"],
        ["kempen"],
        ["NL"],
        "g",
        ["eigen_praktijk"],
        (2, 2, 2, 3),
        "veroorzaakt",
    ),
    risk(
        "corruptie_haven",
        "Smeergeld bij de douane in de haven van Guayaquil",
        "corruptie",
        "mensenrechten",
        "potentieel",
        ["bananen"],
        [],
        ["EC"],
        "",
        ["ambassades"],
        (2, 1, 1, 2),
    ),
    risk(
        "veiligheid_karton",
        "Ongevallen met machines in de kartonfabriek",
        "onveilig_werk",
        "mensenrechten",
        "potentieel",
        ["karton"],
        ["kempen"],
        ["NL"],
        "w",
        ["leveranciers"],
        (2, 1, 2, 1),
        "direct_verbonden",
    ),
    risk(
        "geluid_koelhuis",
        "Geluidshinder van het koelhuis voor omwonenden 's nachts",
        "anders",
        "milieu",
        "werkelijk",
        ["koelhuis"],
        [],
        ["NL"],
        "g",
        ["klachten"],
        (1, 1, 1, 2),
        "veroorzaakt",
        other="Geluidshinder",
    ),
]


def act(title, risks, partners, who, quarter, status, partner_notes="", budget=None, note=""):
    """A demo action; ``quarter`` is an offset from the current quarter."""
    return {
        "title": title,
        "risks": risks,
        "partners": partners,
        "who": who,
        "quarter": quarter,
        "status": status,
        "partner_notes": partner_notes,
        "budget": budget,
        "note": note,
    }


ACTIONS = [
    act(
        "Prijsopslag voor een leefbaar inkomen afspreken met de cacaoleveranciers",
        ["inkomen_cacao", "kinderarbeid_cacao"],
        ["soubre", "kumasi"],
        "werkgroep",
        0,
        RUNNING,
        "Andere inkopers bij dezelfde coöperatie; Solidaridad voor de inkomensberekening.",
        "40000",
        "Eerste gesprek gevoerd; de coöperatie rekent de kosten van een leefbaar inkomen door.",
    ),
    act(
        "Monitoring- en herstelsysteem voor kinderarbeid (CLMRS) in Soubré mee betalen",
        ["kinderarbeid_cacao"],
        ["soubre"],
        "beheer",
        -1,
        RUNNING,
        "Lokale ngo die het systeem uitvoert.",
        "25000",
    ),
    act(
        "Perceelkaarten van cacaoboeren opvragen en toetsen aan de ontbossingsverordening",
        ["ontbossing_cacao"],
        ["soubre", "kumasi"],
        "beheer",
        -2,
        FINISHED,
    ),
    act(
        "Raffinaderij vragen om de herkomst van palmolie tot op molenniveau",
        ["dwangarbeid_palm", "ontbossing_palm"],
        ["zaan"],
        "werkgroep",
        1,
        PLANNED,
    ),
    act(
        "Overstap naar gescheiden (RSPO Segregated) palmolie onderzoeken",
        ["ontbossing_palm"],
        ["zaan"],
        "werkgroep",
        2,
        PLANNED,
    ),
    act(
        "Training veilig werken met bestrijdingsmiddelen op de bananenplantage",
        ["pesticiden_bananen"],
        ["eloro"],
        "beheer",
        -1,
        FINISHED,
        "Trainer van de vakbond.",
        "6000",
    ),
    act(
        "Gesprek met plantage en vakbond over vrije vakbondsorganisatie",
        ["vakbond_bananen"],
        ["eloro"],
        "directie",
        0,
        RUNNING,
        "Vakbond ASTAC en twee andere Europese afnemers.",
    ),
    act(
        "Met andere inkopers leeftijdscontrole bij de hazelnootpluk afdwingen",
        ["kinderarbeid_hazelnoot", "seizoenswerk_hazelnoot"],
        ["karadeniz"],
        "werkgroep",
        0,
        RUNNING,
        "Andere Nederlandse en Duitse inkopers bij dezelfde verwerker.",
    ),
    act(
        "Wervingskosten van seizoenswerkers laten terugbetalen (de werkgever betaalt)",
        ["seizoenswerk_hazelnoot"],
        ["karadeniz"],
        "werkgroep",
        1,
        PLANNED,
    ),
    act(
        "Zelfevaluatie en daarna een audit bij Fazenda Boa Vista",
        ["dwangarbeid_koffie", "loon_koffie"],
        ["boavista"],
        "beheer",
        -1,
        POSTPONED,
        note="Uitgesteld: de plantage wilde eerst de oogst afronden.",
    ),
    act(
        "Orders minimaal vier weken vooraf vastleggen",
        ["orderwijziging"],
        ["eloro", "piura"],
        "werkgroep",
        -2,
        FINISHED,
    ),
    act(
        "Overstappen op biobased verpakkingsfolie",
        ["folie"],
        ["kempen"],
        "beheer",
        -1,
        CANCELLED,
        note="Geschrapt: de folie bleek niet te composteren in gewone installaties."
        " We kiezen nu voor minder folie.",
    ),
    act(
        "Uitstootgegevens per container opvragen bij de rederij",
        ["co2_zeevracht"],
        ["rederij"],
        "werkgroep",
        2,
        PLANNED,
    ),
]

MONITORING = [
    # days ago, kind, scheme, other, supplier, risks, findings, effectiveness, CAP lines
    # (a line: title, status), notes
    {
        "days": 250,
        "kind": "audit",
        "scheme": "smeta",
        "supplier": "eloro",
        "risks": ["pesticiden_bananen", "vakbond_bananen"],
        "findings": "Sproeiers werkten zonder volledige beschermende kleding; de wachttijd na "
        "het sproeien werd niet altijd aangehouden. In het hoogseizoen werkten pakkers tot "
        "66 uur per week. Geen aanwijzingen voor kinderarbeid.",
        "effectiveness": "deels",
        "cap": [
            ("Beschermende kleding en maskers voor alle sproeiers", FINISHED),
            ("Wachttijd na het sproeien aanhouden en registreren", RUNNING),
            ("Werkweek in het hoogseizoen terugbrengen tot hoogstens 60 uur", PLANNED),
        ],
        "notes": "Auditrapport gelezen met de vakbond: de audit was aangekondigd, dus "
        "overuren kunnen hoger liggen.",
    },
    {
        "days": 150,
        "kind": "audit",
        "scheme": "amfori_bsci",
        "supplier": "karadeniz",
        "risks": ["kinderarbeid_hazelnoot", "seizoenswerk_hazelnoot"],
        "findings": "Leeftijdscontrole bij de intake van plukploegen ontbreekt bij twee van de "
        "vijf onderzochte boomgaarden. Werkers betalen tussenpersonen een bemiddelingsfee.",
        "effectiveness": "niet",
        "cap": [
            ("Leeftijd van elke plukker bij intake controleren en vastleggen", RUNNING),
            ("Bemiddelingsfees van tussenpersonen verbieden in het contract", PLANNED),
        ],
        "notes": "",
    },
    {
        "days": 60,
        "kind": "bezoek",
        "supplier": "soubre",
        "risks": ["kinderarbeid_cacao", "inkomen_cacao"],
        "findings": "Het CLMRS loopt in 14 dorpen. In het afgelopen seizoen zijn 37 kinderen "
        "gevonden die gevaarlijk werk deden; 29 gaan nu naar school. Boeren noemen de prijs "
        "de grootste zorg.",
        "effectiveness": "deels",
    },
    {
        "days": 100,
        "kind": "zelfevaluatie",
        "supplier": "huila",
        "risks": ["afvalwater_koffie"],
        "findings": "Alle aangesloten boeren hebben nu een bezinkput voor het afvalwater; "
        "vorig jaar was dat 70%.",
        "effectiveness": "doeltreffend",
    },
    {
        "days": 30,
        "kind": "gesprek",
        "supplier": "boavista",
        "risks": ["dwangarbeid_koffie", "loon_koffie"],
        "findings": "De plantage is bereid tot een zelfevaluatie na de oogst. Over de kleine "
        "boeren waarbij zij inkoopt kon zij nog weinig vertellen.",
        "effectiveness": "onbekend",
    },
    {
        "days": 200,
        "kind": "derden",
        "supplier": "zaan",
        "risks": ["dwangarbeid_palm", "ontbossing_palm"],
        "findings": "Een ngo-rapport noemt twee molens in de keten van de raffinaderij waar "
        "ontbost is. Of onze olie daarvandaan komt, is onbekend.",
        "effectiveness": "onbekend",
    },
    {
        "days": 320,
        "kind": "audit",
        "scheme": "anders",
        "other": "GLOBALG.A.P. GRASP",
        "supplier": "piura",
        "risks": ["discriminatie_mango"],
        "findings": "Vrouwen in het pakstation hebben vaker een dagcontract dan mannen; het "
        "uurloon is gelijk.",
        "effectiveness": "deels",
    },
]

COMMUNICATIONS = [
    # days ago, audience, detail, channel, subject, dilemmas, consulted, link
    (
        20,
        "intern",
        "MVO-werkgroep en afdelingshoofden",
        "overleg",
        "Kwartaaloverleg: stand van de risico's, audits en acties",
        "",
        False,
        "",
    ),
    (
        110,
        "extern",
        "Klanten, leveranciers en iedereen die wil meelezen",
        "website",
        "Due-diligencebeleid gepubliceerd",
        "",
        False,
        "https://www.agv.example/mvo/beleid",
    ),
    (
        200,
        "extern",
        "Afnemers en ngo's",
        "verslag",
        "Duurzaamheidsverslag: kinderarbeid in de cacaoketen",
        "We schrijven eerlijk dat we kinderarbeid nog niet hebben uitgebannen en dat onze prijs "
        "een deel van het probleem is.",
        True,
        "https://www.agv.example/verslag",
    ),
    (
        140,
        "intern",
        "Alle medewerkers",
        "intranet",
        "De nieuwe gedragscode voor leveranciers uitgelegd",
        "",
        False,
        "",
    ),
    (
        135,
        "extern",
        "Alle directe leveranciers",
        "email",
        "Brief aan leveranciers: wat we verwachten en wat zij van ons mogen verwachten",
        "",
        False,
        "",
    ),
]

MECHANISM_CRITERIA = [
    "bekend",
    "toegankelijk",
    "vertrouwelijk",
    "betrouwbaar",
    "geregistreerd",
    "transparant",
]  # not yet: klokkenluiders (no written protection) and onafhankelijk (no outside review)


def _people():
    users = get_user_model().objects
    return {key: users.filter(email__iexact=email).first() for key, email in PEOPLE.items()}


def _handler(org, demo):
    email, full_name, role, department = HANDLER
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        user = users.create_user(email=email, password=DEMO_PASSWORD, full_name=full_name)
    Membership.objects.update_or_create(
        user=user,
        organisation=org,
        defaults={"role": role, "department": department, "handles_grievances": True},
    )
    demo.logins.append((email, org.name, f"{role.label}, klachtbehandelaar"))


def _quarter(plan, today, offset):
    """The (year, quarter) ``offset`` quarters from today's, kept inside the plan period."""
    year, quarter = current_quarter(today)
    index = year * 4 + quarter - 1 + offset
    first, last = plan.start_year * 4, plan.end_year * 4 + 3
    index = min(max(index, first), last)
    return index // 4, index % 4 + 1


def seed(demo):
    org = demo.organisations.get(SLUG)
    if org is None:
        return
    _handler(org, demo)
    if Plan.objects.for_org(org).filter(method=Method.DUE_DILIGENCE).exists():
        return
    with transaction.atomic():
        build(org, timezone.localdate())


def build(org, today):
    people = _people()
    plan = plan_services.create_plan(
        Plan(
            organisation=org,
            title=f"Due diligence AGV {today.year}–{today.year + 1}",
            method=Method.DUE_DILIGENCE,
            start_year=today.year,
            end_year=today.year + 1,
            coordinator=people["werkgroep"],
            description="Onze ketens van cacao, koffie, fruit en noten volgens de zes stappen "
            "van de OESO-richtlijnen: van beleid tot herstel.",
        ),
        people["werkgroep"],
    )
    plan.organisation = org
    _steps(plan, people)
    _policy(plan, people, today)
    items, suppliers = _chain(plan, today)
    risks = _risks(plan, items, suppliers)
    _actions(plan, people, risks, suppliers, today)
    _monitoring(plan, people, risks, suppliers, today)
    _communications(plan, today)
    _grievances(org, risks, suppliers, today)
    return plan


def _steps(plan, people):
    for plan_step in plan.steps.select_related("step"):
        status, notes = STEPS.get(plan_step.step.code, (TODO, ""))
        plan_step.status, plan_step.notes = status, notes
        plan_step.updated_by = people["werkgroep"]
        plan_step.updated_at = timezone.now()
        plan_step.save(update_fields=["status", "notes", "updated_by", "updated_at"])


def _policy(plan, people, today):
    org = plan.organisation
    elements = [e for e in PolicyElement.values if e != PolicyElement.DECISIONS]
    policy = Policy.objects.create(
        organisation=org,
        plan=plan,
        title="Beleid voor verantwoord ondernemen in de keten",
        elements=elements,
        consulted=True,
        consulted_with="Ondernemingsraad, FNV, Solidaridad, de vijf grootste leveranciers en "
        "twee supermarktklanten.",
        approved_by="Henk van Dijk, directeur",
        approved_on=today - timedelta(days=120),
        published_url="https://www.agv.example/mvo/beleid",
        published_on=today - timedelta(days=110),
        shared_internally=True,
        shared_externally=True,
        supplier_monitoring=True,
        code_of_conduct=True,
        in_risk_management=False,
    )
    for number, (days_ago, summary, text) in enumerate(POLICY_VERSIONS, start=1):
        PolicyVersion.objects.create(
            organisation=org,
            policy=policy,
            number=number,
            summary=summary,
            text=text,
            created_by=people["beheer"],
            created_at=timezone.now() - timedelta(days=days_ago),
        )
    for department, who, text in DEPARTMENTS:
        DepartmentRole.objects.create(
            organisation=org,
            plan=plan,
            department=department,
            responsibilities=text,
            contact=people[who] if who else None,
        )


def _money(text):
    return Decimal(text) if text is not None else None


def _chain(plan, today):
    org = plan.organisation
    ChainMap.objects.create(
        organisation=org,
        plan=plan,
        complete_by=today + timedelta(days=180),
        approach="Eerst de landen met het hoogste risico (Ivoorkust, Ghana, Brazilië), daarna "
        "de grootste volumes. De raffinaderij vragen we om de herkomst van de palmolie; voor "
        "rietsuiker zoeken we een vaste leverancier.",
    )
    items = {}
    for key, name, kind, volume, unit, spend, notes in ITEMS:
        items[key] = Item.objects.create(
            organisation=org,
            plan=plan,
            name=name,
            kind=kind,
            volume=_money(volume),
            unit=unit,
            spend=_money(spend),
            notes=notes,
        )
    suppliers = {}
    for key, name, country, tier, contract, certs, signed, notes in SUPPLIERS:
        suppliers[key] = Supplier.objects.create(
            organisation=org,
            plan=plan,
            name=name,
            country=country,
            tier=tier,
            has_contract=contract,
            certifications=certs,
            code_of_conduct_signed=signed,
            notes=notes,
        )
    for item, supplier, country, share in SOURCING:
        Sourcing.objects.create(
            organisation=org,
            item=items[item],
            supplier=suppliers[supplier] if supplier else None,
            origin_country=country,
            share=share,
        )
    for item, customers, country, end_of_life in DOWNSTREAM:
        Downstream.objects.create(
            organisation=org,
            plan=plan,
            item=items[item],
            customers=customers,
            destination_country=country,
            end_of_life=end_of_life,
        )
    return items, suppliers


def _risks(plan, items, suppliers):
    risks = {}
    for spec in RISKS:
        scale, scope, irremediability, likelihood = spec["scores"]
        row = Risk(
            organisation=plan.organisation,
            plan=plan,
            title=spec["title"],
            description=spec["description"],
            category=spec["category"],
            category_other=spec["other"],
            area=spec["area"],
            nature=spec["nature"],
            countries=spec["countries"],
            affected_groups=spec["groups"],
            sources=spec["sources"],
            scale=scale,
            scope=scope,
            irremediability=irremediability,
            likelihood=likelihood,
            prioritised=spec["prioritised"],
            priority_rationale=spec["rationale"],
            involvement=spec["involvement"],
        )
        row.full_clean(exclude=["plan", "organisation"])  # the demo keeps the rules too
        row.save()
        row.items.set([items[key] for key in spec["items"]])
        row.suppliers.set([suppliers[key] for key in spec["suppliers"]])
        risks[spec["key"]] = row
    return risks


def _actions(plan, people, risks, suppliers, today):
    for spec in ACTIONS:
        year, quarter = _quarter(plan, today, spec["quarter"])
        action = Action.objects.create(
            organisation=plan.organisation,
            plan=plan,
            title=spec["title"],
            why="Tegen het risico: " + risks[spec["risks"][0]].title.lower(),
            responsible=people[spec["who"]],
            team="Due diligence",
            planned_year=year,
            planned_quarter=quarter,
            budget=_money(spec["budget"]),
            status=spec["status"],
            progress_notes=spec["note"],
        )
        for key in spec["risks"]:
            link = RiskAction.objects.create(
                organisation=plan.organisation,
                risk=risks[key],
                action=action,
                partner_notes=spec["partner_notes"],
            )
            link.partners.set([suppliers[s] for s in spec["partners"]])


def _monitoring(plan, people, risks, suppliers, today):
    for spec in MONITORING:
        monitoring = Monitoring(
            organisation=plan.organisation,
            plan=plan,
            kind=spec["kind"],
            audit_scheme=spec.get("scheme", ""),
            audit_other=spec.get("other", ""),
            supplier=suppliers[spec["supplier"]],
            date=today - timedelta(days=spec["days"]),
            findings=spec["findings"],
            effectiveness=spec["effectiveness"],
            notes=spec.get("notes", ""),
        )
        monitoring.full_clean(exclude=["plan", "organisation"])
        monitoring.save()
        monitoring.risks.set([risks[key] for key in spec["risks"]])
        lines = spec.get("cap", [])
        if lines:
            actions = services_monitoring.create_corrective_actions(
                monitoring,
                [title for title, _status in lines],
                planned=_quarter(plan, today, 0),
                responsible=people["beheer"],
            )
            for action, (_title, status) in zip(actions, lines, strict=True):
                if status != PLANNED:
                    action.status = status
                    action.save(update_fields=["status"])


def _communications(plan, today):
    for days_ago, audience, detail, channel, subject, dilemmas, consulted, link in COMMUNICATIONS:
        Communication.objects.create(
            organisation=plan.organisation,
            plan=plan,
            date=today - timedelta(days=days_ago),
            audience=audience,
            audience_detail=detail,
            channel=channel,
            subject=subject,
            dilemmas_shared=bool(dilemmas),
            dilemmas=dilemmas,
            stakeholders_consulted=consulted,
            link=link,
        )


def _grievances(org, risks, suppliers, today):
    mechanism, _created = GrievanceMechanism.objects.get_or_create(
        organisation=org,
        defaults={
            "criteria": MECHANISM_CRITERIA,
            "response_days": 28,
            "intake_open": True,
            "procedure_nl": "Iedereen die schade ondervindt van ons werk of van onze "
            "leveranciers kan een klacht indienen, ook anoniem. Binnen 28 dagen krijgt u een "
            "reactie van onze vertrouwenspersoon. Samen met u zoeken we naar herstel.",
            "procedure_en": "Anyone harmed by our work or our suppliers can file a complaint, "
            "anonymously if they wish. Our confidential counsellor responds within 28 days. "
            "Together with you we look for remedy.",
        },
    )
    days = mechanism.response_days

    def received(days_ago):
        day = today - timedelta(days=days_ago)
        return {"received_on": day, "response_due": day + timedelta(days=days)}

    Grievance.objects.create(
        organisation=org,
        **received(3),
        channel="formulier",
        complainant_type="ketenwerker",
        confidential=True,
        anonymous=True,
        description="Wij zijn met een ploeg uit Şanlıurfa gekomen voor de pluk. De "
        "tussenpersoon houdt een deel van ons loon in voor vervoer en eten.",
        risk=risks["seizoenswerk_hazelnoot"],
        supplier=suppliers["karadeniz"],
        status="ontvangen",
        language="nl",
        receipt_digest=receipt_digest(new_receipt_code()),
    )
    Grievance.objects.create(
        organisation=org,
        **received(45),
        channel="email",
        complainant_type="ngo",
        confidential=True,
        contact="Stichting Eerlijke Bananen, meldpunt@eerlijkebananen.example",
        description="Twee werknemers van de plantage zijn ontslagen kort nadat zij lid werden "
        "van een vakbond.",
        risk=risks["vakbond_bananen"],
        supplier=suppliers["eloro"],
        status="in_behandeling",
        receipt_digest=receipt_digest(new_receipt_code()),
    )
    closed = received(160)
    Grievance.objects.create(
        organisation=org,
        **closed,
        channel="telefoon",
        complainant_type="ketenwerker",
        confidential=True,
        contact="Via de vakbond van het pakstation",
        description="Tijdelijke krachten in het pakstation kregen hun overuren van drie "
        "weken niet uitbetaald.",
        risk=risks["discriminatie_mango"],
        supplier=suppliers["piura"],
        status="afgesloten",
        responded_on=closed["received_on"] + timedelta(days=9),
        remedy_type="compensatie",
        outcome="Na ons gesprek met de leverancier zijn de overuren van 42 werkers alsnog "
        "uitbetaald, met rente. De leverancier registreert overuren nu digitaal; bij de "
        "volgende audit kijken we dat na.",
        public_note="Uw klacht is afgehandeld: de overuren zijn uitbetaald.",
        closed_on=today - timedelta(days=40),
        receipt_digest=receipt_digest(new_receipt_code()),
    )
