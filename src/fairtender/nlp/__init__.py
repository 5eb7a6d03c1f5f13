"""Language detection, cached spaCy pipelines and the analysed document.

Engines never build spaCy objects themselves: they get an
:class:`AnalysedDocument` whose units carry a spaCy ``Doc`` each, so the
expensive work (tokenising, sentence splitting, lemmatising) is done once per
document and once per process for loading a language.
"""

from .analysed import AnalysedDocument, Unit, analyse
from .language import LANGUAGES, detect_language
from .pipeline import get_nlp

__all__ = ["AnalysedDocument", "Unit", "analyse", "detect_language", "get_nlp", "LANGUAGES"]
