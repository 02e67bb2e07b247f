"""The report of what was deleted this year and on which grounds, as a page and as CSV safe
from spreadsheet formulas."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from somevakt.archive.reports import safe_cell
from somevakt.inbox import services

from .conftest import url


@pytest.fixture
def deleted(municipality, make_item, owner):
    municipality.policy_pack = "batsfjord"
    municipality.save()
    item = make_item("111222333_1_8", '=HYPERLINK("http://x") du er en idiot', "abuse.insult")
    services.delete(item, owner, 0, "Personangrep")
    return item


def test_it_lists_this_years_deletions_with_their_grounds(deleted, records_client):
    page = records_client.get(url("deleted")).content.decode()
    assert "batsfjord:4.4-sletting" in page and "Personangrep" in page


def test_its_csv_escapes_cells_that_would_run_as_formulas(deleted, records_client):
    response = records_client.get(url("deleted_csv"), {"aar": timezone.now().year})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "somevakt-ID" and len(rows) == 2
    assert rows[1][5].startswith("'=HYPERLINK")
    assert rows[1][7] == "batsfjord:4.4-sletting"


@pytest.mark.parametrize("value", ["=1+1", "+47", "-2", "@SUM(A1)", "\tx"])
def test_it_neutralises_every_formula_start(value):
    assert safe_cell(value) == "'" + value


def test_it_requires_an_archive_role(member_client):
    assert member_client.get(url("deleted")).status_code == 403
    assert member_client.get(url("deleted_csv")).status_code == 403


def test_it_hides_the_municipality_from_an_outsider(outsider_client):
    assert outsider_client.get(url("deleted")).status_code == 404
    assert outsider_client.get(url("deleted_csv")).status_code == 404
