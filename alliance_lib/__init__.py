"""alliance_lib: parse a news article into checkable data for the alliance notebooks.

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
    ParameterError,
)
from alliance_lib.model import Article, Claim, Entity, Paragraph, Quote, Removed, Sentence
from alliance_lib.parse import load_article, parse_article

__all__ = [
    "AllianceError",
    "Article",
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
    "Paragraph",
    "ParameterError",
    "Quote",
    "Removed",
    "Sentence",
    "load_article",
    "parse_article",
]
