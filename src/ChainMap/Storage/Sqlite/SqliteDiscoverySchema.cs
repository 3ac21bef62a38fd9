namespace ChainMap.Storage.Sqlite;

/// <summary>
/// The migration steps of target discovery (versions 20–29), referenced from <see cref="SqliteSchema"/>.
/// </summary>
internal static class SqliteDiscoverySchema
{
    /// <summary>
    /// discovery_member: one row per membership with the company's place, strength and capital copied
    /// in, kept in step by triggers whoever writes companies or memberships (ADR 0020). It lets a
    /// ranked target list read the strongest companies of a segment in a region from one index
    /// instead of joining a million companies.
    /// </summary>
    public const string Members = """
        CREATE TABLE discovery_member(
            segment_code TEXT NOT NULL,
            company_id INTEGER NOT NULL,
            chain_code TEXT NOT NULL,
            province_code TEXT NOT NULL,
            city_code TEXT,
            county_code TEXT,
            strength REAL NOT NULL,
            capital REAL,
            PRIMARY KEY(segment_code, company_id)) WITHOUT ROWID;
        CREATE INDEX discovery_member_rank ON discovery_member(segment_code, strength DESC, company_id, province_code, city_code, county_code);
        CREATE INDEX discovery_member_by_company ON discovery_member(company_id);
        CREATE INDEX discovery_member_by_place ON discovery_member(chain_code, province_code, city_code, county_code);

        CREATE TRIGGER discovery_member_after_membership_insert AFTER INSERT ON company_segment
        BEGIN
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id;
        END;
        CREATE TRIGGER discovery_member_after_membership_delete AFTER DELETE ON company_segment
        BEGIN
            DELETE FROM discovery_member WHERE segment_code = OLD.segment_code AND company_id = OLD.company_id;
        END;
        CREATE TRIGGER discovery_member_after_membership_move AFTER UPDATE OF segment_code, chain_code, company_id ON company_segment
        BEGIN
            DELETE FROM discovery_member WHERE segment_code = OLD.segment_code AND company_id = OLD.company_id;
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id;
        END;
        CREATE TRIGGER discovery_member_after_company_update AFTER UPDATE OF province_code, city_code, county_code, strength, registered_capital ON company
        BEGIN
            UPDATE discovery_member SET province_code = NEW.province_code, city_code = NEW.city_code, county_code = NEW.county_code,
                strength = NEW.strength, capital = NEW.registered_capital
            WHERE company_id = NEW.id;
        END;
        CREATE TRIGGER discovery_member_after_company_delete AFTER DELETE ON company
        BEGIN
            DELETE FROM discovery_member WHERE company_id = OLD.id;
        END;

        """ + MembersBackfill;

    /// <summary>Fills discovery_member from every membership (its triggers fire per row).</summary>
    private const string MembersBackfill = """
        INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
        SELECT cs.segment_code, c.id, cs.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
        FROM company_segment cs JOIN company c ON c.id = cs.company_id;
        """;

    /// <summary>Introduction channels (商会, 协会, 校友会, 同乡会, 招商大使, 亲友), their region ties and their links.</summary>
    public const string Channels = """
        CREATE TABLE channel(
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            region_code TEXT,
            province_code TEXT,
            city_code TEXT,
            county_code TEXT,
            contact TEXT,
            note TEXT,
            source TEXT);
        CREATE INDEX channel_by_kind ON channel(kind, name_key, id);
        CREATE TABLE channel_tie(
            channel_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
            region_code TEXT NOT NULL,
            province_code TEXT NOT NULL,
            city_code TEXT,
            county_code TEXT,
            PRIMARY KEY(channel_id, region_code)) WITHOUT ROWID;
        CREATE TABLE channel_company(
            channel_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            note TEXT,
            source TEXT,
            PRIMARY KEY(channel_id, company_id)) WITHOUT ROWID;
        CREATE INDEX channel_company_by_company ON channel_company(company_id, channel_id);
        CREATE TABLE channel_channel(
            channel_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            note TEXT,
            source TEXT,
            PRIMARY KEY(channel_id, member_id),
            CHECK (channel_id <> member_id)) WITHOUT ROWID;
        CREATE INDEX channel_channel_by_member ON channel_channel(member_id, channel_id);
        """;

    /// <summary>
    /// discovery_count: per segment, the companies (count, capital, strength) of every province, city
    /// and county they are in, plus one row for all of them (region ''), kept in step with
    /// discovery_member by triggers (ADR 0023). Gap analyses, place counts and the totals of target
    /// lists read a few hundred of these rows instead of every membership. discovery_member.multi marks
    /// memberships of companies in more than one segment, so a total over several segments can count
    /// each company once. Back-filled from discovery_member.
    /// </summary>
    public const string Counts = """
        CREATE TABLE discovery_count(
            segment_code TEXT NOT NULL,
            region_code TEXT NOT NULL,
            level INTEGER NOT NULL,
            province_code TEXT,
            city_code TEXT,
            companies INTEGER NOT NULL,
            capital REAL NOT NULL,
            strength REAL NOT NULL,
            PRIMARY KEY(segment_code, region_code)) WITHOUT ROWID;
        CREATE INDEX discovery_count_by_level ON discovery_count(segment_code, level, region_code);

        CREATE TRIGGER discovery_count_before_member_replace BEFORE INSERT ON discovery_member
        WHEN EXISTS (SELECT 1 FROM discovery_member WHERE segment_code = NEW.segment_code AND company_id = NEW.company_id)
        BEGIN
            UPDATE discovery_count SET companies = companies - 1,
                capital = capital - (SELECT coalesce(capital, 0) FROM discovery_member WHERE segment_code = NEW.segment_code AND company_id = NEW.company_id),
                strength = strength - (SELECT strength FROM discovery_member WHERE segment_code = NEW.segment_code AND company_id = NEW.company_id)
            WHERE segment_code = NEW.segment_code AND region_code IN (
                SELECT '' UNION ALL
                SELECT value FROM discovery_member m, json_each(json_array(m.province_code, m.city_code, m.county_code))
                WHERE m.segment_code = NEW.segment_code AND m.company_id = NEW.company_id AND value IS NOT NULL);
        END;
        CREATE TRIGGER discovery_count_after_member_insert AFTER INSERT ON discovery_member
        BEGIN
            INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
            SELECT NEW.segment_code, p.region_code, p.level, p.province_code, p.city_code, 1, coalesce(NEW.capital, 0), NEW.strength
            FROM (SELECT '' AS region_code, 0 AS level, NULL AS province_code, NULL AS city_code
                  UNION ALL SELECT NEW.province_code, 1, NEW.province_code, NULL
                  UNION ALL SELECT NEW.city_code, 2, NEW.province_code, NEW.city_code
                      WHERE NEW.city_code IS NOT NULL AND NEW.city_code <> NEW.province_code
                  UNION ALL SELECT NEW.county_code, 3, NEW.province_code, NEW.city_code
                      WHERE NEW.county_code IS NOT NULL AND NEW.county_code <> NEW.province_code AND NEW.county_code IS NOT NEW.city_code) p
            WHERE true
            ON CONFLICT(segment_code, region_code) DO UPDATE SET companies = companies + 1,
                capital = capital + excluded.capital, strength = strength + excluded.strength;
        END;
        CREATE TRIGGER discovery_count_after_member_delete AFTER DELETE ON discovery_member
        BEGIN
            UPDATE discovery_count SET companies = companies - 1, capital = capital - coalesce(OLD.capital, 0), strength = strength - OLD.strength
            WHERE segment_code = OLD.segment_code AND region_code IN ('', OLD.province_code, OLD.city_code, OLD.county_code);
            DELETE FROM discovery_count
            WHERE segment_code = OLD.segment_code AND region_code IN ('', OLD.province_code, OLD.city_code, OLD.county_code) AND companies <= 0;
        END;
        CREATE TRIGGER discovery_count_after_member_update AFTER UPDATE OF segment_code, province_code, city_code, county_code, strength, capital ON discovery_member
        WHEN OLD.segment_code IS NOT NEW.segment_code OR OLD.province_code IS NOT NEW.province_code OR OLD.city_code IS NOT NEW.city_code
            OR OLD.county_code IS NOT NEW.county_code OR OLD.strength IS NOT NEW.strength OR OLD.capital IS NOT NEW.capital
        BEGIN
            UPDATE discovery_count SET companies = companies - 1, capital = capital - coalesce(OLD.capital, 0), strength = strength - OLD.strength
            WHERE segment_code = OLD.segment_code AND region_code IN ('', OLD.province_code, OLD.city_code, OLD.county_code);
            DELETE FROM discovery_count
            WHERE segment_code = OLD.segment_code AND region_code IN ('', OLD.province_code, OLD.city_code, OLD.county_code) AND companies <= 0;
            INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
            SELECT NEW.segment_code, p.region_code, p.level, p.province_code, p.city_code, 1, coalesce(NEW.capital, 0), NEW.strength
            FROM (SELECT '' AS region_code, 0 AS level, NULL AS province_code, NULL AS city_code
                  UNION ALL SELECT NEW.province_code, 1, NEW.province_code, NULL
                  UNION ALL SELECT NEW.city_code, 2, NEW.province_code, NEW.city_code
                      WHERE NEW.city_code IS NOT NULL AND NEW.city_code <> NEW.province_code
                  UNION ALL SELECT NEW.county_code, 3, NEW.province_code, NEW.city_code
                      WHERE NEW.county_code IS NOT NULL AND NEW.county_code <> NEW.province_code AND NEW.county_code IS NOT NEW.city_code) p
            WHERE true
            ON CONFLICT(segment_code, region_code) DO UPDATE SET companies = companies + 1,
                capital = capital + excluded.capital, strength = strength + excluded.strength;
        END;

        ALTER TABLE discovery_member ADD COLUMN multi INTEGER NOT NULL DEFAULT 0;
        CREATE TRIGGER discovery_member_multi_after_insert AFTER INSERT ON discovery_member
        WHEN EXISTS (SELECT 1 FROM discovery_member x WHERE x.company_id = NEW.company_id AND x.segment_code <> NEW.segment_code)
        BEGIN
            UPDATE discovery_member SET multi = 1 WHERE company_id = NEW.company_id AND multi = 0;
        END;
        CREATE TRIGGER discovery_member_multi_after_delete AFTER DELETE ON discovery_member
        WHEN (SELECT count(*) FROM discovery_member x WHERE x.company_id = OLD.company_id) = 1
        BEGIN
            UPDATE discovery_member SET multi = 0 WHERE company_id = OLD.company_id;
        END;
        """ + MultiBackfill + """
        CREATE INDEX discovery_member_multi ON discovery_member(segment_code, company_id, province_code, city_code, county_code) WHERE multi = 1;

        """ + CountsBackfill;

    /// <summary>Marks the memberships of companies in more than one segment.</summary>
    private const string MultiBackfill = """
        UPDATE discovery_member SET multi = 1
        WHERE company_id IN (SELECT company_id FROM discovery_member GROUP BY company_id HAVING count(*) > 1);
        """;

    /// <summary>Fills discovery_count from discovery_member: all, then per province, city and county.</summary>
    private const string CountsBackfill = """
        INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
        SELECT segment_code, '', 0, NULL, NULL, count(*), sum(coalesce(capital, 0)), sum(strength)
        FROM discovery_member GROUP BY segment_code;
        INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
        SELECT segment_code, province_code, 1, province_code, NULL, count(*), sum(coalesce(capital, 0)), sum(strength)
        FROM discovery_member GROUP BY segment_code, province_code;
        INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
        SELECT segment_code, city_code, 2, min(province_code), city_code, count(*), sum(coalesce(capital, 0)), sum(strength)
        FROM discovery_member WHERE city_code IS NOT NULL AND city_code <> province_code
        GROUP BY segment_code, city_code;
        INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
        SELECT segment_code, county_code, 3, min(province_code), min(city_code), count(*), sum(coalesce(capital, 0)), sum(strength)
        FROM discovery_member WHERE county_code IS NOT NULL AND county_code <> province_code AND county_code IS NOT city_code
        GROUP BY segment_code, county_code;
        """;

    /// <summary>
    /// Membership status (ADR 0135): company_segment.status is 'confirmed' or 'unconfirmed' (待确认); rows
    /// stored before become confirmed. Only confirmed memberships reach discovery_member (and so
    /// discovery_count, gap ratings and target lists): the insert and move triggers are recreated with
    /// the status in their condition, and a status change moves a row in or out. The company keeps the
    /// industry and scope text the classifier read, so a re-classification sees the same signals.
    /// </summary>
    public const string MembershipStatus = """
        ALTER TABLE company_segment ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed';
        ALTER TABLE company ADD COLUMN industry TEXT;
        ALTER TABLE company ADD COLUMN scope TEXT;
        ALTER TABLE import_job ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;
        UPDATE company_segment SET source = 'classifier:' || coalesce(source, '')
        WHERE confidence < 1.0 AND (source IS NULL OR source NOT LIKE 'classifier:%');
        CREATE INDEX company_segment_unconfirmed ON company_segment(segment_code, company_id) WHERE status = 'unconfirmed';

        DROP TRIGGER IF EXISTS discovery_member_after_membership_insert;
        DROP TRIGGER IF EXISTS discovery_member_after_membership_move;
        CREATE TRIGGER discovery_member_after_membership_insert AFTER INSERT ON company_segment
        WHEN NEW.status = 'confirmed'
        BEGIN
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id;
        END;
        CREATE TRIGGER discovery_member_after_membership_move AFTER UPDATE OF segment_code, chain_code, company_id, status ON company_segment
        BEGIN
            DELETE FROM discovery_member WHERE segment_code = OLD.segment_code AND company_id = OLD.company_id;
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id AND NEW.status = 'confirmed';
        END;
        """;

    /// <summary>
    /// Rebuilds discovery_member and discovery_count from the companies and memberships in bulk, after a
    /// bulk load that ran without the membership trigger (<see cref="SqliteCompanyImportSession"/>). The
    /// caller drops the triggers on discovery_member first and recreates them after, in one transaction.
    /// The member rows go in with <c>OR IGNORE</c>, not <c>OR REPLACE</c> (ADR 0475): into the emptied table, from memberships
    /// whose key (company, segment) is unique and whose copied columns are NOT NULL where they come from, both write the same
    /// rows; but a statement that may abort half-way (a NOT NULL check under <c>OR REPLACE</c> aborts) keeps a statement
    /// journal of every page it rewrites, and an import's transaction keeps it in memory (temp_store=MEMORY when it began):
    /// about 90 MiB at a million members, the largest part of the end's peak.
    /// </summary>
    public static readonly string Rebuild = """
        DELETE FROM discovery_count;
        DELETE FROM discovery_member;
        INSERT OR IGNORE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
        SELECT cs.segment_code, c.id, cs.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
        FROM company_segment cs JOIN company c ON c.id = cs.company_id
        WHERE cs.status = 'confirmed' AND cs.segment_code <> cs.chain_code;

        """ + MultiBackfill + "\n" + CountsBackfill + "\n" + MemberTagsFromMemberships;

    /// <summary>
    /// The statements of <see cref="Rebuild"/>, one by one (none holds a trigger body, so each ends with the ";" that ends its line).
    /// </summary>
    public static readonly IReadOnlyList<string> RebuildStatements =
        Rebuild.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// discovery_channel_member: channel_company with each member's strength and place copied in, kept in
    /// step by triggers (ADR 0025). The introduction-path search follows at most ten home and ten other
    /// members of a channel, strongest first; this index hands it those without reading and sorting
    /// every member of an association. Back-filled from channel_company.
    /// </summary>
    public const string ChannelMembers = """
        CREATE TABLE discovery_channel_member(
            channel_id INTEGER NOT NULL,
            company_id INTEGER NOT NULL,
            role TEXT NOT NULL,
            strength REAL NOT NULL,
            province_code TEXT NOT NULL,
            city_code TEXT,
            county_code TEXT,
            PRIMARY KEY(channel_id, company_id)) WITHOUT ROWID;
        CREATE INDEX discovery_channel_member_rank ON discovery_channel_member(channel_id, strength DESC, company_id, role, province_code, city_code, county_code);
        CREATE INDEX discovery_channel_member_by_company ON discovery_channel_member(company_id);

        CREATE TRIGGER discovery_channel_member_after_link_insert AFTER INSERT ON channel_company
        BEGIN
            INSERT OR REPLACE INTO discovery_channel_member(channel_id, company_id, role, strength, province_code, city_code, county_code)
            SELECT NEW.channel_id, c.id, NEW.role, c.strength, c.province_code, c.city_code, c.county_code FROM company c WHERE c.id = NEW.company_id;
        END;
        CREATE TRIGGER discovery_channel_member_after_link_delete AFTER DELETE ON channel_company
        BEGIN
            DELETE FROM discovery_channel_member WHERE channel_id = OLD.channel_id AND company_id = OLD.company_id;
        END;
        CREATE TRIGGER discovery_channel_member_after_link_update AFTER UPDATE OF channel_id, company_id, role ON channel_company
        BEGIN
            DELETE FROM discovery_channel_member WHERE channel_id = OLD.channel_id AND company_id = OLD.company_id;
            INSERT OR REPLACE INTO discovery_channel_member(channel_id, company_id, role, strength, province_code, city_code, county_code)
            SELECT NEW.channel_id, c.id, NEW.role, c.strength, c.province_code, c.city_code, c.county_code FROM company c WHERE c.id = NEW.company_id;
        END;
        CREATE TRIGGER discovery_channel_member_after_company_update AFTER UPDATE OF province_code, city_code, county_code, strength ON company
        WHEN OLD.province_code IS NOT NEW.province_code OR OLD.city_code IS NOT NEW.city_code OR OLD.county_code IS NOT NEW.county_code
            OR OLD.strength IS NOT NEW.strength
        BEGIN
            UPDATE discovery_channel_member SET province_code = NEW.province_code, city_code = NEW.city_code, county_code = NEW.county_code,
                strength = NEW.strength
            WHERE company_id = NEW.id;
        END;
        CREATE TRIGGER discovery_channel_member_after_company_delete AFTER DELETE ON company
        BEGIN
            DELETE FROM discovery_channel_member WHERE company_id = OLD.id;
        END;

        INSERT OR REPLACE INTO discovery_channel_member(channel_id, company_id, role, strength, province_code, city_code, county_code)
        SELECT l.channel_id, c.id, l.role, c.strength, c.province_code, c.city_code, c.county_code
        FROM channel_company l JOIN company c ON c.id = l.company_id;
        """;

    /// <summary>
    /// A company's tags ('|'-joined, in <paramref name="tags"/>: a column such as <c>c.tags</c> or <c>NEW.tags</c>) as
    /// the rows of <c>json_each</c> (column <c>value</c>; the empty string is one of them when there are none). Quotes
    /// and backslashes are escaped; tags that still do not make valid JSON (control characters) count as one tag, the
    /// whole text, rather than fail the write.
    /// </summary>
    private static string CompanyTagsOf(string tags) => $$"""
        json_each(CASE WHEN json_valid('["' || replace(replace(replace({{tags}}, '\', '\\'), '"', '\"'), '|', '","') || '"]')
                       THEN '["' || replace(replace(replace({{tags}}, '\', '\\'), '"', '\"'), '|', '","') || '"]' ELSE json_array({{tags}}) END) t

        """;

    /// <summary>
    /// The body shared by the triggers after a discovery_member row is inserted or updated: the tag rows of the
    /// membership <paramref name="row"/> names (<c>NEW</c> or <c>OLD</c>) are removed, and those of the new row
    /// written from its company's tags, with its strength, capital and place.
    /// </summary>
    private static string MemberTagsRewritten(string row) => $$"""
            DELETE FROM discovery_member_tag WHERE company_id = {{row}}.company_id AND segment_code = {{row}}.segment_code;
            INSERT OR IGNORE INTO discovery_member_tag(tag, segment_code, company_id, strength, capital, province_code, city_code, county_code)
            SELECT t.value, NEW.segment_code, NEW.company_id, NEW.strength, NEW.capital, NEW.province_code, NEW.city_code, NEW.county_code
            FROM company c, 
        """ + CompanyTagsOf("c.tags") + """
            WHERE c.id = NEW.company_id AND t.value <> '';
        END;

        """;

    /// <summary>
    /// Migration 220 (ADR 0320): the triggers that copy a company's place, strength and capital, or a membership, into the
    /// discovery tables run only when a copied value changed. <c>UPDATE OF</c> fires whenever a column is in the SET list,
    /// and an import's update always sets the strength and rewrites the statuses of the memberships it writes: a row whose
    /// head count or address changed, or a membership rewritten with the same segment and status, rewrote the company's
    /// discovery rows and their tag rows (and moved its counts out and back in) for nothing.
    /// </summary>
    /// <summary>
    /// The trigger that moves a membership's row of discovery_member when its segment, chain, company or status changes (migration
    /// 220, ADR 0320), copying it back only when <paramref name="counted"/> holds (migration 240, ADR 0370: a chain-level membership
    /// is in no segment's figures).
    /// </summary>
    internal static string MembershipMoveTrigger(string counted) => $"""

        DROP TRIGGER IF EXISTS discovery_member_after_membership_move;
        CREATE TRIGGER discovery_member_after_membership_move AFTER UPDATE OF segment_code, chain_code, company_id, status ON company_segment
        WHEN OLD.segment_code IS NOT NEW.segment_code OR OLD.chain_code IS NOT NEW.chain_code OR OLD.company_id IS NOT NEW.company_id
            OR OLD.status IS NOT NEW.status
        BEGIN
            DELETE FROM discovery_member WHERE segment_code = OLD.segment_code AND company_id = OLD.company_id;
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id AND {counted};
        END;

        """;

    public static readonly string TriggersOnChange = """
        DROP TRIGGER IF EXISTS discovery_member_after_company_update;
        CREATE TRIGGER discovery_member_after_company_update AFTER UPDATE OF province_code, city_code, county_code, strength, registered_capital ON company
        WHEN OLD.province_code IS NOT NEW.province_code OR OLD.city_code IS NOT NEW.city_code OR OLD.county_code IS NOT NEW.county_code
            OR OLD.strength IS NOT NEW.strength OR OLD.registered_capital IS NOT NEW.registered_capital
        BEGIN
            UPDATE discovery_member SET province_code = NEW.province_code, city_code = NEW.city_code, county_code = NEW.county_code,
                strength = NEW.strength, capital = NEW.registered_capital
            WHERE company_id = NEW.id;
        END;
        """ + MembershipMoveTrigger("NEW.status = 'confirmed'") + """
        DROP TRIGGER IF EXISTS discovery_member_tag_after_member_update;
        CREATE TRIGGER discovery_member_tag_after_member_update
        AFTER UPDATE OF segment_code, company_id, province_code, city_code, county_code, strength, capital ON discovery_member
        WHEN OLD.segment_code IS NOT NEW.segment_code OR OLD.company_id IS NOT NEW.company_id OR OLD.province_code IS NOT NEW.province_code
            OR OLD.city_code IS NOT NEW.city_code OR OLD.county_code IS NOT NEW.county_code OR OLD.strength IS NOT NEW.strength
            OR OLD.capital IS NOT NEW.capital
        BEGIN

        """ + MemberTagsRewritten("OLD");

    /// <summary>Fills discovery_member_tag from discovery_member and the companies' tags.</summary>
    private static string MemberTagsRebuild => MemberTagsFilled(
        "m.segment_code, m.company_id, m.strength, m.capital, m.province_code, m.city_code, m.county_code",
        "discovery_member m JOIN company c ON c.id = m.company_id",
        "c.tags <> ''");

    /// <summary>
    /// Fills discovery_member_tag as <see cref="MemberTagsRebuild"/> does, read from the confirmed memberships and their
    /// companies instead of from discovery_member (ADR 0335): right after <see cref="Rebuild"/> has written
    /// discovery_member from the same join the rows are the same, but company_segment is in company order, so each
    /// company is read once, in id order (one pass over the table), instead of once per membership in segment order (a
    /// random read of the company table per membership: about a fifth of the end rebuild's CPU at 200,000 companies).
    /// </summary>
    private static string MemberTagsFromMemberships => MemberTagsFilled(
        "cs.segment_code, c.id, c.strength, c.registered_capital, c.province_code, c.city_code, c.county_code",
        "company_segment cs JOIN company c ON c.id = cs.company_id",
        "cs.status = 'confirmed' AND cs.segment_code <> cs.chain_code AND c.tags <> ''");

    /// <summary>
    /// Empties discovery_member_tag and fills it, in key order, with a row per tag of company <c>c</c> and membership
    /// <paramref name="member"/> (its segment, company id, strength, capital, province, city and county) read
    /// <paramref name="from"/> where <paramref name="where"/> holds.
    /// </summary>
    private static string MemberTagsFilled(string member, string from, string where) => $"""
        DELETE FROM discovery_member_tag;
        INSERT OR IGNORE INTO discovery_member_tag(tag, segment_code, company_id, strength, capital, province_code, city_code, county_code)
        SELECT t.value, {member}
        FROM {from}, {CompanyTagsOf("c.tags")}
        WHERE {where} AND t.value <> ''
        ORDER BY 1, 2, 3;

        """;

    /// <summary>
    /// discovery_member_tag (migration 210, ADR 0211): one row per confirmed membership and tag of its company, with
    /// the membership's strength, capital and place copied in, kept in step with discovery_member and the company's
    /// tags by triggers. A list filtered by tags reads its candidates (strongest first, from the rank index) and
    /// counts its total from these rows alone, instead of joining every membership of the chain to its company.
    /// </summary>
    public static readonly string MemberTags = """
        CREATE TABLE discovery_member_tag(
            tag TEXT NOT NULL,
            segment_code TEXT NOT NULL,
            company_id INTEGER NOT NULL,
            strength REAL NOT NULL,
            capital REAL,
            province_code TEXT NOT NULL,
            city_code TEXT,
            county_code TEXT,
            PRIMARY KEY(tag, segment_code, company_id)) WITHOUT ROWID;
        CREATE INDEX discovery_member_tag_rank ON discovery_member_tag(tag, segment_code, strength DESC, company_id);
        CREATE INDEX discovery_member_tag_by_member ON discovery_member_tag(company_id, segment_code);

        CREATE TRIGGER discovery_member_tag_after_member_insert AFTER INSERT ON discovery_member
        BEGIN

        """ + MemberTagsRewritten("NEW") + """
        CREATE TRIGGER discovery_member_tag_after_member_delete AFTER DELETE ON discovery_member
        BEGIN
            DELETE FROM discovery_member_tag WHERE company_id = OLD.company_id AND segment_code = OLD.segment_code;
        END;
        CREATE TRIGGER discovery_member_tag_after_member_update
        AFTER UPDATE OF segment_code, company_id, province_code, city_code, county_code, strength, capital ON discovery_member
        BEGIN

        """ + MemberTagsRewritten("OLD") + """
        CREATE TRIGGER discovery_member_tag_after_company_tags AFTER UPDATE OF tags ON company
        WHEN OLD.tags IS NOT NEW.tags
        BEGIN
            DELETE FROM discovery_member_tag WHERE company_id = NEW.id;
            INSERT OR IGNORE INTO discovery_member_tag(tag, segment_code, company_id, strength, capital, province_code, city_code, county_code)
            SELECT t.value, m.segment_code, m.company_id, m.strength, m.capital, m.province_code, m.city_code, m.county_code
            FROM discovery_member m, 
        """ + CompanyTagsOf("NEW.tags") + """
            WHERE m.company_id = NEW.id AND t.value <> '';
        END;

        CREATE INDEX discovery_member_capital ON discovery_member(segment_code, capital, company_id, province_code, city_code, county_code, multi);

        """ + MemberTagsRebuild;

    /// <summary>
    /// Migration 230 (ADR 0340): a list with a minimum capital reads no table row. The rank index carries the capital
    /// (its candidates are read strongest first and the capital tested from the index), the count of a list scoped to
    /// provinces seeks (segment, province, capital ≥ minimum) instead of reading every membership of the segment above the
    /// minimum, and the index of memberships in several segments carries the capital for the count's correction.
    /// </summary>
    public const string CapitalInIndexes = """
        DROP INDEX discovery_member_rank;
        CREATE INDEX discovery_member_rank ON discovery_member(segment_code, strength DESC, company_id, province_code, city_code, county_code, capital);
        CREATE INDEX discovery_member_capital_by_province ON discovery_member(segment_code, province_code, capital, city_code, county_code);
        DROP INDEX discovery_member_multi;
        CREATE INDEX discovery_member_multi ON discovery_member(segment_code, company_id, province_code, city_code, county_code, capital) WHERE multi = 1;
        """;
}
