using System.Globalization;

namespace ChainMap.Curation;

/// <summary>
/// An analyst's stamp in a company's provenance (field → source text, the same JSON that holds import ids):
/// <c>analyst|&lt;time, ISO 8601&gt;|&lt;user id&gt;|&lt;user name&gt;</c>. Import ids never start with it, so a field's source is
/// either an import id or this text, and imports recognise an analyst's value by it (ADR 0185).
/// </summary>
internal static class AnalystProvenance
{
    public const string Source = "analyst";

    private const string Prefix = Source + "|";

    /// <summary>The prefix as it appears in the stored JSON text (after the opening quote of a value).</summary>
    public const string JsonMarker = "\"" + Prefix;

    public static string Stamp(DateTimeOffset at, string? userId, string userName) =>
        string.Concat(Prefix, at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), "|", Clean(userId), "|", userName);

    public static bool IsAnalyst(string? source) => source is not null && source.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The time, user id and user name of an analyst's stamp; false for an import id or a damaged stamp.</summary>
    public static bool TryRead(string? source, out DateTimeOffset at, out string? userId, out string userName)
    {
        at = default;
        userId = null;
        userName = string.Empty;
        if (!IsAnalyst(source))
        {
            return false;
        }

        var parts = source!.Split('|', 4);
        if (parts.Length < 4 || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out at))
        {
            return false;
        }

        userId = parts[2].Length == 0 ? null : parts[2];
        userName = parts[3];
        return true;
    }

    // A user id holds no '|' (ids are generated); a name may, and it is the last part.
    private static string Clean(string? userId) => (userId ?? string.Empty).Replace('|', '/');
}
