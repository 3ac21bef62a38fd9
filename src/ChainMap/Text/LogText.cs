using System.Globalization;
using System.Text;

namespace ChainMap.Text;

/// <summary>
/// Makes a value that came from a request (a key id, a file name, a bound parameter) safe to put in a
/// log line: CR, LF and other control characters are written as escapes, so that a value cannot start
/// a forged log line or hide what follows (log forging), and long values are cut.
/// </summary>
internal static class LogText
{
    /// <summary>Longest value written to a log line; the rest is replaced by "…(+N)".</summary>
    public const int MaxLength = 200;

    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var needs = false;
        foreach (var c in cut)
        {
            if (NeedsEscape(c))
            {
                needs = true;
                break;
            }
        }

        var suffix = value.Length > MaxLength ? $"…(+{value.Length - MaxLength})" : string.Empty;
        if (!needs)
        {
            return cut + suffix;
        }

        var builder = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\\' => builder.Append("\\\\"),
                _ when NeedsEscape(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append(suffix).ToString();
    }

    // Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, which some log
    // viewers also break lines at. A backslash is escaped only when something else is, so that plain
    // Windows paths stay readable and an escaped value cannot be confused with a forged one.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
