using System.Globalization;

namespace ChainMap.Domain;

/// <summary>
/// Amounts of money in 万元 (10,000 CNY): the one range that the importer (registered capital, revenue)
/// and projects (planned investment) accept, and the exact text form both stores keep them in.
/// </summary>
internal static class WanYuan
{
    /// <summary>The exclusive upper bound: 1,000,000,000,000 万元 (10^16 元), far above any real figure.</summary>
    public const decimal Limit = 1_000_000_000_000m;

    /// <summary>The range as it is written in error messages and docs.</summary>
    public const string RangeText = "from 0 to less than 1,000,000,000,000 万元";

    public static bool InRange(decimal value) => value >= 0 && value < Limit;

    /// <summary>The exact text a store keeps: invariant, no exponent, no trailing zeros (50000.0 → 50000).</summary>
    public static string ToStored(decimal value) => Normalise(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads what a store holds: the exact text written by <see cref="ToStored"/>, or a number or text left
    /// by older versions (binary floating point, exponent form). False, with the reason, when the value is not
    /// a number or is outside the range; a reader then shows the amount as unknown instead of failing.
    /// </summary>
    public static bool TryReadStored(string? stored, out decimal? value, out string? problem)
    {
        value = null;
        problem = null;
        if (stored is null)
        {
            return true;
        }

        if (!decimal.TryParse(stored.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            problem = $"the stored planned investment '{Shorten(stored)}' is not a number of 万元";
            return false;
        }

        if (!InRange(parsed))
        {
            problem = $"the stored planned investment {Shorten(stored)} is outside the range ({RangeText})";
            return false;
        }

        value = Normalise(parsed);
        return true;
    }

    private static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
