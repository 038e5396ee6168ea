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


def test_forms_that_take_a_resume_and_a_job_list_them_first() -> None:
    """Swagger UI shows form fields in schema order: the two documents come before an endpoint's own options."""
    schemas = json.loads(render())["components"]["schemas"]
    pairs = [s for s in schemas.values() if s.get("title", "").startswith("Body_") and "job_text" in s["properties"]]
    assert len(pairs) >= 5
    for schema in pairs:
        fields = list(schema["properties"])
        if "resumes" in fields:  # /v1/rank: one resume and many jobs, or one job and many resumes
            continue
        assert fields[:4] == ["resume", "resume_id", "job_file", "job_text"], schema["title"]
