-- The commune report's work written by hand: the same queries `tungnha report` runs
-- (Store.householdCellsSQL over the covering index, Store.memberCellsSQL over the member tally),
-- with the 30-day cut-off fixed. Run against a store: sqlite3 STORE < bench/report.sql
SELECT scheme, commune, village_key, min(village), count(*), sum(visits > 0), sum(covered),
    sum(last_visit_ms IS NULL OR last_visit_ms < 1792000000000), max(last_activity_ms)
FROM household WHERE merged_into IS NULL AND moved = 0
GROUP BY scheme, commune, village_key;
SELECT scheme, commune, '' AS village_key, birth_year, sum(members), sum(dvctt), sum(level2)
FROM member_tally WHERE scheme = '2025' GROUP BY scheme, commune, birth_year
UNION ALL
SELECT scheme, commune, village_key, birth_year, members, dvctt, level2 FROM member_tally WHERE scheme = 'pre2025' AND members > 0;
