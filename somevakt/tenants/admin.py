from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.identity import SecondFactor, SecondFactorRule, SignOn
from somevakt.tenants.models import AuditEntry, Membership, Municipality, RoleGrant, Unit
from somevakt.tenants.roles import Role


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


class SignOnForm(forms.ModelForm):
    """The client secret is written, never shown: left empty, the stored one is kept."""

    issuer = forms.URLField(
        label=_("issuer"),
        max_length=300,
        assume_scheme="https",
        help_text=_("The identity provider's issuer; its discovery document is read from here."),
    )
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the stored secret."),
    )

    class Meta:
        model = SignOn
        fields = ["municipality", "issuer", "client_id", "label", "enabled"]

    def clean_issuer(self) -> str:
        issuer = self.cleaned_data["issuer"]
        if not issuer.startswith("https://") and not settings.DEBUG:
            raise forms.ValidationError(_("The issuer must be an https:// address."))
        return issuer

    def save(self, commit: bool = True) -> SignOn:
        sign_on = super().save(commit=False)
        if self.cleaned_data.get("client_secret"):
            sign_on.set_secret(self.cleaned_data["client_secret"])
        if commit:
            sign_on.save()
        return sign_on


@admin.register(SignOn)
class SignOnAdmin(admin.ModelAdmin):
    form = SignOnForm
    list_display = ["municipality", "issuer", "client_id", "enabled"]
    readonly_fields = ["redirect_address"]

    @admin.display(description=_("redirect address to register at the provider"))
    def redirect_address(self, obj: SignOn) -> str:
        from somevakt.tenants.sso import redirect_uri

        return redirect_uri(obj.municipality) if obj.pk else "-"


@admin.register(SecondFactorRule)
class SecondFactorRuleAdmin(admin.ModelAdmin):
    list_display = ["municipality", "everyone", "roles"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "roles":
            return forms.TypedMultipleChoiceField(
                label=_("roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(SecondFactor)
class SecondFactorAdmin(admin.ModelAdmin):
    """An administrator can only remove a person's second factor (a lost phone and lost codes):
    the person then signs in with the password and sets up a new one."""

    list_display = ["person", "created"]
    fields = ["person", "created"]
    readonly_fields = ["person", "created"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
