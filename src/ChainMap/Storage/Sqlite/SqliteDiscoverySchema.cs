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
}
