"""Arkiv › Innstillinger › Overføring: how the municipality's entries reach its archive system (the
outbox folder or Fiks IO), the Fiks IO settings with the certificate, and a connection test.

Secrets (the integration password, the certificate and its password, the account's key) are
sealed at rest, never shown again, and kept when their fields are left empty.
"""

from __future__ import annotations

import hashlib
import uuid

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from somevakt import sealing
from somevakt.archive import conf
from somevakt.archive.models import SettingsChange
from somevakt.archive.transports.fiksio import certificates, signature
from somevakt.archive.transports.fiksio.account import Secrets, seal, unseal
from somevakt.archive.transports.fiksio.clients import forget
from somevakt.archive.transports.fiksio.models import FiksIOSettings, TransportKind
from somevakt.archive.transports.fiksio.ping import named, ping
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Municipality
from somevakt.tenants.roles import Role

MAX_UPLOAD = 256 * 1024  # a certificate file is a few kilobytes

# The settings' change log: the names it keeps, and their labels (read by the settings page too).
LABELS = {
    "transport": gettext_lazy("Delivery to the archive system"),
    "fiksio_integration_id": gettext_lazy("Fiks IO integration id"),
    "fiksio_account_id": gettext_lazy("somevakt's Fiks IO account"),
    "fiksio_recipient_account_id": gettext_lazy("The archive system's Fiks IO account"),
    "fiksio_maskinporten_client_id": gettext_lazy("Maskinporten client id"),
    "fiksio_integration_password": gettext_lazy("Fiks IO integration password"),
    "fiksio_certificate": gettext_lazy("Business certificate"),
    "fiksio_account_key": gettext_lazy("The Fiks IO account's private key"),
}
# What `archive ping` checks, as the page names it.
PARTS = {
    "settings": pgettext_lazy("fiks io check", "Settings"),
    "certificate": pgettext_lazy("fiks io check", "Business certificate"),
    "token": pgettext_lazy("fiks io check", "Maskinporten token"),
    "catalogue": pgettext_lazy("fiks io check", "Fiks IO catalogue"),
    "queue": pgettext_lazy("fiks io check", "Queue for the archive's replies"),
    "signatures": gettext_lazy("Trusted signers of the archive's replies"),
}


# Fields whose value a failed save cannot show again.
SECRET_FIELDS = ("integration_password", "certificate", "certificate_password", "account_key")


def _uuid(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise forms.ValidationError(_("This is not an id of the form 12345678-abcd-…")) from None


def _read(upload) -> bytes:
    if upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("The file is too large to be a certificate or a key."))
    return upload.read()


class TransportForm(forms.Form):
    transport = forms.ChoiceField(
        label=gettext_lazy("Delivery to the archive system"),
        choices=TransportKind.choices,
        widget=forms.RadioSelect,
    )
    integration_id = forms.CharField(
        label=gettext_lazy("Fiks IO integration id"), required=False, max_length=36
    )
    integration_password = forms.CharField(
        label=gettext_lazy("Fiks IO integration password"), required=False, widget=forms.PasswordInput
    )
    account_id = forms.CharField(
        label=gettext_lazy("somevakt's Fiks IO account"), required=False, max_length=36
    )
    recipient_account_id = forms.CharField(
        label=gettext_lazy("The archive system's Fiks IO account"), required=False, max_length=36
    )
    maskinporten_client_id = forms.CharField(
        label=gettext_lazy("Maskinporten client id"), required=False, max_length=100
    )
    certificate = forms.FileField(
        label=gettext_lazy("Business certificate (PKCS#12, or PEM with the private key and the chain)"),
        required=False,
    )
    certificate_password = forms.CharField(
        label=gettext_lazy("The certificate's password"), required=False, widget=forms.PasswordInput
    )
    account_key = forms.FileField(
        label=gettext_lazy("The Fiks IO account's private key (PEM), if it is not the certificate's"),
        required=False,
    )

    def __init__(self, *args, stored: FiksIOSettings, secrets: Secrets, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stored = stored
        self.secrets = secrets

    def clean_integration_id(self) -> str:
        return _uuid(self.cleaned_data["integration_id"])

    def clean_account_id(self) -> str:
        return _uuid(self.cleaned_data["account_id"])

    def clean_recipient_account_id(self) -> str:
        return _uuid(self.cleaned_data["recipient_account_id"])

    def clean(self) -> dict:
        data = super().clean()
        certificate = self.secrets.certificate
        password = self.secrets.certificate_password
        if data.get("certificate"):
            certificate = _read(data["certificate"])
            password = data.get("certificate_password") or ""
        elif data.get("certificate_password"):
            password = data["certificate_password"]
        identity = None
        if certificate:
            try:
                identity = certificates.load(certificate, password)
            except certificates.CertificateError:
                self.add_error(
                    "certificate",
                    _("The certificate cannot be opened: check the file and its password."),
                )
            else:
                if identity.problem():
                    self.add_error(
                        "certificate",
                        _("The certificate is not valid now (valid until %(date)s).")
                        % {"date": identity.not_after.strftime("%d.%m.%Y")},
                    )
        account_key = self.secrets.account_key
        if data.get("account_key"):
            account_key = _read(data["account_key"])
            try:
                key_identity = certificates.load(account_key)
            except certificates.CertificateError:
                self.add_error(
                    "account_key", _("The key cannot be read: give the key and its certificate in PEM.")
                )
            else:
                del key_identity
        if data.get("transport") == TransportKind.FIKSIO:
            required = ("integration_id", "account_id", "recipient_account_id", "maskinporten_client_id")
            for name in required:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Fiks IO needs this."))
            if not (data.get("integration_password") or self.secrets.integration_password):
                self.add_error("integration_password", _("Fiks IO needs this."))
            if not certificate and "certificate" not in self.errors:
                self.add_error("certificate", _("Fiks IO needs the municipality's business certificate."))
        data["secrets"] = Secrets(
            integration_password=data.get("integration_password") or self.secrets.integration_password,
            certificate=certificate,
            certificate_password=password,
            account_key=account_key,
        )
        data["identity"] = identity
        return data


def _values(found: FiksIOSettings, secrets: Secrets) -> dict[str, str]:
    """What the change log compares; secrets appear only as a fingerprint, never themselves."""

    def mark(value: bytes | str) -> str:
        raw = value.encode() if isinstance(value, str) else value
        return hashlib.sha256(raw).hexdigest()[:12] if raw else ""

    return {
        "transport": found.transport,
        "fiksio_integration_id": found.integration_id,
        "fiksio_account_id": found.account_id,
        "fiksio_recipient_account_id": found.recipient_account_id,
        "fiksio_maskinporten_client_id": found.maskinporten_client_id,
        "fiksio_integration_password": mark(secrets.integration_password),
        "fiksio_certificate": found.certificate_subject or mark(secrets.certificate),
        "fiksio_account_key": mark(secrets.account_key),
    }


def change_text(name: str, value: str) -> str:
    """A logged value as the page shows it (secrets as 'set', never their fingerprint)."""
    if name == "transport" and value in TransportKind.values:
        return str(TransportKind(value).label)
    if name in ("fiksio_integration_password", "fiksio_account_key"):
        return _("set") if value else "–"
    return value or "–"


@require_http_methods(["GET", "POST"])
@member_required(roles=(Role.RECORDS,))
def transport_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    found = FiksIOSettings.objects.filter(municipality=municipality).first() or FiksIOSettings(
        municipality=municipality
    )
    try:
        secrets = unseal(found.sealed)
        unreadable = False
    except sealing.Unreadable:
        secrets, unreadable = Secrets(), True
    checks = None
    status = 200
    retype: set[str] = set()
    if request.method == "POST" and request.POST.get("action") == "test":
        checks = [{"part": PARTS.get(c.part, c.part), "ok": c.ok, "text": c.text} for c in ping(municipality)]
        form = TransportForm(initial=_initial(found), stored=found, secrets=secrets)
    elif request.method == "POST":
        form = TransportForm(request.POST, request.FILES, stored=found, secrets=secrets)
        if form.is_valid():
            _save(request, municipality, found, secrets, form.cleaned_data)
            identity = form.cleaned_data["identity"]
            anchors = signature.trusted_anchors(conf.fiksio_trusted_cas())
            if identity is not None and signature.untrusted(identity.certificate, identity.chain, anchors):
                # Saved all the same: the issuers the server trusts are the server's setting, which
                # the records office cannot change, and the rest of what they typed is right.
                messages.warning(
                    request,
                    _(
                        "The delivery settings are saved, but the business certificate %(subject)s is not "
                        "from a trusted issuer (Buypass or Commfides), so Fiks IO will not work with it. "
                        "Upload the municipality's business certificate, or ask IT to add its issuer to "
                        "the server's trusted issuers."
                    )
                    % {"subject": named(identity.certificate.subject)},
                )
            else:
                messages.success(request, _("The delivery settings are saved."))
            return redirect("archive:transport", municipality=municipality.slug)
        status = 400
        # A browser never fills a file field again, and a password is not sent back into the page:
        # the fields the user filled in that the page now shows empty are named so.
        retype = {name for name in SECRET_FIELDS if request.POST.get(name) or request.FILES.get(name)}
    else:
        form = TransportForm(initial=_initial(found), stored=found, secrets=secrets)
    return render(
        request,
        "archive/transport.html",
        {
            "municipality": municipality,
            "form": form,
            "stored": found,
            "secrets": secrets,
            "unreadable": unreadable,
            "checks": checks,
            "retype": retype,
            "all_ok": checks is not None and all(c["ok"] for c in checks),
        },
        status=status,
    )


def _initial(found: FiksIOSettings) -> dict[str, str]:
    return {
        "transport": found.transport,
        "integration_id": found.integration_id,
        "account_id": found.account_id,
        "recipient_account_id": found.recipient_account_id,
        "maskinporten_client_id": found.maskinporten_client_id,
    }


def _save(
    request: HttpRequest, municipality: Municipality, found: FiksIOSettings, secrets: Secrets, data: dict
) -> None:
    before = _values(found, secrets)
    found.transport = data["transport"]
    found.integration_id = data["integration_id"]
    found.account_id = data["account_id"]
    found.recipient_account_id = data["recipient_account_id"]
    found.maskinporten_client_id = data["maskinporten_client_id"].strip()
    new_secrets: Secrets = data["secrets"]
    identity = data["identity"]
    if identity is not None:
        found.certificate_subject = identity.subject[:500]
        found.certificate_not_after = identity.not_after
    found.sealed = seal(new_secrets)
    after = _values(found, new_secrets)
    with transaction.atomic():
        found.save()
        SettingsChange.objects.bulk_create(
            SettingsChange(
                municipality=municipality, field=name, old=before[name], new=after[name], by=request.user
            )
            for name in after
            if before[name] != after[name]
        )
    forget(municipality)
