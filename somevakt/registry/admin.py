from django.contrib import admin

from somevakt.registry.models import Account, AccountAlert, Closure


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


@admin.register(AccountAlert)
class AccountAlertAdmin(admin.ModelAdmin):
    list_display = ["raised_at", "kind", "account", "municipality", "resolved_at", "message"]
    list_filter = ["kind"]
