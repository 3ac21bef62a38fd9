namespace ChainMap.Api.Projects;

/// <summary>
/// Who makes a change. There is no sign-in yet, so it is the request's optional <c>by</c> field, or
/// "anonymous". This is the one place to replace with the signed-in user when access control arrives.
/// </summary>
internal static class ChangeAuthor
{
    public const string Anonymous = "anonymous";

    public const int MaxLength = 64;

    public static string Of(HttpContext http, string? claimed)
    {
        _ = http;
        if (string.IsNullOrWhiteSpace(claimed))
        {
            return Anonymous;
        }

        var trimmed = claimed.Trim();
        return trimmed.Length <= MaxLength ? trimmed : trimmed[..MaxLength];
    }
}
