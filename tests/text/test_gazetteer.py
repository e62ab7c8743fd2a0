"""The gazetteer: name forms, ISO codes, extension without code, malformed files."""

from __future__ import annotations

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.text.gazetteer import load_gazetteer, person_forms


def test_person_forms_handle_family_name_first():
    assert person_forms("Fumio", "Kishida", True) == ["Kishida Fumio", "Fumio Kishida", "Kishida"]
    assert person_forms("Joe", "Biden", False) == ["Joe Biden", "Biden"]


def test_us_is_the_united_states_not_the_virgin_islands():
    gazetteer = load_gazetteer()
    for form in ("U.S.", "US", "United States", "America"):
        assert gazetteer.lookup(form).id == "USA"
    article = parse_article(
        "The U.S.-Japan alliance and US forces were discussed by the leaders today."
    )
    assert [e.id for e in article.entities if e.type == "country"] == ["USA", "JPN", "USA"]


def test_both_name_orders_resolve_to_one_person():
    article = parse_article(
        "Fumio Kishida met reporters. Kishida Fumio spoke later, and Prime Minister Kishida left the hall."
    )
    assert {e.id for e in article.entities if e.type == "person"} == {"kishida-fumio"}


def test_gazetteer_can_be_extended_without_code(tmp_path):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(
        "countries:\n  - {id: JPN, name: Japan, names: [Japan]}\n"
        "people:\n  - {id: jane-roe, given: Jane, family: Roe, role: analyst}\n",
        encoding="utf-8",
    )
    article = parse_article(
        "“Costs will rise sharply after this,” Roe said of Japan.", gazetteer_path=path
    )
    assert article.quotes[0].speaker == "jane-roe"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("countries:\n  - {id: XXX, names: [Nowhere]}\n", "ISO 3166-1"),
        ("countries:\n  - {names: [Japan]}\n", "no id"),
        ("people:\n  - {id: a, given: A}\n", "given and family"),
        ("planets:\n  - {id: mars, names: [Mars]}\n", "unknown section"),
        ("countries: [\n", "not valid YAML"),
        ("places:\n  - {id: a, names: [X]}\n  - {id: b, names: [X]}\n", "given to both"),
    ],
)
def test_malformed_gazetteer_raises_data_error(tmp_path, content, words):
    path = tmp_path / f"g{abs(hash(content))}.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=words):
        load_gazetteer(path)
