"""Pure, typed scoring of two projects; every weight lives in
``weights.WEIGHTS``.

A score is a number between 0 and 1 plus a list of reasons (plain dicts that
``matching.explain`` turns into German sentences and the API returns as is).
Nothing here touches the database or Elasticsearch.

- ``weights``: the kinds of match and the knobs;
- ``profile``: what scoring reads of a project and what it returns;
- ``proximity``: how close two projects work;
- ``similar``: comparable work;
- ``offers``: how well an offer answers a need;
- ``named``: listed offers another project's description names;
- ``complementary``: one offers what the other needs, with its reasons;
- ``ranking``: which scored partners a list keeps.
"""
