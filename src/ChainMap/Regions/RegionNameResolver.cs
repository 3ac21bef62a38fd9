using ChainMap.Domain;
using ChainMap.Text;

namespace ChainMap.Regions;

/// <summary>Which part of a row a region note is about.</summary>
internal enum RegionPart
{
    Province,
    City,
    County,
    Text,
}

/// <summary>Something about a region name that was not used as written (placed one level up, found in the address ...).</summary>
internal sealed record RegionNote(RegionPart Part, string Value, string Reason);

/// <summary>The division a row is placed in (null: not even a province was found), and what was not used as written.</summary>
internal sealed record RegionResolution(Region? Region, IReadOnlyList<RegionNote> Notes);

/// <summary>
/// Places a row of a company list in a division the way real files name places (docs/import.md):
/// placeholder names (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are skipped at any level;
/// a development zone stands for its host county, else its host city (from the zone table, or,
/// for an unknown zone whose name starts with a city or county of the row's province, that
/// division); a county that is not found under the city leaves the row at the city level, a city
/// not found under the province at the province level, with a note; an address is searched for
/// the most specific division it names, anywhere in the text. Only the catalog is needed, so it is
/// tested without a store.
/// </summary>
internal sealed class RegionNameResolver(RegionCatalog catalog)
{
    /// <summary>Endings of development-zone names (folded), longest first; the classifier reads a company's name without its zone (ADR 0715).</summary>
    internal static readonly string[] ZoneSuffixes =
    [
        "高新技术产业开发区", "高新技术产业园区", "高新技术开发区", "经济技术开发区", "综合保税区", "经济开发区", "工业园区", "产业园区",
        "高新区", "经开区", "综保区", "保税区", "开发区", "工业园", "产业园", "示范区", "管理区", "试验区", "园区", "新区",
    ];

    private static readonly string[] Placeholders = ["自治区直辖县级行政区划", "省直辖县级行政区划", "市辖区"];

    /// <summary>
    /// Province, city and county columns (any may be empty), then, when they stop short of a county, a region text
    /// (a register's 地区: 南京, 杨浦) and the address, each only inside what the columns name.
    /// </summary>
    public RegionResolution ResolveNames(string province, string city, string county, string? address, string? regionText = null)
    {
        Region? scope = null;
        var notes = new List<RegionNote>();
        foreach (var (part, value, level) in new[] { (RegionPart.Province, province, RegionLevel.Province), (RegionPart.City, city, RegionLevel.City), (RegionPart.County, county, RegionLevel.County) })
        {
            if (value.Length == 0 || RegionCatalog.IsPlaceholder(ChineseText.Fold(value)))
            {
                continue;
            }

            var (found, reason) = Lookup(value, level, scope);
            if (found is not null)
            {
                scope = found;
            }

            if (reason is not null)
            {
                notes.Add(new(part, value, reason));
            }
        }

        if (!string.IsNullOrEmpty(regionText) && scope is not null && scope.Level != RegionLevel.County)
        {
            // A region column beside the names (registers write the city as 地区: 江苏 / 南京 / 鼓楼区幕府东路205号) narrows
            // them: the address is then read inside it (鼓楼区 of 南京, not of 徐州), as a column would be.
            var (byText, _) = FromText(regionText, scope);
            if (byText is not null && !AddressNamesElsewhere(address, scope, byText))
            {
                scope = byText;
            }
        }

        if (!string.IsNullOrEmpty(address) && (scope is null || scope.Level != RegionLevel.County))
        {
            var (byAddress, _) = FromText(address, scope);
            if (byAddress is not null)
            {
                // The address names a division inside what the columns name (or where they name nothing): that is
                // where the company is, and no problem of the row.
                scope = byAddress;
            }
        }

        if (scope is not null)
        {
            for (var i = 0; i < notes.Count; i++)
            {
                if (notes[i].Part != RegionPart.Text && !notes[i].Reason.StartsWith("development zone", StringComparison.Ordinal))
                {
                    notes[i] = notes[i] with { Reason = $"{notes[i].Reason}; the company is placed in {FullName(scope)}" };
                }
            }
        }

        return new(scope, notes);
    }

    /// <summary>
    /// The most specific division named in a text (a region text or an address), within
    /// <paramref name="scope"/> when given: divisions and zones anywhere in the text, short names
    /// (湖北, 随州) only at its start or right after a division already found, full names (澄迈县)
    /// and zone names anywhere. Never a guess between several: an ambiguous name is skipped, and
    /// reported when nothing else is found.
    /// </summary>
    public (Region? Region, string? Reason) FromText(string text, Region? scope = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ChineseText.Fold(text).Replace("-", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        foreach (var placeholder in Placeholders)
        {
            folded = folded.Replace(placeholder, "", StringComparison.Ordinal);
        }

        var found = scope;
        IReadOnlyList<Region>? ambiguous = null;
        var position = 0;
        var lastEnd = 0;
        while (position < folded.Length - 1 && (found is null || found.Level != RegionLevel.County))
        {
            Region? next = null;
            var nextLength = 0;
            var zone = false;
            var adjacent = position == lastEnd;
            var restated = 0;
            for (var length = Math.Min(16, folded.Length - position); length >= 2; length--)
            {
                var part = folded.Substring(position, length);

                // A zone first: 无锡新区 is a zone (新吴区), although its suffix-less form 无锡 restates 无锡市.
                var zones = length >= 3 ? catalog.FindZones(part).Select(catalog.ZoneHost).OfType<Region>().Where(h => Within(h, found, allowSame: true)).Distinct().ToList() : [];
                if (zones.Count == 1)
                {
                    (next, nextLength, zone) = (zones[0], length, true);
                    break;
                }

                if ((adjacent || catalog.IsFullName(part)) && found is not null && catalog.FindByName(part).Any(r => catalog.IsWithin(found.Code, r.Code))
                    && (catalog.IsFullName(part) || !catalog.IsRetiredFullName(part) || !catalog.FindRetired(part).Any(r => Within(r, found, allowSame: false))))
                {
                    // The text names again what is already found (连云港市海州区 read inside 连云港市): read past it, so
                    // that its short forms (连云) are not taken for a division inside it. A retired county's full name whose
                    // short form is the city's (株洲县 inside 株洲市) is the county, read below (its successor 渌口区), unless its
                    // successor is the city itself (绍兴县 → 绍兴市): then it restates the city (绍兴县柯桥 → 柯桥区).
                    restated = length;
                    break;
                }

                // A retired division's full name (白下区, 卢湾区) is read anywhere, as a current one is, but only inside a
                // province or city already found and only from three characters (唐山's old 新区 is in every 高新区).
                var fullName = catalog.IsFullName(part) || (found is not null && length >= 3 && catalog.IsRetiredFullName(part));
                if (!adjacent && !fullName)
                {
                    continue;
                }

                if (!fullName && found is not null && catalog.TownPlace(found) is { } townPlace
                    && TownAt(folded, position + length) is { } townWord && catalog.FindByName(part).Count > 0
                    && catalog.FindTown(townPlace, folded.Substring(position, length + townWord.Length)) is (true, { } townCounty))
                {
                    // A short county name that begins a town's name inside a known city (延寿镇 of 哈尔滨) is read as that
                    // county below, its seat; where the town table knows the town in one county of the city, that county.
                    (next, nextLength) = (townCounty, length + townWord.Length);
                    break;
                }

                if (!fullName && StartsStreetWord(folded, position + length, townsToo: found is null || found.Level == RegionLevel.Province))
                {
                    // A short name that begins a street's, a road's or a town's name (七星路, 柳南高速, 东海镇, 射阳湖镇) is that
                    // name's part, not the division (七星区, 柳南区, 东海县, 射阳县). Inside a known city a town named after one
                    // of its counties is that county's seat (哈尔滨: 延寿镇 → 延寿县), so towns are read there.
                    continue;
                }

                var candidates = catalog.FindByName(part).Where(r => Within(r, found, allowSame: false)).ToList();
                if (candidates.Count == 0 && found is not null)
                {
                    // No current division has this name here: a retired one (白下区 of 南京) stands for its successor.
                    candidates = catalog.FindRetired(part).Where(r => Within(r, found, allowSame: false)).ToList();
                }

                if (candidates.Count > 1 && candidates.FirstOrDefault(c => candidates.All(o => catalog.IsWithin(o.Code, c.Code))) is { } enclosing)
                {
                    // A short name shared by a city and its own county (新乡: 新乡市 and 新乡县, 濮阳, 安阳): the city, as the
                    // full name would say 新乡县.
                    candidates = [enclosing];
                }

                if (candidates.Count == 1)
                {
                    (next, nextLength) = (candidates[0], length);
                    break;
                }

                if (candidates.Count > 1 && ambiguous is null)
                {
                    ambiguous = candidates;
                }
            }

            if (restated > 0)
            {
                position += restated;
                lastEnd = position;
                continue;
            }

            if (next is null)
            {
                position++;
                continue;
            }

            found = next;
            ambiguous = null;
            position += nextLength;
            lastEnd = position;
            if (zone)
            {
                break;
            }
        }

        if (found is not null && found.Level != RegionLevel.County && catalog.TownPlace(found) is { } place && TownCounty(folded, place) is { } county)
        {
            // No county is named, but a town of the city found is (江苏省苏州市盛泽镇…): its county, where the town's name is
            // one county's only (ADR 0550).
            found = county;
        }

        if (found is not null && found != scope)
        {
            return (found, null);
        }

        return ambiguous is not null ? (null, Ambiguous(ambiguous)) : (null, scope is null ? "no region is named in this text" : $"no division within {scope.Name} is named in this text");
    }

    /// <summary>
    /// The place a group's branch names right after 集团 (else after 公司) in its name, read as <see cref="FromNamePrefix"/>
    /// reads a name's start (中国宝安集团上海实业公司 → 上海市; 某某有限公司武汉分公司 → 武汉市), for a row that names no place otherwise
    /// and whose name does not start with one: a province or a city (a full county name gives its city), never a guess
    /// between several (ADR 0690).
    /// </summary>
    public Region? FromGroupBranch(string companyName)
    {
        ArgumentNullException.ThrowIfNull(companyName);
        var folded = ChineseText.Fold(companyName);
        foreach (var word in GroupWords)
        {
            var at = folded.IndexOf(word, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            // The first 集团 (else the first 公司) with something before it: what follows it is the branch's own name.
            return FromNamePrefix(folded[(at + word.Length)..]) switch
            {
                { Level: RegionLevel.Province or RegionLevel.City } place => place,
                { Level: RegionLevel.County } county => catalog.Find(county.ParentCode ?? string.Empty) is { Level: RegionLevel.City } city ? city : null,
                _ => null,
            };
        }

        return null;
    }

    private static readonly string[] GroupWords = ["集团", "公司"];

    /// <summary>
    /// The place a company's name starts with, for a row that names none otherwise (深圳市新纶科技 → 深圳市, 南京华东电子 →
    /// 南京市, 湖北省随州市… → 随州市): full names (with 省/市/区/县) at any level, short names of provinces and cities only,
    /// each next name within the one before. A county's short name is not read (东方电气 is not in 东方市), nor a name that
    /// fits several places; something must follow the place (a name that is only a place names no company).
    /// </summary>
    public Region? FromNamePrefix(string companyName)
    {
        ArgumentNullException.ThrowIfNull(companyName);
        var folded = ChineseText.Fold(companyName);
        Region? found = null;
        var position = 0;
        while (found is null || found.Level != RegionLevel.County)
        {
            Region? next = null;
            var nextLength = 0;
            for (var length = Math.Min(12, folded.Length - position - 1); length >= 2; length--)
            {
                var part = folded.Substring(position, length);
                var full = catalog.IsFullName(part);
                var candidates = catalog.FindByName(part).Where(r => Within(r, found, allowSame: false) && (full || r.Level != RegionLevel.County)).ToList();
                if (candidates.Count > 1)
                {
                    return found;
                }

                if (candidates.Count == 1)
                {
                    (next, nextLength) = (candidates[0], length);
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            found = next;
            position += nextLength;
        }

        return found;
    }

    /// <summary>
    /// Whether the address names, by its full name, a division inside <paramref name="scope"/> that is neither inside nor
    /// around <paramref name="byText"/> (地区 焦作, address 新乡市和平大道107号): the address then decides, as it is the fuller
    /// statement of where the company is.
    /// </summary>
    private bool AddressNamesElsewhere(string? address, Region scope, Region byText)
    {
        if (string.IsNullOrEmpty(address) || FromText(address, scope).Region is not { } byAddress
            || catalog.IsWithin(byAddress.Code, byText.Code) || catalog.IsWithin(byText.Code, byAddress.Code))
        {
            return false;
        }

        var folded = ChineseText.Fold(address);
        return catalog.Lineage(byAddress.Code).Any(r => r.Level != RegionLevel.Province && !RegionCatalog.IsPlaceholder(r.Name)
            && folded.Contains(ChineseText.Fold(r.Name), StringComparison.Ordinal));
    }

    /// <summary>
    /// Characters after which a town's name may begin: the end of a division's or zone's name (省, 市, 区, 县, 州, 旗, 盟) or
    /// a bracket or comma. Elsewhere a town's name is likely the tail of a longer one (活龙坪乡 is not 龙坪乡, 东河口镇 not 河口镇).
    /// </summary>
    private const string TownBoundaries = "省市区县州旗盟(（)）,，、;；:：";

    /// <summary>
    /// The county of the towns of <paramref name="place"/> named in <paramref name="folded"/>, each at the start or after a
    /// boundary (<see cref="TownBoundaries"/>), not followed by a street word (盛泽镇路 is a road): by full name (盛泽镇), else,
    /// where no town's full name is there, by a stem and another town suffix (an old register's 长安镇 for 长安街道). Null
    /// when none is named, when a name is a town of several counties (城关镇) only, or when the towns named lie in different
    /// counties.
    /// </summary>
    private Region? TownCounty(string folded, string place)
    {
        Region? county = null;
        var known = false;
        for (var pass = 0; pass < 2 && !known; pass++)
        {
            for (var position = 0; position <= folded.Length - 3; position++)
            {
                if (position > 0 && !TownBoundaries.Contains(folded[position - 1], StringComparison.Ordinal))
                {
                    continue;
                }

                for (var length = Math.Min(pass == 0 ? catalog.LongestTownName : 6, folded.Length - position); length >= (pass == 0 ? 3 : 2); length--)
                {
                    (bool Known, Region? County) found;
                    int end;
                    if (pass == 0)
                    {
                        found = catalog.FindTown(place, folded.Substring(position, length));
                        end = position + length;
                    }
                    else if (TownAt(folded, position + length) is { } word)
                    {
                        found = catalog.FindTownStem(place, folded.Substring(position, length));
                        end = position + length + word.Length;
                    }
                    else
                    {
                        continue;
                    }

                    if (!found.Known)
                    {
                        continue;
                    }

                    if (StartsStreetWord(folded, end, townsToo: false))
                    {
                        // 盛泽镇路: a road named after the town, which may lie anywhere.
                        break;
                    }

                    known = true;
                    if (found.County is { } c)
                    {
                        if (county is not null && county != c)
                        {
                            return null;
                        }

                        county = c;
                    }

                    position = end - 1;
                    break;
                }
            }
        }

        return county;
    }

    /// <summary>The county of a cell that is a town's name in <paramref name="place"/>: its full name (盛泽镇), else its stem (盛泽街道 for 盛泽镇).</summary>
    private Region? TownCell(string folded, string place)
    {
        if (catalog.FindTown(place, folded) is (true, var county))
        {
            return county;
        }

        var suffix = Array.Find(RegionCatalog.TownSuffixes, t => folded.Length > t.Length + 1 && folded.EndsWith(t, StringComparison.Ordinal));
        return suffix is not null && catalog.FindTownStem(place, folded[..^suffix.Length]) is (true, var byStem) ? byStem : null;
    }

    /// <summary>The town suffix (镇, 乡, 街道, 苏木 …) written at <paramref name="at"/>, or null.</summary>
    private static string? TownAt(string folded, int at) =>
        Array.Find(RegionCatalog.TownSuffixes, word => string.CompareOrdinal(folded, at, word, 0, word.Length) == 0);

    /// <summary>Words that, right after a short division name, make it part of a street's, road's, town's or village's name.</summary>
    private static readonly string[] StreetWords = ["大道", "大街", "高速", "公路", "路", "街", "巷", "弄", "湖", "桥"];

    /// <summary>Words that, right after a short division name, make it a town's or village's name.</summary>
    private static readonly string[] TownWords = ["镇", "乡", "村"];

    private static bool StartsStreetWord(string folded, int at, bool townsToo) =>
        Array.Exists(StreetWords, word => string.CompareOrdinal(folded, at, word, 0, word.Length) == 0)
        || (townsToo && Array.Exists(TownWords, word => string.CompareOrdinal(folded, at, word, 0, word.Length) == 0));

    /// <summary>"ambiguous: …" listing the candidates with their lineage.</summary>
    public string Ambiguous(IReadOnlyList<Region> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return $"ambiguous: {string.Join("、", candidates.Select(c => $"{FullName(c)} ({c.Code})"))}; give the province or city, or the region code";
    }

    private string FullName(Region region) =>
        string.Concat(catalog.Lineage(region.Code).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name));

    private bool Within(Region candidate, Region? scope, bool allowSame) =>
        scope is null || (catalog.IsWithin(candidate.Code, scope.Code) && (allowSame || candidate.Code != scope.Code));

    /// <summary>One column's name within the scope so far: a division, a known zone, or an unknown zone named after a division.</summary>
    private (Region? Found, string? Reason) Lookup(string value, RegionLevel level, Region? scope)
    {
        if (level != RegionLevel.Province)
        {
            var zones = catalog.FindZones(value).Select(catalog.ZoneHost).OfType<Region>().Where(h => Within(h, scope, allowSame: true)).Distinct().ToList();
            if (zones.Count == 1)
            {
                return (zones[0], null);
            }
        }

        var candidates = catalog.FindByName(value).Where(r => Within(r, scope, allowSame: true)).ToList();
        var atLevel = candidates.Where(r => r.Level == level).ToList();
        if (atLevel.Count > 0)
        {
            candidates = atLevel;
        }

        if (candidates.Count == 1)
        {
            return (candidates[0], null);
        }

        if (candidates.Count == 0 && level != RegionLevel.Province && scope is not null
            && catalog.FindRetired(value).Where(r => Within(r, scope, allowSame: true)).ToList() is [var successor])
        {
            // A retired division (白下区 under 南京) stands for the current one its territory is in (秦淮区).
            return (successor, null);
        }

        if (candidates.Count == 0 && level == RegionLevel.County && scope is not null && catalog.TownPlace(scope) is { } place
            && TownCell(ChineseText.Fold(value), place) is { } byTown)
        {
            // A county column that names a town of the city (盛泽镇 under 苏州) stands for the town's county (ADR 0550).
            return (byTown, null);
        }

        if (level != RegionLevel.Province && NamedAfter(value, scope) is { } host)
        {
            return (host, $"development zone not in the zone table; placed in {FullName(host)}, the division its name starts with");
        }

        if (candidates.Count > 1)
        {
            return (null, Ambiguous(candidates));
        }

        var levelName = level switch
        {
            RegionLevel.Province => "province",
            RegionLevel.City => "city",
            _ => "county",
        };
        return (null, scope is null ? $"no {levelName} or other region has this name" : $"no {levelName} of this name lies in {scope.Name}");
    }

    /// <summary>An unknown zone (XX高新区, XX经开区, XX综合保税区 ...) whose name starts with a city or county within the scope: that division.</summary>
    private Region? NamedAfter(string value, Region? scope)
    {
        var folded = ChineseText.Fold(value);
        var suffix = Array.Find(ZoneSuffixes, s => folded.EndsWith(s, StringComparison.Ordinal) && folded.Length > s.Length + 1);
        if (suffix is null)
        {
            return null;
        }

        var head = folded[..^suffix.Length];
        for (var length = head.Length; length >= 2; length--)
        {
            var candidates = catalog.FindByName(head[..length])
                .Where(r => r.Level is RegionLevel.City or RegionLevel.County && Within(r, scope, allowSame: true))
                .ToList();
            if (candidates.Count == 1)
            {
                return candidates[0];
            }
        }

        return null;
    }
}
