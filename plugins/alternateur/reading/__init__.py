"""How files become content: Pelican's Markdown reader, and the header as written."""
