using ChainMap.Api.Access;

namespace ChainMap.Api.Projects;

/// <summary>Who makes a change: the signed-in user (name and id), never a name the request claims.</summary>
internal static class ChangeAuthor
{
    public static string Of(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? $"{http.User.UserName()} ({http.User.UserId()})" : "anonymous";
}
