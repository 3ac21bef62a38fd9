using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ChainMap.Api.Imports;
using ChainMap.Import;
using ChainMap.Seeding;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Reliability;

/// <summary>
/// Two imports of overlapping files submitted at once to the real service end in the same state
/// as the same two imports one after the other, and readers keep getting answers while they run.
/// </summary>
public sealed class ConcurrentImportTests
{
    private const int Seed = 20_261_128;

    [Test]
    public async Task Overlapping_imports_at_once_end_as_one_after_the_other_and_readers_keep_answering()
    {
        var folder = Directory.CreateTempSubdirectory("chainmap-concurrent-").FullName;
        try
        {
            var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
            var home = await DefaultData.ReadHomeAsync(Path.Combine(TestData.DataPath, "home.json"), CancellationToken.None);
            var rows = SyntheticCompanies.Generate(20_000, Seed, chains, TestData.Regions, home.Code).ToList();
            var first = WriteCsv(Path.Combine(folder, "first.csv"), rows.Take(12_000));
            var second = WriteCsv(Path.Combine(folder, "second.csv"), rows.Skip(8_000));
            var expected = rows.Select(r => r[1]).Distinct(StringComparer.Ordinal).Count();
            var data = CrashTests.CopyDataWithoutDemoCompanies(Path.Combine(folder, "data"));

            var concurrentStore = Path.Combine(folder, "concurrent");
            var reads = new List<(string Path, HttpStatusCode Status, double Milliseconds, bool DuringImport)>();
            using (var service = new ServiceProcess(concurrentStore, data))
            {
                await service.StartAsync(TimeSpan.FromMinutes(2));
                using var client = service.CreateClient();
                var uploads = await Task.WhenAll(UploadAsync(client, first), UploadAsync(client, second));
                var readPaths = new[] { "/api/companies?q=有限公司&pageSize=50", "/api/targets?chain=ZQ&pageSize=50", "/api/companies?pageSize=50&page=3" };
                var finished = false;
                var reader = Task.Run(async () =>
                {
                    using var readClient = service.CreateClient();
                    for (var i = 0; !Volatile.Read(ref finished); i++)
                    {
                        var path = readPaths[i % readPaths.Length];
                        var watch = Stopwatch.StartNew();
                        using var response = await readClient.GetAsync(path);
                        lock (reads)
                        {
                            reads.Add((path, response.StatusCode, watch.Elapsed.TotalMilliseconds, !Volatile.Read(ref finished)));
                        }
                    }
                });
                var jobs = new List<ImportJobResponse>();
                foreach (var id in uploads)
                {
                    jobs.Add(await ImportJobWait.UntilAsync(client, id, timeout: TimeSpan.FromMinutes(10)));
                }

                Volatile.Write(ref finished, true);
                await reader;
                Assert.That(jobs.Select(j => j.State), Is.All.EqualTo("succeeded"));
                Assert.That(jobs.Sum(j => j.Inserted), Is.EqualTo(expected));
            }

            var sequentialStore = Path.Combine(folder, "sequential");
            using (var service = new ServiceProcess(sequentialStore, data))
            {
                await service.StartAsync(TimeSpan.FromMinutes(2));
                using var client = service.CreateClient();
                foreach (var file in new[] { first, second })
                {
                    Assert.That((await ImportJobWait.UntilAsync(client, await UploadAsync(client, file), timeout: TimeSpan.FromMinutes(10))).State, Is.EqualTo("succeeded"));
                }
            }

            var concurrent = CrashTests.CountCompanies(concurrentStore);
            Assert.That(concurrent.Companies, Is.EqualTo(expected));
            Assert.That(concurrent.Duplicates, Is.Zero);
            Assert.That(StoreContent(concurrentStore), Is.EqualTo(StoreContent(sequentialStore)), "same companies with the same values and segments");
            Assert.That(reads.Where(r => r.DuringImport), Is.Not.Empty, "reads ran while the imports did");
            Assert.That(reads.Where(r => r.Status != HttpStatusCode.OK).Select(r => $"{r.Path} → {(int)r.Status}"), Is.Empty, "every read during the imports was answered");
            var during = reads.Where(r => r.DuringImport).Select(r => r.Milliseconds).Order().ToList();
            await TestContext.Out.WriteLineAsync(
                $"{during.Count} reads during the imports: median {during[during.Count / 2]:F0} ms, p99 {during[(int)(during.Count * 0.99)]:F0} ms, max {during[^1]:F0} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string WriteCsv(string path, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = new CsvHelper.CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var field in SyntheticCompanies.Header)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }

        return path;
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", Path.GetFileName(csv));
        using var response = await client.PostAsync("/api/imports/companies", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id;
    }

    /// <summary>A hash of every company's identity, values and segments (ids and times left out: they depend on the order).</summary>
    private static string StoreContent(string storeDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(storeDirectory, "chainmap.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.uscc, c.name, c.name_key, c.region_code, c.registered_capital, c.founded, c.employees, c.revenue, c.listed_code,
                   c.tags, c.products, c.address, c.strength,
                   (SELECT group_concat(segment_code || ':' || role || ':' || confidence, ';') FROM
                       (SELECT segment_code, role, confidence FROM company_segment s WHERE s.company_id = c.id ORDER BY segment_code))
            FROM company c ORDER BY c.uscc, c.name_key
            """;
        using var reader = command.ExecuteReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
