"""Bulk writers shared by the benchmarks' synthetic project generators.

Publishing through Wagtail manages a few pages a second; the generators build
their content themselves and hand the unsaved pages to these modules, which
write the rows directly: ``pages`` places them in the treebeard tree and
inserts page, project and revision rows, ``relations`` the districts, fields
of action, target groups, tags, offers and needs.
"""
