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
}
