"""Facts about a whole document that rules and templates depend on.

- :func:`find_contract_value`: the estimated value of the contract (the turnover
  rule compares against it; clause templates apply above a value);
- :func:`find_duration_months`: the base contract period (templates apply above a
  duration);
- :func:`guess_kind`: whether the document is a tender, a contract or a published
  notice (a missing clause in a contract is a different problem from one in a tender,
  and no problem at all in a TED notice).

Why cue phrases and not "the biggest amount": a tender names many amounts
(minimum turnover, insurance cover, penalties, guarantees, EU thresholds) and only
one is the estimate the directive's "2x the value" test refers to. A value is
taken only next to a value cue, never across a turnover/insurance/penalty cue,
and the strongest cue wins ("estimated value" over a bare "value"), first in
document order. The cue tables below are the vocabulary; the functions are the
mechanics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .models import ContractValue, Paragraph

if TYPE_CHECKING:  # pragma: no cover
    from .nlp.analysed import AnalysedDocument

# ------------------------------------------------------------------------ vocabulary
#
# Regular expressions (case-insensitive, matched on word boundaries) with a strength.
# English cues apply to every document (notices and annexes are often bilingual).

VALUE_CUES: dict[str, list[tuple[str, int]]] = {
    "en": [
        (r"estimated\s+(?:total\s+|overall\s+|annual\s+)?(?:contract\s+|framework\s+|procurement\s+)?value", 3),
        (r"(?:contract|total|framework)\s+value\s*\(\s*estimated?\s*\)", 3),
        (r"value\s+of\s+the\s+(?:contract|framework(?:\s+agreement)?|procurement)\s+is\s+estimated", 3),
        (r"estimated\s+at", 2),
        (r"(?:contract|total|framework)\s+value\s+is\s+estimated", 3),
        (r"(?:contract|framework|procurement|total|maximum|overall)\s+value", 2),
        (r"value\s+of\s+the\s+(?:contract|framework(?:\s+agreement)?|procurement|lot)", 2),
        (r"estimated\s+(?:cost|budget|spend)", 2),
        (r"(?:anticipated|expected|indicative|approximate|projected|forecast)\s+(?:total\s+|annual\s+|yearly\s+)?"
         r"(?:contract\s+)?"
         r"(?:value|budget|spend)", 3),
        (r"(?:contract|framework(?:\s+agreement)?)\s+(?:is|will\s+be)\s+worth", 2),
        (r"estimate\s*:", 2),
        (r"(?<!added\s)value(?!\s+for\s+money)(?:\s+excl\.?\s+vat)?\s*:", 1),
        (r"(?:available\s+|total\s+)?budget", 1),
    ],
    "nl": [
        (r"geraamde\s+(?:totale\s+|jaarlijkse\s+)?(?:waarde|opdrachtwaarde|jaarwaarde)", 3),
        (r"(?:het\s+)?geraamd(?:e)?\s+bedrag", 3),
        (r"geschatte\s+(?:totale\s+)?(?:waarde|opdrachtwaarde)", 3),
        (r"raming", 3),
        (r"wordt\s+geraamd\s+op", 3),
        (r"(?:wordt|werd|is|zijn|worden)\s+(?:\w+\s+){0,2}?(?:geschat|geraamd|begroot)\s+op", 3),
        (r"(?:indicatieve|verwachte|vermoedelijke|geschatte)\s+(?:totale\s+)?(?:waarde|opdrachtwaarde|omvang|"
         r"opdrachtomvang|budget|kostprijs)", 3),
        (r"ter\s+waarde\s+van", 2),
        (r"(?:geschat|geraamd|begroot)\s+op", 2),
        (r"opdrachtbedrag|aanneemsom|opdrachtvolume|contractvolume", 2),
        (r"waarde\s+van\s+de\s+(?:opdracht|overeenkomst|raamovereenkomst(?:en)?|aanbesteding)", 2),
        (r"(?:totale|maximale)\s+(?:\w+\s+)?waarde", 2),
        (r"opdrachtwaarde|contractwaarde", 2),
        (r"waarde\s*:", 1),
        (r"(?:beschikbaar\s+)?budget", 1),
    ],
    "sv": [
        (r"uppskatta(?:t|de|d)\s+(?:totalt\s+|sammanlagt\s+)?(?:\w+\s+)?värdet?", 3),
        (r"beräkna(?:t|de|d)\s+(?:totalt\s+)?(?:\w+\s+)?värdet?", 3),
        (r"(?:avtalets|kontraktets|upphandlingens|avropets|ramavtalets)\s+(?:\w+\s+)?värde\s+"
         r"(?:\w+\s+){0,8}?beräknas", 3),
        (r"beräknas\s+(?:uppgå\s+)?till", 2),
        (r"uppskattas\s+(?:\w+\s+){0,2}?(?:uppgå\s+)?till", 3),
        (r"(?:förväntat|förväntade|ungefärligt|ungefärliga|preliminärt|preliminära)\s+(?:\w+\s+)?värdet?", 3),
        (r"(?:värderas|värderat)\s+till", 2),
        (r"uppskatta(?:d|t|de)\s+till|beräkna(?:d|t|de)\s+till", 2),
        (r"till\s+ett\s+(?:\w+\s+)?värde\s+(?:av|om|på)", 2),
        (r"(?:avtalets|kontraktets|upphandlingens|ramavtalets)\s+(?:\w+\s+)?omfattning", 1),
        (r"(?:upphandlingens|avtalets|kontraktets|ramavtalets|avropets)\s+(?:totala\s+)?värde", 2),
        (r"\w*kontraktsvärde|\w*avtalsvärde|ordervärde", 2),
        (r"totalt\s+värde|totala\s+värdet", 2),
        (r"värdet?\s*:", 1),
        (r"budget", 1),
    ],
    "fr": [
        (r"valeur\s+(?:totale\s+|annuelle\s+)?estimée", 3),
        (r"estimation\s+du\s+(?:marché|montant)", 3),
        (r"montant\s+(?:total\s+|annuel\s+)?estimé|montant\s+(?:annuel\s+)?estimatif", 3),
        (r"estimation\s*:", 3),
        (r"montant\s+(?:total\s+|global\s+|maximum\s+)?(?:prévisionnel|indicatif|estimatif|prévu)", 3),
        (r"budget\s+(?:total\s+)?(?:prévisionnel|estimatif|indicatif|estimé|alloué)", 3),
        (r"valeur\s+(?:totale\s+)?(?:estimative|indicative|prévisionnelle)", 3),
        (r"enveloppe\s+(?:financière|budgétaire|globale|prévisionnelle)", 2),
        (r"d['’]un\s+montant\s+(?:total\s+|global\s+)?(?:de|d['’]environ)", 1),
        (r"(?:est|sont|étant|sera|seront)\s+(?:\w+\s+)?(?:estimée?s?|estime|évaluée?s?|evaluee?s?)\s+à", 3),
        (r"(?:estimée?s?|estime|évaluée?s?)\s+à", 2),
        (r"montant\s+(?:total\s+|maximum\s+|global\s+)?(?:du|de\s+l'|de\s+l’)\s*(?:marché|accord-cadre|contrat)", 2),
        (r"valeur\s+(?:totale|maximale|globale)", 2),
        (r"valeur\s+du\s+(?:marché|contrat)", 2),
        (r"valeur\s*:", 1),
        (r"budget", 1),
    ],
    "de": [
        (r"geschätzte[rnm]?\s+(?:jährliche[rnm]?\s+)?(?:Gesamt|Jahres)?(?:auftragswert|wert|vertragswert|gesamtwert)", 3),
        (r"Schätzwert|Auftragsschätzung|geschätzten\s+Kosten", 3),
        (r"wird\s+auf\s+(?:\w+\s+)?geschätzt|(?:wird|werden)\s+geschätzt\s+auf", 3),
        (r"(?:voraussichtliche|geschätzte|erwartete)[rnms]?\s+(?:Gesamt)?(?:auftragswert|wert|vertragswert|volumen|"
         r"auftragsvolumen|vertragsvolumen|kosten|gesamtkosten|budget)", 3),
        (r"Kostenschätzung|Kostenschätzungen", 3),
        (r"geschätzt\s+auf", 2),
        (r"(?:Auftrags|Vertrags|Gesamt|Rahmenvertrags|Leistungs)volumen", 2),
        (r"Auftrags(?:summe|höhe)|Vertragssumme", 2),
        (r"(?:Auftrag|Vertrag|Rahmenvertrag|Rahmenvereinbarung)\s+über", 1),
        (r"\w*auftragswert|vertragswert|gesamtwert", 2),
        (r"Wert\s+des\s+(?:Auftrags|Vertrags|Rahmenvertrags)", 2),
        (r"Wert\s*:", 1),
        (r"Budget", 1),
    ],
}

# Amounts that are not the contract value. A value cue never reaches across these.
NOT_VALUE_CUES: dict[str, list[str]] = {
    "en": [r"turnover", r"revenue", r"insurance", r"insured", r"indemnity", r"liability", r"penalt(?:y|ies)",
           r"liquidated\s+damages", r"service\s+credits?", r"guarantee", r"bond", r"threshold", r"capital",
           r"net\s+worth", r"equity", r"per\s+hour", r"hourly", r"day\s+rate", r"fine[sd]?"],
    "nl": [r"\w*omzet", r"verzeker\w*", r"aansprakelijk\w*", r"boete\w*", r"waarborg\w*", r"borg\w*",
           r"bankgarantie\w*", r"drempel\w*", r"eigen\s+vermogen", r"solvabiliteit", r"uurtarief",
           r"per\s+uur", r"schadevergoeding"],
    "sv": [r"\w*omsättning\w*", r"försäkring\w*", r"ansvar\w*", r"vite\w*", r"garanti\w*", r"säkerhet\w*",
           r"tröskelvärde\w*", r"kapital\w*", r"timpris\w*", r"per\s+timme", r"skadestånd\w*",
           r"mervärdesavdrag\w*"],
    "fr": [r"chiffre\s+d['’]affaires", r"assurance\w*", r"responsabilité", r"pénalité\w*", r"garantie\w*",
           r"cautionnement", r"caution", r"seuil\w*", r"capital", r"taux\s+horaire", r"par\s+heure",
           r"dommages"],
    "de": [r"\w*umsatz\w*", r"\w*versicherung\w*", r"haftung\w*", r"\w*vertragsstrafe\w*", r"\w*bürgschaft\w*",
           r"sicherheitsleistung\w*", r"schwellenwert\w*", r"\w*kapital\w*", r"stundensatz\w*",
           r"pro\s+stunde", r"schadensersatz\w*", r"\w*garantie\w*"],
}

# Requirements about references / previous projects: an amount in such a sentence is a
# minimum the candidate's earlier work must reach (a selection requirement), never this
# contract's value ("references with an annual contract value of at least EUR 1m").
REQUIREMENT_CUES: dict[str, list[str]] = {
    "en": [r"references", r"reference\s+(?:projects?|contracts?|works?|sites?|assignments?|letters?)",
           r"(?:previous|prior|past|earlier|similar|comparable)\s+(?:projects?|contracts?|assignments?|works)",
           r"track\s+record"],
    "nl": [r"referentie\w*", r"(?:gelijkaardige|vergelijkbare|soortgelijke|eerdere)\s+"
           r"(?:opdrachten|projecten|werken|diensten|leveringen)", r"tevredenheids\w*"],
    "sv": [r"referens\w*", r"(?:liknande|jämförbara|tidigare)\s+(?:uppdrag|projekt|avtal|kontrakt)"],
    "fr": [r"références?", r"(?:marchés|projets|contrats|travaux|prestations)\s+(?:similaires|comparables|"
           r"analogues|antérieurs)", r"attestations?\s+de\s+bonne\s+exécution"],
    "de": [r"Referenz\w*", r"(?:vergleichbare|ähnliche|frühere)[nr]?\s+(?:Aufträge|Projekte|Leistungen|Verträge)"],
}
# "At least"-type qualifiers: an amount they introduce (or that they follow) is a threshold.
MINIMUM_CUES: dict[str, list[str]] = {
    "en": [r"(?:of\s+)?at\s+least", r"(?:a\s+)?minimum(?:\s+of)?", r"not\s+less\s+than", r"no\s+less\s+than",
           r"(?:equal\s+to\s+or\s+)?(?:higher|greater|more)\s+than", r"or\s+(?:more|higher|above)"],
    "nl": [r"(?:gelijk\s+(?:is\s+)?aan\s+of\s+)?(?:hoger|groter|meer)\s+(?:is\s+)?dan", r"minstens", r"ten\s+minste",
           r"minimaal", r"minimum", r"of\s+(?:meer|hoger)"],
    "sv": [r"minst", r"lägst", r"minimum", r"(?:högre|mer|större)\s+än", r"eller\s+(?:mer|högre)"],
    "fr": [r"au\s+moins", r"au\s+minimum", r"minimum(?:\s+de)?", r"(?:supérieure?s?|égale?s?\s+ou\s+supérieure?s?)"
           r"\s+à", r"plus\s+(?:de|que)", r"ou\s+plus"],
    "de": [r"mindestens", r"nicht\s+weniger\s+als", r"(?:höher|größer|mehr)\s+als", r"Mindest\w*",
           r"oder\s+mehr"],
}

# TED-style "field path] value" lines (eForms/TED XML flattened to text).
TED_VALUE_FIELDS: dict[str, int] = {"VAL_ESTIMATED_TOTAL": 3, "VAL_TOTAL": 2, "VALUE_COST": 2, "HIGH_VALUE": 2,
                                    "VAL_OBJECT": 1}
TED_DURATION_FIELDS: tuple[str, ...] = ("DURATION",)

DURATION_CUES: dict[str, list[tuple[str, int]]] = {
    "en": [(r"(?:contract|agreement|framework)\s+(?:duration|period|term)", 3),
           (r"(?:duration|term|period)\s+of\s+(?:the\s+)?(?:contract|agreement|framework(?:\s+agreement)?)", 3),
           (r"(?:contract|agreement|framework(?:\s+agreement)?)\s+(?:will|shall|is\s+to)\s+"
            r"(?:run|last|be\s+awarded|be\s+let|be\s+in\s+force|commence)\b[^.;]{0,40}?\bfor", 3),
           (r"initial\s+(?:contract\s+)?(?:period|term)", 3),
           (r"(?:contract|agreement|framework(?:\s+agreement)?)\b[^.;]{0,80}?\b(?:runs?|lasts?|is\s+valid)"
            r"\s+(?:for|until)", 3),
           (r"duration", 2), (r"for\s+a\s+(?:fixed\s+)?(?:period|term)\s+of", 1)],
    "nl": [(r"looptijd", 3), (r"(?:duur|termijn)\s+van\s+de\s+(?:opdracht|overeenkomst|raamovereenkomst)", 3),
           (r"contractduur|contractperiode|opdrachtduur", 3),
           (r"(?:overeenkomst|raamovereenkomst|opdracht)\s+(?:wordt|is)\s+(?:\w+\s+){0,3}?"
            r"(?:gesloten|aangegaan|afgesloten)\s+voor", 3),
           (r"duur", 2), (r"voor\s+een\s+(?:periode|termijn)\s+van", 1)],
    "sv": [(r"avtalstid(?:en)?", 3), (r"avtalsperiod(?:en)?", 3), (r"kontraktstid(?:en)?", 3),
           (r"(?:avtalet|kontraktet|ramavtalet|avropskontraktet)\s+gäller\b", 3),
           (r"löptid", 2), (r"under\s+en\s+period\s+(?:om|av)", 1)],
    "fr": [(r"durée\s+(?:initiale\s+)?(?:du|de\s+l['’])\s*(?:marché|accord-cadre|contrat)", 3),
           (r"(?:marché|accord-cadre|contrat)\s+est\s+conclu\s+pour", 3),
           (r"durée", 2), (r"pour\s+une\s+(?:période|durée)\s+de", 1)],
    "de": [(r"Vertragslaufzeit", 3), (r"Laufzeit", 3), (r"Vertragsdauer", 3),
           (r"(?:Vertrag|Rahmenvertrag|Auftrag)\s+wird\s+(?:\w+\s+){0,4}?für", 3),
           (r"Dauer\s+des\s+(?:Auftrags|Vertrags)", 3), (r"Dauer", 2), (r"für\s+einen\s+Zeitraum\s+von", 1)],
}
NOT_DURATION_CUES: dict[str, list[str]] = {
    "en": [r"experience", r"warranty", r"valid(?:ity)?", r"notice", r"payment", r"guarantee", r"liability",
           r"references?", r"retention", r"defects", r"within", r"before", r"after"],
    "nl": [r"ervaring", r"garantie\w*", r"geldig\w*", r"opzeg\w*", r"betaling\w*", r"referentie\w*",
           r"gestanddoening\w*", r"binnen", r"vóór", r"voor\s+het\s+einde", r"na\s+afloop"],
    "sv": [r"erfarenhet\w*", r"garanti\w*", r"giltig\w*", r"uppsägning\w*", r"betalning\w*",
           r"referens\w*", r"bunden", r"inom", r"före", r"senast", r"efter"],
    "fr": [r"expérience", r"garantie", r"validité", r"préavis", r"paiement", r"références?", r"dans\s+un\s+délai",
           r"avant", r"après"],
    "de": [r"Erfahrung\w*", r"Gewährleistung\w*", r"Bindefrist", r"Kündigung\w*", r"Zahlung\w*",
           r"Referenz\w*", r"Garantie\w*", r"innerhalb", r"vor\s+(?:Ablauf|Ende)", r"nach\s+Ablauf"],
}

# Document kind: title cues (first paragraphs) weigh more than body phrases.
CONTRACT_TITLE_CUES: list[str] = [
    r"contract(?!\s+notice)(?!\s+award\s+notice)(?!\s+documents?)", r"agreement", r"core\s+terms",
    r"terms\s+and\s+conditions", r"call-off\s+(?:contract|schedule|order\s+form)", r"joint\s+schedule",
    r"order\s+form", r"(?:raam)?overeenkomst", r"contract(?:voorwaarden)?", r"(?:ram|leverans|tjänste)?avtal\b",
    r"avropskontrakt", r"kontrakt(?!sområde)", r"contrat", r"convention", r"acte\s+d['’]engagement",
    r"(?:Rahmen|Dienstleistungs|Liefer)?vertrag\b", r"Vertragsbedingungen",
]
TENDER_TITLE_CUES: list[str] = [
    r"invitation\s+to\s+tender", r"request\s+for\s+(?:proposals?|quotations?|tenders?)", r"tender\b",
    r"contract\s+notice", r"specification", r"statement\s+of\s+requirements", r"selection\s+questionnaire",
    r"bestek", r"aanbesteding", r"offerteaanvraag", r"selectieleidraad", r"aankondiging",
    r"förfrågningsunderlag", r"upphandling", r"avropsförfrågan", r"anbudsinbjudan", r"annonsering",
    r"cahier\s+des\s+(?:charges|clauses)", r"appel\s+d['’]offres", r"avis\s+de\s+marché", r"consultation",
    r"r[eè]glement\s+de\s+(?:la\s+)?consultation", r"Ausschreibung", r"Vergabe\w*", r"Leistungsbeschreibung",
    r"Auftragsbekanntmachung", r"Aufforderung\s+zur\s+Angebotsabgabe",
]
CONTRACT_HEADING_CUES: list[str] = [
    r"definitions(?:\s+and\s+interpretation)?", r"governing\s+law", r"entire\s+agreement", r"force\s+majeure",
    r"termination", r"signatures?", r"assignment", r"definities", r"toepasselijk\s+recht", r"ontbinding",
    r"beëindiging", r"ondertekening", r"overmacht", r"definitioner", r"tillämplig\s+lag", r"hävning",
    r"underskrift(?:er)?", r"avtalets\s+upphörande", r"définitions", r"droit\s+applicable", r"résiliation",
    r"Begriffsbestimmungen", r"anwendbares\s+Recht", r"Kündigung", r"Unterschriften", r"höhere\s+Gewalt",
]
TENDER_HEADING_CUES: list[str] = [
    r"selection\s+criteria", r"award\s+criteria", r"(?:grounds\s+for\s+)?exclusion(?:\s+grounds)?",
    r"instructions\s+to\s+(?:tenderers|bidders)", r"submission\s+of\s+(?:tenders|bids)", r"evaluation",
    r"selectiecriteria", r"gunningscriteria", r"uitsluitingsgronden", r"indiening\s+van\s+de\s+offerte",
    r"kvalificeringskrav", r"utvärdering(?:smodell)?", r"uteslutningsgrunder", r"anbudsgivning",
    r"critères\s+de\s+sélection", r"critères\s+d['’]attribution", r"motifs\s+d['’]exclusion",
    r"remise\s+des\s+offres", r"Eignungskriterien", r"Zuschlagskriterien", r"Ausschlussgründe",
    r"Angebotsabgabe",
]
CONTRACT_BODY_CUES: list[str] = [
    r"(?:the\s+)?parties\s+(?:hereby\s+|have\s+)?agree[ds]?", r"hereby\s+agree", r"in\s+witness\s+whereof",
    r"this\s+(?:contract|agreement)\s+is\s+made", r"(?:signed|executed)\s+(?:by|for\s+and)\s+on\s+behalf\s+of",
    r"hereinafter\s+(?:referred\s+to\s+as|called)", r"(?:de\s+)?partijen\s+(?:komen|verklaren|zijn)\s+"
    r"(?:het\s+)?(?:volgende\s+)?overeen\w*", r"komen\s+(?:het\s+)?volgende\s+overeen", r"ondergetekenden",
    r"hierna\s+te\s+noemen", r"aldus\s+overeengekomen", r"parterna\s+har\s+(?:kommit\s+överens|träffat|ingått)",
    r"har\s+(?:denna\s+dag\s+)?träffat\s+följande\s+avtal", r"följande\s+avtal\s+har\s+träffats",
    r"detta\s+avtal\s+har\s+upprättats", r"nedan\s+kallad", r"les\s+parties\s+conviennent",
    r"il\s+a\s+été\s+convenu", r"entre\s+les\s+soussignés", r"ci-après\s+dénommée?",
    r"Vertragsparteien\s+vereinbaren", r"wird\s+folgender\s+Vertrag", r"nachstehend\s+\S+\s+genannt",
]
TENDER_BODY_CUES: list[str] = [
    r"tenderers?", r"bidders?", r"selection\s+criteria", r"award\s+criteria", r"submission\s+of\s+tenders",
    r"deadline\s+for\s+(?:receipt|submission)", r"invitation\s+to\s+tender", r"procurement\s+procedure",
    r"inschrijvers?", r"gunningscriteri\w*", r"selectiecriteri\w*", r"aanbesteding\w*", r"inschrijving\w*",
    r"anbudsgivar\w*", r"anbud(?:et)?", r"kvalificeringskrav", r"utvärdering\w*", r"upphandling\w*",
    r"soumissionnaires?", r"candidats?", r"critères\s+(?:de\s+sélection|d['’]attribution)",
    r"remise\s+des\s+offres", r"marché\s+public", r"Bieter\w*", r"Zuschlagskriterien", r"Eignungskriterien",
    r"Angebotsfrist", r"Vergabeverfahren\w*",
]
COVER_PARAGRAPHS = 8  # the title region: short paragraphs among the first ones
PARTY_JOINERS = frozenset({"and", "en", "och", "et", "und", "- and -", "between", "tussen", "mellan", "entre",
                           "zwischen"})
# A published procurement notice (TED contract / award / prior information notice) is neither
# the tender documents nor the contract: the anti-discrimination clause does not live in it.
# Recognised by flattened TED element paths ("[/F02_2014/...] value") or by a notice heading
# standing alone (or followed by a dash/colon and a subtitle) in the first paragraphs.
NOTICE_HEADING_CUES: list[str] = [
    r"(?:contract|concession)\s+(?:award\s+)?notice", r"prior\s+information\s+notice",
    r"(?:voluntary\s+)?ex[\s-]ante\s+transparency\s+notice", r"(?:notice\s+of\s+)?modification\s+notice",
    r"aankondiging\s+van\s+(?:een\s+)?(?:gegunde\s+)?(?:opdracht|concessie)", r"vooraankondiging",
    r"meddelande\s+om\s+(?:upphandling|tilldelning(?:\s+av\s+(?:kontrakt|koncession))?|koncession)",
    r"förhandsannons", r"avis\s+de\s+(?:marché|concession|pré-?information)",
    r"avis\s+d['’]attribution(?:\s+de\s+(?:marché|concession))?", r"avis\s+d['’]appel\s+public\s+à\s+la\s+concurrence",
    r"Auftragsbekanntmachung", r"Vergabebekanntmachung", r"Konzessionsbekanntmachung", r"Vorinformation",
    r"Bekanntmachung\s+vergebener\s+Aufträge",
]
NOTICE_HEADING_PARAGRAPHS = 5  # TED print-outs put place/CPV and the OJ S number before the heading
TED_NOTICE_MIN_LINES = 3  # element-path lines among the first 20 paragraphs

DEFAULT_CURRENCY: dict[str, str] = {"sv": "SEK", "en": "EUR", "nl": "EUR", "fr": "EUR", "de": "EUR"}
MIN_PLAUSIBLE_VALUE = 100.0  # TED uses 1.00 as a placeholder; no contract is worth less than this
MIN_PLAUSIBLE_MONTHS = 1.0  # "within 5 working days" is a deadline, not a contract period
DURATION_CUE_REACH = 80  # characters from a duration cue to the period it introduces
VALUE_CUE_REACH = 220  # characters from a value cue to the amount it introduces

# ------------------------------------------------------------------------ helpers


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])", re.IGNORECASE)


_CACHE: dict[tuple[str, str], object] = {}


def _compiled(kind: str, lang: str):
    key = (kind, lang)
    if key not in _CACHE:
        langs = [lang] + (["en"] if lang != "en" else [])
        if kind in ("value", "duration"):
            table = VALUE_CUES if kind == "value" else DURATION_CUES
            _CACHE[key] = [(re.compile(rf"(?<![\w]){p}(?![\w])", re.IGNORECASE), s)
                           for lg in langs for p, s in table.get(lg, [])]
        elif kind in ("value-any", "duration-any"):  # one pass to skip paragraphs without any cue
            table = VALUE_CUES if kind == "value-any" else DURATION_CUES
            _CACHE[key] = _rx([p for lg in langs for p, _ in table.get(lg, [])])
        else:
            table = {"not-value": NOT_VALUE_CUES, "not-duration": NOT_DURATION_CUES,
                     "requirement": REQUIREMENT_CUES, "minimum": MINIMUM_CUES}[kind]
            _CACHE[key] = _rx([p for lg in langs for p in table.get(lg, [])])
    return _CACHE[key]


_ABBREVS = ("excl", "incl", "approx", "ca", "min", "max", "art", "no", "nr", "Mio", "mio", "Mrd", "bzw", "resp",
            "exkl", "inkl", "vs", "Nr", "St", "bl", "dvs", "ev", "resp", "env", "p")
_SENT_END = re.compile(
    "".join(rf"(?<!\b{a}\.)" for a in _ABBREVS) + r"(?<=[.!?;])\s+(?=[^\s\da-zäöåéèü])|\n\s*\n"
)
_TED = re.compile(r"^\s*\[/?(?:[^\]]*/)?(?P<field>[A-Z_]+)\]\s*(?P<value>.+?)\s*$")


def _segments(text: str) -> Iterator[tuple[int, str]]:
    """Sentence-like segments with their offsets (own splitter: spaCy's breaks after "excl.")."""
    start = 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            yield start, text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


@dataclass
class _Candidate:
    strength: int
    order: tuple[int, int]
    value: ContractValue
    annual: bool = False  # "annual value", "EUR 300,000 per year": the whole term is this times the years


# A value stated per year ("anticipated annual value", "300 000 € par an", "2 MSEK per år").
_ANNUAL = re.compile(
    r"\b(?:annual|yearly|per\s+(?:year|annum)|a\s+year|p\.\s?a\.|jaarlijkse?|per\s+jaar|op\s+jaarbasis|"
    r"årlig[at]?|per\s+år|om\s+året|annuel(?:le)?|par\s+an(?:née)?|jährlich(?:e[nrs]?)?|pro\s+Jahr|"
    r"Jahres(?:wert|volumen|auftragswert))\b", re.IGNORECASE)


def _between_clear(neg: re.Pattern[str], text: str, a: int, b: int) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    return neg.search(text, lo, hi) is None


# ------------------------------------------------------------------------ contract value


def find_contract_value(adoc: AnalysedDocument) -> ContractValue | None:
    """The estimated contract value stated in the document, or None.

    Looks for a value cue and an amount in the same sentence (or a label cell followed
    by the amount cell: "Estimated value" | "EUR 250,000"), and TED lines such as
    ``[/F02_2014/OBJECT_CONTRACT/VAL_ESTIMATED_TOTAL] 250000``. A range counts with
    its upper bound, and ``text`` says so.
    """
    from .quantities import find_money, parse_number

    lang = adoc.language
    cues = _compiled("value", lang)
    any_cue = _compiled("value-any", lang)
    neg = _compiled("not-value", lang)
    requirement = _compiled("requirement", lang)
    minimum = _compiled("minimum", lang)
    paragraphs = adoc.paragraphs
    best: _Candidate | None = None

    def offer(c: _Candidate) -> None:
        nonlocal best
        if c.value.amount < MIN_PLAUSIBLE_VALUE:
            return
        if best is None or (c.strength, _neg(c.order)) > (best.strength, _neg(best.order)):
            best = c

    for pi, para in enumerate(paragraphs):
        text = para.text
        if not text.strip():
            continue
        ted = _TED.match(text)
        if ted and ted.group("field") in TED_VALUE_FIELDS:
            strength = TED_VALUE_FIELDS[ted.group("field")]
            money = find_money(ted.group("value"), lang)
            if money:
                m = money[0]
                amount, cur = (m.high if m.is_range and m.high is not None else m.amount), m.currency
            else:
                amount = parse_number(ted.group("value"), None)
                cur = _default_currency(adoc) if amount is not None else None
            if amount is not None and cur:
                offer(_Candidate(strength, (pi, 0), ContractValue(
                    amount=float(amount), currency=cur, source="document", text=text.strip()[:300],
                    location=adoc.location(para))))
            continue
        if ted:  # another notice field: its value is ordinary text
            text = ted.group("value")
        if not any_cue.search(text):
            continue
        found_in_para = False
        for seg_start, seg in _segments(text):
            hits = [(m.start(), m.end(), s) for rx, s in cues for m in rx.finditer(seg)]
            if not hits or requirement.search(seg):  # a reference requirement: its amounts are minimums
                continue
            monies = find_money(seg, lang)
            for k, m in enumerate(monies):
                if _minimum_after(seg, m.end, minimum):  # "450 000 EUR au minimum", "EUR 1m or more"
                    continue
                cue = _cue_for(seg, m.start, m.end, hits, monies, k, neg, minimum)
                if cue is None:
                    continue
                strength, cue_start, cue_end = cue
                phrase = seg[min(cue_start, m.start):max(m.end, cue_end)].strip()
                amount = m.high if m.is_range and m.high is not None else m.amount
                if m.is_range:
                    phrase += " (upper bound of the range)"
                annual = bool(_ANNUAL.search(phrase) or _ANNUAL.match(seg[m.end:m.end + 25].lstrip(" ,(")))
                offer(_Candidate(strength, (pi, seg_start + m.start), ContractValue(
                    amount=amount, currency=m.currency, source="document", text=phrase[:300],
                    location=adoc.location(para)), annual=annual))
                found_in_para = True
        if not found_in_para and not requirement.search(text):
            _label_cell(adoc, paragraphs, pi, cues, neg, lang, offer)
    if best is None:
        return None
    if best.annual:
        return _over_the_term(adoc, best.value)
    return best.value


def _over_the_term(adoc: AnalysedDocument, value: ContractValue) -> ContractValue:
    """An annual value times the contract period, options included (Directive 2014/24/EU art. 5(1)).

    "Anticipated annual value: EUR 300,000" with "Contract period: 4 years (2+1+1)" is a
    EUR 1.2m contract. Without a period of at least a year, the annual figure stays as it is.
    """
    term = _best_duration(adoc)
    if term is None or term[1] < 12:
        return value
    years = term[1] / 12
    return value.model_copy(update={
        "amount": value.amount * years,
        "text": f"{value.text} × {years:g} years (annual value over the contract period)"[:300]})


def _neg(order: tuple[int, int]) -> tuple[int, int]:
    return (-order[0], -order[1])


def _minimum_after(seg: str, me: int, minimum: re.Pattern[str]) -> bool:
    """An "at least" qualifier right after the amount makes it a threshold."""
    m = minimum.search(seg[me:me + 20])
    return m is not None and not re.search(r"[.;:(]", seg[me:me + m.start()])


def _cue_for(seg: str, ms: int, me: int, hits, monies, k: int, neg, minimum) -> tuple[int, int, int] | None:
    """(strength, cue start, cue end) of the strongest cue governing the amount at ms:me, or None.

    Neither a turnover/insurance cue nor an "at least" qualifier may stand between cue and
    amount: "a contract value of at least EUR 1m" states a threshold, not this contract's value.
    """
    prev_end = monies[k - 1].end if k else -1
    next_start = monies[k + 1].start if k + 1 < len(monies) else len(seg) + 1
    best: tuple[int, int, int] | None = None
    for cs, ce, strength in hits:
        if _qualified_by_negative(seg, cs, neg):  # "guarantee value", "insurance value"
            continue
        if ce <= ms:  # cue before the amount: no other amount and no turnover/insurance cue between
            if cs < prev_end or ms - ce > VALUE_CUE_REACH or not _between_clear(neg, seg, ce, ms) \
                    or not _between_clear(minimum, seg, ce, ms):
                continue
        elif cs >= me:  # cue right after the amount ("EUR 2m estimated value")
            if ce > next_start or cs - me > 40 or not _between_clear(neg, seg, me, cs) \
                    or not _between_clear(minimum, seg, me, cs):
                continue
        else:
            continue
        cand = (strength, cs, ce)
        if best is None or strength > best[0] or (strength == best[0] and cs < best[1]):
            best = cand
    return best


_PERCENT_OF = re.compile(r"%\s*(?:of|van|av|du|de|des|vom|der|des)\b[^.;:%]{0,25}$", re.IGNORECASE)
# "from a contract value of EUR 30,000", "ab einer Auftragssumme von ...": a threshold the rule
# applies above, not this contract's value.
_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:from|above|over|exceeding|below|under|up\s+to)\s+(?:a|an|the)"
    r"|\b(?:vanaf|boven|onder|tot)\s+(?:een|de|het)"
    r"|\b(?:från|över|under|upp\s+till)\s+(?:ett|en)"
    r"|(?:à\s+partir|au-delà|au-dessus|en\s+dessous|en-dessous)\s+d['’](?:un|une)"
    r"|\b(?:ab|über|unter|bis\s+zu)\s+(?:einer|einem|einen))\s+(?:\w+\s+)?$",
    re.IGNORECASE)


def _qualified_by_negative(seg: str, cue_start: int, neg: re.Pattern[str]) -> bool:
    """A turnover/insurance/guarantee word just before the cue qualifies it; so does "10% of the"."""
    window = seg[max(0, cue_start - 30):cue_start]
    if _PERCENT_OF.search(window) or _THRESHOLD_BEFORE.search(window):
        return True
    last = None
    for last in neg.finditer(window):  # noqa: B007 - the last one is the nearest
        pass
    return last is not None and not re.search(r"[.;:,()]", window[last.end():])


def _label_cell(adoc, paragraphs: list[Paragraph], pi: int, cues, neg, lang: str, offer) -> None:
    """A short paragraph that is only a value label, followed by the amount (table cells, forms)."""
    from .quantities import find_money

    text = paragraphs[pi].text.strip()
    if len(text) > 80 or pi + 1 >= len(paragraphs) or neg.search(text):
        return
    strength = max((s for rx, s in cues if rx.search(text)), default=None)
    if strength is None:
        return
    nxt = paragraphs[pi + 1]
    if len(nxt.text) > 120 or neg.search(nxt.text):
        return
    monies = find_money(nxt.text, lang)
    if not monies:
        return
    m = monies[0]
    amount = m.high if m.is_range and m.high is not None else m.amount
    phrase = f"{text.rstrip(':')}: {m.text}" + (" (upper bound of the range)" if m.is_range else "")
    offer(_Candidate(strength, (pi, 0), ContractValue(
        amount=amount, currency=m.currency, source="document", text=phrase[:300], location=adoc.location(nxt))))


def _default_currency(adoc: AnalysedDocument) -> str:
    """The currency a bare figure is in: the document's most used one, else the language's."""
    cached = adoc.cache.get("facts.currency")
    if isinstance(cached, str):
        return cached
    from .quantities import find_money

    counts: Counter[str] = Counter()
    size = 0
    for p in adoc.paragraphs:
        if size > 200_000:
            break
        size += len(p.text)
        if any(ch.isdigit() for ch in p.text):
            counts.update(m.currency for m in find_money(p.text, adoc.language))
    cur = counts.most_common(1)[0][0] if counts else DEFAULT_CURRENCY.get(adoc.language, "EUR")
    adoc.cache["facts.currency"] = cur
    return cur


# ------------------------------------------------------------------------ duration


def find_duration_months(adoc: AnalysedDocument) -> float | None:
    """The base contract period in months (extensions not included), or None."""
    best = _best_duration(adoc)
    return best[0] if best else None


def _best_duration(adoc: AnalysedDocument) -> tuple[float, float] | None:
    """(base months, months with extensions) of the contract period, or None (computed once per document:
    the duration and an annual contract value both need it)."""
    if "facts.duration" not in adoc.cache:
        adoc.cache["facts.duration"] = _scan_duration(adoc)
    return adoc.cache["facts.duration"]


def _scan_duration(adoc: AnalysedDocument) -> tuple[float, float] | None:
    """The scan behind :func:`_best_duration`.

    Taken from a duration next to a duration cue ("looptijd", "avtalstid",
    "durée du marché", "Laufzeit", "contract period" ...), strongest cue first, or
    from a TED ``.../DURATION] 36`` line (months). Periods about experience,
    warranties, tender validity or notice are ignored.
    """
    from .quantities import find_durations, parse_number

    lang = adoc.language
    cues = _compiled("duration", lang)
    any_cue = _compiled("duration-any", lang)
    neg = _compiled("not-duration", lang)
    best: tuple[int, tuple[int, int], float, float] | None = None
    for pi, para in enumerate(adoc.paragraphs):
        text = para.text
        if not text.strip():
            continue
        ted = _TED.match(text)
        if ted and ted.group("field") in TED_DURATION_FIELDS:
            durs = find_durations(ted.group("value"), lang)
            months = durs[0].months if durs else parse_number(ted.group("value"), None)
            if months and 0 < months <= 600:
                cand = (4, (pi, 0), float(months), float(durs[0].total_months if durs else months))
                if best is None or (cand[0], _neg(cand[1])) > (best[0], _neg(best[1])):
                    best = cand
            continue
        if ted:  # another notice field: its value is ordinary text
            text = ted.group("value")
        if not any_cue.search(text):
            continue
        for seg_start, seg in _segments(text):
            hits = [(m.start(), m.end(), s) for rx, s in cues for m in rx.finditer(seg)]
            if not hits:
                continue
            durs = find_durations(seg, lang)
            for k, d in enumerate(durs):
                prev_end = durs[k - 1].end if k else -1
                strength = None
                for cs, ce, s in hits:
                    if ce <= d.start and cs >= prev_end and d.start - ce <= DURATION_CUE_REACH and \
                            _between_clear(neg, seg, ce, d.start):
                        strength = max(strength or 0, s)
                    elif cs >= d.end and cs - d.end <= 20 and _between_clear(neg, seg, d.end, cs):
                        strength = max(strength or 0, s - 1)
                if strength and d.months >= MIN_PLAUSIBLE_MONTHS:
                    cand = (strength, (pi, seg_start + d.start), d.months, d.total_months)
                    if best is None or (cand[0], _neg(cand[1])) > (best[0], _neg(best[1])):
                        best = cand
    return (best[2], best[3]) if best else None


# ------------------------------------------------------------------------ kind


def _cover(paragraphs: list[Paragraph]) -> list[str]:
    """The title region: the first two paragraphs (cut to 200 chars) and short unnumbered ones after them."""
    out = [p.text[:200] for p in paragraphs[:2]]
    out += [p.text for p in paragraphs[2:COVER_PARAGRAPHS] if len(p.text) <= 120 and not _NUMBERED.match(p.text)]
    return out


_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s")


_NOTICE_HEADING = re.compile(r"\W*(?:" + "|".join(f"(?:{p})" for p in NOTICE_HEADING_CUES)
                             + r")\s*(?:[-–—:|(].{0,80})?", re.IGNORECASE)


def is_notice(paragraphs: list[Paragraph]) -> bool:
    """True for a published procurement notice: TED element-path lines, or a notice heading on top.

    The heading must stand alone ("Contract notice", "Avis de marché – Services"), so a tender
    that cites "Contract notice reference 2026/S 012-345678" on its cover stays a tender.
    """
    if sum(1 for p in paragraphs[:20] if _TED.match(p.text)) >= TED_NOTICE_MIN_LINES:
        return True
    return any(len(p.text) <= 120 and _NOTICE_HEADING.fullmatch(p.text.strip())
               for p in paragraphs[:NOTICE_HEADING_PARAGRAPHS])


def guess_kind(adoc: AnalysedDocument) -> Literal["tender", "contract", "notice"]:
    """"notice" for a published notice, "contract" when it reads as a contract, else "tender".

    A notice (:func:`is_notice`) is decided first: it quotes contract terms ("Partijen sluiten
    een raamovereenkomst") and tender vocabulary alike, and its missing clause elements are
    not a defect (the clause belongs in the contract documents).

    Scores title cues in the cover (x4: "Agreement", "Overeenkomst", "Avtal" against
    "Invitation to tender", "Bestek", "Förfrågningsunderlag" ...), a cover naming two
    parties ("BUYER" / "AND" / "SUPPLIER", x3), typical section headings ("Governing
    law", "Termination" against "Selection criteria", "Award criteria"; x1.5 each
    distinct) and body phrases ("the Parties hereby agree" against "tenderers",
    "award criteria"; x1 each distinct) in the first 200 paragraphs. Ties go to "tender": the safer default, since clause findings
    in tenders are what buyers fix before publication.
    """
    paragraphs = [p for p in adoc.paragraphs if p.text.strip()]
    if is_notice(paragraphs):
        return "notice"
    c_title, t_title = _rx(CONTRACT_TITLE_CUES), _rx(TENDER_TITLE_CUES)
    c_head, t_head = _rx(CONTRACT_HEADING_CUES), _rx(TENDER_HEADING_CUES)
    c_body, t_body = _rx(CONTRACT_BODY_CUES), _rx(TENDER_BODY_CUES)
    contract = tender = 0.0
    cover = _cover(paragraphs)
    title = " \n ".join(cover)
    contract += 4 * bool(c_title.search(title))
    tender += 4 * bool(t_title.search(title))
    contract += 3 * any(t.strip().lower() in PARTY_JOINERS for t in cover[1:-1])
    head = paragraphs[:200]
    headings = "\n".join(p.text for p in head if p.kind == "heading" or p.heading_level is not None
                         or (len(p.text) <= 80 and _NUMBERED.match(p.text)))
    contract += 1.5 * len({m.group().lower() for m in c_head.finditer(headings)})
    tender += 1.5 * len({m.group().lower() for m in t_head.finditer(headings)})
    body = "\n".join(p.text for p in head)
    contract += len({m.group().lower() for m in c_body.finditer(body)})
    tender += len({re.sub(r"s$", "", m.group().lower()) for m in t_body.finditer(body)})
    return "contract" if contract > tender else "tender"
