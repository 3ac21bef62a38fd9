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
    public static double Score(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags) =>
        Assess(registeredCapital, revenue, employees, listedCode, tags).Score;

    public static StrengthAssessment Assess(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags)
    {
        var score = 0.0;
        var facts = new List<string>();
        var missing = new List<string>();
        var signals = 0;

        var board = ListingBoard(listedCode);
        if (board is not null || tags.Contains(CompanyTags.Listed))
        {
            signals++;
            score += BoardPoints(board);
            facts.Add(board is null ? "上市" : $"上市（{listedCode!.Trim()}，{board}）");
        }

        var controller = CompanyTags.Controllers.FirstOrDefault(tags.Contains);
        if (controller is not null)
        {
            signals++;
            score += ControllerPoints(controller);
            facts.Add("企业性质 " + controller);
        }
        else
        {
            missing.Add("企业性质");
        }

        if (registeredCapital is { } capital)
        {
            signals++;
            score += LogPoints((double)capital, 100, 1_000_000, 20);
            facts.Add("注册资本 " + Money(capital));
        }
        else
        {
            missing.Add("注册资本");
        }

        if (revenue is { } income)
        {
            signals++;
            score += LogPoints((double)income, 500, 10_000_000, 25);
            facts.Add("营业收入 " + Money(income));
        }
        else
        {
            missing.Add("营收");
        }

        if (employees is { } staff)
        {
            signals++;
            score += LogPoints(staff, 10, 50_000, 15);
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"员工 {staff} 人"));
        }
        else
        {
            missing.Add("员工人数");
        }

        var labels = 0.0;
        if (tags.Contains(CompanyTags.Top500))
        {
            labels += 12;
        }

        if (tags.Contains(CompanyTags.LittleGiant))
        {
            labels += 8;
        }
        else if (tags.Contains(CompanyTags.SpecialisedSme))
        {
            labels += 5;
        }

        if (tags.Contains(CompanyTags.HighTech))
        {
            labels += 4;
        }

        if (tags.Contains(CompanyTags.AboveScale))
        {
            labels += 4;
        }

        var other = tags.Where(t => t != CompanyTags.Listed && !CompanyTags.Controllers.Contains(t)).ToList();
        if (other.Count > 0)
        {
            signals++;
            score += labels;
            facts.AddRange(other);
        }

        return new StrengthAssessment(Math.Round(Math.Min(score, 100), 2), facts, missing, signals);
    }

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
