"""Theme frameworks and MVOI ambition levels, shipped as plain data.

Pure Python (no Django imports) so it can be used by migrations, seed commands and tests.
All descriptions are the team's own wording.
"""

FRAMEWORKS = [  # in display order
    {
        "code": "iso26000",
        "name_nl": "ISO 26000",
        "name_en": "ISO 26000",
        "description_nl": (
            "Internationale richtlijn voor maatschappelijk verantwoord ondernemen, ingedeeld in "
            "zeven kernonderwerpen. Bruikbaar voor elk type organisatie dat zijn MVO-beleid op "
            "een brede basis wil zetten."
        ),
        "description_en": (
            "International guidance on social responsibility, organised in seven core subjects. "
            "Useful for any type of organisation that wants to give its CSR policy a broad basis."
        ),
        "themes": [
            {
                "code": "iso-bestuur",
                "name_nl": "Behoorlijk bestuur",
                "name_en": "Organisational governance",
                "description_nl": (
                    "Hoe de organisatie besluiten neemt en verantwoording aflegt: heldere rollen, "
                    "transparantie, integriteit en het meewegen van belanghebbenden bij keuzes."
                ),
                "description_en": (
                    "How the organisation takes decisions and accounts for them: clear roles, "
                    "transparency, integrity and weighing stakeholders' interests in its choices."
                ),
                "sdgs": [16],
            },
            {
                "code": "iso-mensenrechten",
                "name_nl": "Mensenrechten",
                "name_en": "Human rights",
                "description_nl": (
                    "Respect voor mensenrechten in de eigen organisatie en bij zakenpartners: "
                    "risico's vooraf onderzoeken, niet discrimineren en medeplichtigheid aan "
                    "misstanden voorkomen."
                ),
                "description_en": (
                    "Respecting human rights in the organisation and among business partners: "
                    "checking risks in advance, no discrimination, and avoiding complicity in "
                    "abuses."
                ),
                "sdgs": [5, 10, 16],
            },
            {
                "code": "iso-arbeid",
                "name_nl": "Arbeidsomstandigheden",
                "name_en": "Labour practices",
                "description_nl": (
                    "Veilig en gezond werk, eerlijke beloning en werktijden, opleiding en "
                    "ontwikkeling, goed werkgeverschap en het recht van medewerkers om zich te "
                    "organiseren."
                ),
                "description_en": (
                    "Safe and healthy work, fair pay and working hours, training and development, "
                    "good employment practices and the right of workers to organise."
                ),
                "sdgs": [3, 8],
            },
            {
                "code": "iso-milieu",
                "name_nl": "Milieu",
                "name_en": "Environment",
                "description_nl": (
                    "De invloed op het milieu beperken: minder uitstoot, afval en vervuiling, "
                    "zuinig omgaan met energie, water en grondstoffen, en zorg voor natuur en "
                    "klimaat."
                ),
                "description_en": (
                    "Reducing the impact on the environment: fewer emissions, less waste and "
                    "pollution, careful use of energy, water and materials, and care for nature "
                    "and climate."
                ),
                "sdgs": [6, 7, 12, 13, 14, 15],
            },
            {
                "code": "iso-eerlijk-zakendoen",
                "name_nl": "Eerlijk zakendoen",
                "name_en": "Fair operating practices",
                "description_nl": (
                    "Integer omgaan met klanten, leveranciers, concurrenten en overheden: geen "
                    "corruptie, eerlijke concurrentie, verantwoord lobbyen en MVO stimuleren in de "
                    "keten."
                ),
                "description_en": (
                    "Dealing with customers, suppliers, competitors and government with "
                    "integrity: no corruption, fair competition, responsible lobbying and "
                    "promoting CSR in the supply chain."
                ),
                "sdgs": [12, 16],
            },
            {
                "code": "iso-consumenten",
                "name_nl": "Consumentenaangelegenheden",
                "name_en": "Consumer issues",
                "description_nl": (
                    "Zorg voor klanten en gebruikers: veilige producten en diensten, eerlijke "
                    "informatie en reclame, goede service en klachtafhandeling, en bescherming van "
                    "persoonsgegevens."
                ),
                "description_en": (
                    "Care for customers and users: safe products and services, honest information "
                    "and marketing, good service and complaint handling, and protection of "
                    "personal data."
                ),
                "sdgs": [3, 12],
            },
            {
                "code": "iso-gemeenschap",
                "name_nl": "Maatschappelijke betrokkenheid",
                "name_en": "Community involvement and development",
                "description_nl": (
                    "Betrokkenheid bij en ontwikkeling van de gemeenschap: bijdragen aan "
                    "werkgelegenheid, onderwijs, gezondheid en leefbaarheid in de omgeving waar "
                    "de organisatie actief is."
                ),
                "description_en": (
                    "Involvement in and development of the community: contributing to jobs, "
                    "education, health and quality of life in the places where the organisation "
                    "operates."
                ),
                "sdgs": [1, 4, 11],
            },
        ],
    },
    {
        "code": "mvoi",
        "name_nl": "Manifest MVOI",
        "name_en": "MVOI Manifesto",
        "description_nl": (
            "De zes thema's van het Manifest Maatschappelijk Verantwoord Opdrachtgeven en "
            "Inkopen. Overheidsorganisaties gebruiken ze als basis voor hun MVOI-actieplan."
        ),
        "description_en": (
            "The six themes of the Dutch Manifesto for Socially Responsible Commissioning and "
            "Procurement (MVOI). Public organisations use them as the basis for their MVOI "
            "action plan."
        ),
        "themes": [
            {
                "code": "mvoi-klimaat",
                "name_nl": "Klimaat",
                "name_en": "Climate",
                "description_nl": (
                    "Minder uitstoot van broeikasgassen door wat de organisatie inkoopt en laat "
                    "maken: energiezuinige en emissiearme producten, diensten, vervoer en werken."
                ),
                "description_en": (
                    "Lower greenhouse gas emissions from what the organisation buys and "
                    "commissions: energy-efficient, low-emission products, services, transport "
                    "and works."
                ),
                "sdgs": [7, 13],
            },
            {
                "code": "mvoi-milieu",
                "name_nl": "Milieu",
                "name_en": "Environment",
                "description_nl": (
                    "Schade aan lucht, bodem, water en natuur beperken, met aandacht voor "
                    "biodiversiteit en klimaatadaptatie: bestand zijn tegen hitte, droogte en "
                    "wateroverlast."
                ),
                "description_en": (
                    "Limiting harm to air, soil, water and nature, with attention to biodiversity "
                    "and climate adaptation: coping with heat, drought and flooding."
                ),
                "sdgs": [6, 13, 14, 15],
            },
            {
                "code": "mvoi-circulair",
                "name_nl": "Circulair",
                "name_en": "Circular",
                "description_nl": (
                    "Grondstoffen zo lang mogelijk in gebruik houden: hergebruik, reparatie en "
                    "recycling, minder nieuw materiaal en biobased grondstoffen uit hernieuwbare "
                    "bronnen."
                ),
                "description_en": (
                    "Keeping materials in use for as long as possible: reuse, repair and "
                    "recycling, less virgin material, and biobased materials from renewable "
                    "sources."
                ),
                "sdgs": [12],
            },
            {
                "code": "mvoi-social-return",
                "name_nl": "Social Return",
                "name_en": "Social return",
                "description_nl": (
                    "Opdrachten benutten om werk, leerplekken of stages te creëren voor mensen met "
                    "een afstand tot de arbeidsmarkt, bijvoorbeeld via afspraken met "
                    "opdrachtnemers."
                ),
                "description_en": (
                    "Using contracts to create jobs, training places or work placements for people "
                    "at a distance from the labour market, for example through agreements with "
                    "contractors."
                ),
                "sdgs": [8, 10],
            },
            {
                "code": "mvoi-diversiteit",
                "name_nl": "Diversiteit & inclusie",
                "name_en": "Diversity & inclusion",
                "description_nl": (
                    "Gelijke kansen en een inclusieve werkomgeving, in de eigen organisatie en bij "
                    "opdrachtnemers: ruimte voor verschillen in achtergrond, gender, leeftijd en "
                    "beperking."
                ),
                "description_en": (
                    "Equal opportunities and an inclusive workplace, within the organisation and "
                    "at contractors: room for differences in background, gender, age and "
                    "disability."
                ),
                "sdgs": [5, 10],
            },
            {
                "code": "mvoi-keten",
                "name_nl": "Ketenverantwoordelijkheid",
                "name_en": "Supply chain responsibility",
                "description_nl": (
                    "Internationale sociale voorwaarden: samen met leveranciers misstanden in de "
                    "keten tegengaan, zoals kinderarbeid, dwangarbeid, discriminatie en onveilig "
                    "werk."
                ),
                "description_en": (
                    "International social conditions: working with suppliers to tackle abuses in "
                    "the supply chain, such as child labour, forced labour, discrimination and "
                    "unsafe work."
                ),
                "sdgs": [8, 12],
            },
        ],
    },
    {
        "code": "pianoo",
        "name_nl": "PIANOo MVI-thema's",
        "name_en": "PIANOo SRP themes",
        "description_nl": (
            "De oudere indeling in zeven thema's voor maatschappelijk verantwoord inkopen (MVI) "
            "van PIANOo, het Expertisecentrum Aanbesteden. Handig voor organisaties die nog met "
            "deze indeling werken."
        ),
        "description_en": (
            "The older set of seven themes for socially responsible procurement (MVI) from "
            "PIANOo, the Dutch Public Procurement Expertise Centre. Useful for organisations that "
            "still work with this set."
        ),
        "themes": [
            {
                "code": "pianoo-milieu",
                "name_nl": "Milieuvriendelijk inkopen",
                "name_en": "Environmentally friendly procurement",
                "description_nl": (
                    "Producten, diensten en werken kiezen die over hun hele levensduur het milieu "
                    "minder belasten, bijvoorbeeld zuiniger, schoner of met minder schadelijke "
                    "stoffen."
                ),
                "description_en": (
                    "Choosing products, services and works with a lower environmental impact over "
                    "their whole life, for example more efficient, cleaner or with fewer harmful "
                    "substances."
                ),
                "sdgs": [12, 13],
            },
            {
                "code": "pianoo-iscv",
                "name_nl": "Internationale sociale voorwaarden",
                "name_en": "International social conditions",
                "description_nl": (
                    "Van leveranciers vragen dat zij risico's op schending van arbeids- en "
                    "mensenrechten in hun keten in kaart brengen en aanpakken, zoals kinderarbeid "
                    "en onveilig werk."
                ),
                "description_en": (
                    "Asking suppliers to identify and address risks of labour and human rights "
                    "violations in their supply chain, such as child labour and unsafe working "
                    "conditions."
                ),
                "sdgs": [8, 12],
            },
            {
                "code": "pianoo-social-return",
                "name_nl": "Social return",
                "name_en": "Social return",
                "description_nl": (
                    "In opdrachten afspreken dat de opdrachtnemer werk of leerplekken biedt aan "
                    "mensen met een afstand tot de arbeidsmarkt."
                ),
                "description_en": (
                    "Agreeing in contracts that the contractor offers work or training places to "
                    "people at a distance from the labour market."
                ),
                "sdgs": [8, 10],
            },
            {
                "code": "pianoo-biobased",
                "name_nl": "Biobased inkopen",
                "name_en": "Biobased procurement",
                "description_nl": (
                    "Producten kiezen die (deels) gemaakt zijn van hernieuwbare grondstoffen van "
                    "plantaardige of dierlijke oorsprong, in plaats van fossiele grondstoffen."
                ),
                "description_en": (
                    "Choosing products made (partly) from renewable raw materials of plant or "
                    "animal origin instead of fossil raw materials."
                ),
                "sdgs": [12, 15],
            },
            {
                "code": "pianoo-circulair",
                "name_nl": "Circulair inkopen",
                "name_en": "Circular procurement",
                "description_nl": (
                    "Zo inkopen dat producten en materialen lang meegaan en opnieuw gebruikt "
                    "worden, bijvoorbeeld via terugname, hergebruik of betalen voor gebruik in "
                    "plaats van bezit."
                ),
                "description_en": (
                    "Procuring so that products and materials last long and are used again, for "
                    "example through take-back, reuse, or paying for use rather than ownership."
                ),
                "sdgs": [12],
            },
            {
                "code": "pianoo-innovatie",
                "name_nl": "Innovatiegericht inkopen",
                "name_en": "Innovation-oriented procurement",
                "description_nl": (
                    "Ruimte geven aan nieuwe oplossingen door de vraag functioneel te omschrijven "
                    "en de markt vroeg te betrekken, zodat leveranciers met vernieuwende ideeën "
                    "kunnen komen."
                ),
                "description_en": (
                    "Making room for new solutions by describing needs in functional terms and "
                    "involving the market early, so suppliers can offer innovative ideas."
                ),
                "sdgs": [9],
            },
            {
                "code": "pianoo-mkb",
                "name_nl": "MKB-vriendelijk inkopen",
                "name_en": "SME-friendly procurement",
                "description_nl": (
                    "Opdrachten zo opzetten dat ook kleine en middelgrote bedrijven kans maken, "
                    "bijvoorbeeld met passende eisen, opdelen in percelen en weinig "
                    "administratieve lasten."
                ),
                "description_en": (
                    "Setting up contracts so that small and medium-sized businesses also stand a "
                    "chance, for example through proportionate requirements, lots and little red "
                    "tape."
                ),
                "sdgs": [8],
            },
        ],
    },
    {
        "code": "sdg",
        "name_nl": "Duurzame ontwikkelingsdoelen (SDG's)",
        "name_en": "Sustainable Development Goals (SDGs)",
        "description_nl": (
            "De zeventien doelen van de Verenigde Naties voor een duurzame wereld in 2030. "
            "Organisaties koppelen hun thema's hieraan om te laten zien aan welke wereldwijde "
            "doelen ze bijdragen."
        ),
        "description_en": (
            "The seventeen United Nations goals for a sustainable world by 2030. Organisations "
            "link their themes to them to show which global goals they contribute to."
        ),
        "themes": [
            {
                "code": "sdg-1",
                "number": 1,
                "name_nl": "Geen armoede",
                "name_en": "No poverty",
                "description_nl": (
                    "Armoede in al haar vormen terugdringen. Voor een organisatie: leefbare lonen "
                    "in eigen huis en in de keten, en kansen voor mensen met weinig middelen."
                ),
                "description_en": (
                    "Reducing poverty in all its forms. For an organisation: living wages in its "
                    "own operations and supply chain, and opportunities for people with few "
                    "resources."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-2",
                "number": 2,
                "name_nl": "Geen honger",
                "name_en": "Zero hunger",
                "description_nl": (
                    "Genoeg gezond voedsel voor iedereen en duurzame landbouw. Voor een "
                    "organisatie: bijvoorbeeld minder voedselverspilling en verantwoord ingekochte "
                    "voeding."
                ),
                "description_en": (
                    "Enough healthy food for everyone and sustainable farming. For an "
                    "organisation: for example less food waste and responsibly sourced food."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-3",
                "number": 3,
                "name_nl": "Goede gezondheid en welzijn",
                "name_en": "Good health and well-being",
                "description_nl": (
                    "Een gezond leven voor mensen van alle leeftijden. Voor een organisatie: "
                    "gezond en veilig werk, vitale medewerkers en producten die de gezondheid niet "
                    "schaden."
                ),
                "description_en": (
                    "Healthy lives for people of all ages. For an organisation: safe and healthy "
                    "work, staff well-being and products that do not harm health."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-4",
                "number": 4,
                "name_nl": "Kwaliteitsonderwijs",
                "name_en": "Quality education",
                "description_nl": (
                    "Goed onderwijs en levenslang leren voor iedereen. Voor een organisatie: "
                    "opleiding van medewerkers, stage- en leerplekken en samenwerking met scholen."
                ),
                "description_en": (
                    "Good education and lifelong learning for all. For an organisation: staff "
                    "training, internships and apprenticeships, and working with schools."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-5",
                "number": 5,
                "name_nl": "Gendergelijkheid",
                "name_en": "Gender equality",
                "description_nl": (
                    "Gelijke rechten en kansen voor vrouwen en mannen. Voor een organisatie: "
                    "gelijke beloning, een evenwichtige verdeling in leidinggevende functies en "
                    "een veilige werkplek."
                ),
                "description_en": (
                    "Equal rights and opportunities for women and men. For an organisation: equal "
                    "pay, balanced representation in management and a safe workplace."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-6",
                "number": 6,
                "name_nl": "Schoon water en sanitair",
                "name_en": "Clean water and sanitation",
                "description_nl": (
                    "Schoon drinkwater en goed sanitair voor iedereen. Voor een organisatie: "
                    "zuinig met water omgaan en watervervuiling voorkomen, ook in de keten."
                ),
                "description_en": (
                    "Clean drinking water and proper sanitation for all. For an organisation: "
                    "using water sparingly and preventing water pollution, also in the supply "
                    "chain."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-7",
                "number": 7,
                "name_nl": "Betaalbare en duurzame energie",
                "name_en": "Affordable and clean energy",
                "description_nl": (
                    "Betrouwbare, betaalbare en schone energie. Voor een organisatie: energie "
                    "besparen en overstappen op duurzaam opgewekte energie."
                ),
                "description_en": (
                    "Reliable, affordable and clean energy. For an organisation: saving energy and "
                    "switching to renewable sources."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-8",
                "number": 8,
                "name_nl": "Eerlijk werk en economische groei",
                "name_en": "Decent work and economic growth",
                "description_nl": (
                    "Goed werk voor iedereen en duurzame economische groei. Voor een organisatie: "
                    "eerlijke arbeidsvoorwaarden, veilig werk en geen uitbuiting in de keten."
                ),
                "description_en": (
                    "Decent work for all and sustainable economic growth. For an organisation: "
                    "fair terms of employment, safe work and no exploitation in the supply chain."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-9",
                "number": 9,
                "name_nl": "Industrie, innovatie en infrastructuur",
                "name_en": "Industry, innovation and infrastructure",
                "description_nl": (
                    "Duurzame infrastructuur en vernieuwing. Voor een organisatie: investeren in "
                    "schone technologie, innovatie en toekomstbestendige gebouwen en netwerken."
                ),
                "description_en": (
                    "Sustainable infrastructure and innovation. For an organisation: investing in "
                    "clean technology, innovation and future-proof buildings and networks."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-10",
                "number": 10,
                "name_nl": "Ongelijkheid verminderen",
                "name_en": "Reduced inequalities",
                "description_nl": (
                    "Kleinere verschillen binnen en tussen landen. Voor een organisatie: gelijke "
                    "kansen ongeacht achtergrond, inclusief werkgeverschap en eerlijke "
                    "verhoudingen in de keten."
                ),
                "description_en": (
                    "Smaller gaps within and between countries. For an organisation: equal "
                    "opportunities whatever one's background, inclusive employment and fair "
                    "dealings in the supply chain."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-11",
                "number": 11,
                "name_nl": "Duurzame steden en gemeenschappen",
                "name_en": "Sustainable cities and communities",
                "description_nl": (
                    "Veilige, leefbare en duurzame steden en dorpen. Voor een organisatie: "
                    "bijdragen aan de buurt, schone mobiliteit en duurzaam bouwen en beheren."
                ),
                "description_en": (
                    "Safe, liveable and sustainable towns and cities. For an organisation: "
                    "contributing to the neighbourhood, clean mobility and sustainable building "
                    "and maintenance."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-12",
                "number": 12,
                "name_nl": "Verantwoorde consumptie en productie",
                "name_en": "Responsible consumption and production",
                "description_nl": (
                    "Minder grondstoffen en afval bij productie en gebruik. Voor een organisatie: "
                    "duurzaam inkopen, circulair werken en verspilling tegengaan."
                ),
                "description_en": (
                    "Using fewer resources and creating less waste in production and use. For an "
                    "organisation: sustainable procurement, circular practices and cutting waste."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-13",
                "number": 13,
                "name_nl": "Klimaatactie",
                "name_en": "Climate action",
                "description_nl": (
                    "Klimaatverandering en de gevolgen ervan aanpakken. Voor een organisatie: de "
                    "eigen uitstoot en die in de keten verminderen en zich voorbereiden op een "
                    "veranderend klimaat."
                ),
                "description_en": (
                    "Tackling climate change and its effects. For an organisation: cutting its own "
                    "and its supply chain's emissions and preparing for a changing climate."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-14",
                "number": 14,
                "name_nl": "Leven in het water",
                "name_en": "Life below water",
                "description_nl": (
                    "Gezonde zeeën, oceanen en wateren. Voor een organisatie: minder plastic en "
                    "andere vervuiling die in het water belandt, en verantwoord gevangen vis."
                ),
                "description_en": (
                    "Healthy seas, oceans and waters. For an organisation: less plastic and other "
                    "pollution ending up in water, and responsibly caught fish."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-15",
                "number": 15,
                "name_nl": "Leven op het land",
                "name_en": "Life on land",
                "description_nl": (
                    "Bossen, bodem en biodiversiteit op het land beschermen. Voor een organisatie: "
                    "geen ontbossing in de keten, natuurvriendelijk terreinbeheer en zuinig "
                    "ruimtegebruik."
                ),
                "description_en": (
                    "Protecting forests, soil and biodiversity on land. For an organisation: no "
                    "deforestation in the supply chain, nature-friendly grounds management and "
                    "careful land use."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-16",
                "number": 16,
                "name_nl": "Vrede, justitie en sterke publieke diensten",
                "name_en": "Peace, justice and strong institutions",
                "description_nl": (
                    "Vreedzame samenlevingen, toegang tot recht en betrouwbare instellingen. Voor "
                    "een organisatie: integriteit, geen corruptie en open verantwoording afleggen."
                ),
                "description_en": (
                    "Peaceful societies, access to justice and trustworthy institutions. For an "
                    "organisation: integrity, no corruption and transparent accountability."
                ),
                "sdgs": [],
            },
            {
                "code": "sdg-17",
                "number": 17,
                "name_nl": "Partnerschap om doelstellingen te bereiken",
                "name_en": "Partnerships for the goals",
                "description_nl": (
                    "Samenwerken om de doelen te halen. Voor een organisatie: partnerschappen met "
                    "overheden, bedrijven, kennisinstellingen en maatschappelijke organisaties."
                ),
                "description_en": (
                    "Working together to reach the goals. For an organisation: partnerships with "
                    "government, businesses, knowledge institutions and civil society "
                    "organisations."
                ),
                "sdgs": [],
            },
        ],
    },
]

AMBITION_LEVELS = {  # the five MVOI ambition levels
    1: {
        "name_nl": "Afweging",
        "name_en": "Exploring",
        "description_nl": (
            "De organisatie kent de mogelijkheden binnen het thema en weegt af wat ze ermee kan, "
            "maar past ze nog niet toe."
        ),
        "description_en": (
            "The organisation knows the options within the theme and considers what it could do "
            "with them, but does not apply them yet."
        ),
    },
    2: {
        "name_nl": "Pilots",
        "name_en": "Pilots",
        "description_nl": (
            "Het thema wordt in enkele opdrachten of projecten toegepast, om ervaring op te doen "
            "en te leren wat werkt."
        ),
        "description_en": (
            "The theme is applied in a few contracts or projects, to gain experience and learn "
            "what works."
        ),
    },
    3: {
        "name_nl": "Verbreding",
        "name_en": "Broadening",
        "description_nl": (
            "Het thema wordt breder toegepast. Er is een nulmeting, de voortgang wordt gevolgd en "
            "collega's zijn zich bewust van het belang ervan."
        ),
        "description_en": (
            "The theme is applied more widely. There is a baseline, progress is monitored and "
            "colleagues are aware of why it matters."
        ),
    },
    4: {
        "name_nl": "Borging",
        "name_en": "Embedding",
        "description_nl": (
            "Het thema is vastgelegd in beleid en ingebed in interne processen en systemen, zodat "
            "het niet meer afhangt van een paar enthousiaste mensen."
        ),
        "description_en": (
            "The theme is laid down in policy and built into internal processes and systems, so "
            "it no longer depends on a few enthusiastic people."
        ),
    },
    5: {
        "name_nl": "Leiderschap",
        "name_en": "Leadership",
        "description_nl": (
            "Het thema is vaste praktijk in alle relevante opdrachten. De organisatie is een "
            "voorbeeld voor anderen en daagt de markt uit om verder te gaan."
        ),
        "description_en": (
            "The theme is standard practice in all relevant contracts. The organisation sets an "
            "example for others and challenges the market to go further."
        ),
    },
}
