namespace ChainMap.Domain;

/// <summary>
/// Where a company sits in a chain, how sure we are, and why. An <see cref="MembershipStatus.Unconfirmed"/>
/// (待确认) membership is shown and counted apart but left out of gap ratings and target lists.
/// </summary>
internal sealed record SegmentMembership(string SegmentCode, string? Role, double Confidence, string? Evidence, string? Source, MembershipStatus Status = MembershipStatus.Confirmed)
{
    public bool IsConfirmed => Status == MembershipStatus.Confirmed;

    /// <summary>True when the classifier made it (see <see cref="MembershipSources"/>); a re-classification replaces only these.</summary>
    public bool IsClassified => MembershipSources.IsClassifier(Source);

    /// <summary>
    /// For a chain-level membership (环节待定), the segments its evidence fitted, best first (ADR 0405); else empty. A method, not
    /// a property, so that kept answers that hold companies (ADR 0295) do not carry it.
    /// </summary>
    public IReadOnlyList<string> SuggestedSegments() => ChainLevelMemberships.Suggestions(Evidence);
}

/// <summary>
/// Confirmed memberships count in discovery; unconfirmed (待确认) ones wait for an analyst. Rejected is no
/// stored membership: it is an analyst's tombstone (ADR 0180), seen only by an import's merge, which never
/// writes a membership over it.
/// </summary>
internal enum MembershipStatus
{
    Confirmed,
    Unconfirmed,
    Rejected,
}

internal static class MembershipStatuses
{
    public static string ToWire(this MembershipStatus status) => status switch
    {
        MembershipStatus.Unconfirmed => "unconfirmed",
        MembershipStatus.Rejected => "rejected",
        _ => "confirmed",
    };

    public static bool TryParse(string? text, out MembershipStatus status)
    {
        switch (Text.ChineseText.Fold(text))
        {
            case "confirmed" or "已确认" or "确认":
                status = MembershipStatus.Confirmed;
                return true;
            case "unconfirmed" or "待确认" or "未确认":
                status = MembershipStatus.Unconfirmed;
                return true;
            default:
                status = MembershipStatus.Confirmed;
                return false;
        }
    }
}

/// <summary>
/// The <see cref="SegmentMembership.Source"/> of a membership tells who made it: a file's segment column
/// (the file name), the classifier ("classifier:" + file name, or "classifier:reclassify") or an analyst
/// ("analyst"). Only the classifier's are replaced when companies are re-classified.
/// </summary>
internal static class MembershipSources
{
    public const string ClassifierPrefix = "classifier:";
    public const string Reclassify = ClassifierPrefix + "reclassify";
    public const string Analyst = "analyst";

    public static string Classifier(string? origin) => ClassifierPrefix + (origin ?? string.Empty);

    public static bool IsClassifier(string? source) => source is not null && source.StartsWith(ClassifierPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The merge rule of a re-import, the same on every store: a classifier guess never replaces a
    /// membership given in a file or set by an analyst, and never downgrades a confirmed one to 待确认; nothing
    /// an import brings replaces an analyst's rejection (ADR 0180).
    /// </summary>
    public static bool Replaces(SegmentMembership incoming, SegmentMembership stored) =>
        stored.Status != MembershipStatus.Rejected
        && (!incoming.IsClassified || (stored.IsClassified && (incoming.IsConfirmed || !stored.IsConfirmed)));
}

/// <summary>
/// A chain-level membership (ADR 0370): the evidence names the chain but not which of its segments (a coarse label such as
/// 汽车配件 whose usual segment it does not choose), so the membership is stored under the chain's code (no segment carries
/// a chain's code: <see cref="Chains.ChainService"/> refuses one) and shown as "&lt;chain&gt; · 环节待定". It counts in the chain, never
/// in a segment's gap rating or target list.
/// </summary>
internal static class ChainLevelMemberships
{
    /// <summary>How the classifier's evidence of a chain-level membership begins: "链级: 汽车配件; …".</summary>
    public const string EvidencePrefix = "链级: ";

    /// <summary>What the page shows in place of a segment's name.</summary>
    public const string PendingSegment = "环节待定";

    /// <summary>How many segments a chain-level membership suggests at most (ADR 0405).</summary>
    public const int MaxSuggestions = 6;

    /// <summary>The part of the evidence that names the suggested segments: "可定环节: ZQ-POWER-ENGINE、ZQ-CHASSIS" (ADR 0405).</summary>
    private const string SuggestionsLabel = "可定环节: ";

    private const string EvidenceSeparator = "; ";

    /// <summary>The suggested segments as the evidence names them.</summary>
    public static string SuggestionsPart(IEnumerable<string> segmentCodes) => SuggestionsLabel + string.Join('、', segmentCodes);

    /// <summary>
    /// The segments the classifier's evidence of a chain-level membership suggests (ADR 0405), best first; none for any other
    /// evidence. They are kept in the evidence, so every store and every path that keeps a membership's evidence keeps them.
    /// </summary>
    public static IReadOnlyList<string> Suggestions(string? evidence)
    {
        if (evidence is null || !evidence.StartsWith(EvidencePrefix, StringComparison.Ordinal))
        {
            return [];
        }

        var part = evidence.Split(EvidenceSeparator).FirstOrDefault(p => p.StartsWith(SuggestionsLabel, StringComparison.Ordinal));
        return part is null ? [] : part[SuggestionsLabel.Length..].Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// True for a classifier's chain-level membership whose evidence suggests no segment: one stored before ADR 0405, which the
    /// suggestion job (ADR 0425) gives its suggestions.
    /// </summary>
    public static bool LacksSuggestions(SegmentMembership membership) =>
        membership.IsClassified && membership.Evidence is { } evidence && evidence.StartsWith(EvidencePrefix, StringComparison.Ordinal)
        && Suggestions(evidence).Count == 0;

    /// <summary>
    /// The evidence with the suggestions part after its first part ("链级: 汽车配件; 可定环节: …; 推断: 汽车配件"), where the
    /// classifier writes it; the rest is kept byte for byte (ADR 0425).
    /// </summary>
    public static string WithSuggestions(string evidence, IReadOnlyList<string> segmentCodes)
    {
        var end = evidence.IndexOf(EvidenceSeparator, StringComparison.Ordinal);
        return end < 0
            ? evidence + EvidenceSeparator + SuggestionsPart(segmentCodes)
            : evidence[..end] + EvidenceSeparator + SuggestionsPart(segmentCodes) + evidence[end..];
    }

    /// <summary>Why a segment may not have <paramref name="segmentCode"/> (it is a chain's code: a chain-level membership is stored under it), or null.</summary>
    public static string? SegmentCodeProblem(string segmentCode, IReadOnlySet<string> chainCodes) =>
        chainCodes.Contains(segmentCode) ? $"segment code {segmentCode} is the code of a chain" : null;
}

/// <summary>
/// A company. Money is in 万元 (10,000 CNY), as Chinese registers report it. <see cref="Version"/> counts the writes to
/// the company's fields (1 for a company stored before versions existed); edits and deletes expect it (optimistic concurrency).
/// </summary>
internal sealed record Company(
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
    IReadOnlyList<SegmentMembership> Memberships,
    string? Industry = null,
    string? Scope = null,
    long Version = 1);

internal enum CompanyRelationKind
{
    /// <summary>From supplies To (supplier → customer).</summary>
    Supplies,

    /// <summary>From holds equity in To (investor → investee).</summary>
    InvestsIn,

    /// <summary>From controls To.</summary>
    Controls,
}

internal sealed record CompanyRelation(long FromCompanyId, long ToCompanyId, CompanyRelationKind Kind, string? Note, string? Source);

internal static class CompanyRelationKinds
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
internal static class CompanyTags
{
    public const string SpecialisedSme = "专精特新";
    public const string LittleGiant = "小巨人";
    public const string HighTech = "高新技术企业";
    public const string Listed = "上市";
    public const string Top500 = "500强";
    public const string AboveScale = "规上企业";

    /// <summary>Controller types (企业性质), kept as tags; imported from columns such as 企业性质 or 实际控制人性质.</summary>
    public const string CentralState = "央企";
    public const string LocalState = "地方国企";
    public const string State = "国有企业";
    public const string Foreign = "外资企业";
    public const string PublicHeld = "公众企业";
    public const string Private = "民营企业";

    /// <summary>The controller types, strongest first.</summary>
    public static readonly IReadOnlyList<string> Controllers = [CentralState, LocalState, State, Foreign, PublicHeld, Private];

    /// <summary>
    /// The controller tag for a 企业性质 / 实际控制人性质 value (中央国有企业, 央企, 地方国有企业, 民营企业,
    /// 外商独资, 中外合资, 中外合作, 台港澳法人独资, 港、澳、台, 公众企业, …; 国有 without 中央 or 地方 stays 国有企业; a register's 企业类型 such as
    /// 有限责任公司（自然人投资或控股） is 民营企业, but 非自然人投资或控股 says nothing); null when the text names none of them.
    /// </summary>
    public static string? Controller(string? text)
    {
        // 港、澳、台 as some registers list it is 港澳台.
        var folded = Text.ChineseText.Fold(text).Replace("、", string.Empty, StringComparison.Ordinal);
        if (folded.Length == 0)
        {
            return null;
        }

        if (folded.Contains("央企", StringComparison.Ordinal) || folded.Contains("中央", StringComparison.Ordinal) || folded.Contains("国务院国资委", StringComparison.Ordinal))
        {
            return CentralState;
        }

        if (folded.Contains("地方国", StringComparison.Ordinal) || folded.Contains("省属", StringComparison.Ordinal) || folded.Contains("市属", StringComparison.Ordinal)
            || folded.Contains("区属", StringComparison.Ordinal) || folded.Contains("县属", StringComparison.Ordinal))
        {
            return LocalState;
        }

        if (folded.Contains("国有", StringComparison.Ordinal) || folded.Contains("国企", StringComparison.Ordinal) || folded.Contains("国资", StringComparison.Ordinal)
            || folded.Contains("全民所有制", StringComparison.Ordinal))
        {
            return State;
        }

        if (folded.Contains("外资", StringComparison.Ordinal) || folded.Contains("外商", StringComparison.Ordinal) || folded.Contains("中外合资", StringComparison.Ordinal)
            || folded.Contains("中外合作", StringComparison.Ordinal) || folded.Contains("港澳台", StringComparison.Ordinal) || folded.Contains("台港澳", StringComparison.Ordinal)
            || folded.Contains("外国", StringComparison.Ordinal))
        {
            return Foreign;
        }

        if (folded.Contains("公众", StringComparison.Ordinal))
        {
            return PublicHeld;
        }

        if (folded.Contains("民营", StringComparison.Ordinal) || folded.Contains("私营", StringComparison.Ordinal) || folded.Contains("民企", StringComparison.Ordinal)
            || folded.Contains("个人", StringComparison.Ordinal) || folded.Replace("非自然人", string.Empty, StringComparison.Ordinal).Contains("自然人", StringComparison.Ordinal))
        {
            return Private;
        }

        return null;
    }
}
