"""JSON instances of Zoom's (plain) response schemas, as hypothesis strategies.

hypothesis-jsonschema would be the obvious tool, but its object strategy relies on a hypothesis
internal (``many.more()``) that hypothesis 6.1xx removed, so every object schema fails there;
this small generator covers the subset of JSON Schema Zoom's files use (``type``, ``enum``,
``properties``, ``required``, ``items``, ``min/maxItems``, ``min/maxLength``, ``minimum``,
``maximum``, ``format``, ``anyOf``/``oneOf``/``allOf``).

Two shapes: ``full`` objects carry every documented property (so every field of a model is
parsed), sparse ones any subset (so no model requires what Zoom may leave out). With
``unknowns``, every enum holds a value Zoom has not documented (:data:`UNKNOWN_WORD`,
:data:`UNKNOWN_NUMBER`, or :data:`UNKNOWN_DIGITS` for enums of numbers written as strings, which
models may read as numbers) and every object an extra field :data:`EXTRA_FIELD`.
Integers stay within int64 (Zoom's widest integer).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, get_args

from hypothesis import strategies as st
from pydantic import BaseModel

__all__ = [
    "EXTRA_FIELD",
    "EXTRA_VALUE",
    "UNKNOWN_DIGITS",
    "UNKNOWN_NUMBER",
    "UNKNOWN_WORD",
    "instances",
    "lost",
]

UNKNOWN_WORD = "zoomkit_new_value"
UNKNOWN_NUMBER = 987_654
UNKNOWN_DIGITS = "987654"
EXTRA_FIELD = "zoomkit_new_field"
EXTRA_VALUE: dict[str, Any] = {"kept": [1, "two", None]}
INT64 = 2**63
_MOMENTS = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
_WORDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
_EMAILS = st.builds("{}@{}.example".format, _WORDS, _WORDS)  # st.emails() is slow


def instances(
    schema: dict[str, Any], *, full: bool = True, unknowns: bool = False
) -> st.SearchStrategy[Any]:
    """Values ``schema`` allows (with ``unknowns``, enums and fields it does not document)."""

    def of(part: dict[str, Any]) -> st.SearchStrategy[Any]:
        return instances(part, full=full, unknowns=unknowns)

    if "allOf" in schema:
        return of(_fold(schema))
    for key in ("anyOf", "oneOf"):
        if key in schema:
            rest = {k: v for k, v in schema.items() if k != key}
            return st.one_of([of(_fold({**rest, "allOf": [part]})) for part in schema[key]])
    if "enum" in schema:
        return _unknown_member(schema["enum"]) if unknowns else st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([of({**schema, "type": k}) for k in kind])
    if kind == "object" or "properties" in schema:
        return _objects(schema, of, full=full, unknowns=unknowns)
    if kind == "array":
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 2), low + 2)
        return st.lists(of(schema.get("items", {})), min_size=low, max_size=high)
    if kind == "integer":
        low = max(int(schema.get("minimum", -INT64)), -INT64)
        return st.integers(low, min(int(schema.get("maximum", INT64 - 1)), INT64 - 1))
    if kind == "number":
        low, high = schema.get("minimum", -1e9), schema.get("maximum", 1e9)
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "string":
        return _strings(schema)
    return st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=8)


def _fold(schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` parts merged into one schema (properties and required lists joined)."""
    folded: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema.get("allOf", []):
        part = _fold(part)
        for key, value in part.items():
            if key == "properties":
                folded["properties"] = {**folded.get("properties", {}), **value}
            elif key == "required":
                folded["required"] = sorted({*folded.get("required", []), *value})
            else:
                folded.setdefault(key, value)
    return folded


def _objects(
    schema: dict[str, Any], of: Any, *, full: bool, unknowns: bool
) -> st.SearchStrategy[dict[str, Any]]:
    properties = {name: of(sub) for name, sub in schema.get("properties", {}).items()}
    required = {
        name: s for name, s in properties.items() if full or name in schema.get("required", ())
    }
    optional = {name: s for name, s in properties.items() if name not in required}
    if unknowns:
        required[EXTRA_FIELD] = st.just(EXTRA_VALUE)
    return st.fixed_dictionaries(required, optional=optional)


def _unknown_member(members: list[Any]) -> st.SearchStrategy[Any]:
    documented = [m for m in members if m is not None]
    if documented and all(isinstance(m, str) and m.isdigit() for m in documented):
        return st.just(UNKNOWN_DIGITS)
    if documented and all(isinstance(m, str) for m in documented):
        return st.just(UNKNOWN_WORD)
    if documented and all(isinstance(m, int) and not isinstance(m, bool) for m in documented):
        return st.just(UNKNOWN_NUMBER)
    return st.sampled_from(members)  # booleans or mixed: nothing sensible is "unknown"


def _strings(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    fmt = schema.get("format")
    if fmt == "date-time":
        return _MOMENTS.map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))
    if fmt == "date":
        return _MOMENTS.map(lambda d: d.date().isoformat())
    if fmt == "email":
        return _EMAILS
    low = schema.get("minLength", 0)
    return st.text(min_size=low, max_size=max(low, min(schema.get("maxLength", 12), 12)))


def lost(sent: Any, got: Any, where: str = "$") -> list[str]:
    """Where an unknown enum value or extra field in ``sent`` did not come back in ``got``.

    Two normalisations are not losses: a number written as a string may come back as the
    number, and one object where a list is expected may come back as a list of one.
    """
    if isinstance(sent, dict) and isinstance(got, list) and len(got) == 1:
        got = got[0]
    if isinstance(sent, dict):
        if not isinstance(got, dict):
            return [f"{where}: became {got!r}"] if _marked(sent) else []
        problems = []
        for key, value in sent.items():
            if key == EXTRA_FIELD and got.get(key) != value:
                problems.append(f"{where}.{key}: became {got.get(key)!r}")
            elif key in got:
                problems += lost(value, got[key], f"{where}.{key}")
            elif _marked(value):
                problems.append(f"{where}.{key}: dropped")
        return problems
    if isinstance(sent, list):
        if not isinstance(got, list) or len(got) != len(sent):
            return [f"{where}: became {got!r}"] if _marked(sent) else []
        pairs = enumerate(zip(sent, got, strict=True))
        return [problem for i, (s, g) in pairs for problem in lost(s, g, f"{where}[{i}]")]
    if _marked(sent) and got != sent and str(got) != sent:
        return [f"{where}: {sent!r} became {got!r}"]
    return []


def _marked(value: Any) -> bool:
    if isinstance(value, dict):
        return EXTRA_FIELD in value or any(_marked(v) for v in value.values())
    if isinstance(value, list):
        return any(_marked(v) for v in value)
    if isinstance(value, bool):
        return False
    return value in (UNKNOWN_WORD, UNKNOWN_NUMBER, UNKNOWN_DIGITS)


def requiring(schema: Any, model: type[BaseModel]) -> Any:
    """``schema`` with every field ``model`` requires marked required, at every level.

    Zoom's schemas mark nothing required, yet Zoom always sends a few fields (a meeting's
    ``id``), which zoomkit's models therefore require: an instance without them is not an
    answer Zoom gives. Only those fields are added; everything else stays as Zoom wrote it.
    """
    if not isinstance(schema, dict):
        return schema
    for combined in ("anyOf", "oneOf", "allOf"):
        if combined in schema:
            parts = [requiring(part, model) for part in schema[combined]]
            schema = {**schema, combined: parts}
    if "items" in schema:
        return {**schema, "items": requiring(schema["items"], model)}
    properties = schema.get("properties")
    if not properties:
        return schema
    required = set(schema.get("required", ()))
    properties = dict(properties)
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in properties:
            continue
        if field.is_required():
            required.add(key)
        for inner in nested_models(field.annotation):
            properties[key] = requiring(properties[key], inner)
    return {**schema, "properties": properties, "required": sorted(required)}


def nested_models(annotation: Any) -> list[type[BaseModel]]:
    """The models inside a field's type (``Meeting``, ``list[Meeting] | None``...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [inner for arg in get_args(annotation) for inner in nested_models(arg)]
