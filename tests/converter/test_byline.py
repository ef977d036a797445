import pytest

from seed_converter.byline import split_byline


def test_dw_byline():
    lead = "Die NATO warnt vor einer realen Kriegsgefahr. Nächste Woche gibt es Kontakte. Aus Brüssel Bernd Riegert."
    result = split_byline(lead)
    assert result.author == "Bernd Riegert"
    assert result.dateline == "Brüssel"
    assert result.lead == "Die NATO warnt vor einer realen Kriegsgefahr. Nächste Woche gibt es Kontakte."


@pytest.mark.parametrize("byline, author, dateline", [
    ("Aus New York Carla Bleiker.", "Carla Bleiker", "New York"),
    ("Aus Washington Ines von Pohl.", "Ines von Pohl", "Washington"),
    ("Aus Rio de Janeiro Astrid Prange.", "Astrid Prange", "Rio de Janeiro"),
])
def test_multi_word_places_and_names(byline, author, dateline):
    result = split_byline("Ein Satz. " + byline)
    assert (result.author, result.dateline, result.lead) == (author, dateline, "Ein Satz.")


@pytest.mark.parametrize("lead", [
    "Die Lage ist ernst. Aus Sicht der Regierung ist das falsch.",   # not names
    "Aus Brüssel Bernd Riegert.",                                    # nothing but a byline
    "Die Lage ist ernst. Aus Brüssel.",                              # no author
    "Die Lage ist ernst und Aus Brüssel Bernd Riegert.",             # not its own sentence
    "No byline here at all.",
])
def test_leads_without_a_byline_are_left_alone(lead):
    assert split_byline(lead) == (lead, None, None)
