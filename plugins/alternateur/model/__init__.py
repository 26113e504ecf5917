"""What authors write, typed and checked: no file, no display.

The contract (``schema``), the values it accepts (``values``, ``dates``,
``recurrence``), the kinds of content with their own facts (``contents``:
an event's place, whether it is all day), their occurrences, the special
pages, the site's public address and the build's "now".
"""
