using System.Runtime.InteropServices;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// The C heap that SQLite allocates from (its page caches, sorters and statement journals). glibc keeps what SQLite frees in
/// the freeing thread's arena instead of giving it back to the system, and an import runs on threads of its own (ADR 0290),
/// so each import and each end left tens of MiB of free blocks in the process's resident memory (ADR 0475).
/// </summary>
internal static class CHeap
{
    /// <summary>False where there is no glibc <c>malloc_trim</c> (not Linux, or another C library such as musl): nothing to do.</summary>
    private static volatile bool available = OperatingSystem.IsLinux();

    /// <summary>
    /// Gives the C heap's free pages back to the system (<c>malloc_trim(0)</c>). Safe at any moment and from any thread: it
    /// takes each arena's lock in turn and releases only pages that no allocation holds (a later allocation there takes a
    /// fresh zeroed page); it changes no data. It costs milliseconds for a heap of a few hundred MiB.
    /// </summary>
    public static void Trim()
    {
        if (!available)
        {
            return;
        }

        try
        {
            _ = Native.MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            available = false;
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "malloc_trim")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MallocTrim(nuint pad);
    }
}
