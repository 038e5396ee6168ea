"""Write the app's OpenAPI document to ``openapi/openapi.json`` (run: ``make openapi``)."""

from __future__ import annotations

import json
from pathlib import Path

from service.main import create_app
from service.settings import Settings

OPENAPI_PATH = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def render() -> str:
    schema = create_app(Settings(cors_origins=[])).openapi()
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main() -> None:
    OPENAPI_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {OPENAPI_PATH}")


if __name__ == "__main__":
    main()
