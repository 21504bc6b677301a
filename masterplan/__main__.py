"""Entry point for ``python -m masterplan``."""

from masterplan.cli import main

if __name__ == "__main__":
    main()
