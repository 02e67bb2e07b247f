from django.contrib import admin

from somevakt.people.models import Attestation


@admin.register(Attestation)
class AttestationAdmin(admin.ModelAdmin):
    list_display = ["person", "municipality", "year", "policy_revision", "at", "reviewed_with", "reviewed_at"]
    list_filter = ["municipality", "year"]
    search_fields = ["person__username", "person__first_name", "person__last_name"]
    # Confirmations are the person's own; the admin shows them but does not make them up.
    readonly_fields = ["person", "municipality", "year", "policy_revision", "at"]
