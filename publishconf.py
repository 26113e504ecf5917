"""Production settings: ``pelicanconf.py`` plus what publishing needs."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://alternateur.github.io").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
