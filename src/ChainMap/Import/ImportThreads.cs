using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Import;

/// <summary>
/// The threads import jobs run on (ADR 0290): a task scheduler of its own, with <see cref="Count"/> threads that the
/// operating system schedules at a lower priority than the request threads (nice <see cref="ImportServiceOptions.ThreadNice"/>
/// on Linux, <see cref="ThreadPriority.BelowNormal"/> elsewhere). A job started on it keeps its continuations on it
/// (its awaits capture the scheduler) and so does the importer's reading stage (started on the current scheduler),
/// so reading, classifying and writing all yield the cores to requests while requests want them, and take them
/// whole when none do. Two threads: the reading and the writing stages of a company import overlap as before.
/// </summary>
internal sealed class ImportThreads : TaskScheduler, IDisposable
{
    /// <summary>The reading and the writing stage of one company import.</summary>
    public const int Count = 2;

    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;
    private readonly int nice;
    private readonly ILogger<ImportThreads> logger;
    private int lowered;

    public ImportThreads(IOptions<ImportServiceOptions> options, ILogger<ImportThreads> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        nice = options.Value.ThreadNice;
        this.logger = logger;
        threads = new Thread[Count];
        for (var i = 0; i < Count; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = "import-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            threads[i].Start();
        }
    }

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => Count;

    /// <summary>How many of the threads run at the lowered priority (tests; 0 when <see cref="ImportServiceOptions.ThreadNice"/> is 0 or the system refused).</summary>
    internal int Lowered => Volatile.Read(ref lowered);

    /// <summary>Runs <paramref name="work"/> on these threads; its awaits come back to them.</summary>
    public Task Run(Func<Task> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public void Dispose()
    {
        queue.CompleteAdding();
        queue.Dispose();
    }

    protected override void QueueTask(Task task) => queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Array.IndexOf(threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Work()
    {
        if (nice > 0 && Lower(nice))
        {
            Interlocked.Increment(ref lowered);
        }

        try
        {
            foreach (var task in queue.GetConsumingEnumerable())
            {
                TryExecuteTask(task);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed at shutdown while waiting for work.
        }
    }

    /// <summary>Lowers this thread's priority; false (logged) when the system does not allow it.</summary>
    private bool Lower(int by)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // .NET does not map Thread.Priority to a Linux nice value; raising one's own nice value needs no privilege.
                if (Native.SetPriority(Native.PrioProcess, Native.GetTid(), by) == 0)
                {
                    return true;
                }

                logger.LogWarning("Import threads: setpriority failed (errno {Errno}); imports run at the requests' priority", Marshal.GetLastPInvokeError());
                return false;
            }

            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException or ThreadStateException)
        {
            logger.LogWarning("Import threads: could not lower their priority ({Reason}); imports run at the requests' priority", ex.Message);
            return false;
        }
    }

    private static class Native
    {
        public const int PrioProcess = 0;

        [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SetPriority(int which, int who, int priority);

        [DllImport("libc", EntryPoint = "gettid")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int GetTid();
    }
}
