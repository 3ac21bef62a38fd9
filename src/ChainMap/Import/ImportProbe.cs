namespace ChainMap.Import;

/// <summary>TEMPORARY timing probes (session 27 profile); removed before merge.</summary>
internal static class ImportProbe
{
    private static readonly long[] Ticks = new long[16];
    private static readonly string[] Names = ["read", "resolve", "queue-wait", "candidates", "decide", "write", "changelog", "commit", "rebuild-discovery", "rebuild-indexes", "restore-total", "flush", "", "", "", ""];

    public static long Now()
    {
        clock_gettime(3, out var ts);
        return ts.Sec * 1_000_000_000 + ts.Nsec;
    }

    public static void Add(int stage, long since) => Interlocked.Add(ref Ticks[stage], Now() - since);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec ts);

    private struct TimeSpec
    {
        public long Sec;
        public long Nsec;
    }

    public static string Report()
    {
        var parts = new List<string>();
        for (var i = 0; i < Ticks.Length; i++)
        {
            var t = Interlocked.Exchange(ref Ticks[i], 0);
            if (t > 0)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Names[i]}={t / 1e9:F2}s"));
            }
        }

        return string.Join(" ", parts);
    }
}
