using System.Collections.Frozen;
using ChainMap.Domain;
using ChainMap.Text;

namespace ChainMap.Regions;

/// <summary>What a region query resolved to: a division, a group, or nothing / several (ambiguous).</summary>
internal sealed record RegionMatch(Region? Region, RegionGroup? Group, IReadOnlyList<Region> Candidates)
{
    public bool IsAmbiguous => Region is null && Group is null && Candidates.Count > 1;

    public bool IsFound => Region is not null || Group is not null;
}

/// <summary>
/// The GB/T 2260 divisions and region groups, held in memory (a few thousand rows): resolves
/// codes and names in either script, with or without suffixes, and expands groups. Development
/// zones (<see cref="RegionLevel.Zone"/> rows) are kept apart from the divisions: they are found
/// by name (<see cref="FindZones"/>, with the usual short forms) and stand for their host
/// (<see cref="ZoneHost"/>), never listed, searched or stored on a company as a division.
/// </summary>
internal sealed class RegionCatalog
{
    private static readonly string[] Suffixes =
    [
        "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "新区", "林区",
        "省", "市", "区", "县", "盟", "旗",
    ];

    private readonly FrozenDictionary<string, Region> byCode;
    private readonly FrozenDictionary<string, Region[]> byName;
    private readonly FrozenDictionary<string, RegionGroup> groupsByName;
    private readonly FrozenDictionary<string, Region[]> zonesByName;
    private readonly FrozenDictionary<string, Region> seatsByCode;
    private readonly FrozenDictionary<string, Region> zoneHosts;
    private readonly FrozenSet<string> fullNames;
    private readonly FrozenDictionary<string, Region[]> retiredByName;
    private readonly FrozenDictionary<string, Region> retiredByCode;
    private readonly FrozenSet<string> retiredFullNames;
    private readonly FrozenDictionary<string, FrozenDictionary<string, Region?>> townsByPlace;
    private readonly FrozenDictionary<string, FrozenDictionary<string, Region?>> townStemsByPlace;

    /// <param name="regions">Divisions and zones.</param>
    /// <param name="groups">Region groups.</param>
    /// <param name="retired">
    /// Retired divisions (白下区 → 秦淮区): known by name (<see cref="FindRetired"/>) only where no current division has that
    /// name, and by code (<see cref="FindRetiredCode"/>) only where no current division has that code.
    /// </param>
    /// <param name="towns">
    /// Township-level units (盛泽镇 → 吴江区), known only inside their city, or their municipality (<see cref="FindTown"/>).
    /// </param>
    /// <param name="listedSeats">Listed companies' seats by stock code (<see cref="ListedSeat"/>, ADR 0690).</param>
    public RegionCatalog(IEnumerable<Region> regions, IEnumerable<RegionGroup> groups, IEnumerable<RetiredDivision>? retired = null, IEnumerable<Town>? towns = null, IEnumerable<ListedSeat>? listedSeats = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var all = regions.ToList();
        byCode = all.Where(r => r.Level != RegionLevel.Zone).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        fullNames = byCode.Values.Where(r => !IsPlaceholder(r.Name)).Select(r => ChineseText.Fold(r.Name)).ToFrozenSet(StringComparer.Ordinal);
        var names = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        foreach (var region in byCode.Values.Where(r => !IsPlaceholder(r.Name)))
        {
            foreach (var key in NameKeys(region.Name))
            {
                if (!names.TryGetValue(key, out var list))
                {
                    names[key] = list = [];
                }

                if (!list.Contains(region))
                {
                    list.Add(region);
                }
            }
        }

        foreach (var region in byCode.Values)
        {
            foreach (var key in AutonomousShortForms(ChineseText.Fold(region.Name)))
            {
                // 环江县, 恩施州, 环江 for 环江毛南族自治县 and 恩施土家族苗族自治州: only where no division has the name already,
                // or only divisions inside this one (恩施 is 恩施市's short name too: the prefecture encloses it).
                if (!names.TryGetValue(key, out var list))
                {
                    names[key] = [region];
                }
                else if (!list.Contains(region) && list.All(r => IsWithin(r.Code, region.Code)))
                {
                    list.Add(region);
                }
            }
        }

        byName = names.ToFrozenDictionary(p => p.Key, p => p.Value.OrderBy(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Groups = groups.ToList();
        var groupNames = new Dictionary<string, RegionGroup>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            groupNames.TryAdd(ChineseText.Fold(group.Name), group);
            if (!string.IsNullOrWhiteSpace(group.Alias))
            {
                groupNames.TryAdd(ChineseText.Fold(group.Alias), group);
            }
        }

        groupsByName = groupNames.ToFrozenDictionary(StringComparer.Ordinal);

        var hosts = new Dictionary<string, Region>(StringComparer.Ordinal);
        var zoneNames = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        foreach (var zone in all.Where(r => r.Level == RegionLevel.Zone))
        {
            if (zone.ParentCode is null || Find(zone.ParentCode) is not { } host || hosts.ContainsKey(zone.Code))
            {
                continue;
            }

            hosts[zone.Code] = host;
            foreach (var key in ZoneKeys(zone, host))
            {
                if (!zoneNames.TryGetValue(key, out var list))
                {
                    zoneNames[key] = list = [];
                }

                if (!list.Contains(zone))
                {
                    list.Add(zone);
                }
            }
        }

        zoneHosts = hosts.ToFrozenDictionary(StringComparer.Ordinal);

        var retiredNames = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        var retiredCodes = new Dictionary<string, Region?>(StringComparer.Ordinal);
        var retiredFull = new HashSet<string>(StringComparer.Ordinal);
        foreach (var division in retired ?? [])
        {
            if (Find(division.SuccessorCode) is not { } successor)
            {
                continue;
            }

            if (!byCode.ContainsKey(division.Code))
            {
                // A code retired twice (reused, then retired again) with different successors names none of them.
                retiredCodes[division.Code] = retiredCodes.TryGetValue(division.Code, out var earlier) && earlier != successor ? null : successor;
            }

            var full = ChineseText.Fold(division.Name);
            foreach (var key in NameKeys(division.Name))
            {
                if (byName.ContainsKey(key) || zoneNames.ContainsKey(key) || groupsByName.ContainsKey(key))
                {
                    // The current table wins: a retired name that is a current division's name (or short name) anywhere
                    // is never read as the retired one.
                    continue;
                }

                if (!retiredNames.TryGetValue(key, out var list))
                {
                    retiredNames[key] = list = [];
                }

                if (!list.Contains(successor))
                {
                    list.Add(successor);
                }

                if (key == full)
                {
                    retiredFull.Add(key);
                }
            }
        }

        retiredByName = retiredNames.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        retiredByCode = retiredCodes.Where(p => p.Value is not null).ToFrozenDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        retiredFullNames = retiredFull.ToFrozenSet(StringComparer.Ordinal);
        zonesByName = zoneNames.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        Zones = [.. all.Where(r => hosts.ContainsKey(r.Code)).DistinctBy(r => r.Code)];
        (townsByPlace, townStemsByPlace, LongestTownName) = IndexTowns(towns ?? []);
        seatsByCode = (listedSeats ?? []).Where(s => byCode.ContainsKey(s.RegionCode))
            .ToFrozenDictionary(s => s.Code, s => byCode[s.RegionCode], StringComparer.Ordinal);
    }

    /// <summary>The township-level suffixes <c>towns.csv</c> keeps (folded), longest first.</summary>
    internal static readonly string[] TownSuffixes = ["街道办事处", "街道", "民族乡", "镇", "乡", "苏木"];

    /// <summary>The length of the longest town name known (folded).</summary>
    public int LongestTownName { get; }

    /// <summary>
    /// The place towns are looked up in for <paramref name="region"/>: a city, or a municipality (北京, 上海, 天津, 重庆, whose
    /// cities are placeholders); null for anything else (a province, a county).
    /// </summary>
    public string? TownPlace(Region region) =>
        region is not null && region.Level is RegionLevel.City or RegionLevel.Province && townsByPlace.ContainsKey(region.Code) ? region.Code : null;

    /// <summary>
    /// Whether <paramref name="folded"/> (folded, suffix included: 盛泽镇, 南京路街道) is a town of the place
    /// <paramref name="placeCode"/> (<see cref="TownPlace"/>), and its county: null when the name is a town of more than one
    /// county there (城关镇), or of an NBS zone only.
    /// </summary>
    public (bool Known, Region? County) FindTown(string placeCode, string folded) =>
        townsByPlace.TryGetValue(placeCode, out var names) && names.TryGetValue(folded, out var county) ? (true, county) : (false, null);

    /// <summary>
    /// As <see cref="FindTown"/>, by the name without its suffix (盛泽 for 盛泽镇; old registers write 镇 where the town is a
    /// 街道 now): the county when every town of that stem in the place lies in it. Stems that name a division, zone or retired
    /// division inside the place are not indexed (延寿 in 哈尔滨 is 延寿县's).
    /// </summary>
    public (bool Known, Region? County) FindTownStem(string placeCode, string stem) =>
        townStemsByPlace.TryGetValue(placeCode, out var stems) && stems.TryGetValue(stem, out var county) ? (true, county) : (false, null);

    private (FrozenDictionary<string, FrozenDictionary<string, Region?>> Names, FrozenDictionary<string, FrozenDictionary<string, Region?>> Stems, int Longest) IndexTowns(IEnumerable<Town> towns)
    {
        var municipalities = byCode.Values.Where(r => r.Level == RegionLevel.Province)
            .Where(p => Children(p.Code) is { Count: > 0 } cities && cities.All(c => IsPlaceholder(c.Name)))
            .Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        var stems = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var town in towns)
        {
            var code = town.CountyCode;
            if (code.Length != 6)
            {
                continue;
            }

            // A town of a municipality is looked up in the province (its cities are 市辖区 / 县); elsewhere in its city, also
            // for a town the statistics give to a zone (苏州工业园区 320571 lies in 苏州市 320500).
            var province = string.Concat(code.AsSpan(0, 2), "0000");
            var place = municipalities.Contains(province) ? province
                : Find(string.Concat(code.AsSpan(0, 4), "00")) is { Level: RegionLevel.City } city && !IsPlaceholder(city.Name) ? city.Code : null;
            var name = ChineseText.Fold(town.Name);
            var suffix = Array.Find(TownSuffixes, s => name.EndsWith(s, StringComparison.Ordinal));
            if (place is null || suffix is null || name.Length < 3 || fullNames.Contains(name) || zonesByName.ContainsKey(name))
            {
                continue;
            }

            Add(names, place, name, code);
            longest = Math.Max(longest, name.Length);
            var stem = name[..^suffix.Length];
            if (stem.Length >= 3 && Array.Find(TownSuffixes, s => stem.EndsWith(s, StringComparison.Ordinal)) is not null && !fullNames.Contains(stem))
            {
                // A town turned street that kept its name (道口镇街道 of 滑县): addresses write 道口镇.
                Add(names, place, stem, code);
            }

            if (stem.Length >= 2 && !NamesInside(stem, place))
            {
                Add(stems, place, stem, code);
            }
        }

        return (Freeze(names), Freeze(stems), longest);

        // A stem that is the name or short name of a division, a zone or a retired division inside the place (延寿 in
        // 哈尔滨) is that division's; one that names a division elsewhere only (靖江 for 杭州's 靖江街道) is the town's.
        bool NamesInside(string stem, string place) =>
            (byName.TryGetValue(stem, out var divisions) && divisions.Any(d => IsWithin(d.Code, place)))
            || (zonesByName.TryGetValue(stem, out var zones) && zones.Any(z => ZoneHost(z) is { } host && IsWithin(host.Code, place)))
            || (retiredByName.TryGetValue(stem, out var successors) && successors.Any(d => IsWithin(d.Code, place)));

        static void Add(Dictionary<string, Dictionary<string, HashSet<string>>> index, string place, string key, string code)
        {
            if (!index.TryGetValue(place, out var keys))
            {
                index[place] = keys = new(StringComparer.Ordinal);
            }

            if (!keys.TryGetValue(key, out var codes))
            {
                keys[key] = codes = new(StringComparer.Ordinal);
            }

            codes.Add(code);
        }

        FrozenDictionary<string, FrozenDictionary<string, Region?>> Freeze(Dictionary<string, Dictionary<string, HashSet<string>>> index) =>
            index.ToFrozenDictionary(
                p => p.Key,
                p => p.Value.ToFrozenDictionary(
                    k => k.Key,
                    k => k.Value.Count == 1 && Find(k.Value.First()) is { Level: RegionLevel.County } county ? county : null,
                    StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>
    /// The division of a listed company's seat by its stock code (000001, 000001.SZ, 600000.SH, 920001.BJ; ADR 0690): the
    /// province, or 深圳市, of <c>listed-seats.csv</c>; null for a code the table does not hold or text that is no stock code.
    /// </summary>
    public Region? ListedSeat(string? stockCode)
    {
        var code = (stockCode ?? string.Empty).Trim();
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot == 6 && code[7..].ToUpperInvariant() is "SZ" or "SH" or "BJ")
        {
            code = code[..6];
        }

        return code.Length == 6 && seatsByCode.TryGetValue(code, out var seat) ? seat : null;
    }

    /// <summary>The development zones known, each under its host county or city.</summary>
    public IReadOnlyList<Region> Zones { get; }

    /// <summary>Zones whose name, or a usual short form of it (苏州园区, 郑州高新区, 盐城经开区), is <paramref name="name"/>.</summary>
    public IReadOnlyList<Region> FindZones(string name)
    {
        var folded = ChineseText.Fold(name);
        return folded.Length >= 3 && zonesByName.TryGetValue(folded, out var zones) ? zones : [];
    }

    /// <summary>The division a zone stands for: its host county where known, else its host city.</summary>
    public Region? ZoneHost(Region zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zoneHosts.GetValueOrDefault(zone.Code);
    }

    /// <summary>
    /// The current divisions a retired division's name stands for (白下区, 白下 → 秦淮区; 卢湾区 → 黄浦区; 吴县 → 苏州市, split
    /// among its districts): empty where a current division has the name, or none is known. Callers read it only inside a
    /// province or city already found (the same name may have been used elsewhere).
    /// </summary>
    public IReadOnlyList<Region> FindRetired(string name)
    {
        var folded = ChineseText.Fold(name);
        if (folded.Length < 2)
        {
            return [];
        }

        return retiredByName.TryGetValue(folded, out var exact) ? exact
            : retiredByName.TryGetValue(StripSuffix(folded), out var shortMatches) ? shortMatches : [];
    }

    /// <summary>True when <paramref name="folded"/> (already folded) is the full name of a retired division that no current one has.</summary>
    public bool IsRetiredFullName(string folded) => retiredFullNames.Contains(folded);

    /// <summary>The current division a retired code's territory lies in (开县 500234 → 开州区 500154); null for a current code or an unknown one.</summary>
    public Region? FindRetiredCode(string code) => retiredByCode.GetValueOrDefault(code);

    /// <summary>True when <paramref name="folded"/> (already folded) is the full name of a division, suffix included.</summary>
    public bool IsFullName(string folded) => fullNames.Contains(folded);

    public IReadOnlyList<RegionGroup> Groups { get; }

    public int Count => byCode.Count;

    public IEnumerable<Region> All => byCode.Values;

    public Region? Find(string code) => byCode.GetValueOrDefault(code);

    public RegionGroup? FindGroup(string name) => groupsByName.GetValueOrDefault(ChineseText.Fold(name));

    /// <summary>Resolves a code, a division name (either script, suffix optional) or a group name.</summary>
    public RegionMatch Resolve(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return new(null, null, []);
        }

        if (byCode.TryGetValue(trimmed, out var byExactCode))
        {
            return new(byExactCode, null, [byExactCode]);
        }

        if (FindGroup(trimmed) is { } group)
        {
            return new(null, group, []);
        }

        var candidates = FindByName(trimmed);
        if (candidates.Count == 0 && FindZones(trimmed) is [var zone] && ZoneHost(zone) is { } host)
        {
            // A development zone stands for its host county or city.
            return new(host, null, [host]);
        }

        return candidates.Count == 1 ? new(candidates[0], null, candidates) : new(null, null, candidates);
    }

    /// <summary>All divisions whose name matches, exact full names first.</summary>
    public IReadOnlyList<Region> FindByName(string name)
    {
        var folded = ChineseText.Fold(name);
        if (folded.Length == 0)
        {
            return [];
        }

        if (byName.TryGetValue(folded, out var exact))
        {
            var full = exact.Where(r => ChineseText.Fold(r.Name) == folded).ToList();
            return full.Count > 0 ? full : exact;
        }

        // A full name with one more suffix (乐山市市 of 乐山市市中区) is not that division's short name.
        var stripped = StripSuffix(folded);
        return !fullNames.Contains(stripped) && byName.TryGetValue(stripped, out var shortMatches) ? shortMatches : [];
    }

    /// <summary>Divisions whose folded name contains the query, provinces first.</summary>
    public IReadOnlyList<Region> Search(string query, int limit)
    {
        var folded = ChineseText.Fold(query);
        return byCode.Values
            .Where(r => !IsPlaceholder(r.Name))
            .Where(r => folded.Length == 0 || ChineseText.Fold(r.Name).Contains(folded, StringComparison.Ordinal) || r.Code.StartsWith(folded, StringComparison.Ordinal))
            .OrderBy(r => ChineseText.Fold(r.Name) == folded ? 0 : 1)
            .ThenBy(r => r.Level)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    public IReadOnlyList<Region> Children(string code) =>
        byCode.Values.Where(r => r.ParentCode == code).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    /// <summary>The chain of divisions from the province down to <paramref name="code"/>.</summary>
    public IReadOnlyList<Region> Lineage(string code)
    {
        var path = new List<Region>();
        var current = Find(code);
        while (current is not null && path.Count < 5)
        {
            path.Insert(0, current);
            current = current.ParentCode is null ? null : Find(current.ParentCode);
        }

        return path;
    }

    /// <summary>Province, city and county codes of a division (city or county may be null).</summary>
    public (string Province, string? City, string? County) Place(string code)
    {
        var lineage = Lineage(code);
        var province = lineage.FirstOrDefault(r => r.Level == RegionLevel.Province)?.Code
            ?? (code.Length == 6 ? code[..2] + "0000" : code);
        return (province,
            lineage.FirstOrDefault(r => r.Level == RegionLevel.City)?.Code,
            lineage.FirstOrDefault(r => r.Level == RegionLevel.County)?.Code);
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public bool IsWithin(string code, string ancestor) => Lineage(code).Any(r => r.Code == ancestor);

    /// <summary>Statistical placeholder rows (市辖区, 县, 省直辖县级行政区划) that carry no place name of their own.</summary>
    public static bool IsPlaceholder(string name) =>
        name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划";

    /// <summary>The zone's name and the short forms real files write: without the province prefix, the city without 市, the type abbreviated.</summary>
    private IEnumerable<string> ZoneKeys(Region zone, Region host)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { ChineseText.Fold(zone.Name) };
        var lineage = Lineage(host.Code);
        var province = lineage.FirstOrDefault(r => r.Level == RegionLevel.Province);
        var city = lineage.LastOrDefault(r => r.Level == RegionLevel.City && !IsPlaceholder(r.Name));
        foreach (var name in names.ToList())
        {
            if (province is not null && StripSuffix(ChineseText.Fold(province.Name)) is { Length: >= 2 } provinceShort
                && name.StartsWith(provinceShort, StringComparison.Ordinal) && name.Length - provinceShort.Length >= 4)
            {
                names.Add(name[provinceShort.Length..]);
            }
        }

        if (city is not null)
        {
            var cityFull = ChineseText.Fold(city.Name);
            var cityShort = StripSuffix(cityFull);
            foreach (var name in names.ToList())
            {
                if (cityShort != cityFull && name.StartsWith(cityFull, StringComparison.Ordinal))
                {
                    names.Add(string.Concat(cityShort, name.AsSpan(cityFull.Length)));
                }
            }
        }

        foreach (var name in names.ToList())
        {
            foreach (var (longForm, shortForm) in ZoneAbbreviations)
            {
                if (name.EndsWith(longForm, StringComparison.Ordinal) && name.Length > longForm.Length)
                {
                    names.Add(string.Concat(name.AsSpan(0, name.Length - longForm.Length), shortForm));
                }
            }
        }

        return names.Where(n => n.Length >= 3);
    }

    /// <summary>How real files shorten a zone's type (folded, simplified script).</summary>
    private static readonly (string Long, string Short)[] ZoneAbbreviations =
    [
        ("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("高新技术产业园区", "高新区"), ("高技术产业开发区", "高新区"),
        ("经济技术开发区", "经开区"), ("经济技术开发区", "经济开发区"), ("经济开发区", "经开区"), ("经济开发区", "经济技术开发区"),
        ("工业园区", "园区"), ("综合保税区", "综保区"),
    ];

    private static IEnumerable<string> NameKeys(string name)
    {
        var folded = ChineseText.Fold(name);
        yield return folded;
        var stripped = StripSuffix(folded);
        if (stripped != folded && stripped.Length >= 2)
        {
            yield return stripped;
        }

        if (ConventionalShortForms.TryGetValue(stripped, out var conventional))
        {
            yield return conventional;
        }
    }

    /// <summary>
    /// Short forms that securities and vendor data write for a province and that no suffix rule gives:
    /// Tushare's <c>area</c> column writes 内蒙 for 内蒙古自治区 (28 of 5,448 A-share rows).
    /// </summary>
    private static readonly FrozenDictionary<string, string> ConventionalShortForms =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["内蒙古"] = "内蒙" }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The peoples named in autonomous divisions' names (folded), longest first.</summary>
    private static readonly string[] Peoples =
    [
        "柯尔克孜", "乌孜别克", "俄罗斯", "维吾尔", "哈萨克", "达斡尔", "鄂温克", "鄂伦春", "塔吉克", "塔塔尔",
        "蒙古", "布依", "朝鲜", "土家", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南",
        "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "高山",
        "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京", "各",
    ];

    /// <summary>
    /// The short forms real files write for an autonomous county, prefecture or banner: the place without its peoples
    /// (环江毛南族自治县 → 环江, 环江县; 恩施土家族苗族自治州 → 恩施, 恩施州), and for a district named after one (郑州's
    /// 管城回族区 → 管城区, 管城).
    /// </summary>
    private static IEnumerable<string> AutonomousShortForms(string folded)
    {
        var (suffix, kind) = folded.EndsWith("自治县", StringComparison.Ordinal) ? ("自治县", "县")
            : folded.EndsWith("自治州", StringComparison.Ordinal) ? ("自治州", "州")
            : folded.EndsWith("自治旗", StringComparison.Ordinal) ? ("自治旗", "旗")
            : folded.EndsWith("回族区", StringComparison.Ordinal) ? ("回族区", "区")
            : (null, null);
        if (suffix is null)
        {
            yield break;
        }

        var stem = folded[..^suffix.Length];
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var people in Peoples)
            {
                // 巴里坤哈萨克自治县 names its people without 族.
                var written = stem.EndsWith(people + "族", StringComparison.Ordinal) ? people + "族"
                    : people.Length >= 2 && stem.EndsWith(people, StringComparison.Ordinal) ? people : null;
                if (written is not null && stem.Length >= written.Length + 2)
                {
                    stem = stem[..^written.Length];
                    stripped = true;
                    break;
                }
            }
        }

        if (stem.Length >= 2 && (stem.Length < folded.Length - suffix.Length || suffix == "回族区"))
        {
            yield return stem;
            yield return stem + kind;
        }
    }

    private static string StripSuffix(string folded)
    {
        foreach (var suffix in Suffixes)
        {
            if (folded.Length > suffix.Length + 1 && folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return folded[..^suffix.Length];
            }
        }

        return folded;
    }
}
