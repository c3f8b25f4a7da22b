"""Test set-up: Qt renders offscreen (set before any Qt import), so tests need no screen."""

import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI the property tests replay the same examples every run, so a result never depends on
# luck; run `pytest --hypothesis-profile=explore` locally to search new examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "explore")
