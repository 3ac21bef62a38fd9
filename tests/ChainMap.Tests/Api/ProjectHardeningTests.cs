using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Api;

/// <summary>
/// Issue #14 for projects: team scope on every id form the router accepts, planned investment in its range
/// and exact, reads that survive a bad stored amount, and a cap on every free-text field.
/// </summary>
[NonParallelizable]
public sealed class ProjectHardeningTests
{
    private ProjectApiHost host = null!;
    private HttpClient admin = null!;
    private HttpClient member = null!;

    /// <summary>Every project route that changes something: method, path after /api/projects/{id}, body.</summary>
    private static readonly (string Method, string Path, string Body)[] ChangingRoutes =
    [
        ("PATCH", "", """{"notes":"改了别队的项目"}"""),
        ("PATCH", "", """{"team":"csj"}"""),
        ("POST", "/stage", """{"stage":"洽谈","date":"2026-03-02"}"""),
        ("POST", "/activities", """{"kind":"拜访","date":"2026-03-02","team":"csj"}"""),
        ("POST", "/blockers", """{"kind":"用地","description":"缺地"}"""),
        ("POST", "/blockers/{blocker}/close", """{"note":"别队关的"}"""),
    ];

    /// <summary>Ways of writing the id 12 that some parser may read as 12 and another may not.</summary>
    private static readonly string[] IdForms = ["+{0}", " {0}", "%20{0}", "{0}%20", "{0} ", "0{0}", "00{0}", "0x{1}", "{2}", "%2B{0}", "+0{0}", "{0}.0"];

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await ProjectApiHost.StartAsync();
        admin = host.Client();
        member = await host.Factory.CreateClientAsAsync(Role.TeamMember, "csj");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        member.Dispose();
        admin.Dispose();
        host.Dispose();
    }

    private static IEnumerable<TestCaseData> RoutesAndForms() =>
        from route in ChangingRoutes.Select((r, i) => (r, i))
        from form in IdForms
        select new TestCaseData(route.i, form).SetArgDisplayNames($"{route.r.Method} {route.r.Path} {route.r.Body}", $"'{form}'");

    [TestCaseSource(nameof(RoutesAndForms))]
    public async Task Member_of_another_team_changes_nothing_whatever_form_the_project_id_takes(int routeIndex, string form)
    {
        var (id, blocker) = await CreateWithBlockerAsync("zsj");
        var before = await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        var (method, path, body) = ChangingRoutes[routeIndex];
        var written = string.Format(CultureInfo.InvariantCulture, form, id, id.ToString("X", CultureInfo.InvariantCulture), FullWidth(id));

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/api/projects/{written}{path.Replace("{blocker}", blocker.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await member.SendAsync(request);
        var after = await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.NotFound), await response.Content.ReadAsStringAsync());
        Assert.That(after, Is.EqualTo(before), "team zsj's project is unchanged");
    }

    [Test]
    public async Task Member_of_the_owning_team_changes_the_project_through_the_same_routes()
    {
        var (id, blocker) = await CreateWithBlockerAsync("csj");
        foreach (var (method, path, body) in ChangingRoutes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/api/projects/{id}{path.Replace("{blocker}", blocker.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}", UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            using var response = await member.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.InRange(200, 201), $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Test]
    public async Task Blocker_of_another_teams_project_is_not_closed_whatever_form_its_id_takes()
    {
        var (id, blocker) = await CreateWithBlockerAsync("zsj");
        var before = await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        foreach (var form in IdForms)
        {
            var written = string.Format(CultureInfo.InvariantCulture, form, blocker, blocker.ToString("X", CultureInfo.InvariantCulture), FullWidth(blocker));
            using var response = await member.PostAsJsonAsync(new Uri($"/api/projects/{id}/blockers/{written}/close", UriKind.Relative), new { note = "x" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.NotFound), form);
        }

        Assert.That(await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative)), Is.EqualTo(before));
    }

    [TestCase("79000000000000000000000000000")]
    [TestCase("7.9e28")]
    [TestCase("1000000000000")]
    [TestCase("-0.01")]
    public async Task Planned_investment_outside_the_range_is_a_400_naming_the_field_and_nothing_is_stored(string amount)
    {
        var before = await ProjectCountAsync();
        var body = $$"""{"companyId":{{host.TargetId}},"chain":"T1","team":"csj","unit":"曾都区","plannedInvestment":{{amount}},"date":"2026-03-01"}""";

        using var response = await admin.PostAsync(new Uri("/api/projects", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("plannedInvestment", out var errors), Is.True, problem.ToString());
        Assert.That(errors[0].GetString(), Does.Contain("1,000,000,000,000 万元"));
        Assert.That(await ProjectCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Planned_investment_out_of_range_on_patch_is_a_400_and_the_project_keeps_its_amount()
    {
        var (id, _) = await CreateWithBlockerAsync("csj", "50000");
        using var response = await admin.PatchAsync(
            new Uri($"/api/projects/{id}", UriKind.Relative), new StringContent("""{"plannedInvestment":7.9e28}""", Encoding.UTF8, "application/json"));
        var project = await GetProjectAsync(id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(project.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo("50000"));
    }

    [TestCase("999999999999.9999")]
    [TestCase("0.1")]
    [TestCase("1234567.891")]
    [TestCase("0")]
    public async Task Planned_investment_is_stored_and_read_back_exactly(string amount)
    {
        var (id, _) = await CreateWithBlockerAsync("csj", amount);

        var project = await GetProjectAsync(id);
        var company = project.GetProperty("company").GetProperty("id").GetInt64();
        var listed = (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/projects?company={company}&pageSize=500", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);

        Assert.That(project.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo(amount));
        Assert.That(listed.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo(amount));
    }

    [Test]
    public async Task Results_sum_planned_investment_exactly()
    {
        using var fresh = await ProjectApiHost.StartAsync();
        using var client = fresh.Client();
        foreach (var amount in new[] { "0.1", "0.2", "999999999999.9999" })
        {
            var body = $$"""{"companyId":{{fresh.NextCompanyId()}},"chain":"T1","team":"csj","unit":"曾都区","plannedInvestment":{{amount}},"date":"2026-03-01"}""";
            using var created = await client.PostAsync(new Uri("/api/projects", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var results = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/results?from=2026-01-01&to=2026-03-31&by=team", UriKind.Relative));
        var planning = results.GetProperty("total").GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "planning");

        Assert.That(planning.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo("1000000000000.2999"));
    }

    [TestCase("planned_investment", "7.9e28")]
    [TestCase("planned_investment", "-5")]
    [TestCase("planned_investment", "not a number")]
    [TestCase("planned_investment_wan", "7.9e28")]
    [TestCase("planned_investment_wan", "1e400")]
    [TestCase("planned_investment_wan", "五千万")]
    [TestCase("planned_investment_wan", "")]
    public async Task A_bad_stored_amount_does_not_break_any_read_and_is_repaired_by_patch(string column, string stored)
    {
        var (id, _) = await CreateWithBlockerAsync("csj", "50000");
        await WriteStoredAmountAsync(id, column, stored);

        using var list = await admin.GetAsync(new Uri("/api/projects?pageSize=500", UriKind.Relative));
        using var one = await admin.GetAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        var views = new List<HttpResponseMessage>();
        foreach (var by in new[] { "team", "unit", "chain", "channel" })
        {
            views.Add(await admin.GetAsync(new Uri($"/api/results?from=2026-01-01&to=2026-12-31&by={by}", UriKind.Relative)));
            views.Add(await admin.GetAsync(new Uri($"/api/results/export?format=csv&from=2026-01-01&to=2026-12-31&by={by}", UriKind.Relative)));
            views.Add(await admin.GetAsync(new Uri($"/api/results/export?format=xlsx&from=2026-01-01&to=2026-12-31&by={by}", UriKind.Relative)));
        }

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), await list.Content.ReadAsStringAsync());
        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK), await one.Content.ReadAsStringAsync());
        Assert.That(views.Select(v => v.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var project = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project");
        Assert.That(project.GetProperty("plannedInvestment").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(project.GetProperty("plannedInvestmentProblem").GetString(), Does.Contain("stored planned investment").And.Contain("PATCH"));
        views.ForEach(v => v.Dispose());

        using var repair = await admin.PatchAsJsonAsync(new Uri($"/api/projects/{id}", UriKind.Relative), new { plannedInvestment = 6000.5m });
        var repaired = await GetProjectAsync(id);

        Assert.That(repair.StatusCode, Is.EqualTo(HttpStatusCode.OK), await repair.Content.ReadAsStringAsync());
        Assert.That(repaired.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo("6000.5"));
        Assert.That(repaired.GetProperty("plannedInvestmentProblem").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task An_amount_stored_as_real_by_an_older_version_still_reads()
    {
        var (id, _) = await CreateWithBlockerAsync("csj", "50000");
        await WriteStoredAmountAsync(id, "planned_investment", "12345.5");

        var project = await GetProjectAsync(id);

        Assert.That(project.GetProperty("plannedInvestment").GetRawText(), Is.EqualTo("12345.5"));
    }

    /// <summary>Every free-text field of the project, activity and blocker requests: route, field, limit.</summary>
    private static IEnumerable<TestCaseData> TextFields()
    {
        (string Route, string Field, int Limit)[] fields =
        [
            ("POST /api/projects", "name", 200), ("POST /api/projects", "chain", 200), ("POST /api/projects", "segment", 200),
            ("POST /api/projects", "channel", 200), ("POST /api/projects", "channelDetail", 200), ("POST /api/projects", "team", 200),
            ("POST /api/projects", "unit", 200), ("POST /api/projects", "notes", 4000), ("POST /api/projects", "stage", 200),
            ("POST /api/projects", "date", 200), ("POST /api/projects", "note", 4000), ("POST /api/projects", "reason", 4000),
            ("POST /api/projects", "uscc", 200),
            ("PATCH /api/projects/{id}", "name", 200), ("PATCH /api/projects/{id}", "chain", 200), ("PATCH /api/projects/{id}", "segment", 200),
            ("PATCH /api/projects/{id}", "channel", 200), ("PATCH /api/projects/{id}", "channelDetail", 200), ("PATCH /api/projects/{id}", "team", 200),
            ("PATCH /api/projects/{id}", "unit", 200), ("PATCH /api/projects/{id}", "notes", 4000),
            ("POST /api/projects/{id}/stage", "stage", 200), ("POST /api/projects/{id}/stage", "date", 200),
            ("POST /api/projects/{id}/stage", "note", 4000), ("POST /api/projects/{id}/stage", "reason", 4000),
            ("POST /api/projects/{id}/activities", "kind", 200), ("POST /api/projects/{id}/activities", "title", 200),
            ("POST /api/projects/{id}/activities", "date", 200), ("POST /api/projects/{id}/activities", "notes", 4000),
            ("POST /api/projects/{id}/activities", "team", 200),
            ("POST /api/activities", "kind", 200), ("POST /api/activities", "title", 200), ("POST /api/activities", "date", 200),
            ("POST /api/activities", "notes", 4000), ("POST /api/activities", "team", 200), ("POST /api/activities", "uscc", 200),
            ("POST /api/projects/{id}/blockers", "kind", 200), ("POST /api/projects/{id}/blockers", "description", 4000),
            ("POST /api/projects/{id}/blockers", "owner", 200), ("POST /api/projects/{id}/blockers", "date", 200),
            ("POST /api/projects/{id}/blockers/{blocker}/close", "note", 4000), ("POST /api/projects/{id}/blockers/{blocker}/close", "date", 200),
        ];
        return fields.Select(f => new TestCaseData(f.Route, f.Field, f.Limit).SetArgDisplayNames(f.Route, f.Field));
    }

    [TestCaseSource(nameof(TextFields))]
    public async Task A_text_field_over_its_limit_is_a_400_naming_the_field_and_changes_nothing(string route, string field, int limit)
    {
        var (id, blocker) = await CreateWithBlockerAsync("csj");
        var before = await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        var activitiesBefore = await admin.GetStringAsync(new Uri($"/api/activities?company={host.TargetId}&pageSize=500", UriKind.Relative));
        var projectsBefore = await ProjectCountAsync();
        var body = new Dictionary<string, object?>
        {
            ["companyId"] = host.TargetId, ["chain"] = "T1", ["team"] = "csj", ["unit"] = "曾都区", ["stage"] = "洽谈", ["date"] = "2026-03-02",
            ["kind"] = "用地", ["description"] = "缺地",
        };
        if (route.EndsWith("activities", StringComparison.Ordinal))
        {
            body["kind"] = "拜访";
        }

        if (field == "uscc")
        {
            body.Remove("companyId");
        }

        body[field] = new string('专', limit + 1);
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]
            .Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{blocker}", blocker.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonSerializer.Deserialize<JsonElement>(text);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text[..Math.Min(text.Length, 500)]);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out var errors), Is.True, text[..Math.Min(text.Length, 500)]);
        Assert.That(errors[0].GetString(), Does.Contain($"at most {limit}"));
        Assert.That(text, Has.Length.LessThan(2000), "the answer does not repeat the value");
        Assert.That(await admin.GetStringAsync(new Uri($"/api/projects/{id}", UriKind.Relative)), Is.EqualTo(before));
        Assert.That(await admin.GetStringAsync(new Uri($"/api/activities?company={host.TargetId}&pageSize=500", UriKind.Relative)), Is.EqualTo(activitiesBefore));
        Assert.That(await ProjectCountAsync(), Is.EqualTo(projectsBefore));
    }

    private static string FullWidth(long id) =>
        string.Concat(id.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));

    private async Task<(long Id, long Blocker)> CreateWithBlockerAsync(string team, string amount = "800")
    {
        var body = $$"""{"companyId":{{host.NextCompanyId()}},"chain":"T1","team":"{{team}}","unit":"曾都区","plannedInvestment":{{amount}},"date":"2026-03-01"}""";
        using var created = await admin.PostAsync(new Uri("/api/projects", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("id").GetInt64();
        using var opened = await admin.PostAsJsonAsync(new Uri($"/api/projects/{id}/blockers", UriKind.Relative), new { kind = "用地", description = "缺地", date = "2026-03-01" });
        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Created), await opened.Content.ReadAsStringAsync());
        return (id, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    private async Task<JsonElement> GetProjectAsync(long id) =>
        (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/projects/{id}", UriKind.Relative))).GetProperty("project");

    private async Task<long> ProjectCountAsync() =>
        (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/projects?pageSize=1", UriKind.Relative))).GetProperty("total").GetInt64();

    /// <summary>Writes <paramref name="stored"/> into the project's row behind the API, as a damaged or old file would hold it.</summary>
    private async Task WriteStoredAmountAsync(long id, string column, string stored)
    {
        var file = Path.Combine(host.Factory.StoreDirectory, "chainmap.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('project')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.That(columns, Does.Contain(column), "the column exists in this schema");
        await using var update = connection.CreateCommand();
        var others = columns.Where(c => c.StartsWith("planned_investment", StringComparison.Ordinal) && c != column).Select(c => $", {c} = NULL");
        update.CommandText = $"UPDATE project SET {column} = $v{string.Concat(others)} WHERE id = $id";
        update.Parameters.AddWithValue("$v", double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && column == "planned_investment" ? number : stored);
        update.Parameters.AddWithValue("$id", id);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }
}
