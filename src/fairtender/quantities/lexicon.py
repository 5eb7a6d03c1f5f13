"""The words of quantities, per language: all the vocabulary in one place.

Why a data module: the parsers in this package are language-neutral machinery;
everything a reviewer may want to adjust (a missing number word, a currency
nickname, a cue such as "no fewer than") lives here as plain dicts and lists.
Keys are lower-case; matching is case-insensitive unless a table says otherwise.

Languages: ``en``, ``nl``, ``sv``, ``fr``, ``de``. A table entry under ``"*"``
applies to every language.
"""

from __future__ import annotations

LANGS = ("en", "nl", "sv", "fr", "de")

# ----------------------------------------------------------------- number words
#
# Atoms only; the parser composes them ("twenty-five", "vijfentwintig",
# "tjugofem", "quatre-vingt-dix", "zweihundertfünfundzwanzig"). Compound words
# (nl/de/sv) are split greedily into these atoms.

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "a": 1, "an": 1,
    },
    "nl": {
        "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
        "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
        "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
        "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
        "negentig": 90,
    },
    "sv": {
        "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
        "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
        "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
        "tjugo": 20, "tjugu": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
        "sjuttio": 70, "åttio": 80, "nittio": 90,
    },
    "fr": {
        "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
        "soixante": 60, "septante": 70, "octante": 80, "huitante": 80, "nonante": 90,
        "quatre-vingt": 80, "quatre-vingts": 80,
    },
    "de": {
        "null": 0, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2,
        "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
        "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
        "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
        "neunzig": 90,
    },
}

# Words that are also articles/pronouns ("een jaar", "en månad", "un an", "a year"):
# read as a number only when a unit or multiplier word follows, or inside a longer
# number ("eenentwintig", "een miljoen").
AMBIGUOUS_NUMBER_WORDS: dict[str, set[str]] = {
    "en": {"a", "an"},
    "nl": {"een"},
    "sv": {"en", "ett"},
    "fr": {"un", "une"},
    "de": {"ein", "eine", "einen", "einem", "einer"},
}

# Number words that are also ordinary adjectives ("matériel neuf" = new equipment): read as a
# number only before a unit, a scale word or a plural noun ("neuf mois", "neuf salariés").
NUMBER_WORDS_BEFORE_PLURAL: dict[str, set[str]] = {
    "fr": {"neuf"},
}

# Idioms in which a number word is not a number (regular expressions, case-insensitive).
NOT_NUMBER_PHRASES: dict[str, list[str]] = {
    "en": [r"\bone\s+another\b", r"\bno\s+one\b", r"\bone\s+of\s+the\b"],
    "nl": [r"\bin\s+acht\s+(?:te\s+)?(?:nemen|neemt|genomen|nam|namen)\b", r"\bacht\s+slaan\b"],
    "sv": [],
    "fr": [r"\bà\s+neuf\b", r"\bl['’]un\s+(?:ou|et)\s+l['’]autre\b"],
    "de": [r"\b(?:außer|ausser)\s+acht\b", r"\bin\s+acht\s+(?:zu\s+)?(?:nehmen|genommen)\b", r"\bacht\s+geben\b"],
}

# "hundred" multiplies what precedes it (or 1 when nothing does: "hundert", "cent").
HUNDRED_WORDS: dict[str, set[str]] = {
    "en": {"hundred"},
    "nl": {"honderd"},
    "sv": {"hundra"},
    "fr": {"cent", "cents"},
    "de": {"hundert"},
}

# Word multipliers that close a group (thousand/million/billion), for number words
# AND after digits ("1,5 miljoen", "2 miljoner", "1.1 million", "1,2 Mio.").
SCALE_WORDS: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
           "billion": 1e9, "billions": 1e9, "bn": 1e9},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "mio": 1e6,
           "mio.": 1e6, "miljard": 1e9, "mld": 1e9, "mld.": 1e9, "mrd": 1e9},
    "sv": {"tusen": 1e3, "miljon": 1e6, "miljoner": 1e6, "milj": 1e6, "milj.": 1e6, "mn": 1e6,
           "mnkr": 1e6, "miljard": 1e9, "miljarder": 1e9, "mdr": 1e9, "md": 1e9},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "mio": 1e6, "mio.": 1e6, "mln": 1e6,
           "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9},
    "de": {"tausend": 1e3, "tsd": 1e3, "tsd.": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
           "mio.": 1e6, "mill.": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9},
}
# "a decade", "twee decennia", "ett decennium", "une décennie", "zwei Jahrzehnte": ten years as a
# multiplier after a number ("a"/"een"/"ett"/"une"/"ein" count as one before it). The word alone
# ("in the last decade") is not a number.
for _lang, _words in {
    "en": ("decade", "decades"),
    "nl": ("decennium", "decennia", "decenniën", "decennien"),
    "sv": ("decennium", "decennier", "decenniet", "decennierna", "årtionde", "årtionden"),
    "fr": ("décennie", "décennies", "décade", "décades"),
    "de": ("jahrzehnt", "jahrzehnte", "jahrzehnten", "dekade", "dekaden"),
}.items():
    for _w in _words:
        SCALE_WORDS[_lang][_w] = 10.0
# "zehnjährige Erfahrung", "tienjarige ervaring", "tioårig erfarenhet": a number word glued to
# "-year(s)" as one adjective. The suffix is a multiplier of one, so the compound reads as its number.
for _lang, _words in {
    "nl": ("jarige",),
    "sv": ("årig", "åriga", "årigt"),
    "de": ("jährig", "jährige", "jährigen", "jähriger", "jähriges", "jährigem"),
}.items():
    for _w in _words:
        SCALE_WORDS[_lang][_w] = 1.0
# Every language also understands the English scale words (tenders quote "EUR 2 million").
SCALE_WORDS_ANY: dict[str, float] = {"million": 1e6, "millions": 1e6, "billion": 1e9, "mio": 1e6,
                                     "mio.": 1e6, "mln": 1e6, "mln.": 1e6, "bn": 1e9}

# Letters glued to digits: "250k", "£1m", "£2.5m", "3.5bn". ``k`` is safe on any
# number; ``m``/``bn`` only next to a currency (a bare "5m" is five metres).
SUFFIX_SCALES_ANY: dict[str, float] = {"k": 1e3, "K": 1e3}
SUFFIX_SCALES_MONEY: dict[str, float] = {"m": 1e6, "M": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9}

# Connectors inside composed number words.
NUMBER_CONNECTORS: dict[str, set[str]] = {
    "en": {"and"},        # "one hundred and twenty"
    "nl": {"en", "ën"},   # "vijfentwintig", "tweeëntwintig"
    "sv": set(),
    "fr": {"et"},         # "vingt et un"
    "de": {"und"},        # "fünfundzwanzig"
}

# ----------------------------------------------------------------- comparators
#
# Cue phrases (lower-case, matched on word boundaries, with whitespace free) that give
# a number its comparator. BEFORE cues precede the number ("at least 3"), AFTER cues
# follow it ("3 or more"). Longer phrases win over their prefixes ("no more than"
# over "more than").

COMPARATOR_BEFORE: dict[str, dict[str, str]] = {
    "*": {"≥": ">=", ">=": ">=", "=>": ">=", ">": ">", "≤": "<=", "<=": "<=", "=<": "<=", "<": "<"},
    "en": {
        "at least": ">=", "minimum": ">=", "minimum of": ">=", "a minimum of": ">=", "min.": ">=",
        "min": ">=", "no fewer than": ">=", "not fewer than": ">=", "no less than": ">=",
        "not less than": ">=", "not below": ">=", "not lower than": ">=", "equal to or more than": ">=",
        "equal to or greater than": ">=", "in excess of": ">", "more than": ">", "over": ">",
        "above": ">", "exceeding": ">", "greater than": ">", "older than": ">",
        "at most": "<=", "maximum": "<=", "maximum of": "<=", "a maximum of": "<=", "max.": "<=",
        "max": "<=", "no more than": "<=", "not more than": "<=", "up to": "<=", "not exceeding": "<=",
        "no older than": "<=", "not older than": "<=", "no greater than": "<=",
        "under": "<", "below": "<", "less than": "<", "fewer than": "<", "younger than": "<",
    },
    "nl": {
        "minstens": ">=", "ten minste": ">=", "tenminste": ">=", "minimaal": ">=", "minimum": ">=",
        "min.": ">=", "niet minder dan": ">=", "minimum van": ">=", "meer dan": ">", "boven": ">",
        "hoger dan": ">", "ouder dan": ">",
        "maximaal": "<=", "maximum": "<=", "max.": "<=", "hoogstens": "<=", "ten hoogste": "<=",
        "hooguit": "<=", "niet meer dan": "<=", "tot": "<=", "tot maximaal": "<=",
        "niet ouder dan": "<=", "niet ouder zijn dan": "<=",
        "minder dan": "<", "onder": "<", "jonger dan": "<",
    },
    "sv": {
        "minst": ">=", "lägst": ">=", "minimum": ">=", "min.": ">=", "inte mindre än": ">=",
        "åtminstone": ">=", "mer än": ">", "fler än": ">", "över": ">", "äldre än": ">",
        "högst": "<=", "maximalt": "<=", "maximum": "<=", "max": "<=", "max.": "<=",
        "upp till": "<=", "inte mer än": "<=", "inte äldre än": "<=", "som mest": "<=",
        "under": "<", "mindre än": "<", "färre än": "<", "yngre än": "<",
    },
    "fr": {
        "au moins": ">=", "d'au moins": ">=", "minimum": ">=", "minimum de": ">=", "min.": ">=",
        "au minimum": ">=", "pas moins de": ">=", "supérieur ou égal à": ">=", "plus de": ">",
        "supérieur à": ">", "supérieure à": ">", "âgé de plus de": ">",
        "au plus": "<=", "au maximum": "<=", "maximum": "<=", "max.": "<=", "pas plus de": "<=",
        "jusqu'à": "<=", "inférieur ou égal à": "<=", "ne dépassant pas": "<=",
        "moins de": "<", "de moins de": "<", "inférieur à": "<", "inférieure à": "<",
    },
    "de": {
        "mindestens": ">=", "wenigstens": ">=", "minimum": ">=", "min.": ">=", "nicht weniger als": ">=",
        "mehr als": ">", "über": ">", "älter als": ">",
        "höchstens": "<=", "maximal": "<=", "max.": "<=", "bis zu": "<=", "nicht mehr als": "<=",
        "nicht älter als": "<=",
        "unter": "<", "weniger als": "<", "jünger als": "<",
    },
}

# "10+ years", "18+": a plus sign glued to the number means "or more".
COMPARATOR_AFTER: dict[str, dict[str, str]] = {
    "*": {"+": ">="},
    "en": {"or more": ">=", "or over": ">=", "or above": ">=", "or higher": ">=", "or greater": ">=",
           "at least": ">=", "minimum": ">=", "or less": "<=", "or fewer": "<=", "or under": "<=",
           "or younger": "<=", "or older": ">=", "at most": "<=", "maximum": "<=", "and over": ">=",
           "and above": ">=", "plus": ">="},
    "nl": {"of meer": ">=", "of langer": ">=", "of hoger": ">=", "of minder": "<=", "of jonger": "<=",
           "of ouder": ">=", "minimum": ">=", "maximum": "<="},
    "sv": {"eller fler": ">=", "eller mer": ">=", "eller mera": ">=", "eller längre": ">=",
           "eller äldre": ">=", "eller mindre": "<=", "eller färre": "<=", "eller yngre": "<=",
           "minimum": ">=", "maximum": "<="},
    "fr": {"ou plus": ">=", "et plus": ">=", "au moins": ">=", "minimum": ">=", "ou moins": "<=",
           "au plus": "<=", "maximum": "<=", "au maximum": "<=", "au minimum": ">="},
    "de": {"oder mehr": ">=", "und mehr": ">=", "oder älter": ">=", "oder weniger": "<=",
           "oder jünger": "<=", "mindestens": ">=", "höchstens": "<=", "minimum": ">=", "maximum": "<="},
}

# ----------------------------------------------------------------- ranges
#
# "between A and B" (open/close words), "A-B", "A to B" (a separator between two numbers).

RANGE_OPEN_CLOSE: dict[str, list[tuple[str, str]]] = {
    "en": [("between", "and"), ("from", "to"), ("from", "until")],
    "nl": [("tussen", "en"), ("van", "tot"), ("vanaf", "tot")],
    "sv": [("mellan", "och"), ("från", "till")],
    "fr": [("entre", "et"), ("de", "à"), ("de", "a"), ("du", "au")],
    "de": [("zwischen", "und"), ("von", "bis"), ("ab", "bis")],
}
RANGE_SEPARATORS: dict[str, list[str]] = {
    "*": ["-", "–", "—", "/-"],
    "en": ["to"],
    "nl": ["tot"],
    "sv": ["till"],
    "fr": ["à", "a"],
    "de": ["bis"],
}

# ----------------------------------------------------------------- currencies
#
# Symbols and words around an amount -> ISO 4217 code. Codes themselves (EUR, SEK,
# GBP ...) are recognised from the ISO list in ``fairtender/register/iso4217.txt``
# when written in capitals, except the few that are ordinary words (below).

CURRENCY_SYMBOLS: dict[str, str] = {
    "€": "EUR", "£": "GBP", "US$": "USD", "$": "USD", "¥": "JPY", "Fr.": "CHF", "SFr.": "CHF",
    "sFr.": "CHF", "Fr": "CHF", "Ksh": "KES", "KSh": "KES", "Kshs": "KES", "Ksh.": "KES", "kr": "SEK",
    "kr.": "SEK", ":-": "SEK",
}
# Currency words (lower-case) that may follow an amount ("1,5 miljoen euro", "2 500 000 kronor").
CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "*": {"euro": "EUR", "euros": "EUR", "eur": "EUR"},
    "en": {"pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
           "sterling": "GBP", "dollars": "USD", "us dollars": "USD", "swiss francs": "CHF",
           "kenyan shillings": "KES", "shillings": "KES", "kronor": "SEK", "swedish kronor": "SEK"},
    "nl": {"pond": "GBP", "dollar": "USD", "zweedse kronen": "SEK", "kronen": "SEK"},
    "sv": {"kronor": "SEK", "svenska kronor": "SEK", "krona": "SEK", "kr": "SEK", "kr.": "SEK",
           "pund": "GBP", "dollar": "USD", "norska kronor": "NOK", "danska kronor": "DKK"},
    "fr": {"d'euros": "EUR", "d’euros": "EUR", "de francs suisses": "CHF", "francs suisses": "CHF", "francs": "CHF", "livres sterling": "GBP", "livres": "GBP",
           "dollars": "USD", "couronnes suédoises": "SEK"},
    "de": {"franken": "CHF", "schweizer franken": "CHF", "pfund": "GBP", "dollar": "USD",
           "kronen": "SEK"},
}
# Fused scale+currency tokens after an amount ("2 MSEK", "2 mkr", "800 tkr", "3 MEUR",
# "5 M€", "200 k€"). Case-sensitive keys, checked before plain codes.
FUSED_CURRENCIES: dict[str, tuple[float, str]] = {
    "MSEK": (1e6, "SEK"), "mnkr": (1e6, "SEK"), "Mkr": (1e6, "SEK"), "mkr": (1e6, "SEK"),
    "miljoner kronor": (1e6, "SEK"), "milj. kr": (1e6, "SEK"), "milj kr": (1e6, "SEK"),
    "mdkr": (1e9, "SEK"), "TSEK": (1e3, "SEK"), "tSEK": (1e3, "SEK"), "KSEK": (1e3, "SEK"),
    "kSEK": (1e3, "SEK"), "tkr": (1e3, "SEK"), "Tkr": (1e3, "SEK"), "MEUR": (1e6, "EUR"),
    "mEUR": (1e6, "EUR"), "kEUR": (1e3, "EUR"), "KEUR": (1e3, "EUR"), "TEUR": (1e3, "EUR"),
    "M€": (1e6, "EUR"), "k€": (1e3, "EUR"), "K€": (1e3, "EUR"), "Mio€": (1e6, "EUR"),
    "MNOK": (1e6, "NOK"), "MDKK": (1e6, "DKK"), "MCHF": (1e6, "CHF"), "MGBP": (1e6, "GBP"),
    "MUSD": (1e6, "USD"),
}
# ISO codes that are also ordinary upper-case words or abbreviations in tenders.
CODE_STOPLIST: frozenset[str] = frozenset({
    "ALL", "TOP", "CUP", "MOP", "BAM", "SOS", "ANG", "MAD", "BOB", "GEL", "LAK", "PEN", "AMD", "CAD",
    "BIF", "BND", "CVE", "TND", "MRU", "TRY", "ERN", "PAB", "SAR", "GMD", "HNL", "NAD", "MZN", "PHP",
    "SRD", "XAF", "XOF", "XPF", "UGX", "ZAR",
})
# Accepted after an amount and ignored: "90 000 € HT", "EUR 1m excl. VAT".
AMOUNT_TRAILERS: tuple[str, ...] = ("HT", "HTVA", "TTC", "excl. VAT", "ex VAT", "exkl. moms", "exkl moms",
                                    "excl. btw", "excl btw", "netto", "net")

# ----------------------------------------------------------------- durations

# unit word (lower-case) -> months per unit
DURATION_UNITS: dict[str, dict[str, float]] = {
    "en": {"year": 12, "years": 12, "yr": 12, "yrs": 12, "month": 1, "months": 1, "mo": 1, "mos": 1,
           "week": 7 / 30.4375, "weeks": 7 / 30.4375, "day": 1 / 30.4375, "days": 1 / 30.4375,
           "calendar days": 1 / 30.4375, "working days": 7 / 5 / 30.4375, "full financial years": 12,
           "financial years": 12, "full years": 12},
    "nl": {"jaar": 12, "jaren": 12, "maand": 1, "maanden": 1, "mnd": 1, "week": 7 / 30.4375,
           "weken": 7 / 30.4375, "dag": 1 / 30.4375, "dagen": 1 / 30.4375,
           "kalenderdagen": 1 / 30.4375, "werkdagen": 7 / 5 / 30.4375, "boekjaren": 12, "boekjaar": 12},
    "sv": {"år": 12, "året": 12, "åren": 12, "månad": 1, "månader": 1, "månaders": 1, "mån": 1,
           "mån.": 1, "vecka": 7 / 30.4375, "veckor": 7 / 30.4375, "veckors": 7 / 30.4375,
           "dag": 1 / 30.4375, "dagar": 1 / 30.4375, "arbetsdagar": 7 / 5 / 30.4375,
           "räkenskapsår": 12, "års": 12},
    "fr": {"an": 12, "ans": 12, "année": 12, "années": 12, "mois": 1, "semaine": 7 / 30.4375,
           "semaines": 7 / 30.4375, "jour": 1 / 30.4375, "jours": 1 / 30.4375,
           "jours calendaires": 1 / 30.4375, "jours ouvrables": 7 / 5 / 30.4375,
           "exercices": 12, "exercices comptables": 12},
    "de": {"jahr": 12, "jahre": 12, "jahren": 12, "jahres": 12, "monat": 1, "monate": 1, "monaten": 1,
           "monats": 1, "woche": 7 / 30.4375, "wochen": 7 / 30.4375, "tag": 1 / 30.4375,
           "tage": 1 / 30.4375, "tagen": 1 / 30.4375, "kalendertage": 1 / 30.4375,
           "geschäftsjahre": 12, "geschäftsjahren": 12},
}

# An extension that follows a base duration: "with an option to extend by 1+1 years".
EXTENSION_CUES: dict[str, list[str]] = {
    "en": ["extension", "extended", "extend", "renewal", "renewable", "renewed", "option to extend",
           "optional extension", "further period"],
    "nl": ["verlenging", "verlengd", "verlengen", "verlengbaar", "optie tot verlenging", "stilzwijgend"],
    "sv": ["förlängning", "förlängas", "förlänga", "option", "optionsrätt"],
    "fr": ["reconduction", "reconductible", "reconduit", "prolongation", "prolongé", "renouvelable",
           "renouvellement"],
    "de": ["verlängerung", "verlängert", "verlängern", "verlängerungsoption", "option"],
}


def dotted_abbreviations(lang: str) -> list[str]:
    """Scale abbreviations ending in a period ("mln.", "Mio.", "milj.", "Mrd."), in their usual spellings.

    A sentence splitter that does not know them ends a sentence at "2 mln. euro"; the
    spaCy pipeline can add these as tokenizer special cases to keep the amount whole.
    """
    words = {w for w in {**SCALE_WORDS_ANY, **SCALE_WORDS.get(lang, {})} if w.endswith(".")}
    return sorted(words | {w.capitalize() for w in words})
