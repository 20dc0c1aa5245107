"""Figures with their units and what they count, and how figures of one kind compare: invented
sentences, one rule each."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.content.facts.compare import kinds_of, same_owner, status_of, value_classes
from pipeline.content.facts.figures import Figure, figures_in
from pipeline.content.facts.units import interval, rounding_step, spoken_amount


def read(text: str, synonyms: dict | None = None) -> list[dict]:
    return figures_in(text, [], synonyms or {})


def test_a_count_keeps_the_noun_phrase_it_counts_and_whose_it_is():
    [figure] = read("Officials said 12,000 Ruritanian sailors have reached the port.")
    assert (figure["value"], figure["counted"], figure["head"], figure["qualifier"]) == (
        12000, "Ruritanian sailors", "sailor", "Ruritanian")
    assert figure["norm"].dimension == "count"


def test_a_count_with_no_owner_in_its_phrase_takes_the_name_before_it_in_its_clause():
    [figure] = read("The ministry confirmed that Ruritania sent 400 engineers to the coast.")
    assert (figure["head"], figure["qualifier"]) == ("engineer", "Ruritania")


def test_a_measure_reads_its_unit_and_the_thing_it_measures_after_or_before_it():
    [after] = read("The plan sets a 300-mile buffer zone along the river.")
    assert (after["unit"], after["head"], after["norm"].dimension) == ("mile", "zone", "[length]")
    [before] = read("It builds a canal spanning approximately 480 kilometers to the sea.")
    assert (before["head"], before["hedge"], before["bound"]) == ("canal", "approximately", "about")


def test_money_rates_and_percentages_are_figures_of_their_own_dimension():
    money, = read("The donors pledged $3 billion in aid.")
    assert money["norm"].dimension == "currency:USD" and money["value"] == 3e9
    rate, = read("Troops advanced 40 square kilometers per week in the north.")
    assert rate["norm"].dimension == "[length] ** 2 / [time]"
    share, = read("Rebels hold 18.8% of the province.")
    assert (share["norm"].dimension, share["head"]) == ("percent", "province")


def test_a_value_has_the_digits_its_source_states_not_binary_arithmetics_noise():
    # quantulum3 multiplies 66.1 by a million in floats: 66099999.99999999, shown as such in a table.
    money, = read("The agency awarded a $66.1 million contract for four prototypes.")
    assert money["value"] == 66_100_000
    distance, = read("The port lies 1.1 miles from the dam.")  # in metres 1.1 * 1609.344: 1770.2784000000001
    assert Figure("s", 0, 0, **distance).base_value == 1770.2784


@pytest.mark.parametrize("text", [
    "The election of 2024 changed little.",
    "Iranian Shahed-136 drones were seen.",
    "He is an 80-year-old general.",
    "The two sides met in the 21st century.",
    "It was a key moment and a stark departure.",
    "The port act (33 U.S.C. §§1501 et seq.) sets the permits.",  # a section of a code, cited
    "The permits are set out in § 12 and ¶ 40 of the order.",
    "The rules are in 15 C.F.R. §970.516 and were published at 87 FR 52743.",  # a provision, a register page
    "Members of the 119 Congress reintroduced it.",  # an ordinal whose "th" the capture lost
    "The Section 408 permission process and Title 42 powers were reviewed.",  # provisions by number
])
def test_years_labels_ages_ordinals_and_articles_are_no_figures(text):
    assert read(text) == []


def test_a_capitalized_plural_is_still_counted():
    assert [f["head"] for f in read("About 2,000 Marines and 12 States joined the drill.")] == ["marine", "state"]


def test_a_subset_of_a_figure_stated_before_is_marked_and_synonyms_map_to_one_noun():
    [figure] = read("Around 900 of these soldiers guard the border.", {"soldier": "troop"})
    assert figure["subset"] and figure["head"] == "troop" and figure["bound"] == "about"


def test_the_tolerance_comes_from_the_stated_precision_and_hedges():
    assert rounding_step("1,300") == 100 and rounding_step("18.8%") == 0.1 and rounding_step("3000") == 1000
    assert interval(1300, "1,300", None) == (1250, 1350)
    assert interval(10000, "10,000", None) == (9500, 10500)  # a round number is never read looser than 5%
    assert interval(1300, "approximately 1,300", "about") == (1170, 1430)
    assert interval(10000, "at least 10,000", "min")[1] == float("inf")


def figure(text: str, seed: str, date: str | None = None) -> Figure:
    [fields] = read(text, {"soldier": "troop"})
    found = Figure(seed, 0, 0, context=text.lower().split(), **fields)
    found.date, found.date_precision = date, "day" if date else None
    return found


def test_miles_and_kilometres_of_one_thing_agree_within_their_precision():
    kinds = kinds_of([figure("The deal sets an 800-mile buffer zone.", "a"),
                      figure("A buffer zone spanning approximately 1,300 kilometers is planned.", "b")])
    assert len(kinds) == 1 and status_of(value_classes(kinds[0]))[0] == "agree"


def test_different_values_on_different_dates_are_a_change_with_both_dates():
    kinds = kinds_of([figure("Ruritania sent 3000 soldiers.", "a", "2024-10-23"),
                      figure("Ruritania has sent 10,000 troops.", "b", "2024-10-31"),
                      figure("At least 10,000 Ruritanian troops arrived.", "c")])
    status, changes = status_of(value_classes(kinds[0]))
    assert status == "changed"
    assert [(c["from"], c["from_date"], c["to"], c["to_date"], c["direction"]) for c in changes] == [
        (3000, "2024-10-23", 10000, "2024-10-31", "growth")]


def test_different_values_with_no_dates_to_tell_them_apart_conflict():
    kinds = kinds_of([figure("Ruritania sent 3000 soldiers.", "a", "2024-10-23"),
                      figure("Ruritania sent 10,000 soldiers.", "b", "2024-10-23")])
    assert status_of(value_classes(kinds[0]))[0] == "conflict"


def test_figures_of_different_owners_or_things_are_different_kinds():
    kinds = kinds_of([figure("Ruritania sent 3000 soldiers.", "a"), figure("Borduria gathered 50,000 soldiers.", "b"),
                      figure("Ruritania sent 3000 tanks.", "c")])
    assert len(kinds) == 3
    assert same_owner("North Korea", "North Korean") and same_owner("Ukraine", "Ukrainian")
    assert not same_owner("Russian", "North Korean") and same_owner(None, "Russian")


def test_pint_asked_in_its_own_process_answers_as_pint_here():
    from pipeline.content.facts import units

    expressions = ["((kilometre) ** 2) / (week)", "(mile) / (hour)", "(pound)", "(no such unit)"]
    here = [(units._base(e), units._symbol(e)) for e in expressions]
    units.start_pint()
    units._ask_pint.cache_clear()  # answers other tests had from this process are asked again
    assert units._PINT_PROCESS[0].pool or "fork" not in __import__("multiprocessing").get_all_start_methods()
    assert [(units.pint_base(e), units.pint_symbol(e)) for e in expressions] == here
    assert here[0][0][:2] == ("[length] ** 2 / [time]", "m ** 2 / s") and here[3] == (None, None)


def test_the_indexed_unit_choice_is_quantulum3s_own_for_every_ambiguous_surface():
    from pipeline.content.facts.figures import _parser, disambiguate_in_name_order

    _parser()  # installs the indexed choice, keeping quantulum3's as .replaces
    from quantulum3 import load

    units = load.units("en_US")
    ambiguous = [candidates for table in (units.symbols, units.surfaces, units.surfaces_lower, units.symbols_lower)
                 for candidates in table.values() if len(candidates) > 1]
    assert len(ambiguous) > 20
    texts = ["The pound fell against the dollar in London trading.", "The ship weighed 40 tons at the dock.",
             "A 5 degree arc of the sky, measured in minutes.", "Fuel rose to 3 dollars a gallon in Ohio."]
    training = {}
    for word_set in load.training_set("en_US"):  # words of each unit's own training texts: scores that differ
        training.setdefault(word_set["unit"], []).append(" ".join(word_set["text"].split(" ")[:40]))
    chosen = []
    for candidates in ambiguous:
        ordered = sorted(candidates, key=lambda entity: entity.name)
        for text in texts + [t for entity in ordered for t in training.get(entity.name, [])[:2]]:
            chosen.append(disambiguate_in_name_order(candidates, text))
            assert chosen[-1] == disambiguate_in_name_order.replaces(ordered, text)
    assert len({entity.name for entity in chosen if entity}) > 10


def test_a_figure_naming_no_thing_joins_only_a_head_less_kind_by_its_sentence_not_by_a_chain_of_joiners():
    from dataclasses import replace

    [fields] = read("The port spent $5 million on the quay.")
    base = Figure("a", 0, 0, **fields)
    named = replace(base, head="quay", context="port spent quay repair north".split())
    like_it = replace(base, seed="b", head=None, context="port spent quay repair dredging".split())
    like_that = replace(base, seed="c", head=None, context="port spent quay repair dredging fees".split())
    like_the_joiner = replace(base, seed="d", head=None, context="ferry fares school harbour dredging".split())
    kinds = kinds_of([named, like_it, like_that, like_the_joiner])
    # a sentence about the quay need not count the quay: the kind that names it takes no head-less figure
    assert [[f.seed for f in kind] for kind in kinds] == [["a"], ["b", "c"], ["d"]]


def test_a_spread_of_values_that_one_source_gives_several_of_is_no_disagreement_among_sources():
    from pipeline.content.facts.bluf import disagreement_judgment

    def group(values):
        members = [{"text": f"${n} million", "seed": seed} for n, seeds in values for seed in seeds]
        return {"id": "g1", "label": "quay", "head": "quay", "qualifier": "Harbour Board", "status": "conflict",
                "cites": ["x"], "members": members,
                "sources": sorted({s for _, seeds in values for s in seeds}),
                "values": [{"sources": seeds} for _, seeds in values]}

    labels = {"a": "Lee", "b": "Moss"}
    between = disagreement_judgment([], [group([(5, ["a"]), (7, ["b"])])], labels)
    assert between["text"] == "The sources give different figures for quay: $5 million (Lee) and $7 million (Moss)."
    assert disagreement_judgment([], [group([(5, ["a"]), (7, ["a", "b"]), (9, ["b"])])], labels) is None
    unnamed = {**group([(5, ["a"]), (7, ["b"])]), "head": None, "label": "$5 million"}
    assert disagreement_judgment([], [unnamed], labels) is None  # a kind that names no thing


def test_quantulum3s_patterns_are_the_same_whatever_the_hash_seed():
    # Its operators and unit names come out of sets; their order in its pattern decided whether
    # "1 X axis" was read as "1" or as "1 X", from one process to the next.
    code = ("import hashlib; from pipeline.content.facts.figures import parse_quantities; from quantulum3 import regex;"
            "parse_quantities('The chart has 1 X axis.');"
            "print(hashlib.md5((regex.units_regex().pattern + regex.text_pattern_reg().pattern).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in "0123"}
    assert len(digests) == 1


def test_a_judgment_writes_one_of_a_spoken_unit_in_the_singular():
    from pipeline.content.facts.bluf import figure_judgment

    members = [{"text": "one-year", "seed": seed, "unit_symbol": "years", "factor": 31557600.0} for seed in "ab"]
    group = {"id": "g1", "label": "extensions", "dimension": "[time]", "status": "agree", "members": members,
             "sources": ["a", "b"], "range": [31557600.0, 31557600.0], "cites": ["x", "y"]}
    text = figure_judgment(group, {"a": "Lee", "b": "Moss"})["text"]
    assert text.endswith("one value within the precision each states (1 year).")
    assert spoken_amount("1–2", "years") == "1–2 years" and spoken_amount("40", "%") == "40%"


def test_a_change_is_no_thing_figures_of_it_are_compared_by_what_their_sentences_say() -> None:
    # "a 25% increase" is of prices, of imports, of whatever the sentence says: no head to group by
    [fields] = read("Prices rose, a 25% increase over the year.")
    assert fields["head"] is None


def test_a_percentage_of_something_is_a_share_of_it_and_one_before_a_noun_is_its_rate() -> None:
    from pipeline.render.tables import figure_label

    [share] = read("Rebels hold about 20% of the northern territory.")
    [rate] = read("The ministry imposed a 10% levy on imports.")
    assert (share["share"], rate["share"]) == (True, False)
    assert figure_label(share["counted"], "percent", share=share["share"]) == "Share of northern territory"
    assert figure_label(rate["counted"], "percent", share=rate["share"]) == "Levy"


def test_a_rate_of_money_is_a_figure_and_a_year_and_a_month_of_it_compare() -> None:
    [yearly] = read("The port pays $4.5 million a year for dredging.")
    [monthly] = read("The port pays $375,000 a month for dredging.")
    assert yearly["norm"].dimension == monthly["norm"].dimension == "currency:USD/[time]"
    per_second = [f["value"] * f["norm"].factor for f in (yearly, monthly)]
    assert per_second[0] == pytest.approx(per_second[1], rel=0.01)  # 12 months of $375,000


def test_a_sum_a_year_earlier_is_when_it_stood_not_a_rate() -> None:
    [figure] = read("Sales reached $1.17 billion a year earlier.")
    assert (figure["text"], figure["norm"].dimension) == ("$1.17 billion", "currency:USD")


@pytest.mark.parametrize("text", ["Success rates fell to 13% in 2025.", "Funding decreased by $34 billion.",
                                  "The levy stayed below 5%."])
def test_a_verb_or_preposition_before_a_figure_is_not_what_it_measures(text) -> None:
    [figure] = read(text)
    assert figure["head"] is None  # "fell", "decreased", "below" name no thing


def test_a_hedge_opening_the_sentence_is_no_name_the_figure_belongs_to() -> None:
    [figure] = read("Approximately 92% of total harbour dues is paid by shippers.")
    assert figure["qualifier"] is None and figure["hedge"] == "approximately"


def test_the_bottom_line_finds_no_agreement_on_a_kind_that_names_no_thing() -> None:
    from pipeline.content.facts.bluf import bottom_line

    members = [{"text": "30 days", "seed": seed, "unit_symbol": "days", "factor": 86400.0} for seed in "ab"]
    group = {"id": "g1", "label": "30 days", "head": None, "dimension": "[time]", "status": "agree",
             "members": members, "sources": ["a", "b"], "range": [2592000.0, 2592000.0], "cites": ["x", "y"],
             "values": [{"sources": ["a", "b"]}], "share": False}
    assert bottom_line([group], [], [], {"a": "Lee", "b": "Moss"}) == []
    [fields] = read("Permits lapse 90 days after filing.")
    assert fields["head"] is None  # "after" ends the counted phrase: no kind named "after"


def test_no_disagreement_on_a_thing_no_owner_names_and_each_figure_stated_once() -> None:
    from pipeline.content.facts.bluf import disagreement_judgment

    members = [{"text": text, "seed": seed} for text, seed in (("46-year", "a"), ("90-year", "b"), ("90-year", "b"))]
    group = {"id": "g1", "label": "history", "head": "history", "qualifier": None, "status": "conflict",
             "cites": ["x"], "members": members, "sources": ["a", "b"],
             "values": [{"sources": ["a"]}, {"sources": ["b"]}]}
    labels = {"a": "Lee", "b": "Moss"}
    assert disagreement_judgment([], [group], labels) is None  # whose history? two Acts' each
    owned = disagreement_judgment([], [{**group, "qualifier": "Harbour Act"}], labels)
    assert owned["text"] == "The sources give different figures for history: 46-year (Lee) and 90-year (Moss)."


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Port users paid 12 per cent more in fees.", 12.0, "percentage"),  # not twelve per cent-coin
    ("The levy was £3m per annum in 2021.", 3_000_000.0, "pound sterling per year"),  # not pounds-metre
    ("A $2.5bn harbour deal was signed.", 2_500_000_000.0, "dollar"),
])
def test_british_and_news_spellings_of_sums_and_shares_are_read_as_written(text, value, unit) -> None:
    [figure] = read(text)
    assert (figure["value"], figure["unit"]) == (value, unit)
    assert figure["text"] in text  # the span still maps onto the sentence as written


def test_a_provision_in_the_commonwealth_styles_and_a_time_ago_are_no_figures() -> None:
    assert read("The Harbour Works Act 2009 (NI) s 14 lets the council raise the levy.") == []
    assert [f["text"] for f in read("Depth fell to 40%, from a quarter five years earlier.")] == ["40%"]
