from django.urls import path

from . import views

app_name = "stakeholders"

urlpatterns = [
    path("", views.StakeholderList.as_view(), name="index"),
    path("nieuw/", views.StakeholderCreate.as_view(), name="create"),
    path("export.<str:fmt>", views.export, name="export"),
    path("<int:pk>/", views.StakeholderDetail.as_view(), name="detail"),
    path("<int:pk>/bewerken/", views.StakeholderUpdate.as_view(), name="update"),
    path("<int:pk>/verwijderen/", views.StakeholderDelete.as_view(), name="delete"),
    path("dialogen/", views.DialogueList.as_view(), name="dialogues"),
    path("dialogen/nieuw/", views.DialogueCreate.as_view(), name="dialogue_create"),
    path("dialogen/<int:pk>/bewerken/", views.DialogueUpdate.as_view(), name="dialogue_update"),
    path("dialogen/<int:pk>/verwijderen/", views.DialogueDelete.as_view(), name="dialogue_delete"),
    path("werkgroep/", views.working_group, name="working_group"),
    path("werkgroep/nieuw/", views.WorkingGroupCreate.as_view(), name="member_create"),
    path("werkgroep/<int:pk>/bewerken/", views.WorkingGroupUpdate.as_view(), name="member_update"),
    path(
        "werkgroep/<int:pk>/verwijderen/", views.WorkingGroupDelete.as_view(), name="member_delete"
    ),
]
