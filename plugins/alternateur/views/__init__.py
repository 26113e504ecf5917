"""What the templates get, ready to show: the timeline, the agenda, an event's page.

Views read the model and say it in French; they never import a writer.
"""
