using ChainMap.Import;

namespace ChainMap.Storage;

/// <summary>What an undo did: the job's change log was empty (nothing to undo), or the decision it wrote (or refused).</summary>
internal sealed record ImportUndoOutcome(bool NothingLogged, ImportUndoDecision? Decision)
{
    public bool Undone => Decision is { Plan: not null };
}

/// <summary>Undoing a company import from its change log (issue 16, ADR 0191).</summary>
internal interface IImportUndoStore
{
    /// <summary>
    /// In one transaction: reads the job's change log and the present state of the companies it names (with the
    /// projects, activities and merges that refer to them), asks <see cref="ImportUndoRules.Decide"/>, and when it
    /// gives a plan removes the created companies, restores the changed values and memberships, and stores
    /// <paramref name="job"/> (state undone); restored rows are stamped updated <paramref name="at"/>. Nothing is written when the log is empty or the undo is refused.
    /// </summary>
    Task<ImportUndoOutcome> UndoImportAsync(ImportJob job, DateTimeOffset at, CancellationToken cancellationToken);
}
