"""Stub: filled in by its area."""

urlpatterns = []
