from django.contrib import admin

from .models import Kpi, Measurement, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Kpi)
class KpiAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "unit", "direction", "frequency"]
    list_filter = ["organisation", "frequency"]
    search_fields = ["name"]
    inlines = [TargetInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["kpi", "year", "quarter", "value", "entered_by"]
    list_filter = ["kpi__organisation"]
    list_select_related = ["kpi", "entered_by"]
