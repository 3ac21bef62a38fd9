using System.Globalization;
using ChainMap.Discovery;
using ChainMap.Storage;

namespace ChainMap.Import;

internal enum UndoStatus
{
    Undone,
    NotFound,

    /// <summary>The job has nothing to undo (dry run, rolled back, still running, not a company import, undone already, nothing logged).</summary>
    NothingToUndo,

    /// <summary>Later changes depend on what the job wrote (<see cref="UndoResult.Reasons"/>).</summary>
    Blocked,
}

internal sealed record UndoResult(UndoStatus Status, ImportJob? Job, IReadOnlyList<string> Reasons);

/// <summary>
/// Undoes a company import job (ADR 0191): checks that the job can have written anything, lets the store undo it
/// from its change log (or name the later changes in the way), and drops the discovery caches after.
/// </summary>
internal sealed class ImportUndoing(IImportJobStore jobs, IImportUndoStore store, DiscoveryCache cache, TimeProvider time)
{
    public async Task<UndoResult> UndoAsync(string jobId, string by, CancellationToken cancellationToken)
    {
        var job = await jobs.GetImportJobAsync(jobId, cancellationToken);
        if (job is null)
        {
            return new UndoResult(UndoStatus.NotFound, null, []);
        }

        if (Nothing(job) is { } reason)
        {
            return new UndoResult(UndoStatus.NothingToUndo, job, [reason]);
        }

        var at = time.GetUtcNow();
        var undone = job with
        {
            State = ImportJobState.Undone,
            Message = $"undone by {by} at {at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; before: {job.State.ToWire()}{(job.Message is null ? "" : ", " + job.Message)}",
        };
        var outcome = await store.UndoImportAsync(undone, at, cancellationToken);
        if (outcome.NothingLogged)
        {
            return new UndoResult(UndoStatus.NothingToUndo, job, [$"import {job.Id} left no change to undo (it changed nothing, or it ran before imports kept a change log)"]);
        }

        if (!outcome.Undone)
        {
            return new UndoResult(UndoStatus.Blocked, job, outcome.Decision!.Blockers);
        }

        await cache.ChangedAsync(cancellationToken);
        return new UndoResult(UndoStatus.Undone, undone, []);
    }

    /// <summary>Why a job has nothing to undo, or null when it may have written something.</summary>
    public static string? Nothing(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job switch
        {
            { State: ImportJobState.Undone } => $"import {job.Id} was undone already",
            { Kind: not ImportKinds.Companies } => $"import {job.Id} is a {job.Kind} job; only company imports can be undone",
            { State: ImportJobState.Queued or ImportJobState.Running } => $"import {job.Id} is still {job.State.ToWire()}; cancel it instead",
            { DryRun: true } => $"import {job.Id} was a dry run: it wrote nothing",
            { Written: false } => $"import {job.Id} was rolled back ({job.State.ToWire()}): it wrote nothing",
            _ => null,
        };
    }
}
