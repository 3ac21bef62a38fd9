--# The statements that read discovery_member (and the map's count reads), in the shapes src/ChainMap/Storage/Sqlite/ issues them,
--# NEW.x and OLD.x of the trigger bodies as parameters; the last one is a control nothing issues (ADR 0535).
-- top candidates, no filter (TopCandidatesCommand)
SELECT m.company_id, m.strength FROM discovery_member m INDEXED BY discovery_member_rank WHERE m.segment_code = $segment AND NOT 0 ORDER BY m.strength DESC, m.company_id LIMIT $limit
-- top candidates, provinces
SELECT m.company_id, m.strength FROM discovery_member m INDEXED BY discovery_member_rank WHERE m.segment_code = $segment AND (m.province_code IN (SELECT value FROM json_each($scope_province))) AND NOT 0 ORDER BY m.strength DESC, m.company_id LIMIT $limit
-- top candidates, cities and counties, one province excluded, min strength and capital
SELECT m.company_id, m.strength FROM discovery_member m INDEXED BY discovery_member_rank WHERE m.segment_code = $segment AND (m.city_code IN (SELECT value FROM json_each($scope_city)) OR m.county_code IN (SELECT value FROM json_each($scope_county))) AND NOT coalesce((m.province_code IN (SELECT value FROM json_each($excluded_province))), 0) AND m.strength >= $min_strength AND m.capital >= $min_capital ORDER BY m.strength DESC, m.company_id LIMIT $limit
-- top candidates, tags
SELECT DISTINCT m.company_id, m.strength FROM discovery_member_tag m INDEXED BY discovery_member_tag_rank WHERE m.segment_code = $segment AND NOT 0 AND m.tag IN (SELECT value FROM json_each($tags)) ORDER BY m.strength DESC, m.company_id LIMIT $limit
-- capital count, everywhere (CapitalMembershipsCommand)
SELECT count(*) FROM discovery_member m INDEXED BY discovery_member_capital WHERE m.segment_code IN (SELECT value FROM json_each($segments)) AND NOT 0 AND m.capital >= $min_capital
-- capital count, provinces
SELECT count(*) FROM discovery_member m INDEXED BY discovery_member_capital_by_province WHERE m.segment_code IN (SELECT value FROM json_each($segments)) AND (m.province_code IN (SELECT value FROM json_each($scope_province))) AND NOT 0 AND m.capital >= $min_capital
-- multi correction
SELECT count(*) - count(DISTINCT m.company_id) FROM discovery_member m INDEXED BY discovery_member_multi WHERE m.multi = 1 AND m.segment_code IN (SELECT value FROM json_each($segments)) AND NOT 0 AND m.capital >= $min_capital
-- counts by region (ReadCountsAsync)
SELECT c.segment_code, c.region_code, c.companies FROM discovery_count c WHERE c.segment_code IN (SELECT value FROM json_each($segments)) AND c.region_code IN (SELECT value FROM json_each($codes))
-- counts by level (map)
SELECT c.segment_code, c.region_code, c.companies FROM discovery_count c INDEXED BY discovery_count_by_level WHERE c.segment_code IN (SELECT value FROM json_each($segments)) AND c.level IN (1, 2)
-- trigger: company update (discovery_member_after_company_update)
UPDATE discovery_member SET province_code = $p, city_code = $c, county_code = $k, strength = $s, capital = $cap WHERE company_id = $id
-- trigger: company delete
DELETE FROM discovery_member WHERE company_id = $id
-- trigger: membership delete / move
DELETE FROM discovery_member WHERE segment_code = $seg AND company_id = $id
-- trigger: member replace (discovery_count_before_member_replace, its WHEN and region list)
SELECT value FROM discovery_member m, json_each(json_array(m.province_code, m.city_code, m.county_code)) WHERE m.segment_code = $seg AND m.company_id = $id AND value IS NOT NULL
-- trigger: multi after insert (WHEN)
SELECT 1 FROM discovery_member x WHERE x.company_id = $id AND x.segment_code <> $seg
-- trigger: multi after insert (body)
UPDATE discovery_member SET multi = 1 WHERE company_id = $id AND multi = 0
-- trigger: multi after delete (WHEN)
SELECT count(*) FROM discovery_member x WHERE x.company_id = $id
-- trigger: tags after company tags
SELECT m.segment_code, m.company_id FROM discovery_member m, json_each($tags) t WHERE m.company_id = $id AND t.value <> ''
-- rebuild: multi
UPDATE discovery_member SET multi = 1 WHERE company_id IN (SELECT company_id FROM discovery_member GROUP BY company_id HAVING count(*) > 1)
-- rebuild: counts by province
SELECT segment_code, province_code, 1, province_code, NULL, count(*), sum(coalesce(capital, 0)), sum(strength) FROM discovery_member GROUP BY segment_code, province_code
-- rebuild: counts by county
SELECT segment_code, county_code, 3, min(province_code), min(city_code), count(*), sum(coalesce(capital, 0)), sum(strength) FROM discovery_member WHERE county_code IS NOT NULL AND county_code <> province_code AND county_code IS NOT city_code GROUP BY segment_code, county_code
-- tests: discovery members in key order (MixedImportTests)
SELECT * FROM discovery_member ORDER BY segment_code, company_id
-- a read by chain and place (the shape the index would serve; no such read in src/)
SELECT count(*) FROM discovery_member WHERE chain_code = $chain AND province_code = $p
