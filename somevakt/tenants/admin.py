from django.contrib import admin

from somevakt.tenants.models import Membership, Municipality, RoleGrant, Unit


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
