import datetime as dt
from collections import Counter

from django.contrib import admin, messages
from django.utils import timezone

from somevakt.integrations.deliveries import NOT_FOR_INBOX, unhandled_kinds
from somevakt.integrations.models import Delivery, OutboundCall, RejectedSignatures

# How far back the deliveries page counts what was not for the inbox.
UNHANDLED_WINDOW = dt.timedelta(days=7)


class UnhandledFilter(admin.SimpleListFilter):
    """Deliveries that held something the inbox does not take (an unknown field, item or verb):
    stored with the raw body and named in the note, never dropped silently (issue 16)."""

    title = "something not for the inbox"
    parameter_name = "unhandled"

    def lookups(self, request, model_admin):
        return [("yes", "yes")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(error__contains=NOT_FOR_INBOX)
        return queryset


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Where admins see deliveries that could not be read (status rejected) and why."""

    list_display = ["received_at", "source", "status", "signature_ok", "comments", "error"]
    list_filter = ["status", "source", UnhandledFilter]
    readonly_fields = [field.name for field in Delivery._meta.fields] + ["body_text"]
    exclude = ["body"]

    @admin.display(description="body")
    def body_text(self, delivery: Delivery) -> str:
        return bytes(delivery.body).decode("utf-8", errors="replace")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # What arrived that the inbox does not take, counted by kind, on top of the list.
        since = timezone.now() - UNHANDLED_WINDOW
        notes = Delivery.objects.filter(received_at__gte=since, error__contains=NOT_FOR_INBOX).values_list(
            "error", flat=True
        )
        counts: Counter[str] = Counter()
        for note in notes.iterator():
            counts.update(unhandled_kinds(note))
        if counts:
            summary = ", ".join(f"{kind} ×{n}" for kind, n in counts.most_common())
            messages.info(request, f"Not for the inbox in the last {UNHANDLED_WINDOW.days} days: {summary}")
        return super().changelist_view(request, extra_context)


@admin.register(OutboundCall)
class OutboundCallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "op", "account", "platform_id", "status", "attempts", "error"]
    list_filter = ["status", "op"]


@admin.register(RejectedSignatures)
class RejectedSignaturesAdmin(admin.ModelAdmin):
    list_display = ["day", "source", "count", "last_at"]
