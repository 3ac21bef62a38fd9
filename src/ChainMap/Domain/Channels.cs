namespace ChainMap.Domain;

/// <summary>The kinds of introduction channel the source names (商会, 行业协会, 校友会, 老乡会, 招商大使, 亲友).</summary>
internal enum ChannelKind
{
    /// <summary>商会: a chamber of commerce, e.g. 随州商会 in Shanghai.</summary>
    ChamberOfCommerce,

    /// <summary>行业协会: an industry association.</summary>
    IndustryAssociation,

    /// <summary>校友会: an alumni association.</summary>
    AlumniAssociation,

    /// <summary>老乡会 / 同乡会: a hometown association.</summary>
    HometownAssociation,

    /// <summary>招商大使: an investment ambassador appointed by the home region.</summary>
    InvestmentAmbassador,

    /// <summary>亲友 and other people who can make an introduction.</summary>
    Person,
}

/// <summary>How a channel is tied to a company or another channel; the weight says how strong an introduction through it is.</summary>
internal enum ChannelRole
{
    /// <summary>会员: an ordinary member.</summary>
    Member,

    /// <summary>会长, 副会长, 秘书长, 理事: an officer.</summary>
    Officer,

    /// <summary>法人, 董事长, 总经理, 高管: runs the company.</summary>
    Executive,

    /// <summary>股东: holds shares.</summary>
    Shareholder,

    /// <summary>校友: studied at the same school.</summary>
    Alumnus,

    /// <summary>亲友: relative or friend of the company's leaders.</summary>
    Relative,

    /// <summary>联系人, 熟人: knows someone there.</summary>
    Contact,
}

/// <summary>A division given with its province, city and county (as companies carry them), so that "inside the home region" is a plain comparison.</summary>
internal sealed record RegionPlace(string Code, string ProvinceCode, string? CityCode, string? CountyCode);

/// <summary>
/// An introduction channel. <see cref="Region"/> is where it sits (随州商会 in 上海: 310000);
/// <see cref="Ties"/> are the regions it represents or works for (its 籍贯 or the region that
/// appointed it: 421300 for 随州商会). A channel tied to a division inside the home region leads home by itself.
/// </summary>
internal sealed record Channel(long Id, string Code, string Name, ChannelKind Kind, RegionPlace? Region, IReadOnlyList<RegionPlace> Ties, string? Contact, string? Note, string? Source);

/// <summary>A channel as an import supplies it; identified by <see cref="Code"/>.</summary>
internal sealed record ChannelRecord(string Code, string Name, ChannelKind Kind, RegionPlace? Region, IReadOnlyList<RegionPlace> Ties, string? Contact, string? Note, string? Source);

/// <summary>A link from a channel to a company (<see cref="CompanyId"/>) or to another channel (<see cref="OtherChannelId"/>); exactly one is set.</summary>
internal sealed record ChannelLink(long ChannelId, long? CompanyId, long? OtherChannelId, ChannelRole Role, string? Note, string? Source);

internal static class ChannelKinds
{
    public static string ToWire(this ChannelKind kind) => kind switch
    {
        ChannelKind.ChamberOfCommerce => "chamber",
        ChannelKind.IndustryAssociation => "industry-association",
        ChannelKind.AlumniAssociation => "alumni",
        ChannelKind.HometownAssociation => "hometown",
        ChannelKind.InvestmentAmbassador => "ambassador",
        _ => "person",
    };

    public static string ToChinese(this ChannelKind kind) => kind switch
    {
        ChannelKind.ChamberOfCommerce => "商会",
        ChannelKind.IndustryAssociation => "行业协会",
        ChannelKind.AlumniAssociation => "校友会",
        ChannelKind.HometownAssociation => "同乡会",
        ChannelKind.InvestmentAmbassador => "招商大使",
        _ => "亲友",
    };

    public static bool TryParse(string? text, out ChannelKind kind)
    {
        switch (Text.ChineseText.Fold(text))
        {
            case "chamber" or "chamberofcommerce" or "商会":
                kind = ChannelKind.ChamberOfCommerce;
                return true;
            case "industry-association" or "industryassociation" or "association" or "行业协会" or "协会":
                kind = ChannelKind.IndustryAssociation;
                return true;
            case "alumni" or "alumniassociation" or "校友会" or "校友":
                kind = ChannelKind.AlumniAssociation;
                return true;
            case "hometown" or "hometownassociation" or "同乡会" or "老乡会" or "老乡":
                kind = ChannelKind.HometownAssociation;
                return true;
            case "ambassador" or "investmentambassador" or "招商大使":
                kind = ChannelKind.InvestmentAmbassador;
                return true;
            case "person" or "people" or "亲友" or "个人" or "朋友" or "亲属":
                kind = ChannelKind.Person;
                return true;
            default:
                kind = ChannelKind.Person;
                return false;
        }
    }
}

internal static class ChannelRoles
{
    public static string ToWire(this ChannelRole role) => role switch
    {
        ChannelRole.Member => "member",
        ChannelRole.Officer => "officer",
        ChannelRole.Executive => "executive",
        ChannelRole.Shareholder => "shareholder",
        ChannelRole.Alumnus => "alumnus",
        ChannelRole.Relative => "relative",
        _ => "contact",
    };

    public static string ToChinese(this ChannelRole role) => role switch
    {
        ChannelRole.Member => "会员",
        ChannelRole.Officer => "会长/理事",
        ChannelRole.Executive => "高管",
        ChannelRole.Shareholder => "股东",
        ChannelRole.Alumnus => "校友",
        ChannelRole.Relative => "亲友",
        _ => "联系人",
    };

    /// <summary>How much an introduction through this tie can be relied on (0–1); documented in docs/discovery.md.</summary>
    public static double Weight(this ChannelRole role) => role switch
    {
        ChannelRole.Executive => 0.9,
        ChannelRole.Officer => 0.85,
        ChannelRole.Shareholder => 0.8,
        ChannelRole.Relative => 0.75,
        ChannelRole.Member => 0.7,
        ChannelRole.Alumnus => 0.6,
        _ => 0.5,
    };

    public static bool TryParse(string? text, out ChannelRole role)
    {
        switch (Text.ChineseText.Fold(text))
        {
            case "member" or "会员" or "会员单位" or "成员":
                role = ChannelRole.Member;
                return true;
            case "officer" or "会长" or "副会长" or "执行会长" or "常务副会长" or "秘书长" or "理事" or "常务理事" or "监事长":
                role = ChannelRole.Officer;
                return true;
            case "executive" or "高管" or "法人" or "法定代表人" or "董事长" or "总经理" or "董事":
                role = ChannelRole.Executive;
                return true;
            case "shareholder" or "股东":
                role = ChannelRole.Shareholder;
                return true;
            case "alumnus" or "alumni" or "校友":
                role = ChannelRole.Alumnus;
                return true;
            case "relative" or "亲友" or "亲属" or "朋友" or "friend":
                role = ChannelRole.Relative;
                return true;
            case "contact" or "联系人" or "熟人":
                role = ChannelRole.Contact;
                return true;
            default:
                role = ChannelRole.Contact;
                return false;
        }
    }
}
