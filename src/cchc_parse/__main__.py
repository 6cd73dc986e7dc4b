"""`python -m cchc_parse` runs the command line."""

from cchc_parse.cli import main

main()
