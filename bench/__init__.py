"""The site's benchmark: how long authors wait, against stock Pelican and Hugo.

``invoke bench`` (or ``python -m bench``) generates synthetic content in the
site's schema, builds it several ways, and reports medians, peak memory,
ratios and the budgets of issue 8. See « Performances » in docs/architecture.md.
"""
