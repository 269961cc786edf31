using Microsoft.Data.Sqlite;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>The temp folder of a test portal (its SQLite file, attachments, secrets and checkpoints).</summary>
internal static class PortalDirectory
{
    /// <summary>Closes pooled SQLite connections, then removes the folder; best effort (the OS temp cleaner takes the rest).</summary>
    public static void Remove(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
