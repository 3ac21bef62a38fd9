using System.Globalization;

namespace ChainMap.Storage;

/// <summary>What an import session knows of a stored company to decide which one a row is.</summary>
internal interface IStoredCompanyIdentity
{
    long Id { get; }

    string? Uscc { get; }

    string Name { get; }

    string NameKey { get; }

    string RegionCode { get; }

    string? ProvinceCode { get; }

    string? CityCode { get; }

    string? CountyCode { get; }
}

/// <summary>
/// The identity rule of <see cref="ICompanyImportSession.UpsertAsync"/>, the same on every store: a
/// company is found by USCC, else by normalised name within a compatible region; a row with a USCC
/// also merges into its namesake stored without one. Same USCC with another name, or a name that
/// matches several companies, is a conflict.
/// </summary>
internal static class CompanyMatching
{
    /// <summary>The stored company <paramref name="record"/> is (null: a new one), or the conflict that stops it.</summary>
    public static (T? Target, UpsertOutcome? Conflict) Match<T>(
        CompanyRecord record, IReadOnlyDictionary<string, T> byUscc, IReadOnlyDictionary<string, List<T>> byName)
        where T : class, IStoredCompanyIdentity
    {
        if (record.Uscc is not null && byUscc.TryGetValue(record.Uscc, out var sameCode))
        {
            return sameCode.NameKey == record.NameKey
                ? (sameCode, null)
                : (null, new UpsertOutcome(UpsertKind.Conflict, sameCode.Id,
                    $"USCC {record.Uscc} belongs to '{sameCode.Name}' (company {sameCode.Id.ToString(CultureInfo.InvariantCulture)}), but this row names '{record.Name}'; nothing was merged"));
        }

        if (!byName.TryGetValue(record.NameKey, out var sameName))
        {
            return (null, null);
        }

        // A row with a USCC may only merge into a company stored without one; a row without
        // a USCC takes the one company of its name in a compatible region.
        var candidates = sameName.Where(s => (record.Uscc is null || s.Uscc is null) && IsCompatible(s, record)).ToList();
        return candidates.Count > 1
            ? (null, new UpsertOutcome(UpsertKind.Conflict, candidates[0].Id,
                $"'{record.Name}' matches {candidates.Count.ToString(CultureInfo.InvariantCulture)} stored companies ({string.Join(", ", candidates.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)))}); give the USCC or a more specific region"))
            : (candidates.Count == 1 ? candidates[0] : null, null);
    }

    /// <summary>The same division, or one containing the other.</summary>
    public static bool IsCompatible(IStoredCompanyIdentity stored, CompanyRecord record) =>
        stored.RegionCode == record.RegionCode
        || record.RegionCode == stored.ProvinceCode || record.RegionCode == stored.CityCode || record.RegionCode == stored.CountyCode
        || stored.RegionCode == record.ProvinceCode || stored.RegionCode == record.CityCode || stored.RegionCode == record.CountyCode;
}
