"""Who said what: speakers, their roles as the sentence gives them, outlets, and one actor's aliases."""

from __future__ import annotations

import pytest

from pipeline.content.facts.actors import merge_actors, same_actor, split_role
from pipeline.content.facts.speakers import find_speeches, roles_in


def only(sentence: str):
    [speech] = find_speeches(sentence)
    return speech


@pytest.mark.parametrize("sentence, name, role", [
    ("Ruritanian Defense Minister Anna Kovac said the border was calm.", "Anna Kovac", "Ruritanian Defense Minister"),
    ("On Friday, Mayor Karl Ostrand stated that the bridge would reopen.", "Karl Ostrand", "Mayor"),
    ("According to Professor Ines Varga, the drought will last.", "Ines Varga", "Professor"),
    ("Piet Laan, the union leader, warned that farms would fail.", "Piet Laan", "union leader"),
    ("The former adviser to President Ana Silva, Tomas Berg said the deal was dead.", "Tomas Berg",
     "former adviser to President Ana Silva"),
])
def test_the_speaker_is_split_from_the_role_the_sentence_gives(sentence, name, role):
    speech = only(sentence)
    assert (speech.name, speech.role) == (name, role)


def test_an_outlet_and_a_quotation_are_kept():
    speech = only("Water Commissioner Elena Ruiz told Radio Varn, “We cannot wait for the rain to come back.”")
    assert (speech.name, speech.outlet, speech.kind) == ("Elena Ruiz", "Radio Varn", "quote")
    assert speech.text == "We cannot wait for the rain to come back."


def test_a_reported_statement_keeps_its_clause_and_an_unnamed_official_is_a_speaker():
    speech = only("A senior Ruritanian military official told the Courier that the talks had stalled.")
    assert (speech.name, speech.role, speech.outlet) == (None, "senior Ruritanian military official", "Courier")
    assert speech.text == "the talks had stalled"


@pytest.mark.parametrize("sentence", [
    "He said the talks had stalled.",
    "They argued that prices would fall.",
    "Ostrand’s spokesman said nothing.",
])
def test_pronouns_and_possessives_name_no_speaker(sentence):
    assert find_speeches(sentence) == [] or all(s.name is None for s in find_speeches(sentence))


def test_roles_are_found_anywhere_in_a_sentence():
    assert ("Olaf Lind", "German Chancellor") in roles_in("Recently German Chancellor Olaf Lind called Ostrand.")
    assert ("Robert Hale", "Ostrand’s former security adviser") in roles_in(
        "It recalls Ostrand’s former security adviser, Robert Hale, who spoke out.")


def test_aliases_of_one_actor_merge_and_distinct_actors_stay_apart():
    display = merge_actors(["Zelensky", "Volodymyr Zelenskyy", "Zelenskyy", "Vladimir Putin", "Putin",
                            "Dmitry Peskov", "Kremlin", "Kim Jong Un", "Kim Yo Jong"])
    assert {display[n] for n in ("Zelensky", "Volodymyr Zelenskyy", "Zelenskyy")} == {"Volodymyr Zelenskyy"}
    assert display["Putin"] == "Vladimir Putin"
    assert len({display["Putin"], display["Dmitry Peskov"], display["Kremlin"]}) == 3
    assert display["Kim Jong Un"] != display["Kim Yo Jong"]
    assert not same_actor("Anna Kovac", "Boris Kovac")
    assert split_role(["US", "Defense", "Secretary", "Lloyd", "Austin"]) == ("US Defense Secretary", "Lloyd Austin")


def test_a_spokesman_and_the_kremlin_are_not_the_president_they_speak_for():
    named = only("Putin’s spokesman Dmitry Peskov said the talks were over.")
    assert (named.name, named.role) == ("Dmitry Peskov", "Putin’s spokesman")
    unnamed = only("Putin’s spokesman said the talks were over.")
    assert (unnamed.name, unnamed.role) == (None, "Putin’s spokesman")
    kremlin = only("The Kremlin said the talks were over.")
    assert kremlin.name == "Kremlin"
    display = merge_actors(["Vladimir Putin", "Dmitry Peskov", "Kremlin"])
    assert len(set(display.values())) == 3
