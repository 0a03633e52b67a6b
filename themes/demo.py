"""Demo themes: the theme choices of Lexman BV, AGV BV and Gemeente Voorbeeld.

Each row is one organisation theme: ``theme`` is a framework theme code (see frameworks.py) or,
for an own theme, its name (``own=True``). ``sdgs`` lists the linked SDG numbers; left out, the
framework theme's default SDGs are linked. Scores are (importance, impact); ambition is
(current, target) or None. Idempotent: rows are keyed on organisation + theme.
"""

from .models import FrameworkTheme, OrgTheme

THEMES = {
    "lexman": [
        {
            "theme": "iso-milieu",
            "focus": True,
            "scores": (5, 5),
            "ambition": (2, 4),
            "sdgs": [7, 11, 13],
            "rationale": (
                "Onze vrachtwagens rijden samen ruim vier miljoen kilometer per jaar. Diesel is "
                "onze grootste kostenpost én onze grootste bron van CO2-uitstoot. Klanten vragen "
                "steeds vaker om uitstootgegevens per zending, en gemeenten voeren "
                "zero-emissiezones in. Zuiniger rijden, HVO tanken en de eerste elektrische "
                "trucks zijn daarom zowel goed voor het klimaat als voor onze toekomst."
            ),
        },
        {
            "theme": "iso-arbeid",
            "focus": True,
            "scores": (5, 4),
            "ambition": (2, 4),
            "sdgs": [3, 8],
            "rationale": (
                "Zonder chauffeurs geen transport. Lange dagen, nachtwerk, tijdsdruk bij het "
                "laden en lossen en weinig contact met collega's maken het vak zwaar. Het "
                "verzuim en het verloop liggen bij ons hoger dan we willen. Een gezonde "
                "werkdruk, goede rusttijden en aandacht voor ontwikkeling houden mensen binnen "
                "en maken ons aantrekkelijk op een krappe arbeidsmarkt."
            ),
        },
        {
            "theme": "Verkeersveiligheid",
            "own": True,
            "focus": True,
            "scores": (4, 5),
            "ambition": (3, 4),
            "sdgs": [3, 11],
            "rationale": (
                "Een ongeluk met een vrachtwagen heeft grote gevolgen: voor fietsers en "
                "voetgangers, voor onze chauffeurs en voor de naam van het bedrijf. Onze "
                "trucks rijden dagelijks door woonwijken en langs schoolroutes. "
                "Verkeersveiligheid staat niet als apart onderwerp in ISO 26000, maar is voor "
                "ons zo wezenlijk dat we er een eigen thema van maken."
            ),
        },
        {
            "theme": "iso-eerlijk-zakendoen",
            "focus": False,
            "scores": (3, 3),
            "ambition": (1, 3),
            "sdgs": [8, 16],
            "rationale": (
                "Bij piekdrukte zetten we charters in. Een deel van die onderaannemers werkt met "
                "buitenlandse chauffeurs tegen lage tarieven. We willen zeker weten dat zij zich "
                "houden aan de regels voor rij- en rusttijden, cabotage en beloning, en dat wij "
                "zelf eerlijke tarieven betalen."
            ),
        },
        {
            "theme": "iso-consumenten",
            "focus": False,
            "scores": (4, 2),
            "ambition": None,
            "sdgs": [12],
            "rationale": (
                "Klanten willen betrouwbare leveringen en steeds vaker ook inzicht in de "
                "uitstoot van hun zendingen voor hun eigen rapportage. Eerlijke en "
                "controleerbare informatie daarover wordt een voorwaarde om opdrachten te "
                "houden."
            ),
        },
        {
            "theme": "iso-gemeenschap",
            "focus": False,
            "scores": (2, 2),
            "ambition": (2, 2),
            "sdgs": [4, 11],
            "rationale": (
                "We zijn een familiebedrijf met een lange geschiedenis in de regio. We leiden "
                "jonge chauffeurs op via de beroepsopleiding en willen een goede buur zijn voor "
                "de bewoners rond ons terrein aan de Industrieweg."
            ),
        },
    ],
    "agv": [
        {
            "theme": "iso-milieu",
            "focus": True,
            "scores": (5, 5),
            "ambition": (2, 4),
            "sdgs": [6, 12, 15],
            "rationale": (
                "Wij telen en verpakken groente op eigen grond en bij contracttelers. "
                "Gewasbeschermingsmiddelen en het gebruik van water hebben direct invloed op "
                "bodem, grondwater en biodiversiteit in de polder. Het waterschap, omwonenden en "
                "onze afnemers letten hier scherp op, en droge zomers maken zuinig watergebruik "
                "ook voor onszelf noodzakelijk."
            ),
        },
        {
            "theme": "iso-arbeid",
            "focus": True,
            "scores": (4, 4),
            "ambition": (2, 4),
            "sdgs": [3, 8, 10],
            "rationale": (
                "In het oogstseizoen werken er meer seizoenskrachten dan vaste medewerkers bij "
                "ons, vooral arbeidsmigranten via een uitzendbureau. Hun huisvesting, "
                "veiligheid, werktijden en begrijpelijke instructies zijn onze "
                "verantwoordelijkheid, ook als zij niet bij ons in dienst zijn. Goede "
                "omstandigheden zorgen er ook voor dat ervaren mensen volgend jaar terugkomen."
            ),
        },
        {
            "theme": "Voedselverspilling",
            "own": True,
            "focus": True,
            "scores": (4, 4),
            "ambition": (2, 3),
            "sdgs": [2, 12],
            "rationale": (
                "Een deel van de oogst haalt de eisen van de supermarkt niet: te klein, te krom "
                "of een overschot als de vraag tegenvalt. Dat is zonde van het voedsel en van "
                "alle water, energie en arbeid die erin zitten. We maken er een eigen thema van "
                "omdat het precies raakt aan wat wij als voedselproducent te bieden hebben."
            ),
        },
        {
            "theme": "pianoo-circulair",
            "focus": False,
            "scores": (4, 3),
            "ambition": (2, 3),
            "sdgs": [12],
            "rationale": (
                "Wij kopen jaarlijks tonnen plastic schalen, folie en dozen in. Afnemers en "
                "consumenten willen minder en beter recyclebaar verpakkingsmateriaal. Omdat het "
                "vooral een inkoopvraag is, werken we dit thema uit als circulair inkopen van "
                "verpakkingen, samen met onze leveranciers."
            ),
        },
        {
            "theme": "iso-consumenten",
            "focus": False,
            "scores": (5, 3),
            "ambition": None,
            "sdgs": [3, 12],
            "rationale": (
                "Consumenten moeten erop kunnen vertrouwen dat onze groente veilig is. "
                "Residuen van gewasbeschermingsmiddelen blijven ruim onder de wettelijke norm, "
                "en etiketten geven eerlijke informatie over herkomst en teeltwijze."
            ),
        },
        {
            "theme": "iso-eerlijk-zakendoen",
            "focus": False,
            "scores": (3, 3),
            "ambition": (2, 3),
            "sdgs": [8, 12],
            "rationale": (
                "Onze contracttelers zijn vaak kleine familiebedrijven. Een eerlijke prijs, "
                "betaling op tijd en heldere afspraken over certificering en "
                "arbeidsomstandigheden op hun bedrijf horen bij een duurzame samenwerking."
            ),
        },
        {
            "theme": "iso-gemeenschap",
            "focus": False,
            "scores": (2, 2),
            "ambition": None,
            "sdgs": [2, 11],
            "rationale": (
                "We willen een goede buur zijn in het dorp: rekening houden met omwonenden bij "
                "spuiten en transport, en lokale initiatieven zoals de voedselbank steunen."
            ),
        },
    ],
    "gemeente-voorbeeld": [
        {
            "theme": "mvoi-klimaat",
            "focus": True,
            "scores": (5, 5),
            "ambition": (2, 4),
            "rationale": (
                "De gemeente wil in 2040 klimaatneutraal zijn. Een groot deel van onze uitstoot "
                "zit in wat we inkopen: energie, vervoer, gebouwen en werken in de openbare "
                "ruimte. Hier ligt de grootste hefboom van ons inkoopvolume."
            ),
        },
        {
            "theme": "mvoi-circulair",
            "focus": True,
            "scores": (4, 4),
            "ambition": (2, 3),
            "rationale": (
                "Het college heeft circulair werken als speerpunt benoemd. Bij meubilair, "
                "bedrijfskleding en grond-, weg- en waterbouw zijn er al goede ervaringen met "
                "hergebruik en terugname; die willen we breder toepassen."
            ),
        },
        {
            "theme": "mvoi-social-return",
            "focus": True,
            "scores": (4, 5),
            "ambition": (3, 4),
            "rationale": (
                "Social return passen we al jaren toe bij grotere opdrachten. Het werkt en wordt "
                "gedragen, maar de afspraken worden nog niet overal nagekomen en gecontroleerd. "
                "We willen de aanpak borgen in de standaarddocumenten en de monitoring."
            ),
        },
        {
            "theme": "mvoi-keten",
            "focus": True,
            "scores": (3, 4),
            "ambition": (1, 3),
            "rationale": (
                "Bij ICT-hardware, bedrijfskleding en natuursteen bestaat een reëel risico op "
                "misstanden verderop in de keten. Tot nu toe vragen we hier zelden naar. We "
                "beginnen met internationale sociale voorwaarden in de kansrijke aanbestedingen "
                "van deze productgroepen."
            ),
        },
        {
            "theme": "mvoi-milieu",
            "focus": False,
            "scores": (3, 3),
            "ambition": (2, 2),
            "rationale": (
                "Bij groenbeheer en schoonmaak vragen we al om milieuvriendelijke middelen en "
                "aandacht voor biodiversiteit. Dat zetten we voort, zonder extra focus in deze "
                "planperiode."
            ),
        },
        {
            "theme": "mvoi-diversiteit",
            "focus": False,
            "scores": (2, 2),
            "ambition": (1, 2),
            "rationale": (
                "Diversiteit en inclusie krijgt vooral aandacht in ons eigen personeelsbeleid. "
                "In opdrachten zoeken we waar het kan de aansluiting bij social return."
            ),
        },
    ],
}


def _sdgs(row, framework_theme):
    """The SDGs to link: the row's own list, else the framework theme's defaults."""
    if "sdgs" not in row:
        return list(framework_theme.sdgs.all())
    return list(FrameworkTheme.objects.sdgs().filter(number__in=row["sdgs"]))


def _seed_theme(org, row):
    importance, impact = row["scores"]
    current, target = row["ambition"] or (None, None)
    values = {
        "rationale": row["rationale"],
        "importance": importance,
        "impact": impact,
        "is_focus": row["focus"],
        "ambition_current": current,
        "ambition_target": target,
    }
    if row.get("own"):
        framework_theme = None
        org_theme, _created = OrgTheme.objects.update_or_create(
            organisation=org, framework_theme=None, own_name=row["theme"], defaults=values
        )
    else:
        framework_theme = FrameworkTheme.objects.get(code=row["theme"])
        org_theme, _created = OrgTheme.objects.update_or_create(
            organisation=org, framework_theme=framework_theme, defaults={**values, "own_name": ""}
        )
    org_theme.sdgs.set(_sdgs(row, framework_theme))


def seed(demo):
    """Add the demo themes once per organisation; later runs keep what users changed."""
    for slug, rows in THEMES.items():
        org = demo.organisations[slug]
        if OrgTheme.objects.for_org(org).exists():
            continue
        for row in rows:
            _seed_theme(org, row)
