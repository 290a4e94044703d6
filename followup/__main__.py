"""`python -m followup`: the command line, as the `followup` script runs it."""
from followup.cli import main

main(prog_name="followup")
