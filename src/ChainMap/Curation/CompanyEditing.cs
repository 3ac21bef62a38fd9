using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Curation;

/// <summary>A value an edit gives (null for a field it leaves alone); <see cref="Value"/> itself may be null (the value is cleared).</summary>
internal readonly record struct Given<T>(T Value);

/// <summary>A division an edit moves a company to, with its province, city and county.</summary>
internal sealed record EditedRegion(string Code, string Province, string? City, string? County);

/// <summary>
/// The fields an analyst edits (null: left as stored). Name and region cannot be cleared; the others can
/// (<see cref="Given{T}"/> with a null value). Tags are the whole new list.
/// </summary>
internal sealed record CompanyEdit
{
    public string? Name { get; init; }

    public EditedRegion? Region { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public Given<decimal?>? RegisteredCapital { get; init; }

    public Given<decimal?>? Revenue { get; init; }

    public Given<int?>? Employees { get; init; }

    public Given<string?>? Products { get; init; }

    public Given<string?>? Address { get; init; }

    public Given<DateOnly?>? Founded { get; init; }

    public Given<string?>? ListedCode { get; init; }
}

/// <summary>What an edit makes of a stored company: the company to store, the fields that changed (<see cref="CompanyFields"/> bits), whether the region moved.</summary>
internal readonly record struct CompanyEditDecision(StoredCompany Company, int ChangedFields, bool RegionChanged)
{
    public bool Changed => ChangedFields != 0;
}

/// <summary>
/// The rules of an analyst's edit (ADR 0185), pure: a given value that differs from the stored one replaces it and its
/// provenance becomes the analyst's stamp; a value equal to the stored one changes nothing (no stamp, no new version);
/// the strength is scored again; a company without a USCC takes the identity key of its new name and region. An edit
/// must not make the company one that the import identity rule (ADR 0010) would take for another stored company.
/// </summary>
internal static class CompanyEditing
{
    public static CompanyEditDecision Apply(StoredCompany stored, CompanyEdit edit, string analystStamp)
    {
        var changed = 0;

        T Pick<T>(int field, T current, bool given, T value)
        {
            if (!given || EqualityComparer<T>.Default.Equals(current, value))
            {
                return current;
            }

            changed |= field;
            return value;
        }

        var name = Pick(CompanyFields.Name, stored.Name, edit.Name is not null, edit.Name!);
        var region = Pick(CompanyFields.Region, stored.RegionCode, edit.Region is not null, edit.Region?.Code!);
        var capital = Pick(CompanyFields.RegisteredCapital, stored.RegisteredCapital, edit.RegisteredCapital is not null, edit.RegisteredCapital?.Value);
        var revenue = Pick(CompanyFields.Revenue, stored.Revenue, edit.Revenue is not null, edit.Revenue?.Value);
        var employees = Pick(CompanyFields.Employees, stored.Employees, edit.Employees is not null, edit.Employees?.Value);
        var products = Pick(CompanyFields.Products, stored.Products, edit.Products is not null, edit.Products?.Value);
        var address = Pick(CompanyFields.Address, stored.Address, edit.Address is not null, edit.Address?.Value);
        var founded = Pick(CompanyFields.Founded, stored.Founded, edit.Founded is not null, edit.Founded?.Value);
        var listed = Pick(CompanyFields.ListedCode, stored.ListedCode, edit.ListedCode is not null, edit.ListedCode?.Value);
        var tags = Pick(CompanyFields.Tags, stored.JoinedTags, edit.Tags is not null, edit.Tags is null ? null! : string.Join('|', edit.Tags));
        if (changed == 0)
        {
            return new CompanyEditDecision(stored, 0, false);
        }

        var regionChanged = region != stored.RegionCode;
        var nameKey = name == stored.Name ? stored.NameKey : Text.ChineseText.NormalizeCompanyName(name);
        var company = stored with
        {
            Name = name,
            NameKey = nameKey,
            IdentityKey = stored.Uscc is not null ? "u:" + stored.Uscc : "n:" + nameKey + "|" + region,
            RegionCode = region,
            ProvinceCode = regionChanged ? edit.Region!.Province : stored.ProvinceCode,
            CityCode = regionChanged ? edit.Region!.City : stored.CityCode,
            CountyCode = regionChanged ? edit.Region!.County : stored.CountyCode,
            RegisteredCapital = capital,
            Revenue = revenue,
            Employees = employees,
            Products = products,
            Address = address,
            Founded = founded,
            ListedCode = listed,
            JoinedTags = tags,
            Strength = CompanyStrength.Score(capital, revenue, employees, listed, tags.Split('|', StringSplitOptions.RemoveEmptyEntries), founded),
            Provenance = stored.Provenance.Stamp(changed, analystStamp),
        };
        return new CompanyEditDecision(company, changed, regionChanged);
    }

    /// <summary>
    /// The stored company an edited one would be taken for by the import identity rule: another company of the same
    /// name key in the same division or one containing the other, where at most one of the two has a USCC
    /// (two different USCCs are two legal entities). Null when there is none.
    /// </summary>
    public static StoredCompany? Collision(StoredCompany edited, IEnumerable<StoredCompany> namesakes) =>
        namesakes.FirstOrDefault(other =>
            other.Id != edited.Id
            && other.NameKey == edited.NameKey
            && (edited.Uscc is null || other.Uscc is null)
            && Contains(edited, other));

    private static bool Contains(StoredCompany a, StoredCompany b) =>
        a.RegionCode == b.RegionCode
        || b.RegionCode == a.ProvinceCode || b.RegionCode == a.CityCode || b.RegionCode == a.CountyCode
        || a.RegionCode == b.ProvinceCode || a.RegionCode == b.CityCode || a.RegionCode == b.CountyCode;
}
