"""Method 3: the MVOI action plan (Maatschappelijk Verantwoord Opdrachtgeven en Inkopen).

Seven steps in two phases: the foundation (steps 1-3, done once and evaluated every year) and
the annual cycle (steps 4-7, ``recurring`` True, repeated every year). Texts address the MVOI
team as "jullie".
"""

METHOD = {
    "code": "mvoi",
    "name_nl": "MVOI-actieplan",
    "name_en": "MVOI action plan",
    "description_nl": (
        "Met het MVOI-actieplan werkt een overheidsorganisatie aan Maatschappelijk Verantwoord "
        "Opdrachtgeven en Inkopen: naast de prijs wegen jullie ook de gevolgen voor milieu en "
        "samenleving mee van wat jullie inkopen en laten maken. Het plan is van het MVOI-team, "
        "inkopers en budgethouders samen, want MVOI is niet alleen een zaak van de "
        "inkoopafdeling."
    ),
    "description_en": (
        "With the MVOI action plan a public organisation works on socially responsible "
        "commissioning and procurement (Maatschappelijk Verantwoord Opdrachtgeven en Inkopen): "
        "besides price, you also weigh the environmental and social effects of what you buy and "
        "commission. The plan belongs to the MVOI team, buyers and budget holders together, "
        "because MVOI is not a matter for the purchasing department alone."
    ),
    "before_nl": (
        "Het plan telt zeven stappen. Stap 1 tot en met 3 doorlopen jullie één keer aan het "
        "begin van de planperiode en evalueren jullie elk jaar; stap 4 tot en met 7 herhalen "
        "jullie elk jaar. Begin klein, met collega's die enthousiast zijn, en betrek de "
        "budgethouders vanaf het begin."
    ),
    "before_en": (
        "The plan has seven steps. You go through steps 1 to 3 once at the start of the plan "
        "period and evaluate them every year; you repeat steps 4 to 7 every year. Start small, "
        "with colleagues who are enthusiastic, and involve the budget holders from the start."
    ),
    "phases": [
        {
            "number": 1,
            "name_nl": "Fundament",
            "name_en": "Foundation",
            "steps": [
                {
                    "code": "1",
                    "name_nl": "Nulmeting",
                    "name_en": "Baseline assessment",
                    "purpose_nl": (
                        "Breng per thema van het Manifest MVOI in kaart wat er nu al is: "
                        "ambities, doelen en activiteiten. Haal dat uit beleidsstukken, "
                        "interviews en een werksessie, en bepaal per thema het huidige "
                        "ambitieniveau. Zo bouwen jullie voort op wat er al gebeurt."
                    ),
                    "purpose_en": (
                        "Map, per Manifest MVOI theme, what already exists: ambitions, goals and "
                        "activities. Draw this from policy documents, interviews and a work "
                        "session, and determine the current ambition level per theme. That way "
                        "you build on what is already happening."
                    ),
                    "questions_nl": [
                        "Welke ambities, doelen en activiteiten op het gebied van MVOI staan al "
                        "in onze beleidsstukken?",
                        "Wat vertellen inkopers, budgethouders en beleidsmedewerkers in "
                        "interviews over wat er al gebeurt?",
                        "Wat voegt een gezamenlijke werksessie daaraan toe?",
                        "Op welk ambitieniveau staan we nu per thema, van afweging tot "
                        "leiderschap?",
                        "Wat loopt al goed en kunnen we als voorbeeld gebruiken?",
                    ],
                    "questions_en": [
                        "Which MVOI ambitions, goals and activities are already in our policy "
                        "documents?",
                        "What do buyers, budget holders and policy officers tell us in "
                        "interviews about what is already happening?",
                        "What does a joint work session add to that?",
                        "At which ambition level are we now for each theme, from consideration "
                        "to leadership?",
                        "What is already going well that we can use as an example?",
                    ],
                    "delivers_nl": (
                        "Een nulmeting per Manifest-thema: huidige ambities, doelen, "
                        "activiteiten en ambitieniveau."
                    ),
                    "delivers_en": (
                        "A baseline per Manifest theme: current ambitions, goals, activities and "
                        "ambition level."
                    ),
                    "links": ["themes"],
                    "recurring": False,
                },
                {
                    "code": "2",
                    "name_nl": "Thema's kiezen",
                    "name_en": "Choose themes",
                    "purpose_nl": (
                        "Kies de thema's waarop jullie de komende jaren de nadruk leggen, "
                        "bijvoorbeeld vier van de zes, en leg uit waarom. De andere thema's "
                        "lopen door, maar zonder extra focus. Bepaal daarna per focusthema het "
                        "huidige en het beoogde ambitieniveau: wees ambitieus, maar realistisch."
                    ),
                    "purpose_en": (
                        "Choose the themes you will emphasise in the coming years, for example "
                        "four of the six, and explain why. The other themes continue, but "
                        "without extra focus. Then set the current and the target ambition "
                        "level for each focus theme: be ambitious, but realistic."
                    ),
                    "questions_nl": [
                        "Welke thema's van het Manifest MVOI worden onze focusthema's?",
                        "Waarom kiezen we juist deze thema's?",
                        "Wat doen we met de thema's die geen focus krijgen?",
                        "Op welk ambitieniveau staat elk focusthema nu?",
                        "Welk ambitieniveau willen we aan het eind van de planperiode bereiken?",
                    ],
                    "questions_en": [
                        "Which Manifest MVOI themes become our focus themes?",
                        "Why do we choose these particular themes?",
                        "What do we do with the themes that do not get focus?",
                        "At which ambition level is each focus theme now?",
                        "Which ambition level do we want to reach by the end of the plan period?",
                    ],
                    "delivers_nl": (
                        "Een themamatrix met de focusthema's, hun onderbouwing en per thema het "
                        "huidige en beoogde ambitieniveau."
                    ),
                    "delivers_en": (
                        "A theme matrix with the focus themes, their rationale and the current "
                        "and target ambition level per theme."
                    ),
                    "links": ["themes"],
                    "recurring": False,
                },
                {
                    "code": "3",
                    "name_nl": "Ambities en doelen",
                    "name_en": "Ambitions and goals",
                    "purpose_nl": (
                        "Maak de ambitie meetbaar met doelen per jaar, bijvoorbeeld het aandeel "
                        "kansrijke aanbestedingen waarin jullie MVOI-criteria vragen, en schrijf "
                        "per thema een ambitie op. Een doel dat elk jaar een stap hoger ligt, "
                        "maakt de voortgang zichtbaar."
                    ),
                    "purpose_en": (
                        "Make the ambition measurable with goals per year, for example the share "
                        "of promising tenders in which you ask for MVOI criteria, and write down "
                        "an ambition per theme. A goal that goes up a step every year makes "
                        "progress visible."
                    ),
                    "questions_nl": [
                        "In welk percentage van de kansrijke aanbestedingen op de "
                        "aanbestedingskalender willen we per jaar MVOI-criteria vragen?",
                        "Naar welk percentage groeien we op de langere termijn toe?",
                        "Welke ambitie formuleren we per focusthema?",
                        "Zijn de doelen ambitieus, maar ook haalbaar met het budget en de "
                        "capaciteit die we hebben?",
                        "Hoe en wanneer meten we of we de doelen halen?",
                    ],
                    "questions_en": [
                        "In what percentage of the promising tenders on the tender calendar do "
                        "we want to ask for MVOI criteria each year?",
                        "What percentage do we grow towards in the longer term?",
                        "Which ambition do we formulate for each focus theme?",
                        "Are the goals ambitious, yet achievable with the budget and capacity we "
                        "have?",
                        "How and when do we measure whether we reach the goals?",
                    ],
                    "delivers_nl": (
                        "Jaarlijkse doelen voor de planperiode en een ambitie per focusthema."
                    ),
                    "delivers_en": (
                        "Yearly goals for the plan period and an ambition statement per focus "
                        "theme."
                    ),
                    "links": ["goals"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 2,
            "name_nl": "Jaarcyclus",
            "name_en": "Annual cycle",
            "steps": [
                {
                    "code": "4",
                    "name_nl": "Aanbestedingskalender",
                    "name_en": "Tender calendar",
                    "purpose_nl": (
                        "Zet de kansrijke aanbestedingen van het komende jaar op een rij, niet "
                        "alle aanbestedingen. Een spendanalyse laat zien waar het geld zit, een "
                        "impactanalyse waar de meeste winst voor milieu en samenleving te halen "
                        "is. Een kansenkaart per productgroep betrekt de budgethouders."
                    ),
                    "purpose_en": (
                        "List the promising tenders for the coming year, not all tenders. A "
                        "spend analysis shows where the money goes, an impact analysis where "
                        "the most can be gained for the environment and society. An opportunity "
                        "card (kansenkaart) per product group involves the budget holders."
                    ),
                    "questions_nl": [
                        "Waar geven we per productgroep het meeste geld uit, en waar zit de "
                        "grootste impact op milieu en samenleving?",
                        "Welke aanbestedingen van het komende jaar zijn kansrijk voor MVOI?",
                        "Welke thema's passen per aanbesteding, bij welke productgroep hoort die "
                        "en in welk kwartaal start die?",
                        "Hoe vragen we per aanbesteding om MVOI: voorschrijven, aanmoedigen of "
                        "uitnodigen, en op welk ambitieniveau van de MVI-criteriatool?",
                        "Welke budgethouder vult de kansenkaart voor de eigen productgroep in, "
                        "en wie onderneemt actie?",
                        "Hoe houden we de kalender actueel als aanbestedingen veranderen, "
                        "verschuiven of bijkomen, en hoe bespreken we afwijkingen elk kwartaal "
                        "volgens pas toe of leg uit?",
                    ],
                    "questions_en": [
                        "Where do we spend the most money per product group, and where is the "
                        "biggest impact on the environment and society?",
                        "Which of the coming year's tenders are promising for MVOI?",
                        "For each tender, which themes apply, which product group does it belong "
                        "to and in which quarter does it start?",
                        "How do we ask for MVOI in each tender: prescribing, encouraging or "
                        "inviting, and at which ambition level of the MVI criteria tool?",
                        "Which budget holder fills in the opportunity card for their own product "
                        "group, and who takes action?",
                        "How do we keep the calendar up to date when tenders change, move or are "
                        "added, and how do we discuss deviations every quarter on a "
                        "comply-or-explain basis?",
                    ],
                    "delivers_nl": (
                        "Een aanbestedingskalender met de kansrijke aanbestedingen en per "
                        "aanbesteding de thema's, productgroep en startkwartaal, beheerd door de "
                        "strategisch inkoopadviseur."
                    ),
                    "delivers_en": (
                        "A tender calendar with the promising tenders and, per tender, its "
                        "themes, product group and starting quarter, managed by the strategic "
                        "purchasing adviser."
                    ),
                    "links": [],
                    "recurring": True,
                },
                {
                    "code": "5",
                    "name_nl": "Borging",
                    "name_en": "Anchoring",
                    "purpose_nl": (
                        "Zorg dat MVOI een vast onderdeel wordt van het gewone werk, in "
                        "bestaande processen zoals checklists, startdocumenten en vaste "
                        "agendapunten. Leg vast wat al geborgd is en welke structurele en "
                        "eenmalige acties daarvoor nog nodig zijn."
                    ),
                    "purpose_en": (
                        "Make sure MVOI becomes a fixed part of ordinary work, in existing "
                        "processes such as checklists, start documents and standing agenda "
                        "items. Record what is already anchored and which structural and "
                        "one-off actions are still needed for it."
                    ),
                    "questions_nl": [
                        "Wat is al geborgd, bijvoorbeeld in het inkoopbeleid of in het "
                        "startdocument van elke aanbesteding?",
                        "Hoe vaak komt het MVOI-team bij elkaar, bijvoorbeeld elk kwartaal?",
                        "Hoe informeren we het management over de voortgang, aansluitend bij de "
                        "planning- en controlcyclus?",
                        "Evalueren we elke kansrijke aanbesteding na afloop op een vaste manier?",
                        "Hoe delen we praktijkvoorbeelden en kennis, bijvoorbeeld in "
                        "kennissessies?",
                    ],
                    "questions_en": [
                        "What is already anchored, for example in the purchasing policy or in "
                        "the start document of each tender?",
                        "How often does the MVOI team meet, for example every quarter?",
                        "How do we inform management about progress, in line with the planning "
                        "and control cycle?",
                        "Do we evaluate each promising tender afterwards in a standard way?",
                        "How do we share practice examples and knowledge, for example in "
                        "knowledge sessions?",
                    ],
                    "delivers_nl": (
                        "Een overzicht van wat geborgd is, met structurele en eenmalige "
                        "borgingsacties."
                    ),
                    "delivers_en": (
                        "An overview of what is anchored, with structural and one-off anchoring "
                        "actions."
                    ),
                    "links": ["actions"],
                    "recurring": True,
                },
                {
                    "code": "6",
                    "name_nl": "Jaarplanning",
                    "name_en": "Annual planning",
                    "purpose_nl": (
                        "Verdeel de acties van het komende jaar over de kwartalen en over de "
                        "teams die ze uitvoeren. Maak de acties concreet en geef ze een "
                        "eigenaar, zodat ze af te vinken zijn. Reserveer vooraf budget en "
                        "capaciteit, en geef aan waar extra nodig is."
                    ),
                    "purpose_en": (
                        "Spread the actions for the coming year over the quarters and over the "
                        "teams that carry them out. Make the actions concrete and give them an "
                        "owner, so they can be ticked off. Reserve budget and capacity in "
                        "advance, and indicate where extra is needed."
                    ),
                    "questions_nl": [
                        "Welke acties voeren we dit jaar uit, en in welk kwartaal?",
                        "Welk team is verantwoordelijk: het MVOI-team, Inkoop, projectleiders, "
                        "directie en management of interne communicatie?",
                        "Wie is per actie de eigenaar?",
                        "Welke acties hebben extra budget of capaciteit nodig, en is dat "
                        "gereserveerd?",
                        "Hoe en wanneer delen en vieren we successen?",
                    ],
                    "questions_en": [
                        "Which actions do we carry out this year, and in which quarter?",
                        "Which team is responsible: the MVOI team, Purchasing, project leaders, "
                        "directors and management, or internal communications?",
                        "Who is the owner of each action?",
                        "Which actions need extra budget or capacity, and has it been reserved?",
                        "How and when do we share and celebrate successes?",
                    ],
                    "delivers_nl": (
                        "Een jaarplanning met acties per kwartaal en per team, elk met een "
                        "eigenaar en het benodigde budget en de benodigde capaciteit."
                    ),
                    "delivers_en": (
                        "An annual plan with actions per quarter and per team, each with an "
                        "owner and the budget and capacity it needs."
                    ),
                    "links": ["actions", "board"],
                    "recurring": True,
                },
                {
                    "code": "7",
                    "name_nl": "Evaluatie",
                    "name_en": "Evaluation",
                    "purpose_nl": (
                        "Evalueer elk jaar in het vierde kwartaal op drie niveaus: strategisch, "
                        "inhoudelijk en procesgericht. Stel op elk niveau dezelfde drie vragen: "
                        "wat ging goed, wat kon beter en waar letten we komend jaar op? Bereid "
                        "daarna stap 4 tot en met 7 voor het volgende jaar voor."
                    ),
                    "purpose_en": (
                        "Evaluate every year in the fourth quarter at three levels: strategic, "
                        "substantive and process-oriented. At each level, ask the same three "
                        "questions: what went well, what could have been better and what do we "
                        "pay attention to next year? Then prepare steps 4 to 7 for the next "
                        "year."
                    ),
                    "questions_nl": [
                        "Strategisch: halen we onze doelen en ambities, en lukt dat in dit tempo?",
                        "Inhoudelijk: hoe werkte het team samen, wat waren de successen en moet "
                        "het team groeien?",
                        "Procesgericht: is in minstens het beoogde percentage kansrijke "
                        "aanbestedingen MVOI toegepast?",
                        "Procesgericht: welke geplande acties zijn uitgevoerd en welke niet, "
                        "waarom, en bleven we binnen budget en capaciteit?",
                        "Per niveau: wat ging goed, wat kon beter en waar letten we komend jaar "
                        "op?",
                        "Kloppen de nulmeting, de gekozen thema's en de doelen uit stap 1 tot en "
                        "met 3 nog?",
                    ],
                    "questions_en": [
                        "Strategic: are we reaching our goals and ambitions, and will we at this "
                        "pace?",
                        "Substantive: how did the team work together, what were the successes "
                        "and should the team grow?",
                        "Process-oriented: was MVOI applied in at least the target percentage of "
                        "promising tenders?",
                        "Process-oriented: which planned actions were carried out and which were "
                        "not, why, and did we stay within budget and capacity?",
                        "For each level: what went well, what could have been better and what do "
                        "we pay attention to next year?",
                        "Are the baseline, the chosen themes and the goals from steps 1 to 3 "
                        "still right?",
                    ],
                    "delivers_nl": (
                        "Een jaarevaluatie op drie niveaus, met lessen voor het plan van "
                        "volgend jaar."
                    ),
                    "delivers_en": (
                        "An annual evaluation at three levels, with lessons for next year's plan."
                    ),
                    "links": ["goals", "reports"],
                    "recurring": True,
                },
            ],
        },
    ],
}
