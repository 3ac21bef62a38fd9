using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Where this process's writers to one SQLite file and a long company import meet (ADR 0440). Every connection the store
/// opens has <see cref="Install"/>'s busy handler: a writer that finds the write lock taken (an analyst's edit, a merge, an
/// undo, a job record, the audit log, whatever it writes) says so here and retries every few milliseconds. An import
/// session asks <see cref="WaitedSince"/> (its transaction's start) at each batch boundary and, when someone waited, commits there (ending ADR
/// 0410's held transaction properly) and lets the waiting writers in before it goes on (<see cref="LetWritersInAsync"/>).
/// While a session that commits when asked holds the lock (<see cref="Hold"/>), a waiting writer is not held to SQLite's
/// busy timeout: the session ends its transaction within a batch and the restore of what it dropped, so the writer waits
/// for that instead of failing after 30 s. A dry run or an all-or-nothing import cannot commit before its end: while one
/// holds the lock, and for writers of another process, the busy timeout applies as before.
/// </summary>
internal sealed class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriterGate> Gates = new(StringComparer.Ordinal);

    /// <summary>Every gate by its index (the busy handler's argument names one; gates live as long as the process).</summary>
    private static SqliteWriterGate[] registered = [];

    [ThreadStatic]
    private static long waitStarted;

    /// <summary>The wait met a session that commits when asked: it keeps the longer limit to its end (the lock passes through other writers' hands after the commit).</summary>
    [ThreadStatic]
    private static bool waitForYield;

    private readonly int index;

    /// <summary>How many <see cref="BusyWaiter"/> kinds the busy handler's argument encodes beside the gate's index.</summary>
    private const int Kinds = 3;

    /// <summary>How long a writer waits for the lock when no session that commits when asked holds it (the connections' DefaultTimeout).</summary>
    internal static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest a writer waits for a session that commits when asked (a batch and a restore of the dropped indexes take far less).</summary>
    internal static readonly TimeSpan YieldingHolderTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A writer waiting for the lock retries this often, so it takes the lock within milliseconds of a commit.</summary>
    private const int RetryMilliseconds = 2;

    /// <summary>
    /// After a commit for waiting writers, the session goes on once no writer has found the lock taken or left the door's
    /// count for this long: a request's next write (the write mark, the audit entry) comes within it on a loaded machine
    /// (ADR 0460; 50 ms in ADR 0440 let it miss the commit and wait for the next batch).
    /// </summary>
    private const int QuietMilliseconds = 250;

    /// <summary>The longest a session stands back after such a commit (a stream of writers does not stop the import: it asks again at the next batch).</summary>
    private static readonly TimeSpan LongestStandBack = TimeSpan.FromSeconds(5);

    private long waits;
    private long lastBusy;
    private long lastLeft;
    private volatile bool holderYields;

    /// <summary>Closed (not null) while an import session of this process holds the write lock: writers await it (ADR 0460).</summary>
    private TaskCompletionSource? door;

    /// <summary>Writers (not background ones) awaiting the closed door.</summary>
    private int atDoor;

    /// <summary>Writers between their call of <see cref="EnterAsync"/> and <see cref="Leave"/> (a session that let writers in stands back for them).</summary>
    private int inside;

    /// <summary>One writer of this process at a time (ADR 0460): the others await it without a thread.</summary>
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>The gate of the SQLite file at <paramref name="databasePath"/>: one per file and process, whichever store instance opened it.</summary>
    public static SqliteWriterGate For(string databasePath) => Gates.GetOrAdd(Path.GetFullPath(databasePath), static _ =>
    {
        lock (Gates)
        {
            // Copied on write: the busy handler reads it without a lock.
            var gate = new SqliteWriterGate(registered.Length);
            Volatile.Write(ref registered, [.. registered, gate]);
            return gate;
        }
    });

    private SqliteWriterGate(int index) => this.index = index;

    /// <summary>How many times a writer of this process (a background one included, not an import session) has begun to wait for the lock.</summary>
    public long Waits => Interlocked.Read(ref waits);

    /// <summary>
    /// True when a writer found the lock taken at or after <paramref name="tick"/> (<see cref="Environment.TickCount64"/>):
    /// asked with the time a session's transaction began, someone is waiting for that transaction.
    /// </summary>
    public bool WaitedSince(long tick) => Volatile.Read(ref atDoor) > 0 || Interlocked.Read(ref lastBusy) >= tick;

    /// <summary>Writers of this process awaiting the door now (a test's and a benchmark's view; ADR 0460).</summary>
    internal int AtDoor => Volatile.Read(ref atDoor);

    /// <summary>Writers waiting for the door or their turn, or writing.</summary>
    internal int Inside => Volatile.Read(ref inside);

    /// <summary>
    /// Sets the busy handler of <paramref name="connection"/> (SQLite's <c>sqlite3_busy_handler</c>, which SQLitePCLRaw does
    /// not wrap). A <see cref="BusyWaiter.Writer"/> says it waits (an import commits for it); a <see cref="BusyWaiter.Background"/>
    /// writer is counted in <see cref="Waits"/> but does not ask an import to commit; an <see cref="BusyWaiter.Import"/>
    /// session's connection does neither (it must not ask itself to commit). All retry every <see cref="RetryMilliseconds"/>:
    /// without it Microsoft.Data.Sqlite retries every 150 ms, and a writer rarely meets the moment between two of an
    /// import's transactions.
    /// </summary>
    public void Install(SqliteConnection connection, BusyWaiter waiter)
    {
        var rc = Native.BusyHandler(connection.Handle!.DangerousGetHandle(), Native.Handler, (nint)(index * Kinds + (int)waiter));
        if (rc != 0)
        {
            throw new SqliteException($"could not set the busy handler (SQLite error {rc})", rc);
        }
    }

    /// <summary>
    /// An import session of this process holds the write lock: a session that commits when asked (<paramref name="yields"/>
    /// true), or one that cannot (a dry run, an all-or-nothing import). Closes the door (ADR 0460): this process's writers
    /// await it in <see cref="EnterAsync"/>, holding no thread, instead of SQLite's busy handler; they wait without the busy
    /// timeout only in the first case.
    /// </summary>
    public void Hold(bool yields)
    {
        holderYields = yields;
        if (Volatile.Read(ref door) is null)
        {
            Volatile.Write(ref door, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>The session's transaction has ended (committed or rolled back): the door opens, every writer awaiting it goes on.</summary>
    public void Release()
    {
        holderYields = false;
        Interlocked.Exchange(ref door, null)?.TrySetResult();
    }

    /// <summary>
    /// Awaits this process's turn to write before a write opens its connection (<see cref="SqliteStore.OpenWriterAsync"/>):
    /// one writer of the process at a time, the others awaiting without a thread (SQLite lets one write at a time anyway;
    /// in its busy handler each of them slept on its thread). While an import session of this process holds the lock the
    /// door is closed: a <see cref="BusyWaiter.Writer"/> that finds it so is seen by the session (<see cref="WaitedSince"/>),
    /// which commits at its next batch and opens it; a <see cref="BusyWaiter.Background"/> one waits unseen. A writer takes
    /// its turn only with the door open (it gives the turn back and waits again if the door closed meanwhile). The limits
    /// are the busy handler's (ADR 0440), from the first call: <see cref="YieldingHolderTimeout"/> once it met a session that
    /// commits when asked, else <see cref="BusyTimeout"/>; past it, the <see cref="SqliteException"/> SQLite gives
    /// (SQLITE_BUSY), which the service answers 503 "Store busy". <paramref name="cancellationToken"/> stops the wait. Once
    /// it returns the writer holds the turn until it calls <see cref="Leave"/> (its connection is closed).
    /// </summary>
    public async ValueTask EnterAsync(BusyWaiter waiter, CancellationToken cancellationToken)
    {
        var signals = waiter == BusyWaiter.Writer;
        var started = Stopwatch.GetTimestamp();
        var forYield = false;
        var counted = false;
        Interlocked.Increment(ref inside);
        try
        {
            while (true)
            {
                if (Volatile.Read(ref door) is { } closed)
                {
                    if (!counted)
                    {
                        counted = true;
                        Interlocked.Increment(ref waits);
                        if (signals)
                        {
                            Interlocked.Increment(ref atDoor);
                        }
                    }

                    if (signals)
                    {
                        Interlocked.Exchange(ref lastBusy, Environment.TickCount64);
                    }

                    forYield |= signals && holderYields;
                    await WithinAsync(closed.Task, Left(started, forYield), cancellationToken);
                    continue;
                }

                // Awaited as it is: the semaphore either takes the turn or throws when cancelled, never both.
                if (!turn.Wait(0, CancellationToken.None) && !await turn.WaitAsync(Left(started, forYield), cancellationToken))
                {
                    throw Busy();
                }

                if (Volatile.Read(ref door) is null)
                {
                    return;
                }

                // The door closed while it queued: the import holds the lock again; wait for it without the turn.
                turn.Release();
            }
        }
        catch
        {
            Interlocked.Decrement(ref inside);
            throw;
        }
        finally
        {
            if (counted && signals)
            {
                Interlocked.Decrement(ref atDoor);
            }
        }
    }

    private static TimeSpan Left(long started, bool forYield)
    {
        var left = (forYield ? YieldingHolderTimeout : BusyTimeout) - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Awaits <paramref name="task"/> within <paramref name="limit"/>; past it, SQLITE_BUSY as SQLite says it.</summary>
    private static async Task WithinAsync(Task task, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw Busy();
        }
    }

    private static SqliteException Busy() => new("SQLite Error 5: 'database is locked'.", 5);

    /// <summary>A writer (<see cref="EnterAsync"/>) has closed its connection: the next one takes its turn.</summary>
    public void Leave()
    {
        Interlocked.Exchange(ref lastLeft, Environment.TickCount64);
        Interlocked.Decrement(ref inside);
        turn.Release();
    }

    /// <summary>
    /// After a commit made for waiting writers: returns once no writer waits for the door or its turn or writes
    /// and none has found the lock taken for <see cref="QuietMilliseconds"/> (each retries every few milliseconds, so by then
    /// every one of them has had the lock or is queued behind one that has), and at the latest after <see cref="LongestStandBack"/>.
    /// </summary>
    public async Task LetWritersInAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < LongestStandBack
            && (Volatile.Read(ref inside) > 0 || Environment.TickCount64 - Math.Max(Interlocked.Read(ref lastBusy), Interlocked.Read(ref lastLeft)) < QuietMilliseconds))
        {
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>SQLite's busy handler: <paramref name="count"/> is 0 at the first call of a wait; 1 retries, 0 gives up.</summary>
    private int Busy(BusyWaiter waiter, int count)
    {
        var signals = waiter == BusyWaiter.Writer;
        var now = Environment.TickCount64;
        if (count == 0)
        {
            // A wait runs on the thread that steps the statement, from its first call to its last.
            waitStarted = now;
            waitForYield = false;
            if (waiter != BusyWaiter.Import)
            {
                Interlocked.Increment(ref waits);
            }
        }

        if (signals)
        {
            Interlocked.Exchange(ref lastBusy, now);
        }

        waitForYield |= signals && holderYields;
        var limit = waitForYield ? YieldingHolderTimeout : BusyTimeout;
        if (now - waitStarted >= (long)limit.TotalMilliseconds)
        {
            return 0;
        }

        Thread.Sleep(RetryMilliseconds);
        return 1;
    }

    private static class Native
    {
        /// <summary>Kept for the process's life: SQLite calls it through the pointer it was given.</summary>
        public static readonly BusyCallback Handler = static (argument, count) =>
        {
            var gate = Volatile.Read(ref registered)[(int)(argument / Kinds)];
            return gate.Busy((BusyWaiter)(int)(argument % Kinds), count);
        };

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate int BusyCallback(nint argument, int count);

        // The library Microsoft.Data.Sqlite's provider (SQLitePCLRaw.provider.e_sqlite3) loads: the same one, loaded once.
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler", CallingConvention = CallingConvention.Cdecl)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int BusyHandler(nint database, BusyCallback handler, nint argument);
    }
}

/// <summary>Who waits for the SQLite write lock on a connection (<see cref="SqliteWriterGate.Install"/>).</summary>
internal enum BusyWaiter
{
    /// <summary>A write somebody waits for (a request's): an import holding the lock commits at its next batch for it.</summary>
    Writer,

    /// <summary>A background write nobody waits for (a kept discovery answer, the write mark): it does not end an import's transaction.</summary>
    Background,

    /// <summary>An import session's own connection.</summary>
    Import,
}
