namespace ChainMap.Domain;

/// <summary>
/// A company's size and standing as one number from 0 to 100 (documented in docs/discovery.md):
/// registered capital, revenue and employees on log scales, plus points for labels that mark a
/// strong company (listed, 500强, 小巨人, 专精特新, 高新技术企业, 规上企业).
/// </summary>
public static class CompanyStrength
{
    public static double Score(decimal? registeredCapital, decimal? revenue, int? employees, string? listedCode, IReadOnlyCollection<string> tags)
    {
        var score = 0.0;
        score += LogPoints((double)(registeredCapital ?? 0), 100, 1_000_000, 20);
        score += LogPoints((double)(revenue ?? 0), 500, 10_000_000, 25);
        score += LogPoints(employees ?? 0, 10, 50_000, 15);
        if (!string.IsNullOrWhiteSpace(listedCode) || tags.Contains(CompanyTags.Listed))
        {
            score += 12;
        }

        if (tags.Contains(CompanyTags.Top500))
        {
            score += 12;
        }

        if (tags.Contains(CompanyTags.LittleGiant))
        {
            score += 8;
        }
        else if (tags.Contains(CompanyTags.SpecialisedSme))
        {
            score += 5;
        }

        if (tags.Contains(CompanyTags.HighTech))
        {
            score += 4;
        }

        if (tags.Contains(CompanyTags.AboveScale))
        {
            score += 4;
        }

        return Math.Round(Math.Min(score, 100), 2);
    }

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
