using System.Net.Http.Json;
using ChainMap.Api.Imports;

namespace ChainMap.Tests.Support;

/// <summary>
/// The one way tests wait for an import job: GET /api/imports/{id} until the job is finished (or
/// <c>done</c> says so). The timeout only keeps a broken run from hanging: reaching it fails the test
/// with the job's last state; nothing is asserted about how long the job took.
/// </summary>
internal static class ImportJobWait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Waits until no job of the last 100 is queued or running (an import, or the re-classification a chain change queues),
    /// and answers those jobs.
    /// </summary>
    public static async Task<IReadOnlyList<ImportJobResponse>> UntilIdleAsync(HttpClient client, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        List<ImportJobResponse> jobs = [];
        try
        {
            while (true)
            {
                jobs = (await client.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports?limit=100", limit.Token))!;
                if (!jobs.Any(j => j.State is "queued" or "running"))
                {
                    return jobs;
                }

                await Task.Delay(50, limit.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Assert.Fail($"jobs still unfinished after {timeout ?? DefaultTimeout}: {string.Join(", ", jobs.Where(j => j.State is "queued" or "running").Select(j => $"{j.Id} {j.State}"))}");
            throw;
        }
    }

    public static async Task<ImportJobResponse> UntilAsync(HttpClient client, string id, Func<ImportJobResponse, bool>? done = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        done ??= job => job.FinishedAt is not null;
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        ImportJobResponse? job = null;
        try
        {
            while (true)
            {
                job = (await client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{id}", limit.Token))!;
                if (done(job))
                {
                    return job;
                }

                await Task.Delay(50, limit.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Assert.Fail($"import {id} did not get there within {timeout ?? DefaultTimeout}: {job?.State}, {job?.RowsRead} read, {job?.Message}");
            throw;
        }
    }

    /// <summary>Uploads a company list (CSV text) to POST /api/imports/companies, checks it is queued and waits until every job is done.</summary>
    public static async Task ImportCompaniesAsync(HttpClient client, string csv, string fileName)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", fileName);
        var upload = await client.PostAsync(new Uri("/api/imports/companies", UriKind.Relative), form);
        Assert.That(upload.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        await UntilIdleAsync(client);
    }
}
