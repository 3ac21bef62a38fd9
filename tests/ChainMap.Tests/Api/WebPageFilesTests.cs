using System.Net;

namespace ChainMap.Tests.Api;

/// <summary>The web page's files: served without sign-in, as JavaScript, always revalidated.</summary>
public sealed class WebPageFilesTests
{
    [Test]
    public async Task Page_is_served_at_the_root_without_a_credential()
    {
        using var client = SharedApi.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<script type=\"module\" src=\"js/app.js\">").And.Contain("lib/echarts.min.js"));
        Assert.That(html, Does.Not.Contain("<script>"), "the CSP allows no inline script");
    }

    [TestCase("/js/app.js")]
    [TestCase("/lib/echarts.min.js")]
    public async Task Scripts_are_javascript_and_revalidated_on_each_use(string path)
    {
        using var client = SharedApi.Factory.CreateAnonymousClient();

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path} (scripts/web-assets.sh copies lib/)");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
        Assert.That(response.Headers.ETag, Is.Not.Null);
    }
}
