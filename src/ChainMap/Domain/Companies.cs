namespace ChainMap.Domain;

/// <summary>Where a company sits in a chain, how sure we are, and why.</summary>
public sealed record SegmentMembership(string SegmentCode, string? Role, double Confidence, string? Evidence, string? Source);

/// <summary>A company. Money is in 万元 (10,000 CNY), as Chinese registers report it.</summary>
public sealed record Company(
    long Id,
    string? Uscc,
    string Name,
    string RegionCode,
    string ProvinceCode,
    string? CityCode,
    string? CountyCode,
    decimal? RegisteredCapital,
    DateOnly? Founded,
    int? Employees,
    decimal? Revenue,
    string? ListedCode,
    IReadOnlyList<string> Tags,
    string? Products,
    string? Address,
    IReadOnlyList<SegmentMembership> Memberships);

public enum CompanyRelationKind
{
    /// <summary>From supplies To (supplier → customer).</summary>
    Supplies,

    /// <summary>From holds equity in To (investor → investee).</summary>
    InvestsIn,

    /// <summary>From controls To.</summary>
    Controls,
}

public sealed record CompanyRelation(long FromCompanyId, long ToCompanyId, CompanyRelationKind Kind, string? Note, string? Source);

public static class CompanyRelationKinds
{
    public static string ToWire(this CompanyRelationKind kind) => kind switch
    {
        CompanyRelationKind.Supplies => "supplies",
        CompanyRelationKind.InvestsIn => "invests-in",
        _ => "controls",
    };

    public static bool TryParse(string? text, out CompanyRelationKind kind)
    {
        switch (Text.ChineseText.Fold(text))
        {
            case "supplies" or "supplier" or "供应" or "供货" or "供应商":
                kind = CompanyRelationKind.Supplies;
                return true;
            case "invests-in" or "investsin" or "investor" or "投资" or "参股" or "股东":
                kind = CompanyRelationKind.InvestsIn;
                return true;
            case "controls" or "控股" or "控制":
                kind = CompanyRelationKind.Controls;
                return true;
            default:
                kind = CompanyRelationKind.Supplies;
                return false;
        }
    }
}

/// <summary>Well-known tags that count towards a company's strength.</summary>
public static class CompanyTags
{
    public const string SpecialisedSme = "专精特新";
    public const string LittleGiant = "小巨人";
    public const string HighTech = "高新技术企业";
    public const string Listed = "上市";
    public const string Top500 = "500强";
    public const string AboveScale = "规上企业";
}
