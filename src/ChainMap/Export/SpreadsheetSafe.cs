namespace ChainMap.Export;

/// <summary>
/// Neutralises spreadsheet formula injection (CSV injection, OWASP): a text cell that starts with
/// '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe, so Excel, WPS and
/// LibreOffice show it as text instead of evaluating it. Numbers are written as numbers and left alone.
/// </summary>
internal static class SpreadsheetSafe
{
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value
        : value;
}
