"""``python -m isisgraph`` runs the command-line interface."""

from isisgraph.cli import main

main()
