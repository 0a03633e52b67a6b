"""Demo MVOI: the action plan of Gemeente Voorbeeld filled in step by step, so a new user can
follow a municipality's MVOI team through the seven steps of DOMAIN.md, method 3.

plans/demo.py makes the plan (two years ago to next year), its steps 1–3 and its actions;
themes/demo.py the six Manifest MVOI themes, four of them focus with their levels. This module
adds what the MVOI steps hold:

1. the nulmeting of all six themes, in line with the answers of step 1;
2. the focus themes are already there (themes/demo.py);
3. the yearly targets (75 / 80 / 85 % in the plan's second to fourth year, 100 % in 2030) and
   an ambition statement per focus theme;
4. eleven product groups (the standard list and Groenbeheer) with spend, impact, MVOI chance,
   owners and three filled kansenkaarten, and a calendar of forty tenders over last year and
   this year. Last year's share is above its target, this year's below (two tenders of the
   fourth quarter have no themes yet, one postponed tender neither, one started without);
   one tender was postponed to this year (its history shows the move), one was cancelled,
   three promising tenders started without a theme and explain why;
5. what is already anchored in both areas, and the borging kind of the plan's actions;
6. the jaarplanning: extra budget or capacity per action, one more action so every team has
   work this year;
7. last year's evaluation, finished in January with the facts of that year, and a concept
   evaluation of this year.

Years are relative to today, like the rest of the demo: "last year" is the plan's second
year. ``manage.py seed_demo`` calls ``seed`` after plans/demo.py and themes/demo.py
(INSTALLED_APPS order). Idempotent: an organisation that has a product group, or whose MVOI
plan has a tender or a yearly target, gets nothing new.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plans import demo as plan_demo
from plans.models import Action, Method, Plan
from themes.models import OrgTheme

from .models import (
    TEAMS,
    ActionDetail,
    Anchoring,
    AnchoringArea,
    AnchoringKind,
    Evaluation,
    Instrument,
    Procedure,
    ProductGroup,
    Source,
    Tender,
    TenderStatus,
    TenderTheme,
    ThemeAmbition,
    ThemeBaseline,
    YearTarget,
)
from .share import share_by_year

SLUG = "gemeente-voorbeeld"
PEOPLE = plan_demo.PEOPLE[SLUG]  # beheer, budgethouder, inkoper, lezer

# Theme keys: the Manifest MVOI codes of themes/demo.py.
KLIMAAT, MILIEU, CIRCULAIR = "mvoi-klimaat", "mvoi-milieu", "mvoi-circulair"
SR, DIVERSITEIT, KETEN = "mvoi-social-return", "mvoi-diversiteit", "mvoi-keten"

EIS, VOORWAARDE = Instrument.REQUIREMENT, Instrument.CONTRACT_TERM
GUNNING, FUNCTIONEEL = Instrument.AWARD_CRITERION, Instrument.FUNCTIONAL
SINGLE, MULTIPLE = Procedure.SINGLE, Procedure.MULTIPLE
NATIONAL, EUROPEAN = Procedure.NATIONAL, Procedure.EUROPEAN
S = TenderStatus

# --- Step 1: nulmeting -----------------------------------------------------------------------

ALL_SOURCES = [Source.POLICY, Source.INTERVIEWS, Source.WORK_SESSION]
SOURCE_NOTES = (
    "Inkoopbeleid, klimaatplan (klimaatneutraal in 2040) en collegeprogramma; acht interviews "
    "met inkopers en budgethouders; werksessie met het MVOI-team."
)

BASELINES = {
    KLIMAAT: {
        "level": 2,
        "ambitions": "Het klimaatplan mikt op een klimaatneutrale gemeente in 2040; het "
        "inkoopbeleid noemt duurzaamheid, maar zonder doel voor inkoop.",
        "goals": "Geen vastgestelde inkoopdoelen. In het klimaatplan staat wel dat het eigen "
        "wagenpark in 2030 emissievrij rijdt.",
        "activities": "Emissieloos maaimaterieel bij groenbeheer; bij de GWW hangt het van de "
        "projectleider af of de CO2-Prestatieladder of emissieloos materieel wordt gevraagd.",
    },
    MILIEU: {
        "level": 2,
        "ambitions": "Een groene, gezonde openbare ruimte met meer biodiversiteit "
        "(groenbeleidsplan).",
        "goals": "Geen chemische onkruidbestrijding op verhardingen.",
        "activities": "Milieukeurmerken bij schoonmaakmiddelen; ecologisch maaibeheer en "
        "inheemse beplanting bij groenonderhoud.",
    },
    CIRCULAIR: {
        "level": 2,
        "ambitions": "Het collegeprogramma noemt circulair werken als speerpunt.",
        "goals": "Nog geen doelen per productgroep.",
        "activities": "De circulaire aanbesteding van kantoormeubilair (hergebruik van het "
        "bestaande meubilair) en terugname van afgedankte bedrijfskleding.",
    },
    SR: {
        "level": 3,
        "ambitions": "Werk voor inwoners met afstand tot de arbeidsmarkt via onze opdrachten "
        "(participatiebeleid).",
        "goals": "Social return van 5% van de opdrachtwaarde bij opdrachten boven € 200.000.",
        "activities": "Bij grote opdrachten standaard gevraagd; het Werkbedrijf bemiddelt. De "
        "nakoming wordt nog niet overal gecontroleerd.",
    },
    DIVERSITEIT: {
        "level": 1,
        "ambitions": "Een organisatie die de samenstelling van de gemeente weerspiegelt "
        "(personeelsbeleid).",
        "goals": "Geen doelen voor inkoop.",
        "activities": "Waar het kan via social return; verder nog niets in opdrachten.",
    },
    KETEN: {
        "level": 1,
        "ambitions": "Het inkoopbeleid verwijst naar de internationale sociale voorwaarden, "
        "zonder afspraak wanneer die gelden.",
        "goals": "Geen doelen.",
        "activities": "Zelden gevraagd; bij één ICT-aanbesteding is een verklaring over de "
        "herkomst van grondstoffen gevraagd.",
    },
}

# --- Step 3: targets and ambitions -----------------------------------------------------------

# (year offset from the plan's first year, target %)
TARGETS = [(1, 75), (2, 80), (3, 85)]
TARGET_2030 = (2030, 100)

AMBITIONS = {
    KLIMAAT: "Emissieloos materieel en de CO2-Prestatieladder zijn de standaard in de grond-, "
    "weg- en waterbouw; energie en vervoer kopen we emissievrij in.",
    CIRCULAIR: "Bij meubilair, bedrijfskleding en de GWW vragen we altijd eerst naar hergebruik "
    "en terugname; nieuw kopen is de laatste keus.",
    SR: "Social return is geborgd in het startdocument en de standaardcontracten, en het "
    "Werkbedrijf controleert de nakoming van elke afspraak.",
    KETEN: "Bij ICT, bedrijfskleding en natuursteen gelden altijd de internationale sociale "
    "voorwaarden, en we vragen leveranciers hoe zij risico's in de keten aanpakken.",
}

# --- Step 4: product groups ------------------------------------------------------------------

# name: (annual spend €, impact 1–5, MVOI chance 1–5, owner key or None)
PRODUCT_GROUPS = {
    "Energie": ("6200000", 5, 3, None),
    "Vervoer": ("4800000", 4, 4, None),
    "ICT": ("9500000", 3, 3, "beheer"),
    "GWW (grond-, weg- en waterbouw)": ("28000000", 5, 5, "budgethouder"),
    "Klimaatinstallaties": ("2100000", 4, 4, None),
    "Bedrijfskleding": ("350000", 3, 5, "inkoper"),
    "Meubilair": ("600000", 2, 5, None),
    "Gebouwde omgeving": ("14500000", 4, 4, "budgethouder"),
    "Catering": ("280000", 2, 2, None),
    "Schoonmaak": ("1900000", 2, 3, None),
    "Groenbeheer": ("3400000", 3, 4, "budgethouder"),
}
GWW = "GWW (grond-, weg- en waterbouw)"

# name: (days ago, chances, tenders, actions)
KANSENKAARTEN = {
    GWW: (
        40,
        "Het grootste deel van onze uitgaven en van de uitstoot van onze opdrachten. Kansen: "
        "emissieloos materieel op de bouwplaats, hergebruik van asfalt en klinkers, de "
        "CO2-Prestatieladder als gunningscriterium en social return via leerwerkplekken bij "
        "de aannemer.",
        "Onderhoud wegen en fietspaden (loopt tot over twee jaar), herinrichting Dorpsstraat "
        "fase 2, groot onderhoud riolering Oude Wijk, en het contract voor openbare "
        "verlichting dat over drie jaar afloopt.",
        "Peter Smit (Openbare ruimte) zet MVOI in elk startdocument; Noor Hendriks (inkoop) "
        "stelt per aanbesteding de criteria voor uit de MVI-criteriatool; de projectleiders "
        "evalueren na de gunning.",
    ),
    "Bedrijfskleding": (
        95,
        "Kleding met gerecyclede vezels, terugname en hergebruik van afgedankte kleding, en "
        "de internationale sociale voorwaarden: het risico op misstanden in de naaiateliers "
        "is hier reëel.",
        "Bedrijfskleding binnendienst en bodes (dit jaar); het contract voor de buitendienst "
        "loopt nog drie jaar.",
        "Noor Hendriks vraagt bij de leverancier de ketengegevens op; de teamleiders van de "
        "buitendienst testen in het voorjaar kleding van gerecycled materiaal.",
    ),
    "ICT": (
        150,
        "Langer gebruik van laptops en telefoons (refurbished waar het kan), energiezuinige "
        "hosting, en ketenverantwoordelijkheid voor de mineralen in hardware.",
        "Printers en multifunctionals (eind dit jaar), datacenterdiensten samen met de regio.",
        "Esther Mulder brengt MVOI in bij het regionale inkoopoverleg; Informatievoorziening "
        "onderzoekt of laptops vijf in plaats van vier jaar mee kunnen.",
    ),
}

# --- Step 4: the tender calendar -------------------------------------------------------------

DEPT_RUIMTE, DEPT_FACILITAIR = "Openbare ruimte", "Facilitaire zaken"
DEPT_VASTGOED, DEPT_IV = "Vastgoed", "Informatievoorziening"
DEPT_SOCIAAL, DEPT_WIJK = "Sociaal domein", "Wijkbeheer"
NOOR, ESTHER, BRAM = "Noor Hendriks", "Esther Mulder", "Bram Kuipers"

SROI = (SR, VOORWAARDE, "Social return: 5% van de opdrachtwaarde (standaardclausule)")
ISV = (KETEN, VOORWAARDE, "Internationale sociale voorwaarden (ISV), standaardclausule")
LADDER = (KLIMAAT, GUNNING, "CO2-Prestatieladder niveau 3, fictieve korting")


def tender(title, group, value, procedure, holder, purchaser, quarter, status, *themes, **extra):
    """One demo tender; ``themes`` are (theme key, instrument, criterion reference)."""
    return {
        "title": title,
        "group": group,
        "value": value,
        "procedure": procedure,
        "holder": holder,
        "purchaser": purchaser,
        "quarter": quarter,
        "status": status,
        "themes": themes,
        "promising": extra.get("promising", True),
        "explanation": extra.get("explanation", ""),
        "evaluation": extra.get("evaluation", ""),
    }


# Last year: nearly everything awarded or running. Counting for the share: 17 promising, of
# which 14 apply a focus theme (82%, target 75%). {y} is the tender's year, {y1} the next …
LAST_YEAR = [
    tender(
        "Onderhoud openbare verlichting {y}–{y4}",
        GWW,
        "3200000",
        EUROPEAN,
        DEPT_RUIMTE,
        NOOR,
        1,
        S.EVALUATED,
        (KLIMAAT, GUNNING, "MVI-criteriatool: Openbare verlichting, ambitieniveau (dimbare LED)"),
        SROI,
        evaluation="Vier inschrijvingen; alle vier boden dimbare LED aan. De leerwerkplekken "
        "voor social return zijn ingevuld via het Werkbedrijf.",
    ),
    tender(
        "Leerlingenvervoer {y1}–{y3}",
        "Vervoer",
        "4100000",
        EUROPEAN,
        DEPT_SOCIAAL,
        ESTHER,
        1,
        S.RUNNING,
        (KLIMAAT, EIS, "MVI-criteriatool: Contractvervoer, kernniveau (nieuwe busjes emissievrij)"),
        SROI,
    ),
    tender(
        "Verlenging onderhoud telefooncentrale",
        "ICT",
        "45000",
        SINGLE,
        DEPT_IV,
        ESTHER,
        1,
        S.RUNNING,
        promising=False,
    ),
    tender(
        "Herinrichting Dorpsstraat fase 1",
        GWW,
        "2600000",
        NATIONAL,
        DEPT_RUIMTE,
        NOOR,
        1,
        S.RUNNING,
        (KLIMAAT, EIS, "Emissieloos materieel op de bouwplaats"),
        (CIRCULAIR, GUNNING, "MVI-criteriatool: Wegen, ambitieniveau (hergebruik asfalt)"),
        SROI,
    ),
    tender(
        "Schoonmaak gemeentelijke gebouwen {y1}–{y4}",
        "Schoonmaak",
        "1750000",
        EUROPEAN,
        DEPT_FACILITAIR,
        ESTHER,
        1,
        S.RUNNING,
        (SR, EIS, "Social return: 30% van de inzet door mensen met afstand tot werk"),
        (MILIEU, EIS, "MVI-criteriatool: Schoonmaakdiensten, kernniveau"),
    ),
    tender(
        "Bedrijfskleding buitendienst",
        "Bedrijfskleding",
        "220000",
        NATIONAL,
        DEPT_RUIMTE,
        NOOR,
        2,
        S.EVALUATED,
        (CIRCULAIR, GUNNING, "MVI-criteriatool: Bedrijfskleding, kernniveau"),
        ISV,
        evaluation="De winnaar neemt afgedankte kleding terug en maakt er poetsdoeken van. "
        "De ketengegevens kwamen pas na twee herinneringen binnen.",
    ),
    tender(
        "Circulair kantoormeubilair stadskantoor",
        "Meubilair",
        "480000",
        EUROPEAN,
        DEPT_FACILITAIR,
        ESTHER,
        2,
        S.EVALUATED,
        (
            CIRCULAIR,
            FUNCTIONEEL,
            "Functionele uitvraag: zoveel mogelijk bestaand meubilair hergebruiken of opknappen",
        ),
        SROI,
        evaluation="Tachtig procent van het meubilair is opgeknapt en teruggeplaatst. Een "
        "mooi voorbeeld voor andere gemeenten; gedeeld in de regio.",
    ),
    tender(
        "Maaien en groenonderhoud wijk Noord",
        "Groenbeheer",
        "690000",
        NATIONAL,
        DEPT_WIJK,
        NOOR,
        2,
        S.RUNNING,
        (KLIMAAT, EIS, "Emissieloos (elektrisch) maaimaterieel"),
        (MILIEU, EIS, "MVI-criteriatool: Groenvoorzieningen, kernniveau"),
    ),
    tender(
        "Laptops en werkplekapparatuur",
        "ICT",
        "1300000",
        EUROPEAN,
        DEPT_IV,
        ESTHER,
        2,
        S.RUNNING,
        ISV,
        (CIRCULAIR, GUNNING, "MVI-criteriatool: Computers, ambitieniveau (levensduur)"),
    ),
    tender(
        "Catering raadsvergaderingen",
        "Catering",
        "38000",
        SINGLE,
        "Griffie",
        ESTHER,
        2,
        S.RUNNING,
        promising=False,
    ),
    tender(
        "Vervanging cv-installaties drie basisscholen",
        "Klimaatinstallaties",
        "950000",
        NATIONAL,
        DEPT_VASTGOED,
        NOOR,
        3,
        S.AWARDED,
        (KLIMAAT, EIS, "MVI-criteriatool: Klimaatinstallaties, ambitieniveau (gasloos)"),
    ),
    tender(
        "Onderhoud wegen en fietspaden {y1}–{y3}",
        GWW,
        "5800000",
        EUROPEAN,
        DEPT_RUIMTE,
        NOOR,
        3,
        S.AWARDED,
        LADDER,
        (CIRCULAIR, EIS, "MVI-criteriatool: Wegen, kernniveau (asfaltgranulaat)"),
        SROI,
    ),
    tender(
        "Software voor zaakgericht werken",
        "ICT",
        "620000",
        EUROPEAN,
        DEPT_IV,
        ESTHER,
        3,
        S.AWARDED,
        explanation="De marktconsultatie liet zien dat er drie aanbieders zijn en dat "
        "MVOI-criteria voor deze software nauwelijks onderscheid maken. Het MVOI-team stemde "
        "in; bij de verlenging vragen we naar energiezuinige hosting.",
    ),
    tender(
        "Elektrische bedrijfswagens buitendienst",
        "Vervoer",
        "1100000",
        EUROPEAN,
        DEPT_RUIMTE,
        ESTHER,
        3,
        S.AWARDED,
        (KLIMAAT, EIS, "MVI-criteriatool: Bedrijfswagens, ambitieniveau (emissievrij)"),
    ),
    tender(
        "Levering elektriciteit en gas {y1}–{y4}",
        "Energie",
        "5600000",
        EUROPEAN,
        DEPT_FACILITAIR,
        ESTHER,
        4,
        S.AWARDED,
        (
            KLIMAAT,
            EIS,
            "Groene stroom uit nieuwe Nederlandse wind en zon (garanties van oorsprong)",
        ),
    ),
    tender(
        "Sloop voormalige brandweerkazerne",
        "Gebouwde omgeving",
        "410000",
        NATIONAL,
        DEPT_VASTGOED,
        NOOR,
        4,
        S.AWARDED,
        (CIRCULAIR, EIS, "Circulair slopen: materialenpaspoort, 70% hoogwaardig hergebruik"),
    ),
    tender(
        "Natuursteen marktplein",
        GWW,
        "750000",
        NATIONAL,
        DEPT_RUIMTE,
        BRAM,
        4,
        S.AWARDED,
        (KETEN, EIS, "ISV: natuursteen met aantoonbare ketenaanpak (sectorinitiatief)"),
    ),
    tender(
        "Strooizout {y1}–{y3}",
        GWW,
        "310000",
        NATIONAL,
        DEPT_RUIMTE,
        BRAM,
        4,
        S.AWARDED,
        explanation="We deden mee met de raamovereenkomst van de provincie; de criteria "
        "lagen al vast. Afgesproken dat de provincie bij de volgende ronde vervoer over water "
        "meeweegt.",
    ),
    tender(
        "Onkruidbestrijding verhardingen",
        "Groenbeheer",
        "260000",
        MULTIPLE,
        DEPT_WIJK,
        NOOR,
        4,
        S.AWARDED,
        (MILIEU, EIS, "Geen chemische middelen (heet water, borstelen)"),
    ),
    tender(
        "Onderhoud liften stadskantoor",
        "Gebouwde omgeving",
        "85000",
        MULTIPLE,
        DEPT_VASTGOED,
        ESTHER,
        4,
        S.RUNNING,
        promising=False,
    ),
]

# Planned in the fourth quarter of last year, postponed in the third quarter to this year's
# third quarter: the school board first decides on the future of the building.
POSTPONED = {
    "tender": tender(
        "Renovatie sporthal De Wielen",
        "Gebouwde omgeving",
        "3900000",
        EUROPEAN,
        DEPT_VASTGOED,
        NOOR,
        4,
        S.PREPARING,
    ),
    "moved_to": (0, 3),  # this year, third quarter
    "days_after_created": 150,
}

# This year: awarded or published up to the third quarter, the fourth in preparation.
# Counting for the share: 16 promising (the cancelled one left out), of which 12 apply a
# focus theme (75%, target 80%); the postponed one and two in the fourth quarter have no
# themes yet, one started without.
THIS_YEAR = [
    tender(
        "Maaien en groenonderhoud wijk Zuid",
        "Groenbeheer",
        "720000",
        NATIONAL,
        DEPT_WIJK,
        NOOR,
        1,
        S.AWARDED,
        (KLIMAAT, EIS, "Emissieloos (elektrisch) maaimaterieel"),
        SROI,
    ),
    tender(
        "Raamovereenkomst beschoeiingen en kademuren",
        GWW,
        "2300000",
        EUROPEAN,
        DEPT_RUIMTE,
        NOOR,
        1,
        S.AWARDED,
        LADDER,
        (CIRCULAIR, GUNNING, "Milieukostenindicator (MKI) van het ontwerp"),
    ),
    tender(
        "Zonnepanelen op gemeentelijk vastgoed",
        "Energie",
        "1450000",
        EUROPEAN,
        DEPT_VASTGOED,
        NOOR,
        1,
        S.AWARDED,
        (KLIMAAT, FUNCTIONEEL, "Functionele uitvraag: maximale opbrengst per dak"),
        (KETEN, VOORWAARDE, "ISV: onderzoek naar dwangarbeid in de keten van zonnepanelen"),
    ),
    tender(
        "Catering personeelsrestaurant {y}–{y3}",
        "Catering",
        "260000",
        NATIONAL,
        DEPT_FACILITAIR,
        ESTHER,
        1,
        S.AWARDED,
        (KETEN, EIS, "MVI-criteriatool: Catering, kernniveau (fairtrade koffie en thee)"),
        SROI,
    ),
    tender(
        "Verlenging licenties kantoorsoftware",
        "ICT",
        "390000",
        SINGLE,
        DEPT_IV,
        ESTHER,
        1,
        S.AWARDED,
        promising=False,
    ),
    tender(
        "Groot onderhoud riolering Oude Wijk",
        GWW,
        "3400000",
        EUROPEAN,
        DEPT_RUIMTE,
        NOOR,
        2,
        S.AWARDED,
        (KLIMAAT, EIS, "Emissieloos materieel op de bouwplaats"),
        (CIRCULAIR, EIS, "Hergebruik van vrijkomende klinkers en grond"),
        SROI,
    ),
    tender(
        "Bedrijfskleding binnendienst en bodes",
        "Bedrijfskleding",
        "95000",
        MULTIPLE,
        DEPT_FACILITAIR,
        NOOR,
        2,
        S.AWARDED,
        (CIRCULAIR, GUNNING, "MVI-criteriatool: Bedrijfskleding, kernniveau"),
        ISV,
    ),
    tender(
        "Datacenterdiensten en hosting",
        "ICT",
        "880000",
        EUROPEAN,
        DEPT_IV,
        ESTHER,
        2,
        S.AWARDED,
        explanation="Samen aanbesteed met vier gemeenten via het regionale inkoopbureau; de "
        "gezamenlijke eisen gingen alleen over beveiliging en beschikbaarheid. Het MVOI-team "
        "heeft dit in het regio-overleg aangekaart.",
    ),
    tender(
        "Vervanging verkeersregelinstallaties",
        GWW,
        "1200000",
        EUROPEAN,
        DEPT_RUIMTE,
        BRAM,
        2,
        S.AWARDED,
        (CIRCULAIR, EIS, "MVI-criteriatool: Verkeersregelinstallaties, kernniveau (modulair)"),
        (KLIMAAT, GUNNING, "Energieverbruik per kruispunt"),
    ),
    tender(
        "Beheer en onderhoud klimaatinstallaties {y1}–{y4}",
        "Klimaatinstallaties",
        "1600000",
        EUROPEAN,
        DEPT_VASTGOED,
        NOOR,
        3,
        S.PUBLISHED,
        (KLIMAAT, EIS, "MVI-criteriatool: Klimaatinstallaties, ambitieniveau (energiemonitoring)"),
        SROI,
    ),
    tender(
        "Elektrische deelauto's voor dienstreizen",
        "Vervoer",
        "340000",
        NATIONAL,
        "Bedrijfsvoering",
        ESTHER,
        3,
        S.AWARDED,
        (KLIMAAT, EIS, "Volledig elektrisch, laden met groene stroom"),
    ),
    tender(
        "Nieuwbouw gemeentewerf",
        "Gebouwde omgeving",
        "6500000",
        EUROPEAN,
        DEPT_VASTGOED,
        NOOR,
        3,
        S.CANCELLED,
        (KLIMAAT, EIS, "Energieneutraal gebouw"),
        (CIRCULAIR, GUNNING, "Losmaakbaar bouwen, materialenpaspoort"),
    ),
    tender(
        "Herinrichting Dorpsstraat fase 2",
        GWW,
        "2900000",
        NATIONAL,
        DEPT_RUIMTE,
        NOOR,
        3,
        S.PUBLISHED,
        (KLIMAAT, EIS, "Emissieloos materieel op de bouwplaats"),
        (CIRCULAIR, GUNNING, "MVI-criteriatool: Wegen, ambitieniveau (hergebruik asfalt)"),
        SROI,
    ),
    tender(
        "Onderhoud brandmeldinstallaties",
        "Gebouwde omgeving",
        "120000",
        MULTIPLE,
        DEPT_VASTGOED,
        ESTHER,
        3,
        S.AWARDED,
        promising=False,
    ),
    tender(
        "Schoonmaak sporthallen en zwembad",
        "Schoonmaak",
        "640000",
        EUROPEAN,
        DEPT_VASTGOED,
        ESTHER,
        3,
        S.PUBLISHED,
        (SR, EIS, "Social return: 30% van de inzet door mensen met afstand tot werk"),
        (MILIEU, EIS, "MVI-criteriatool: Schoonmaakdiensten, kernniveau"),
    ),
    tender(
        "Printers en multifunctionals {y1}–{y5}",
        "ICT",
        "420000",
        EUROPEAN,
        DEPT_IV,
        ESTHER,
        4,
        S.PREPARING,
    ),
    tender(
        "Meubilair nieuwe bibliotheek",
        "Meubilair",
        "310000",
        EUROPEAN,
        DEPT_VASTGOED,
        NOOR,
        4,
        S.PREPARING,
    ),
    tender(
        "Groenonderhoud begraafplaatsen",
        "Groenbeheer",
        "280000",
        MULTIPLE,
        DEPT_WIJK,
        BRAM,
        4,
        S.PREPARING,
        (KLIMAAT, EIS, "Emissieloos (elektrisch) maaimaterieel"),
    ),
    tender(
        "Catering recepties en evenementen",
        "Catering",
        "60000",
        SINGLE,
        "Communicatie",
        ESTHER,
        4,
        S.PREPARING,
        promising=False,
    ),
]

# --- Step 5: borging -------------------------------------------------------------------------

ANCHORING = {
    AnchoringArea.ORGANISATION: (
        "Het managementteam heeft het MVOI-actieplan vastgesteld en een directielid is "
        "eigenaar. Het MVOI-team (inkoop, Openbare ruimte, Vastgoed, Sociaal domein en "
        "communicatie) komt elk kwartaal bij elkaar. De voortgang staat in de voorjaarsnota "
        "en de jaarrekening."
    ),
    AnchoringArea.PROCESS: (
        "Het inkoopbeleid noemt het Manifest MVOI en social return. Het startdocument van "
        "elke aanbesteding vraagt welke MVOI-thema's van toepassing zijn, en zo niet, waarom "
        "niet. Na elke kansrijke aanbesteding volgt een korte evaluatie; het Werkbedrijf "
        "controleert de social return-afspraken tijdens het contract."
    ),
}

# The plan's actions (plans/demo.py, by title): (borging kind, extra budget, extra capacity).
ACTION_DETAILS = {
    "Kwartaaloverleg van het MVOI-team": (AnchoringKind.STRUCTURAL, False, True),
    "MVOI opnemen in het startdocument van elke aanbesteding": (
        AnchoringKind.STRUCTURAL,
        False,
        False,
    ),
    "Kennissessie MVOI voor budgethouders en projectleiders": (AnchoringKind.ONE_OFF, False, False),
    "Voortgangsnotitie MVOI aan de directie bij de voorjaarsnota": (
        AnchoringKind.STRUCTURAL,
        False,
        False,
    ),
    "Standaardevaluatie na elke kansrijke aanbesteding": (AnchoringKind.STRUCTURAL, False, False),
    "Spendanalyse per productgroep bijwerken": ("", True, False),
    "Praktijkvoorbeeld emissieloos materieel in de GWW delen op intranet": (
        AnchoringKind.ONE_OFF,
        False,
        False,
    ),
}

# --- Step 6: one more action of the year plan, so every team has work this year ---------------

# plans/demo.py's action(): quarter is an offset from the current quarter.
EXTRA_ACTIONS = [
    (
        plan_demo.action(
            "Nieuwsbericht over het circulaire meubilair van het stadskantoor",
            CIRCULAIR,
            None,
            "inkoper",
            TEAMS[4],  # Interne communicatie
            -2,
            plan_demo.FINISHED,
            None,
            "6",
            why="Successen vieren: collega's zien wat MVOI oplevert.",
        ),
        (AnchoringKind.ONE_OFF, False, False),
    ),
]
# Team names of plans/demo.py that mean one of the year plan's teams.
TEAM_ALIASES = {"Directie en management": TEAMS[3]}

# --- Step 7: evaluations ---------------------------------------------------------------------

EVALUATION_LAST_YEAR = {
    "strategisch_goed": "We haalden het doel: ruim vier op de vijf kansrijke aanbestedingen "
    "vroegen MVOI-criteria op een focusthema. Klimaat en circulair zijn in de GWW en bij "
    "meubilair gewoon geworden.",
    "strategisch_beter": "Ketenverantwoordelijkheid blijft achter: alleen bij kleding, ICT "
    "en natuursteen vroegen we erom, en de controle op de antwoorden was mager.",
    "strategisch_letten": "Het doel stijgt naar 80%. Dat halen we alleen als de thema's al "
    "in het startdocument worden gekozen, niet pas bij het schrijven van het bestek.",
    "inhoudelijk_goed": "Het MVOI-team kwam elk kwartaal bij elkaar en projectleiders van "
    "Openbare ruimte schoven steeds vaker zelf aan. Het circulaire meubilair is een voorbeeld "
    "geworden in de regio.",
    "inhoudelijk_beter": "Sociaal domein en Informatievoorziening waren weinig betrokken; "
    "hun aanbestedingen kwamen laat in beeld.",
    "inhoudelijk_letten": "Iemand van Informatievoorziening in het team, en vier uur per week "
    "per teamlid echt vrijmaken in de jaarplanning.",
    "procesgericht_goed": "Alle kansrijke aanbestedingen stonden op tijd op de kalender. De "
    "twee afwijkingen zijn in het kwartaaloverleg besproken en uitgelegd.",
    "procesgericht_beter": "De renovatie van sporthal De Wielen schoof door naar volgend jaar. "
    "Evaluaties na de gunning bleven bij de helft van de aanbestedingen liggen.",
    "procesgericht_letten": "Bij regionale aanbestedingen vooraf onze thema's inbrengen, en "
    "de evaluatie na gunning vast in de planning van de projectleider zetten.",
}
EVALUATION_THIS_YEAR = {
    "strategisch_beter": "We blijven onder de 80%: de aanbesteding van datacenterdiensten "
    "liep via de regio zonder MVOI, en drie aanbestedingen hebben nog geen thema.",
    "inhoudelijk_goed": "Informatievoorziening zit sinds het voorjaar in het MVOI-team.",
    "procesgericht_letten": "Kiezen de printers en het bibliotheekmeubilair in het vierde "
    "kwartaal nog een thema, dan halen we het doel alsnog.",
}


# --- Seeding -------------------------------------------------------------------------------


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _quarter_start(year, quarter):
    return date(year, 3 * quarter - 2, 1)


def _people():
    users = get_user_model().objects
    return {key: users.filter(email__iexact=email).first() for key, email in PEOPLE.items()}


def _themes(org):
    themes = OrgTheme.objects.for_org(org).filter(framework_theme__code__startswith="mvoi-")
    return {theme.framework_theme.code: theme for theme in themes.select_related("framework_theme")}


def seed(demo):
    """Fill Gemeente Voorbeeld's MVOI plan once; later runs keep what users changed."""
    org = demo.organisations.get(SLUG)
    if org is None:
        return
    plan = Plan.objects.for_org(org).filter(method=Method.MVOI).order_by("pk").first()
    if plan is None:
        return
    if (
        ProductGroup.objects.for_org(org).exists()
        or Tender.objects.for_org(org).filter(plan=plan).exists()
        or YearTarget.objects.for_org(org).filter(plan=plan).exists()
    ):
        return
    with transaction.atomic():
        build(plan, timezone.localdate())


def build(plan, today):
    people = _people()
    themes = _themes(plan.organisation)
    _baselines(plan, themes)
    _targets(plan)
    _ambitions(plan, themes)
    groups = _product_groups(plan, people, today)
    _calendar(plan, groups, themes, people, today)
    _anchoring(plan, people, today)
    _evaluations(plan, people, today)
    return plan


def _baselines(plan, themes):
    for code, row in BASELINES.items():
        ThemeBaseline.objects.create(
            organisation=plan.organisation,
            plan=plan,
            theme=themes[code],
            ambitions=row["ambitions"],
            goals=row["goals"],
            activities=row["activities"],
            sources=[str(s) for s in ALL_SOURCES],
            source_notes=SOURCE_NOTES,
            level=row["level"],
        )


def _targets(plan):
    for offset, pct in TARGETS:
        YearTarget.objects.create(
            organisation=plan.organisation, plan=plan, year=plan.start_year + offset, target_pct=pct
        )
    year, pct = TARGET_2030
    if year <= plan.end_year:
        return
    target = YearTarget(organisation=plan.organisation, plan=plan, year=year, target_pct=pct)
    try:
        target.full_clean()  # YearTarget.clean allows a year after the plan up to 2030
    except ValidationError:
        return
    target.save()


def _ambitions(plan, themes):
    for code, statement in AMBITIONS.items():
        ThemeAmbition.objects.create(
            organisation=plan.organisation, plan=plan, theme=themes[code], statement=statement
        )


def _product_groups(plan, people, today):
    groups = {}
    for name, (spend, impact, chance, owner) in PRODUCT_GROUPS.items():
        values = {
            "organisation": plan.organisation,
            "name": name,
            "annual_spend": Decimal(spend),
            "impact": impact,
            "chance": chance,
            "owner": people[owner] if owner else None,
        }
        if name in KANSENKAARTEN:
            days_ago, chances, tenders, actions = KANSENKAARTEN[name]
            values.update(
                card_chances=chances,
                card_tenders=tenders,
                card_actions=actions,
                card_updated_at=_moment(today - timedelta(days=days_ago), 14),
                card_updated_by=people[owner],
            )
        groups[name] = ProductGroup.objects.create(**values)
    return groups


def _create_tender(plan, spec, year, groups, themes, today):
    """A tender as the purchaser entered it, some months before its quarter starts."""
    org = plan.organisation
    years = {f"y{n}": year + n for n in range(1, 6)}
    created = min(_quarter_start(year, spec["quarter"]) - timedelta(days=120), today)
    tender = Tender.objects.create(
        organisation=org,
        plan=plan,
        title=spec["title"].format(y=year, **years),
        product_group=groups[spec["group"]],
        estimated_value=Decimal(spec["value"]),
        procedure=spec["procedure"],
        budget_holder=spec["holder"],
        purchaser=spec["purchaser"],
        planned_year=year,
        planned_quarter=spec["quarter"],
        promising=spec["promising"],
        status=spec["status"],
        explanation=spec["explanation"],
        evaluation=spec["evaluation"],
        created_at=_moment(created),
    )
    for code, instrument, ref in spec["themes"]:
        TenderTheme.objects.create(
            organisation=org,
            tender=tender,
            theme=themes[code],
            instrument=instrument,
            criterion_ref=ref,
        )
    return tender


def _calendar(plan, groups, themes, people, today):
    tenders = []
    for offset, specs in ((-1, LAST_YEAR), (0, THIS_YEAR)):
        for spec in specs:
            tenders.append(_create_tender(plan, spec, today.year + offset, groups, themes, today))
    for tender in tenders:  # the history says when each tender was entered
        Tender.history.filter(id=tender.pk).update(
            history_date=tender.created_at, history_user=people["inkoper"]
        )
        TenderTheme.history.filter(tender_id=tender.pk).update(
            history_date=tender.created_at, history_user=people["inkoper"]
        )
    _postpone(plan, groups, themes, people, today)


def _postpone(plan, groups, themes, people, today):
    """The sporthal: entered for last year's fourth quarter, then moved to this year through
    save(), so its history records the move (who, when, old → new quarter)."""
    spec = POSTPONED
    tender = _create_tender(plan, spec["tender"], today.year - 1, groups, themes, today)
    Tender.history.filter(id=tender.pk).update(
        history_date=tender.created_at, history_user=people["inkoper"]
    )
    offset, quarter = spec["moved_to"]
    tender.planned_year, tender.planned_quarter = today.year + offset, quarter
    tender.status = TenderStatus.POSTPONED
    tender.version += 1
    tender._history_user = people["inkoper"]
    tender.save(update_fields=["planned_year", "planned_quarter", "status", "version"])
    moved = min(tender.created_at + timedelta(days=spec["days_after_created"]), timezone.now())
    record = tender.history.order_by("-history_id").first()
    tender.history.filter(history_id=record.history_id).update(history_date=moved)


def _anchoring(plan, people, today):
    org = plan.organisation
    for area, text in ANCHORING.items():
        Anchoring.objects.create(organisation=org, plan=plan, area=area, anchored=text)
    actions = Action.objects.for_org(org).filter(plan=plan)
    for alias, team in TEAM_ALIASES.items():
        actions.filter(team=alias).update(team=team)
    plan_demo._seed_actions(
        plan, {"actions": [a for a, _d in EXTRA_ACTIONS], "votes": []}, people, {}, today
    )
    details = {**ACTION_DETAILS, **{a["title"]: d for a, d in EXTRA_ACTIONS}}
    for action in actions:
        if action.title not in details:
            continue
        kind, budget, capacity = details[action.title]
        ActionDetail.objects.get_or_create(
            action=action,
            defaults={
                "organisation": org,
                "anchoring": kind,
                "extra_budget": budget,
                "extra_capacity": capacity,
            },
        )


def _facts(plan, year):
    """The facts of a year as an evaluation freezes them (procurement.evaluation), or at
    least the share when that module is not there."""
    try:
        from .evaluation import year_facts
    except ImportError:
        share = next((row for row in share_by_year(plan) if row["year"] == year), {})
        return {"year": year, "share": share}
    return year_facts(plan, year)


def _evaluations(plan, people, today):
    org = plan.organisation
    last_year = today.year - 1
    finished = min(_moment(date(today.year, 1, 20), 15), timezone.now() - timedelta(days=1))
    evaluation = Evaluation.objects.create(
        organisation=org,
        plan=plan,
        year=last_year,
        facts=_facts(plan, last_year),
        finished_at=finished,
        finished_by=people["inkoper"],
        next_year_prepared_at=finished + timedelta(days=2),
        **EVALUATION_LAST_YEAR,
    )
    Evaluation.history.filter(id=evaluation.pk).update(
        history_date=finished, history_user=people["inkoper"]
    )
    if plan.start_year <= today.year <= plan.end_year:
        Evaluation.objects.create(
            organisation=org, plan=plan, year=today.year, **EVALUATION_THIS_YEAR
        )
