"""Publishing places: telling "Brotherhood of St Laurence, Melbourne" apart into publisher and place.

Reference lists name a handful of cities again and again (where publishers, agencies and newspapers
sit), so a short list of them recognises most places; "City, ST" (a US state code) needs no list.
"""

from __future__ import annotations

import re

# Cities that publishers, international bodies and newspapers commonly give as their place, in English and
# local spellings ("_" stands for a space). Not exhaustive by design: an unknown place stays part of the name.
_CITIES = """
London|New_York|Paris|Berlin|Munich|München|Frankfurt|Frankfurt_am_Main|Frankfurt/M|Hamburg|Cologne|Köln|Bonn|
Leipzig|Stuttgart|Heidelberg|Göttingen|Vienna|Wien|Zurich|Zürich|Geneva|Genève|Genf|Bern|Basel|Lausanne|
Brussels|Bruxelles|Amsterdam|Rotterdam|The_Hague|Den_Haag|Leiden|Dordrecht|Luxembourg|Copenhagen|Stockholm|Oslo|
Helsinki|Madrid|Barcelona|Lisbon|Lisboa|Rome|Roma|Milan|Milano|Turin|Torino|Florence|Firenze|Bologna|Athens|
Warsaw|Prague|Praha|Budapest|Moscow|Moskva|Москва|Санкт-Петербург|Kyiv|Kiev|Istanbul|Ankara|Cairo|Nairobi|
Johannesburg|Cape_Town|Pretoria|Lagos|Dakar|Delhi|New_Delhi|Mumbai|Bangalore|Beijing|Shanghai|Hong_Kong|Tokyo|
Kyoto|Seoul|Singapore|Bangkok|Jakarta|Manila|Sydney|Melbourne|Canberra|Brisbane|Perth|Adelaide|Auckland|
Wellington|Toronto|Montreal|Montréal|Ottawa|Vancouver|Quebec|Québec|Mexico_City|Ciudad_de_México|Buenos_Aires|
São_Paulo|Rio_de_Janeiro|Brasília|Santiago|Lima|Bogotá|Washington|Washington_DC|Washington_D\\.C\\.|Boston|
Cambridge|Oxford|Chicago|Los_Angeles|San_Francisco|Berkeley|Princeton|New_Haven|Philadelphia|Baltimore|
Ann_Arbor|Seattle|Atlanta|Edinburgh|Glasgow|Manchester|Dublin|Cardiff|Bristol|Leeds|Birmingham|Abingdon|
Basingstoke|Cheltenham|Chichester|Harlow|Thousand_Oaks|Hoboken|Lyon|Marseille|Toulouse|Bordeaux|Strasbourg|
Lille|Nantes|Honolulu
"""
_COUNTRIES = (
    r"USA|U\.S\.A\.|US|U\.S\.|UK|U\.K\.|England|Germany|Deutschland|France|Canada|Australia|Brazil|Brasil|"
    r"Switzerland|Netherlands|Italy|Spain|Japan|China|India|Belgium|Austria|Mexico|Russia"
)
_CITY = "".join(_CITIES.split()).replace("_", " ")
# A US state or district written with stops ("Washington, D.C.") counts as a code too.
_REGION_CODE = r"[A-Z]{2}|[A-Z]\.\s?[A-Z]\.?"
_PLACE = (rf"(?:(?:{_CITY})(?:,?\s+(?:{_COUNTRIES}|{_REGION_CODE}))?|"
          rf"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*(?:{_REGION_CODE}))")
PLACE = _PLACE
# The place after the last comma of a publisher or container name. Without a comma a city is left alone:
# it is then as often part of the name ("CBC News Toronto", "Université du Québec à Montréal").
_TRAILING_PLACE = re.compile(rf",\s*(?P<place>{_PLACE})\.?$")
# "…, London: VAWG Helpdesk; 2015": a place and publisher that close the title's own sentence.
PLACE_THEN_PUBLISHER = re.compile(rf",\s+(?P<place>{_PLACE})\s*:\s+(?=[A-Z])")


def split_trailing_place(name: str) -> tuple[str, str | None]:
    """("Brotherhood of St Laurence", "Melbourne") from "Brotherhood of St Laurence, Melbourne"."""
    match = _TRAILING_PLACE.search(name)
    if not match or not name[: match.start()].strip(" ,"):
        return name, None
    return name[: match.start()].strip(" ,"), match["place"]


def is_country(text: str) -> bool:
    """Whether text names a country and nothing else ("United States", "UK")."""
    return bool(_WHOLE_COUNTRY.fullmatch(text.strip(" .")))


def is_place(text: str) -> bool:
    """Whether text is a publishing place and nothing else ("Berkeley", "Washington, DC")."""
    return bool(_WHOLE_PLACE.fullmatch(text.strip(" .")))


_WHOLE_PLACE = re.compile(_PLACE)
_WHOLE_COUNTRY = re.compile(rf"{_COUNTRIES}|United States(?: of America)?|United Kingdom|European Union")
