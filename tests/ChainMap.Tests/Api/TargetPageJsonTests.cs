using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Targets;
using ChainMap.Discovery;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Api;

/// <summary>
/// A repeated target list page is written from the JSON kept with its ranking (ADR 0260): the bytes are the
/// serializer's own for <see cref="TargetPageResponse"/>, an analyst's write changes the next answer, and
/// <c>asOf</c> / <c>stale</c> are worked out per request, not kept with the JSON.
/// </summary>
public sealed class TargetPageJsonTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    [SetUp]
    public async Task BuildGraph()
    {
        factory = new ChainMapApiFactory(seed: false, time: clock);
        await TargetApiTests.BuildAsync(factory);
        client = factory.CreateClient();
    }

    [TearDown]
    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    private async Task<string> GetAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        return body;
    }

    [Test]
    public async Task A_repeated_page_is_the_same_json_the_serializer_writes_for_the_response()
    {
        const string url = "/api/targets?chain=T1&pageSize=2&paths=2";
        var first = await GetAsync(url);
        var again = await GetAsync(url);
        var second = await GetAsync(url + "&page=2");

        Assert.That(again, Is.EqualTo(first), "nothing changed in between");
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var body in new[] { first, second })
        {
            var page = JsonSerializer.Deserialize<TargetPageResponse>(body, options)!;
            Assert.That(page.Items, Is.Not.Empty);
            Assert.That(body, Is.EqualTo(JsonSerializer.Serialize(page, options)), "written exactly as Ok<TargetPageResponse> writes it");
        }

        Assert.That(JsonSerializer.Deserialize<TargetPageResponse>(second, options)!.Items[0].Rank, Is.EqualTo(3));
    }

    [Test]
    public async Task An_analysts_edit_of_a_listed_company_shows_in_the_next_answer()
    {
        const string url = "/api/targets?chain=T1&pageSize=5&paths=1";
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var before = JsonSerializer.Deserialize<TargetPageResponse>(await GetAsync(url), options)!;
        await GetAsync(url);
        var listed = before.Items[0];
        using var analyst = await factory.CreateClientAsAsync(Role.Analyst);
        var detail = (await analyst.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{listed.CompanyId}"))!;

        var edit = await analyst.PatchAsync(
            new Uri($"/api/companies/{listed.CompanyId}", UriKind.Relative),
            new StringContent($"{{\"version\":{detail.Company.Version},\"name\":\"{listed.Name}（改名）\"}}", Encoding.UTF8, "application/json"));
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());

        var after = JsonSerializer.Deserialize<TargetPageResponse>(await GetAsync(url), options)!;
        Assert.That(after.Items.Select(t => t.Name), Does.Contain(listed.Name + "（改名）").And.Not.Contain(listed.Name));
    }

    [Test]
    public async Task Freshness_is_worked_out_per_request_for_a_kept_page()
    {
        const string url = "/api/targets?chain=T1&pageSize=3&paths=1";
        var cache = factory.Services.GetRequiredService<DiscoveryCache>();
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var fresh = JsonSerializer.Deserialize<TargetPageResponse>(await GetAsync(url), options)!;
        Assert.That((fresh.Stale, fresh.AsOf), Is.EqualTo((false, (DateTimeOffset?)clock.GetUtcNow())));

        // Past Discovery:CacheSeconds the same targets are answered from the expired entries, marked stale.
        clock.Advance(TimeSpan.FromMinutes(5));
        var expired = JsonSerializer.Deserialize<TargetPageResponse>(await GetAsync(url), options)!;
        Assert.That((expired.Stale, expired.AsOf), Is.EqualTo((true, fresh.AsOf)));
        Assert.That(expired.Items.Select(t => t.CompanyId), Is.EqualTo(fresh.Items.Select(t => t.CompanyId)));

        // Once the refresh it started has ended, the answer says the new read time and is no longer stale.
        await cache.RefreshesAsync();
        var refreshed = JsonSerializer.Deserialize<TargetPageResponse>(await GetAsync(url), options)!;
        Assert.That((refreshed.Stale, refreshed.AsOf), Is.EqualTo((false, (DateTimeOffset?)clock.GetUtcNow())));
    }
}
