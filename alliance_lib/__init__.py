"""alliance_lib: parse a news article into checkable data for the alliance notebooks.

The pipeline's stages are its subpackages: `text` (article file -> `Article`), `analysis`
(spending, policy shifts, threat framing) and `report` (notebooks run into a report folder).
Importing the package is cheap: pandas, trafilatura and the NLP helpers load on first use.
"""

from alliance_lib.errors import (
    AllianceError,
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    DataError,
    EmptyArticleError,
    NoArticleBodyError,
    NotAFileError,
    NotAnArticleError,
    ParameterError,
    RunError,
)
from alliance_lib.text.model import (
    Article,
    Attribution,
    Claim,
    Entity,
    Paragraph,
    Quote,
    Removed,
    Sentence,
    Span,
)
from alliance_lib.text.pipeline import load_article, parse_article

__all__ = [
    "AllianceError",
    "Article",
    "Attribution",
    "ArticleError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryInputError",
    "Claim",
    "DataError",
    "EmptyArticleError",
    "Entity",
    "NoArticleBodyError",
    "NotAFileError",
    "NotAnArticleError",
    "Paragraph",
    "ParameterError",
    "Quote",
    "Removed",
    "RunError",
    "Sentence",
    "Span",
    "load_article",
    "parse_article",
]
