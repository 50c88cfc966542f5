namespace PartyAssistant.Storage;

/// <summary>
/// The data folder holds tokens and members' questions: readable by the service's own user only (0700 for
/// folders, 0600 for files), whatever the umask. No-op where Unix modes do not exist.
/// </summary>
public static class FileModes
{
    public static void OwnerOnly(string path, bool directory)
    {
        if (OperatingSystem.IsWindows() || !(directory ? Directory.Exists(path) : File.Exists(path)))
        {
            return;
        }

        File.SetUnixFileMode(path, directory
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
