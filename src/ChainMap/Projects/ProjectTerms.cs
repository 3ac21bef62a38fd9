using ChainMap.Text;

namespace ChainMap.Projects;

/// <summary>
/// The lifecycle stages in their order (谋划 → 达效), plus <see cref="Terminated"/> (终止), which is
/// outside the order. The numeric values give the order; never persist them, persist the wire code.
/// </summary>
internal enum ProjectStage
{
    Planning = 0,
    Negotiating = 1,
    Signed = 2,
    Landed = 3,
    Started = 4,
    Producing = 5,
    Effective = 6,
    Terminated = 99,
}

/// <summary>Where a lead came from (招商渠道).</summary>
internal enum ProjectChannel
{
    Relatives,
    Hometown,
    Chamber,
    Association,
    Alumni,
    BusinessReferral,
    Ambassador,
    ResidentTeam,
    Other,
}

internal enum ActivityKind
{
    Visit,
    Call,
    Meeting,

    /// <summary>推介会, 签约仪式 and other events; the activity's title names it.</summary>
    Event,
}

/// <summary>要素保障: what a project lacks to go ahead.</summary>
internal enum BlockerKind
{
    Land,
    Energy,
    Financing,
    Permits,
    Other,
}

internal enum BlockerStatus
{
    Open,
    Closed,
}

/// <summary>Wire codes, Chinese names and lenient parsing (code or Chinese name, either script).</summary>
internal static class ProjectTerms
{
    /// <summary>The seven ordered stages, 谋划 first.</summary>
    public static IReadOnlyList<ProjectStage> OrderedStages { get; } =
    [
        ProjectStage.Planning, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed,
        ProjectStage.Started, ProjectStage.Producing, ProjectStage.Effective,
    ];

    /// <summary>The seven ordered stages followed by 终止.</summary>
    public static IReadOnlyList<ProjectStage> AllStages { get; } = [.. OrderedStages, ProjectStage.Terminated];

    public static bool IsOrdered(this ProjectStage stage) => stage != ProjectStage.Terminated;

    public static string ToWire(this ProjectStage stage) => stage switch
    {
        ProjectStage.Planning => "planning",
        ProjectStage.Negotiating => "negotiating",
        ProjectStage.Signed => "signed",
        ProjectStage.Landed => "landed",
        ProjectStage.Started => "started",
        ProjectStage.Producing => "producing",
        ProjectStage.Effective => "effective",
        _ => "terminated",
    };

    public static string ToChinese(this ProjectStage stage) => stage switch
    {
        ProjectStage.Planning => "谋划",
        ProjectStage.Negotiating => "洽谈",
        ProjectStage.Signed => "签约",
        ProjectStage.Landed => "落地",
        ProjectStage.Started => "开工",
        ProjectStage.Producing => "投产",
        ProjectStage.Effective => "达效",
        _ => "终止",
    };

    public static bool TryParseStage(string? text, out ProjectStage stage)
    {
        var folded = ChineseText.Fold(text);
        foreach (var candidate in AllStages)
        {
            if (folded == candidate.ToWire() || folded == candidate.ToChinese())
            {
                stage = candidate;
                return true;
            }
        }

        stage = ProjectStage.Planning;
        return false;
    }

    public static string ToWire(this ProjectChannel channel) => channel switch
    {
        ProjectChannel.Relatives => "relatives",
        ProjectChannel.Hometown => "hometown",
        ProjectChannel.Chamber => "chamber",
        ProjectChannel.Association => "association",
        ProjectChannel.Alumni => "alumni",
        ProjectChannel.BusinessReferral => "business-referral",
        ProjectChannel.Ambassador => "ambassador",
        ProjectChannel.ResidentTeam => "resident-team",
        _ => "other",
    };

    public static string ToChinese(this ProjectChannel channel) => channel switch
    {
        ProjectChannel.Relatives => "亲友",
        ProjectChannel.Hometown => "老乡",
        ProjectChannel.Chamber => "商会",
        ProjectChannel.Association => "行业协会",
        ProjectChannel.Alumni => "校友",
        ProjectChannel.BusinessReferral => "以商招商",
        ProjectChannel.Ambassador => "招商大使",
        ProjectChannel.ResidentTeam => "驻点专班",
        _ => "其他",
    };

    public static IReadOnlyList<ProjectChannel> AllChannels { get; } = Enum.GetValues<ProjectChannel>();

    public static bool TryParseChannel(string? text, out ProjectChannel channel)
    {
        var folded = ChineseText.Fold(text);
        switch (folded)
        {
            case "校友招商":
                channel = ProjectChannel.Alumni;
                return true;
            case "驻点招商专班" or "驻点招商" or "专班":
                channel = ProjectChannel.ResidentTeam;
                return true;
            case "businessreferral" or "以商引商":
                channel = ProjectChannel.BusinessReferral;
                return true;
            case "residentteam":
                channel = ProjectChannel.ResidentTeam;
                return true;
        }

        foreach (var candidate in AllChannels)
        {
            if (folded == candidate.ToWire() || folded == candidate.ToChinese())
            {
                channel = candidate;
                return true;
            }
        }

        channel = ProjectChannel.Other;
        return false;
    }

    public static string ToWire(this ActivityKind kind) => kind switch
    {
        ActivityKind.Visit => "visit",
        ActivityKind.Call => "call",
        ActivityKind.Meeting => "meeting",
        _ => "event",
    };

    public static string ToChinese(this ActivityKind kind) => kind switch
    {
        ActivityKind.Visit => "拜访",
        ActivityKind.Call => "电话",
        ActivityKind.Meeting => "会谈",
        _ => "活动",
    };

    public static bool TryParseActivityKind(string? text, out ActivityKind kind)
    {
        switch (ChineseText.Fold(text))
        {
            case "visit" or "拜访" or "走访" or "考察":
                kind = ActivityKind.Visit;
                return true;
            case "call" or "电话" or "通话":
                kind = ActivityKind.Call;
                return true;
            case "meeting" or "会谈" or "会见" or "洽谈会" or "座谈":
                kind = ActivityKind.Meeting;
                return true;
            case "event" or "活动" or "推介会" or "签约仪式":
                kind = ActivityKind.Event;
                return true;
            default:
                kind = ActivityKind.Visit;
                return false;
        }
    }

    public static string ToWire(this BlockerKind kind) => kind switch
    {
        BlockerKind.Land => "land",
        BlockerKind.Energy => "energy",
        BlockerKind.Financing => "financing",
        BlockerKind.Permits => "permits",
        _ => "other",
    };

    public static string ToChinese(this BlockerKind kind) => kind switch
    {
        BlockerKind.Land => "用地",
        BlockerKind.Energy => "能耗",
        BlockerKind.Financing => "融资",
        BlockerKind.Permits => "审批",
        _ => "其他",
    };

    public static bool TryParseBlockerKind(string? text, out BlockerKind kind)
    {
        switch (ChineseText.Fold(text))
        {
            case "land" or "用地" or "土地":
                kind = BlockerKind.Land;
                return true;
            case "energy" or "能耗" or "用能" or "能源" or "用电":
                kind = BlockerKind.Energy;
                return true;
            case "financing" or "融资" or "资金":
                kind = BlockerKind.Financing;
                return true;
            case "permits" or "permit" or "审批" or "手续" or "许可":
                kind = BlockerKind.Permits;
                return true;
            case "other" or "其他":
                kind = BlockerKind.Other;
                return true;
            default:
                kind = BlockerKind.Other;
                return false;
        }
    }

    public static string ToWire(this BlockerStatus status) => status == BlockerStatus.Open ? "open" : "closed";

    public static bool TryParseBlockerStatus(string? text, out BlockerStatus status)
    {
        switch (ChineseText.Fold(text))
        {
            case "open" or "未解决" or "待协调":
                status = BlockerStatus.Open;
                return true;
            case "closed" or "已解决" or "已关闭":
                status = BlockerStatus.Closed;
                return true;
            default:
                status = BlockerStatus.Open;
                return false;
        }
    }
}
