"""Property-based fuzzing of every operation from the committed OpenAPI document (schemathesis):
whatever a client sends, the answer is never a 500 and always matches the documented schema."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from service.main import create_app
from service.settings import Settings

app = create_app(Settings(database_url="sqlite://", max_upload_bytes=200_000, max_pages=5))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_500_or_breaks_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
