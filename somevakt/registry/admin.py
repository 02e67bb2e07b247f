from django.contrib import admin

from somevakt.registry.models import Account, AccountAlert, AccountEvent, Closure


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


class AccountEventInline(admin.TabularInline):
    """The history, read only: a state changes only through registry.lifecycle, which records it."""

    model = AccountEvent
    extra = 0
    can_delete = False
    fields = ["at", "type", "actor", "actor_label", "from_state", "to_state", "reason", "clauses"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "external_id", "municipality", "state", "last_delivery_at"]
    list_filter = ["platform", "state", "municipality"]
    search_fields = ["name", "external_id", "handle"]
    filter_horizontal = ["admins"]
    inlines = [ClosureInline, AccountEventInline]
    # The state and the approval change through the lifecycle's checks only (the pages, `account`).
    readonly_fields = ["state", "approved_by", "approved_by_label", "approved_at"]
    # Credentials are set with `somevakt account set-credentials`; they are never shown.
    exclude = ["sealed_credentials", "fetch_cursor"]


@admin.register(AccountAlert)
class AccountAlertAdmin(admin.ModelAdmin):
    list_display = ["raised_at", "kind", "account", "municipality", "resolved_at", "message"]
    list_filter = ["kind"]
