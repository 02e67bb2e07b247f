from django.contrib import admin

from somevakt.integrations.models import Delivery, OutboundCall, RejectedSignatures


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Where admins see deliveries that could not be read (status rejected) and why."""

    list_display = ["received_at", "source", "status", "signature_ok", "comments", "error"]
    list_filter = ["status", "source"]
    readonly_fields = [field.name for field in Delivery._meta.fields] + ["body_text"]
    exclude = ["body"]

    @admin.display(description="body")
    def body_text(self, delivery: Delivery) -> str:
        return bytes(delivery.body).decode("utf-8", errors="replace")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboundCall)
class OutboundCallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "op", "account", "platform_id", "status", "attempts", "error"]
    list_filter = ["status", "op"]


@admin.register(RejectedSignatures)
class RejectedSignaturesAdmin(admin.ModelAdmin):
    list_display = ["day", "source", "count", "last_at"]
