"""Writes the PxWeb v1 JSON-stat 1.0 and PxWeb v2 English variants of the real 14jt answer.

Run from the repository root: python tests/data/statfin/make_variants.py. The values are the
real ones of ../statfin_14jt_sample.jsonstat.json for the whole country, Espoo and Jyväskylä;
only the shape and the labels change (see tests/data/README.md).
"""

import copy
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = json.loads((HERE.parent / "statfin_14jt_sample.jsonstat.json").read_text("utf-8"))
AREAS = ["SSS", "KU049", "KU179"]
AREA = "alue_23_20240101"


def subset() -> dict:
    data = copy.deepcopy(REAL)
    category = data["dimension"][AREA]["category"]
    values = []
    for code in AREAS:
        start = category["index"][code] * 2
        values.extend(REAL["value"][start : start + 2])
    category["index"] = {code: n for n, code in enumerate(AREAS)}
    category["label"] = {code: category["label"][code] for code in AREAS}
    data["size"][1] = len(AREAS)
    data["value"] = values
    return data


def version_1(data: dict) -> dict:
    """PxWeb v1 with "format": "json-stat": a JSON-stat 1.0 bundle named "dataset"."""
    dimension = {"id": data["id"], "size": data["size"], "role": data["role"]}
    dimension.update(data["dimension"])
    return {
        "dataset": {
            "dimension": dimension,
            "label": data["label"],
            "source": data["source"],
            "updated": data["updated"],
            "value": data["value"],
        }
    }


def version_2_english(data: dict) -> dict:
    """PxWeb v2 in English, saved without `extension` and `role`; `value` as a sparse object
    and one value withheld with its status symbol."""
    data = copy.deepcopy(data)
    del data["extension"], data["role"]
    labels = {
        "timeperiod_y": "Year",
        AREA: "Area",
        "Varhaiskasvatus_5_20250101": "Age",
        "contentscode": "Information",
    }
    for dim_id, label in labels.items():
        data["dimension"][dim_id]["label"] = label
    data["dimension"][AREA]["category"]["label"].update({"SSS": "WHOLE COUNTRY"})
    data["dimension"]["Varhaiskasvatus_5_20250101"]["category"]["label"] = {"SSS": "Total"}
    data["dimension"]["contentscode"]["category"]["label"] = {
        "vaka_lapsi_lkm": "Children in early childhood education",
        "vko": "Foreign-language children in early childhood education",
    }
    data["label"] = "Children in early childhood education by Year, Area, Age and Information"
    values = {str(n): value for n, value in enumerate(data["value"]) if value is not None}
    values.pop("5")  # Jyväskylä's foreign-language children: withheld
    data["value"] = values
    data["status"] = {"5": "..."}
    return data


if __name__ == "__main__":
    small = subset()
    (HERE / "statfin_14jt_v1_jsonstat1.json").write_text(
        json.dumps(version_1(small), ensure_ascii=False, indent=1), "utf-8"
    )
    # Saved by a Windows editor: with a byte order mark.
    (HERE / "statfin_14jt_v2_english.jsonstat.json").write_text(
        "\ufeff" + json.dumps(version_2_english(small), ensure_ascii=False, indent=1), "utf-8"
    )
