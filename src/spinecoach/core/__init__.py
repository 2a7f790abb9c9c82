"""Pure domain logic: no Qt, no SQLite, no file locations -- everything here is testable alone."""
