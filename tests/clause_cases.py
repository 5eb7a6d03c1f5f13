"""Clause passages written for the tests: paraphrases (every element present) and distractors
(the same shape about something else: no element present), per template and language.

They are deliberately worded unlike the model texts and the eval set, the way real contracts
phrase the same obligations ("undertakes to", passive voice, separable verbs, compounds).
"""

PRESENT = {
    ("ghent", "en"): """Article 12 - Equal opportunities
The Service Provider undertakes not to discriminate, directly or indirectly, against any person on the basis of gender, nationality, race, colour, ethnic background, age, sexual orientation, political opinions, language, health, disability, physical or genetic features or social background.
Its facilities and services will be open to all members of the public.
Discriminatory behaviour between employees will not be tolerated and will be dealt with promptly.
The Service Provider shall abide by the Equality Act 2010 and all other equal treatment legislation.
These obligations shall be passed on to every subcontractor engaged under this Contract.""",
    ("ghent", "nl"): """Artikel 14 - Non-discriminatie
De inschrijver verbindt zich ertoe geen onderscheid te maken op basis van geslacht, nationaliteit, een zogenaamd ras, huidskleur, nationale of etnische afstamming, leeftijd, seksuele geaardheid, geloof, politieke overtuiging, taal, gezondheidstoestand, een handicap, een fysieke of genetische eigenschap of sociale afkomst.
De diensten van de opdrachtnemer zijn voor iedereen toegankelijk.
De opdrachtnemer treedt op tegen elke vorm van discriminatie binnen zijn bedrijf.
Hij leeft de antidiscriminatiewet van 10 mei 2007 en het gelijkekansendecreet na.
Hij legt deze verplichtingen ook op aan zijn onderaannemers.""",
    ("ghent", "sv"): """Likabehandling
Leverantören får inte diskriminera någon på grund av kön, nationalitet, ras, hudfärg, etnisk tillhörighet, ålder, sexuell läggning, politisk uppfattning, språk, hälsa, funktionshinder, fysiska eller genetiska egenskaper eller social härkomst.
Leverantörens lokaler och tjänster ska vara tillgängliga för alla.
Leverantören ska förebygga diskriminering på arbetsplatsen.
Leverantören ska följa diskrimineringslagen.
Leverantören ska ställa motsvarande krav på sina underleverantörer.""",
    ("ghent", "fr"): """Article 9 - Égalité de traitement
Le prestataire s'interdit toute discrimination fondée sur le sexe, la nationalité, la race, la couleur, l'origine ethnique, l'âge, l'orientation sexuelle, les opinions politiques, la langue, l'état de santé, le handicap, les caractéristiques physiques ou génétiques ou l'origine sociale.
Ses services sont accessibles à toute personne sans distinction.
Il prévient tout comportement discriminatoire entre les membres de son personnel.
Il se conforme à la législation relative à la lutte contre les discriminations.
Il impose les mêmes obligations à ses sous-traitants.""",
    ("ghent", "de"): """§ 12 Gleichbehandlung
Der Auftragnehmer verpflichtet sich, niemanden wegen des Geschlechts, der Nationalität, der Rasse, der Hautfarbe, der ethnischen Herkunft, des Alters, der sexuellen Identität, der politischen Anschauung, der Sprache, der Gesundheit, einer Behinderung, körperlicher oder genetischer Merkmale oder der sozialen Herkunft zu benachteiligen.
Seine Leistungen und Räume stehen allen Menschen offen.
Er wirkt Diskriminierung unter seinen Beschäftigten entgegen.
Er beachtet das Allgemeine Gleichbehandlungsgesetz (AGG).
Diese Pflichten gibt er an seine Nachunternehmer weiter.""",
    ("stockholm", "en"): """Equality and non-discrimination
The Supplier shall comply with the Equality Act 2010 throughout the term of this Agreement.
Upon request by the Authority, the Supplier shall within ten working days submit a written account of the steps taken to promote equal treatment.
The Supplier shall procure that any sub-contractor engaged in the performance of this Agreement complies with equivalent obligations, and shall remain liable for any failure by such sub-contractor.
Any breach of this clause shall constitute a material breach entitling the Authority to terminate this Agreement with immediate effect.""",
    ("stockholm", "nl"): """Artikel 20 - Antidiscriminatie
De opdrachtnemer respecteert de Belgische antidiscriminatiewetgeving gedurende de volledige looptijd van het contract.
Op eenvoudig verzoek van de stad rapporteert hij schriftelijk over de acties die hij ondernam om gelijke kansen te bevorderen.
Hij ziet erop toe dat ook zijn onderaannemers deze verplichtingen nakomen en blijft daarvoor aansprakelijk.
Bij niet-naleving kan de stad de overeenkomst ontbinden of een boete opleggen.""",
    ("stockholm", "sv"): """Antidiskrimineringsvillkor
Leverantören ska under avtalstiden iaktta gällande diskrimineringslagstiftning.
Leverantören ska, om Beställaren begär det, inom en vecka redovisa hur Leverantören arbetar med aktiva åtgärder.
Leverantören ansvarar för att underleverantörer följer motsvarande villkor.
Fullgör Leverantören inte sina skyldigheter enligt detta villkor har Beställaren rätt att säga upp avtalet.""",
    ("stockholm", "fr"): """Clause sociale - lutte contre les discriminations
Le titulaire respecte les dispositions légales relatives à la lutte contre les discriminations.
Sur demande du pouvoir adjudicateur, il rend compte par écrit des mesures prises en faveur de l'égalité de traitement.
Il veille à ce que ses sous-traitants satisfassent aux mêmes exigences et en est responsable.
Tout manquement à la présente clause peut entraîner la résiliation du marché.""",
    ("stockholm", "de"): """§ 15 Schutz vor Diskriminierung
Der Auftragnehmer hält die Bestimmungen des AGG ein.
Auf Anforderung des Auftraggebers weist er schriftlich nach, welche Maßnahmen er zur Gleichbehandlung ergriffen hat.
Er stellt sicher, dass seine Subunternehmer dieselben Verpflichtungen einhalten, und haftet für diese.
Bei Verstößen ist der Auftraggeber zur fristlosen Kündigung berechtigt.""",
    ("flanders", "en"): """Non-discrimination
The contracting authority may exclude a tenderer who has been convicted of an offence under anti-discrimination legislation.
While performing the contract, the contractor and its personnel shall refrain from any form of discrimination.
This includes harassment, bullying and violence at work.
The contractor shall make sure that its subcontractors observe the same obligations.
If a breach is established, the contracting authority may impose penalties or terminate the contract.""",
    ("flanders", "nl"): """Non-discriminatie
Kan worden uitgesloten: de inschrijver die bij rechterlijke beslissing veroordeeld werd voor een inbreuk op de wetgeving ter bestrijding van discriminatie.
De opdrachtnemer verbindt zich ertoe om bij de uitvoering van de opdracht geen enkele vorm van discriminatie toe te passen.
Hij neemt maatregelen tegen geweld, pesterijen en ongewenst seksueel gedrag op het werk.
De opdrachtnemer legt dezelfde verplichtingen op aan zijn onderaannemers.
Inbreuken kunnen leiden tot de toepassing van de maatregelen van ambtswege, waaronder de eenzijdige verbreking van de opdracht.""",
    ("flanders", "sv"): """Icke-diskriminering
En anbudsgivare som har dömts för brott mot diskrimineringslagen får uteslutas ur upphandlingen.
Leverantören och dess anställda får inte diskriminera någon vid fullgörandet av kontraktet.
Leverantören ska motverka trakasserier, mobbning och våld på arbetsplatsen.
Leverantören ska säkerställa att underleverantörer iakttar samma krav.
Vid överträdelse får Beställaren kräva vite eller häva avtalet.""",
    ("flanders", "fr"): """Non-discrimination
Peut être exclu de la procédure le soumissionnaire condamné pour une infraction à la législation anti-discrimination.
Pendant l'exécution du marché, l'adjudicataire et son personnel s'abstiennent de toute discrimination.
Cela couvre également la violence, le harcèlement moral et le harcèlement sexuel au travail.
L'adjudicataire veille à ce que ses sous-traitants respectent les mêmes obligations.
Tout manquement constaté peut donner lieu à des pénalités ou à la résiliation du marché.""",
    ("flanders", "de"): """Nichtdiskriminierung
Bieter, die wegen eines Verstoßes gegen das Antidiskriminierungsrecht rechtskräftig verurteilt wurden, können vom Verfahren ausgeschlossen werden.
Bei der Ausführung des Auftrags unterlassen der Auftragnehmer und sein Personal jede Diskriminierung.
Dies gilt auch für Gewalt, Mobbing und sexuelle Belästigung am Arbeitsplatz.
Der Auftragnehmer sorgt dafür, dass seine Nachunternehmer dieselben Pflichten einhalten.
Verstöße können mit Vertragsstrafen oder der Kündigung des Vertrags geahndet werden.""",
}

DISTRACTORS = {
    ("ghent", "en"): """Clause 9 - Confidentiality
The Contractor shall require its subcontractors to keep all information confidential.
Clause 10 - Site access
The depot is accessible to all vehicles from Monday to Friday.
Clause 11 - Compliance with law
The Contractor shall comply with all applicable health and safety legislation.""",
    ("ghent", "nl"): """Artikel 5 - Onderaanneming
De opdrachtnemer legt zijn onderaannemers dezelfde veiligheidsvoorschriften op.
Artikel 6 - Toegang
Het containerpark is toegankelijk voor alle inwoners op zaterdag.
Artikel 7 - Wetgeving
De opdrachtnemer leeft de milieuwetgeving na.""",
    ("ghent", "sv"): """Sekretess
Leverantören ska ställa motsvarande krav på sekretess på sina underleverantörer.
Öppettider
Mottagningen är öppen för alla besökare vardagar 8-17.
Lagar
Leverantören ska följa arbetsmiljölagen och all tillämplig lagstiftning om byggnadsarbeten.""",
    ("ghent", "fr"): """Article 4 - Confidentialité
Le titulaire impose les mêmes obligations de confidentialité à ses sous-traitants.
Article 5 - Accès au site
Le site est accessible du lundi au vendredi de 7 h à 18 h pour tous les véhicules.
Article 6 - Législation
Le titulaire respecte la législation environnementale.""",
    ("ghent", "de"): """§ 7 Geheimhaltung
Der Auftragnehmer verpflichtet seine Nachunternehmer zur Geheimhaltung.
§ 8 Zugang
Das Gelände ist für alle Fahrzeuge montags bis freitags zugänglich.
§ 9 Gesetze
Der Auftragnehmer beachtet die Umweltgesetze.""",
    ("stockholm", "en"): """Reporting
The Supplier shall provide a quarterly written report on key performance indicators upon request.
Subcontracting
The Supplier shall ensure that its subcontractors comply with the data protection obligations of this Agreement.
Termination
The Authority may terminate this Agreement if the Supplier fails to deliver the goods within 30 days.""",
    ("stockholm", "nl"): """Artikel 8 - Verslaggeving
De opdrachtnemer bezorgt op verzoek een maandelijks verslag over de prestaties.
Artikel 9 - Onderaanneming
De opdrachtnemer blijft aansprakelijk voor zijn onderaannemers.
Artikel 10 - Verbreking
De stad kan de overeenkomst ontbinden bij laattijdige uitvoering.""",
    ("stockholm", "sv"): """Rapportering
Leverantören ska varje kvartal redovisa antalet utförda uppdrag.
Underleverantörer
Leverantören ansvarar för underleverantörers arbete som för sitt eget.
Hävning
Beställaren får häva avtalet vid väsentligt avtalsbrott.""",
    ("stockholm", "fr"): """Rapports
Le titulaire transmet un rapport mensuel d'activité.
Sous-traitance
Le titulaire reste responsable de ses sous-traitants.
Résiliation
Le marché peut être résilié en cas de retard de livraison.""",
    ("stockholm", "de"): """§ 4 Berichte
Der Auftragnehmer legt monatlich einen Bericht über den Projektfortschritt vor.
§ 5 Nachunternehmer
Der Auftragnehmer haftet für seine Nachunternehmer.
§ 6 Kündigung
Bei Zahlungsverzug kann der Auftragnehmer den Vertrag kündigen.""",
    ("flanders", "en"): """Exclusion grounds
Tenderers convicted of fraud or corruption shall be excluded.
Security
Violence or threats against the contractor's staff must be reported to the police.
Subcontracting
The contractor shall ensure that its subcontractors hold the required insurance.
Penalties
Late delivery gives rise to a penalty of 0.1% of the contract value per day.""",
    ("flanders", "nl"): """Uitsluitingsgronden
De inschrijver die veroordeeld werd wegens fraude wordt uitgesloten.
Veiligheid
Geweld tegen het personeel wordt gemeld aan de politie.
Onderaanneming
De opdrachtnemer zorgt ervoor dat zijn onderaannemers verzekerd zijn.
Straffen
Bij laattijdige levering wordt een boete aangerekend.""",
    ("flanders", "sv"): """Uteslutning
En anbudsgivare som har dömts för bedrägeri ska uteslutas.
Säkerhet
Våld mot personal ska polisanmälas.
Underleverantörer
Leverantören ska säkerställa att underleverantörer har försäkring.
Vite
Vid försenad leverans utgår vite.""",
    ("flanders", "fr"): """Exclusion
Est exclu le soumissionnaire condamné pour fraude.
Sécurité
Toute violence envers le personnel est signalée à la police.
Sous-traitance
Le titulaire veille à ce que ses sous-traitants soient assurés.
Pénalités
Un retard de livraison entraîne une pénalité de 100 euros par jour.""",
    ("flanders", "de"): """Ausschlussgründe
Bieter, die wegen Betrugs verurteilt wurden, werden ausgeschlossen.
Sicherheit
Gewalt gegen das Personal ist der Polizei zu melden.
Nachunternehmer
Der Auftragnehmer sorgt dafür, dass seine Nachunternehmer versichert sind.
Vertragsstrafe
Bei Lieferverzug wird eine Vertragsstrafe fällig.""",
}

# (language, phrase inside a non-discrimination statement, ground id it must be recognised as)
GROUND_SYNONYMS = [
    ("en", "sex", "gender"), ("en", "gender", "gender"), ("en", "skin colour", "skin-colour"),
    ("en", "colour", "skin-colour"), ("en", "sexual preference", "sexual-orientation"),
    ("en", "social descent", "social-origin"), ("en", "state of health", "health"),
    ("en", "physical or genetic characteristics", "physical-genetic-characteristics"),
    ("en", "political opinion", "political-conviction"), ("en", "so-called race", "race"),
    ("en", "ethnicity", "ethnic-origin"),
    ("nl", "geslacht", "gender"), ("nl", "huidskleur", "skin-colour"), ("nl", "seksuele geaardheid", "sexual-orientation"),
    ("nl", "sociale afkomst", "social-origin"), ("nl", "gezondheidstoestand", "health"),
    ("nl", "fysieke of genetische eigenschappen", "physical-genetic-characteristics"),
    ("nl", "politieke of syndicale overtuiging", "political-conviction"), ("nl", "zogenaamd ras", "race"),
    ("nl", "etnische afstamming", "ethnic-origin"), ("nl", "handicap", "disability"),
    ("sv", "kön", "gender"), ("sv", "hudfärg", "skin-colour"), ("sv", "sexuell läggning", "sexual-orientation"),
    ("sv", "social bakgrund", "social-origin"), ("sv", "hälsotillstånd", "health"),
    ("sv", "fysiska eller genetiska egenskaper", "physical-genetic-characteristics"),
    ("sv", "politisk åskådning", "political-conviction"), ("sv", "etnisk tillhörighet", "ethnic-origin"),
    ("sv", "funktionsnedsättning", "disability"),
    ("fr", "sexe", "gender"), ("fr", "couleur de peau", "skin-colour"), ("fr", "orientation sexuelle", "sexual-orientation"),
    ("fr", "origine sociale", "social-origin"), ("fr", "état de santé", "health"),
    ("fr", "caractéristiques physiques ou génétiques", "physical-genetic-characteristics"),
    ("fr", "opinions politiques", "political-conviction"), ("fr", "origine ethnique", "ethnic-origin"),
    ("de", "Geschlecht", "gender"), ("de", "Hautfarbe", "skin-colour"), ("de", "sexuelle Orientierung", "sexual-orientation"),
    ("de", "soziale Herkunft", "social-origin"), ("de", "Gesundheitszustand", "health"),
    ("de", "körperliche oder genetische Merkmale", "physical-genetic-characteristics"),
    ("de", "politische Überzeugung", "political-conviction"), ("de", "ethnische Herkunft", "ethnic-origin"),
    ("de", "Behinderung", "disability"),
]

# a statement frame per language; the second ground keeps the grounds element above its minimum
STATEMENT = {
    "en": "The Contractor shall not discriminate on grounds of {g} or age.",
    "nl": "De opdrachtnemer discrimineert niet op grond van {g} of leeftijd.",
    "sv": "Leverantören får inte diskriminera på grund av {g} eller ålder.",
    "fr": "Le titulaire ne pratique aucune discrimination fondée sur {g} ou l'âge.",
    "de": "Der Auftragnehmer diskriminiert niemanden wegen {g} oder des Alters.",
}

# (language, template, text, element, expected present) -- single obligations worded as real contracts do
SINGLE = [
    ("en", "stockholm", "The Contractor shall not unlawfully discriminate within the meaning and scope of the Equality Act 2010.",
     "legal-compliance", True),
    ("en", "stockholm", "Equality\nThe Supplier shall, when asked by the Buyer, give an account of the steps it has taken to comply with this clause.",
     "reporting", True),
    ("en", "stockholm", "Equal treatment\nSubcontractors shall be bound by equivalent obligations.", "subcontractors", True),
    ("en", "stockholm", "Equal treatment\nThe Contractor shall include provisions to the same effect in every subcontract.",
     "subcontractors", True),
    ("en", "stockholm", "Equality\nA breach of this clause entitles the Buyer to end the agreement.", "termination", True),
    ("en", "stockholm", "Equality\nThe Contractor shall pay all invoices from its subcontractors within 30 days.", "subcontractors", False),
    ("en", "stockholm", "The Contractor shall report monthly on waste volumes and may be terminated for repeated delays.",
     "reporting", False),
    ("en", "ghent", "Non-discrimination\nThe Contractor's premises shall be accessible to people with disabilities.", "accessibility", True),
    ("en", "ghent", "The Contractor shall not discriminate against job applicants or employees.", "workplace", True),
    ("en", "ghent", "The website shall be available to all users 24 hours a day.", "accessibility", False),
    ("nl", "stockholm", "De opdrachtnemer respecteert zijn verplichtingen krachtens de antidiscriminatiewet.", "legal-compliance", True),
    ("nl", "stockholm", "Gelijke kansen\nDe opdrachtnemer bezorgt op vraag van het bestuur een schriftelijk overzicht van de genomen maatregelen.",
     "reporting", True),
    ("nl", "stockholm", "Gelijke kansen\nDe onderaannemers zijn aan dezelfde verplichtingen gebonden.", "subcontractors", True),
    ("nl", "stockholm", "Gelijke kansen\nBij inbreuk kan het bestuur de overeenkomst ontbinden.", "termination", True),
    ("nl", "stockholm", "De opdrachtnemer rapporteert maandelijks over de geleverde prestaties.", "reporting", False),
    ("nl", "ghent", "De opdrachtnemer discrimineert niet tegenover sollicitanten of werknemers.", "workplace", True),
    ("sv", "stockholm", "Leverantören ska fullgöra sina skyldigheter enligt diskrimineringslagen.", "legal-compliance", True),
    ("sv", "stockholm", "Likabehandling\nLeverantören ska på begäran lämna uppgifter om sitt arbete med aktiva åtgärder.", "reporting", True),
    ("sv", "stockholm", "Likabehandling\nMotsvarande skyldigheter ska gälla för underentreprenörer.", "subcontractors", True),
    ("sv", "stockholm", "Likabehandling\nVid brott mot villkoret har Beställaren rätt att säga upp avtalet till omedelbart upphörande.",
     "termination", True),
    ("sv", "stockholm", "Leverantören ska varje månad rapportera levererade volymer.", "reporting", False),
    ("sv", "ghent", "Leverantören får inte diskriminera arbetstagare eller arbetssökande.", "workplace", True),
    ("fr", "stockholm", "Le titulaire s'engage à respecter les obligations découlant de la loi relative à la lutte contre les discriminations.",
     "legal-compliance", True),
    ("fr", "stockholm", "Égalité de traitement\nÀ la demande de l'acheteur, le titulaire communique les informations sur les mesures prises.",
     "reporting", True),
    ("fr", "stockholm", "Égalité de traitement\nLes sous-traitants sont soumis aux mêmes obligations.", "subcontractors", True),
    ("fr", "stockholm", "Égalité de traitement\nTout manquement peut entraîner des pénalités.", "termination", True),
    ("fr", "stockholm", "Le titulaire transmet un rapport trimestriel sur la qualité du service.", "reporting", False),
    ("de", "stockholm", "Der Auftragnehmer verpflichtet sich, die Pflichten aus dem Allgemeinen Gleichbehandlungsgesetz einzuhalten.",
     "legal-compliance", True),
    ("de", "stockholm", "Gleichbehandlung\nAuf Verlangen des Auftraggebers erteilt der Auftragnehmer Auskunft über die ergriffenen Maßnahmen.",
     "reporting", True),
    ("de", "stockholm", "Gleichbehandlung\nNachunternehmer sind in gleicher Weise zu verpflichten.", "subcontractors", True),
    ("de", "stockholm", "Gleichbehandlung\nBei Verstößen kann der Auftraggeber vom Vertrag zurücktreten.", "termination", True),
    ("de", "stockholm", "Der Auftragnehmer berichtet monatlich über den Baufortschritt.", "reporting", False),
    ("de", "ghent", "Der Auftragnehmer darf Bewerber und Beschäftigte nicht diskriminieren.", "workplace", True),
]
SINGLE += [
    ("en", "stockholm", "Non-discrimination\nThe Contractor shall not discriminate.\n"
     "The Contractor shall ensure that its subcontractors are paid within 30 days.", "subcontractors", False),
    ("nl", "flanders", "Non-discriminatie\nDe inschrijver die een ernstige fout beging, zoals een inbreuk op de "
     "antidiscriminatiewetgeving, kan worden uitgesloten.", "exclusion", True),
    ("en", "flanders", "The Contractor shall not discriminate; it shall prevent threatening or intimidating any party.",
     "harassment", False),
]
SINGLE += [  # the procurement principle of treating tenderers alike is not an anti-discrimination clause
    ("de", "flanders", "Zur Auswahl der Teilnehmer werden eindeutige, nicht diskriminierende und der Aufgabenstellung "
     "angemessene Kriterien festgelegt. Die Nichteinhaltung führt zum Ausschluss.", "non-discrimination", False),
    ("en", "flanders", "All tenderers shall be treated equally and without discrimination.", "non-discrimination", False),
    ("en", "stockholm", "The selection criteria are non-discriminatory; the Authority may terminate the procedure.",
     "termination", False),
    ("fr", "flanders", "Le titulaire traite son personnel de manière non discriminatoire.", "non-discrimination", True),
    ("de", "flanders", "Der Auftragnehmer verhält sich gegenüber allen Beschäftigten nicht diskriminierend.",
     "non-discrimination", True),
]

# Passages a by-hand review of real tenders found wrongly read as clause elements, in our own words:
# (language, text, template ids, element ids that must NOT be found). Each holds a context word
# ("equality", "diversité", "Gleichbehandlung") used about something other than treating people alike.
FALSE_POSITIVES = [
    # a tie-break between tenders: equal scores, not equal treatment of people
    ("en", "If two tenders remain in equality after applying this criterion, the lower price shall apply.",
     ["flanders"], ["non-discrimination"]),
    ("en", "In the event of equality of scores, the Authority shall apply the second criterion.",
     ["flanders"], ["non-discrimination"]),
    ("fr", "En cas d'égalité entre deux offres, l'acheteur applique ensuite le critère du prix.",
     ["flanders"], ["non-discrimination"]),
    # equal treatment of tenderers next to the other procurement principles
    ("de", "Die Vergabestelle wird die Grundsätze der Transparenz, Gleichbehandlung und Verhältnismäßigkeit beachten.",
     ["flanders"], ["non-discrimination"]),
    ("de", "Der Auftraggeber achtet auf die Gleichbehandlung aller Bieter und hält sich an das Vergaberecht.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    ("nl", "Het bestuur leeft de beginselen van transparantie, gelijke behandeling en mededinging na.",
     ["flanders"], ["non-discrimination"]),
    ("sv", "Myndigheten ska följa principerna om öppenhet, likabehandling och proportionalitet enligt lagen.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    ("fr", "L'acheteur respecte les principes de transparence et d'égalité de traitement prévus par le code.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    ("en", "The Authority shall respect the principles of transparency, equal treatment and proportionality under the law.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    # a variety of premises or leases under housing law is not diversity of people
    ("fr", "Le gestionnaire administre une grande diversité de logements (baux d'habitation régis par la loi de 1989, "
     "baux commerciaux) et applique la réglementation propre à chacun.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    ("en", "The manager shall comply with the Housing Act for the diversity of residential leases it handles.",
     ["flanders", "ghent", "stockholm"], ["non-discrimination", "legal-compliance"]),
    # community benefits: "equality initiatives" among help for community organisations is no workplace duty
    ("en", "Community benefits may include: — apprenticeships for young people, — equality and diversity initiatives, "
     "— support for volunteers in local community organisations, — school visits.", ["ghent"], ["workplace"]),
    # termination of employment glued by a PDF reader ("employ mentor") is still about the employment relationship
    ("en", "Equal opportunity\nThe Contractor shall not discriminate in recruitment, pay, promotion, termination of "
     "employ mentor retirement, or discipline.", ["flanders", "stockholm"], ["sanctions", "termination"]),
    ("en", "Equal opportunity\nThe Contractor shall not discriminate as regards hiring, training, termination or "
     "retirement of its workers.", ["flanders", "stockholm"], ["sanctions", "termination"]),
]

# Written reporting worded without a "report" noun: a summary, an overview, "inzicht", "un état écrit",
# "legt ... dar" (separable verb). The equality clause is in the paragraph before, with no heading.
SINGLE += [
    ("en", "stockholm", "The Contractor shall comply with anti-discrimination legislation.\nWhen asked by the Council, "
     "the Contractor shall supply a written summary of the steps taken to promote equality.", "reporting", True),
    ("en", "stockholm", "Equal opportunities\nIf the Authority so requests, the Supplier shall explain in writing the "
     "actions it has taken.", "reporting", True),
    ("en", "stockholm", "Equal opportunities\nOn request, the Supplier shall provide an overview of the measures it has "
     "taken under this clause.", "reporting", True),
    ("nl", "stockholm", "De opdrachtnemer leeft de antidiscriminatiewetgeving na.\nOp eenvoudig verzoek geeft hij "
     "schriftelijk inzicht in de genomen maatregelen.", "reporting", True),
    ("nl", "stockholm", "Gelijke behandeling\nDesgevraagd zet de opdrachtnemer schriftelijk uiteen welke maatregelen hij "
     "heeft getroffen.", "reporting", True),
    ("nl", "stockholm", "Gelijke behandeling\nOp verzoek toont de opdrachtnemer schriftelijk aan welke maatregelen hij "
     "heeft genomen.", "reporting", True),
    ("sv", "stockholm", "Leverantören ska följa diskrimineringslagen.\nPå begäran ska Leverantören lämna en skriftlig "
     "sammanställning av vidtagna åtgärder.", "reporting", True),
    ("sv", "stockholm", "Likabehandling\nLeverantören ska på Beställarens begäran skriftligen förklara vilka åtgärder "
     "som vidtagits.", "reporting", True),
    ("fr", "stockholm", "Le titulaire respecte la législation relative à la lutte contre les discriminations.\nSur simple "
     "demande, il remet un état écrit des mesures prises.", "reporting", True),
    ("fr", "stockholm", "Égalité de traitement\nÀ la demande de l'acheteur, le titulaire expose par écrit les actions "
     "engagées.", "reporting", True),
    ("fr", "stockholm", "Égalité de traitement\nSur demande, le titulaire fait état par écrit des démarches entreprises.",
     "reporting", True),
    ("de", "stockholm", "Der Auftragnehmer hält die Vorschriften des AGG ein.\nAuf Verlangen legt er schriftlich dar, "
     "welche Maßnahmen er ergriffen hat.", "reporting", True),
    ("de", "stockholm", "Gleichbehandlung\nAuf Anforderung übermittelt der Auftragnehmer eine schriftliche Übersicht "
     "über die ergriffenen Maßnahmen.", "reporting", True),
    ("de", "stockholm", "Gleichbehandlung\nAuf Verlangen teilt der Auftragnehmer schriftlich mit, welche Maßnahmen er "
     "getroffen hat.", "reporting", True),
]

# The paragraph after an equality clause is about another topic (carbon, waste, safety, KPIs, delay,
# insolvency): its report or termination is not the clause's, though no heading separates them.
_LAW = {
    "en": "The Contractor shall comply with anti-discrimination legislation.\n",
    "nl": "De opdrachtnemer leeft de antidiscriminatiewetgeving na.\n",
    "sv": "Leverantören ska följa diskrimineringslagen.\n",
    "fr": "Le titulaire respecte la législation contre les discriminations.\n",
    "de": "Der Auftragnehmer hält die Vorschriften des AGG ein.\n",
}
SINGLE += [(lang, "stockholm", _LAW[lang] + text, element, False) for lang, text, element in [
    ("en", "Upon request, the Contractor shall report in writing on its waste reduction measures.", "reporting"),
    ("en", "On request the Contractor shall provide a written summary of health and safety measures on site.", "reporting"),
    ("en", "The Contractor shall report quarterly on the key performance indicators.", "reporting"),
    ("en", "On request the Contractor shall submit a written report on its energy efficiency measures.", "reporting"),
    ("nl", "Op verzoek bezorgt hij een schriftelijk verslag over de CO2-reducerende maatregelen.", "reporting"),
    ("nl", "Op verzoek bezorgt hij een schriftelijk overzicht van de afvalstromen en de genomen maatregelen.", "reporting"),
    ("sv", "Leverantören ska på begäran skriftligen redovisa sina åtgärder för att minska utsläppen av koldioxid.",
     "reporting"),
    ("sv", "På begäran ska Leverantören redovisa vidtagna säkerhetsåtgärder på arbetsplatsen.", "reporting"),
    ("fr", "Sur demande, il transmet un rapport écrit sur ses mesures de réduction des émissions de carbone.", "reporting"),
    ("fr", "Sur demande, il transmet un rapport écrit sur les mesures de sécurité du chantier.", "reporting"),
    ("de", "Auf Verlangen legt er einen schriftlichen Bericht über seine Maßnahmen zur Arbeitssicherheit vor.", "reporting"),
    ("de", "Auf Verlangen berichtet er schriftlich über seine Maßnahmen zur CO2-Reduktion.", "reporting"),
    ("en", "The Authority may terminate the Contract if the Contractor is more than 30 days late in performing the "
     "Services.", "termination"),
    ("en", "The Authority may terminate the Contract with immediate effect if the Contractor becomes insolvent.",
     "termination"),
    ("en", "The Authority may terminate this Contract in the event of a delay in completion exceeding 20 days.",
     "termination"),
    ("nl", "De aanbestedende overheid kan de overeenkomst ontbinden bij faillissement van de opdrachtnemer.", "termination"),
    ("nl", "Bij een vertraging van meer dan 30 dagen kan de opdrachtgever de overeenkomst ontbinden.", "termination"),
    ("sv", "Beställaren får häva avtalet om Leverantören försätts i konkurs.", "termination"),
    ("sv", "Beställaren får häva avtalet om Leverantören är i dröjsmål med mer än 14 dagar.", "termination"),
    ("fr", "Le marché peut être résilié en cas de retard de plus de 30 jours dans l'exécution.", "termination"),
    ("fr", "Le marché peut être résilié en cas de liquidation judiciaire du titulaire.", "termination"),
    ("de", "Der Auftraggeber kann den Vertrag kündigen, wenn über das Vermögen des Auftragnehmers das "
     "Insolvenzverfahren eröffnet wird.", "termination"),
    ("de", "Der Auftraggeber kann kündigen, wenn der Auftragnehmer mit der Leistung in Verzug gerät.", "termination"),
    ("en", "The Contractor shall ensure that its subcontractors apply the same safety rules on site.", "subcontractors"),
    ("en", "Subcontractors shall meet the same quality control requirements.", "subcontractors"),
    ("nl", "De opdrachtnemer legt zijn onderaannemers dezelfde veiligheidsvoorschriften op.", "subcontractors"),
    ("sv", "Leverantören ska säkerställa att underleverantörer följer samma säkerhetsföreskrifter.", "subcontractors"),
    ("fr", "Le titulaire impose à ses sous-traitants les mêmes règles de sécurité.", "subcontractors"),
    ("de", "Der Auftragnehmer verpflichtet seine Nachunternehmer zu denselben Sicherheitsstandards.", "subcontractors"),
]]
# ... while a follow-up that stays on the clause still counts
SINGLE += [(lang, "stockholm", _LAW[lang] + text, element, True) for lang, text, element in [
    ("en", "Any failure to do so entitles the Authority to terminate the Contract.", "termination"),
    ("de", "Bei Verstößen kann der Auftraggeber den Vertrag fristlos kündigen.", "termination"),
    ("fr", "Tout manquement à cette obligation peut entraîner la résiliation du marché.", "termination"),
    ("en", "Subcontractors shall be subject to the same requirements, and the Contractor shall be answerable for their "
     "compliance.", "subcontractors"),
    ("de", "Er überträgt diese Verpflichtungen auf seine Nachunternehmer und steht für deren Einhaltung ein.",
     "subcontractors"),
    ("sv", "Samma krav gäller för underleverantörer, och Leverantören ska tillse att de uppfylls.", "subcontractors"),
    # a penalty for a late equality report is the clause's own sanction (the Swedish model's "vite"), though
    # it speaks of delay and payment
    ("sv", "Om Leverantören är i dröjsmål med redovisningen ska Leverantören betala vite om 25 000 kronor per "
     "påbörjad vecka.", "termination"),
    ("en", "In case of delay in submitting the report, the Authority may charge a penalty of EUR 500 per week.",
     "termination"),
    ("en", "If the Contractor fails to comply, it shall pay liquidated damages of EUR 5,000.", "termination"),
    ("nl", "Bij vertraging in het bezorgen van het verslag kan de opdrachtgever een boete opleggen.", "termination"),
    ("fr", "En cas de retard dans la remise du rapport, des pénalités sont appliquées.", "termination"),
    ("de", "Bei Verzug mit der Vorlage des Berichts kann der Auftraggeber eine Vertragsstrafe verlangen.",
     "termination"),
]]

# Legal compliance worded as a negated breach ("shall not act contrary to / in breach of the law"); a breach
# that only triggers termination, or a breach of other law, is not the undertaking.
SINGLE += [(lang, "stockholm", text, "legal-compliance", expected) for lang, text, expected in [
    ("en", "The Contractor shall not discriminate contrary to the Equality Act 2010.", True),
    ("en", "The Supplier shall not act in breach of any anti-discrimination legislation.", True),
    ("en", "The Contractor undertakes never to violate the laws against discrimination.", True),
    ("en", "The Contractor shall not engage in any discrimination prohibited by the Equality Act.", True),
    ("nl", "De opdrachtnemer handelt niet in strijd met de antidiscriminatiewet.", True),
    ("nl", "De opdrachtnemer verbindt zich ertoe de antidiscriminatiewetgeving niet te overtreden.", True),
    ("sv", "Leverantören förbinder sig att inte bryta mot diskrimineringslagen.", True),
    ("sv", "Leverantören får inte diskriminera i strid med diskrimineringslagen.", True),
    ("sv", "Leverantören ska inte överträda diskrimineringslagens bestämmelser.", True),
    ("fr", "Le titulaire s'interdit toute discrimination contraire à la loi du 10 mai 2007.", True),
    ("fr", "Le titulaire s'engage à ne pas enfreindre la législation relative à la lutte contre les discriminations.",
     True),
    ("fr", "Le titulaire s'interdit toute discrimination interdite par le code du travail.", True),
    ("de", "Der Auftragnehmer darf nicht gegen das Allgemeine Gleichbehandlungsgesetz verstoßen.", True),
    ("de", "Der Auftragnehmer verstößt nicht gegen die Vorschriften des AGG.", True),
    ("de", "Der Auftragnehmer unterlässt jede nach dem AGG verbotene Benachteiligung.", True),
    ("en", "Equal treatment\nAny breach of anti-discrimination legislation entitles the Authority to terminate the "
     "Contract.", False),
    ("nl", "Gelijke behandeling\nElke inbreuk op de antidiscriminatiewet geeft de stad het recht de overeenkomst te "
     "ontbinden.", False),
    ("sv", "Likabehandling\nOm Leverantören bryter mot diskrimineringslagen får Beställaren häva avtalet.", False),
    ("fr", "Égalité de traitement\nToute violation de la loi contre les discriminations peut entraîner la résiliation "
     "du marché.", False),
    ("de", "Gleichbehandlung\nBei einem Verstoß gegen das AGG kann der Auftraggeber den Vertrag kündigen.", False),
    ("en", "Equal treatment\nThe Contractor shall not breach health and safety legislation.", False),
    ("sv", "Likabehandling\nLeverantören får inte bryta mot arbetsmiljölagen.", False),
    ("de", "Gleichbehandlung\nDer Auftragnehmer darf nicht gegen die Umweltgesetze verstoßen.", False),
]]

# Ghent: the workplace worded as "place of work", "werkplaats", "dans son entreprise", "Arbeitsstätte";
# accessibility that is only opening hours or round-the-clock availability is not access for all.
SINGLE += [
    ("en", "ghent", "Non-discrimination\nThe Supplier shall prevent discriminatory behaviour by its staff at the place "
     "of work.", "workplace", True),
    ("nl", "ghent", "Non-discriminatie\nDe opdrachtnemer voorkomt discriminerend gedrag in de werkplaats.", "workplace",
     True),
    ("fr", "ghent", "Non-discrimination\nLe titulaire prévient tout comportement discriminatoire dans son entreprise.",
     "workplace", True),
    ("de", "ghent", "Gleichbehandlung\nDer Auftragnehmer verhindert diskriminierendes Verhalten an der Arbeitsstätte.",
     "workplace", True),
    ("en", "ghent", "Non-discrimination\nThe Contractor shall not discriminate.\nThe website shall be available to all "
     "users 24 hours a day.", "accessibility", False),
    ("nl", "ghent", "Non-discriminatie\nDe opdrachtnemer discrimineert niet.\nHet klantenloket is toegankelijk voor "
     "iedereen tijdens de openingsuren.", "accessibility", False),
    ("sv", "ghent", "Icke-diskriminering\nLeverantören får inte diskriminera.\nKundtjänsten ska vara tillgänglig för "
     "alla dygnet runt.", "accessibility", False),
    ("fr", "ghent", "Non-discrimination\nLe titulaire ne discrimine pas.\nLe service est accessible à tous 24 heures "
     "sur 24.", "accessibility", False),
    ("de", "ghent", "Gleichbehandlung\nDer Auftragnehmer diskriminiert nicht.\nDie Hotline ist für alle rund um die "
     "Uhr erreichbar und zugänglich.", "accessibility", False),
    ("en", "ghent", "Non-discrimination\nThe Contractor shall not discriminate.\nThe transport service shall be "
     "accessible to all passengers, including wheelchair users.", "accessibility", True),
]

# A statement of equal treatment "regardless of" / "without distinction as to" a list of grounds, with no
# word for discrimination, still sets the context for the accessibility and subcontractor sentences after it.
CUE_STATEMENTS = [
    ("sv", "Leverantören får inte särbehandla någon på grund av kön, ålder eller funktionsnedsättning. Lokalerna ska "
     "vara tillgängliga för alla. Samma krav gäller för underleverantörer, och Leverantören ska tillse att de uppfylls."),
    ("en", "The Contractor shall treat all persons equally regardless of sex, age or disability.\nIts services shall be "
     "accessible to everyone.\nThe same requirements apply to its subcontractors, and the Contractor shall ensure that "
     "they are met."),
    ("nl", "De opdrachtnemer behandelt iedereen gelijk, ongeacht geslacht, leeftijd of handicap.\nZijn diensten zijn "
     "toegankelijk voor iedereen.\nVoor onderaannemers gelden dezelfde eisen; de opdrachtnemer ziet erop toe dat zij "
     "worden nageleefd."),
    ("fr", "Le titulaire traite tous les usagers sans distinction de sexe, d'âge ou de handicap.\nSes services sont "
     "accessibles à tous.\nLes mêmes exigences s'appliquent à ses sous-traitants et le titulaire veille à leur respect."),
    ("de", "Der Auftragnehmer behandelt alle Menschen ungeachtet ihres Geschlechts, Alters oder einer Behinderung gleich."
     "\nSeine Leistungen sind für alle zugänglich.\nFür Nachunternehmer gelten dieselben Anforderungen; der "
     "Auftragnehmer stellt ihre Einhaltung sicher."),
]
# ... but "regardless of" without grounds is no such statement
CUE_WITHOUT_GROUNDS = [
    ("en", "Tenders are assessed regardless of their size.\nThe website shall be accessible to all users.\n"
     "The same requirements apply to subcontractors."),
    ("sv", "Anbud prövas oavsett storlek.\nWebbplatsen ska vara tillgänglig för alla.\nSamma krav gäller för "
     "underleverantörer."),
]

# Grounds stated in a separate paragraph about something else (vehicle age, language skills of drivers) are not
# grounds of the non-discrimination statement before it: (language, text, grounds that must NOT be found)
GROUNDS_ELSEWHERE = [
    ("en", "Passenger transport\nThe Contractor shall not discriminate against passengers on grounds of sex or "
     "disability.\nVehicles shall not be older than six years of age and drivers shall speak the English language.",
     ["age", "language"]),
    ("nl", "Vervoer\nDe opdrachtnemer discrimineert geen reizigers op grond van geslacht of handicap.\nDe voertuigen "
     "zijn niet ouder dan zes jaar (leeftijd van het voertuig) en de chauffeurs beheersen de Nederlandse taal.",
     ["age", "language"]),
    ("sv", "Transporter\nLeverantören får inte diskriminera resenärer på grund av kön eller funktionsnedsättning.\n"
     "Fordonens ålder får inte överstiga sex år och förarna ska behärska det svenska språket.", ["age", "language"]),
    ("fr", "Transport\nLe titulaire ne discrimine aucun voyageur en raison de son sexe ou de son handicap.\nL'âge des "
     "véhicules ne dépasse pas six ans et les chauffeurs maîtrisent la langue française.", ["age", "language"]),
    ("de", "Beförderung\nDer Auftragnehmer benachteiligt keine Fahrgäste wegen des Geschlechts oder einer Behinderung.\n"
     "Das Alter der Fahrzeuge darf sechs Jahre nicht überschreiten, die Fahrer beherrschen die deutsche Sprache.",
     ["age", "language"]),
]

GROUND_SYNONYMS += [
    ("nl", "functiebeperking", "disability"), ("nl", "arbeidshandicap", "disability"),
    ("nl", "etnische herkomst", "ethnic-origin"), ("nl", "nationale herkomst", "nationality"),
    ("nl", "maatschappelijke afkomst", "social-origin"), ("nl", "sociaal-economische positie", "social-origin"),
    ("en", "political or trade-union conviction", "political-conviction"),
    ("en", "social or economic status", "social-origin"),
    ("sv", "politisk eller facklig åskådning", "political-conviction"),
    ("sv", "socioekonomisk bakgrund", "social-origin"),
    ("fr", "situation de handicap", "disability"), ("fr", "milieu social", "social-origin"),
    ("fr", "opinions politiques ou syndicales", "political-conviction"),
    ("de", "Schwerbehinderung", "disability"), ("de", "ethnischen Abstammung", "ethnic-origin"),
    ("de", "gesellschaftlichen Stellung", "social-origin"),
    ("de", "politischen oder gewerkschaftlichen Überzeugung", "political-conviction"),
]

# Context from the next or previous sentence of the same paragraph: accessibility stated before the
# equality-law sentence, a sanction that points back at "the preceding sentence"; a numbering label
# ("Clause 22.", "Art. 7.") is not the paragraph's lead.
SINGLE += [
    ("en", "ghent", "The operator shall ensure that the library and all related services are accessible to everyone. "
     "It shall comply with all legislation on equal treatment and non-discrimination.", "accessibility", True),
    ("nl", "ghent", "De concessiehouder zorgt ervoor dat de sporthal en alle bijbehorende diensten voor iedereen "
     "toegankelijk zijn. Hij leeft alle wetgeving inzake gelijke kansen en non-discriminatie na.", "accessibility", True),
    ("sv", "ghent", "Utföraren ska säkerställa att lokalerna och tjänsterna är tillgängliga för alla. Utföraren ska "
     "följa diskrimineringslagen.", "accessibility", True),
    ("fr", "ghent", "Le délégataire garantit que la piscine et les services associés sont accessibles à tous. Il "
     "respecte la législation relative à la lutte contre les discriminations.", "accessibility", True),
    ("de", "ghent", "Der Betreiber stellt sicher, dass das Schwimmbad und alle zugehörigen Dienstleistungen für alle "
     "zugänglich sind. Er beachtet die Vorschriften zum Schutz vor Diskriminierung.", "accessibility", True),
    ("en", "ghent", "Clause 22. The Supplier shall observe all statutory provisions on equal opportunities. It shall "
     "prevent discriminatory behaviour in the workplace. Each of its subcontractors shall be bound by undertakings "
     "identical to those in this clause.", "subcontractors", True),
    ("fr", "ghent", "Art. 7. Le titulaire respecte la législation contre les discriminations. Il prévient tout "
     "comportement discriminatoire au travail. Chacun de ses sous-traitants est lié par des engagements identiques "
     "à ceux de la présente clause.", "subcontractors", True),
    ("de", "ghent", "Ziffer 9. Der Auftragnehmer hält das AGG ein. Er verhindert Diskriminierung am Arbeitsplatz. "
     "Jeder Nachunternehmer wird an gleichlautende Verpflichtungen gebunden.", "subcontractors", True),
]
_BACKREF = {
    "en": "The Contractor shall submit monthly progress reports in writing. The Contractor shall observe "
          "anti-discrimination legislation. If the Contractor breaches the preceding sentence, the Authority may "
          "rescind the contract.",
    "nl": "De opdrachtnemer bezorgt maandelijks een schriftelijk voortgangsrapport. Hij leeft de "
          "antidiscriminatiewetgeving na. Bij niet-naleving van de vorige zin kan de opdrachtgever de overeenkomst "
          "ontbinden.",
    "sv": "Leverantören ska varje månad lämna skriftliga lägesrapporter. Leverantören ska följa diskrimineringslagen. "
          "Bryter Leverantören mot föregående mening får Beställaren häva avtalet.",
    "fr": "Le titulaire remet chaque mois un rapport d'avancement écrit. Il respecte la législation contre les "
          "discriminations. En cas de manquement à la phrase précédente, l'acheteur peut résilier le marché.",
    "de": "Der Auftragnehmer legt monatlich einen schriftlichen Fortschrittsbericht vor. Er hält die Vorschriften "
          "des AGG ein. Verstößt er gegen den vorstehenden Satz, kann der Auftraggeber den Vertrag kündigen.",
}
SINGLE += [(lang, "stockholm", text, "termination", True) for lang, text in _BACKREF.items()]
SINGLE += [(lang, "stockholm", text, "reporting", False) for lang, text in _BACKREF.items()]
# ... the neighbour's context does not carry a sentence about another topic
SINGLE += [
    ("en", "ghent", "The website shall be available to all users 24 hours a day. The Contractor shall not "
     "discriminate.", "accessibility", False),
    ("en", "stockholm", "The Authority may terminate the contract for convenience. The Contractor shall comply with "
     "anti-discrimination law.", "termination", False),
    ("sv", "stockholm", "Upphandlingen genomförs enligt lagen om offentlig upphandling. Myndigheten ska behandla "
     "leverantörerna på ett icke-diskriminerande sätt.", "legal-compliance", False),
    ("en", "stockholm", "The procurement is governed by the Public Contracts Regulations 2015. All tenderers will be "
     "treated without discrimination.", "legal-compliance", False),
    ("de", "stockholm", "Das Verfahren richtet sich nach der VgV. Alle Bieter werden diskriminierungsfrei behandelt.",
     "legal-compliance", False),
    ("sv", "ghent", "Punkt 9. Leverantören tolererar ingen diskriminering på grund av kön, ålder eller "
     "funktionsnedsättning.\nPunkt 10. Underleverantörer ska ha en ansvarsförsäkring motsvarande minst 10 miljoner "
     "kronor.", "subcontractors", False),
    ("de", "ghent", "§ 9. Der Auftragnehmer duldet keine Diskriminierung wegen des Geschlechts oder des Alters.\n"
     "§ 10. Nachunternehmer müssen eine gleichwertige Betriebshaftpflichtversicherung nachweisen.",
     "subcontractors", False),
]

# Subcontractors bound by "identical / the same undertakings as those in this clause"
SINGLE += [(lang, tid, text, "subcontractors", True) for tid in ("ghent", "stockholm") for lang, text in [
    ("en", "Non-discrimination\nThe Supplier shall ensure that each of its subcontractors is bound by undertakings "
     "identical to those in this clause."),
    ("nl", "Non-discriminatie\nDe opdrachtnemer zorgt ervoor dat elke onderaannemer gebonden is door verbintenissen "
     "die identiek zijn aan die van dit artikel."),
    ("sv", "Likabehandling\nLeverantören ska se till att varje underleverantör är bunden av åtaganden som är identiska "
     "med dem i detta villkor."),
    ("fr", "Non-discrimination\nLe titulaire veille à ce que chacun de ses sous-traitants soit lié par des engagements "
     "identiques à ceux de la présente clause."),
    ("de", "Gleichbehandlung\nDer Auftragnehmer stellt sicher, dass jeder Nachunternehmer an Verpflichtungen gebunden "
     "ist, die mit denen dieser Klausel identisch sind."),
]]

# Written reporting worded as "informing": "schriftelijk in kennis stellen", "informs in writing", "informera
# skriftligen", "informe par écrit", "unterrichtet schriftlich"; informing about something else is no report
SINGLE += [(lang, "stockholm", text, "reporting", expected) for lang, text, expected in [
    ("en", "Equal treatment\nWhenever the Council so requests, the Contractor shall inform it in writing of the steps "
     "it is taking.", True),
    ("en", "Equal treatment\nThe Contractor shall keep the Council informed of the measures taken, on request.", True),
    ("nl", "Gelijke kansen\nDe opdrachtnemer stelt de stad, telkens wanneer zij daarom vraagt, schriftelijk in kennis "
     "van de stappen die hij zet.", True),
    ("nl", "Gelijke kansen\nOp verzoek brengt de opdrachtnemer het bestuur schriftelijk op de hoogte van de genomen "
     "maatregelen.", True),
    ("sv", "Likabehandling\nLeverantören ska på begäran skriftligen informera Beställaren om de åtgärder som "
     "vidtagits.", True),
    ("sv", "Likabehandling\nLeverantören ska på begäran underrätta Beställaren skriftligen om sitt arbete.", True),
    ("fr", "Égalité de traitement\nÀ la demande de l'acheteur, le titulaire l'informe par écrit des mesures qu'il a "
     "prises.", True),
    ("fr", "Égalité de traitement\nSur demande, le titulaire tient l'acheteur informé par écrit des actions engagées.",
     True),
    ("de", "Gleichbehandlung\nAuf Verlangen unterrichtet der Auftragnehmer den Auftraggeber schriftlich über die "
     "ergriffenen Maßnahmen.", True),
    ("de", "Gleichbehandlung\nAuf Anforderung setzt der Auftragnehmer den Auftraggeber schriftlich über seine "
     "Maßnahmen in Kenntnis.", True),
    ("en", "Equal treatment\nThe Contractor shall inform the Authority in writing of any delay in delivery.", False),
    ("nl", "Gelijke kansen\nDe opdrachtnemer stelt de opdrachtgever schriftelijk in kennis van elke vertraging in de "
     "uitvoering.", False),
    ("de", "Gleichbehandlung\nDer Auftragnehmer unterrichtet den Auftraggeber schriftlich über jeden Lieferverzug.",
     False),
]]

# A written report on another subject (customer complaints, progress, volumes, occupational health and safety)
# inside the clause's own section is not the equality report
SINGLE += [(lang, "stockholm", _LAW[lang] + text, "reporting", False) for lang, text in [
    ("en", "At the Purchaser's request the Supplier shall submit a written report on customer complaints received."),
    ("en", "The Supplier shall provide written progress reports every month."),
    ("en", "On request the Supplier shall report in writing on its occupational health arrangements."),
    ("nl", "Op verzoek bezorgt hij een schriftelijk verslag over de klachten van gebruikers."),
    ("nl", "Hij bezorgt maandelijks een schriftelijk voortgangsrapport."),
    ("sv", "Leverantören ska på begäran skriftligen redovisa inkomna kundklagomål."),
    ("sv", "Leverantören ska på begäran redovisa sitt systematiska arbetsmiljöarbete skriftligen."),
    ("sv", "Leverantören ska varje kvartal skriftligen redovisa levererade volymer."),
    ("fr", "Sur demande, il transmet un rapport écrit sur les réclamations des usagers."),
    ("fr", "Il remet chaque mois un rapport d'avancement écrit."),
    ("de", "Auf Verlangen legt er einen schriftlichen Bericht über Kundenbeschwerden vor."),
    ("de", "Er legt monatlich einen schriftlichen Fortschrittsbericht vor."),
    ("de", "Auf Verlangen berichtet er schriftlich über Arbeitsunfälle und Maßnahmen des Gesundheitsschutzes."),
]]
SINGLE += [
    ("sv", "stockholm", "Arbetsmiljö och likabehandling\nLeverantören ska följa arbetsmiljölagen och "
     "Arbetsmiljöverkets föreskrifter och ska på begäran redovisa sitt systematiska arbetsmiljöarbete skriftligen. "
     "Leverantören ska även följa diskrimineringslagens bestämmelser.", "reporting", False),
    ("sv", "stockholm", "Arbetsmiljö och likabehandling\nLeverantören ska på begäran skriftligen redovisa sitt arbete "
     "mot diskriminering.", "reporting", True),
    ("en", "stockholm", "Non-discrimination\nThe Supplier shall, on request, report in writing on complaints of "
     "discrimination received and the action taken.", "reporting", True),
]

# Termination for convenience or in the general interest is not a sanction for breaching the clause
SINGLE += [(lang, "stockholm", _LAW[lang] + text, "termination", False) for lang, text in [
    ("en", "The Authority may terminate the contract in the public interest."),
    ("en", "The Authority may terminate the contract without cause on three months' notice."),
    ("nl", "De opdrachtgever kan de overeenkomst om redenen van algemeen belang opzeggen."),
    ("nl", "De opdrachtgever kan de overeenkomst zonder opgave van redenen beëindigen."),
    ("sv", "Beställaren får säga upp avtalet utan angivande av skäl."),
    ("sv", "Beställaren får säga upp avtalet om det är motiverat av allmänintresset."),
    ("fr", "L'acheteur peut résilier le marché pour motif d'intérêt général."),
    ("fr", "L'acheteur peut résilier le marché sans faute du titulaire."),
    ("de", "Der Auftraggeber kann den Vertrag aus wichtigem Grund des öffentlichen Interesses kündigen."),
    ("de", "Die ordentliche Kündigung ist mit einer Frist von drei Monaten zulässig."),
]]
SINGLE += [(lang, "stockholm", _LAW[lang] + text, "termination", True) for lang, text in [
    ("en", "If the Contractor breaches the above, the Authority may cancel the contract."),
    ("nl", "Bij een inbreuk hierop kan de overeenkomst worden ontbonden."),
    ("sv", "Vid brott mot ovanstående får Beställaren häva avtalet."),
    ("fr", "En cas de manquement à ce qui précède, l'acheteur peut résilier le marché."),
    ("de", "Bei einem Verstoß hiergegen kann der Vertrag aufgehoben werden."),
]]

# Legal compliance: "achten/beachten das geltende Recht", "het geldende recht", "gällande rätt", "le droit en vigueur";
# "the right to terminate" is no law
SINGLE += [(lang, tid, text, "legal-compliance", expected) for tid in ("ghent", "stockholm")
                for lang, text, expected in [
    ("de", "Der Auftragnehmer verpflichtet sich, das geltende Recht zum Schutz vor Diskriminierung zu beachten.", True),
    ("de", "Der Auftragnehmer verpflichtet sich, alle Gesetze zur Nichtdiskriminierung und Gleichberechtigung zu "
     "achten.", True),
    ("de", "Gleichbehandlung\nDer Auftragnehmer achtet das geltende Recht.", True),
    ("nl", "Gelijke kansen\nDe opdrachtnemer eerbiedigt het geldende recht inzake non-discriminatie.", True),
    ("sv", "Likabehandling\nLeverantören ska respektera gällande rätt.", True),
    ("fr", "Égalité de traitement\nLe titulaire respecte le droit en vigueur.", True),
    ("en", "Equal treatment\nThe Contractor shall respect all applicable law.", True),
    ("de", "Gleichbehandlung\nDer Auftraggeber hat das Recht, den Vertrag gemäß § 8 zu kündigen.", False),
    ("nl", "Gelijke kansen\nDe opdrachtgever heeft het recht de overeenkomst overeenkomstig artikel 8 te ontbinden.",
     False),
    ("fr", "Égalité de traitement\nL'acheteur a le droit de résilier le marché conformément à l'article 8.", False),
    ("sv", "Likabehandling\nBeställaren har rätt att häva avtalet i enlighet med punkt 8.", False),
]]

# Grounds: more names for age, sexual orientation and nationality, and what is NOT a given ground (a world view
# or religion is no political conviction): (language, statement, ground, expected)
GROUND_TEXTS = [
    ("de", "Der Auftragnehmer duldet keine Benachteiligung wegen des Geschlechts, des Lebensalters oder der sexuellen "
     "Ausrichtung.", "age", True),
    ("de", "Der Auftragnehmer duldet keine Benachteiligung wegen des Geschlechts, des Lebensalters oder der sexuellen "
     "Ausrichtung.", "sexual-orientation", True),
    ("de", "Niemand darf wegen seiner Staatsbürgerschaft oder seines Lebensalters diskriminiert werden.",
     "nationality", True),
    ("de", "Niemand darf wegen seiner Staatsbürgerschaft oder seines Lebensalters diskriminiert werden.", "age", True),
    ("sv", "Leverantören får inte diskriminera någon på grund av kön eller levnadsålder.", "age", True),
    ("sv", "Leverantören får inte diskriminera någon på grund av medborgarskap eller kön.", "nationality", True),
    ("nl", "De opdrachtnemer discrimineert niet op grond van geslacht of levensjaren.", "age", True),
    ("nl", "De opdrachtnemer discrimineert niet op grond van staatsburgerschap of geslacht.", "nationality", True),
    ("en", "The Contractor shall not discriminate on grounds of sex or age group.", "age", True),
    ("en", "The Contractor shall not discriminate on grounds of citizenship or sex.", "nationality", True),
    ("fr", "Le titulaire ne pratique aucune discrimination fondée sur la citoyenneté ou le sexe.", "nationality", True),
    ("fr", "Le titulaire ne pratique aucune discrimination fondée sur le sexe ou la tranche d'âge.", "age", True),
    ("de", "Der Auftragnehmer diskriminiert niemanden wegen der Weltanschauung, der Religion oder des Geschlechts.",
     "political-conviction", False),
    ("nl", "De opdrachtnemer discrimineert niet op grond van geloof, levensbeschouwing of geslacht.",
     "political-conviction", False),
    ("sv", "Leverantören får inte diskriminera på grund av religion eller annan trosuppfattning eller kön.",
     "political-conviction", False),
    ("fr", "Le titulaire ne discrimine personne en raison de ses convictions religieuses ou de son sexe.",
     "political-conviction", False),
    ("en", "The Contractor shall not discriminate on grounds of religion or belief or sex.", "political-conviction",
     False),
]

# ... and across a paragraph break: the paragraph's first sentence takes the context of the last sentence of the
# paragraph before it in the same section (the section's lead, a progress report, carries none)
_PARAGRAPH_BACKREF = {
    "en": "The Consultant shall submit monthly progress reports.\nThe Consultant shall observe anti-discrimination "
          "legislation.\nIf the Consultant breaches the preceding paragraph, the Client may cancel the contract.",
    "nl": "De opdrachtnemer bezorgt maandelijks een voortgangsrapport.\nHij leeft de antidiscriminatiewetgeving na.\n"
          "Bij niet-naleving van de vorige alinea kan de opdrachtgever de overeenkomst ontbinden.",
    "sv": "Leverantören ska lämna månatliga lägesrapporter.\nLeverantören ska följa diskrimineringslagen.\n"
          "Bryter Leverantören mot föregående stycke får Beställaren häva avtalet.",
    "fr": "Le titulaire remet chaque mois un rapport d'avancement.\nIl respecte la législation contre les "
          "discriminations.\nEn cas de manquement à l'alinéa précédent, l'acheteur peut résilier le marché.",
    "de": "Der Auftragnehmer legt monatlich einen Fortschrittsbericht vor.\nEr hält die Vorschriften des AGG ein.\n"
          "Verstößt er gegen den vorstehenden Absatz, kann der Auftraggeber den Vertrag kündigen.",
}
SINGLE += [(lang, "stockholm", text, "termination", True) for lang, text in _PARAGRAPH_BACKREF.items()]
SINGLE += [(lang, "stockholm", text.split("\n")[0] + "\n" + text.split("\n")[1] + "\n" + other, "termination", False)
           for (lang, text), other in zip(_PARAGRAPH_BACKREF.items(), [
               "The Client may terminate the contract for convenience.",
               "De opdrachtgever kan de overeenkomst om redenen van algemeen belang opzeggen.",
               "Beställaren får säga upp avtalet utan angivande av skäl.",
               "L'acheteur peut résilier le marché pour motif d'intérêt général.",
               "Die ordentliche Kündigung des Vertrags ist jederzeit möglich."], strict=True)]
# the words that keep those out must not catch the clause's own wording: "without objective reason" / "ohne
# sachlichen Grund" / "utan sakliga skäl" is discrimination-law language, "Absatz" a paragraph, "onderhoudt" maintains
SINGLE += [(lang, "stockholm", text, "subcontractors", True) for lang, text in [
    ("en", "Equal treatment\nThe Contractor shall ensure that its subcontractors do not treat workers differently "
     "without objective reason."),
    ("nl", "Gelijke kansen\nDe opdrachtnemer ziet erop toe dat zijn onderaannemers werknemers niet zonder objectieve "
     "reden verschillend behandelen."),
    ("nl", "Gelijke kansen\nDe opdrachtnemer onderhoudt een diversiteitsbeleid en legt dezelfde verplichtingen op aan "
     "zijn onderaannemers."),
    ("sv", "Likabehandling\nLeverantören ska se till att underleverantörer inte behandlar anställda olika utan "
     "sakliga skäl."),
    ("fr", "Égalité de traitement\nLe titulaire veille à ce que ses sous-traitants ne traitent pas les salariés "
     "différemment sans motif légitime."),
    ("de", "Gleichbehandlung\nDer Auftragnehmer stellt sicher, dass seine Nachunternehmer Beschäftigte nicht ohne "
     "sachlichen Grund ungleich behandeln."),
    ("de", "Gleichbehandlung\nDie Pflichten nach Absatz 1 gelten auch für Nachunternehmer; der Auftragnehmer stellt "
     "ihre Einhaltung sicher."),
]]

# Fourth round of new wording, by family, in five languages (paraphrases and their distractors).
# Accessibility worded as "can be used / reached by every member of the public" (not "accessible");
# an obligation to use a tool ("must be used by all staff") or a website's availability is no accessibility.
SINGLE += [
    ("en", "ghent", "Equal treatment\nThe Provider's offices can be reached and used by any member of the public.",
     "accessibility", True),
    ("nl", "ghent", "Gelijke behandeling\nDe dienstverlening van de opdrachtnemer kan door alle burgers worden gebruikt.",
     "accessibility", True),
    ("sv", "ghent", "Likabehandling\nLeverantörens lokaler ska kunna besökas och användas av alla.", "accessibility", True),
    ("fr", "ghent", "Égalité de traitement\nLes locaux du titulaire peuvent être fréquentés par tous les usagers.",
     "accessibility", True),
    ("de", "ghent", "Gleichbehandlung\nDie Räume des Auftragnehmers können von allen Bürgerinnen und Bürgern genutzt "
     "werden.", "accessibility", True),
    ("en", "ghent", "Equal treatment\nThe incident form must be used by all staff.", "accessibility", False),
    ("de", "ghent", "Gleichbehandlung\nDie Vorlagen müssen von allen Nachunternehmern verwendet werden.", "accessibility",
     False),
    ("en", "ghent", "Non-discrimination\nThe Contractor shall not discriminate.\nThe website can be used by all users "
     "24 hours a day.", "accessibility", False),
]
# Reporting worded as "set out / explain / describe in writing what it does"; a written account of something else
# (emissions, delays) is no equality report
SINGLE += [
    ("en", "stockholm", "If the Buyer so asks, the Supplier shall set out in writing how it prevents discrimination.",
     "reporting", True),
    ("nl", "stockholm", "Op verzoek van de opdrachtgever beschrijft de opdrachtnemer schriftelijk wat hij doet tegen "
     "discriminatie.", "reporting", True),
    ("sv", "stockholm", "Leverantören ska på begäran skriftligen beskriva hur den motverkar diskriminering.",
     "reporting", True),
    ("fr", "stockholm", "Sur demande de l'acheteur, le titulaire explique par écrit comment il lutte contre les "
     "discriminations.", "reporting", True),
    ("de", "stockholm", "Auf Verlangen legt der Auftragnehmer schriftlich dar, wie er Diskriminierung verhindert.",
     "reporting", True),
    ("en", "stockholm", "Non-discrimination\nThe Supplier shall comply with the Equality Act 2010.\nOn request, the "
     "Supplier shall set out in writing its carbon emissions.", "reporting", False),
    ("fr", "stockholm", "Le titulaire respecte la législation contre les discriminations. Sur demande, il explique par "
     "écrit les retards de livraison.", "reporting", False),
]
# Termination and other sanctions: rescind, withhold payment, opzeggen, frånträda, dénoncer, Zahlungen einbehalten
# (the payment word belongs to the sanction); a payment clause after the clause is still off-topic
SINGLE += [
    ("en", "stockholm", "The Supplier shall comply with the Equality Act 2010. A breach of this clause allows the "
     "Buyer to withhold payment of the fee.", "termination", True),
    ("en", "stockholm", "Equality\nA breach of this clause allows the Buyer to rescind the Contract.", "termination",
     True),
    ("nl", "stockholm", "Schending van de antidiscriminatiebepalingen geeft de opdrachtgever het recht de overeenkomst "
     "op te zeggen.", "termination", True),
    ("nl", "stockholm", "Hij leeft de antidiscriminatiewetgeving na. Bij niet-naleving kan de opdrachtgever de betaling "
     "van de vergoeding opschorten.", "termination", True),
    ("sv", "stockholm", "Leverantören ska följa diskrimineringslagen. Vid brott mot villkoret får Beställaren innehålla "
     "betalning eller frånträda avtalet.", "termination", True),
    ("fr", "stockholm", "Le titulaire respecte la législation contre les discriminations. Tout manquement autorise "
     "l'acheteur à suspendre les paiements ou à dénoncer le marché.", "termination", True),
    ("de", "stockholm", "Der Auftragnehmer hält das AGG ein. Bei Verstößen kann der Auftraggeber Zahlungen "
     "zurückbehalten oder vom Vertrag zurücktreten.", "termination", True),
    ("en", "stockholm", "The Supplier shall comply with the Equality Act 2010. Payment shall be made within 30 days "
     "of a valid invoice.", "termination", False),
    ("de", "stockholm", "Der Auftragnehmer hält das AGG ein. Zahlungen erfolgen innerhalb von 30 Tagen nach Eingang "
     "der Rechnung.", "termination", False),
]
# Subcontractors named as the third parties the contractor engages, or as co-subject under its responsibility;
# third parties in other roles (claims, data) and the subcontracting of other matters are not
SINGLE += [
    ("en", "stockholm", "The Contractor shall comply with anti-discrimination law and shall ensure that third parties "
     "it engages do the same.", "subcontractors", True),
    ("en", "stockholm", "The Contractor and each of its subcontractors shall comply with anti-discrimination law.",
     "subcontractors", True),
    ("nl", "stockholm", "De opdrachtnemer leeft de antidiscriminatiewetgeving na en zorgt ervoor dat door hem "
     "ingeschakelde derden hetzelfde doen.", "subcontractors", True),
    ("nl", "stockholm", "De opdrachtnemer en, onder zijn verantwoordelijkheid, zijn onderaannemers leven de "
     "antidiscriminatiewetgeving na.", "subcontractors", True),
    ("sv", "stockholm", "Leverantören ska följa diskrimineringslagen och se till att tredje man som Leverantören "
     "anlitar gör detsamma.", "subcontractors", True),
    ("sv", "stockholm", "Leverantören och dess underleverantörer ska följa diskrimineringslagen.", "subcontractors",
     True),
    ("fr", "stockholm", "Le titulaire et, sous sa responsabilité, ses sous-traitants respectent la législation contre "
     "les discriminations.", "subcontractors", True),
    ("fr", "stockholm", "Le titulaire respecte la législation contre les discriminations et veille à ce que les tiers "
     "auxquels il fait appel la respectent également.", "subcontractors", True),
    ("de", "stockholm", "Der Auftragnehmer hält das AGG ein und stellt sicher, dass von ihm eingesetzte Dritte dies "
     "ebenfalls tun.", "subcontractors", True),
    ("de", "stockholm", "Der Auftragnehmer und seine Nachunternehmer halten die Vorschriften des AGG ein.",
     "subcontractors", True),
    ("en", "stockholm", "The Contractor shall not discriminate against third parties.", "subcontractors", False),
    ("en", "stockholm", "The Contractor shall comply with anti-discrimination law. It shall not disclose personal data "
     "to third parties it engages.", "subcontractors", False),
    ("de", "stockholm", "Der Auftragnehmer hält das AGG ein. Er stellt den Auftraggeber von Ansprüchen Dritter frei.",
     "subcontractors", False),
]
# Grounds under the names national equality acts use (AWGB, LADG, Equality Act, Code du travail, Diskrimineringslagen)
GROUND_TEXTS += [
    ("en", "The Contractor shall not discriminate on grounds of complexion or sex.", "skin-colour", True),
    ("en", "The Contractor shall not discriminate on grounds of skin tone or sex.", "skin-colour", True),
    ("nl", "De opdrachtnemer discrimineert niet op grond van seksuele gerichtheid of geslacht.", "sexual-orientation",
     True),
    ("nl", "De opdrachtnemer discrimineert niet op grond van hetero- of homoseksuele gerichtheid of geslacht.",
     "sexual-orientation", True),
    ("nl", "De opdrachtnemer discrimineert niet op grond van politieke gezindheid of geslacht.",
     "political-conviction", True),
    ("de", "Der Auftragnehmer duldet keine Benachteiligung wegen rassistischer Zuschreibung oder des Geschlechts.",
     "race", True),
    ("de", "Der Auftragnehmer duldet keine Benachteiligung aus rassistischen Gründen oder wegen des Geschlechts.",
     "race", True),
    ("de", "Der Auftragnehmer duldet keine Benachteiligung wegen der geschlechtlichen Identität oder des Alters.",
     "gender", True),
    ("sv", "Leverantören får inte diskriminera på grund av könsuttryck eller ålder.", "gender", True),
    ("sv", "Leverantören får inte diskriminera på grund av politisk inställning eller ålder.", "political-conviction",
     True),
    ("fr", "Le titulaire ne pratique aucune discrimination fondée sur l'apparence physique ou l'âge.",
     "physical-genetic-characteristics", True),
    ("fr", "Le titulaire ne pratique aucune discrimination fondée sur l'appartenance ethnique ou l'âge.",
     "ethnic-origin", True),
    ("en", "The Contractor shall not discriminate on grounds of genetic predisposition or sex.",
     "physical-genetic-characteristics", True),
    ("de", "Der Auftragnehmer duldet keine Benachteiligung wegen der Weltanschauung oder des Geschlechts.", "race",
     False),
    ("en", "The Contractor shall not discriminate on grounds of religion or sex; racist remarks are not tolerated.",
     "race", False),
]
# a helpdesk reachable every working day is about service hours, not accessibility
SINGLE += [
    ("nl", "ghent", "Non-discriminatie\nDe opdrachtnemer discrimineert niet.\nDe helpdesk is elke werkdag telefonisch "
     "bereikbaar.", "accessibility", False),
    ("en", "ghent", "Non-discrimination\nThe Contractor shall not discriminate.\nThe helpdesk can be reached by all "
     "users by telephone.", "accessibility", False),
]
