"""The grammar of Vietnamese official documents: regular-expression pieces shared by several modules.

Each module holds one concept (:mod:`.pieces`, :mod:`.dates`, :mod:`.labels`, :mod:`.syllables`,
:mod:`.layout`, :mod:`.documents`), built from named pieces, each non-obvious pattern with a comment saying
what it matches and why. A pattern that only one module uses lives in that module; a pattern built from a
data file's words is built, and cached, in the module that loads the words.
"""
