namespace ChainMap.Projects;

internal enum TransitionKind
{
    /// <summary>The first entry, made when the project was created.</summary>
    Created,

    /// <summary>One step along the order (谋划 → 洽谈).</summary>
    Forward,

    /// <summary>More than one step forward (洽谈 → 落地): needs a reason.</summary>
    Skip,

    /// <summary>Back along the order (签约 → 洽谈): needs a reason.</summary>
    Backward,

    /// <summary>To 终止: needs a reason.</summary>
    Terminate,

    /// <summary>From 终止 back to a stage of the order: needs a reason.</summary>
    Reopen,
}

/// <summary>Why a stage change is refused: a stable rule name for programs and a sentence for people.</summary>
internal sealed record TransitionRefusal(string Rule, string Detail);

/// <summary>
/// The lifecycle rules (docs/projects.md, ADR 0040): one step forward is free; skipping forward,
/// moving back, terminating and reopening a terminated project need a reason; a change may not be
/// dated before the previous one; changing to the current stage is not a change.
/// </summary>
internal static class StageRules
{
    public static TransitionKind Classify(ProjectStage? from, ProjectStage to)
    {
        if (from is not { } current)
        {
            return TransitionKind.Created;
        }

        if (to == ProjectStage.Terminated)
        {
            return TransitionKind.Terminate;
        }

        if (current == ProjectStage.Terminated)
        {
            return TransitionKind.Reopen;
        }

        var step = (int)to - (int)current;
        return step switch
        {
            1 => TransitionKind.Forward,
            > 1 => TransitionKind.Skip,
            _ => TransitionKind.Backward,
        };
    }

    /// <summary>The stages a forward move from <paramref name="from"/> to <paramref name="to"/> passes over without stopping.</summary>
    public static IReadOnlyList<ProjectStage> Skipped(ProjectStage? from, ProjectStage to)
    {
        if (!to.IsOrdered())
        {
            return [];
        }

        var start = from is { } f && f.IsOrdered() ? (int)f + 1 : 0;
        return ProjectTerms.OrderedStages.Where(s => (int)s >= start && (int)s < (int)to).ToList();
    }

    public static string Describe(ProjectStage? from, ProjectStage to) =>
        from is { } f ? $"{f.ToChinese()} → {to.ToChinese()}" : $"created at {to.ToChinese()}";

    /// <summary>Null when the change may be made; otherwise which rule refuses it and why.</summary>
    public static TransitionRefusal? Check(ProjectStage current, DateOnly previousDate, ProjectStage target, DateOnly date, string? reason)
    {
        var move = Describe(current, target);
        if (current == target)
        {
            return new TransitionRefusal("same-stage", $"The project is already at {current.ToChinese()}; {move} is not a change.");
        }

        if (date < previousDate)
        {
            return new TransitionRefusal(
                "date-before-previous",
                $"{move} is dated {date:yyyy-MM-dd}, before the previous change on {previousDate:yyyy-MM-dd}; dates cannot run backwards.");
        }

        if (!string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        return Classify(current, target) switch
        {
            TransitionKind.Terminate => new TransitionRefusal("terminate-needs-reason", $"{move} drops the project; give a reason."),
            TransitionKind.Reopen => new TransitionRefusal("reopen-needs-reason", $"{move} reopens a terminated project; give a reason."),
            TransitionKind.Skip => new TransitionRefusal(
                "skip-needs-reason",
                $"{move} skips {string.Join("、", Skipped(current, target).Select(s => s.ToChinese()))}; skipping stages needs a reason."),
            TransitionKind.Backward => new TransitionRefusal("backward-needs-reason", $"{move} moves backwards; moving back needs a reason."),
            _ => null,
        };
    }

    /// <summary>Null when a project may start at <paramref name="stage"/>; starting past 谋划 skips stages and needs a reason.</summary>
    public static TransitionRefusal? CheckStart(ProjectStage stage, string? reason)
    {
        if (stage == ProjectStage.Terminated)
        {
            return new TransitionRefusal("created-terminated", "A project cannot be created at 终止; create it, then terminate it with a reason.");
        }

        if (stage != ProjectStage.Planning && string.IsNullOrWhiteSpace(reason))
        {
            return new TransitionRefusal(
                "skip-needs-reason",
                $"Creating the project at {stage.ToChinese()} skips {string.Join("、", Skipped(null, stage).Select(s => s.ToChinese()))}; give a reason (for example: recorded after the fact).");
        }

        return null;
    }
}
