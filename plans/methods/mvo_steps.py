"""Method 1: MVO STEPS, the company CSR policy cycle.

Four phases of five steps: mission and vision, the CSR plan, implementing and improving.
Step 4.5 starts the next cycle from phase 2. Texts address the working group as "jullie".
"""

METHOD = {
    "code": "mvo_steps",
    "name_nl": "MVO STEPS",
    "name_en": "CSR STEPS",
    "description_nl": (
        "MVO STEPS helpt een bedrijf om in vier fasen een eigen MVO-beleid op te bouwen: van "
        "missie en visie, via een concreet MVO-plan, naar uitvoeren en verbeteren. De methode "
        "is bedoeld voor een werkgroep die samen met collega's en stakeholders werkt aan een "
        "plan dat bij het bedrijf past en elke cyclus beter wordt."
    ),
    "description_en": (
        "CSR STEPS helps a company build its own CSR policy in four phases: from mission and "
        "vision, through a concrete CSR plan, to implementing and improving. The method is "
        "meant for a working group that works with colleagues and stakeholders on a plan that "
        "suits the company and gets better with every cycle."
    ),
    "before_nl": (
        "Stel voordat jullie beginnen een werkgroep samen en bespreek met elkaar waarom MVO "
        "voor jullie organisatie belangrijk is. Zoek een gedeelde motivatie: die houdt jullie "
        "op koers als het lastig wordt. Houd in elke stap drie succesfactoren in het oog: "
        "betrek stakeholders, bouw aan draagvlak en wees transparant over keuzes en voortgang."
    ),
    "before_en": (
        "Before you start, put together a working group and discuss with each other why CSR "
        "matters to your organisation. Look for a shared motivation: it keeps you on course "
        "when things get difficult. Keep three success factors in mind in every step: involve "
        "stakeholders, build support (draagvlak) and be transparent about choices and progress."
    ),
    "phases": [
        {
            "number": 1,
            "name_nl": "Missie & visie",
            "name_en": "Mission & vision",
            "steps": [
                {
                    "code": "1.1",
                    "name_nl": "Omgevingsanalyse — eigen visie",
                    "name_en": "Context analysis — your own view",
                    "purpose_nl": (
                        "Voordat jullie bepalen waar jullie voor staan, is het goed om te weten "
                        "hoe jullie bedrijf en de samenleving elkaar raken. Zo zien jullie welke "
                        "thema's en risico's er voor jullie echt toe doen."
                    ),
                    "purpose_en": (
                        "Before you decide what you stand for, it helps to know how your "
                        "company and society affect each other. That shows you which themes "
                        "and risks really matter to you."
                    ),
                    "questions_nl": [
                        "Hoe heeft de samenleving invloed op ons bedrijf, en ons bedrijf op de "
                        "samenleving?",
                        "Wat doen onze concurrenten op het gebied van MVO?",
                        "Welke ISO 26000-thema's zijn voor ons relevant?",
                        "Welke ontwikkelingen spelen er in onze sector?",
                        "Kopen of produceren wij in het buitenland, en welke risico's horen "
                        "daarbij?",
                    ],
                    "questions_en": [
                        "How does society affect our company, and how does our company affect "
                        "society?",
                        "What are our competitors doing on CSR?",
                        "Which ISO 26000 themes are relevant to us?",
                        "Which developments are happening in our sector?",
                        "Do we buy or produce abroad, and what risks come with that?",
                    ],
                    "delivers_nl": (
                        "Een eerste overzicht van de MVO-thema's en risico's die voor jullie "
                        "bedrijf relevant zijn."
                    ),
                    "delivers_en": (
                        "A first overview of the CSR themes and risks that are relevant to your "
                        "company."
                    ),
                    "links": ["themes"],
                    "recurring": False,
                },
                {
                    "code": "1.2",
                    "name_nl": "Omgevingsanalyse — visie van stakeholders",
                    "name_en": "Context analysis — the stakeholders' view",
                    "purpose_nl": (
                        "Jullie eigen blik is maar de helft van het verhaal. In gesprek met "
                        "stakeholders horen jullie wat zij belangrijk vinden, zodat jullie "
                        "prioriteiten kunnen stellen die ook buiten het bedrijf gedragen worden."
                    ),
                    "purpose_en": (
                        "Your own view is only half the story. By talking with stakeholders you "
                        "hear what they find important, so you can set priorities that are also "
                        "supported outside the company."
                    ),
                    "questions_nl": [
                        "Wie zijn onze stakeholders, binnen en buiten het bedrijf?",
                        "Welke stakeholders hebben veel invloed op, of veel belang bij, wat wij "
                        "doen?",
                        "Wat vinden onze stakeholders belangrijk, en hoe komen we daarachter?",
                        "Op welke thema's is onze ambitie hoog, terwijl we er nu nog matig "
                        "presteren?",
                        "Welke thema's krijgen daardoor voorrang?",
                    ],
                    "questions_en": [
                        "Who are our stakeholders, inside and outside the company?",
                        "Which stakeholders have a lot of influence on, or a big interest in, "
                        "what we do?",
                        "What do our stakeholders find important, and how do we find out?",
                        "On which themes is our ambition high, while our current performance is "
                        "still modest?",
                        "Which themes therefore get priority?",
                    ],
                    "delivers_nl": (
                        "Een overzicht van stakeholders en hun belangrijkste verwachtingen, met "
                        "een prioritering van thema's."
                    ),
                    "delivers_en": (
                        "An overview of stakeholders and their main expectations, with a "
                        "prioritisation of themes."
                    ),
                    "links": ["stakeholders", "dialogues"],
                    "recurring": False,
                },
                {
                    "code": "1.3",
                    "name_nl": "Voorlopige missie en visie",
                    "name_en": "Draft mission and vision",
                    "purpose_nl": (
                        "Met de omgevingsanalyse in de hand schrijven jullie op waar jullie als "
                        "bedrijf voor staan (de missie) en wat jullie willen bereiken (de "
                        "visie). Het is nog een eerste versie: in de volgende stap leggen jullie "
                        "die aan anderen voor."
                    ),
                    "purpose_en": (
                        "With the context analysis in hand, you write down what your company "
                        "stands for (the mission) and what you want to achieve (the vision). It "
                        "is still a first version: in the next step you put it to others."
                    ),
                    "questions_nl": [
                        "Missie: waar staan wij als bedrijf voor?",
                        "Missie: welke maatschappelijke thema's vinden wij belangrijk?",
                        "Missie: aan welke maatschappelijke doelen willen wij bijdragen?",
                        "Missie: voor wie zijn wij er?",
                        "Missie: welke meerwaarde hebben wij voor de samenleving?",
                        "Visie: wat willen we op onze thema's bereiken?",
                        "Visie: hoe ziet de toekomst van ons bedrijf eruit?",
                        "Visie: wat zijn onze ambities voor de lange termijn?",
                        "Visie: waar geloven wij in?",
                    ],
                    "questions_en": [
                        "Mission: what do we stand for as a company?",
                        "Mission: which social themes do we consider important?",
                        "Mission: which social goals do we want to contribute to?",
                        "Mission: who do we exist for?",
                        "Mission: what added value do we bring to society?",
                        "Vision: what do we want to achieve on our themes?",
                        "Vision: what does the future of our company look like?",
                        "Vision: what are our long-term ambitions?",
                        "Vision: what do we believe in?",
                    ],
                    "delivers_nl": "Een voorlopige missie en visie op MVO, klaar om te toetsen.",
                    "delivers_en": "A draft CSR mission and vision, ready to be tested.",
                    "links": ["mission"],
                    "recurring": False,
                },
                {
                    "code": "1.4",
                    "name_nl": "Toets missie en visie",
                    "name_en": "Test the mission and vision",
                    "purpose_nl": (
                        "Een missie en visie werken pas als anderen zich erin herkennen. Vraag "
                        "daarom collega's, directie en stakeholders om feedback: dat maakt de "
                        "tekst sterker en bouwt draagvlak."
                    ),
                    "purpose_en": (
                        "A mission and vision only work when others recognise themselves in "
                        "them. So ask colleagues, management and stakeholders for feedback: "
                        "that makes the text stronger and builds support."
                    ),
                    "questions_nl": [
                        "Aan wie vragen we feedback: welke collega's, wie van de directie en "
                        "welke stakeholders?",
                        "Hoe vragen we om feedback, bijvoorbeeld in een gesprek, een enquête of "
                        "een bijeenkomst?",
                        "Herkennen zij ons bedrijf in de missie en visie?",
                        "Missen zij thema's, of vinden zij de ambitie te hoog of te laag?",
                        "Hoe leggen we vast wie welke feedback heeft gegeven?",
                    ],
                    "questions_en": [
                        "Whom do we ask for feedback: which colleagues, who from management and "
                        "which stakeholders?",
                        "How do we ask for feedback, for example in a conversation, a survey or "
                        "a meeting?",
                        "Do they recognise our company in the mission and vision?",
                        "Do they miss any themes, or do they find the ambition too high or too "
                        "low?",
                        "How do we record who gave which feedback?",
                    ],
                    "delivers_nl": (
                        "Een overzicht van de feedback op de voorlopige missie en visie, per "
                        "persoon of groep."
                    ),
                    "delivers_en": (
                        "An overview of the feedback on the draft mission and vision, per person "
                        "or group."
                    ),
                    "links": ["mission"],
                    "recurring": False,
                },
                {
                    "code": "1.5",
                    "name_nl": "Definitieve missie en visie",
                    "name_en": "Final mission and vision",
                    "purpose_nl": (
                        "Verwerk de feedback en stel de missie en visie vast. Laat de mensen die "
                        "feedback gaven weten wat jullie ermee hebben gedaan: ook dat is "
                        "transparantie."
                    ),
                    "purpose_en": (
                        "Process the feedback and adopt the mission and vision. Let the people "
                        "who gave feedback know what you did with it: that is transparency too."
                    ),
                    "questions_nl": [
                        "Welke feedback nemen we over, en welke niet?",
                        "Waarom laten we bepaalde feedback liggen?",
                        "Staat de directie achter de definitieve tekst?",
                        "Hoe laten we iedereen die feedback gaf weten wat we ermee hebben gedaan?",
                        "Waar en hoe maken we de missie en visie bekend?",
                    ],
                    "questions_en": [
                        "Which feedback do we adopt, and which not?",
                        "Why do we set certain feedback aside?",
                        "Does management support the final text?",
                        "How do we let everyone who gave feedback know what we did with it?",
                        "Where and how do we make the mission and vision known?",
                    ],
                    "delivers_nl": "Een definitieve missie en visie op MVO.",
                    "delivers_en": "A final CSR mission and vision.",
                    "links": ["mission"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 2,
            "name_nl": "MVO-plan",
            "name_en": "CSR plan",
            "steps": [
                {
                    "code": "2.1",
                    "name_nl": "MVO-thema's",
                    "name_en": "CSR themes",
                    "purpose_nl": (
                        "Vertaal de missie en visie naar een beperkt aantal thema's waar jullie "
                        "echt mee aan de slag gaan. Kies liever drie thema's dan tien, en leg "
                        "per thema uit waarom het voor jullie bedrijf belangrijk is."
                    ),
                    "purpose_en": (
                        "Translate the mission and vision into a limited number of themes you "
                        "will really work on. Choose three themes rather than ten, and explain "
                        "for each theme why it matters to your company."
                    ),
                    "questions_nl": [
                        "Welke thema's volgen uit onze missie en visie?",
                        "Wat betekenen onze missie en visie concreet voor elk van die thema's?",
                        "Waarom is elk thema belangrijk voor ons bedrijf?",
                        "Hoe belangrijk is elk thema voor onze stakeholders, en hoe groot is de "
                        "impact van ons bedrijf erop?",
                        "Welke drie of vier thema's worden onze focusthema's?",
                    ],
                    "questions_en": [
                        "Which themes follow from our mission and vision?",
                        "What do our mission and vision mean in practice for each of those themes?",
                        "Why is each theme important to our company?",
                        "How important is each theme to our stakeholders, and how big is our "
                        "company's impact on it?",
                        "Which three or four themes become our focus themes?",
                    ],
                    "delivers_nl": (
                        "Een korte lijst focusthema's, elk met een toelichting waarom het ertoe "
                        "doet."
                    ),
                    "delivers_en": (
                        "A short list of focus themes, each with an explanation of why it matters."
                    ),
                    "links": ["themes"],
                    "recurring": False,
                },
                {
                    "code": "2.2",
                    "name_nl": "KPI's",
                    "name_en": "KPIs",
                    "purpose_nl": (
                        "Zonder meten weten jullie niet of jullie vooruitgaan. Kies per thema "
                        "een of meer KPI's die laten zien waar jullie staan, en spreek af hoe "
                        "vaak en door wie er gemeten wordt."
                    ),
                    "purpose_en": (
                        "Without measuring you do not know whether you are making progress. "
                        "Choose one or more KPIs per theme that show where you stand, and agree "
                        "how often and by whom they are measured."
                    ),
                    "questions_nl": [
                        "Welke KPI laat per thema het best zien hoe we ervoor staan?",
                        "In welke eenheid meten we, en is hoger of lager beter?",
                        "Waar komen de gegevens vandaan, en hoe definiëren we de KPI precies?",
                        "Meten we elk kwartaal of elk jaar?",
                        "Wie is eigenaar van de KPI en zorgt dat de metingen op tijd binnen zijn?",
                    ],
                    "questions_en": [
                        "Which KPI best shows, per theme, how we are doing?",
                        "In which unit do we measure, and is higher or lower better?",
                        "Where does the data come from, and how exactly do we define the KPI?",
                        "Do we measure every quarter or every year?",
                        "Who owns the KPI and makes sure the measurements come in on time?",
                    ],
                    "delivers_nl": (
                        "Per focusthema een set KPI's, met een plan voor periodieke monitoring."
                    ),
                    "delivers_en": (
                        "A set of KPIs per focus theme, with a plan for periodic monitoring."
                    ),
                    "links": ["kpis"],
                    "recurring": False,
                },
                {
                    "code": "2.3",
                    "name_nl": "Nulmeting",
                    "name_en": "Baseline",
                    "purpose_nl": (
                        "De nulmeting is jullie startpunt. Alleen als jullie weten waar jullie "
                        "beginnen, kunnen jullie realistische doelen stellen en later laten zien "
                        "hoe ver jullie zijn gekomen."
                    ),
                    "purpose_en": (
                        "The baseline is your starting point. Only if you know where you begin "
                        "can you set realistic goals and later show how far you have come."
                    ),
                    "questions_nl": [
                        "Wat is de huidige waarde van elke KPI?",
                        "Op welke datum geldt die waarde?",
                        "Zijn de gegevens betrouwbaar, of is de waarde een schatting?",
                        "Voor welke KPI's ontbreken nog gegevens, en hoe komen we daaraan?",
                    ],
                    "questions_en": [
                        "What is the current value of each KPI?",
                        "On what date does that value apply?",
                        "Is the data reliable, or is the value an estimate?",
                        "For which KPIs is data still missing, and how do we get it?",
                    ],
                    "delivers_nl": "Een nulmeting per KPI: de waarde op een vaste datum.",
                    "delivers_en": "A baseline per KPI: its value on a fixed date.",
                    "links": ["baselines"],
                    "recurring": False,
                },
                {
                    "code": "2.4",
                    "name_nl": "MVO-doelstellingen",
                    "name_en": "CSR objectives",
                    "purpose_nl": (
                        "Leg per KPI vast wat jullie wanneer willen bereiken, in lijn met de "
                        "ambitie uit de visie. Maak de doelen SMART en voeg algemene MVO-doelen "
                        "toe. Formuleer ze samen met medewerkers: dat bouwt draagvlak."
                    ),
                    "purpose_en": (
                        "Record per KPI what you want to achieve and by when, in line with the "
                        "ambition in the vision. Make the goals SMART and add general CSR goals. "
                        "Formulate them together with employees: that builds support."
                    ),
                    "questions_nl": [
                        "Welke streefwaarde willen we per KPI bereiken, en in welk jaar?",
                        "Passen de doelen bij de ambitie uit onze visie?",
                        "Zijn de doelen specifiek, meetbaar, acceptabel, realistisch en "
                        "tijdgebonden?",
                        "Welke algemene MVO-doelen willen we daarnaast, zoals een "
                        "duurzaamheidsverslag of meer betrokkenheid van stakeholders?",
                        "Hoe betrekken we medewerkers bij het formuleren van de doelen?",
                    ],
                    "questions_en": [
                        "Which target value do we want to reach per KPI, and in which year?",
                        "Do the goals match the ambition in our vision?",
                        "Are the goals specific, measurable, acceptable, realistic and time-bound?",
                        "Which general CSR goals do we want in addition, such as a "
                        "sustainability report or more stakeholder involvement?",
                        "How do we involve employees in formulating the goals?",
                    ],
                    "delivers_nl": (
                        "SMART-doelen met streefwaarden per KPI, aangevuld met algemene MVO-doelen."
                    ),
                    "delivers_en": (
                        "SMART goals with target values per KPI, supplemented by general CSR goals."
                    ),
                    "links": ["goals", "wishes"],
                    "recurring": False,
                },
                {
                    "code": "2.5",
                    "name_nl": "Actieplan",
                    "name_en": "Action plan",
                    "purpose_nl": (
                        "Bepaal per thema welke processen het resultaat beïnvloeden en wat "
                        "jullie daarin gaan verbeteren. Geef elke actie een planning, een "
                        "verantwoordelijke en een budget, en wijs één persoon aan die de "
                        "uitvoering bewaakt."
                    ),
                    "purpose_en": (
                        "Determine per theme which processes influence the result and what you "
                        "are going to improve in them. Give every action a schedule, a person "
                        "responsible and a budget, and appoint one person who oversees "
                        "execution."
                    ),
                    "questions_nl": [
                        "Welke processen in ons bedrijf hebben invloed op elk thema?",
                        "Wat gaan we concreet doen om die processen te verbeteren?",
                        "Wanneer voeren we elke actie uit?",
                        "Wie is verantwoordelijk voor elke actie?",
                        "Hoeveel budget en capaciteit vraagt elke actie, en past dat binnen het "
                        "bestaande budget?",
                        "Wie houdt het overzicht over de uitvoering van het hele plan?",
                    ],
                    "questions_en": [
                        "Which processes in our company influence each theme?",
                        "What exactly are we going to do to improve those processes?",
                        "When do we carry out each action?",
                        "Who is responsible for each action?",
                        "How much budget and capacity does each action need, and does that fit "
                        "within the existing budget?",
                        "Who keeps track of the execution of the whole plan?",
                    ],
                    "delivers_nl": (
                        "Een actieplan met acties, planning, verantwoordelijken en budget."
                    ),
                    "delivers_en": (
                        "An action plan with actions, schedule, responsible people and budget."
                    ),
                    "links": ["actions", "board"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 3,
            "name_nl": "Uitvoeren",
            "name_en": "Implement",
            "steps": [
                {
                    "code": "3.1",
                    "name_nl": "Werkgroep samenstellen",
                    "name_en": "Form the working group",
                    "purpose_nl": (
                        "Een plan komt pas tot leven als er mensen mee aan de slag gaan. Een "
                        "werkgroep met leden uit verschillende afdelingen zorgt dat MVO niet bij "
                        "één afdeling blijft hangen."
                    ),
                    "purpose_en": (
                        "A plan only comes to life when people get to work on it. A working "
                        "group with members from different departments makes sure CSR does not "
                        "get stuck in one department."
                    ),
                    "questions_nl": [
                        "Welke afdelingen moeten in de werkgroep vertegenwoordigd zijn?",
                        "Wie wordt trekker of coördinator van de werkgroep?",
                        "Hoeveel tijd krijgen de leden voor hun werk in de werkgroep?",
                        "Hoe vaak komen we bij elkaar?",
                    ],
                    "questions_en": [
                        "Which departments should be represented in the working group?",
                        "Who becomes the lead or coordinator of the working group?",
                        "How much time do the members get for their work in the working group?",
                        "How often do we meet?",
                    ],
                    "delivers_nl": (
                        "Een werkgroep met leden uit verschillende afdelingen en een duidelijke "
                        "trekker."
                    ),
                    "delivers_en": (
                        "A working group with members from different departments and a clear lead."
                    ),
                    "links": ["working_group"],
                    "recurring": False,
                },
                {
                    "code": "3.2",
                    "name_nl": "Draagvlak in de organisatie",
                    "name_en": "Support within the organisation",
                    "purpose_nl": (
                        "MVO lukt alleen als de hele organisatie meedoet. Draagvlak ontstaat als "
                        "de leiding het goede voorbeeld geeft, medewerkers worden betrokken en "
                        "doelen terechtkomen bij de mensen wier werk erbij past."
                    ),
                    "purpose_en": (
                        "CSR only succeeds when the whole organisation takes part. Support "
                        "grows when leadership sets a good example, employees are involved and "
                        "goals end up with the people whose work fits them."
                    ),
                    "questions_nl": [
                        "Hoe geeft de directie het goede voorbeeld?",
                        "Hoe betrekken we medewerkers bij de uitvoering van het plan?",
                        "Welke doelen leggen we bij welke medewerkers, passend bij hun functie?",
                        "Waar verwachten we weerstand, en hoe gaan we daarmee om?",
                    ],
                    "questions_en": [
                        "How does management set a good example?",
                        "How do we involve employees in carrying out the plan?",
                        "Which goals do we assign to which employees, in line with their job?",
                        "Where do we expect resistance, and how do we deal with it?",
                    ],
                    "delivers_nl": (
                        "Afspraken over hoe leiding, medewerkers en afdelingen aan het plan "
                        "bijdragen."
                    ),
                    "delivers_en": (
                        "Agreements on how management, employees and departments contribute to "
                        "the plan."
                    ),
                    "links": ["goals", "actions"],
                    "recurring": False,
                },
                {
                    "code": "3.3",
                    "name_nl": "Medewerkers in staat stellen",
                    "name_en": "Enable employees",
                    "purpose_nl": (
                        "Medewerkers die willen bijdragen, moeten dat ook kunnen. Denk aan "
                        "training, hulpmiddelen, ICT en samenwerking met partners die kennis of "
                        "middelen hebben."
                    ),
                    "purpose_en": (
                        "Employees who want to contribute must also be able to. Think of "
                        "training, tools, ICT and partnerships with parties that have knowledge "
                        "or resources."
                    ),
                    "questions_nl": [
                        "Welke kennis en vaardigheden hebben medewerkers nodig om bij te dragen?",
                        "Welke trainingen bieden we aan?",
                        "Welke hulpmiddelen en ICT-systemen zijn nodig?",
                        "Met welke partners kunnen we samenwerken om kennis of middelen te delen?",
                    ],
                    "questions_en": [
                        "What knowledge and skills do employees need to contribute?",
                        "Which training do we offer?",
                        "Which tools and ICT systems are needed?",
                        "Which partners can we work with to share knowledge or resources?",
                    ],
                    "delivers_nl": (
                        "Trainingen, hulpmiddelen en partnerschappen, opgenomen als acties in "
                        "het plan."
                    ),
                    "delivers_en": (
                        "Training, tools and partnerships, included as actions in the plan."
                    ),
                    "links": ["actions"],
                    "recurring": False,
                },
                {
                    "code": "3.4",
                    "name_nl": "MVO integreren in alle bedrijfsprocessen",
                    "name_en": "Integrate CSR into all business processes",
                    "purpose_nl": (
                        "MVO is geen los project, maar hoort bij het dagelijkse werk. Elke "
                        "afdeling, zoals facilitair, inkoop en HR, draagt op haar eigen manier "
                        "bij."
                    ),
                    "purpose_en": (
                        "CSR is not a separate project, but part of daily work. Every "
                        "department, such as facilities, purchasing and HR, contributes in its "
                        "own way."
                    ),
                    "questions_nl": [
                        "Wat kan elke afdeling bijdragen aan onze MVO-doelen?",
                        "Hoe nemen we MVO op in de inkoop, bijvoorbeeld in eisen aan leveranciers?",
                        "Hoe verankeren we MVO in HR, bijvoorbeeld in werving, opleiding en "
                        "beoordeling?",
                        "Welke bestaande processen, overleggen of checklists kunnen we gebruiken "
                        "in plaats van iets nieuws te bedenken?",
                    ],
                    "questions_en": [
                        "What can each department contribute to our CSR goals?",
                        "How do we include CSR in purchasing, for example in requirements for "
                        "suppliers?",
                        "How do we embed CSR in HR, for example in recruitment, training and "
                        "appraisal?",
                        "Which existing processes, meetings or checklists can we use instead of "
                        "inventing something new?",
                    ],
                    "delivers_nl": (
                        "Per afdeling afspraken en acties om MVO in de bedrijfsprocessen op te "
                        "nemen."
                    ),
                    "delivers_en": (
                        "Agreements and actions per department to include CSR in the business "
                        "processes."
                    ),
                    "links": ["actions"],
                    "recurring": False,
                },
                {
                    "code": "3.5",
                    "name_nl": "Communiceren",
                    "name_en": "Communicate",
                    "purpose_nl": (
                        "Vertel binnen en buiten het bedrijf wat jullie doelen en maatregelen "
                        "zijn, en deel ook de dilemma's. Het gaat er niet om hoe goed jullie "
                        "zijn, maar hoe ver jullie zijn. Luister ook: communicatie werkt twee "
                        "kanten op."
                    ),
                    "purpose_en": (
                        "Tell people inside and outside the company what your goals and measures "
                        "are, and share the dilemmas too. It is not about how good you are, but "
                        "how far you have got. Listen as well: communication works both ways."
                    ),
                    "questions_nl": [
                        "Wat willen we vertellen over onze doelen, maatregelen en dilemma's?",
                        "Welke doelgroepen willen we bereiken, binnen en buiten het bedrijf?",
                        "Via welke kanalen communiceren we, en hoe vaak?",
                        "Hoe zorgen we dat stakeholders kunnen reageren, en wat doen we met hun "
                        "reacties?",
                    ],
                    "questions_en": [
                        "What do we want to tell about our goals, measures and dilemmas?",
                        "Which audiences do we want to reach, inside and outside the company?",
                        "Through which channels do we communicate, and how often?",
                        "How do we make sure stakeholders can respond, and what do we do with "
                        "their responses?",
                    ],
                    "delivers_nl": (
                        "Een communicatieaanpak voor doelen, maatregelen en dilemma's, met "
                        "ruimte voor reacties."
                    ),
                    "delivers_en": (
                        "A communication approach for goals, measures and dilemmas, with room "
                        "for responses."
                    ),
                    "links": ["dialogues"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 4,
            "name_nl": "Verbeteren",
            "name_en": "Improve",
            "steps": [
                {
                    "code": "4.1",
                    "name_nl": "Meet resultaten",
                    "name_en": "Measure results",
                    "purpose_nl": (
                        "Voer de metingen van jullie KPI's in volgens de afgesproken frequentie. "
                        "Door ze naast de nulmeting te leggen, zien jullie of jullie "
                        "vooruitgaan."
                    ),
                    "purpose_en": (
                        "Enter your KPI measurements at the agreed frequency. By comparing them "
                        "with the baseline, you see whether you are making progress."
                    ),
                    "questions_nl": [
                        "Zijn alle metingen van deze periode ingevoerd?",
                        "Hoe verhouden de nieuwe waarden zich tot de nulmeting?",
                        "Waar zijn de gegevens onvolledig of onbetrouwbaar, en hoe verbeteren we "
                        "dat?",
                        "Welke bewijsstukken of toelichting horen bij de metingen?",
                    ],
                    "questions_en": [
                        "Have all measurements for this period been entered?",
                        "How do the new values compare with the baseline?",
                        "Where is the data incomplete or unreliable, and how do we improve that?",
                        "Which evidence or notes belong with the measurements?",
                    ],
                    "delivers_nl": ("Actuele metingen per KPI, vergeleken met de nulmeting."),
                    "delivers_en": "Current measurements per KPI, compared with the baseline.",
                    "links": ["quarter_entry"],
                    "recurring": False,
                },
                {
                    "code": "4.2",
                    "name_nl": "Evalueer",
                    "name_en": "Evaluate",
                    "purpose_nl": (
                        "Leg de resultaten naast de doelen: wat is behaald en wat niet, en "
                        "waarom? Een vergelijking met branchegenoten of met eerdere periodes "
                        "helpt om de resultaten op waarde te schatten."
                    ),
                    "purpose_en": (
                        "Compare the results with the goals: what was achieved and what was not, "
                        "and why? A comparison with peers or with earlier periods helps to judge "
                        "the results at their true value."
                    ),
                    "questions_nl": [
                        "Welke doelen hebben we behaald, en welke niet?",
                        "Wat zijn de oorzaken als een doel niet is behaald?",
                        "Hoe presteren we vergeleken met branchegenoten?",
                        "Hoe presteren we vergeleken met eerdere periodes?",
                        "Welke acties hebben het meeste opgeleverd?",
                    ],
                    "questions_en": [
                        "Which goals have we achieved, and which not?",
                        "What are the causes when a goal has not been achieved?",
                        "How do we perform compared with peers in our sector?",
                        "How do we perform compared with earlier periods?",
                        "Which actions have delivered the most?",
                    ],
                    "delivers_nl": ("Een evaluatie per doel: behaald of niet, met de oorzaken."),
                    "delivers_en": "An evaluation per goal: achieved or not, with the causes.",
                    "links": ["goals"],
                    "recurring": False,
                },
                {
                    "code": "4.3",
                    "name_nl": "Rapporteer en communiceer",
                    "name_en": "Report and communicate",
                    "purpose_nl": (
                        "Maak de resultaten bekend, zowel wat gelukt is als wat niet. Eerlijk "
                        "rapporteren over tegenvallers maakt jullie geloofwaardiger dan alleen "
                        "successen delen."
                    ),
                    "purpose_en": (
                        "Make the results known, both what succeeded and what did not. Reporting "
                        "honestly about setbacks makes you more credible than sharing only "
                        "successes."
                    ),
                    "questions_nl": [
                        "Welke resultaten delen we, de behaalde en de niet-behaalde?",
                        "Voor wie is de rapportage bedoeld, binnen en buiten het bedrijf?",
                        "Hoe leggen we uit waarom sommige doelen niet zijn behaald?",
                        "Welke successen willen we samen vieren?",
                    ],
                    "questions_en": [
                        "Which results do we share, both achieved and not achieved?",
                        "Who is the report meant for, inside and outside the company?",
                        "How do we explain why some goals have not been achieved?",
                        "Which successes do we want to celebrate together?",
                    ],
                    "delivers_nl": (
                        "Een voortgangsrapportage met behaalde en niet-behaalde resultaten."
                    ),
                    "delivers_en": "A progress report with achieved and unachieved results.",
                    "links": ["reports"],
                    "recurring": False,
                },
                {
                    "code": "4.4",
                    "name_nl": "Inventariseer veranderende verwachtingen",
                    "name_en": "Take stock of changing expectations",
                    "purpose_nl": (
                        "De wereld om jullie heen verandert, en daarmee ook wat stakeholders van "
                        "jullie verwachten. Een nieuwe ronde stakeholderdialoog laat zien of "
                        "jullie thema's en doelen nog kloppen."
                    ),
                    "purpose_en": (
                        "The world around you changes, and with it what stakeholders expect of "
                        "you. A new round of stakeholder dialogue shows whether your themes and "
                        "goals are still right."
                    ),
                    "questions_nl": [
                        "Welke stakeholders spreken we opnieuw, en zijn er nieuwe bijgekomen?",
                        "Wat is er veranderd in wat zij van ons verwachten?",
                        "Welke nieuwe ontwikkelingen spelen er in onze sector en in de "
                        "samenleving?",
                        "Kloppen onze thema's en doelen nog?",
                    ],
                    "questions_en": [
                        "Which stakeholders do we talk to again, and have new ones joined?",
                        "What has changed in what they expect of us?",
                        "Which new developments are happening in our sector and in society?",
                        "Are our themes and goals still right?",
                    ],
                    "delivers_nl": (
                        "Een overzicht van nieuwe en veranderde verwachtingen van stakeholders."
                    ),
                    "delivers_en": ("An overview of new and changed stakeholder expectations."),
                    "links": ["dialogues"],
                    "recurring": False,
                },
                {
                    "code": "4.5",
                    "name_nl": "Pas het MVO-plan aan",
                    "name_en": "Adjust the CSR plan",
                    "purpose_nl": (
                        "Herzie het plan met de evaluatie en de nieuwe verwachtingen in de hand: "
                        "activiteiten aanpassen, toevoegen, verbeteren of verbreden, en zo nodig "
                        "meer middelen vrijmaken. Hiermee begint de volgende cyclus, vanaf fase "
                        "2. Sluiten jullie een traject af, sta dan ook stil bij wat het heeft "
                        "opgeleverd."
                    ),
                    "purpose_en": (
                        "Revise the plan with the evaluation and the new expectations in hand: "
                        "adjust, add, improve or broaden activities, and free up more resources "
                        "where needed. This starts the next cycle, from phase 2. When you close "
                        "a trajectory, also take time to reflect on what it has brought."
                    ),
                    "questions_nl": [
                        "Welke activiteiten passen we aan, voegen we toe, verbeteren of "
                        "verbreden we?",
                        "Hebben we meer budget, capaciteit of mensen nodig?",
                        "Welke thema's, KPI's en doelen nemen we mee naar de volgende cyclus?",
                        "Is onze kijk op MVO veranderd sinds de start?",
                        "Is de MVO-volwassenheid van onze organisatie gegroeid?",
                        "Hoe houdt MVO daarna de aandacht, bijvoorbeeld met een focusgroep, een "
                        "vaste rubriek in het personeelsblad of een plek in het meerjarenplan?",
                    ],
                    "questions_en": [
                        "Which activities do we adjust, add, improve or broaden?",
                        "Do we need more budget, capacity or people?",
                        "Which themes, KPIs and goals do we carry over to the next cycle?",
                        "Has our view of CSR changed since the start?",
                        "Has our organisation's CSR maturity grown?",
                        "How will CSR keep attention afterwards, for example through a focus "
                        "group, a regular feature in the staff magazine or a place in the "
                        "multi-year plan?",
                    ],
                    "delivers_nl": (
                        "Een aangepast MVO-plan als startpunt voor de volgende cyclus."
                    ),
                    "delivers_en": (
                        "An adjusted CSR plan as the starting point for the next cycle."
                    ),
                    "links": ["next_cycle"],
                    "recurring": False,
                },
            ],
        },
    ],
}
