import json

from scripts.export_openapi import OPENAPI_PATH, render


def test_committed_openapi_matches_the_app() -> None:
    committed = OPENAPI_PATH.read_text(encoding="utf-8")
    assert json.loads(committed) == json.loads(render()), (
        "openapi/openapi.json is stale: regenerate it with `make openapi`"
    )


def test_every_operation_has_a_stable_id_and_declares_problem_responses() -> None:
    schema = json.loads(render())
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            if method == "post":
                assert "422" in op["responses"], f"{method} {path} declares no problem responses"
