namespace ChainMap.Domain;

internal enum RegionLevel
{
    Province,
    City,
    County,

    /// <summary>
    /// A development zone (经济技术开发区, 高新区, 工业园区, 综合保税区, 新区 ...): not a GB/T 2260
    /// division. Its parent is its host county where known, else its host city; a company in it is
    /// placed in that parent (docs/import.md, ADR 0120).
    /// </summary>
    Zone,
}

/// <summary>A GB/T 2260 administrative division, or a development zone (<see cref="RegionLevel.Zone"/>) under one.</summary>
internal sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode);

/// <summary>
/// A GB/T 2260 division that no longer exists (白下区 320103, retired 2013) and the current division its territory lies in
/// now (秦淮区 320104; a city where it was split among several counties of one city). From <c>data/region-history.csv</c>.
/// </summary>
internal sealed record RetiredDivision(string Code, string Name, string SuccessorCode);

/// <summary>
/// A township-level unit (镇, 乡, 街道, 苏木: 盛泽镇) and the county it lies in (吴江区 320509), or the NBS zone whose code the
/// statistics give it (苏州工业园区 320571). From <c>data/towns.csv</c> (NBS 2023).
/// </summary>
internal sealed record Town(string Name, string CountyCode);

/// <summary>A listed company's stock code (six digits) and the division of its seat (<c>data/listed-seats.csv</c>, ADR 0690).</summary>
internal sealed record ListedSeat(string Code, string RegionCode);

/// <summary>A named set of provinces and cities where a resident team works (长三角, 珠三角, ...).</summary>
internal sealed record RegionGroup(string Name, string? Alias, IReadOnlyList<string> MemberCodes);

internal enum ReceivingUnitKind
{
    /// <summary>A GB/T 2260 county-level division (曾都区, 随县, 广水市).</summary>
    County,

    /// <summary>A development zone (随州高新区): not a division of its own, it lies within <see cref="ReceivingUnit.RegionCode"/>.</summary>
    DevelopmentZone,
}

/// <summary>A county-level unit of the home region that receives projects.</summary>
internal sealed record ReceivingUnit(string Code, string Name, ReceivingUnitKind Kind, string RegionCode);

/// <summary>A resident investment-promotion team (驻点招商专班) stationed in a region group.</summary>
internal sealed record ResidentTeam(string Id, string Name, string RegionGroup);

/// <summary>The city doing the attracting, its receiving units and its resident teams.</summary>
internal sealed record HomeRegion(string Code, string Name, IReadOnlyList<ReceivingUnit> Units, IReadOnlyList<ResidentTeam> Teams);

internal static class RegionLevels
{
    public static string ToWire(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        RegionLevel.Zone => "zone",
        _ => "county",
    };

    public static bool TryParse(string? text, out RegionLevel level)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "province":
                level = RegionLevel.Province;
                return true;
            case "city":
                level = RegionLevel.City;
                return true;
            case "county":
                level = RegionLevel.County;
                return true;
            case "zone":
                level = RegionLevel.Zone;
                return true;
            default:
                level = RegionLevel.County;
                return false;
        }
    }
}
