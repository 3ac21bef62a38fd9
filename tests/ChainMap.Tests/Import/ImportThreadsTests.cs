using System.Globalization;
using ChainMap.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChainMap.Tests.Import;

/// <summary>The threads import jobs run on (ADR 0290): their own, below the requests' priority, and a job's awaits stay on them.</summary>
public sealed class ImportThreadsTests
{
    [Test]
    public async Task A_job_and_every_continuation_of_it_run_on_the_import_threads()
    {
        using var threads = new ImportThreads(Options.Create(new ImportServiceOptions { ThreadNice = 7 }), NullLogger<ImportThreads>.Instance);
        var seen = new List<string?>();
        var nice = new List<int?>();

        await threads.Run(
            async () =>
            {
                Note();
                await Task.Yield();
                Note();
                await Task.Delay(5);
                Note();

                // The importer starts its reading stage on the current scheduler.
                await Task.Factory.StartNew(Note, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current);
            },
            CancellationToken.None);

        Assert.That(seen, Has.Count.EqualTo(4).And.All.StartsWith("import-"));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(threads.Lowered, Is.EqualTo(ImportThreads.Count));
            Assert.That(nice, Is.All.EqualTo(7), "the nice value of the threads that ran the job");
        }

        void Note()
        {
            lock (seen)
            {
                seen.Add(Thread.CurrentThread.Name);
                nice.Add(NiceOfThisThread());
            }
        }
    }

    [Test]
    public async Task Nice_zero_leaves_the_threads_at_the_requests_priority()
    {
        using var threads = new ImportThreads(Options.Create(new ImportServiceOptions { ThreadNice = 0 }), NullLogger<ImportThreads>.Instance);
        int? nice = null;

        await threads.Run(() => Task.FromResult(nice = NiceOfThisThread()), CancellationToken.None);

        Assert.That(threads.Lowered, Is.Zero);
        if (OperatingSystem.IsLinux())
        {
            Assert.That(nice, Is.EqualTo(NiceOfProcess()));
        }
    }

    /// <summary>Field 19 of /proc/thread-self/stat (after the command name in parentheses), on Linux.</summary>
    private static int? NiceOfThisThread() => OperatingSystem.IsLinux() ? Nice("/proc/thread-self/stat") : null;

    private static int? NiceOfProcess() => OperatingSystem.IsLinux() ? Nice("/proc/self/stat") : null;

    private static int Nice(string path)
    {
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
