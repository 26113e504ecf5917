"""``invoke audit``: Lighthouse scores and screenshots of the real site."""
