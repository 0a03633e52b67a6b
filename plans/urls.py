from django.urls import path

from .views import actions, approval, cycle, feeds, goals, history, mission, plans

app_name = "plans"

urlpatterns = [
    path("", plans.PlanList.as_view(), name="index"),
    path("nieuw/", plans.PlanCreate.as_view(), name="create"),
    path("<int:pk>/", plans.plan_detail, name="detail"),
    path("<int:pk>/bewerken/", plans.PlanUpdate.as_view(), name="update"),
    path("<int:pk>/verwijderen/", plans.PlanDelete.as_view(), name="delete"),
    path("<int:pk>/stappen/<int:step_pk>/", plans.step_detail, name="step"),
    path("<int:pk>/kpis/", plans.plan_kpis, name="kpis"),
    path("acties/import/", feeds.actions_import, name="actions_import"),
    path(
        "acties/import/sjabloon.xlsx",
        feeds.actions_import_template,
        name="actions_import_template",
    ),
    path("<int:pk>/doelen/", goals.goal_list, name="goals"),
    path("<int:pk>/doelen/nieuw/", goals.GoalCreate.as_view(), name="goal_create"),
    path("doelen/<int:pk>/bewerken/", goals.GoalUpdate.as_view(), name="goal_update"),
    path("doelen/<int:pk>/verwijderen/", goals.GoalDelete.as_view(), name="goal_delete"),
    path("<int:pk>/droombeelden/", goals.wish_list, name="wishes"),
    path("<int:pk>/droombeelden/groeperen/", goals.wish_group, name="wishes_group"),
    path("droombeelden/<int:pk>/verwijderen/", goals.wish_delete, name="wish_delete"),
    path("<int:pk>/urgent/<int:action_pk>/", goals.urgent_toggle, name="urgent_toggle"),
    path("<int:pk>/missie-visie/", mission.mission, name="mission"),
    path("<int:pk>/missie-visie/fase/", mission.mission_stage, name="mission_stage"),
    path("<int:pk>/missie-visie/reacties/", mission.feedback_create, name="feedback_create"),
    path(
        "<int:pk>/missie-visie/reacties/<int:feedback_pk>/verwerkt/",
        mission.feedback_toggle,
        name="feedback_toggle",
    ),
    path("<int:pk>/missie-visie/versies/", mission.mission_versions, name="mission_versions"),
    path(
        "<int:pk>/missie-visie/versies/<int:number>/",
        mission.mission_version,
        name="mission_version",
    ),
    path("<int:pk>/volgende-cyclus/", cycle.next_cycle, name="next_cycle"),
    path("<int:pk>/goedkeuring/", approval.approval_page, name="approval"),
    path("<int:pk>/goedkeuring/<str:kind>/", approval.transition, name="transition"),
    path("<int:pk>/versies/<int:number>/", approval.version_page, name="version"),
    path("acties/", actions.ActionList.as_view(), name="actions"),
    path("acties/status/", actions.bulk_status, name="actions_bulk_status"),
    path("acties/nieuw/", actions.ActionCreate.as_view(), name="action_create"),
    path("acties/<int:pk>/", actions.ActionDetail.as_view(), name="action_detail"),
    path("acties/<int:pk>/bewerken/", actions.ActionUpdate.as_view(), name="action_update"),
    path("acties/<int:pk>/verwijderen/", actions.ActionDelete.as_view(), name="action_delete"),
    path("acties/<int:pk>/verplaatsen/", actions.move, name="action_move"),
    path("<int:pk>/acties/", actions.plan_actions, name="plan_actions"),
    path("<int:pk>/bord/", actions.board, name="board"),
    path("<int:pk>/geschiedenis/", history.plan_history, name="history"),
    path("acties/<int:pk>/geschiedenis/", history.action_history, name="action_history"),
    path("doelen/<int:pk>/geschiedenis/", history.goal_history, name="goal_history"),
]
