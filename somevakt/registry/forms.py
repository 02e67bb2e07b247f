"""Forms of the accounts pages."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

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
    notice = forms.CharField(
        label=_("Notice shown on the account"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "ds-input"}),
        max_length=2000,
        help_text=_("The guideline asks for a clear notice while comments are closed."),
    )

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
