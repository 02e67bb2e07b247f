import pytest

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import CredentialsUnreadable, seal, unseal


def test_it_seals_and_unseals_without_the_secret_in_the_stored_text() -> None:
    sealed = seal(Credentials(token="EAAG-secret-page-token", base_url="https://social.example"))
    assert "secret" not in sealed and "social.example" not in sealed
    assert unseal(sealed) == Credentials(token="EAAG-secret-page-token", base_url="https://social.example")


def test_it_uses_the_credentials_key_when_one_is_set(settings) -> None:
    settings.SOMEVAKT_CREDENTIALS_KEY = "a long passphrase for the credentials"
    sealed = seal(Credentials(token="t"))
    settings.SECRET_KEY = "rotated-secret-key-" + "x" * 40
    assert unseal(sealed).token == "t"  # independent of SECRET_KEY
    settings.SOMEVAKT_CREDENTIALS_KEY = "another passphrase"
    with pytest.raises(CredentialsUnreadable):
        unseal(sealed)


def test_it_never_shows_the_token_in_its_repr() -> None:
    assert "hemmelig" not in repr(Credentials(token="hemmelig"))


def test_it_reads_nothing_as_no_credentials() -> None:
    assert unseal("") == Credentials()
