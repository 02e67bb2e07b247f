from django.contrib import admin

from somevakt.tenants.models import AuditEntry, Membership, Municipality, RoleGrant, Unit


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "policy_pack", "policy_revision"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "parent", "leader", "deputy", "leader_away", "leader_away_until"]
    list_filter = ["municipality"]


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 1


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "municipality", "unit", "title"]
    list_filter = ["municipality"]
    inlines = [RoleGrantInline]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: nobody, not even an administrator, changes or deletes the audit log."""

    list_display = ["at", "action", "actor_label", "address", "subject", "municipality"]
    list_filter = ["action", "municipality"]
    search_fields = ["actor_label", "subject", "address"]
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
