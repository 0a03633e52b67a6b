"""Views of the plans app, one module per area: plans and steps (plans.py), mission and vision
(mission.py), goals and droombeelden (goals.py), actions and the quarter board (actions.py),
import, calendar feed and settings (feeds.py)."""
