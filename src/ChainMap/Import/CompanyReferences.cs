using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Import;

/// <summary>
/// Which stored companies a reference names (relation imports), the same on every store: by USCC when the
/// reference gives one; else by normalised name, restricted to the companies that lie within the
/// reference's division when it gives one (<see cref="RegionScope.Contains"/>). Several companies mean
/// the reference is ambiguous; the importer reports it.
/// </summary>
internal static class CompanyReferences
{
    /// <summary>The USCCs and name keys the store must load for <paramref name="references"/>.</summary>
    public static (IReadOnlyCollection<string> Usccs, IReadOnlyCollection<string> NameKeys) Keys(IReadOnlyList<CompanyReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var usccs = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (reference.Uscc is not null)
            {
                usccs.Add(reference.Uscc);
            }
            else if (!string.IsNullOrEmpty(reference.NameKey))
            {
                names.Add(reference.NameKey);
            }
        }

        return (usccs, names);
    }

    /// <summary>For each reference, in input order, the ids of the companies it names, ascending.</summary>
    public static IReadOnlyList<IReadOnlyList<long>> Match(IReadOnlyList<CompanyReference> references, IReadOnlyList<CompanyKey> stored)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(stored);
        var byUscc = new Dictionary<string, long>(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<CompanyKey>>(StringComparer.Ordinal);
        foreach (var company in stored.OrderBy(c => c.Id))
        {
            if (company.Uscc is not null)
            {
                byUscc[company.Uscc] = company.Id;
            }

            if (!byName.TryGetValue(company.NameKey, out var list))
            {
                byName[company.NameKey] = list = [];
            }

            list.Add(company);
        }

        var result = new List<IReadOnlyList<long>>(references.Count);
        foreach (var reference in references)
        {
            if (reference.Uscc is not null)
            {
                result.Add(byUscc.TryGetValue(reference.Uscc, out var id) ? [id] : []);
            }
            else if (!string.IsNullOrEmpty(reference.NameKey) && byName.TryGetValue(reference.NameKey, out var named))
            {
                var scope = reference.RegionCode is null ? RegionScope.Everywhere : RegionScope.Of([reference.RegionCode]);
                result.Add(named.Where(c => scope.Contains(c.ProvinceCode, c.CityCode, c.CountyCode)).Select(c => c.Id).ToList());
            }
            else
            {
                result.Add([]);
            }
        }

        return result;
    }
}
