using System.Globalization;

namespace ChainMap.Domain;

/// <summary>
/// What a company's row says about its size and standing, as one number from 0 to 100 with the facts
/// it was built from (documented in docs/discovery.md). <see cref="Signals"/> counts the kinds of
/// evidence present (listing, controller type, capital, revenue, staff, labels); <see cref="Missing"/>
/// names the register facts the row lacks, so a reason can say "未提供注册资本、营收".
/// </summary>
internal sealed record StrengthAssessment(double Score, IReadOnlyList<string> Facts, IReadOnlyList<string> Missing, int Signals);

/// <summary>
/// A company's size and standing as one number from 0 to 100 (documented in docs/discovery.md): a stock
/// listing by its board, the controller type (央企, 地方国企, …), registered capital, revenue and
/// employees on log scales, and points for labels that mark a strong company (500强, 小巨人, 专精特新,
/// 高新技术企业, 规上企业). Both stores store this number for every company.
/// </summary>
internal static class CompanyStrength
{
    public static double Score(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags, DateOnly? founded = null) =>
        Evaluate(registeredCapital, revenue, employees, listedCode, tags, founded, null, describe: false).Score;

    /// <summary>
    /// The strength and the facts it rests on, each fact with the points it adds (上市（600066，上交所主板）14 分), and the register
    /// facts the row lacks. <paramref name="asOf"/> is the day the company's age is counted to (today, UTC, when not given).
    /// </summary>
    public static StrengthAssessment Assess(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags, DateOnly? founded = null, DateOnly? asOf = null) =>
        Evaluate(registeredCapital, revenue, employees, listedCode, tags, founded, asOf, describe: true);

    /// <summary>How many kinds of strength evidence the row carries (<see cref="StrengthAssessment.Signals"/>), without wording the facts: ranking asks it of every candidate.</summary>
    public static int Signals(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags, DateOnly? founded) =>
        Evaluate(registeredCapital, revenue, employees, listedCode, tags, founded, null, describe: false).Signals;

    private static StrengthAssessment Evaluate(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags, DateOnly? founded, DateOnly? asOf, bool describe)
    {
        // Facts are worded only when asked (describe): an import scores every row and ranking counts every candidate's
        // signals, so the score alone allocates nothing per fact.
        var score = 0.0;
        List<string>? facts = describe ? [] : null;
        List<string>? missing = describe ? [] : null;
        var signals = 0;

        void Fact(string? text, double points)
        {
            score += points;
            facts?.Add(string.Create(CultureInfo.InvariantCulture, $"{text} {Math.Round(points, 2):0.##} 分"));
        }

        var board = ListingBoard(listedCode);
        if (board is not null || tags.Contains(CompanyTags.Listed))
        {
            signals++;
            Fact(describe ? (board is null ? "上市" : $"上市（{listedCode!.Trim()}，{board}）") : null, BoardPoints(board));
        }

        string? controller = null;
        for (var i = 0; i < CompanyTags.Controllers.Count && tags.Count > 0; i++)
        {
            if (tags.Contains(CompanyTags.Controllers[i]))
            {
                controller = CompanyTags.Controllers[i];
                break;
            }
        }

        if (controller is not null)
        {
            signals++;
            Fact(describe ? "企业性质 " + controller : null, ControllerPoints(controller));
        }
        else
        {
            missing?.Add("企业性质");
        }

        if (registeredCapital is { } capital)
        {
            signals++;
            Fact(describe ? "注册资本 " + Money(capital) : null, LogPoints((double)capital, 100, 1_000_000, 20));
        }
        else
        {
            missing?.Add("注册资本");
        }

        if (revenue is { } income)
        {
            signals++;
            Fact(describe ? "营业收入 " + Money(income) : null, LogPoints((double)income, 500, 10_000_000, 25));
        }
        else
        {
            missing?.Add("营收");
        }

        if (employees is { } staff)
        {
            signals++;
            Fact(describe ? string.Create(CultureInfo.InvariantCulture, $"员工 {staff} 人") : null, LogPoints(staff, 10, 50_000, 15));
        }
        else
        {
            missing?.Add("员工人数");
        }

        if (founded is { } date)
        {
            signals++;
            var years = Years(date, asOf ?? DateOnly.FromDateTime(DateTime.UtcNow));
            Fact(describe ? string.Create(CultureInfo.InvariantCulture, $"成立 {years} 年（{date:yyyy-MM-dd}）") : null, AgePoints(years));
        }
        else
        {
            missing?.Add("成立日期");
        }

        var counted = false;
        var qualifications = 0.0;
        // Other tags (labels and qualifications); most rows have none, and an enumerator is an allocation.
        if (tags.Count > 0)
        {
            foreach (var tag in tags)
            {
                if (tag == CompanyTags.Listed || CompanyTags.Controllers.Contains(tag))
                {
                    continue;
                }

                if (!counted)
                {
                    signals++;
                    counted = true;
                }

                var points = LabelPoints(tag, tags);
                var qualification = QualificationPoints(tag);
                if (points == 0 && qualification > 0)
                {
                    // Qualifications together add at most MaxQualificationPoints.
                    points = Math.Min(qualification, MaxQualificationPoints - qualifications);
                    qualifications += points;
                }

                Fact(tag, points);
            }
        }

        return new StrengthAssessment(Math.Round(Math.Min(score, 100), 2), (IReadOnlyList<string>?)facts ?? [], (IReadOnlyList<string>?)missing ?? [], signals);
    }

    /// <summary>Qualifications (资质 tags) together add at most this many points.</summary>
    public const double MaxQualificationPoints = 8;

    /// <summary>
    /// Points of a qualification a 资质 column names, by what it proves: admission to make road vehicles (工信部公告,
    /// 生产准入, 生产资质) 4; pressure vessels and special equipment (压力容器, 特种设备) 3; the automotive quality system
    /// (IATF 16949) 3; defence qualifications (军工, 武器装备) 3; compulsory or fire-product certification (3C, CCC,
    /// 消防产品认证) 2; a general quality system (ISO 9001) 1; anything else 0 (listed, not counted).
    /// </summary>
    public static double QualificationPoints(string tag)
    {
        var t = Text.ChineseText.Fold(tag).Replace(" ", string.Empty, StringComparison.Ordinal);
        return t switch
        {
            _ when t.Contains("公告", StringComparison.Ordinal) || t.Contains("准入", StringComparison.Ordinal) || t.Contains("生产资质", StringComparison.Ordinal) => 4,
            _ when t.Contains("压力容器", StringComparison.Ordinal) || t.Contains("特种设备", StringComparison.Ordinal) => 3,
            _ when t.Contains("16949", StringComparison.Ordinal) => 3,
            _ when t.Contains("军工", StringComparison.Ordinal) || t.Contains("武器装备", StringComparison.Ordinal) => 3,
            _ when t.Contains("3c", StringComparison.Ordinal) || t.Contains("ccc", StringComparison.Ordinal) || t.Contains("强制性产品认证", StringComparison.Ordinal)
                || t.Contains("消防产品", StringComparison.Ordinal) => 2,
            _ when t.Contains("9001", StringComparison.Ordinal) => 1,
            _ => 0,
        };
    }

    /// <summary>Whole years from <paramref name="founded"/> to <paramref name="asOf"/> (0 when in the future).</summary>
    public static int Years(DateOnly founded, DateOnly asOf)
    {
        var years = asOf.Year - founded.Year - (asOf.DayOfYear < founded.DayOfYear ? 1 : 0);
        return Math.Max(0, years);
    }

    /// <summary>An established company is a safer target: 20 years or more 6, 10–19 4, 5–9 2, younger 0.</summary>
    public static double AgePoints(int years) => years switch
    {
        >= 20 => 6,
        >= 10 => 4,
        >= 5 => 2,
        _ => 0,
    };

    private static double LabelPoints(string tag, IReadOnlyCollection<string> tags) => tag switch
    {
        CompanyTags.Top500 => 12,
        CompanyTags.LittleGiant => 8,
        CompanyTags.SpecialisedSme => tags.Contains(CompanyTags.LittleGiant) ? 0 : 5,
        CompanyTags.HighTech => 4,
        CompanyTags.AboveScale => 4,
        _ => 0,
    };

    /// <summary>
    /// The exchange board a six-digit A-share code belongs to: 60 上交所主板, 68 科创板, 00 深交所主板
    /// (002/003 included since the 2021 merger of the SME board), 30 创业板, 8/4/92 北交所; null otherwise.
    /// </summary>
    public static string? ListingBoard(string? listedCode)
    {
        var code = (listedCode ?? string.Empty).Trim();
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            code = code[..dot];
        }

        if (code.Length == 0)
        {
            return null;
        }

        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return "其他市场";
        }

        return code switch
        {
            _ when code.StartsWith("60", StringComparison.Ordinal) => "上交所主板",
            _ when code.StartsWith("68", StringComparison.Ordinal) => "上交所科创板",
            _ when code.StartsWith("00", StringComparison.Ordinal) => "深交所主板",
            _ when code.StartsWith("30", StringComparison.Ordinal) => "深交所创业板",
            _ when code.StartsWith("92", StringComparison.Ordinal) || code[0] is '8' or '4' => "北交所",
            _ => "其他市场",
        };
    }

    /// <summary>Main boards list the largest companies; 科创板/创业板 growth companies; 北交所 smaller ones.</summary>
    private static double BoardPoints(string? board) => board switch
    {
        "上交所主板" or "深交所主板" => 14,
        "上交所科创板" or "深交所创业板" => 12,
        "北交所" => 9,
        _ => 10,
    };

    private static double ControllerPoints(string controller) => controller switch
    {
        CompanyTags.CentralState => 8,
        CompanyTags.LocalState or CompanyTags.State => 6,
        CompanyTags.Foreign => 4,
        CompanyTags.PublicHeld => 3,
        _ => 2,
    };

    private static string Money(decimal wan) => wan >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{wan / 10_000:0.##} 亿元")
        : string.Create(CultureInfo.InvariantCulture, $"{wan:0.##} 万元");

    /// <summary>0 at or below <paramref name="low"/>, <paramref name="points"/> at or above <paramref name="high"/>, log-linear between.</summary>
    private static double LogPoints(double value, double low, double high, double points)
    {
        if (value <= low)
        {
            return 0;
        }

        if (value >= high)
        {
            return points;
        }

        return points * Math.Log(value / low) / Math.Log(high / low);
    }
}
