using System.Collections.Frozen;

namespace ChainMap.Domain;

/// <summary>
/// Where companies (or channels) are looked for: everywhere, or a set of GB/T 2260 divisions. A place
/// given as province, city and county codes lies in the scope when its province is one of the scope's
/// provinces, its city one of its cities or its county one of its counties; a place without a city or
/// county is in the scope only through the levels it has (never "unknown"). This is the one rule of "in";
/// each store has one translation of it into its query language (SQLite: <c>SqliteStore.SqlRegionScope</c>,
/// Neo4j: <c>RegionFilter</c>), and C# filters call <see cref="Contains"/>.
/// <para>
/// A code says its level by its shape (<c>xx0000</c> province, <c>xxxx00</c> city, any other six digits
/// county; every row of data/regions.csv follows it); a code of another shape is looked for at every
/// level. A development zone is never a company's place (ADR 0120): build the scope with
/// <c>RegionCatalog.ScopeOf</c> so that a zone's code stands for its host county or city.
/// </para>
/// </summary>
internal sealed class RegionScope
{
    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    private readonly FrozenSet<string> provinces;
    private readonly FrozenSet<string> cities;
    private readonly FrozenSet<string> counties;

    private RegionScope(bool everywhere, IEnumerable<string> codes)
    {
        IsEverywhere = everywhere;
        var byLevel = new[] { new List<string>(), new List<string>(), new List<string>() };
        foreach (var code in codes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (LevelOf(code) is { } level)
            {
                byLevel[(int)level].Add(code);
            }
            else
            {
                foreach (var list in byLevel)
                {
                    list.Add(code);
                }
            }
        }

        Provinces = byLevel[0];
        Cities = byLevel[1];
        Counties = byLevel[2];
        provinces = Provinces.Count == 0 ? None : Provinces.ToFrozenSet(StringComparer.Ordinal);
        cities = Cities.Count == 0 ? None : Cities.ToFrozenSet(StringComparer.Ordinal);
        counties = Counties.Count == 0 ? None : Counties.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>No condition: every place is in it.</summary>
    public static RegionScope Everywhere { get; } = new(true, []);

    /// <summary>No division: no place is in it (the home region when there is none).</summary>
    public static RegionScope Nowhere { get; } = new(false, []);

    /// <summary>The scope of these division codes; null is <see cref="Everywhere"/>, an empty list <see cref="Nowhere"/>.</summary>
    public static RegionScope Of(IEnumerable<string>? codes) => codes is null ? Everywhere : new RegionScope(false, codes);

    public bool IsEverywhere { get; }

    /// <summary>True when no place can be in it.</summary>
    public bool IsEmpty => !IsEverywhere && Provinces.Count == 0 && Cities.Count == 0 && Counties.Count == 0;

    /// <summary>The codes looked for in a place's province (ordinal order; empty for <see cref="Everywhere"/>).</summary>
    public IReadOnlyList<string> Provinces { get; }

    /// <summary>The codes looked for in a place's city.</summary>
    public IReadOnlyList<string> Cities { get; }

    /// <summary>The codes looked for in a place's county.</summary>
    public IReadOnlyList<string> Counties { get; }

    /// <summary>The level a GB/T 2260 code has by its shape; null for a code of another shape.</summary>
    public static RegionLevel? LevelOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        return code.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
            : code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
            : RegionLevel.County;
    }

    /// <summary>True when the place (province, city, county codes; city and county may be missing) lies in the scope.</summary>
    public bool Contains(string? province, string? city, string? county) =>
        IsEverywhere
        || (province is not null && provinces.Contains(province))
        || (city is not null && cities.Contains(city))
        || (county is not null && counties.Contains(county));

    /// <summary>True when one of the places lies in the scope.</summary>
    public bool ContainsAny(IEnumerable<RegionPlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        return places.Any(p => Contains(p.ProvinceCode, p.CityCode, p.CountyCode));
    }

    public override string ToString() => IsEverywhere ? "everywhere" : string.Join(',', Provinces.Concat(Cities).Concat(Counties).Distinct(StringComparer.Ordinal));
}
