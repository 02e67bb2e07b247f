"""The publishing pages' forms: what people type, with messages in their language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.policy.engine import MAX_TEXT_CHARS
from somevakt.publishing.models import Consent, MediaAsset, Use


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "class": "ds-input"}),
    )
    accounts = forms.MultipleChoiceField(
        label=_("Accounts"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one account to publish on.")},
    )
    media = forms.ModelMultipleChoiceField(
        label=_("Pictures"),
        queryset=MediaAsset.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    link = forms.URLField(
        label=_("Link to the page on the municipality's website"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "ds-input"}),
        error_messages={"invalid": _("Write a whole web address, such as https://www.kommune.no/side.")},
    )
    no_link_reason = forms.CharField(
        label=_("Or: why this post needs no page on the website"),
        help_text=_("For example a greeting, or a photo from an event."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
    )
    office_hours_only = forms.BooleanField(label=_("Publish only in office hours"), required=False)

    def __init__(self, *args: Any, accounts: list[Any], municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account_rows = {str(a.pk): a for a in accounts}
        self.fields["accounts"].choices = [
            (str(a.pk), f"{a.name} ({a.get_platform_display()})") for a in accounts
        ]
        self.fields["media"].queryset = MediaAsset.objects.filter(municipality=municipality)
        # A picture is chosen by what it shows (its alternative text), not by a file name.
        self.fields["media"].label_from_instance = picture_label

    def chosen_accounts(self) -> list[Any]:
        return [
            self.account_rows[pk] for pk in self.cleaned_data.get("accounts", []) if pk in self.account_rows
        ]


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": "ds-input"}),
        error_messages={
            "required": _("Choose when to publish."),
            "invalid": _("Write the time as day, month, year, hour and minute."),
        },
    )


class AssetForm(forms.Form):
    file = forms.FileField(
        label=_("Picture (JPEG or PNG)"), error_messages={"required": _("Choose a picture to upload.")}
    )
    alt_text = forms.CharField(
        label=_("Alternative text"),
        help_text=_("What the picture shows, for those who cannot see it (required: universal design)."),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
        error_messages={
            "required": _("Describe the picture for those who cannot see it (alternative text).")
        },
    )
    shows_people = forms.BooleanField(label=_("Identifiable people are in the picture"), required=False)
    group = forms.CharField(
        label=_("Group shown (if many)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "ds-input"}),
    )
    consents = forms.ModelMultipleChoiceField(
        label=_("Consents of the people shown"),
        queryset=Consent.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shows_colleagues = forms.BooleanField(label=_("Colleagues"), required=False)
    shows_pupils = forms.BooleanField(label=_("Pupils"), required=False)
    shows_patients = forms.BooleanField(label=_("Patients or service users"), required=False)
    photographer = forms.CharField(
        label=_("Photographer"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "ds-input"}),
    )
    photographer_permission = forms.BooleanField(
        label=_("The photographer has given permission"), required=False
    )

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consents"].queryset = Consent.objects.filter(
            municipality=municipality, withdrawn_at__isnull=True
        )


class AssetDetailsForm(AssetForm):
    """What a stored picture shows and who allowed it (the file itself stays as it is)."""

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, municipality=municipality, **kwargs)
        del self.fields["file"]


class ConsentForm(forms.Form):
    subject = forms.ChoiceField(
        label=_("Who"),
        choices=Consent.Subject.choices,
        widget=forms.RadioSelect,
        initial=Consent.Subject.PERSON,
    )
    name = forms.CharField(
        label=_("Name, or the group (e.g. 5B at Forset school, 2026)"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "ds-input"}),
    )
    pictures = forms.CharField(
        label=_("Which pictures"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
    )
    uses = forms.MultipleChoiceField(
        label=_("Uses"),
        choices=Use.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one use the consent covers (social media, website, print).")
        },
    )
    valid_from = forms.DateField(
        label=_("Valid from"),
        # Most forms are registered the day they are signed; the adviser changes it otherwise.
        initial=timezone.localdate,
        # The browser's date field takes ISO dates only, whatever the page's language.
        widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    valid_until = forms.DateField(
        label=_("Valid until (empty: until withdrawn)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"}),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    given_by = forms.ChoiceField(
        label=_("Given by"),
        choices=Consent.GivenBy.choices,
        widget=forms.RadioSelect,
        initial=Consent.GivenBy.PERSON,
    )
    guardian_name = forms.CharField(
        label=_("Guardian's name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "ds-input"}),
    )
    form = forms.FileField(label=_("Scanned signed form (optional)"), required=False)


def picture_label(asset: MediaAsset) -> str:
    text = asset.alt_text if len(asset.alt_text) <= 80 else asset.alt_text[:79] + "…"
    return f"{text} ({asset.original_name})" if asset.original_name else text
