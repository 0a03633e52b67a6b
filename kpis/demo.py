"""Demo KPIs of Lexman BV and AGV BV, with baseline, targets and measurements.

All dates are relative to today, so the demo looks the same in any year:
- ``values`` are the measurements, oldest first; the last one is for the last completed period
  (quarter, or calendar year for a yearly KPI). The baseline is dated at the end of the period
  just before the first value.
- ``older``: one measurement for the period before the baseline (does not count for progress).
- ``targets``: (years from now, value), dated 31 December of that year; a negative number of
  years gives a target that already lies in the past.
- ``baseline`` None: a new KPI without a nulmeting yet (status "geen data").
The values are chosen so that each organisation shows every status as of any date: the
target path at the latest measurement lies between 50% and 62% of the way to the first
upcoming target; "op koers" KPIs are at ~70% or more, "achter" KPIs at ~40% or less.
Idempotent: KPIs are keyed on organisation + name, targets on date, measurements on period;
targets and measurements of a demo KPI that fall outside the current plan are removed.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from themes.models import OrgTheme

from .models import Direction, Frequency, Kpi, Measurement, Target, current_quarter, quarter_end

UP, DOWN = Direction.HIGHER, Direction.LOWER
QUARTER, YEAR = Frequency.QUARTERLY, Frequency.YEARLY

KPIS = {
    "lexman": [
        {
            "theme": "iso-milieu",
            "name": "CO2-uitstoot per 100 km",
            "unit": "kg CO2e/100 km",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "directie@lexman.example",
            "definition": (
                "Uitstoot van bron tot wiel (well-to-wheel) van alle eigen trucks, gedeeld door "
                "de verreden kilometers, maal 100. HVO telt met de lagere emissiefactor. "
                "Charters tellen niet mee."
            ),
            "source": "Tankpasadministratie en boordcomputers (FMS)",
            "baseline": "104.0",
            "targets": [(1, "92.0"), (2, "85.0")],
            "values": ["103.1", "102.4", "101.0", "99.8", "98.9", "97.0", "96.2", "95.1"],
        },
        {
            "theme": "iso-milieu",
            "name": "Gemiddeld dieselverbruik",
            "unit": "liter/100 km",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "beheer@lexman.example",
            "definition": (
                "Getankte liters diesel en HVO van de eigen trucks gedeeld door de verreden "
                "kilometers, maal 100. Elektrische trucks tellen niet mee."
            ),
            "source": "Tankpasadministratie en boordcomputers (FMS)",
            "baseline": "31.8",
            "targets": [(1, "29.5"), (2, "28.5")],
            "values": ["31.9", "31.2", "31.5", "31.0", "31.4", "30.9", "31.3", "31.1"],
            "note": "Nieuwe chauffeurs hebben de cursus zuinig rijden nog niet gevolgd.",
        },
        {
            "theme": "iso-milieu",
            "name": "Aandeel HVO en elektrisch in verreden km",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "directie@lexman.example",
            "definition": (
                "Kilometers gereden op HVO of elektrisch, als percentage van alle kilometers "
                "van de eigen trucks."
            ),
            "source": "Tankpasadministratie en laadpaalregistratie",
            "baseline": "3.0",
            "targets": [(1, "20.0"), (2, "35.0")],
            "values": ["3.5", "4.2", "6.0", "7.8", "9.5", "11.0", "13.8", "15.6"],
        },
        {
            "theme": "Verkeersveiligheid",
            "name": "Chauffeurs getraind in zuinig en veilig rijden",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "beheer@lexman.example",
            "definition": (
                "Chauffeurs in vaste dienst die in de afgelopen drie jaar de praktijktraining "
                "zuinig en veilig rijden hebben afgerond, als percentage van alle chauffeurs."
            ),
            "source": "Opleidingsregistratie HR (code 95)",
            "baseline": "35",
            "targets": [(1, "90")],
            "values": ["38", "45", "52", "61", "70", "78", "86", "93"],
        },
        {
            "theme": "iso-arbeid",
            "name": "Ziekteverzuim",
            "unit": "%",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "beheer@lexman.example",
            "definition": (
                "Verzuimdagen als percentage van de beschikbare werkdagen van alle medewerkers "
                "in het kwartaal, zonder zwangerschapsverlof."
            ),
            "source": "Verzuimregistratie van de arbodienst",
            "baseline": "7.2",
            "targets": [(1, "6.0"), (2, "5.0")],
            "values": ["7.5", "6.9", "6.6", "7.4", "7.8", "7.0", "6.8", "7.1"],
            "note": "Twee langdurig zieke chauffeurs; re-integratie loopt.",
        },
        {
            "theme": "iso-arbeid",
            "name": "Personeelsverloop chauffeurs",
            "unit": "%",
            "direction": DOWN,
            "frequency": YEAR,
            "owner": "beheer@lexman.example",
            "definition": (
                "Chauffeurs die in het jaar uit dienst gingen (exclusief pensioen), als "
                "percentage van het gemiddeld aantal chauffeurs in dat jaar."
            ),
            "source": "Personeelsadministratie",
            "baseline": "19.0",
            "targets": [(1, "14.0"), (2, "12.0")],
            "values": ["18.2", "16.9", "15.4"],
            "older": "21.5",
            "older_note": "Cijfer uit een oude HR-rapportage, van vóór de nulmeting.",
        },
        {
            "theme": "iso-arbeid",
            "name": "Overschrijdingen rij- en rusttijden",
            "unit": "per 1.000 ritten",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "werkgroep@lexman.example",
            "definition": (
                "Overschrijdingen van de wettelijke rij- en rusttijden volgens de "
                "tachograafdata, per 1.000 ritten van eigen chauffeurs."
            ),
            "source": "Tachograafanalyse in het planningssysteem",
            "baseline": "12.0",
            "targets": [(1, "6.0")],
            "values": ["11.4", "10.2", "9.5", "8.1", "7.6", "6.9", "6.2", "5.4"],
        },
        {
            "theme": "Verkeersveiligheid",
            "name": "Schadegevallen per miljoen km",
            "unit": "aantal/mln km",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "directie@lexman.example",
            "definition": (
                "Alle schades met een eigen truck waarvoor een schadeformulier is ingevuld, "
                "ongeacht schuld, per miljoen verreden kilometers."
            ),
            "source": "Schaderegistratie en verzekeraar",
            "baseline": "9.6",
            "targets": [(-1, "8.0"), (1, "6.5")],
            "values": ["9.8", "9.1", "9.4", "8.7", "8.9", "8.3", "8.8", "8.5"],
            "note": "Vooral schades bij het achteruit steken op klantlocaties.",
        },
        {
            "theme": "Verkeersveiligheid",
            "name": "Trucks met afslagassistent en 360°-camera",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "directie@lexman.example",
            "definition": (
                "Trucks in het eigen wagenpark met een afslagassistent en een camerasysteem "
                "rondom, als percentage van alle trucks."
            ),
            "source": "Wagenparkbeheer werkplaats",
            "baseline": "40",
            "targets": [(1, "100")],
            "values": ["45", "50", "60", "70", "80", "90", "100", "100"],
        },
        {
            "theme": "iso-eerlijk-zakendoen",
            "name": "Charters met ondertekende gedragscode",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "werkgroep@lexman.example",
            "definition": (
                "Vaste charterbedrijven die de gedragscode voor onderaannemers hebben "
                "ondertekend, als percentage van alle charters met een ritopdracht in het "
                "kwartaal."
            ),
            "source": "Contractenregister planning",
            "baseline": "15",
            "targets": [(1, "60"), (2, "90")],
            "values": ["15", "18", "25", "31", "36", "41", "45", "48"],
        },
        {
            "theme": "iso-consumenten",
            "name": "Klanten met CO2-rapportage per zending",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "werkgroep@lexman.example",
            "definition": (
                "Vaste klanten die per zending een CO2-opgave ontvangen, als percentage van "
                "alle vaste klanten. De nulmeting volgt na het eerste volledige jaar."
            ),
            "source": "Rapportagemodule transportmanagementsysteem",
            "baseline": None,
            "targets": [(1, "50")],
            "values": ["8", "12"],
        },
    ],
    "agv": [
        {
            "theme": "iso-milieu",
            "name": "Inzet chemische gewasbeschermingsmiddelen",
            "unit": "kg werkzame stof/ha",
            "direction": DOWN,
            "frequency": YEAR,
            "owner": "beheer@agv.example",
            "definition": (
                "Kilo's werkzame stof van chemische middelen op de eigen percelen, gedeeld "
                "door het geteelde areaal. Biologische middelen tellen niet mee."
            ),
            "source": "Spuitregistratie in het teeltregistratiesysteem",
            "baseline": "4.2",
            "targets": [(1, "3.2"), (2, "2.8")],
            "values": ["4.0", "3.8", "3.5"],
            "older": "4.6",
            "older_note": "Schatting op basis van inkoopfacturen, van vóór de nulmeting.",
        },
        {
            "theme": "iso-milieu",
            "name": "Waterverbruik per ton product",
            "unit": "m³/ton",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "beheer@agv.example",
            "definition": (
                "Opgepompt grond- en oppervlaktewater plus leidingwater voor beregening, "
                "wassen en koelen, gedeeld door de tonnen afgezet product."
            ),
            "source": "Watermeters en verkoopadministratie",
            "baseline": "2.40",
            "targets": [(1, "2.00"), (2, "1.80")],
            "values": ["2.45", "2.36", "2.31", "2.28", "2.22", "2.18", "2.15", "2.10"],
        },
        {
            "theme": "iso-milieu",
            "name": "Hergebruikt drain- en proceswater",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "beheer@agv.example",
            "definition": (
                "Opgevangen drainwater en waswater dat na zuivering opnieuw wordt gebruikt, als "
                "percentage van het totale waterverbruik."
            ),
            "source": "Watermeters zuiveringsinstallatie",
            "baseline": "28",
            "targets": [(1, "50"), (2, "65")],
            "values": ["28", "29", "31", "30", "32", "33", "32", "34"],
            "note": "Uitbreiding van het opvangbassin is uitgesteld tot na de vergunning.",
        },
        {
            "theme": "iso-arbeid",
            "name": "Seizoenskrachten in gecertificeerde huisvesting",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "directie@agv.example",
            "definition": (
                "Seizoenskrachten die wonen in huisvesting met een geldig keurmerk voor "
                "huisvesting van arbeidsmigranten, als percentage van alle seizoenskrachten "
                "die via AGV gehuisvest zijn."
            ),
            "source": "Opgave uitzendbureau, gecontroleerd met het keurmerkregister",
            "baseline": "68",
            "targets": [(1, "100")],
            "values": ["70", "72", "80", "85", "92", "95", "100", "100"],
        },
        {
            "theme": "iso-arbeid",
            "name": "Arbeidsongevallen met verzuim",
            "unit": "aantal",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "beheer@agv.example",
            "definition": (
                "Ongevallen op het werk waarna de medewerker of seizoenskracht minstens één dag "
                "niet kon werken, inclusief ingeleende krachten."
            ),
            "source": "Ongevallenregister preventiemedewerker",
            "baseline": "6",
            "targets": [(1, "3"), (2, "2")],
            "values": ["7", "5", "6", "4", "6", "5", "4", "5"],
            "note": "Drie ongevallen met de oogstmachine; extra instructie volgt.",
        },
        {
            "theme": "iso-arbeid",
            "name": "Seizoenskrachten die terugkeren",
            "unit": "%",
            "direction": UP,
            "frequency": YEAR,
            "owner": "werkgroep@agv.example",
            "definition": (
                "Seizoenskrachten van dit jaar die ook het jaar ervoor bij AGV werkten, als "
                "percentage van alle seizoenskrachten van dit jaar."
            ),
            "source": "Urenregistratie uitzendbureau",
            "baseline": "42",
            "targets": [(1, "55"), (2, "60")],
            "values": ["44", "47", "51"],
        },
        {
            "theme": "Voedselverspilling",
            "name": "Voedselverspilling",
            "unit": "% van de oogst",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "directie@agv.example",
            "definition": (
                "Geoogst product dat niet als voedsel wordt benut (vernietigd, vergist of "
                "ondergewerkt), als percentage van de totale oogst in kilo's. Donaties aan de "
                "voedselbank en verwerking tot soep tellen als benut."
            ),
            "source": "Weegbrug en afvalregistratie",
            "baseline": "8.5",
            "targets": [(-1, "7.0"), (1, "5.5")],
            "values": ["8.4", "8.1", "7.9", "7.5", "7.2", "6.9", "6.6", "6.2"],
        },
        {
            "theme": "Voedselverspilling",
            "name": "Overschotten naar de voedselbank",
            "unit": "kg/kwartaal",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "werkgroep@agv.example",
            "definition": (
                "Kilo's groente die in het kwartaal aan de voedselbank zijn geleverd, volgens "
                "de afleverbonnen."
            ),
            "source": "Afleverbonnen voedselbank",
            "baseline": "1200",
            "targets": [(1, "3000")],
            "values": ["1300", "1650", "1900", "2200", "2500", "2800", "3100", "3350"],
        },
        {
            "theme": "pianoo-circulair",
            "name": "Recyclebare verpakkingen",
            "unit": "% van het gewicht",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "werkgroep@agv.example",
            "definition": (
                "Ingekochte verpakkingen van monomateriaal dat in Nederland gerecycled wordt, "
                "als percentage van het totale gewicht aan ingekochte verpakkingen."
            ),
            "source": "Inkoopadministratie en specificaties van leveranciers",
            "baseline": "55",
            "targets": [(1, "80"), (2, "95")],
            "values": ["55", "56", "58", "60", "61", "61", "63", "64"],
            "note": "Overstap op nieuwe schalen wacht op de oplevering van de nieuwe matrijs.",
        },
        {
            "theme": "iso-consumenten",
            "name": "Partijen met residu boven de helft van de norm",
            "unit": "%",
            "direction": DOWN,
            "frequency": QUARTER,
            "owner": "beheer@agv.example",
            "definition": (
                "Geanalyseerde partijen met een residu van een gewasbeschermingsmiddel boven "
                "50% van de wettelijke maximale residulimiet, als percentage van alle "
                "geanalyseerde partijen."
            ),
            "source": "Laboratoriumuitslagen residuanalyses",
            "baseline": "6.0",
            "targets": [(1, "2.0")],
            "values": ["5.5", "4.8", "4.0", "3.5", "3.0", "2.4", "2.1", "1.8"],
        },
        {
            "theme": "iso-eerlijk-zakendoen",
            "name": "Contracttelers met certificaat voor goede landbouw- en arbeidspraktijk",
            "unit": "%",
            "direction": UP,
            "frequency": QUARTER,
            "owner": "werkgroep@agv.example",
            "definition": (
                "Contracttelers met een geldig certificaat voor goede landbouwpraktijk met een "
                "aanvullende sociale module, als percentage van alle contracttelers. Nieuw: "
                "de nulmeting volgt zodra alle telers hun certificaten hebben aangeleverd."
            ),
            "source": "Leveranciersdossiers inkoop",
            "baseline": None,
            "targets": [(2, "100")],
            "values": ["62"],
        },
    ],
}


def _shift(year, quarter, back):
    """The quarter ``back`` quarters before (year, quarter)."""
    index = year * 4 + quarter - 1 - back
    return index // 4, index % 4 + 1


def _periods(frequency, count, today, before=0):
    """``count`` periods (year, quarter) ending ``before`` periods before the last completed."""
    if frequency == Frequency.YEARLY:
        last = today.year - 1 - before
        return [(year, None) for year in range(last - count + 1, last + 1)]
    year, quarter = _shift(*current_quarter(today), 1 + before)
    return [_shift(year, quarter, back) for back in range(count - 1, -1, -1)]


def plan(spec, today):
    """Baseline, targets and measurements of one KPI spec as of ``today`` (no database)."""
    values = [Decimal(v) for v in spec["values"]]
    periods = _periods(spec["frequency"], len(values), today)
    measurements = [(period, value, "") for period, value in zip(periods, values, strict=True)]
    if spec.get("note"):
        period, value, _note = measurements[-1]
        measurements[-1] = (period, value, spec["note"])
    baseline = None
    if spec["baseline"] is not None:
        base_period = _periods(spec["frequency"], 1, today, before=len(values))[0]
        baseline = (quarter_end(*base_period), Decimal(spec["baseline"]))
        if spec.get("older"):
            older_period = _periods(spec["frequency"], 1, today, before=len(values) + 1)[0]
            measurements.insert(0, (older_period, Decimal(spec["older"]), spec["older_note"]))
    targets = [(date(today.year + years, 12, 31), Decimal(v)) for years, v in spec["targets"]]
    return baseline, targets, measurements


def _theme(org, key):
    """An organisation theme by framework theme code or own theme name."""
    return OrgTheme.objects.filter(organisation=org).get(
        Q(framework_theme__code=key) | Q(framework_theme__isnull=True, own_name=key)
    )


def _entered_at(period_end, today):
    """A plausible moment of entry: about two weeks after the period, never in the future."""
    day = min(period_end + timedelta(days=14), today)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _seed_kpi(org, spec, today):
    user = get_user_model().objects.get(email__iexact=spec["owner"])
    baseline, targets, measurements = plan(spec, today)
    kpi, _created = Kpi.objects.update_or_create(
        organisation=org,
        name=spec["name"],
        defaults={
            "theme": _theme(org, spec["theme"]),
            "unit": spec["unit"],
            "direction": spec["direction"],
            "frequency": spec["frequency"],
            "owner": user,
            "definition": spec["definition"],
            "data_source": spec["source"],
            "baseline_date": baseline[0] if baseline else None,
            "baseline_value": baseline[1] if baseline else None,
        },
    )
    for target_date, value in targets:
        Target.objects.update_or_create(kpi=kpi, date=target_date, defaults={"value": value})
    kpi.targets.exclude(date__in=[d for d, _v in targets]).delete()
    keep = []
    for (year, quarter), value, note in measurements:
        measurement, _created = Measurement.objects.update_or_create(
            kpi=kpi,
            year=year,
            quarter=quarter,
            defaults={
                "value": value,
                "note": note,
                "entered_by": user,
                "entered_at": _entered_at(quarter_end(year, quarter), today),
            },
        )
        keep.append(measurement.pk)
    kpi.measurements.exclude(pk__in=keep).delete()


def seed(demo):
    """Add the demo KPIs once per organisation, dated relative to today. Later runs keep
    what users changed (reset the database for a fresh demo: make reset-local-db)."""
    today = timezone.localdate()
    for slug, specs in KPIS.items():
        org = demo.organisations[slug]
        if Kpi.objects.for_org(org).exists():
            continue
        for spec in specs:
            _seed_kpi(org, spec, today)
