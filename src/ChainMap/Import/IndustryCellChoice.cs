using ChainMap.Chains;

namespace ChainMap.Import;

/// <summary>
/// Which of a row's industry cells the import reads when a file has several industry columns. The best column by header
/// (CompanyColumns' order) is read, and the others fill it where it is empty; but a vendor export that writes a coarse
/// 所属行业 (汽车制造业, a GB/T 4754 division) beside the register's 国标行业小类 (改装汽车制造, a class) names the company's
/// industry better in the finer cell, so a later column whose value is a finer GB/T level replaces a value that names
/// a coarser one. A value that names no GB/T code (a CSRC or 申万 label the table does not know, free text) is kept as
/// the header order chose it.
/// </summary>
internal sealed class IndustryCellChoice(IndustryTable industries)
{
    // Industry values repeat (a few hundred distinct ones in a large file): each is read once.
    private readonly Dictionary<string, int> levels = new(StringComparer.Ordinal);

    /// <summary>The value to read: <paramref name="chosen"/>, or the first of <paramref name="others"/> naming a finer GB/T level.</summary>
    public string? Choose(string? chosen, TableReader reader, IReadOnlyList<int> others)
    {
        var level = Level(chosen);
        if (level is 0 or >= 4)
        {
            return chosen;
        }

        foreach (var other in others)
        {
            var value = reader[other];
            if (!CompanyRowResolver.IsBlank(value) && Level(value) > level)
            {
                chosen = value;
                level = Level(value);
            }
        }

        return chosen;
    }

    /// <summary>The finest GB/T level the value names: 1 a section (C), 2 a division (36), 3 a group (366), 4 a class (3663); 0 none.</summary>
    private int Level(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        if (!levels.TryGetValue(value, out var level))
        {
            level = 0;
            foreach (var code in industries.Read(value))
            {
                level = Math.Max(level, code.Code.Length);
            }

            if (levels.Count < 100_000)
            {
                levels[value] = level;
            }
        }

        return level;
    }
}
