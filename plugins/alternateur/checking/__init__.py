"""The rules of one file and of the whole site, their report, and the scaffolds.

Run inside the build's own reading (``hooks/checking.py``): ``invoke check``
is that reading, stopped before anything is written.
"""
