"""Reference content for the three methods Koers supports.

Each module defines ``METHOD``: a plain dict describing one method's phases and steps
(purpose, guiding questions, what the step delivers, which screens it links to), in Dutch
(``*_nl``) and English (``*_en``). The data is pure Python so a data migration can import it
without loading Django.

- ``MVO_STEPS``: Method 1, the company CSR policy cycle (4 phases of 5 steps).
- ``DUE_DILIGENCE``: Method 2, OECD due diligence (6 steps, a continuous loop).
- ``MVOI``: Method 3, the MVOI action plan for public procurement (7 steps).
"""

from .due_diligence import METHOD as DUE_DILIGENCE
from .mvo_steps import METHOD as MVO_STEPS
from .mvoi import METHOD as MVOI

METHODS = [MVO_STEPS, DUE_DILIGENCE, MVOI]

__all__ = ["DUE_DILIGENCE", "METHODS", "MVOI", "MVO_STEPS"]
