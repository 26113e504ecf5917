"""``python -m bench``: the same as ``invoke bench``."""

from .run import main

main()
