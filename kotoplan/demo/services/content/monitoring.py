"""Monitoring of the adopted Tampere plan: the completed round for 2025 and the open round for
2026. Measures and indicators are found by their Finnish title or name; actors by username."""

from datetime import date

PLAN = {"lead": "837", "state": "adopted"}
COORDINATOR = "koordinaattori.tampere"

COMPLETED_ROUND = {
    "period_label": "2025",
    "due_date": date(2026, 3, 31),
    "updates": [
        {
            "measure": "Työn ja kielenoppimisen yhdistävä polku",
            "actor": COORDINATOR,
            "status": "on_track",
            "progress": 45,
            "narrative": "Kolme polkuryhmää aloitti; 68 osallistujaa. Kaksi työnantajaa mukana.",
            "evidence_links": ["https://www.example.org/tampere/kotoutuminen/polku-2025"],
        },
        {
            "measure": "Kielituki ja ohjaus tutkintokoulutukseen valmentavassa koulutuksessa",
            "actor": "vastuutaho.tampere",
            "status": "on_track",
            "progress": 50,
            "narrative": "S2-opettajat aloittivat elokuussa; ohjausta sai 41 opiskelijaa.",
            "evidence_links": [],
        },
        {
            "measure": "Monikieliset nuorten ohjaajat",
            "actor": "vastuutaho.jarjesto",
            "status": "delayed",
            "progress": 20,
            "narrative": "Rekrytointi viivästyi; kaksi ohjaajaa aloitti vasta marraskuussa.",
            "evidence_links": [],
        },
        {
            "measure": "Asumisneuvonta ensimmäisen vuoden aikana",
            "actor": COORDINATOR,
            "status": "not_started",
            "progress": None,
            "narrative": "Asumisneuvojan rahoitus varmistui vasta talousarviossa 2026.",
            "evidence_links": [],
        },
    ],
    "values": [
        {"indicator": "Työn ja kielenoppimisen polun aloittaneet", "year": 2025, "value": "68"},
        {
            "indicator": "Julkisissa palveluissa syrjintää kokeneet vieraskieliset vastaajat",
            "year": 2025,
            "value": "22.0",
            "note": "Kaupungin asukaskysely 2025",
        },
    ],
}

OPEN_ROUND = {
    "period_label": "2026",
    "due_in_days": 45,
    "updates": [
        {
            "measure": "Työn ja kielenoppimisen yhdistävä polku",
            "actor": COORDINATOR,
            "status": "on_track",
            "progress": 70,
            "narrative": "Polku vakiintui; 121 aloittanutta kahden vuoden aikana.",
            "evidence_links": [],
        },
        {
            "measure": "Monikieliset nuorten ohjaajat",
            "actor": "vastuutaho.jarjesto",
            "status": "on_track",
            "progress": 55,
            "narrative": "Neljä ohjaajaa työssä; ohjauksessa 60 nuorta.",
            "evidence_links": ["https://www.example.org/kotikulma/vuosiraportti-2026"],
        },
    ],
    "values": [
        {"indicator": "Työn ja kielenoppimisen polun aloittaneet", "year": 2026, "value": "121"},
    ],
}
