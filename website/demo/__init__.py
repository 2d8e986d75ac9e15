"""German demo content for ``manage.py load_demo``.

The content lives in ``website.demo.data`` as plain Python data; ``builder`` creates
the pages and snippets idempotently (by slug or name) and publishes through
``revision.publish()`` so the search outbox sees every page. ``pairs`` lists
hand-picked similar, complementary and non-matching projects for the matching
quality benchmark."""
