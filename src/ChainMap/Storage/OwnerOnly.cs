namespace ChainMap.Storage;

/// <summary>
/// Creates the files and folders the service writes (the store, backups, uploads) readable by their
/// owner only: 0600 files and 0700 folders on Unix, set when they are created so that the umask does not
/// decide (ADR 0116). On Windows they inherit the folder's ACL as before.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents as 0700; folders that exist are left as they are.</summary>
    public static DirectoryInfo CreateDirectory(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, DirectoryPermissions);

    /// <summary>Options that create a new file as 0600 (for <see cref="FileStream"/>).</summary>
    public static FileStreamOptions NewFile(FileMode mode = FileMode.CreateNew, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        var stream = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = FilePermissions;
        }

        return stream;
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty as 0600 when it does not exist, so that a library that creates
    /// the file itself (SQLite) opens ours and keeps its mode; SQLite gives its -wal and -shm files the mode
    /// of the database file.
    /// </summary>
    public static void EnsureFile(string path)
    {
        try
        {
            using var _ = new FileStream(path, NewFile());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (created before, or by a concurrent opener): its mode is the operator's choice.
        }
    }
}
