"""Where the plugin meets Pelican's build: generators, the check, staging, memory.

``register()`` (the package's ``__init__``) connects these to Pelican's
signals, in the order of the build.
"""
