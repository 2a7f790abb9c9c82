"""A clinician's programme: routines with how often to do them, from a file they can edit.

`model` holds the data (`Programme`, `Frequency`), `format` reads and writes the file
(docs/PROGRAMME_FORMAT.md) and says what is wrong with a broken one, line by line (with
`lines`, in the words of `problems`), and `adherence` counts the sessions done against the
sessions asked for, per week. Pure Python, like the rest of the core.
"""
