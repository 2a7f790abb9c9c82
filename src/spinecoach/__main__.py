"""Allow `python -m spinecoach`."""

from spinecoach.app import main

raise SystemExit(main())
