"""Every work a notebook cites has an entry in notebooks/references.md, which says what
the work tested and where that comes from."""

import shutil

import pytest
from prose import REFERENCES, citation_problems, citations, references

from conftest import NOTEBOOKS


def test_the_references_have_entries_each_with_what_the_work_tested():
    text = REFERENCES.read_text(encoding="utf-8")
    entries = references()
    assert len(entries) >= 15
    for key in entries:
        entry = text.split(f'<a id="{key}"></a>')[1].split("<a id=")[0]
        assert "**Tested**" in entry or key in ("SourcePost", "Coursera", "makemore"), key


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_citation_in_a_notebook_has_an_entry(path):
    assert citation_problems(path) == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("as Greff et al. (2017) found", [("Greff", "2017")]),
        ("Pascanu, Mikolov and Bengio (2013) proposed", [("Pascanu", "2013")]),
        ("(Kingma & Ba 2015)", [("Kingma", "2015")]),
        ("Tallec and Ollivier 2018 showed", [("Tallec", "2018")]),
        ("the 1997 cell", []),
        ("In 2015, people", []),
        ("Notebook 07 (2024 run)", []),
    ],
)
def test_citations_are_recognised_in_the_forms_the_course_writes(text, cited):
    assert [(author, year) for author, year, _ in citations(text)] == cited


def test_a_planted_citation_or_source_without_an_entry_is_caught(tmp_path):
    import json

    copy = tmp_path / NOTEBOOKS[0].name
    shutil.copy(NOTEBOOKS[0], copy)
    nb = json.loads(copy.read_text(encoding="utf-8"))
    nb["cells"].append(
        {"cell_type": "markdown", "metadata": {}, "id": "planted",
         "source": ["Smith et al. (2019) found 0.5. <!-- source: Nobody2020 -->\n",
                    "See [the entry](references.md#Missing2001)."]}
    )  # fmt: skip
    copy.write_text(json.dumps(nb), encoding="utf-8")
    problems = citation_problems(copy)
    assert len(problems) == 3, problems
