"""Method 2: due diligence along the OECD guidelines.

Six phases, one per OECD step, forming a continuous loop that is never finished. Step codes:
1A, 1B, 2A, 2B, 2C, 3A, 3B, 4, 5, 6. Texts address the working group as "jullie".
"""

METHOD = {
    "code": "due_diligence",
    "name_nl": "Due diligence (OESO)",
    "name_en": "Due diligence (OECD)",
    "description_nl": (
        "Met due diligence brengen jullie de risico's op negatieve gevolgen voor mens, milieu en "
        "klimaat in jullie hele waardeketen in kaart en pakken jullie die aan, op basis van de "
        "OESO- en VN-richtlijnen. De methode is bedoeld voor bedrijven en hun MVO-werkgroep; "
        "de zes stappen vormen een doorlopende cyclus die nooit af is."
    ),
    "description_en": (
        "With due diligence you map the risks of adverse impacts on people, the environment and "
        "the climate across your whole value chain, and you address them, based on the OECD "
        "and UN guidelines. The method is meant for companies and their CSR working group; the "
        "six steps form a continuous cycle that is never finished."
    ),
    "before_nl": (
        "Due diligence gaat over de hele waardeketen: bij leveranciers (upstream) en bij "
        "afnemers en verwerking (downstream). Betrek in elke stap stakeholders en let extra op "
        "vrouwen en kwetsbare groepen, zoals kinderen, migranten en mensen met een beperking. "
        "Wat jullie doen, staat in verhouding tot de omvang van het bedrijf en de risico's. En "
        "het werk is nooit af: na stap 6 begint de cyclus opnieuw."
    ),
    "before_en": (
        "Due diligence covers the whole value chain: at suppliers (upstream) and at customers "
        "and processing (downstream). Involve stakeholders in every step and pay extra attention "
        "to women and vulnerable groups, such as children, migrants and people with "
        "disabilities. What you do is in proportion to the size of the company and the risks. "
        "And the work is never finished: after step 6 the cycle starts again."
    ),
    "phases": [
        {
            "number": 1,
            "name_nl": "Integreer MVO in beleid en bedrijfsvoering",
            "name_en": "Integrate CSR into policy and operations",
            "steps": [
                {
                    "code": "1A",
                    "name_nl": "Beoordeel en schrijf het MVO-beleid",
                    "name_en": "Review and write the CSR policy",
                    "purpose_nl": (
                        "Een helder beleid legt vast hoe jullie bedrijf mensenrechten, milieu "
                        "en klimaat respecteert, met de OESO- en VN-richtlijnen als basis. Kijk "
                        "eerst wat er al is, schrijf het beleid na overleg binnen en buiten het "
                        "bedrijf, laat de directie het goedkeuren en maak het openbaar."
                    ),
                    "purpose_en": (
                        "A clear policy sets out how your company respects human rights, the "
                        "environment and the climate, with the OECD and UN guidelines as its "
                        "basis. First look at what already exists, write the policy after "
                        "consultation inside and outside the company, have senior management "
                        "approve it and make it public."
                    ),
                    "questions_nl": [
                        "Welk beleid hebben we al, en wat ontbreekt daarin vergeleken met de "
                        "OESO- en VN-richtlijnen?",
                        "Welke risico's krijgen voorrang, en welke meetbare doelen stellen we "
                        "daarvoor?",
                        "Wat verwachten we van onze medewerkers en leveranciers?",
                        "Wie is verantwoordelijk, hoe nemen we besluiten en welke rol spelen "
                        "certificeringen en sectorafspraken?",
                        "Hoe betrekken we stakeholders bij het opstellen van het beleid, en "
                        "blijvend daarna?",
                        "Wie van de directie keurt het beleid goed, en waar publiceren en delen "
                        "we het?",
                    ],
                    "questions_en": [
                        "What policy do we already have, and what is missing from it compared "
                        "with the OECD and UN guidelines?",
                        "Which risks get priority, and which measurable goals do we set for them?",
                        "What do we expect of our employees and suppliers?",
                        "Who is responsible, how do we make decisions, and what role do "
                        "certifications and sector agreements play?",
                        "How do we involve stakeholders in drawing up the policy, and on a "
                        "continuing basis afterwards?",
                        "Who in senior management approves the policy, and where do we publish "
                        "and share it?",
                    ],
                    "delivers_nl": (
                        "Een goedgekeurd en gepubliceerd MVO-beleid op basis van de OESO- en "
                        "VN-richtlijnen."
                    ),
                    "delivers_en": (
                        "An approved and published CSR policy based on the OECD and UN guidelines."
                    ),
                    "links": ["dialogues", "goals"],
                    "recurring": False,
                },
                {
                    "code": "1B",
                    "name_nl": "Veranker het beleid in de organisatie",
                    "name_en": "Embed the policy in the organisation",
                    "purpose_nl": (
                        "Beleid op papier verandert nog niets. Leg per afdeling vast wie "
                        "waarvoor verantwoordelijk is, neem het volgen van leveranciers op in het "
                        "beleid en maak MVO onderdeel van het risicomanagement."
                    ),
                    "purpose_en": (
                        "Policy on paper changes nothing yet. Record per department who is "
                        "responsible for what, include the monitoring of suppliers in the policy "
                        "and make CSR part of risk management."
                    ),
                    "questions_nl": [
                        "Welke verantwoordelijkheden heeft elke afdeling, van inkoop en verkoop "
                        "tot HR, ICT, logistiek en directie?",
                        "Hoe nemen we het monitoren van leveranciers op in ons beleid?",
                        "Hebben we een gedragscode met afspraken over en weer, waarin ook staat "
                        "wat leveranciers van ons mogen verwachten?",
                        "Welke meetbare doelen koppelen we aan het beleid?",
                        "Hoe nemen we MVO-risico's mee in ons risicomanagement?",
                    ],
                    "questions_en": [
                        "What responsibilities does each department have, from purchasing and "
                        "sales to HR, ICT, logistics and management?",
                        "How do we include supplier monitoring in our policy?",
                        "Do we have a code of conduct with mutual commitments, which also states "
                        "what suppliers can expect from us?",
                        "Which measurable goals do we link to the policy?",
                        "How do we include CSR risks in our risk management?",
                    ],
                    "delivers_nl": (
                        "Vastgelegde verantwoordelijkheden per afdeling, een wederzijdse "
                        "gedragscode en MVO als onderdeel van het risicomanagement."
                    ),
                    "delivers_en": (
                        "Responsibilities recorded per department, a mutual code of conduct and "
                        "CSR as part of risk management."
                    ),
                    "links": ["working_group", "goals"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 2,
            "name_nl": "Identificeer en beoordeel negatieve gevolgen",
            "name_en": "Identify and assess adverse impacts",
            "steps": [
                {
                    "code": "2A",
                    "name_nl": "Breng de waardeketen in kaart",
                    "name_en": "Map the value chain",
                    "purpose_nl": (
                        "Risico's zien jullie pas als jullie weten waar producten en diensten "
                        "vandaan komen en waar ze naartoe gaan. Begin bij landen met hoge "
                        "risico's, daarna bij het grootste volume en de grootste uitgaven. Wat "
                        "nog onbekend is, mag als gat zichtbaar blijven."
                    ),
                    "purpose_en": (
                        "You only see risks once you know where products and services come from "
                        "and where they go. Start with high-risk countries, then with the "
                        "largest volume and spend. What is still unknown may remain visible as a "
                        "gap."
                    ),
                    "questions_nl": [
                        "Wat kopen we in: producten, ingrediënten, grondstoffen en diensten?",
                        "Bij welke leveranciers kopen we, en hebben we met hen een contract?",
                        "Uit welke landen komt wat we inkopen, voor zover we dat weten?",
                        "Waar gaan onze producten naartoe, bijvoorbeeld naar afnemers of naar "
                        "recycling?",
                        "Met welke landen en leveranciers beginnen we, gelet op risico, volume "
                        "en uitgaven?",
                        "Hoe en wanneer vullen we de gaten in ons overzicht?",
                    ],
                    "questions_en": [
                        "What do we buy: products, ingredients, raw materials and services?",
                        "From which suppliers do we buy, and do we have a contract with them?",
                        "Which countries does what we buy come from, as far as we know?",
                        "Where do our products go, for example to customers or to recycling?",
                        "Which countries and suppliers do we start with, given risk, volume and "
                        "spend?",
                        "How and when do we fill the gaps in our overview?",
                    ],
                    "delivers_nl": (
                        "Een kaart van de waardeketen, upstream en downstream, met de bekende "
                        "gaten en een plan om die te vullen."
                    ),
                    "delivers_en": (
                        "A map of the value chain, upstream and downstream, with the known gaps "
                        "and a plan to fill them."
                    ),
                    "links": [],
                    "recurring": False,
                },
                {
                    "code": "2B",
                    "name_nl": "Identificeer negatieve gevolgen",
                    "name_en": "Identify adverse impacts",
                    "purpose_nl": (
                        "Zoek per schakel in de keten uit welke negatieve gevolgen er zijn of "
                        "kunnen ontstaan, zoals kinderarbeid, te lage lonen of watervervuiling. "
                        "Kijk ook kritisch naar jullie eigen manier van werken: ook jullie "
                        "inkooppraktijken kunnen aan problemen bijdragen."
                    ),
                    "purpose_en": (
                        "Find out for each link in the chain which adverse impacts exist or "
                        "could arise, such as child labour, wages that are too low or water "
                        "pollution. Also look critically at your own way of working: your "
                        "purchasing practices can contribute to problems too."
                    ),
                    "questions_nl": [
                        "Welke werkelijke en mogelijke negatieve gevolgen spelen er in onze "
                        "keten, zoals kinderarbeid, gedwongen arbeid, onveilige "
                        "arbeidsomstandigheden, uitbuiting, lonen onder een leefbaar loon, "
                        "watervervuiling of uitstoot van broeikasgassen?",
                        "Wat zegt sector- en landeninformatie, bijvoorbeeld uit een "
                        "risicochecker, over wat we inkopen?",
                        "Wat horen we van leveranciers, uit auditrapporten, van ngo's, "
                        "vakbonden en ambassades, uit klachten en uit de media?",
                        "Dragen onze eigen inkoop, ontwerp, distributie, late orderwijzigingen "
                        "of late betalingen bij aan deze gevolgen?",
                        "Wie worden er geraakt, en wat betekent het voor vrouwen en kwetsbare "
                        "groepen zoals kinderen, migranten en mensen met een beperking?",
                    ],
                    "questions_en": [
                        "Which actual and potential adverse impacts occur in our chain, such as "
                        "child labour, forced labour, unsafe working conditions, exploitation, "
                        "wages below a living wage, water pollution or greenhouse gas emissions?",
                        "What does sector and country information, for example from a risk "
                        "checker, say about what we buy?",
                        "What do we hear from suppliers, from audit reports, from NGOs, unions "
                        "and embassies, from complaints and from the media?",
                        "Do our own purchasing, design, distribution, late order changes or late "
                        "payments contribute to these impacts?",
                        "Who is affected, and what does it mean for women and vulnerable groups "
                        "such as children, migrants and people with disabilities?",
                    ],
                    "delivers_nl": (
                        "Een lijst van werkelijke en mogelijke negatieve gevolgen in de keten, "
                        "met hun bronnen."
                    ),
                    "delivers_en": (
                        "A list of actual and potential adverse impacts in the chain, with their "
                        "sources."
                    ),
                    "links": ["dialogues"],
                    "recurring": False,
                },
                {
                    "code": "2C",
                    "name_nl": "Prioriteer de risico's",
                    "name_en": "Prioritise the risks",
                    "purpose_nl": (
                        "Prioriteer eerst op ernst (zwaarte, reikwijdte en onomkeerbaarheid), "
                        "daarna op waarschijnlijkheid. De ernstigste risico's gaan altijd voor, "
                        "ook als ze onwaarschijnlijk zijn. Prioriteren is uitstellen, niet "
                        "schrappen; leg vast waarom jullie zo kiezen."
                    ),
                    "purpose_en": (
                        "Prioritise first by severity (scale, scope and irremediability), then "
                        "by likelihood. The most severe risks always come first, even when they "
                        "are unlikely. Prioritising means postponing, not dropping; record why "
                        "you choose as you do."
                    ),
                    "questions_nl": [
                        "Hoe zwaar is elk negatief gevolg voor de mensen die het treft?",
                        "Hoeveel mensen raakt het?",
                        "Kan de schade worden hersteld, of is die onomkeerbaar?",
                        "Hoe waarschijnlijk is het dat het gevolg optreedt?",
                        "Welke risico's pakken we eerst aan, en welke later?",
                        "Hoe leggen we onze afwegingen vast?",
                    ],
                    "questions_en": [
                        "How grave is each adverse impact for the people it affects?",
                        "How many people does it affect?",
                        "Can the harm be undone, or is it irremediable?",
                        "How likely is it that the impact occurs?",
                        "Which risks do we tackle first, and which later?",
                        "How do we record our reasoning?",
                    ],
                    "delivers_nl": (
                        "Een geprioriteerde lijst van risico's met een vastgelegde onderbouwing."
                    ),
                    "delivers_en": "A prioritised list of risks with a documented rationale.",
                    "links": [],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 3,
            "name_nl": "Stop, voorkom en beperk negatieve gevolgen",
            "name_en": "Stop, prevent and mitigate adverse impacts",
            "steps": [
                {
                    "code": "3A",
                    "name_nl": "Bepaal jullie betrokkenheid",
                    "name_en": "Determine your involvement",
                    "purpose_nl": (
                        "Wat jullie moeten doen, hangt af van hoe jullie bij een gevolg "
                        "betrokken zijn. Veroorzaken jullie het, stop of voorkom het dan. Dragen "
                        "jullie eraan bij, stop die bijdrage en gebruik invloed voor de rest. "
                        "Zijn jullie er direct mee verbonden, gebruik dan invloed op wie het "
                        "veroorzaakt."
                    ),
                    "purpose_en": (
                        "What you need to do depends on how you are involved in an impact. If "
                        "you cause it, stop or prevent it. If you contribute to it, stop that "
                        "contribution and use leverage for the rest. If you are directly linked "
                        "to it, use leverage on whoever causes it."
                    ),
                    "questions_nl": [
                        "Veroorzaken we het gevolg zelf, dragen we eraan bij of zijn we er via "
                        "een zakenrelatie direct mee verbonden?",
                        "Welke activiteit of bijdrage van onszelf kunnen we stoppen of voorkomen?",
                        "Welke partij in de keten veroorzaakt het gevolg?",
                        "Hoeveel invloed hebben we op die partij, en hoe kunnen we die vergroten?",
                    ],
                    "questions_en": [
                        "Do we cause the impact ourselves, do we contribute to it, or are we "
                        "directly linked to it through a business relationship?",
                        "Which activity or contribution of our own can we stop or prevent?",
                        "Which party in the chain causes the impact?",
                        "How much leverage do we have over that party, and how can we increase it?",
                    ],
                    "delivers_nl": (
                        "Per prioritair risico de vorm van betrokkenheid en de aanpak die "
                        "daarbij hoort."
                    ),
                    "delivers_en": (
                        "For each priority risk, the type of involvement and the response that "
                        "goes with it."
                    ),
                    "links": [],
                    "recurring": False,
                },
                {
                    "code": "3B",
                    "name_nl": "Maak een plan van aanpak met ketenpartners",
                    "name_en": "Draw up an action plan with chain partners",
                    "purpose_nl": (
                        "Werk met de betrokken leveranciers, deskundigen en getroffen mensen aan "
                        "concrete maatregelen met SMART-doelen. Certificering helpt, maar nooit "
                        "als enige maatregel. Een leverancier loslaten is het laatste "
                        "redmiddel: weeg eerst af welke gevolgen dat zelf heeft."
                    ),
                    "purpose_en": (
                        "Work with the suppliers involved, experts and affected people on "
                        "concrete measures with SMART goals. Certification helps, but never as "
                        "the only measure. Dropping a supplier is a last resort: first weigh "
                        "what consequences that itself has."
                    ),
                    "questions_nl": [
                        "Welke maatregelen nemen we, en welke SMART-doelen horen daarbij?",
                        "Wie is verantwoordelijk, wie hebben we nodig en welk budget is er?",
                        "Hoe betrekken we de leveranciers, deskundigen en getroffen mensen?",
                        "Hoe vergroten we onze invloed, bijvoorbeeld via sectorafspraken, "
                        "andere afnemers van dezelfde leverancier of commerciële prikkels?",
                        "Welke aanpak past: een langdurige relatie, een verbeterplan (CAP), een "
                        "project in de keten, certificering, of een andere regio of een ander "
                        "materiaal?",
                        "Wanneer overwegen we de relatie met een leverancier te beëindigen, en "
                        "wat betekent dat voor de mensen daar?",
                    ],
                    "questions_en": [
                        "Which measures do we take, and which SMART goals go with them?",
                        "Who is responsible, whom do we need and what budget is available?",
                        "How do we involve the suppliers, experts and affected people?",
                        "How do we increase our leverage, for example through sector "
                        "agreements, other buyers at the same supplier or commercial incentives?",
                        "Which approach fits: a long-term relationship, a corrective action plan "
                        "(CAP), a project in the chain, certification, or another region or "
                        "another material?",
                        "When do we consider ending the relationship with a supplier, and what "
                        "does that mean for the people there?",
                    ],
                    "delivers_nl": (
                        "Een plan van aanpak met maatregelen, verantwoordelijken, budget en "
                        "SMART-doelen."
                    ),
                    "delivers_en": (
                        "An action plan with measures, responsible people, budget and SMART goals."
                    ),
                    "links": ["actions", "goals"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 4,
            "name_nl": "Monitor de doeltreffendheid",
            "name_en": "Monitor effectiveness",
            "steps": [
                {
                    "code": "4",
                    "name_nl": "Monitor afspraken en maatregelen",
                    "name_en": "Monitor agreements and measures",
                    "purpose_nl": (
                        "Ga na of afspraken worden nagekomen en of de maatregelen echt werken. "
                        "Gebruik meerdere bronnen en ken de grenzen van audits. Monitor de "
                        "ernstigste risico's als eerste en het nauwkeurigst."
                    ),
                    "purpose_en": (
                        "Check whether agreements are kept and whether the measures really work. "
                        "Use several sources and know the limits of audits. Monitor the most "
                        "severe risks first and most closely."
                    ),
                    "questions_nl": [
                        "Komen leveranciers en wijzelf de gemaakte afspraken na?",
                        "Werken de maatregelen, en hoe zien we dat terug in meetbare doelen "
                        "zoals het percentage gecertificeerde producten of leveranciers die de "
                        "gedragscode hebben ondertekend?",
                        "Welke bronnen gebruiken we: gesprekken met leveranciers, "
                        "zelfevaluaties door de jaren heen, bezoeken ter plaatse, audits, "
                        "openbare informatie of derden?",
                        "Lezen we de auditrapporten echt, volgen we het verbeterplan (CAP) op en "
                        "kennen we de beperkingen van audits?",
                        "Richten we de monitoring vooral op de ernstigste risico's?",
                    ],
                    "questions_en": [
                        "Are the suppliers and we ourselves keeping the agreements made?",
                        "Do the measures work, and how does that show in measurable goals such "
                        "as the percentage of certified products or of suppliers that have "
                        "signed the code of conduct?",
                        "Which sources do we use: conversations with suppliers, "
                        "self-assessments over the years, site visits, audits, public "
                        "information or third parties?",
                        "Do we really read the audit reports, follow up the corrective action "
                        "plan (CAP) and know the limitations of audits?",
                        "Is our monitoring focused mainly on the most severe risks?",
                    ],
                    "delivers_nl": (
                        "Per prioritair risico een beeld van de voortgang en de doeltreffendheid "
                        "van de maatregelen."
                    ),
                    "delivers_en": (
                        "For each priority risk, a picture of the progress and effectiveness of "
                        "the measures."
                    ),
                    "links": ["kpis", "quarter_entry"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 5,
            "name_nl": "Communiceer",
            "name_en": "Communicate",
            "steps": [
                {
                    "code": "5",
                    "name_nl": "Communiceer over aanpak en resultaten",
                    "name_en": "Communicate about approach and results",
                    "purpose_nl": (
                        "Vertel binnen en buiten het bedrijf eerlijk over beleid, risico's, "
                        "maatregelen en resultaten. Deel ook dilemma's en wat niet lukte, en "
                        "vermijd greenwashing. Check bij getroffen stakeholders dat jullie "
                        "communicatie hen niet in gevaar brengt."
                    ),
                    "purpose_en": (
                        "Tell people inside and outside the company honestly about policy, "
                        "risks, measures and results. Also share dilemmas and what did not work, "
                        "and avoid greenwashing. Check with affected stakeholders that your "
                        "communication does not put them at risk."
                    ),
                    "questions_nl": [
                        "Hoe informeren we collega's regelmatig, minstens elk kwartaal?",
                        "Via welke kanalen communiceren we extern, zoals de website, een "
                        "verslag of een nieuwsbrief, en moeten we volgens de CSRD rapporteren?",
                        "Welke dilemma's en tegenvallers delen we naast de successen?",
                        "Hoe voorkomen we dat we het mooier voorstellen dan het is?",
                        "Kan onze communicatie getroffen stakeholders in gevaar brengen, en "
                        "hebben we dat met hen nagevraagd?",
                        "Hebben we stakeholders laten weten wat we met hun inbreng hebben gedaan?",
                    ],
                    "questions_en": [
                        "How do we inform colleagues regularly, at least every quarter?",
                        "Through which channels do we communicate externally, such as the "
                        "website, a report or a newsletter, and are we required to report under "
                        "the CSRD?",
                        "Which dilemmas and setbacks do we share alongside the successes?",
                        "How do we avoid presenting things as better than they are?",
                        "Could our communication put affected stakeholders at risk, and have we "
                        "checked this with them?",
                        "Have we told stakeholders what we did with their input?",
                    ],
                    "delivers_nl": (
                        "Interne en externe communicatie over beleid, risico's, maatregelen en "
                        "resultaten."
                    ),
                    "delivers_en": (
                        "Internal and external communication about policy, risks, measures and "
                        "results."
                    ),
                    "links": ["dialogues", "reports"],
                    "recurring": False,
                },
            ],
        },
        {
            "number": 6,
            "name_nl": "Herstel schade of werk hieraan mee",
            "name_en": "Remediate harm or cooperate in remediation",
            "steps": [
                {
                    "code": "6",
                    "name_nl": "Herstel schade en richt een klachtenmechanisme in",
                    "name_en": "Remediate harm and set up a grievance mechanism",
                    "purpose_nl": (
                        "Is er schade, dan hangt jullie rol af van de betrokkenheid: volledig "
                        "herstellen als jullie die veroorzaakten, jullie deel als jullie "
                        "bijdroegen, en invloed gebruiken als jullie er direct mee verbonden "
                        "zijn. Bepaal de vorm samen met de getroffenen. Een goed "
                        "klachtenmechanisme helpt om problemen vroeg te horen."
                    ),
                    "purpose_en": (
                        "If there is harm, your role depends on your involvement: remedy it "
                        "fully if you caused it, your share if you contributed, and use leverage "
                        "if you are directly linked. Decide the form together with those "
                        "affected. A good grievance mechanism helps you hear about problems "
                        "early."
                    ),
                    "questions_nl": [
                        "Welke schade is er, en hoe zijn we erbij betrokken: veroorzaakt, "
                        "bijgedragen of direct verbonden?",
                        "Welke vorm van herstel past, zoals excuses, erkenning, financiële "
                        "compensatie of maatregelen tegen herhaling, en hebben we dat met de "
                        "getroffenen besproken?",
                        "Kennen medewerkers, leveranciers en stakeholders ons "
                        "klachtenmechanisme, en is het toegankelijk voor interne en externe "
                        "stakeholders?",
                        "Is het mechanisme vertrouwelijk en betrouwbaar, en beschermt het "
                        "klokkenluiders?",
                        "Registreren we elke klacht en de afhandeling ervan, en zijn we open "
                        "over de procedure en de termijnen?",
                        "Beoordelen onafhankelijke, deskundige mensen de klachten, in lijn met "
                        "het internationaal recht?",
                    ],
                    "questions_en": [
                        "What harm is there, and how are we involved: caused, contributed or "
                        "directly linked?",
                        "Which form of remedy fits, such as an apology, recognition, financial "
                        "compensation or measures against recurrence, and have we discussed "
                        "this with those affected?",
                        "Do employees, suppliers and stakeholders know our grievance mechanism, "
                        "and is it accessible to internal and external stakeholders?",
                        "Is the mechanism confidential and trusted, and does it protect "
                        "whistleblowers?",
                        "Do we register every complaint and how it was handled, and are we open "
                        "about the procedure and the timelines?",
                        "Are the complaints assessed by independent, expert people, in line "
                        "with international law?",
                    ],
                    "delivers_nl": (
                        "Afspraken over herstel met de getroffenen en een werkend "
                        "klachtenmechanisme."
                    ),
                    "delivers_en": (
                        "Agreements on remedy with those affected and a working grievance "
                        "mechanism."
                    ),
                    "links": ["actions", "dialogues"],
                    "recurring": False,
                },
            ],
        },
    ],
}
