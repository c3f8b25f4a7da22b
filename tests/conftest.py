"""Test set-up: Qt renders offscreen (set before any Qt import), so tests need no screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
