"""Archive fixtures on top of the base fixture: an account with items acted on through the inbox's
own services, the municipality's archive profile, a records officer, and the official schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.archive.models import ArchiveProfile
from somevakt.inbox import services
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member
from tests.factories import make_item as build_item

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FIKS_ARKIV = SHARED / "fiks-arkiv" / "V1"
ARKIVMELDING_XSD = FIKS_ARKIV / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
KVITTERING_XSD = FIKS_ARKIV / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd"
NOARK5 = SHARED / "noark5"
GAUSDAL_ORGNR = "961399254"

# What the archive answers in the outbox (Fiks Arkiv receipts and a server error).
KV = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
OK_RECEIPT = f"""<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="{KV}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>6f1c2b7e-2d4a-4a7e-9a55-1d3e1f0c9b21</systemID>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar>
    <journalsekvensnummer>1234</journalsekvensnummer>
  </registreringKvittering>
</arkivmeldingKvittering>
"""
FAILED_RECEIPT = f"""<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="{KV}"
    xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
  <registreringFeilet>
    <f:feilId>E-17</f:feilId><f:feilmelding>Ukjent arkivdel SOME</f:feilmelding>
  </registreringFeilet>
</arkivmeldingKvittering>
"""
SERVER_ERROR = """<?xml version="1.0" encoding="UTF-8"?>
<serverfeil xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/serverfeil/v1"
    xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
  <f:feilId>S-1</f:feilId><f:feilmelding>Arkivet er utilgjengelig</f:feilmelding>
</serverfeil>
"""


@pytest.fixture
def profile(municipality):
    return ArchiveProfile.objects.create(municipality=municipality, org_number=GAUSDAL_ORGNR, series="SOME")


@pytest.fixture
def records_officer(municipality, top_unit):
    return make_member(municipality, "arkivar", "Arne", "Arkivar", [Role.RECORDS], unit=top_unit)


@pytest.fixture
def make_item(account):
    """Differs from the inbox's: `make_item("id", "text", *codes)` -> an Item triaged with `codes`."""

    def make(platform_id: str, text: str, *codes: str, **fields):
        return build_item(account, platform_id, text, codes=codes, **fields)

    return make


# No e-mail address in it: the reply check would ask to revise one.
def refer(item, person, text="Hei! Send søknaden til postmottaket i kommunen. Hilsen Eva"):
    return services.send_reply(item, person, text, purpose="refer_formal")


def hide(item, person, ground="personal_data"):
    return services.hide(item, person, ground)


def decide_all(person, **filters):
    """The records office decides every entry as somevakt proposed (confirming what becomes public),
    so nothing is held back from delivery."""
    from somevakt.archive.models import JournalEntry
    from somevakt.archive.services import decide_screening

    for entry in JournalEntry.objects.filter(skjermet__isnull=True, **filters).select_related(
        "item__status", "source_event"
    ):
        decide_screening(entry, person, entry.screened, entry.effective_basis, confirmed=True)


@pytest.fixture
def acted(make_item, owner):
    """Four items the inbox acted on: referred (and hidden), hidden, deleted-looking and answered."""
    referred = make_item(
        "111222333_1_1",
        "Jeg vil søke om barnehageplass for datteren min. Fødselsnummeret hennes er 010101 12345.",
        "intent.case_request",
        "personal_data.national_id",
    )
    hide(referred, owner)
    refer(referred, owner)
    hidden = make_item("111222333_1_2", "Ring meg på 412 34 567!", "personal_data.phone")
    hide(hidden, owner)
    plain = make_item("111222333_1_3", "Når åpner biblioteket?", "intent.question")
    services.send_reply(plain, owner, "Klokka ti. Hilsen Eva")
    return {"referred": referred, "hidden": hidden, "plain": plain}


@pytest.fixture(scope="session")
def arkivmelding_schema():
    if not ARKIVMELDING_XSD.is_file():
        pytest.skip("the Fiks Arkiv schemas in ../shared/fiks-arkiv are absent")
    import xmlschema

    return xmlschema.XMLSchema(str(ARKIVMELDING_XSD))


@pytest.fixture(scope="session")
def kvittering_schema():
    if not KVITTERING_XSD.is_file():
        pytest.skip("the Fiks Arkiv schemas in ../shared/fiks-arkiv are absent")
    import xmlschema

    return xmlschema.XMLSchema(str(KVITTERING_XSD))


@pytest.fixture(scope="session")
def noark5_schemas():
    """{file in the extract: its official schema}."""
    if not (NOARK5 / "N5" / "arkivstruktur.xsd").is_file():
        pytest.skip("the Noark 5 schemas in ../shared/noark5 are absent")
    import xmlschema

    return {
        "arkivstruktur.xml": xmlschema.XMLSchema(str(NOARK5 / "N5" / "arkivstruktur.xsd")),
        "endringslogg.xml": xmlschema.XMLSchema(str(NOARK5 / "N5" / "endringslogg.xsd")),
        "arkivuttrekk.xml": xmlschema.XMLSchema(str(NOARK5 / "ADDML" / "addml.xsd")),
    }


@pytest.fixture
def records_client(records_officer):
    return logged_in(records_officer)


def url(name, **kwargs):
    from django.urls import reverse

    return reverse(f"archive:{name}", kwargs={"municipality": "provekommune", **kwargs})
