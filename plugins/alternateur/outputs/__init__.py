"""The files the site writes besides its pages: calendars, JSON-LD, feeds, root files.

Writers read the model only.
"""
