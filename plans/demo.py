"""Demo plans: the MVO STEPS plans of Lexman BV and AGV BV, and the MVOI plan of Gemeente
Voorbeeld, so a new user can follow a worked example through the steps.

Everything is dated relative to today, like kpis/demo.py: the company plans run from last
year to next year, the municipality's from two years ago to next year. An action's quarter
is an offset from the current quarter (-4 … +4 always lies inside the plan), so there are
always actions that are done, running, planned and overdue. Steps are (status, notes,
answers); the answers follow the step's guiding questions in order. Theme keys are framework
theme codes or own theme names (themes/demo.py); goals name a demo KPI (kpis/demo.py) by name.
People are keys of PEOPLE; ``None`` is someone without an account (a wish from a session).

Mission and vision are written through services.save_mission_vision and change_stage, so
their versions exist as if the working group had saved them one by one.
Idempotent: an organisation that has any plan gets nothing new.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kpis.models import Kpi, current_quarter, quarter_end
from mvo.models import MailStatus, Membership, Notification
from themes.models import OrgTheme

from . import approval, services
from .models import (
    Action,
    ActionStatus,
    Feedback,
    Goal,
    GoalKind,
    Method,
    MissionVision,
    Plan,
    PlanTransition,
    PlanVersion,
    Stage,
    StepStatus,
    TransitionKind,
    UrgentVote,
    Wish,
)

DONE, BUSY = StepStatus.DONE, StepStatus.IN_PROGRESS
PLANNED, RUNNING, FINISHED = ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DONE
POSTPONED, CANCELLED = ActionStatus.POSTPONED, ActionStatus.CANCELLED

PEOPLE = {
    "lexman": {
        "beheer": "beheer@lexman.example",
        "directie": "directie@lexman.example",
        "werkgroep": "werkgroep@lexman.example",
        "lezer": "lezer@lexman.example",
        "adviseur": "adviseur@koers.example",
    },
    "agv": {
        "beheer": "beheer@agv.example",
        "directie": "directie@agv.example",
        "werkgroep": "werkgroep@agv.example",
        "lezer": "lezer@agv.example",
        "adviseur": "adviseur@koers.example",
    },
    "gemeente-voorbeeld": {
        "beheer": "beheer@voorbeeld.example",
        "budgethouder": "budgethouder@voorbeeld.example",
        "inkoper": "inkoper@voorbeeld.example",
        "lezer": "lezer@voorbeeld.example",
    },
}


def action(title, theme, goal, who, team, quarter, status, budget=None, hours=None, **extra):
    """One demo action; ``quarter`` is an offset from the current quarter, or None."""
    return {
        "title": title,
        "theme": theme,
        "goal": goal,
        "who": who,
        "team": team,
        "quarter": quarter,
        "status": status,
        "budget": budget,
        "hours": hours,
        "within": extra.get("within", True),
        "note": extra.get("note", ""),
        "why": extra.get("why", ""),
        "due": extra.get("due"),  # days from today
    }


# --- Lexman BV (transport) -----------------------------------------------------------------

LEXMAN_MISSION = [
    # (days ago, stage after saving, mission, vision)
    (
        360,
        Stage.DRAFT,
        "Lexman BV vervoert goederen snel en betrouwbaar voor klanten in de Benelux en "
        "Duitsland. Wij houden daarbij rekening met het milieu.",
        "Wij willen de komende jaren duurzamer worden en minder uitstoten.",
    ),
    (
        330,
        Stage.DRAFT,
        "Lexman BV brengt als familiebedrijf goederen op tijd naar winkels en bedrijven in "
        "Nederland en de buurlanden, met zo weinig mogelijk uitstoot.",
        "In 2030 rijden wij in de steden volledig emissievrij en weten onze klanten per "
        "zending hoeveel CO2 die heeft gekost.",
    ),
    (
        260,
        Stage.TESTED,
        "Lexman BV brengt als familiebedrijf al drie generaties goederen veilig en op tijd "
        "naar winkels en bedrijven in Nederland en de buurlanden. Wij doen dat met het "
        "vakmanschap van onze eigen chauffeurs, met respect voor hun gezondheid en voor "
        "iedereen met wie wij de weg delen, en met zo weinig mogelijk uitstoot.",
        "In 2035 rijden wij in de steden volledig emissievrij en daarbuiten grotendeels op "
        "hernieuwbare brandstof. Onze chauffeurs werken graag en lang bij ons, omdat werkdruk "
        "en rusttijden in balans zijn. Er gebeuren geen ernstige ongelukken met onze trucks, "
        "en wie voor ons rijdt, ook als charter, houdt zich aan dezelfde eerlijke regels.",
    ),
]

LEXMAN = {
    "slug": "lexman",
    "title": "MVO-plan Lexman {period}",
    "method": Method.MVO_STEPS,
    "years": (-1, 1),
    "coordinator": "werkgroep",
    "description": (
        "Ons eerste MVO-plan volgens MVO STEPS. Focus op minder uitstoot, goed werk voor "
        "chauffeurs en verkeersveiligheid. De werkgroep komt elke zes weken bij elkaar."
    ),
    "mission": LEXMAN_MISSION,
    # Approved as version 1 by the director, then changed by the working group: a concept
    # again, with the change since version 1 to see on the approval page.
    "approval": {
        "submitted": (
            "werkgroep",
            60,
            "Fase 1 en 2 zijn af en de doelen staan. Met jullie akkoord gaan we de acties "
            "uitvoeren.",
        ),
        "approved": (
            "directie",
            55,
            "Akkoord. Houd de kosten van de elektrische trucks goed in de gaten.",
        ),
        "change": {
            "days_ago": 12,
            "by": "werkgroep",
            "goal": "co2",
            "target": "90.0",
            "realistic": (
                "Zuinig rijden en HVO leveren samen al 8 tot 10 kg op, de eerste elektrische "
                "trucks de rest. De nieuwe laadpalen in Tilburg maken 2 kg extra haalbaar."
            ),
        },
    },
    "mission_answers": {
        "mission": [
            "Veilig, betrouwbaar en schoon vervoer, met eigen chauffeurs die vakmensen zijn.",
            "Klimaat en luchtkwaliteit, gezond en veilig werk voor chauffeurs, "
            "verkeersveiligheid en eerlijke afspraken met onderaannemers.",
            "Minder CO2-uitstoot in de logistiek, veilige wegen en goed werk.",
            "Voor onze klanten in de retail en de industrie, voor onze medewerkers en voor de "
            "mensen in de regio waar onze trucks rijden.",
            "Wij houden winkels bevoorraad met zo weinig mogelijk overlast en bieden vast werk "
            "aan ruim zestig chauffeurs.",
        ],
        "vision": [
            "Een derde minder uitstoot per kilometer, verzuim onder de vijf procent en geen "
            "ernstige ongevallen.",
            "Een wagenpark dat in de steden elektrisch rijdt, een planning die rekening houdt "
            "met rusttijden en klanten die ons kiezen om onze openheid over uitstoot.",
            "Emissievrij in de steden in 2035 en een werkgever waar chauffeurs lang blijven.",
            "Dat schoon en veilig vervoer op de lange termijn ook het beste vervoer is, voor "
            "onze klanten en voor ons bedrijf.",
        ],
    },
    "feedback": [
        (
            "Chauffeursoverleg",
            300,
            "Het gaat veel over klanten en uitstoot, maar weinig over ons. Zet de gezondheid "
            "en veiligheid van de chauffeurs er met zoveel woorden in.",
        ),
        (
            "Ondernemingsraad",
            292,
            "Verkeersveiligheid ontbreekt, terwijl dat voor omwonenden en chauffeurs het "
            "belangrijkste is. En 2030 voor emissievrij rijden is niet haalbaar met de huidige "
            "netaansluiting.",
        ),
        (
            "Mirjam Kok, Noordhoek Supermarkten",
            285,
            "Herkenbaar. Wij zouden graag zien dat u ook uw charters meeneemt in de ambities.",
        ),
    ],
    "steps": {
        "1.1": (
            DONE,
            "Twee sessies met de werkgroep in het voorjaar. Vertrekpunt: de vragen van klanten "
            "over CO2, de zero-emissiezone in Havendam en het tekort aan chauffeurs.",
            [
                "Onze trucks zorgen voor uitstoot, geluid en drukte op de weg; tegelijk houden "
                "wij winkels en fabrieken in de regio bevoorraad. De samenleving raakt ons via "
                "milieuzones, de prijs van diesel en de krappe arbeidsmarkt.",
                "De twee grote vervoerders in de regio rijden al met enkele elektrische trucks "
                "en publiceren hun uitstoot. Kleinere collega's doen nog weinig.",
                "Milieu, arbeidsomstandigheden, eerlijk zakendoen (charters), "
                "consumentenaangelegenheden (betrouwbare CO2-informatie) en de gemeenschap rond "
                "ons terrein.",
                "Zero-emissiezones, de overstap naar HVO en elektrisch, hogere tol, vergrijzing "
                "onder chauffeurs en klanten die ketenrapportage vragen.",
                "Wij rijden in Nederland, België en Duitsland. Bij piekdrukte huren we charters "
                "in, deels met chauffeurs uit Oost-Europa: risico op te lange rijtijden en "
                "onderbetaling.",
            ],
        ),
        "1.2": (
            DONE,
            "Stakeholderkaart gemaakt en vijf gesprekken gevoerd (zie de dialogen). De "
            "chauffeursbijeenkomst leverde de meeste input op.",
            [
                "Intern: chauffeurs, planning, werkplaats en de ondernemingsraad. Extern: "
                "Noordhoek en andere vaste klanten, charters, de oliehandel, Gemeente Havendam, "
                "de Streekbank en de bewoners van de Industrieweg.",
                "Noordhoek (een derde van de omzet) en de gemeente (milieuzone) hebben veel "
                "invloed; chauffeurs en omwonenden hebben veel belang bij wat wij doen.",
                "Klanten willen CO2-gegevens per zending, chauffeurs minder wachttijd, bewoners "
                "een veilige schoolroute. Dat hoorden we in gesprekken, een enquête onder "
                "charters en een bewonersavond.",
                "Klimaat en verkeersveiligheid: de ambitie is hoog, maar we meten de uitstoot "
                "nog niet per rit en een deel van de trucks mist een afslagassistent.",
                "Milieu, arbeidsomstandigheden van chauffeurs en verkeersveiligheid.",
            ],
        ),
        "1.3": (
            DONE,
            "Eerste versie geschreven door Fatima en Ruud, daarna in de werkgroep aangescherpt.",
            None,
        ),  # answers: those of the mission and vision
        "1.4": (
            DONE,
            "Concept besproken in het chauffeursoverleg, in de OR en met Noordhoek. De "
            "reacties staan bij missie en visie.",
            [
                "De chauffeurs via het kwartaaloverleg, de ondernemingsraad, de directie en "
                "onze grootste klant.",
                "Voorgelezen in het chauffeursoverleg en de OR-vergadering; Noordhoek kreeg de "
                "tekst per mail, met een belafspraak.",
                "Grotendeels wel, maar chauffeurs vonden de eerste versie te veel over klanten "
                "gaan.",
                "De OR miste verkeersveiligheid en vond 2030 voor emissievrij rijden te vroeg.",
                "Elke reactie staat bij missie en visie, met wie, wanneer en of we hem verwerkten.",
            ],
        ),
        "1.5": (
            DONE,
            "Reacties verwerkt; de directie heeft de tekst vastgesteld in het MT-overleg.",
            [
                "Meer aandacht voor chauffeurs en verkeersveiligheid; emissievrij in de stad "
                "is 2035 geworden. Charters staan nu in de visie.",
                "Het idee om charters helemaal niet meer in te zetten laten we liggen: bij "
                "pieken hebben we ze nodig. We kiezen voor een gedragscode.",
                "Ja, Ruud Lexman heeft de tekst namens de directie vastgesteld.",
                "Iedereen die reageerde kreeg een korte mail of een toelichting in het "
                "chauffeursoverleg.",
                "Op de website, in de kantine en in het welkomstpakket voor nieuwe chauffeurs.",
            ],
        ),
        "2.1": (
            DONE,
            "Themakeuze vastgelegd bij Thema's en materialiteit; drie focusthema's.",
            [
                "Milieu, arbeidsomstandigheden, verkeersveiligheid, eerlijk zakendoen, "
                "klantinformatie en de gemeenschap rond ons terrein.",
                "Milieu: minder liters en meer HVO en elektrisch. Arbeid: werkdruk en "
                "rusttijden in balans. Verkeersveiligheid: geen ernstige ongevallen.",
                "Diesel is onze grootste kostenpost en bron van uitstoot, zonder chauffeurs "
                "geen transport, en één ongeluk raakt het hele bedrijf.",
                "Milieu en arbeid scoren hoog bij stakeholders én in impact; "
                "verkeersveiligheid vooral in impact. Zie de materialiteitsmatrix.",
                "Milieu, arbeidsomstandigheden en verkeersveiligheid.",
            ],
        ),
        "2.2": (
            DONE,
            "Elf KPI's gekozen. De meeste meten we per kwartaal uit de tankpassen, de "
            "boordcomputers en de HR-administratie.",
            [
                "CO2 per 100 km en dieselverbruik voor milieu, verzuim en rij- en rusttijden "
                "voor arbeid, schades en trucks met afslagassistent voor verkeersveiligheid.",
                "Kilo CO2 en liters per 100 km: lager is beter. Percentages getrainde "
                "chauffeurs en uitgeruste trucks: hoger is beter.",
                "Tankpassen, boordcomputers, tachograafanalyse, de verzuimregistratie van de "
                "arbodienst en de schaderegistratie. Elke KPI heeft een vaste definitie.",
                "Per kwartaal, behalve het verloop van chauffeurs: dat meten we per jaar.",
                "Sanne, Ruud en Fatima zijn eigenaar en voeren de cijfers in de eerste twee "
                "weken na het kwartaal in.",
            ],
        ),
        "2.3": (
            DONE,
            "Nulmeting over het laatste kwartaal vóór het plan. De CO2-opgave aan klanten "
            "heeft nog geen nulmeting.",
            [
                "Zie de KPI's van dit plan, bijvoorbeeld 104 kg CO2 per 100 km, 31,8 liter per "
                "100 km en 7,2% verzuim.",
                "Het laatste kwartaal vóór de eerste meting.",
                "Brandstof en schades zijn betrouwbaar; het verloop uit de oude HR-rapportage "
                "is een schatting.",
                "De CO2-opgave per zending: de module draait pas kort. Na een volledig jaar "
                "leggen we de nulmeting vast.",
            ],
        ),
        "2.4": (
            DONE,
            "Droombeelden verzameld in een sessie met chauffeurs, planning, werkplaats en "
            "directie, en gegroepeerd tot hoogstens drie doelen per thema.",
            [
                "De streefwaarde staat per KPI bij het doel, meestal voor eind volgend jaar.",
                "Ja: het zijn de eerste stappen richting emissievrij rijden in de stad.",
                "Bijna allemaal. Bij de CO2-opgave aan klanten ontbreekt nog een streefwaarde; "
                "die volgt na de nulmeting.",
                "Elk jaar een kort MVO-verslag op de website.",
                "Iedereen schreef droombeelden op; daarna koos ieder per thema de twee meest "
                "urgente acties.",
            ],
        ),
        "2.5": (
            DONE,
            "Ruim dertig acties op het kwartaalbord. Fatima El Amrani houdt het overzicht.",
            [
                "Planning (ritten, wachttijden), werkplaats (onderhoud, aanschaf), HR "
                "(opleiding, verzuim) en inkoop (brandstof, charters).",
                "Zuinig rijden trainen, HVO tanken, elektrische trucks, venstertijden met "
                "klanten, afslagassistenten en een gedragscode voor charters.",
                "Verdeeld over de drie planjaren, per kwartaal op het bord.",
                "Elke actie heeft één verantwoordelijke uit de werkgroep of de lijn.",
                "Budget en uren staan bij de actie. De elektrische trucks en de netaansluiting "
                "passen niet in het huidige budget: daarvoor loopt een investeringsaanvraag.",
                "Fatima El Amrani van planning.",
            ],
        ),
        "3.1": (
            DONE,
            "Werkgroep van vijf: planning, directie, werkplaats, een extern adviseur en de "
            "OR-voorzitter namens de chauffeurs.",
            [
                "Planning, directie, werkplaats en de chauffeurs via de OR.",
                "Fatima El Amrani van planning.",
                "Vier uur per maand voor de leden; de trekker een halve dag per week.",
                "Elke zes weken, en extra rond de kwartaalcijfers.",
            ],
        ),
        "3.2": (
            BUSY,
            "De directie rijdt mee op HVO-ritten; de doelen zijn besproken in het "
            "chauffeursoverleg. De weerstand tegen rapportages uit de boordcomputer is nog niet "
            "weg.",
            [
                "Ruud Lexman rijdt zelf elektrisch en gaat elk kwartaal een dag mee op de weg.",
                "Via het chauffeursoverleg en een ideeënbus in de kantine.",
                "Zuinig rijden bij de chauffeurs, wachttijden bij de planning, "
                "afslagassistenten bij de werkplaats.",
                "",
            ],
        ),
        "3.3": (
            BUSY,
            "Trainingen zuinig en veilig rijden lopen; de CO2-module wordt ingericht.",
            [
                "Zuinig en veilig rijden, werken met de boordcomputer, de dode hoek.",
                "Praktijktraining zuinig en veilig rijden en een dodehoekles met Veilig op Weg.",
                "",
                "",
            ],
        ),
    },
    "goals": [
        # key, theme, KPI name (None: a general goal), title, target, deadline (years from
        # now, or None), specific, acceptable, realistic
        (
            "co2",
            "iso-milieu",
            "CO2-uitstoot per 100 km",
            "Uitstoot per 100 km met een tiende omlaag",
            "92.0",
            1,
            "Van 104 naar 92 kg CO2e per 100 km met de eigen trucks.",
            "Directie en chauffeurs; Noordhoek vraagt erom.",
            "Zuinig rijden en HVO leveren samen al 8 tot 10 kg op, de eerste elektrische "
            "trucks de rest.",
        ),
        (
            "hvo",
            "iso-milieu",
            "Aandeel HVO en elektrisch in verreden km",
            "Een vijfde van de kilometers op HVO of elektrisch",
            "20.0",
            1,
            "Twintig procent van de kilometers van de eigen trucks op HVO of elektrisch.",
            "Directie en inkoop; de Streekbank financiert mee.",
            "HVO kan in de huidige trucks; de eigen pomp is al omgebouwd.",
        ),
        (
            "diesel",
            "iso-milieu",
            "Gemiddeld dieselverbruik",
            "Zuiniger rijden: 29,5 liter per 100 km",
            "29.5",
            1,
            "Het gemiddelde verbruik van de eigen trucks naar 29,5 liter per 100 km.",
            "De chauffeurs kozen dit doel zelf in de droombeeldensessie.",
            "Branchegenoten halen met training en bandenspanning 5 tot 8 procent minder.",
        ),
        (
            "verzuim",
            "iso-arbeid",
            "Ziekteverzuim",
            "Verzuim onder de zes procent",
            "6.0",
            1,
            "Het ziekteverzuim van alle medewerkers naar 6,0 procent.",
            "HR, de ondernemingsraad en de bedrijfsarts.",
            "Het kortdurend verzuim daalt al; het langdurend verzuim vraagt maatwerk.",
        ),
        (
            "verloop",
            "iso-arbeid",
            "Personeelsverloop chauffeurs",
            "Minder chauffeurs die vertrekken",
            "14.0",
            1,
            "Het verloop onder chauffeurs van 19 naar 14 procent per jaar.",
            "Directie en ondernemingsraad.",
            "Exitgesprekken laten zien dat werkdruk en wachttijd de hoofdredenen zijn; daar "
            "werken we aan.",
        ),
        (
            "rusttijden",
            "iso-arbeid",
            "Overschrijdingen rij- en rusttijden",
            "Overschrijdingen van rij- en rusttijden halveren",
            "6.0",
            1,
            "Van 12 naar 6 overschrijdingen per 1.000 ritten.",
            "Planning en chauffeurs samen.",
            "Rusttijden staan nu vooraf in de planning; de eerste kwartalen laten al een "
            "daling zien.",
        ),
        (
            "afslag",
            "Verkeersveiligheid",
            "Trucks met afslagassistent en 360°-camera",
            "Elke truck met afslagassistent en camera rondom",
            "100",
            1,
            "Alle trucks van het eigen wagenpark uitgerust.",
            "Werkplaats, chauffeurs en de gemeente.",
            "Nog een handvol trucks te gaan; het budget is gereserveerd.",
        ),
        (
            "schade",
            "Verkeersveiligheid",
            "Schadegevallen per miljoen km",
            "Minder schades, vooral bij het manoeuvreren",
            "6.5",
            1,
            "Van 9,6 naar 6,5 schades per miljoen kilometer.",
            "Chauffeurs, verzekeraar en directie.",
            "De meeste schades ontstaan bij het achteruit steken; daar richt de training zich op.",
        ),
        (
            "getraind",
            "Verkeersveiligheid",
            "Chauffeurs getraind in zuinig en veilig rijden",
            "Negen op de tien chauffeurs getraind",
            "90",
            0,
            "90 procent van de chauffeurs heeft de praktijktraining in de laatste drie jaar "
            "gevolgd.",
            "HR en de chauffeurs.",
            "De training valt onder de verplichte nascholing.",
        ),
        (
            "charters",
            "iso-eerlijk-zakendoen",
            "Charters met ondertekende gedragscode",
            "Charters tekenen onze gedragscode",
            "60",
            1,
            "Zestig procent van de vaste charters heeft de gedragscode getekend.",
            "Planning en de charters die meededen aan de enquête.",
            "De code is vereenvoudigd na hun reacties.",
        ),
        (  # deliberately not SMART yet: no target value or deadline, nothing on feasibility
            "co2klant",
            "iso-consumenten",
            "Klanten met CO2-rapportage per zending",
            "Klanten krijgen hun CO2-uitstoot per zending",
            None,
            None,
            "Alle vaste klanten krijgen per zending een CO2-opgave.",
            "Noordhoek en onze accountmanagers.",
            "",
        ),
        (
            "verslag",
            None,
            None,
            "Elk jaar een kort MVO-verslag op de website",
            None,
            0,
            "Een verslag van hoogstens vier pagina's: wat we bereikten, wat niet en waarom.",
            "Directie; klanten en de bank vragen erom.",
            "De kwartaalrapportage uit Koers levert de cijfers.",
        ),
    ],
    "wishes": [
        # theme, person (None: no account), department, text, goal key (None: not grouped)
        (
            "iso-milieu",
            "werkgroep",
            "Planning",
            "In de stad rijden we alleen nog elektrisch, zodat we overal binnen mogen.",
            "hvo",
        ),
        (
            "iso-milieu",
            "lezer",
            "Werkplaats",
            "Trucks zijn zuinig omdat ze goed onderhouden zijn: banden, uitlijning, spoilers.",
            "diesel",
        ),
        (
            "iso-milieu",
            None,
            "Chauffeurs",
            "Een beloning voor de zuinigste chauffeur van het kwartaal.",
            "diesel",
        ),
        (
            "iso-milieu",
            "directie",
            "Directie",
            "Klanten kiezen ons omdat we per rit laten zien hoeveel CO2 we uitstoten.",
            "co2",
        ),
        (
            "iso-milieu",
            "adviseur",
            "Extern adviseur",
            "Alle trucks op HVO zolang elektrisch nog niet kan.",
            "hvo",
        ),
        (
            "iso-arbeid",
            None,
            "Chauffeurs",
            "Nooit meer uren wachten bij het distributiecentrum.",
            "rusttijden",
        ),
        (
            "iso-arbeid",
            "werkgroep",
            "Planning",
            "De rusttijden liggen vast voordat de rit begint.",
            "rusttijden",
        ),
        (
            "iso-arbeid",
            "beheer",
            "Directie",
            "Minder verzuim doordat we eerder met elkaar in gesprek gaan.",
            "verzuim",
        ),
        (
            "iso-arbeid",
            "lezer",
            "Werkplaats",
            "Een kantine waar chauffeurs en werkplaats elkaar weer zien.",
            None,
        ),
        (
            "iso-arbeid",
            "directie",
            "Directie",
            "Chauffeurs blijven omdat ze hier het mooiste vak van de regio hebben.",
            "verloop",
        ),
        (
            "Verkeersveiligheid",
            None,
            "Chauffeurs",
            "Camera's rondom, zodat ik fietsers echt zie als ik afsla.",
            "afslag",
        ),
        (
            "Verkeersveiligheid",
            "adviseur",
            "Extern adviseur",
            "Geen truck van Lexman op de schoolroute als de kinderen fietsen.",
            "schade",
        ),
        (
            "Verkeersveiligheid",
            "lezer",
            "Werkplaats",
            "Elke schade bespreken zonder schuldvraag, zodat we ervan leren.",
            "schade",
        ),
        (
            "Verkeersveiligheid",
            "werkgroep",
            "Planning",
            "Elke chauffeur volgt om de drie jaar een praktijktraining veilig rijden.",
            "getraind",
        ),
    ],
    "actions": [
        action(
            "Praktijktraining zuinig rijden voor alle chauffeurs",
            "iso-milieu",
            "diesel",
            "beheer",
            "HR",
            -4,
            FINISHED,
            "12000",
            "240",
            note="Eerste groep van twintig chauffeurs getraind.",
        ),
        action(
            "Tweede trainingsronde zuinig rijden voor nieuwe chauffeurs",
            "iso-milieu",
            "diesel",
            "beheer",
            "HR",
            -1,
            RUNNING,
            "6000",
            "120",
            note="Acht van de vijftien nieuwe chauffeurs getraind; de rest volgt.",
        ),
        action(
            "HVO100 tanken aan de eigen pomp",
            "iso-milieu",
            "hvo",
            "directie",
            "Inkoop",
            -3,
            FINISHED,
            "3500",
            "16",
        ),
        action(
            "Tankpassen omzetten naar HVO-stations op vaste routes",
            "iso-milieu",
            "hvo",
            "werkgroep",
            "Planning",
            -2,
            FINISHED,
            None,
            "24",
        ),
        action(
            "Twee elektrische trucks voor stadsdistributie aanschaffen",
            "iso-milieu",
            "hvo",
            "directie",
            "Directie",
            1,
            PLANNED,
            "640000",
            "80",
            within=False,
            note="Investeringsaanvraag ingediend bij de Streekbank.",
            why="Vanaf volgend jaar geldt de zero-emissiezone in Havendam.",
        ),
        action(
            "Netaansluiting en laadplein op het terrein",
            "iso-milieu",
            "hvo",
            "directie",
            "Werkplaats",
            0,
            RUNNING,
            "180000",
            "60",
            within=False,
            note="De netbeheerder meldt een wachttijd van negen maanden.",
        ),
        action(
            "Elke week de bandenspanning controleren",
            "iso-milieu",
            "diesel",
            "beheer",
            "Werkplaats",
            -3,
            FINISHED,
            "800",
            "50",
        ),
        action(
            "Stationair draaien bij de poort verbieden en borden plaatsen",
            "iso-milieu",
            "co2",
            "werkgroep",
            "Planning",
            -1,
            PLANNED,
            "400",
            "6",
            why="Vraag van de bewoners van de Industrieweg.",
        ),
        action(
            "CO2-dashboard per truck in het transportsysteem",
            "iso-milieu",
            "co2",
            "adviseur",
            "ICT",
            0,
            RUNNING,
            "4500",
            "40",
        ),
        action(
            "Ritplanning optimaliseren voor minder lege kilometers",
            "iso-milieu",
            "co2",
            "werkgroep",
            "Planning",
            1,
            PLANNED,
            "9000",
            "120",
        ),
        action(
            "Venstertijden met de drie klanten met de langste wachttijden",
            "iso-arbeid",
            "rusttijden",
            "werkgroep",
            "Planning",
            -4,
            FINISHED,
            None,
            "30",
        ),
        action(
            "Rusttijden vooraf inplannen in het planningssysteem",
            "iso-arbeid",
            "rusttijden",
            "werkgroep",
            "Planning",
            -3,
            FINISHED,
            "2500",
            "60",
        ),
        action(
            "Maandelijks verzuimspreekuur met de bedrijfsarts",
            "iso-arbeid",
            "verzuim",
            "beheer",
            "HR",
            -2,
            RUNNING,
            "7200",
            "48",
            note="Spreekuur loopt; de evaluatie met de OR is nog niet gehouden.",
        ),
        action(
            "Vitaliteitsprogramma voor chauffeurs ouder dan 55",
            "iso-arbeid",
            "verzuim",
            "beheer",
            "HR",
            1,
            PLANNED,
            "15000",
            "60",
            within=False,
        ),
        action(
            "Exitgesprek met elke chauffeur die vertrekt",
            "iso-arbeid",
            "verloop",
            "beheer",
            "HR",
            -2,
            FINISHED,
            None,
            "20",
        ),
        action(
            "Mentor voor nieuwe chauffeurs in het eerste halfjaar",
            "iso-arbeid",
            "verloop",
            "werkgroep",
            "Planning",
            0,
            RUNNING,
            "3000",
            "100",
        ),
        action(
            "Vaste chauffeur op vaste routes waar dat kan",
            "iso-arbeid",
            "verloop",
            "werkgroep",
            "Planning",
            2,
            PLANNED,
            None,
            "40",
        ),
        action(
            "Kwartaaloverleg van chauffeurs met planning en directie",
            "iso-arbeid",
            "rusttijden",
            "directie",
            "Directie",
            0,
            RUNNING,
            None,
            "32",
        ),
        action(
            "Afslagassistent in de laatste twaalf trucks",
            "Verkeersveiligheid",
            "afslag",
            "beheer",
            "Werkplaats",
            -1,
            FINISHED,
            "30000",
            "96",
        ),
        action(
            "360°-camera's in de oudere trucks",
            "Verkeersveiligheid",
            "afslag",
            "beheer",
            "Werkplaats",
            -2,
            POSTPONED,
            "18000",
            "48",
            within=False,
            note="Uitgesteld: de leverancier levert pas over een kwartaal.",
        ),
        action(
            "Dodehoekles op basisscholen met Veilig op Weg",
            "Verkeersveiligheid",
            "schade",
            "adviseur",
            "Communicatie",
            1,
            PLANNED,
            "1500",
            "24",
        ),
        action(
            "Schoolroute mijden tussen half acht en half negen",
            "Verkeersveiligheid",
            "schade",
            "werkgroep",
            "Planning",
            0,
            PLANNED,
            None,
            "12",
            due=30,
            why="Toezegging aan de bewonersavond.",
        ),
        action(
            "Training achteruit steken en manoeuvreren op klantlocaties",
            "Verkeersveiligheid",
            "schade",
            "beheer",
            "HR",
            2,
            PLANNED,
            "5000",
            "80",
        ),
        action(
            "Schades elk kwartaal bespreken met de betrokken chauffeurs",
            "Verkeersveiligheid",
            "schade",
            "directie",
            "Directie",
            -3,
            CANCELLED,
            note="Geschrapt: opgenomen in de training manoeuvreren.",
        ),
        action(
            "Gedragscode voor charters vereenvoudigen",
            "iso-eerlijk-zakendoen",
            "charters",
            "werkgroep",
            "Inkoop",
            -3,
            FINISHED,
            None,
            "16",
        ),
        action(
            "Elk kwartaal een steekproef van de tachograafdata van charters",
            "iso-eerlijk-zakendoen",
            "charters",
            "werkgroep",
            "Planning",
            0,
            RUNNING,
            None,
            "24",
        ),
        action(
            "Eerlijke kilometertarieven bespreken bij de contractverlenging",
            "iso-eerlijk-zakendoen",
            "charters",
            "directie",
            "Directie",
            3,
            PLANNED,
            None,
            "16",
        ),
        action(
            "CO2-opgave per zending voor Noordhoek",
            "iso-consumenten",
            "co2klant",
            "adviseur",
            "ICT",
            -1,
            RUNNING,
            "2000",
            "30",
            due=-20,
            note="Eerste maandopgave verstuurd; de koppeling met hun portaal hapert nog.",
        ),
        action(
            "CO2-opgave uitrollen naar alle vaste klanten",
            "iso-consumenten",
            "co2klant",
            "adviseur",
            "ICT",
            3,
            PLANNED,
            "3500",
            "40",
        ),
        action(
            "Eerste MVO-verslag op de website",
            None,
            "verslag",
            "directie",
            "Communicatie",
            1,
            PLANNED,
            "2500",
            "40",
        ),
        action(
            "Bewoners laten weten wat we met hun vragen deden",
            "iso-gemeenschap",
            None,
            "werkgroep",
            "Communicatie",
            -1,
            PLANNED,
            None,
            "8",
        ),
        action(
            "Leerwerkplekken voor jonge chauffeurs via de beroepsopleiding",
            "iso-gemeenschap",
            None,
            "beheer",
            "HR",
            4,
            PLANNED,
            "8000",
            "200",
            within=False,
        ),
    ],
    "votes": [
        # voter, action title (two per voter and theme at most)
        ("werkgroep", "Twee elektrische trucks voor stadsdistributie aanschaffen"),
        ("werkgroep", "Ritplanning optimaliseren voor minder lege kilometers"),
        ("directie", "Twee elektrische trucks voor stadsdistributie aanschaffen"),
        ("directie", "Netaansluiting en laadplein op het terrein"),
        ("adviseur", "CO2-dashboard per truck in het transportsysteem"),
        ("werkgroep", "Schoolroute mijden tussen half acht en half negen"),
        ("beheer", "Schoolroute mijden tussen half acht en half negen"),
        ("beheer", "360°-camera's in de oudere trucks"),
        ("directie", "Vitaliteitsprogramma voor chauffeurs ouder dan 55"),
    ],
}

# --- AGV BV (agrofood) ---------------------------------------------------------------------

AGV_MISSION = [
    (
        350,
        Stage.DRAFT,
        "AGV BV teelt en verpakt verse groente en fruit van hoge kwaliteit voor supermarkten "
        "in Nederland.",
        "Wij willen duurzaam telen, zonder chemie en zonder verspilling.",
    ),
    (
        320,
        Stage.DRAFT,
        "AGV BV teelt, verpakt en levert verse groente en fruit uit eigen grond en van "
        "contracttelers in de regio. Wij zorgen voor gezond en veilig voedsel en gaan zuinig "
        "om met water en bodem.",
        "Over tien jaar telen wij helemaal zonder chemische middelen, gaat er geen goede "
        "groente meer verloren en zijn al onze verpakkingen recyclebaar.",
    ),
    (
        270,
        Stage.TESTED,
        "AGV BV teelt, verpakt en levert verse groente en fruit uit eigen grond en van "
        "contracttelers in de regio. Wij zorgen voor gezond en veilig voedsel, gaan zuinig om "
        "met water en bodem, verspillen zo weinig mogelijk van de oogst en bieden iedereen "
        "die bij ons werkt, ook in het seizoen, goed en veilig werk.",
        "Over tien jaar telen wij met zo min mogelijk chemische middelen, hergebruiken wij "
        "het meeste water en houden wij de sloten rond onze percelen schoon. Geen goede groente "
        "gaat meer verloren en onze verpakkingen zijn volledig recyclebaar. Seizoenskrachten "
        "komen elk jaar graag terug, omdat huisvesting, veiligheid en begeleiding op orde zijn.",
    ),
]

AGV = {
    "slug": "agv",
    "title": "MVO-plan AGV {period}",
    "method": Method.MVO_STEPS,
    "years": (-1, 1),
    "coordinator": "werkgroep",
    "description": (
        "MVO STEPS voor teelt, verpakking en handel. Focus op water en gewasbescherming, "
        "seizoenskrachten en voedselverspilling."
    ),
    "mission": AGV_MISSION,
    # Submitted two days ago: waiting for the director's approval.
    "approval": {
        "submitted": (
            "werkgroep",
            2,
            "Het plan is klaar voor jullie oordeel. Let vooral op de doelen voor water en "
            "gewasbescherming.",
        ),
    },
    "mission_answers": {
        "mission": [
            "Gezonde, veilige groente en fruit uit de regio, geteeld met zorg voor bodem en water.",
            "Water en bodem, gewasbescherming, goed werk voor seizoenskrachten, "
            "voedselverspilling en verpakkingen.",
            "Schoon water, minder verspilling van voedsel en eerlijk werk in de landbouw.",
            "Voor de consumenten die onze groente eten, voor onze telers en medewerkers en "
            "voor de buren in de polder.",
            "Wij leveren vers voedsel van dichtbij en bieden elk seizoen werk aan ruim honderd "
            "mensen.",
        ],
        "vision": [
            "De helft minder chemische middelen, het meeste water hergebruikt en geen goede "
            "groente meer weggegooid.",
            "Een teeltbedrijf dat telers, afnemers en het waterschap zien als voorbeeld in de "
            "regio.",
            "Volledig recyclebare verpakkingen en seizoenskrachten die elk jaar terugkomen.",
            "Dat goed voedsel alleen kan op gezonde grond, met mensen die goed behandeld worden.",
        ],
    },
    "feedback": [
        (
            "Ploegleiders oogst",
            310,
            "Seizoenskrachten komen niet voor in de tekst, terwijl zij in de zomer het grootste "
            "deel van het personeel zijn.",
        ),
        (
            "Waterschap Lage Landen",
            300,
            "Noem ook de waterkwaliteit, niet alleen het verbruik: daar spreken wij u op aan.",
        ),
        (
            "Henk van Dijk, directie",
            295,
            "Helemaal zonder chemie is voor sommige gewassen niet haalbaar. Schrijf liever zo "
            "min mogelijk.",
        ),
    ],
    "steps": {
        "1.1": (
            DONE,
            "Omgevingsanalyse in twee werksessies met teelt, inkoop, kwaliteit en directie.",
            [
                "Droge zomers, strengere normen voor water en middelen en de vraag naar "
                "seizoenskrachten raken ons direct. Wij raken de omgeving via de sloten, de "
                "bodem, het vervoer en de huisvesting van arbeidsmigranten.",
                "Grotere telers werken met druppelirrigatie en keurmerken voor huisvesting; "
                "een concurrent verkoopt al soepgroente van afwijkende maten.",
                "Milieu, arbeidsomstandigheden, eerlijk zakendoen met telers, "
                "consumentenaangelegenheden (voedselveiligheid) en de gemeenschap.",
                "Supermarkten eisen lagere residuen en recyclebare verpakkingen, de "
                "waterkwaliteit wordt strenger gecontroleerd en de regels voor huisvesting van "
                "arbeidsmigranten worden scherper.",
                "In de winter kopen we aan bij telers in Spanje en Marokko. Daar spelen "
                "waterschaarste en arbeidsomstandigheden op de bedrijven.",
            ],
        ),
        "1.2": (
            DONE,
            "Stakeholders in beeld en vijf dialogen gevoerd, waaronder een enquête onder "
            "seizoenskrachten.",
            [
                "Intern: vaste medewerkers, seizoenskrachten en de OR. Extern: GroenRijk en "
                "andere afnemers, contracttelers, Oogstwerk, het waterschap, de gemeente, de "
                "voedselbank en de omwonenden aan de Polderweg.",
                "GroenRijk en het waterschap hebben veel invloed; seizoenskrachten en "
                "omwonenden hebben veel belang bij ons werk.",
                "Afnemers willen lage residuen en betere verpakkingen, seizoenskrachten "
                "fatsoenlijke huisvesting, het waterschap schoon drainwater. Dat hoorden we in "
                "audits, een enquête en keukentafelgesprekken.",
                "Water en gewasbescherming: hoge ambitie, maar de metingen van het waterschap "
                "laten zien dat we er nog niet zijn.",
                "Milieu (water en middelen), seizoenskrachten en voedselverspilling.",
            ],
        ),
        "1.3": (DONE, "Eerste versie geschreven door Lotte en Marieke.", None),
        "1.4": (
            DONE,
            "Concept voorgelegd aan de ploegleiders, de directie en het waterschap.",
            [
                "De ploegleiders, de OR, de directie, het waterschap en twee contracttelers.",
                "Gesprekken met de ploegleiders en het waterschap, en een korte vragenlijst "
                "voor de telers.",
                "Ja, maar de seizoenskrachten ontbraken.",
                "Waterkwaliteit ontbrak; zonder chemie vond de directie te hoog gegrepen.",
                "Bij missie en visie: van wie, wanneer, wat en of het verwerkt is.",
            ],
        ),
        "1.5": (
            DONE,
            "Alle drie de reacties verwerkt; vastgesteld door de directie.",
            [
                "Seizoenskrachten en waterkwaliteit toegevoegd; zonder chemie is zo min "
                "mogelijk geworden.",
                "Geen: alle reacties zijn overgenomen.",
                "Ja, Henk van Dijk heeft de tekst vastgesteld.",
                "De ploegleiders hoorden het in het ploegoverleg, het waterschap per mail.",
                "Op de website, in het personeelshandboek en in de instructiemap voor "
                "seizoenskrachten, in vier talen.",
            ],
        ),
        "2.1": (
            DONE,
            "Drie focusthema's vastgesteld; verpakkingen werken we uit via circulair inkopen.",
            [
                "Milieu, arbeid, voedselverspilling, circulaire verpakkingen, "
                "voedselveiligheid, eerlijke handel met telers en de buurt.",
                "Milieu: minder middelen, minder en schoner water. Arbeid: veilig werk en goede "
                "huisvesting. Verspilling: alle goede groente benut.",
                "Zonder water en gezonde bodem geen teelt; zonder seizoenskrachten geen oogst; "
                "verspilling kost geld en voedsel.",
                "Milieu scoort het hoogst op beide assen; zie de materialiteitsmatrix.",
                "Milieu, arbeidsomstandigheden en voedselverspilling.",
            ],
        ),
        "2.2": (
            DONE,
            "Elf KPI's, de meeste per kwartaal uit de teeltregistratie, de watermeters en "
            "de weegbrug.",
            [
                "Middelen per hectare, water per ton en hergebruikt water; huisvesting, "
                "ongevallen en terugkeer; verspilling en donaties aan de voedselbank.",
                "Kilo's, kubieke meters en percentages; bij middelen, water en verspilling is "
                "lager beter.",
                "Teeltregistratie, watermeters, weegbrug, uitzendbureau en laboratorium. Elke "
                "KPI heeft een definitie en een bron.",
                "Per kwartaal; middelen en terugkeer per jaar, omdat het seizoensgebonden is.",
                "Marieke (kwaliteit), Henk (directie) en Lotte (inkoop).",
            ],
        ),
        "2.3": (
            DONE,
            "Nulmeting vastgelegd. Voor de certificaten van telers ontbreekt die nog.",
            [
                "Zie de KPI's van dit plan, bijvoorbeeld 2,40 m³ water per ton en 8,5% "
                "verspilling.",
                "Het laatste kwartaal, of het laatste jaar, vóór het plan.",
                "Water en verspilling zijn gemeten; de middelen zijn uit de spuitregistratie "
                "berekend.",
                "De certificaten van contracttelers: nog niet alle telers hebben hun papieren "
                "aangeleverd.",
            ],
        ),
        "2.4": (
            DONE,
            "Droombeelden opgehaald bij kwaliteit, productie, inkoop, teelt en directie; per "
            "thema hoogstens drie doelen.",
            [
                "Per KPI staat een streefwaarde bij het doel, meestal voor eind volgend jaar.",
                "Ja, het zijn tussenstappen naar de visie.",
                "Bijna allemaal; bij de certificaten van telers ontbreken nog de streefwaarde "
                "en de deadline.",
                "Een duurzaamheidsverslag op de website.",
                "In de droombeeldensessie, en via de ploegleiders bij de seizoenskrachten.",
            ],
        ),
        "2.5": (
            DONE,
            "Ruim dertig acties, verdeeld over teelt, productie, inkoop en directie.",
            [
                "Teelt (spuiten, beregenen), productie (wassen, sorteren), inkoop "
                "(verpakkingen, telers) en HR (seizoenskrachten).",
                "Mechanisch wieden, druppelirrigatie, drainwater opvangen, instructies in "
                "eigen taal, overschotten naar de voedselbank en nieuwe schalen.",
                "Per kwartaal op het bord, rekening houdend met het oogstseizoen.",
                "Elke actie heeft één verantwoordelijke.",
                "Het opvangbassin en de zuivering passen niet in het huidige budget; daarvoor "
                "loopt een subsidieaanvraag.",
                "Lotte Visser van inkoop.",
            ],
        ),
        "3.1": (
            DONE,
            "Werkgroep met inkoop, directie, kwaliteit, productie en een externe teeltbegeleider.",
            [
                "Inkoop, directie, kwaliteit, productie en teelt.",
                "Lotte Visser.",
                "Een dagdeel per maand, buiten het oogstseizoen meer.",
                "Elke maand, in de oogst om de zes weken.",
            ],
        ),
        "3.2": (
            BUSY,
            "Doelen besproken in het ploegoverleg; de directie geeft het voorbeeld bij de "
            "nieuwe huisvesting.",
            [
                "Henk van Dijk bezoekt elk seizoen zelf de huisvesting.",
                "Via de ploegleiders en een korte vragenlijst na elk seizoen.",
                "",
                "",
            ],
        ),
    },
    "goals": [
        (
            "middelen",
            "iso-milieu",
            "Inzet chemische gewasbeschermingsmiddelen",
            "Een kwart minder chemische middelen",
            "3.2",
            1,
            "Van 4,2 naar 3,2 kg werkzame stof per hectare op de eigen percelen.",
            "Teelt, kwaliteit en de omwonenden aan de Polderweg.",
            "Mechanisch wieden en biologische bestrijding werken al op de proefpercelen.",
        ),
        (
            "water",
            "iso-milieu",
            "Waterverbruik per ton product",
            "Water per ton naar 2,0 m³",
            "2.00",
            1,
            "Het waterverbruik per ton afgezet product naar 2,0 m³.",
            "Teelt en het waterschap.",
            "Druppelirrigatie en bodemsensoren besparen samen zo'n vijftien procent.",
        ),
        (
            "hergebruik",
            "iso-milieu",
            "Hergebruikt drain- en proceswater",
            "De helft van het water hergebruiken",
            "50",
            1,
            "Vijftig procent van het water opvangen, zuiveren en opnieuw gebruiken.",
            "Directie en waterschap.",
            "Kan alleen met het grotere opvangbassin; de vergunning is aangevraagd.",
        ),
        (
            "huisvesting",
            "iso-arbeid",
            "Seizoenskrachten in gecertificeerde huisvesting",
            "Alle seizoenskrachten in keurmerkhuisvesting",
            "100",
            1,
            "Elke seizoenskracht die via AGV woont, woont in huisvesting met een keurmerk.",
            "Directie, Oogstwerk en de OR.",
            "Het laatste huis zonder keurmerk is afgestoten.",
        ),
        (
            "ongevallen",
            "iso-arbeid",
            "Arbeidsongevallen met verzuim",
            "Arbeidsongevallen halveren",
            "3",
            1,
            "Van zes naar drie ongevallen met verzuim per kwartaal.",
            "Kwaliteit, ploegleiders en de preventiemedewerker.",
            "De meeste ongevallen gebeuren bij de oogstmachine; daar richten we ons op.",
        ),
        (
            "terugkeer",
            "iso-arbeid",
            "Seizoenskrachten die terugkeren",
            "Meer seizoenskrachten komen terug",
            "55",
            1,
            "55 procent van de seizoenskrachten werkte het jaar ervoor ook bij ons.",
            "Productie en het uitzendbureau.",
            "De enquête laat zien dat huisvesting en begeleiding doorslaggevend zijn.",
        ),
        (
            "verspilling",
            "Voedselverspilling",
            "Voedselverspilling",
            "Verspilling van de oogst naar 5,5 procent",
            "5.5",
            1,
            "Van 8,5 naar 5,5 procent van de oogst die niet als voedsel wordt benut.",
            "Telers, verkoop en de voedselbank.",
            "Soep- en snijgroente en de voedselbank nemen samen het grootste deel af.",
        ),
        (
            "voedselbank",
            "Voedselverspilling",
            "Overschotten naar de voedselbank",
            "3.000 kilo per kwartaal naar de voedselbank",
            "3000",
            0,
            "Elk kwartaal minstens 3.000 kilo groente naar de Voedselbank Akkerveld.",
            "Planning en de voedselbank.",
            "Met een week vooraf melden kan de voedselbank dit aan.",
        ),
        (
            "verpakking",
            "pianoo-circulair",
            "Recyclebare verpakkingen",
            "Vier vijfde van de verpakkingen recyclebaar",
            "80",
            1,
            "Tachtig procent van het gewicht aan verpakkingen is monomateriaal dat in "
            "Nederland wordt gerecycled.",
            "Inkoop, GroenRijk en de verpakkingsleverancier.",
            "De nieuwe schalen zijn ontworpen; de matrijs komt eraan.",
        ),
        (
            "residu",
            "iso-consumenten",
            "Partijen met residu boven de helft van de norm",
            "Residuen ruim onder de norm",
            "2.0",
            1,
            "Hoogstens twee procent van de partijen boven de helft van de wettelijke norm.",
            "Kwaliteit en GroenRijk.",
            "Minder middelen en extra analyses per partij maken dit haalbaar.",
        ),
        (  # deliberately not SMART yet: no target value or deadline
            "telers",
            "iso-eerlijk-zakendoen",
            "Contracttelers met certificaat voor goede landbouw- en arbeidspraktijk",
            "Contracttelers werken gecertificeerd",
            None,
            None,
            "Alle contracttelers hebben een certificaat met een sociale module.",
            "",
            "",
        ),
        (
            "verslag",
            None,
            None,
            "Een duurzaamheidsverslag op de website",
            None,
            1,
            "Een verslag over water, middelen, seizoenskrachten en verspilling, met wat "
            "lukte en wat niet.",
            "Directie; GroenRijk vraagt erom.",
            "De cijfers komen uit de kwartaalrapportages.",
        ),
    ],
    "wishes": [
        (
            "iso-milieu",
            "beheer",
            "Kwaliteit",
            "Het waterschap meet niets meer in de sloot naast ons perceel.",
            "hergebruik",
        ),
        (
            "iso-milieu",
            "lezer",
            "Productie",
            "Water dat we één keer oppompen, gebruiken we drie keer.",
            "hergebruik",
        ),
        (
            "iso-milieu",
            None,
            "Teelt",
            "Schoffelen met de machine in plaats van spuiten, waar het kan.",
            "middelen",
        ),
        (
            "iso-milieu",
            "adviseur",
            "Extern adviseur",
            "Beregenen alleen als de bodem erom vraagt.",
            "water",
        ),
        (
            "iso-milieu",
            "directie",
            "Directie",
            "Een polder waar de bijen weer terugkomen.",
            "middelen",
        ),
        (
            "iso-arbeid",
            None,
            "Seizoenskrachten",
            "Niet meer met z'n vieren op één kamer.",
            "huisvesting",
        ),
        (
            "iso-arbeid",
            "lezer",
            "Productie",
            "Instructies die iedereen begrijpt, in de eigen taal.",
            "ongevallen",
        ),
        (
            "iso-arbeid",
            "werkgroep",
            "Inkoop",
            "Elk jaar dezelfde ploeg terug, omdat het hier goed geregeld is.",
            "terugkeer",
        ),
        (
            "iso-arbeid",
            "beheer",
            "Kwaliteit",
            "Geen ongelukken meer bij de oogstmachine.",
            "ongevallen",
        ),
        (
            "iso-arbeid",
            "directie",
            "Directie",
            "Seizoenskrachten voelen zich welkom in het dorp.",
            None,
        ),
        (
            "Voedselverspilling",
            None,
            "Teelt",
            "Krom of klein is ook lekker: verkoop het als soepgroente.",
            "verspilling",
        ),
        (
            "Voedselverspilling",
            "werkgroep",
            "Inkoop",
            "De voedselbank weet een week vooraf wat er komt.",
            "voedselbank",
        ),
        (
            "Voedselverspilling",
            "lezer",
            "Productie",
            "We werken niets meer onder wat nog goed is.",
            "verspilling",
        ),
        (
            "Voedselverspilling",
            "adviseur",
            "Extern adviseur",
            "Samen met telers en afnemer beter voorspellen wat er nodig is.",
            "verspilling",
        ),
    ],
    "actions": [
        action(
            "Mechanisch wieden op de eigen percelen",
            "iso-milieu",
            "middelen",
            "beheer",
            "Teelt",
            -3,
            FINISHED,
            "45000",
            "120",
            within=False,
            note="Schoffelmachine met camerasturing aangeschaft.",
        ),
        action(
            "Spuitvrije strook van tien meter langs de Polderweg",
            "iso-milieu",
            "middelen",
            "beheer",
            "Teelt",
            -4,
            FINISHED,
            "2000",
            "24",
        ),
        action(
            "Spuitmomenten een dag vooraf melden in de appgroep",
            "iso-milieu",
            "middelen",
            "werkgroep",
            "Teelt",
            -3,
            FINISHED,
            None,
            "10",
            why="Afspraak uit de keukentafelgesprekken met omwonenden.",
        ),
        action(
            "Proef met biologische bestrijding in de kas",
            "iso-milieu",
            "middelen",
            "beheer",
            "Teelt",
            0,
            RUNNING,
            "8000",
            "60",
        ),
        action(
            "Druppelirrigatie op twee percelen",
            "iso-milieu",
            "water",
            "directie",
            "Teelt",
            -2,
            FINISHED,
            "28000",
            "80",
        ),
        action(
            "Bodemvochtsensoren koppelen aan de beregening",
            "iso-milieu",
            "water",
            "adviseur",
            "Teelt",
            -1,
            RUNNING,
            "6500",
            "40",
            note="Sensoren geplaatst; de koppeling met de pompen werkt nog niet.",
        ),
        action(
            "Opvangbassin voor drainwater uitbreiden",
            "iso-milieu",
            "hergebruik",
            "directie",
            "Directie",
            1,
            POSTPONED,
            "120000",
            "100",
            within=False,
            note="Wacht op de vergunning van het waterschap.",
        ),
        action(
            "Zuivering voor waswater",
            "iso-milieu",
            "hergebruik",
            "directie",
            "Productie",
            3,
            PLANNED,
            "85000",
            "60",
            within=False,
        ),
        action(
            "Drainwater meten samen met het waterschap",
            "iso-milieu",
            "hergebruik",
            "beheer",
            "Kwaliteit",
            -1,
            PLANNED,
            None,
            "16",
        ),
        action(
            "Keurmerkhuisvesting afspreken met Oogstwerk",
            "iso-arbeid",
            "huisvesting",
            "directie",
            "Directie",
            -4,
            FINISHED,
            None,
            "20",
        ),
        action(
            "Huis aan de Dorpsstraat afstoten en vervangen",
            "iso-arbeid",
            "huisvesting",
            "directie",
            "Directie",
            -3,
            FINISHED,
            "15000",
            "40",
            within=False,
        ),
        action(
            "Elke maand de huisvesting controleren met het uitzendbureau",
            "iso-arbeid",
            "huisvesting",
            "werkgroep",
            "Inkoop",
            0,
            RUNNING,
            None,
            "36",
        ),
        action(
            "Veiligheidsinstructies in het Pools, Roemeens en Engels",
            "iso-arbeid",
            "ongevallen",
            "beheer",
            "Kwaliteit",
            -3,
            FINISHED,
            "1800",
            "24",
        ),
        action(
            "Extra instructie en afscherming bij de oogstmachine",
            "iso-arbeid",
            "ongevallen",
            "beheer",
            "Productie",
            -1,
            RUNNING,
            "9500",
            "40",
            due=-10,
            note="Afscherming besteld; de instructie is gegeven aan twee van de drie ploegen.",
        ),
        action(
            "Ploegleiders trainen als aanspreekpunt voor veiligheid",
            "iso-arbeid",
            "ongevallen",
            "beheer",
            "Productie",
            1,
            PLANNED,
            "4000",
            "64",
        ),
        action(
            "Terugkeerpremie voor seizoenskrachten",
            "iso-arbeid",
            "terugkeer",
            "directie",
            "Directie",
            2,
            PLANNED,
            "24000",
            "10",
            within=False,
        ),
        action(
            "Evaluatiegesprek met elke ploeg aan het eind van het seizoen",
            "iso-arbeid",
            "terugkeer",
            "werkgroep",
            "Productie",
            -1,
            FINISHED,
            None,
            "20",
        ),
        action(
            "Fietsen en een vaste bus naar de huisvesting",
            "iso-arbeid",
            "terugkeer",
            "werkgroep",
            "Inkoop",
            4,
            PLANNED,
            "6000",
            "12",
        ),
        action(
            "Elke week overschotten melden aan de voedselbank",
            "Voedselverspilling",
            "voedselbank",
            "werkgroep",
            "Planning",
            -2,
            FINISHED,
            None,
            "26",
        ),
        action(
            "Koelcel reserveren voor donaties",
            "Voedselverspilling",
            "voedselbank",
            "beheer",
            "Productie",
            -1,
            FINISHED,
            "3500",
            "12",
        ),
        action(
            "Afzet voor soep- en snijgroente met twee telers",
            "Voedselverspilling",
            "verspilling",
            "directie",
            "Verkoop",
            0,
            RUNNING,
            "12000",
            "80",
        ),
        action(
            "Oogstprognose verbeteren met de grootste afnemer",
            "Voedselverspilling",
            "verspilling",
            "werkgroep",
            "Verkoop",
            1,
            PLANNED,
            None,
            "40",
        ),
        action(
            "Restpartijen vergisten in plaats van onderwerken",
            "Voedselverspilling",
            "verspilling",
            "beheer",
            "Productie",
            2,
            CANCELLED,
            note="Geschrapt: eerst benutten als voedsel, vergisten pas als laatste stap.",
        ),
        action(
            "Zwarte plastic schalen vervangen door transparant monomateriaal",
            "pianoo-circulair",
            "verpakking",
            "werkgroep",
            "Inkoop",
            -1,
            RUNNING,
            "15000",
            "40",
            within=False,
            due=-5,
            note="Wacht op de nieuwe matrijs.",
        ),
        action(
            "Dunnere folie voor de komkommers",
            "pianoo-circulair",
            "verpakking",
            "werkgroep",
            "Inkoop",
            1,
            PLANNED,
            None,
            "16",
        ),
        action(
            "Trays van gerecycled karton testen",
            "pianoo-circulair",
            "verpakking",
            "adviseur",
            "Inkoop",
            3,
            PLANNED,
            "2500",
            "24",
        ),
        action(
            "Extra residuanalyse per partij",
            "iso-consumenten",
            "residu",
            "beheer",
            "Kwaliteit",
            -4,
            FINISHED,
            "9000",
            "30",
        ),
        action(
            "Etiket met teler en teeltwijze",
            "iso-consumenten",
            None,
            "werkgroep",
            "Verkoop",
            2,
            PLANNED,
            "3000",
            "30",
        ),
        action(
            "Certificaten van alle contracttelers verzamelen",
            "iso-eerlijk-zakendoen",
            "telers",
            "werkgroep",
            "Inkoop",
            0,
            RUNNING,
            None,
            "40",
        ),
        action(
            "Betaaltermijn voor telers naar veertien dagen",
            "iso-eerlijk-zakendoen",
            "telers",
            "directie",
            "Directie",
            2,
            PLANNED,
        ),
        action(
            "Duurzaamheidsverslag schrijven en publiceren",
            None,
            "verslag",
            "directie",
            "Directie",
            3,
            PLANNED,
            "4000",
            "60",
        ),
        action(
            "Bloemrand en insectenhotel langs de Polderweg",
            "iso-gemeenschap",
            None,
            "adviseur",
            "Teelt",
            -2,
            PLANNED,
            "1200",
            "16",
        ),
    ],
    "votes": [
        ("werkgroep", "Bodemvochtsensoren koppelen aan de beregening"),
        ("werkgroep", "Opvangbassin voor drainwater uitbreiden"),
        ("beheer", "Opvangbassin voor drainwater uitbreiden"),
        ("beheer", "Proef met biologische bestrijding in de kas"),
        ("adviseur", "Bodemvochtsensoren koppelen aan de beregening"),
        ("werkgroep", "Extra instructie en afscherming bij de oogstmachine"),
        ("werkgroep", "Terugkeerpremie voor seizoenskrachten"),
        ("directie", "Extra instructie en afscherming bij de oogstmachine"),
    ],
}

# --- Gemeente Voorbeeld (MVOI) -------------------------------------------------------------

GEMEENTE = {
    "slug": "gemeente-voorbeeld",
    "title": "MVOI-actieplan {period}",
    "method": Method.MVOI,
    "years": (-2, 1),
    "coordinator": "inkoper",
    "description": (
        "Actieplan maatschappelijk verantwoord opdrachtgeven en inkopen, op basis van het "
        "Manifest MVOI. Het MVOI-team komt elk kwartaal bij elkaar."
    ),
    "steps": {
        "1": (
            DONE,
            "Beleidsstukken doorgenomen, acht interviews met inkopers en budgethouders en een "
            "werksessie met het MVOI-team.",
            [
                "Het inkoopbeleid noemt duurzaamheid en social return; het klimaatplan mikt op "
                "klimaatneutraal in 2040. Concrete inkoopdoelen ontbraken.",
                "Social return wordt bij grote opdrachten standaard gevraagd; bij klimaat en "
                "circulair hangt het af van de projectleider.",
                "Een gedeeld beeld: de meeste kansen liggen bij GWW, vervoer, energie en "
                "bedrijfskleding.",
                "Klimaat 2 (pilots), circulair 2, social return 3 (verbreding), "
                "ketenverantwoordelijkheid 1 (afweging).",
                "De circulaire aanbesteding van kantoormeubilair en het emissieloze "
                "maaimaterieel bij groenbeheer.",
            ],
        ),
        "2": (
            DONE,
            "Vier van de zes thema's gekozen als focus; milieu en diversiteit lopen door zonder "
            "focus.",
            [
                "Klimaat, circulair, social return en ketenverantwoordelijkheid.",
                "Daar zit de grootste hefboom van ons inkoopvolume, en ze sluiten aan bij het "
                "klimaatplan en het collegeprogramma.",
                "Milieu en diversiteit passen we toe waar het al gebeurt, zonder extra doelen.",
                "Klimaat 2, circulair 2, social return 3, ketenverantwoordelijkheid 1.",
                "Klimaat 4, circulair 3, social return 4, ketenverantwoordelijkheid 3.",
            ],
        ),
        "3": (
            DONE,
            "Doelen vastgesteld door het managementteam.",
            [
                "75% in het tweede planjaar, 80% in het derde en 85% in het laatste jaar.",
                "Naar 100% van de kansrijke aanbestedingen in 2030.",
                "Klimaat: emissieloos materieel als standaard in de GWW. Circulair: hergebruik "
                "vragen bij meubilair en kleding. Social return: geborgd en gecontroleerd. "
                "Keten: internationale sociale voorwaarden bij ICT, kleding en natuursteen.",
                "Ja, als elk teamlid vier uur per week krijgt en er budget is voor de "
                "spendanalyse.",
                "Elk kwartaal tellen we op de aanbestedingskalender hoeveel kansrijke "
                "aanbestedingen MVOI-criteria vroegen.",
            ],
        ),
        # Steps 4-7 come back every year: under way.
        "4": (
            BUSY,
            "De kalender van dit en volgend jaar staat in Koers; we werken hem elk kwartaal bij.",
            [],
        ),
        "5": (BUSY, "De borging is beschreven; de borgingsacties lopen nog.", []),
        "6": (BUSY, "De jaarplanning van dit jaar staat per team en kwartaal klaar.", []),
        "7": (
            BUSY,
            "Vorig jaar is geëvalueerd; de evaluatie van dit jaar volgt na het vierde kwartaal.",
            [],
        ),
    },
    "goals": [
        (
            f"aandeel{i}",
            None,
            None,
            "MVOI-criteria in {pct}% van de kansrijke aanbestedingen in {year}".replace(
                "{pct}", pct
            ),
            None,
            years,
            "In {pct}% van de kansrijke aanbestedingen op de aanbestedingskalender vragen we "
            "MVOI-criteria op één of meer focusthema's.".replace("{pct}", pct),
            "MVOI-team, inkoop en de budgethouders; vastgesteld door het managementteam.",
            "Het percentage groeit stap voor stap naar 100% in 2030.",
        )
        for i, (pct, years) in enumerate([("75", -1), ("80", 0), ("85", 1)])
    ]
    + [
        (
            "sroi",
            None,
            None,
            "Social return geborgd in de standaarddocumenten",
            None,
            0,
            "Social return staat in het startdocument en de standaardcontracten, met een "
            "vaste controle op nakoming door het Werkbedrijf.",
            "Inkoop en het Werkbedrijf.",
            "De tekst is al in gebruik bij grote opdrachten.",
        )
    ],
    "wishes": [],
    "actions": [
        action(
            "Kwartaaloverleg van het MVOI-team",
            None,
            None,
            "inkoper",
            "MVOI-team",
            0,
            RUNNING,
            None,
            "48",
        ),
        action(
            "MVOI opnemen in het startdocument van elke aanbesteding",
            None,
            "sroi",
            "beheer",
            "Inkoop",
            -2,
            FINISHED,
            None,
            "16",
        ),
        action(
            "Kennissessie MVOI voor budgethouders en projectleiders",
            None,
            None,
            "inkoper",
            "Interne communicatie",
            1,
            PLANNED,
            "1500",
            "12",
        ),
        action(
            "Voortgangsnotitie MVOI aan de directie bij de voorjaarsnota",
            None,
            None,
            "budgethouder",
            "Directie en management",
            -1,
            PLANNED,
            None,
            "8",
        ),
        action(
            "Standaardevaluatie na elke kansrijke aanbesteding",
            None,
            None,
            "inkoper",
            "Projectleiders",
            -3,
            FINISHED,
            None,
            "20",
        ),
        action(
            "Spendanalyse per productgroep bijwerken",
            None,
            None,
            "beheer",
            "Inkoop",
            2,
            PLANNED,
            "6000",
            "40",
            within=False,
            note="Extern bureau nodig; budget nog niet gereserveerd.",
        ),
        action(
            "Praktijkvoorbeeld emissieloos materieel in de GWW delen op intranet",
            "mvoi-klimaat",
            None,
            "inkoper",
            "Interne communicatie",
            1,
            PLANNED,
            None,
            "6",
        ),
    ],
    "votes": [],
}

PLANS = [LEXMAN, AGV, GEMEENTE]


# --- Seeding -------------------------------------------------------------------------------


def _theme(org, key):
    """An organisation theme by framework theme code or own theme name (None: no theme)."""
    if key is None:
        return None
    return OrgTheme.objects.filter(organisation=org).get(
        Q(framework_theme__code=key) | Q(framework_theme__isnull=True, own_name=key)
    )


def _moment(today, days_ago):
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(10, 0)))


def _quarter(today, offset):
    """The (year, quarter) ``offset`` quarters from today's."""
    year, quarter = current_quarter(today)
    index = year * 4 + quarter - 1 + offset
    return index // 4, index % 4 + 1


def _seed_steps(plan, spec, people, mission_answers, today):
    coordinator = people[spec["coordinator"]]
    for plan_step in plan.steps.select_related("step"):
        if plan_step.step.code not in spec["steps"]:
            continue
        status, notes, answers = spec["steps"][plan_step.step.code]
        if answers is None:  # step 1.3: the answers of the mission and vision
            answers = mission_answers["mission"] + mission_answers["vision"]
        plan_step.status, plan_step.notes, plan_step.answers = status, notes, answers
        plan_step.updated_by = coordinator
        plan_step.updated_at = _moment(today, 400 - 20 * plan_step.step.order)
        plan_step.save(update_fields=["status", "notes", "answers", "updated_by", "updated_at"])


def _seed_mission(plan, spec, people, today):
    """The mission and vision through the services, so each change is a kept version:
    drafts, reactions, getoetst, the processed reactions, definitief."""
    user = people[spec["coordinator"]]
    mission_vision = MissionVision.objects.get(plan=plan)
    moments = []
    for days_ago, stage, mission, vision in spec["mission"]:
        if stage == Stage.TESTED:  # the reactions come in, then the stage moves on
            for given_by, fb_days_ago, comment in spec["feedback"]:
                Feedback.objects.create(
                    mission_vision=mission_vision,
                    given_by=given_by,
                    given_on=today - timedelta(days=fb_days_ago),
                    comment=comment,
                )
            services.change_stage(mission_vision, Stage.TESTED, user)
            moments.append(days_ago + 15)
            mission_vision.refresh_from_db()
            mission_vision.feedback.update(processed=True)
        mission_vision.mission, mission_vision.vision = mission, vision
        mission_vision.answers = spec["mission_answers"]
        mission_vision.version += 1
        mission_vision.save(update_fields=["mission", "vision", "answers", "version"])
        services.save_mission_vision(mission_vision, user)
        moments.append(days_ago)
    services.change_stage(mission_vision, Stage.FINAL, user)
    moments.append(spec["mission"][-1][0] - 10)
    for number, days_ago in enumerate(moments, start=1):
        mission_vision.versions.filter(number=number).update(created_at=_moment(today, days_ago))
    MissionVision.objects.filter(pk=mission_vision.pk).update(
        updated_at=_moment(today, moments[-1])
    )


def _seed_goals(plan, spec, today):
    org = plan.organisation
    kpis = {k.name: k for k in Kpi.objects.for_org(org)}
    goals = {}
    for key, theme, kpi, title, target, years, specific, acceptable, realistic in spec["goals"]:
        goals[key] = Goal.objects.create(
            organisation=org,
            plan=plan,
            kind=GoalKind.THEME if kpi else GoalKind.GENERAL,
            title=title.replace("{year}", str(today.year + (years or 0))),
            theme=_theme(org, theme),
            kpi=kpis.get(kpi),
            target_value=Decimal(target) if target else None,
            deadline=date(today.year + years, 12, 31) if years is not None else None,
            specific=specific,
            acceptable=acceptable,
            realistic=realistic,
            created_at=_moment(today, 200),
        )
    return goals


def _seed_wishes(plan, spec, people, goals, today):
    for i, (theme, person, department, text, goal) in enumerate(spec["wishes"]):
        Wish.objects.create(
            organisation=plan.organisation,
            plan=plan,
            theme=_theme(plan.organisation, theme),
            text=text,
            author=people[person] if person else None,
            department=department,
            goal=goals[goal] if goal else None,
            created_at=_moment(today, 230 - i),
        )


def _seed_actions(plan, spec, people, goals, today):
    actions = {}
    for row in spec["actions"]:
        year, quarter = _quarter(today, row["quarter"])
        actions[row["title"]] = Action.objects.create(
            organisation=plan.organisation,
            plan=plan,
            title=row["title"],
            why=row["why"],
            goal=goals[row["goal"]] if row["goal"] else None,
            theme=_theme(plan.organisation, row["theme"]),
            responsible=people[row["who"]],
            team=row["team"],
            planned_year=year,
            planned_quarter=quarter,
            due_date=today + timedelta(days=row["due"]) if row["due"] is not None else None,
            budget=Decimal(row["budget"]) if row["budget"] else None,
            hours=Decimal(row["hours"]) if row["hours"] else None,
            within_budget=row["within"],
            status=row["status"],
            progress_notes=row["note"],
            created_at=_moment(today, 190),
        )
    _date_completions(actions.values(), today)
    for voter, title in spec["votes"]:
        chosen = actions[title]
        UrgentVote.objects.get_or_create(
            voter=people[voter],
            action=chosen,
            defaults={
                "organisation": plan.organisation,
                "plan": plan,
                "theme_id": chosen.theme_id,
            },
        )


def _date_completions(actions, today):
    """A finished demo action was finished in its planned quarter, not on the day the demo
    was made: its history says so (two weeks before that quarter's end, never before it was
    created or after yesterday), so the quarterly report's "afgerond in" reads true."""
    for action in actions:
        if action.status != FINISHED or not action.planned_year:
            continue
        day = quarter_end(action.planned_year, action.planned_quarter) - timedelta(days=14)
        day = min(max(day, action.created_at.date() + timedelta(days=1)), today - timedelta(days=1))
        moment = timezone.make_aware(datetime.combine(day, time(16, 0)))
        Action.history.filter(id=action.pk).update(history_date=moment)


def _seed_plan(org, spec, today):
    users = get_user_model().objects
    people = {key: users.get(email__iexact=email) for key, email in PEOPLE[spec["slug"]].items()}
    first, last = (today.year + offset for offset in spec["years"])
    plan = services.create_plan(
        Plan(
            organisation=org,
            title=spec["title"].format(period=f"{first}–{last}"),
            method=spec["method"],
            start_year=first,
            end_year=last,
            coordinator=people[spec["coordinator"]],
            description=spec["description"],
            created_at=_moment(today, 420),
        ),
        people[spec["coordinator"]],
    )
    plan.themes.set(OrgTheme.objects.for_org(org))
    plan.kpis.set(Kpi.objects.for_org(org))
    mission_answers = spec.get("mission_answers")
    _seed_steps(plan, spec, people, mission_answers, today)
    if spec["method"] == Method.MVO_STEPS:
        _seed_mission(plan, spec, people, today)
    goals = _seed_goals(plan, spec, today)
    _seed_wishes(plan, spec, people, goals, today)
    _seed_actions(plan, spec, people, goals, today)
    if spec.get("approval"):
        _seed_approval(plan, spec["approval"], people, goals, today)
    return plan


def _seed_approval(plan, spec, people, goals, today):
    """The plan through the approval services (submitted, perhaps approved and changed
    since), then dated like the rest of the demo. The notifications this makes stay in the
    app: the demo mails nobody about something that happened weeks ago."""

    def role(user):
        return Membership.objects.get(organisation=plan.organisation, user=user).role

    with transaction.atomic():
        who, submitted_ago, comment = spec["submitted"]
        submitter = people[who]
        submit = approval.submit_plan(plan, submitter, role(submitter), comment)
        PlanTransition.objects.filter(pk=submit.pk).update(at=_moment(today, submitted_ago))
        Plan.objects.filter(pk=plan.pk).update(submitted_at=_moment(today, submitted_ago))
        plan.refresh_from_db()
        if "approved" in spec:
            who, approved_ago, comment = spec["approved"]
            manager = people[who]
            version = approval.approve_plan(plan, manager, role(manager), comment)
            plan.transitions.filter(version=version).update(at=_moment(today, approved_ago))
            # Dated once, as it is made; the version itself is never changed afterwards.
            PlanVersion.objects.filter(pk=version.pk).update(
                approved_at=_moment(today, approved_ago)
            )
        if "change" in spec:
            change = spec["change"]
            goal = goals[change["goal"]]
            goal.target_value = Decimal(change["target"])
            goal.realistic = change["realistic"]
            goal.version += 1
            goal._history_user = people[change["by"]]  # who simple-history records
            goal.save(update_fields=["target_value", "realistic", "version"])
            plan.transitions.filter(kind=TransitionKind.CHANGED).update(
                at=_moment(today, change["days_ago"])
            )
            record = goal.history.order_by("-history_id").first()
            goal.history.filter(history_id=record.history_id).update(
                history_date=_moment(today, change["days_ago"])
            )
        for step in plan.transitions.all():
            Notification.objects.filter(event=f"plan-transition:{step.pk}").update(
                created_at=step.at, mail_status=MailStatus.NONE
            )


def seed(demo):
    """Add the demo plans once per organisation, dated relative to today. Later runs keep
    what users changed."""
    today = timezone.localdate()
    for spec in PLANS:
        org = demo.organisations[spec["slug"]]
        if Plan.objects.for_org(org).exists():
            continue
        _seed_plan(org, spec, today)
