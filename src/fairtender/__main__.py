"""``python -m fairtender`` runs the CLI."""

from fairtender.cli.main import main

if __name__ == "__main__":  # pragma: no branch
    main()
