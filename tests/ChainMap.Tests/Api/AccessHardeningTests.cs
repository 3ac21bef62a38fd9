using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>
/// Issue #14, access/logging/operations: what anonymous and rate-limited callers can make the service
/// store or log, caps of the access area's free-text fields, and the modes of the files it writes.
/// </summary>
[NonParallelizable]
public sealed class AccessHardeningTests
{
    private const int AuditPathCap = 256;

    private static async Task<List<JsonElement>> AuditAsync(HttpClient admin, string? user = null) =>
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=5000" + (user is null ? "" : "&user=" + user)))!;

    private static long StoreBytes(ChainMapApiFactory factory) =>
        new[] { "chainmap.db", "chainmap.db-wal" }.Select(f => Path.Combine(factory.StoreDirectory, f)).Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static async Task<(string UserId, HttpClient Client)> SignInAsync(ChainMapApiFactory factory, Role role)
    {
        var (user, key) = await factory.Services.GetRequiredService<AccessService>().CreateUserAsync($"hardening {role.ToWire()}", role, null, CancellationToken.None);
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Token);
        return (user.Id, client);
    }

    [Test]
    public async Task A_flood_of_unauthenticated_requests_with_long_paths_leaves_the_audit_log_and_the_store_file_unchanged()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var admin = factory.CreateClient();
        using var anonymous = factory.CreateAnonymousClient();
        using var wrongKey = factory.CreateAnonymousClient();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cmk_nosuchkey_0123456789abcdefghijklmnop");
        var auditBefore = (await AuditAsync(admin)).Count;
        var bytesBefore = StoreBytes(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 500; i++)
        {
            var path = $"/api/chains/{i}{new string('x', 4000)}/segments";
            using var response = await (i % 2 == 0 ? anonymous : wrongKey).PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        var auditAfter = (await AuditAsync(admin)).Count;
        var bytesAfter = StoreBytes(factory);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(auditAfter, Is.EqualTo(auditBefore), "unauthenticated requests are not audited");
        Assert.That(bytesAfter - bytesBefore, Is.LessThan(64 * 1024), "500 requests of 4 KB paths would have stored 2 MB");
    }

    [Test]
    public async Task An_authenticated_change_is_audited_with_its_path_cut_to_the_cap()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        var (userId, analyst) = await SignInAsync(factory, Role.Analyst);
        using var admin = factory.CreateClient();
        var longCode = new string('b', 5000);

        using var response = await analyst.PostAsJsonAsync($"/api/chains/{longCode}/segments", new { code = "X", name = "x" });
        var entry = (await AuditAsync(admin, userId)).Single();

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(entry.GetProperty("method").GetString(), Is.EqualTo("POST"));
        Assert.That(entry.GetProperty("status").GetInt32(), Is.EqualTo((int)response.StatusCode));
        var path = entry.GetProperty("path").GetString()!;
        Assert.That(path, Has.Length.EqualTo(AuditPathCap));
        Assert.That(path, Does.StartWith("/api/chains/bbbb").And.EndWith("…"));
        analyst.Dispose();
    }

    [Test]
    public async Task Rate_limited_requests_are_not_audited()
    {
        using var factory = new ChainMapApiFactory(seed: false, new Dictionary<string, string?> { ["Auth:PermitsPerSecond"] = "1", ["Auth:Burst"] = "2" });
        var (userId, viewer) = await SignInAsync(factory, Role.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await viewer.PostAsJsonAsync("/api/chains", new { code = "RL", name = "限流" });
            statuses.Add(response.StatusCode);
        }

        using var admin = factory.CreateClient();
        var audited = await AuditAsync(admin, userId);

        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests));
        Assert.That(audited.Select(a => a.GetProperty("status").GetInt32()), Has.None.EqualTo(429));
        Assert.That(audited, Has.Count.EqualTo(statuses.Count(s => s != HttpStatusCode.TooManyRequests)), "every refused-by-role request is audited, no rate-limited one");
        viewer.Dispose();
    }

    [Test]
    public async Task Health_answers_while_the_anonymous_bucket_is_exhausted()
    {
        using var factory = new ChainMapApiFactory(seed: false, new Dictionary<string, string?> { ["Auth:PermitsPerSecond"] = "1", ["Auth:Burst"] = "2" });
        using var anonymous = factory.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await anonymous.GetAsync("/api/chains");
            statuses.Add(response.StatusCode);
        }

        using var health = await anonymous.GetAsync("/health");

        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests), "the anonymous bucket is exhausted");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_rejected_key_with_cr_lf_is_logged_escaped()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        _ = factory.Server;

        // HttpClient refuses CR/LF in headers; a proxy or another HTTP stack may not, so send it in-process.
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/chains";
            c.Request.Headers.Authorization = "Bearer cmk_ab\r\nWarning FORGED-KEY-LINE\u001b[2K_0123456789abcdefghijklmnop";
        });

        Assert.That(context.Response.StatusCode, Is.EqualTo(401));
        var lines = factory.Logs.Where(l => l.Contains("FORGED-KEY-LINE", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines.Where(l => !l.Contains("ab\\r\\nWarning FORGED-KEY-LINE\\u001b[2K", StringComparison.Ordinal)), Is.Empty, "the key id is logged with its CR, LF and ESC escaped");
        Assert.That(lines.Where(l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal) || l.Contains('\u001b', StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task An_uploaded_file_name_with_cr_lf_is_logged_escaped()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var admin = factory.CreateClient();
        const string boundary = "----chainmap-test-boundary";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"; filename*=UTF-8''evil%0D%0AError%20FORGED-FILE-LINE.csv\r\n"
            + $"Content-Type: text/csv\r\n\r\n名称,统一社会信用代码\r\n日志测试有限公司,\r\n--{boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await admin.PostAsync("/api/imports/companies", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !factory.Logs.Any(l => l.Contains($"Import {id}", StringComparison.Ordinal)))
        {
            await Task.Delay(50);
        }

        var lines = factory.Logs.Where(l => l.Contains("FORGED-FILE-LINE", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Is.Not.Empty, "the job's outcome is logged with its file name");
        Assert.That(lines.Where(l => !l.Contains("evil\\r\\nError FORGED-FILE-LINE.csv", StringComparison.Ordinal)), Is.Empty, "the file name is logged with CR and LF escaped");
        Assert.That(lines.Where(l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_parameter_binding_failure_is_a_400_logged_below_error_level()
    {
        using var factory = new ChainMapApiFactory(seed: false, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        using var admin = factory.CreateClient();

        using var response = await admin.GetAsync("/api/companies?page=notanumber7731");
        using var body = await admin.PostAsync("/api/chains", new StringContent("{\"code\": [notjson7731", Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadAsStringAsync()), Does.Contain("page"));
        Assert.That(body.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(factory.Logs.Where(l => (l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal))
            && (l.Contains("7731", StringComparison.Ordinal) || l.Contains("BadHttpRequestException", StringComparison.Ordinal))),
            Is.Empty, "a caller's malformed input is not an error of the service");
        Assert.That(factory.Logs.Where(l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("notanumber7731", StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public async Task Oversized_access_fields_are_400_naming_the_field_and_the_cap_and_store_nothing()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var admin = factory.CreateClient();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me");
        var keysBefore = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/keys"))!.Count;
        var usersBefore = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/users"))!.Count;
        var megabyte = new string('x', 1 << 20);

        using var label = await admin.PostAsJsonAsync("/api/keys", new { userId = me.GetProperty("id").GetString(), label = megabyte });
        using var name = await admin.PostAsJsonAsync("/api/users", new { name = megabyte, role = "viewer" });
        using var role = await admin.PostAsJsonAsync("/api/users", new { name = "角色", role = megabyte });
        using var team = await admin.PostAsJsonAsync("/api/users", new { name = "专班", role = "team-member", team = megabyte });
        using var userId = await admin.PostAsJsonAsync("/api/keys", new { userId = megabyte, label = "x" });

        foreach (var (response, field) in new[] { (label, "label"), (name, "name"), (role, "role"), (team, "team"), (userId, "userId") })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), field);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(text, Has.Length.LessThan(10_000), $"{field}: the answer does not echo the value");
            var message = JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
            Assert.That(message, Does.Contain(field).And.Contain("1048576").And.Contain("at most"), field);
        }

        using var teamTargets = await admin.GetAsync($"/api/teams/{new string('t', 5000)}/targets");
        Assert.That(teamTargets.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await teamTargets.Content.ReadAsStringAsync(), Does.Contain("at most 100").And.Length.LessThan(2000));
        Assert.That((await admin.GetFromJsonAsync<List<JsonElement>>("/api/keys"))!, Has.Count.EqualTo(keysBefore));
        Assert.That((await admin.GetFromJsonAsync<List<JsonElement>>("/api/users"))!, Has.Count.EqualTo(usersBefore));
    }
}
