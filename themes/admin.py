from django.contrib import admin

from .models import Framework, FrameworkTheme, OrgTheme


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "code", "order"]


@admin.register(FrameworkTheme)
class FrameworkThemeAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "framework", "code", "number"]
    list_filter = ["framework"]


@admin.register(OrgTheme)
class OrgThemeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "is_focus", "importance", "impact"]
    list_filter = ["organisation", "is_focus"]
    list_select_related = ["framework_theme", "organisation"]
