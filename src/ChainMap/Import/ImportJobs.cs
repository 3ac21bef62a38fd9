using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Threading.Channels;
using ChainMap.Storage;

namespace ChainMap.Import;

/// <summary>Import limits and where uploads wait for their job.</summary>
internal sealed class ImportServiceOptions
{
    public const string SectionName = "Import";

    /// <summary>Largest accepted upload, in bytes (default 200 MB); larger ones get 413.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Folder for uploaded files until their job has run (default: the system temp folder).</summary>
    public string? TempDirectory { get; set; }

    /// <summary>
    /// Longest time one job may run (default 1 hour); then it is stopped and rolled back like a failed
    /// import and ends <c>timed-out</c>, so one slow file cannot hold the queue.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most parts (files and form fields together) one multipart upload may have (default 20); more get 400.</summary>
    [Range(1, 10_000)]
    public int MaxUploadParts { get; set; } = 20;

    /// <summary>
    /// How much lower than the request threads the operating system schedules the threads import jobs run on (ADR 0290):
    /// a Linux nice value (default 5: while requests keep the cores busy, each import thread gets about a third of the
    /// share of one busy request thread, so the import slows down but never stops); 0 runs them at the requests'
    /// priority. Elsewhere any value above 0 means below-normal priority.
    /// </summary>
    [Range(0, 19)]
    public int ThreadNice { get; set; } = 5;
}

/// <summary>What a request to cancel a job found.</summary>
internal enum CancelOutcome
{
    /// <summary>The job was queued or running and is being stopped.</summary>
    Cancelling,

    /// <summary>No such job in this process's queue (unknown, or finished).</summary>
    NotRunning,

    /// <summary>The caller is neither the job's submitter nor an admin.</summary>
    Forbidden,
}

/// <summary>The kinds of import job.</summary>
internal static class ImportKinds
{
    public const string Companies = "companies";
    public const string Relations = "relations";
    public const string Chains = "chains";

    /// <summary>Not a file: re-classifies the stored companies with the current chain definitions.</summary>
    public const string Reclassify = "reclassify";

    /// <summary>Not a file: gives the chain-level memberships stored without suggested segments their suggestions (ADR 0425).</summary>
    public const string Suggest = "suggest";
}

/// <summary>One queued import: the uploaded file (or chain folder) in its own work folder, and the options.</summary>
internal sealed record ImportWork(string JobId, string Kind, string WorkFolder, string Path, string FileName, ImportOptions Options);

/// <summary>
/// The import job queue and the live state of running jobs. Jobs are stored through the store
/// port when queued, started and finished (so they survive a restart); progress while running is
/// kept here in memory, because an all-or-nothing import holds the store's write lock until it ends.
/// </summary>
internal sealed class ImportJobs(IImportJobStore store, TimeProvider time, Microsoft.Extensions.Options.IOptions<ImportServiceOptions> options)
{
    private readonly Channel<ImportWork> queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, LiveJob> live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cancellation> cancellations = new(StringComparer.Ordinal);

    internal ChannelReader<ImportWork> Queue => queue.Reader;

    /// <summary>A new, empty work folder for an upload.</summary>
    public string CreateWorkFolder()
    {
        var root = string.IsNullOrWhiteSpace(options.Value.TempDirectory)
            ? Path.Combine(Path.GetTempPath(), "chainmap-imports")
            : options.Value.TempDirectory;
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        OwnerOnly.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Stores the job as queued and hands it to the runner.</summary>
    public Task<ImportJob> EnqueueAsync(string kind, string fileName, string workFolder, string path, ImportOptions importOptions, CancellationToken cancellationToken) =>
        EnqueueAsync(kind, fileName, workFolder, path, importOptions, null, cancellationToken);

    /// <summary>Stores the job as queued and hands it to the runner; <paramref name="submitter"/> (a user id) may cancel it.</summary>
    public async Task<ImportJob> EnqueueAsync(
        string kind, string fileName, string workFolder, string path, ImportOptions importOptions, string? submitter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importOptions);
        var job = new ImportJob(CompanyImporter.NewImportId(time), kind, fileName, ImportJobState.Queued, importOptions.DryRun, importOptions.AllOrNothing,
            ImportCounts.Zero, false, time.GetUtcNow(), null, null, null, importOptions.OverwriteAnalyst);
        cancellations[job.Id] = new Cancellation(submitter, new CancellationTokenSource());
        try
        {
            await store.SaveImportJobAsync(job, cancellationToken);
        }
        catch
        {
            Release(job.Id);
            throw;
        }

        live[job.Id] = new LiveJob(job, null);
        await queue.Writer.WriteAsync(new ImportWork(job.Id, kind, workFolder, path, fileName, importOptions), cancellationToken);
        return job;
    }

    /// <summary>Queues the suggestion job (ADR 0425): it runs after the jobs queued before it, as a re-classification does.</summary>
    public Task<ImportJob> EnqueueSuggestAsync(string reason, CancellationToken cancellationToken) =>
        EnqueueAsync(ImportKinds.Suggest, reason, CreateWorkFolder(), string.Empty, ImportOptions.Default, cancellationToken);

    /// <summary>Queues a re-classification of the stored companies (after a chain change, or on demand); it runs after the jobs queued before it.</summary>
    public Task<ImportJob> EnqueueReclassifyAsync(string reason, CancellationToken cancellationToken) =>
        EnqueueAsync(ImportKinds.Reclassify, reason, CreateWorkFolder(), string.Empty, ImportOptions.Default, cancellationToken);

    /// <summary>A job with its live progress (0-1, null when not running), or null when unknown.</summary>
    public async Task<(ImportJob Job, double? Progress)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (live.TryGetValue(id, out var running))
        {
            return (running.Job, running.Progress);
        }

        var stored = await store.GetImportJobAsync(id, cancellationToken);
        return stored is null ? null : (stored, stored.FinishedAt is null ? null : 1);
    }

    /// <summary>The most recent jobs, newest first, with live progress where running.</summary>
    public async Task<IReadOnlyList<(ImportJob Job, double? Progress)>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var stored = await store.ListImportJobsAsync(limit, cancellationToken);
        return stored.Select(j => live.TryGetValue(j.Id, out var running) ? (running.Job, running.Progress) : (j, j.FinishedAt is null ? (double?)null : 1)).ToList();
    }

    /// <summary>
    /// Asks a queued or running job to stop: it ends <c>cancelled</c> and rolls back what it had not
    /// committed. Only its submitter or an admin may; <paramref name="by"/> names the caller in the job's message.
    /// </summary>
    public CancelOutcome Cancel(string id, string? userId, bool isAdmin, string by)
    {
        if (!cancellations.TryGetValue(id, out var cancellation))
        {
            return CancelOutcome.NotRunning;
        }

        if (!isAdmin && (userId is null || !string.Equals(userId, cancellation.Submitter, StringComparison.Ordinal)))
        {
            return CancelOutcome.Forbidden;
        }

        cancellation.By ??= by;
        try
        {
            cancellation.Source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job ended between the look-up and the cancel.
            return CancelOutcome.NotRunning;
        }

        return CancelOutcome.Cancelling;
    }

    /// <summary>The token a user's cancel trips, and who cancelled (null until someone does).</summary>
    internal (CancellationToken Token, Func<string?> CancelledBy) CancellationOf(string id) =>
        cancellations.TryGetValue(id, out var c) ? (c.Source.Token, () => c.By) : (CancellationToken.None, () => null);

    /// <summary>Forgets a job's cancellation once it has ended.</summary>
    internal void Release(string id)
    {
        if (cancellations.TryRemove(id, out var c))
        {
            c.Source.Dispose();
        }
    }

    internal void Report(ImportJob job, double? progress) => live[job.Id] = new LiveJob(job, progress);

    internal void Forget(string id) => live.TryRemove(id, out _);

    private sealed record LiveJob(ImportJob Job, double? Progress);

    private sealed class Cancellation(string? submitter, CancellationTokenSource source)
    {
        public string? Submitter { get; } = submitter;

        public CancellationTokenSource Source { get; } = source;

        public string? By { get; set; }
    }
}
