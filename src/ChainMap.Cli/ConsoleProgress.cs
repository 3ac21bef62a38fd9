using System.Diagnostics;
using System.Globalization;
using ChainMap.Import;

namespace ChainMap.Cli;

/// <summary>
/// A progress bar on standard error, redrawn in place at most five times a second; when standard
/// error is redirected (a log, CI), one line per tenth of the file instead.
/// </summary>
internal sealed class ConsoleProgress
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool interactive = !Console.IsErrorRedirected;
    private long lastDraw = -1_000;
    private int lastTenth = -1;

    public void Report(ImportProgress progress)
    {
        var now = clock.ElapsedMilliseconds;
        var fraction = Math.Clamp(progress.Fraction, 0, 1);
        var done = fraction >= 1;
        if (interactive)
        {
            if (!done && now - lastDraw < 200)
            {
                return;
            }

            lastDraw = now;
            var filled = (int)Math.Round(fraction * Width);
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {progress.Counts.Read,10:N0} rows {Rate(progress.Counts.Read, now),9:N0} rows/s"));
            if (done)
            {
                Console.Error.WriteLine();
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > lastTenth)
        {
            lastTenth = tenth;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fraction:P0}: {progress.Counts.Read:N0} rows read"));
        }
    }

    private static double Rate(long rows, long milliseconds) => milliseconds == 0 ? 0 : rows * 1000.0 / milliseconds;
}
