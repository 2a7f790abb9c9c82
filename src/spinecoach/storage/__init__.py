"""SQLite persistence for sessions, pain entries, custom routines and settings."""
