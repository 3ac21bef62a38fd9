using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ChainMap.Storage.Sqlite;

/// <summary>TEMPORARY measuring probe (CHAINMAP_END_PROBE=1): memory and CPU of each step of an import's end. Removed after.</summary>
internal static class EndProbe
{
    public static readonly bool On = Environment.GetEnvironmentVariable("CHAINMAP_END_PROBE") == "1";
    private static readonly object Gate = new();
    private static string label = "start";
    private static long maxRss, maxAnon, maxFile;
    private static long cpuAt;
    private static long wallAt = Stopwatch.GetTimestamp();
    private static Thread? sampler;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Sec;
        public long Nsec;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGettime(int clock, out Timespec value);

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 Mallinfo2();

    private static long ThreadCpuNs() => ClockGettime(3, out var t) == 0 ? t.Sec * 1_000_000_000 + t.Nsec : 0;

    private static (long Rss, long Anon, long File) Status()
    {
        long rss = 0, anon = 0, file = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kb(line);
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kb(line);
            }
        }

        return (rss, anon, file);
    }

    private static long Kb(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static void EnsureSampler()
    {
        if (sampler is not null)
        {
            return;
        }

        sampler = new Thread(() =>
        {
            while (true)
            {
                var (rss, anon, file) = Status();
                lock (Gate)
                {
                    if (rss > maxRss)
                    {
                        (maxRss, maxAnon, maxFile) = (rss, anon, file);
                    }
                }

                Thread.Sleep(20);
            }
        }) { IsBackground = true, Name = "end-probe" };
        sampler.Start();
    }

    /// <summary>Ends the step under way (printing what it cost) and starts <paramref name="next"/>.</summary>
    public static void Step(string next)
    {
        if (!On)
        {
            return;
        }

        EnsureSampler();
        var (rss, anon, file) = Status();
        var cpu = ThreadCpuNs();
        var m = Mallinfo2();
        var used = SQLitePCL.raw.sqlite3_memory_used();
        var high = SQLitePCL.raw.sqlite3_memory_highwater(1);
        var gc = GC.GetGCMemoryInfo();
        string line;
        lock (Gate)
        {
            var wall = Stopwatch.GetElapsedTime(wallAt).TotalSeconds;
            line = string.Create(CultureInfo.InvariantCulture,
                $"[end-probe {DateTime.UtcNow:HH:mm:ss}] {label,-70} cpu {(cpu - cpuAt) / 1e9,7:F2} s wall {wall,7:F2} s | max rss {maxRss / 1024,4} MiB (anon {maxAnon / 1024} file {maxFile / 1024}) | now rss {rss / 1024} anon {anon / 1024} file {file / 1024} | sqlite used {used / 1048576} high {high / 1048576} | malloc arena {(long)m.Arena / 1048576} mmap {(long)m.Hblkhd / 1048576} inuse {(long)m.Uordblks / 1048576} free {(long)m.Fordblks / 1048576} | gc committed {gc.TotalCommittedBytes / 1048576} heap {gc.HeapSizeBytes / 1048576}");
            label = next;
            (maxRss, maxAnon, maxFile) = (rss, anon, file);
            cpuAt = cpu;
            wallAt = Stopwatch.GetTimestamp();
        }

        Console.Error.WriteLine(line);
    }

    /// <summary>CHAINMAP_END_EXP: comma-separated experiments (trim, nosortermmap, shrink, ignore, cache8).</summary>
    private static readonly HashSet<string> Experiments = (Environment.GetEnvironmentVariable("CHAINMAP_END_EXP") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public static bool Has(string name) => Experiments.Contains(name);

    /// <summary>CHAINMAP_END_SHARE: the refresh share forced (0: always the full rebuild; 1: always the refresh).</summary>
    public static double? ForcedShare => double.TryParse(Environment.GetEnvironmentVariable("CHAINMAP_END_SHARE"), CultureInfo.InvariantCulture, out var v) ? v : null;

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_test_control", CallingConvention = CallingConvention.Cdecl)]
    private static extern int TestControl(int op, nint db, int value);

    public static void Trim(string why)
    {
        if (Has("trim"))
        {
            Step("malloc_trim(0) " + why);
            MallocTrim(0);
        }
    }

    public static void SorterMmap(Microsoft.Data.Sqlite.SqliteConnection connection, bool on)
    {
        if (Has("nosortermmap"))
        {
            TestControl(24, connection.Handle!.DangerousGetHandle(), on ? 0x7FFFFFFF : 0);
        }
    }

    /// <summary>The statements of a script of plain statements (no trigger bodies), one by one.</summary>
    public static IEnumerable<string> Statements(string sql) =>
        sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0);

    public static string Short(string sql)
    {
        var s = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return s.Length > 70 ? s[..70] : s;
    }
}
