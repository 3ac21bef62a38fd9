using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>The fields a company file can carry, and the header names (Chinese or English) that mean each.</summary>
public static class CompanyColumns
{
    public const string Name = "name";
    public const string Uscc = "uscc";
    public const string RegionCode = "region_code";
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Address = "address";
    public const string Industry = "industry";
    public const string Products = "products";
    public const string Segment = "segment";
    public const string Role = "role";
    public const string RegisteredCapital = "registered_capital";
    public const string Founded = "founded";
    public const string Employees = "employees";
    public const string Revenue = "revenue";
    public const string ListedCode = "listed_code";
    public const string Tags = "tags";

    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        [Name] = ["name", "company", "company_name", "企业名称", "公司名称", "公司全称", "企业全称", "单位名称", "名称", "企业"],
        [Uscc] = ["uscc", "credit_code", "统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码"],
        [RegionCode] = ["region_code", "行政区划代码", "区划代码", "地区代码", "区县代码"],
        [Province] = ["province", "省份", "省", "所属省份", "省份名称"],
        [City] = ["city", "城市", "市", "所属城市", "地市"],
        [County] = ["county", "district", "区县", "县", "区", "所属区县"],
        [Address] = ["address", "注册地址", "地址", "企业地址", "通信地址", "办公地址"],
        [Industry] = ["industry", "行业", "所属行业", "国标行业", "行业分类"],
        [Products] = ["products", "business", "主营产品", "主营业务", "经营范围", "主要产品"],
        [Segment] = ["segment", "segment_code", "环节", "产业链环节", "环节代码", "所属环节"],
        [Role] = ["role", "角色", "链上角色"],
        [RegisteredCapital] = ["registered_capital", "capital", "注册资本", "注册资本(万元)", "注册资本（万元）", "注册资金"],
        [Founded] = ["founded", "established", "成立日期", "成立时间", "注册日期"],
        [Employees] = ["employees", "staff", "员工人数", "从业人数", "职工人数", "参保人数"],
        [Revenue] = ["revenue", "营业收入", "营业收入(万元)", "营业收入（万元）", "营收", "年营业额"],
        [ListedCode] = ["listed_code", "stock_code", "股票代码", "证券代码", "上市代码"],
        [Tags] = ["tags", "标签", "企业标签", "资质", "荣誉资质"],
    };

    private static readonly Dictionary<string, string> ByHeader = Aliases
        .SelectMany(p => p.Value.Select(alias => (Key: Fold(alias), Field: p.Key)))
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.First().Field, StringComparer.Ordinal);

    /// <summary>Every known field with its accepted header names, for documentation and error messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Known => Aliases;

    /// <summary>The field a header names, or null when unknown.</summary>
    public static string? FieldOf(string header) => ByHeader.GetValueOrDefault(Fold(header));

    private static string Fold(string header) =>
        ChineseText.Fold(header).Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}
