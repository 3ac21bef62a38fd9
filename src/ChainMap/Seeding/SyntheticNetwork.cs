using System.Globalization;
using ChainMap.Domain;
using ChainMap.Regions;
using CsvHelper;

namespace ChainMap.Seeding;

/// <summary>A company as the network generator sees it.</summary>
internal sealed record NetworkCompany(string Uscc, string RegionCode, string SegmentCode, double Strength);

/// <summary>The generated tables, each a list of rows in its header's column order.</summary>
internal sealed record NetworkTables(IReadOnlyList<string[]> Channels, IReadOnlyList<string[]> Links, IReadOnlyList<string[]> Relations);

/// <summary>
/// Generates a clearly synthetic, deterministic network around the home region for the demo data and
/// the benchmarks: chambers of commerce of the home city and of its province in the big business
/// cities, an industry association per chain, alumni associations of the province's universities,
/// hometown associations, investment ambassadors and people, their links to companies, and supply
/// and equity relations between home companies and companies elsewhere that follow the chains'
/// flow edges. Every channel name ends in "(示例)".
/// </summary>
internal static class SyntheticNetwork
{
    public static readonly string[] ChannelHeader = ["code", "name", "kind", "region", "tied_regions", "contact", "note"];
    public static readonly string[] LinkHeader = ["channel", "company_uscc", "member_channel", "role", "note"];
    public static readonly string[] RelationHeader = ["from_uscc", "to_uscc", "kind", "note"];

    // Where chambers, alumni and ambassadors sit: big business cities (code, short name).
    private static readonly (string Code, string Short)[] Hubs =
    [
        ("310000", "上海"), ("440300", "深圳"), ("420100", "武汉"), ("110000", "北京"), ("330100", "杭州"),
        ("320500", "苏州"), ("440100", "广州"), ("510100", "成都"), ("500000", "重庆"),
    ];

    private static readonly string[] Universities = ["武汉大学", "华中科技大学", "武汉理工大学", "湖北大学", "湖北工业大学"];

    private static readonly string[] Surnames = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"];

    /// <summary>
    /// Builds the tables. <paramref name="membersPerChannel"/> scales association sizes; every home
    /// company gets up to two supply relations (and one in ten an equity tie) with companies elsewhere.
    /// </summary>
    public static NetworkTables Generate(IReadOnlyList<NetworkCompany> companies, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode, int seed, int membersPerChannel = 20)
    {
        var random = new Random(seed);
        var home = regions.Find(homeCode);
        var homeName = home?.Name ?? homeCode;
        var homeShort = homeName.Length > 2 && homeName.EndsWith('市') ? homeName[..^1] : homeName;
        var province = home is null ? null : regions.Lineage(homeCode).FirstOrDefault(r => r.Level == RegionLevel.Province);
        var provinceShort = province?.Name.TrimEnd('省') ?? string.Empty;

        var places = new Dictionary<string, (string Province, string? City, string? County)>(StringComparer.Ordinal);
        bool Within(NetworkCompany c, string region)
        {
            if (!places.TryGetValue(c.RegionCode, out var p))
            {
                places[c.RegionCode] = p = regions.Place(c.RegionCode);
            }

            return c.RegionCode == region || p.Province == region || p.City == region || p.County == region;
        }

        var ordered = companies.OrderBy(c => c.Uscc, StringComparer.Ordinal).ToList();
        var local = ordered.Where(c => homeCode.Length > 0 && Within(c, homeCode)).ToList();
        var localKeys = local.Select(c => c.Uscc).ToHashSet(StringComparer.Ordinal);
        var outside = ordered.Where(c => !localKeys.Contains(c.Uscc)).ToList();
        var outsideBySegment = outside.GroupBy(c => c.SegmentCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var chainOf = chains.SelectMany(c => c.Segments.Select(s => (s.Code, Chain: c))).ToDictionary(p => p.Code, p => p.Chain, StringComparer.Ordinal);
        var byHub = Hubs.ToDictionary(h => h.Code, h => outside.Where(c => Within(c, h.Code)).ToList(), StringComparer.Ordinal);
        List<NetworkCompany> In(string regionCode) => byHub[regionCode];

        var channels = new List<string[]>();
        var links = new List<string[]>();
        var linked = new HashSet<(string, string)>();
        void Channel(string code, string name, ChannelKind kind, string region, string ties, string note) =>
            channels.Add([code, name, kind.ToWire(), region, ties, string.Empty, note]);
        void Link(string channel, string? uscc, string? member, ChannelRole role, string note)
        {
            if (linked.Add((channel, uscc ?? "ch:" + member)))
            {
                links.Add([channel, uscc ?? string.Empty, member ?? string.Empty, role.ToWire(), note]);
            }
        }

        IEnumerable<NetworkCompany> Sample(List<NetworkCompany> pool, int count) =>
            pool.Count <= count ? pool : Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Count)]).DistinctBy(c => c.Uscc);

        // Ambassadors and home-town entrepreneurs: people tied to the home region, living in the hubs.
        var people = new List<(string Code, string Hub)>();
        for (var i = 0; i < Hubs.Length; i++)
        {
            var (hub, hubShort) = Hubs[i];
            var ambassador = $"AMB-{hub}";
            Channel(ambassador, $"{Surnames[i % Surnames.Length]}某（{homeShort}驻{hubShort}招商大使）(示例)", ChannelKind.InvestmentAmbassador, hub, homeCode, $"{homeName}聘任的招商大使");
            people.Add((ambassador, hub));
            foreach (var company in Sample(In(hub), Math.Max(3, membersPerChannel / 4)))
            {
                Link(ambassador, company.Uscc, null, random.Next(3) switch { 0 => ChannelRole.Executive, 1 => ChannelRole.Shareholder, _ => ChannelRole.Contact }, "招商大使的关系企业");
            }

            var native = $"PER-{hub}";
            Channel(native, $"{Surnames[(i + 5) % Surnames.Length]}某（在{hubShort}的{homeShort}籍企业家）(示例)", ChannelKind.Person, hub, homeCode, $"{homeShort}籍，亲友");
            people.Add((native, hub));
            foreach (var company in Sample(In(hub), Math.Max(2, membersPerChannel / 6)))
            {
                Link(native, company.Uscc, null, random.Next(2) == 0 ? ChannelRole.Executive : ChannelRole.Relative, "老乡企业家");
            }
        }

        // Chambers of the home city (tied home) and of the province (not tied, but with home members) in each hub.
        foreach (var (hub, hubShort) in Hubs.Where(h => province is null || !regions.IsWithin(h.Code, province.Code)))
        {
            var chamber = $"CC-{homeCode}-{hub}";
            Channel(chamber, $"{hubShort}{homeShort}商会(示例)", ChannelKind.ChamberOfCommerce, hub, homeCode, $"{homeShort}籍企业家在{hubShort}的商会");
            foreach (var company in Sample(In(hub), membersPerChannel))
            {
                Link(chamber, company.Uscc, null, random.Next(8) == 0 ? ChannelRole.Officer : ChannelRole.Member, "商会会员");
            }

            Link(chamber, null, $"AMB-{hub}", ChannelRole.Officer, "招商大使任商会副会长");

            if (province is not null)
            {
                var provincial = $"CC-{province.Code}-{hub}";
                Channel(provincial, $"{hubShort}{provinceShort}商会(示例)", ChannelKind.ChamberOfCommerce, hub, province.Code, $"{provinceShort}籍企业家在{hubShort}的商会");
                foreach (var company in Sample(In(hub), membersPerChannel))
                {
                    Link(provincial, company.Uscc, null, ChannelRole.Member, "商会会员");
                }

                foreach (var company in Sample(local, Math.Max(2, membersPerChannel / 8)))
                {
                    Link(provincial, company.Uscc, null, ChannelRole.Member, $"{homeShort}企业在{hubShort}设有分支");
                }
            }

            var hometown = $"HT-{homeCode}-{hub}";
            Channel(hometown, $"在{hubShort}{homeShort}老乡会(示例)", ChannelKind.HometownAssociation, hub, homeCode, "同乡联谊");
            foreach (var company in Sample(In(hub), Math.Max(3, membersPerChannel / 2)))
            {
                Link(hometown, company.Uscc, null, ChannelRole.Member, "老乡会成员企业");
            }

            Link(hometown, null, $"PER-{hub}", ChannelRole.Officer, "老乡会会长");
        }

        // One industry association per chain, with members inside and outside the home region.
        foreach (var chain in chains.OrderBy(c => c.Chain.Code, StringComparer.Ordinal))
        {
            var code = $"IA-{chain.Chain.Code}";
            var members = outside.Where(c => chainOf.TryGetValue(c.SegmentCode, out var ch) && ch == chain).ToList();
            var hub = Hubs[Math.Abs(StableHash(chain.Chain.Code)) % Hubs.Length];
            Channel(code, $"{chain.Chain.Name}产业协会(示例)", ChannelKind.IndustryAssociation, hub.Code, string.Empty, $"{chain.Chain.Name}行业协会");
            foreach (var company in Sample(members, membersPerChannel * 2))
            {
                Link(code, company.Uscc, null, random.Next(10) == 0 ? ChannelRole.Officer : ChannelRole.Member, "协会会员");
            }

            var localMembers = local.Where(c => chainOf.TryGetValue(c.SegmentCode, out var ch) && ch == chain).ToList();
            foreach (var company in Sample(localMembers, Math.Max(2, membersPerChannel / 5)))
            {
                Link(code, company.Uscc, null, ChannelRole.Member, "本地会员企业");
            }
        }

        // Alumni associations of the province's universities in the hubs; ambassadors are alumni too.
        for (var i = 0; i < Universities.Length; i++)
        {
            var (hub, hubShort) = Hubs[(i * 2) % Hubs.Length];
            var code = $"AL-{i + 1}-{hub}";
            Channel(code, $"{Universities[i]}{hubShort}校友会(示例)", ChannelKind.AlumniAssociation, hub, string.Empty, "校友招商");
            foreach (var company in Sample(In(hub), Math.Max(3, membersPerChannel / 2)))
            {
                Link(code, company.Uscc, null, ChannelRole.Alumnus, "负责人为校友");
            }

            Link(code, null, $"AMB-{hub}", ChannelRole.Alumnus, "招商大使为校友");
        }

        // Supply and equity relations along the flow edges: local companies buy from upstream and sell downstream.
        var upstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var downstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var flow in chains.SelectMany(c => c.Flows))
        {
            Add(upstream, flow.To, flow.From);
            Add(downstream, flow.From, flow.To);
        }

        var relations = new List<string[]>();
        var related = new HashSet<(string, string, string)>();
        void Relate(string from, string to, CompanyRelationKind kind, string note)
        {
            if (from != to && related.Add((from, to, kind.ToWire())))
            {
                relations.Add([from, to, kind.ToWire(), note]);
            }
        }

        NetworkCompany? Pick(List<string>? segments)
        {
            var pools = (segments ?? []).Where(outsideBySegment.ContainsKey).ToList();
            if (pools.Count == 0)
            {
                return null;
            }

            var pool = outsideBySegment[pools[random.Next(pools.Count)]];
            return pool[random.Next(pool.Count)];
        }

        foreach (var company in local)
        {
            if (random.NextDouble() < 0.7 && Pick(upstream.GetValueOrDefault(company.SegmentCode)) is { } supplier)
            {
                Relate(supplier.Uscc, company.Uscc, CompanyRelationKind.Supplies, "供应商（示例）");
            }

            if (random.NextDouble() < 0.5 && Pick(downstream.GetValueOrDefault(company.SegmentCode)) is { } customer)
            {
                Relate(company.Uscc, customer.Uscc, CompanyRelationKind.Supplies, "客户（示例）");
            }

            if (random.NextDouble() < 0.1 && Pick([company.SegmentCode]) is { } investor)
            {
                Relate(investor.Uscc, company.Uscc, CompanyRelationKind.InvestsIn, "外地股东（示例）");
            }
        }

        // A few supply ties among outside companies make three-step paths possible.
        foreach (var company in Sample(outside, Math.Max(10, outside.Count / 50)))
        {
            if (Pick(downstream.GetValueOrDefault(company.SegmentCode)) is { } customer)
            {
                Relate(company.Uscc, customer.Uscc, CompanyRelationKind.Supplies, "供货（示例）");
            }
        }

        return new NetworkTables(channels, links, relations);
    }

    /// <summary>Writes one table with its header as CSV (UTF-8 handled by the caller's writer).</summary>
    public static async Task WriteCsvAsync(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var value in row)
            {
                csv.WriteField(value);
            }

            await csv.NextRecordAsync();
        }
    }

    /// <summary>Reads the generator's view of a company list written by <see cref="SyntheticCompanies"/>.</summary>
    public static async Task<IReadOnlyList<NetworkCompany>> ReadCompaniesAsync(TextReader input, CancellationToken cancellationToken)
    {
        using var csv = new CsvReader(input, CultureInfo.InvariantCulture, leaveOpen: true);
        await csv.ReadAsync();
        csv.ReadHeader();
        var list = new List<NetworkCompany>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(FromRow(Enumerable.Range(0, SyntheticCompanies.Header.Length).Select(i => csv.GetField(i) ?? string.Empty).ToArray()));
        }

        return list;
    }

    /// <summary>A row in <see cref="SyntheticCompanies.Header"/> order as the generator sees it.</summary>
    public static NetworkCompany FromRow(string[] row)
    {
        static decimal? Number(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
        var tags = row[10].Split('|', StringSplitOptions.RemoveEmptyEntries);
        var employees = int.TryParse(row[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : (int?)null;
        return new NetworkCompany(row[1], row[2], row[3], CompanyStrength.Score(Number(row[5]), Number(row[8]), employees, row[9], tags));
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash == int.MinValue ? 0 : hash;
    }
}
