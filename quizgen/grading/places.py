"""Countries by name: 'Istanbul, Turkey' says where the answer is, 'Lisbon, Madrid' names a second place."""

from __future__ import annotations

import re

from quizgen.grading.spelling import normalize

# The ISO 3166 short names (as in the tz database's iso3166.tab), and the names learners also use.
_NAMES = (
    "Afghanistan|Albania|Algeria|Andorra|Angola|Anguilla|Antigua and Barbuda|Argentina|Armenia|Aruba|"
    "Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|"
    "Bermuda|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Britain|"
    "British Indian Ocean Territory|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|"
    "Cape Verde|Cayman Islands|Central African Rep.|Chad|Chile|China|Christmas Island|"
    "Cocos (Keeling) Islands|Colombia|Comoros|Congo|Cook Islands|Costa Rica|Croatia|Cuba|Curaçao|Cyprus|"
    "Czech Republic|Côte d'Ivoire|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|"
    "El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Falkland Islands|Faroe Islands|Fiji|"
    "Finland|France|French Guiana|French Polynesia|Gabon|Gambia|Georgia|Germany|Ghana|Gibraltar|Greece|"
    "Greenland|Grenada|Guadeloupe|Guam|Guatemala|Guernsey|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|"
    "Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Isle of Man|Israel|Italy|Jamaica|Japan|"
    "Jersey|Jordan|Kazakhstan|Kenya|Kiribati|Korea|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|"
    "Libya|Liechtenstein|Lithuania|Luxembourg|Macau|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|"
    "Marshall Islands|Martinique|Mauritania|Mauritius|Mayotte|Mexico|Micronesia|Moldova|Monaco|Mongolia|"
    "Montenegro|Montserrat|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Caledonia|"
    "New Zealand|Nicaragua|Niger|Nigeria|Niue|Norfolk Island|North Macedonia|Northern Mariana Islands|"
    "Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Pitcairn|"
    "Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|Rwanda|Réunion|Saint Barthelemy|Saint Helena|"
    "Saint Kitts and Nevis|Saint Lucia|Saint Maarten|Saint Martin|Saint Pierre and Miquelon|"
    "Saint Vincent|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|"
    "Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|"
    "South Georgia and the South Sandwich Islands|South Sudan|Spain|Sri Lanka|Sudan|Suriname|"
    "Svalbard and Jan Mayen|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tokelau|"
    "Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|"
    "United States|Uruguay|Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Virgin Islands|"
    "Wallis and Futuna|Western Sahara|Yemen|Zambia|Zimbabwe|Åland Islands||"
    "United Kingdom|UK|Great Britain|England|Scotland|Wales|USA|US|United States of America|America|"
    "Türkiye|Czechia|Macedonia|Holland|Ivory Coast|Burma|Swaziland|North Korea|South Korea|"
    "Democratic Republic of the Congo|DR Congo|Bosnia|Bosnia-Herzegovina|Kosovo|Moldavia|Byelorussia|"
    "Soviet Union|USSR|Yugoslavia"
)
COUNTRIES = frozenset(normalize(name) for name in _NAMES.split("|"))
# Continents and regions a place is said to lie in, and the words that name a country's part.
REGIONS = frozenset(
    normalize(name)
    for name in (
        "Europe|Asia|Africa|North America|South America|Latin America|Oceania|Middle East|Near East|Far East|"
        "Balkans|the Balkans|Caucasus|the Caucasus|Scandinavia|Baltics|the Baltics|Baltic states|Nordics|"
        "Eastern Europe|Western Europe|Central Europe|Southern Europe|Northern Europe|Southeast Europe|"
        "Southeastern Europe|Central Asia|Black Sea|Black Sea region|Baltic Sea region|Mediterranean"
    ).split("|")
)
# A country's own name, or another language's, that learners type: read as the English name, never Correct.
EXONYMS = {
    "deutschland": "germany",
    "allemagne": "germany",
    "germania": "germany",
    "alemania": "germany",
    "italia": "italy",
    "italie": "italy",
    "italien": "italy",
    "frankreich": "france",
    "francia": "france",
    "rossiya": "russia",
    "rossija": "russia",
    "russland": "russia",
    "russie": "russia",
    "rusia": "russia",
    "ukraina": "ukraine",
    "polska": "poland",
    "polen": "poland",
    "pologne": "poland",
    "suomi": "finland",
    "finnland": "finland",
    "sverige": "sweden",
    "schweden": "sweden",
    "suede": "sweden",
    "turkei": "turkey",
    "turquie": "turkey",
    "magyarorszag": "hungary",
    "ungarn": "hungary",
    "espana": "spain",
    "nederland": "netherlands",
    "niederlande": "netherlands",
    "osterreich": "austria",
    "belgique": "belgium",
    "belgie": "belgium",
    "norge": "norway",
    "danmark": "denmark",
    "hellas": "greece",
    "ellada": "greece",
    "sakartvelo": "georgia",
    "bulgariya": "bulgaria",
    "lietuva": "lithuania",
    "latvija": "latvia",
    "eesti": "estonia",
}


# A country's former name, typed as the whole answer.
FORMER = {"macedonia": "north macedonia", "fyrom": "north macedonia", "turkiye": "turkey", "czechia": "czech republic"}


def in_english(words: str) -> str:
    """'deutschland' -> 'germany' (normalized words): each country's other name from the lists above."""
    return FORMER.get(words) or " ".join(EXONYMS.get(word, word) for word in words.split())


PART_WORDS = frozenset({"krai", "kray", "oblast", "okrug", "region", "province", "county", "district"})


def says_where(words: str) -> bool:
    """'Turkey', 'Europe', 'Krasnodar Krai' (normalized): a country, a region or a country's part."""
    return words in COUNTRIES or words in REGIONS or (len(words.split()) > 1 and words.split()[-1] in PART_WORDS)


def placed(given: str) -> str | None:
    """'Istanbul, Turkey' -> 'Istanbul': the answer with the country it lies in after a comma (None
    for anything else: 'Lisbon, Madrid', 'Crimea and Donbas')."""
    match = re.fullmatch(r"\s*([^,;]+?)\s*,\s*([^,;]+?)\s*\.?\s*", given)
    if match and normalize(match.group(2)) in COUNTRIES and normalize(match.group(1)):
        return match.group(1)
    return None
