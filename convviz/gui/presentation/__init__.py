"""Pure presentation logic with no Qt import: stage columns, tilings, number and equation formatting.

Tested on its own, like the engine; the Qt views only turn its results into pixels and text.
"""
