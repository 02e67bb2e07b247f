"""The Guidelines section, mounted by the shell at `/<municipality>/retningslinjer/` (namespace `guidelines`).

A clause has its anchor on the index page: `retningslinjer/#<clause id>` (the inbox links there).
"""

from __future__ import annotations

from django.urls import path

from somevakt.guidelines import views

app_name = "guidelines"

urlpatterns = [path("", views.index, name="index")]
