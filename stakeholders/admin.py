from django.contrib import admin

from .models import Dialogue, Stakeholder, WorkingGroupMember


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "category", "influence", "interest"]
    list_filter = ["organisation", "category"]
    search_fields = ["name"]


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    list_display = ["subject", "organisation", "date", "method", "reported_back"]
    list_filter = ["organisation", "method", "reported_back"]


@admin.register(WorkingGroupMember)
class WorkingGroupMemberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "department", "role"]
    list_filter = ["organisation"]
    list_select_related = ["user"]
