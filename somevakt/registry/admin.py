from django.contrib import admin

from somevakt.registry.models import (
    Account,
    AccountAlert,
    Closure,
    Delivery,
    OutboundCall,
    RejectedSignatures,
)


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "external_id", "municipality", "state", "last_delivery_at"]
    list_filter = ["platform", "state", "municipality"]
    search_fields = ["name", "external_id", "handle"]
    filter_horizontal = ["admins"]
    inlines = [ClosureInline]
    # Credentials are set with `somevakt account set-credentials`; they are never shown.
    exclude = ["sealed_credentials", "fetch_cursor"]


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


@admin.register(AccountAlert)
class AccountAlertAdmin(admin.ModelAdmin):
    list_display = ["raised_at", "kind", "account", "municipality", "resolved_at", "message"]
    list_filter = ["kind"]


@admin.register(OutboundCall)
class OutboundCallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "op", "account", "platform_id", "status", "attempts", "error"]
    list_filter = ["status", "op"]


@admin.register(RejectedSignatures)
class RejectedSignaturesAdmin(admin.ModelAdmin):
    list_display = ["day", "source", "count", "last_at"]
