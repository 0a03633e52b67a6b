"""Views of due diligence, one module per area, each with its own ``urlpatterns``:
overview.py (the loop), policy.py (1A/1B), chain.py (2A and its import), risks.py (2B/2C/3A/3B,
heat map), monitoring.py (4), communication.py (5), grievances.py (6, the register),
public.py (the public intake form, no login), evidence.py (file downloads)."""
