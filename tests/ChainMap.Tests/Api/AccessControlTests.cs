using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api.Access;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Api;

/// <summary>Who may call what: the role × endpoint matrix, credentials, audit, headers and limits.</summary>
public sealed class AccessControlTests
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] ChainEditors = [Role.Admin, Role.Analyst];
    private static readonly Role[] Importers = [Role.Admin, Role.Analyst];
    private static readonly Role[] Exporters = [Role.Admin, Role.Analyst, Role.Planner, Role.TeamMember];
    private static readonly Role[] ProjectWriters = [Role.Admin, Role.TeamMember];
    private static readonly Role[] Admins = [Role.Admin];

    /// <summary>
    /// Every endpoint and the roles allowed to call it; null = no sign-in needed. A new endpoint
    /// must be added here, or <see cref="Every_endpoint_declares_who_may_call_it"/> fails.
    /// </summary>
    internal static readonly Dictionary<string, Role[]?> Matrix = new()
    {
        ["GET /health"] = null,
        ["GET /openapi/{documentName}.json"] = null,
        ["GET /api/me"] = Everyone,
        ["GET /api/users"] = Admins,
        ["POST /api/users"] = Admins,
        ["GET /api/keys"] = Admins,
        ["POST /api/keys"] = Admins,
        ["DELETE /api/keys/{id}"] = Admins,
        ["GET /api/audit"] = Admins,
        ["POST /api/admin/backup"] = Admins,
        ["GET /api/admin/integrity"] = Admins,
        ["GET /api/chains"] = Everyone,
        ["GET /api/chains/{code}"] = Everyone,
        ["GET /api/chains/{code}/map"] = Everyone,
        ["POST /api/chains"] = ChainEditors,
        ["PUT /api/chains/{code}"] = ChainEditors,
        ["POST /api/chains/{code}/segments"] = ChainEditors,
        ["PUT /api/chains/{code}/segments/{segmentCode}"] = ChainEditors,
        ["GET /api/regions"] = Everyone,
        ["GET /api/regions/{code}"] = Everyone,
        ["GET /api/region-groups"] = Everyone,
        ["GET /api/home"] = Everyone,
        ["GET /api/companies"] = Everyone,
        ["GET /api/companies/{id}"] = Everyone,
        ["POST /api/companies/reclassify"] = ChainEditors,
        ["PUT /api/companies/{id}/memberships/{segment}"] = ChainEditors,
        ["GET /api/companies/reclassify/{jobId}"] = Everyone,
        ["POST /api/companies/{id}/merge"] = ChainEditors,
        ["PATCH /api/companies/{id}"] = ChainEditors,
        ["DELETE /api/companies/{id}"] = ChainEditors,
        ["GET /api/memberships"] = Everyone,
        ["POST /api/memberships/review"] = ChainEditors,
        ["POST /api/memberships/chain-level/suggest"] = ChainEditors,
        ["POST /api/companies/{id}/memberships"] = ChainEditors,
        ["DELETE /api/companies/{id}/memberships/{segment}"] = ChainEditors,
        ["GET /api/chains/{code}/export"] = Exporters,
        ["GET /api/targets/export"] = Exporters,
        ["POST /api/projects"] = ProjectWriters,
        ["GET /api/projects"] = Everyone,
        ["GET /api/projects/{id}"] = Everyone,
        ["PATCH /api/projects/{id}"] = ProjectWriters,
        ["POST /api/projects/{id}/stage"] = ProjectWriters,
        ["POST /api/projects/{id}/activities"] = ProjectWriters,
        ["POST /api/projects/{id}/blockers"] = ProjectWriters,
        ["POST /api/projects/{id}/blockers/{blockerId}/close"] = ProjectWriters,
        ["POST /api/activities"] = ProjectWriters,
        ["GET /api/activities"] = Everyone,
        ["GET /api/activities/next-steps"] = Everyone,
        ["GET /api/results"] = Everyone,
        ["GET /api/results/export"] = Exporters,
        ["GET /api/targets"] = Everyone,
        ["GET /api/chains/{code}/investment-map"] = Everyone,
        ["GET /api/teams"] = Everyone,
        ["GET /api/teams/{id}/targets"] = Everyone,
        ["GET /api/channels"] = Everyone,
        ["GET /api/channels/{id}"] = Everyone,
        ["POST /api/channels/import"] = Importers,
        ["POST /api/imports/companies"] = Importers,
        ["POST /api/imports/companies/columns"] = Everyone,
        ["POST /api/imports/relations"] = Importers,
        ["POST /api/imports/chains"] = Importers,
        ["GET /api/imports"] = Everyone,
        ["GET /api/imports/{id}"] = Everyone,
        ["POST /api/imports/{id}/cancel"] = Importers,
        ["POST /api/imports/{id}/undo"] = ChainEditors,
        ["GET /api/imports/{id}/errors"] = Everyone,
        ["GET /api/demo"] = Everyone,
        ["DELETE /api/demo"] = ChainEditors,
    };

    // A clock that stands still, so that the audit's time is known exactly.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private ChainMapApiFactory factory = null!;

    [OneTimeSetUp]
    public void Start() => factory = new ChainMapApiFactory(seed: false, time: clock);

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    private static IEnumerable<(string Method, string Route)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, Route(e))))
            .Distinct();

    /// <summary>The route as the matrix names it: parameters without their constraints ({id:long} → {id}).</summary>
    private static string Route(RouteEndpoint endpoint) =>
        System.Text.RegularExpressions.Regex.Replace("/" + endpoint.RoutePattern.RawText!.Trim('/'), @"\{([^}:=?]+)[^}]*\}", "{$1}");

    /// <summary>Routes that take a multipart upload get one, so that the answer is about access, not media type.</summary>
    private static HashSet<string> MultipartRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)
            .Select(Route)
            .ToHashSet();

    [Test]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var missing = Endpoints(factory.Services).Select(e => $"{e.Method} {e.Route}").Where(k => !Matrix.ContainsKey(k)).ToList();

        Assert.That(missing, Is.Empty, "endpoints without an entry in AccessControlTests.Matrix");
    }

    [TestCase(Role.Admin)]
    [TestCase(Role.Analyst)]
    [TestCase(Role.TeamMember)]
    [TestCase(Role.Planner)]
    [TestCase(Role.Viewer)]
    public async Task Each_role_reaches_exactly_the_endpoints_it_is_allowed(object roleCase)
    {
        var role = (Role)roleCase;
        using var client = await factory.CreateClientAsAsync(role, role == Role.TeamMember ? "csj" : null);
        var outcomes = new List<string>();
        foreach (var (method, route) in Endpoints(factory.Services).Where(e => Matrix.ContainsKey($"{e.Method} {e.Route}")))
        {
            var allowed = Matrix[$"{method} {route}"] is not { } roles || roles.Contains(role);
            using var response = await client.SendAsync(Request(method, route, MultipartRoutes(factory.Services).Contains(route)));
            var status = (int)response.StatusCode;
            var ok = allowed ? status is not (401 or 403) : status == 403;
            if (!ok)
            {
                outcomes.Add($"{method} {route}: expected {(allowed ? "allowed" : "403")}, got {status}");
            }
        }

        Assert.That(outcomes, Is.Empty);
    }

    [Test]
    public async Task Without_a_credential_every_protected_endpoint_is_401_with_a_problem()
    {
        using var client = factory.CreateAnonymousClient();
        var outcomes = new List<string>();
        foreach (var (method, route) in Endpoints(factory.Services).Where(e => Matrix.GetValueOrDefault($"{e.Method} {e.Route}") is not null))
        {
            using var response = await client.SendAsync(Request(method, route, MultipartRoutes(factory.Services).Contains(route)));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                outcomes.Add($"{method} {route}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.That(outcomes, Is.Empty);
    }

    [Test]
    public async Task Wrong_malformed_and_revoked_keys_are_401()
    {
        using var admin = factory.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("王分析", "analyst"))).Content.ReadFromJsonAsync<CreatedUserResponse>();
        using var analyst = factory.CreateAnonymousClient();
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", created!.Token);

        var before = await analyst.GetAsync("/api/chains");
        var revoke = await admin.DeleteAsync($"/api/keys/{created.Key.Id}");
        var after = await analyst.GetAsync("/api/chains");
        var revokeAgain = await admin.DeleteAsync($"/api/keys/{created.Key.Id}");
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", created.Token[..^2] + "xx");
        var wrong = await analyst.GetAsync("/api/chains");
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");
        var malformed = await analyst.GetAsync("/api/chains");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(revokeAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Keys_are_stored_as_hashes_and_never_listed_or_logged()
    {
        using var admin = factory.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("李规划", "planner"))).Content.ReadFromJsonAsync<CreatedUserResponse>();
        var extra = await (await admin.PostAsJsonAsync("/api/keys", new CreateKeyRequest(created!.User.Id, "laptop"))).Content.ReadFromJsonAsync<CreatedKeyResponse>();
        using var planner = factory.CreateAnonymousClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", extra!.Token);
        await planner.GetAsync("/api/chains");
        planner.DefaultRequestHeaders.Authorization = new("Bearer", extra.Token + "wrong");
        await planner.GetAsync("/api/chains");
        await admin.DeleteAsync($"/api/keys/{extra.Key.Id}");
        await planner.GetAsync("/api/chains");

        var listing = await admin.GetStringAsync("/api/keys");
        var stored = await factory.Services.GetRequiredService<ChainMap.Storage.IChainMapStore>().FindApiKeyAsync(extra.Key.Id, CancellationToken.None);
        ApiKeys.TryParse(extra.Token, out _, out var secret);

        Assert.That(listing, Does.Contain(extra.Key.Id).And.Not.Contain(secret));
        Assert.That(stored!.SecretHash, Is.Not.EqualTo(secret).And.Length.EqualTo(64));
        foreach (var token in new[] { created.Token, extra.Token, ChainMapApiFactory.AdminKey })
        {
            ApiKeys.TryParse(token, out _, out var s);
            Assert.That(factory.Logs.Where(l => l.Contains(s, StringComparison.Ordinal)), Is.Empty, "no log line holds a key secret");
        }
    }

    [Test]
    public async Task Team_member_needs_a_real_team_and_role_must_be_known()
    {
        using var admin = factory.CreateClient();

        var noTeam = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("张驻点", "team-member"));
        var badRole = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("张驻点", "boss"));
        var body = await noTeam.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(noTeam.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("errors").TryGetProperty("team", out _), Is.True);
        Assert.That(badRole.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Changes_are_audited_with_who_what_and_when_and_only_admins_read_the_log()
    {
        using var analyst = await factory.CreateClientAsAsync(Role.Analyst);
        var me = await analyst.GetFromJsonAsync<MeResponse>("/api/me");
        await analyst.PostAsJsonAsync("/api/chains", new { code = "AUD", name = "审计链", category = "other", segments = Array.Empty<object>() });
        using var admin = factory.CreateClient();
        using var viewer = await factory.CreateClientAsAsync(Role.Viewer);

        var audit = await admin.GetFromJsonAsync<List<AuditResponse>>($"/api/audit?user={me!.Id}");
        var forbidden = await viewer.GetAsync("/api/audit");

        var entry = audit!.First(a => a.Path == "/api/chains");
        Assert.That(entry.Method, Is.EqualTo("POST"));
        Assert.That(entry.UserId, Is.EqualTo(me.Id));
        Assert.That(entry.Status, Is.EqualTo(201));
        Assert.That(entry.At, Is.EqualTo(clock.GetUtcNow()), "the audit records the time of the service clock");
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Responses_carry_security_headers_and_cors_is_closed()
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/chains");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await client.GetAsync("/api/chains");
        var cors = await client.SendAsync(preflight);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(cors.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Rate_limit_applies_per_credential()
    {
        using var limited = new ChainMapApiFactory(seed: false, new Dictionary<string, string?> { ["Auth:PermitsPerSecond"] = "1", ["Auth:Burst"] = "2" });
        using var first = await limited.CreateClientAsAsync(Role.Viewer);
        using var second = await limited.CreateClientAsAsync(Role.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await first.GetAsync("/api/me")).StatusCode);
        }

        var other = await second.GetAsync("/api/me");
        var rejected = await first.GetAsync("/api/me");

        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests));
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.LessThan(20));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another credential has its own budget");
        if (rejected.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.That(rejected.Headers.RetryAfter, Is.Not.Null);
        }
    }

    [Test]
    public async Task Team_member_changes_only_the_projects_of_their_own_team()
    {
        using var seeded = new ChainMapApiFactory(seed: true);
        using var admin = seeded.CreateClient();
        var companies = (await admin.GetFromJsonAsync<JsonElement>("/api/companies?region=江苏&pageSize=2")).GetProperty("items");
        var company = companies[0].GetProperty("id").GetInt64();

        // A company has one open project at a time: ours is about another company.
        var ourCompany = companies[1].GetProperty("id").GetInt64();
        async Task<long> CreateAsync(HttpClient client, string team, long companyId)
        {
            var response = await client.PostAsJsonAsync("/api/projects", new { companyId, chain = "ZQ", team, unit = "随县", date = "2026-03-01" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("id").GetInt64();
        }

        var theirs = await CreateAsync(admin, "zsj", company);
        using var member = await seeded.CreateClientAsAsync(Role.TeamMember, "csj");
        var ours = await CreateAsync(member, "csj", ourCompany);
        var before = await admin.GetStringAsync($"/api/projects/{theirs}");

        var stageOnTheirs = await member.PostAsJsonAsync($"/api/projects/{theirs}/stage", new { stage = "洽谈", date = "2026-03-02" });
        var patchOnTheirs = await member.PatchAsJsonAsync($"/api/projects/{theirs}", new { notes = "改" });
        var createForThem = await member.PostAsJsonAsync("/api/projects", new { companyId = company, chain = "ZQ", team = "zsj", unit = "随县" });
        var moveOursToThem = await member.PatchAsJsonAsync($"/api/projects/{ours}", new { team = "zsj" });
        var activityForThem = await member.PostAsJsonAsync("/api/activities", new { companyId = company, kind = "拜访", team = "zsj" });
        var stageOnOurs = await member.PostAsJsonAsync($"/api/projects/{ours}/stage", new { stage = "洽谈", date = "2026-03-02" });
        var after = await admin.GetStringAsync($"/api/projects/{theirs}");
        var problem = await stageOnTheirs.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(new[] { stageOnTheirs, patchOnTheirs, createForThem, moveOursToThem, activityForThem }.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("zsj").And.Contain("csj"));
        Assert.That(stageOnOurs.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after, Is.EqualTo(before), "the other team's project is unchanged");
    }

    private static HttpRequestMessage Request(string method, string route, bool multipart = false)
    {
        var path = route.Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{code}", "ZQ", StringComparison.Ordinal)
            .Replace("{segmentCode}", "ZQ-MAT", StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "1");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (multipart)
        {
            request.Content = new MultipartFormDataContent { { new StringContent("名称\n"), "file", "empty.csv" } };
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }
}
