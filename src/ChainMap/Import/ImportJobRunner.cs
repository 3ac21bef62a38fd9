using ChainMap.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChainMap.Import;

/// <summary>
/// Runs queued import jobs one at a time (the embedded store has one writer anyway), reports
/// their progress, stores their outcome and problem report, and deletes the uploaded files. Each
/// job runs under its own token: a user's cancel or the job time limit stops it (rolled back like a
/// failed import), so one slow file never holds the queue. At start-up, jobs left queued or running
/// by a process that died are marked as failed.
/// </summary>
internal sealed class ImportJobRunner(
    ImportJobs jobs,
    IImportJobStore store,
    CompanyImporter companies,
    RelationImporter relations,
    ChainImporter chains,
    Microsoft.Extensions.Options.IOptions<ImportServiceOptions> options,
    Chains.Reclassifier reclassifier,
    Discovery.DiscoveryCache discovery,
    ImportThreads threads,
    TimeProvider time,
    ILogger<ImportJobRunner> logger) : BackgroundService
{
    public const string InterruptedMessage = "interrupted: the service stopped before this import finished; nothing after its last commit was kept — upload the file again";

    /// <summary>The message of a running job that has committed rows (kept in the job record, so a crash report can say what was kept).</summary>
    internal const string CommittedPrefix = "running: ";

    /// <summary>Unfinished jobs looked at one by one at start-up (older ones are only marked failed).</summary>
    private const int RecentJobs = 1000;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var at = time.GetUtcNow();
            var failed = 0;
            foreach (var job in (await store.ListImportJobsAsync(RecentJobs, cancellationToken)).Where(j => j.State is ImportJobState.Queued or ImportJobState.Running))
            {
                // The job record holds the counts of its last commit: exactly what the crash kept.
                var kept = Kept(job);
                await store.SaveImportJobAsync(job with
                {
                    State = ImportJobState.Failed,
                    FinishedAt = at,
                    Message = $"interrupted: the service stopped before this import finished; {kept} — upload the same file again to import the rest (committed rows come out unchanged)",
                }, cancellationToken);
                failed++;
            }

            failed += await store.FailUnfinishedImportJobsAsync(InterruptedMessage, at, cancellationToken);
            if (failed > 0)
            {
                logger.LogWarning("Marked {Count} unfinished import job(s) as interrupted", failed);
            }
        }
        catch (StoreUnavailableException ex)
        {
            // The service still starts so that /health can say why; imports fail until the store answers.
            logger.LogError("Could not mark interrupted import jobs: {Reason}", ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                // On the import threads, below the requests' priority (ADR 0290).
                await threads.Run(() => RunAsync(work, stoppingToken), CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // E.g. the store went away before the job could even be marked running: this job
                // is lost (start-up marks it interrupted), but the runner — and the service — go on.
                logger.LogError(ex, "Import job {Id} could not be run", work.JobId);
                jobs.Forget(work.JobId);
            }
            finally
            {
                TryDelete(work.WorkFolder);
            }
        }
    }

    private async Task RunAsync(ImportWork work, CancellationToken stoppingToken)
    {
        var (userToken, cancelledBy) = jobs.CancellationOf(work.JobId);
        try
        {
            // One token per job: the user's cancel, the job time limit, or the service stopping.
            using var timeout = new CancellationTokenSource(options.Value.JobTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, userToken, timeout.Token);
            await RunAsync(work, () => cancelledBy() is { } by ? (ImportJobState.Cancelled, $"cancelled by {by}")
                : timeout.IsCancellationRequested ? (ImportJobState.TimedOut, $"timed out: the job ran longer than the limit of {options.Value.JobTimeout} (Import:JobTimeout)")
                : null, linked.Token, stoppingToken);
        }
        finally
        {
            jobs.Release(work.JobId);
        }
    }

    // stopped: why the job token (cancellationToken) tripped, cancelled or timed out; null when the service is stopping.
    private async Task RunAsync(ImportWork work, Func<(ImportJobState State, string Why)?> stopped, CancellationToken cancellationToken, CancellationToken stoppingToken)
    {
        var job = (await store.GetImportJobAsync(work.JobId, stoppingToken))! with { State = ImportJobState.Running, StartedAt = time.GetUtcNow() };
        var current = job;
        var started = false;
        try
        {
            // A job cancelled while queued ends here, without reading its file.
            cancellationToken.ThrowIfCancellationRequested();
            started = true;
            await store.SaveImportJobAsync(job, stoppingToken);
            jobs.Report(job, 0);
            void Progress(ImportProgress p) => jobs.Report(current with { Counts = p.Counts }, p.Fraction);
            async Task CommittedAsync(ImportCheckpoint point, CancellationToken token)
            {
                // Stored at once, so that after a crash the job says exactly which rows were kept.
                current = current with { Counts = point.Counts, Written = true, Message = CommittedPrefix + CompanyImporter.Kept(point) };
                await store.SaveImportJobAsync(current, token);
                jobs.Report(current, null);
            }

            var summary = work.Kind switch
            {
                ImportKinds.Companies => await companies.ImportFileAsync(work.Path, work.FileName, work.Options, Progress, work.JobId, CommittedAsync, cancellationToken),
                ImportKinds.Relations => await relations.ImportFileAsync(work.Path, work.FileName, work.Options, Progress, cancellationToken),
                ImportKinds.Reclassify => Summary(await reclassifier.RunAsync(s => jobs.Report(current with { Counts = Counts(s) }, null), cancellationToken)),
                ImportKinds.Suggest => Summary(await reclassifier.FillSuggestionsAsync(s => jobs.Report(current with { Counts = Counts(s) }, null), cancellationToken), suggest: true),
                _ => await chains.ImportFolderAsync(work.Path, work.FileName, work.Options, cancellationToken),
            };
            try
            {
                await store.SaveImportProblemsAsync(job.Id, summary.Problems, stoppingToken);
            }
            catch (StoreUnavailableException ex)
            {
                // The store went away mid-import: the summary still says what was written.
                logger.LogError("Import {Id}: could not store its problem report: {Reason}", job.Id, ex.Message);
            }

            var failed = summary.FileProblem is not null || (!summary.Written && !work.Options.DryRun);
            job = job with
            {
                State = failed ? ImportJobState.Failed : ImportJobState.Succeeded,
                Counts = summary.Counts,
                Written = summary.Written,
                FinishedAt = time.GetUtcNow(),
                Message = summary.Note,
            };
            logger.LogInformation("Import {Id} ({Kind}, {File}) {State}: {Counts}", job.Id, job.Kind, ChainMap.Text.LogText.Escape(job.FileName), job.State, job.Counts);
            if (work.Kind == ImportKinds.Chains && summary.Written && !work.Options.DryRun)
            {
                // New or changed chain definitions: the stored companies are classified again.
                await jobs.EnqueueReclassifyAsync("chain import " + work.FileName, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested && stopped() is { } why)
        {
            // Rolled back like any failed import: what its commits kept (ADR 0090) stays, and the message says which.
            var kept = started ? Kept(current) : "it had not started; nothing was committed";
            logger.LogWarning("Import {Id} ({Kind}, {File}) {State}: {Why}; {Kept}", job.Id, job.Kind, job.FileName, why.State, why.Why, kept);
            job = current with { State = why.State, FinishedAt = time.GetUtcNow(), Message = $"{why.Why}; {kept}" };
            await TrySaveProblemAsync(job, new ImportProblem(job.FileName, 0, null, null, job.Message), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {Id} ({Kind}, {File}) failed", job.Id, job.Kind, ChainMap.Text.LogText.Escape(job.FileName));
            job = current with { State = ImportJobState.Failed, FinishedAt = time.GetUtcNow(), Message = $"failed: {ex.Message}" };
        }

        if (job.Written && !work.Options.DryRun)
        {
            // Gap ratings, home ties and place counts are refreshed in the background; lists are answered from the older ones meanwhile (ADR 0210).
            discovery.Changed();
        }

        try
        {
            await store.SaveImportJobAsync(job, stoppingToken);
            jobs.Forget(job.Id);
        }
        catch (StoreUnavailableException ex)
        {
            // Kept in memory, so that polling shows the outcome; the stored record says running
            // until the next start marks it interrupted with the counts of its last commit.
            logger.LogError("Import {Id} {State}, but the store could not record it: {Reason}", job.Id, job.State, ex.Message);
            jobs.Report(job, 1);
        }
    }

    /// <summary>What a job that stopped early kept, from its record of commits (ADR 0090).</summary>
    private static string Kept(ImportJob job) =>
        job.Written && job.Message?.StartsWith(CommittedPrefix, StringComparison.Ordinal) == true
            ? job.Message[CommittedPrefix.Length..]
            : job.Kind == ImportKinds.Companies || job.State == ImportJobState.Queued
                ? "nothing was committed"
                : "what it saved before the stop is kept (relations and chains are saved in parts and not counted until the end; re-running the same file adds only what is missing)";

    private async Task TrySaveProblemAsync(ImportJob job, ImportProblem problem, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveImportProblemsAsync(job.Id, [problem], cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError("Import {Id}: could not store its problem report: {Reason}", job.Id, ex.Message);
        }
    }

    /// <summary>A re-classification as a job's counts: companies read, whose memberships changed (updated) or not, left without a segment, 待确认 memberships stored.</summary>
    private static ImportCounts Counts(Chains.ReclassifySummary s) => new(s.Read, 0, s.Changed, s.Unchanged, 0, s.Unassigned, 0, s.Unconfirmed);

    private static ImportSummary Summary(Chains.ReclassifySummary s, bool suggest = false) => new(s.Read, 0, s.Changed, s.Unchanged, 0, s.Unassigned, [])
    {
        Written = true,
        Unconfirmed = s.Unconfirmed,
        Note = suggest
            ? $"read {s.Read} companies: {s.Changed} had chain-level memberships (环节待定) given suggested segments"
            : $"re-classified {s.Read} companies: {s.Changed} changed, {s.Unconfirmed} memberships 待确认 (unconfirmed)",
    };

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete the import work folder {Folder}", folder);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogWarning(ex, "Could not delete the import work folder {Folder}", folder);
        }
    }
}
