"""Any JSON Zoom's schemas allow for a meeting or past-meeting answer parses into the model.

Instances come from the response schemas of both spec files through the generator of
test_webinar_schema_instances.py (every documented property present or not, any value of its
type); fields zoomkit does not know survive a round trip through ``to_dict()``. The specs live
in ../shared/zoom-openapi; without them these tests skip, except under CI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_webinar_schema_instances import documented, instances, model_of

from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage

MINE = sorted(
    (row for row in api_coverage() if row.name.startswith(("meetings.", "past_meetings."))),
    key=lambda row: row.name,
)
WITH_BODY = [row for row in MINE if model_of(row.name) is not None]


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def test_every_meeting_operation_with_a_body_is_checked() -> None:
    assert len(MINE) == 49
    assert len(WITH_BODY) >= 30


@pytest.mark.parametrize("row", WITH_BODY, ids=[row.name for row in WITH_BODY])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_documented_answer_parses_and_keeps_unknown_fields(
    row: Any, schemas: ZoomSchemas, data: st.DataObject
) -> None:
    model = model_of(row.name)
    assert model is not None
    for schema in documented(schemas, row):
        sent = data.draw(instances(schema))
        sent["zoomkit_unknown_field"] = {"kept": True}
        parsed = model.model_validate(sent)
        assert parsed.to_dict()["zoomkit_unknown_field"] == {"kept": True}  # type: ignore[attr-defined]
