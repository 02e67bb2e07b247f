"""Forms of the accounts pages."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from somevakt.policy.schema import PlanQuestion
from somevakt.registry.models import Platform
from somevakt.tenants.models import Unit

OSLO = ZoneInfo("Europe/Oslo")
LONGEST_CLOSURE = dt.timedelta(days=92)


class ClosureForm(forms.Form):
    """A closure by whole days, Europe/Oslo: from the first day's start to the end of the last."""

    first_day = forms.DateField(
        label=_("First closed day"), widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"})
    )
    last_day = forms.DateField(
        label=_("Last closed day"), widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"})
    )
    reason = forms.CharField(
        label=_("Why it is closed"),
        widget=forms.TextInput(attrs={"class": "ds-input"}),
        max_length=300,
        help_text=_("For the account's history, e.g. the holidays, or nobody to follow it up."),
    )
    notice = forms.CharField(
        label=_("Notice shown on the account"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "ds-input"}),
        max_length=2000,
        help_text=_(
            "Published on the account where the platform allows it, with the period added: why it is "
            "closed and until when, and where to turn meanwhile."
        ),
    )

    comments_off = forms.BooleanField(
        label=_("Turn comments off on the account's posts while it is closed"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "ds-input"}),
        help_text=_(
            "somevakt turns them off on the platform on the first closed day and turns the same "
            "posts on again when the closure ends."
        ),
    )

    def __init__(self, *args: Any, comment_switch: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offered only where the platform lets somevakt do it; the page says plainly where not.
        if not comment_switch:
            del self.fields["comments_off"]

    def clean(self) -> dict:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last:
            if last < first:
                raise forms.ValidationError(_("The last closed day comes before the first."))
            if last - first >= LONGEST_CLOSURE:
                raise forms.ValidationError(_("A temporary closure lasts at most three months."))
        return data

    def interval(self) -> tuple[dt.datetime, dt.datetime]:
        first, last = self.cleaned_data["first_day"], self.cleaned_data["last_day"]
        starts = dt.datetime.combine(first, dt.time(0, 0), tzinfo=OSLO)
        ends = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0, 0), tzinfo=OSLO)
        return starts, ends


def member_choices(municipality: Any) -> list[tuple[int, str]]:
    people = (
        get_user_model()
        .objects.filter(memberships__municipality=municipality)
        .order_by("first_name", "last_name", "username")
    )
    return [(p.pk, p.get_full_name() or p.get_username()) for p in people]


class _ChoosesOwners:
    """A form with the fields `responsible` and `admins`: the people it chose."""

    cleaned_data: dict[str, Any]

    def people(self, municipality: Any) -> tuple[Any, list[Any]]:
        users = get_user_model().objects.filter(memberships__municipality=municipality)
        responsible = users.filter(pk=self.cleaned_data.get("responsible")).first()
        admins = list(users.filter(pk__in=self.cleaned_data.get("admins") or []))
        return responsible, admins


class PlanForm(_ChoosesOwners, forms.Form):
    """The plan an account's guideline asks for, made from the pack's questions in the reader's
    language; with `new=True` it also asks for the account itself (a planned account's page)."""

    def __init__(
        self,
        *args: Any,
        questions: tuple[PlanQuestion, ...],
        municipality: Any,
        language: str | None,
        new: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        people = member_choices(municipality)
        if new:
            self.fields["platform"] = forms.ChoiceField(
                label=_("Platform"),
                choices=Platform.choices,
                widget=forms.Select(attrs={"class": "ds-input"}),
            )
            self.fields["external_id"] = forms.CharField(
                label=_("Platform id"),
                max_length=100,
                help_text=_("The page's or account's id on the platform."),
                widget=forms.TextInput(attrs={"class": "ds-input"}),
            )
            self.fields["name"] = forms.CharField(
                label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"class": "ds-input"})
            )
            self.fields["handle"] = forms.CharField(
                label=_("Handle"),
                max_length=150,
                required=False,
                widget=forms.TextInput(attrs={"class": "ds-input"}),
            )
            self.fields["unit"] = forms.ModelChoiceField(
                label=_("Unit"),
                queryset=Unit.objects.filter(municipality=municipality).order_by("name"),
                required=False,
                empty_label="–",
                widget=forms.Select(attrs={"class": "ds-input"}),
            )
        self.fields["responsible"] = forms.TypedChoiceField(
            label=_("Responsible person"),
            choices=[("", "–"), *people],
            coerce=int,
            empty_value=None,
            required=False,
            help_text=_("The one person who follows the account; required before it is activated."),
            widget=forms.Select(attrs={"class": "ds-input"}),
        )
        self.fields["admins"] = forms.TypedMultipleChoiceField(
            label=_("Admins"),
            choices=people,
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "ds-input"}),
        )
        for question in questions:
            label = question.question.text(language)
            help_text = question.help.text(language) if question.help else ""
            name = f"q_{question.id}"
            if question.kind == "choice":
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    help_text=help_text,
                    required=False,
                    choices=[("", "–"), *((c.id, c.label.text(language)) for c in question.choices)],
                    widget=forms.Select(attrs={"class": "ds-input"}),
                )
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    help_text=help_text,
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "ds-input"}),
                )
            # Saving a draft with gaps is allowed; sending it is not (the service names the gaps).
            self.fields[name].widget.attrs["data-required"] = "true" if question.required else "false"
            self.fields[name].plan_required = question.required  # type: ignore[attr-defined]

    def answers(self) -> dict[str, str]:
        return {q.id: self.cleaned_data.get(f"q_{q.id}") or "" for q in self.questions}

    def mark_missing(self, missing: list[PlanQuestion]) -> None:
        for question in missing:
            self.add_error(f"q_{question.id}", _("This question must be answered before the plan is sent."))

    def account_fields(self) -> list[Any]:
        return [
            self[name]
            for name in ("platform", "external_id", "name", "handle", "unit")
            if name in self.fields
        ]

    def owner_fields(self) -> list[Any]:
        return [self["responsible"], self["admins"]]

    def question_fields(self) -> list[Any]:
        return [self[f"q_{q.id}"] for q in self.questions]


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
    )


class ActivateForm(forms.Form):
    responsible = forms.TypedChoiceField(
        label=_("Responsible person"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.Select(attrs={"class": "ds-input"}),
    )

    def __init__(
        self, *args: Any, municipality: Any, initial_responsible: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = [("", "–"), *member_choices(municipality)]
        if initial_responsible:
            self.fields["responsible"].initial = initial_responsible

    def person(self, municipality: Any) -> Any:
        pk = self.cleaned_data.get("responsible")
        if not pk:
            return None
        return get_user_model().objects.filter(memberships__municipality=municipality, pk=pk).first()


class OwnersForm(_ChoosesOwners, forms.Form):
    """The responsible person and the admins of an account that exists."""

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = member_choices(municipality)
        self.fields["responsible"] = forms.TypedChoiceField(
            label=_("Responsible person"),
            choices=[("", "–"), *people],
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.Select(attrs={"class": "ds-input"}),
        )
        self.fields["admins"] = forms.TypedMultipleChoiceField(
            label=_("Admins"),
            choices=people,
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class ReviewForm(forms.Form):
    """The yearly review: two questions and a note (issue 13)."""

    YES_NO = [("yes", _("Yes")), ("no", _("No"))]
    still_needed = forms.ChoiceField(
        label=_("Is the account still needed?"), choices=YES_NO, widget=forms.RadioSelect
    )
    owner_right = forms.ChoiceField(
        label=_("Are the responsible person and the admins still right?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
    )
