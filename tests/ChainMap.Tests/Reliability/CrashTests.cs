using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Imports;
using ChainMap.Api.Operations;
using ChainMap.Import;
using ChainMap.Seeding;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Reliability;

/// <summary>
/// kill -9 of the real service in the middle of a 1M-row import: after a restart the store opens,
/// passes its integrity check and holds exactly the rows of the import's committed batches, the
/// job says it was interrupted and which rows were kept, and running the same import again ends
/// with every row exactly once. Takes a few minutes (two imports of 1M rows).
/// </summary>
public sealed class CrashTests
{
    private const int Rows = 1_000_000;
    private const int Seed = 20_261_127;

    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(20);

    [Test]
    public async Task Service_killed_mid_import_keeps_whole_committed_batches_and_a_rerun_completes_exactly()
    {
        var watch = Stopwatch.StartNew();
        var (csv, expected) = await CompanyFileAsync();
        var generated = watch.Elapsed;
        var folder = Directory.CreateTempSubdirectory("chainmap-crash-").FullName;
        try
        {
            var data = CopyDataWithoutDemoCompanies(Path.Combine(folder, "data"));
            var store = Path.Combine(folder, "store");
            using var service = new ServiceProcess(store, data, new Dictionary<string, string> { ["Import__MaxUploadBytes"] = (2L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await service.StartAsync(TimeSpan.FromMinutes(2));
            string jobId;
            using (var client = service.CreateClient())
            {
                jobId = await UploadAsync(client, csv);
                var running = await ImportJobWait.UntilAsync(client, jobId, j => j.Written || j.FinishedAt is not null, ImportTimeout);
                Assert.That(running.State, Is.EqualTo("running"), $"the job was still running at its first commit: {running.Message}");
            }

            service.Kill();
            var killedAt = watch.Elapsed;

            await service.StartAsync(TimeSpan.FromMinutes(2));
            using (var client = service.CreateClient())
            {
                var integrity = await client.GetFromJsonAsync<IntegrityResponse>("/api/admin/integrity");
                var crashed = (await client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{jobId}"))!;
                var afterCrash = CountCompanies(store);

                Assert.That(integrity!.Ok, Is.True, string.Join("; ", integrity.Problems));
                Assert.That(crashed.State, Is.EqualTo("failed"), "an interrupted job is not left running");
                Assert.That(crashed.Message, Does.StartWith("interrupted"));
                Assert.That(crashed.Rejected, Is.Zero, "the generated rows are all valid");
                Assert.That(afterCrash.Companies, Is.GreaterThan(0), "the job showed committed rows before the kill");
                Assert.That(afterCrash.Companies, Is.EqualTo(crashed.Inserted), "the job says exactly how many rows the crash kept");
                Assert.That(afterCrash.Companies % CompanyImporter.CommitEvery, Is.Zero, "only whole committed batches are kept");
                Assert.That(crashed.Message, Does.Contain($"through line {afterCrash.Companies + 1} "), "the job says which lines were kept (line 1 is the header)");
                Assert.That(crashed.Written, Is.True);
                Assert.That(afterCrash.Duplicates, Is.Zero);

                var rerunId = await UploadAsync(client, csv);
                var rerun = await ImportJobWait.UntilAsync(client, rerunId, timeout: ImportTimeout);
                var final = CountCompanies(store);

                Assert.That(rerun.State, Is.EqualTo("succeeded"), rerun.Message);
                Assert.That(final.Companies, Is.EqualTo(expected));
                Assert.That(final.Duplicates, Is.Zero, "no two companies share a USCC or a name in one region");
                Assert.That(rerun.Inserted, Is.EqualTo(expected - afterCrash.Companies));
                Assert.That(rerun.Unchanged, Is.EqualTo(afterCrash.Companies), "rows the crash kept come out unchanged");
                Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            await TestContext.Out.WriteLineAsync(
                $"crash test: file ready after {generated.TotalSeconds:F0} s, killed at {killedAt.TotalSeconds:F0} s, done at {watch.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The generated 1M-row company file (cached in the temp folder across runs) and its number of distinct companies.</summary>
    private static async Task<(string Path, int Distinct)> CompanyFileAsync()
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var home = await DefaultData.ReadHomeAsync(Path.Combine(TestData.DataPath, "home.json"), CancellationToken.None);
        var distinct = SyntheticCompanies.Generate(Rows, Seed, chains, TestData.Regions, home.Code).Select(r => r[1]).Distinct(StringComparer.Ordinal).Count();
        var path = Path.Combine(Path.GetTempPath(), $"chainmap-crash-{Rows}-{Seed}.csv");
        if (!File.Exists(path + ".complete"))
        {
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                await SyntheticCompanies.WriteCsvAsync(writer, Rows, Seed, chains, TestData.Regions, home.Code, CancellationToken.None);
            }

            await File.WriteAllTextAsync(path + ".complete", "ok");
        }

        return (path, distinct);
    }

    internal static string CopyDataWithoutDemoCompanies(string target)
    {
        foreach (var file in Directory.EnumerateFiles(TestData.DataPath, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestData.DataPath, file);
            if (relative.StartsWith("demo", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        await using var stream = File.OpenRead(csv);
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "companies-1m.csv");
        using var response = await client.PostAsync("/api/imports/companies", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id;
    }

    /// <summary>Companies in the store file, and how many share a USCC or a name key within a region with another.</summary>
    internal static (long Companies, long Duplicates) CountCompanies(string storeDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(storeDirectory, "chainmap.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*),
                   (SELECT count(*) FROM company WHERE uscc IS NOT NULL) - (SELECT count(DISTINCT uscc) FROM company WHERE uscc IS NOT NULL),
                   count(*) - (SELECT count(*) FROM (SELECT DISTINCT name_key, region_code FROM company))
            FROM company
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1) + reader.GetInt64(2));
    }
}
