"""Many rows in one statement, for the worker's batches (`events.record_many`, `ingest.receive_many`).

Django's `bulk_create` on PostgreSQL sends each column as one array (`INSERT ... SELECT
FROM UNNEST(...)`), and psycopg escapes the elements of a text array in Python, character
by character: for a batch of events, whose payloads are JSON full of quotes, that cost more
than the rest of the batch's queries together. Here each value is its own parameter in a
multi-row `VALUES` list, which psycopg quotes in C. Values go through the fields'
`get_db_prep_save`, as `save()` does; only the model's own table and column names go into
the text of the statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections
from django.db.models import Model
from django.db.models.fields import AutoFieldMixin


def insert(
    model: type[Model],
    objs: Sequence[Model],
    *,
    returning: Sequence[str] = (),
    conflict: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """INSERT `objs`; returns the `returning` columns of the rows inserted.

    With `conflict` (column names of a unique constraint), a row that would break it is
    skipped (`ON CONFLICT (...) DO NOTHING`) and returns nothing. Rows come back in the
    order they were given, as far as the database says (PostgreSQL and SQLite do).
    """
    if not objs:
        return []
    connection = connections[model.objects.db]
    meta = model._meta
    # Every column but one the database fills in (an auto-increment key, a generated column).
    fields = [f for f in meta.concrete_fields if not f.generated and not isinstance(f, AutoFieldMixin)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    row = "({})".format(", ".join(["%s"] * len(fields)))
    tail = ""
    if conflict:
        tail += " ON CONFLICT ({}) DO NOTHING".format(", ".join(quote(name) for name in conflict))
    if returning:
        tail += " RETURNING {}".format(", ".join(quote(name) for name in returning))
    size = max(1, connection.ops.bulk_batch_size(fields, objs))
    found: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for first in range(0, len(objs), size):
            chunk = objs[first : first + size]
            params = [
                field.get_db_prep_save(field.pre_save(obj, add=True), connection)
                for obj in chunk
                for field in fields
            ]
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(chunk))}{tail}"  # noqa: S608
            cursor.execute(sql, params)
            if returning:
                found += [tuple(values) for values in cursor.fetchall()]
    return found


def mark_saved(obj: Model, pk: Any, alias: str) -> Model:
    """`obj` as `save()` leaves it: its primary key set, no longer being added."""
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = alias
    return obj
