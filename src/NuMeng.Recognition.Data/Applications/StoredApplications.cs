namespace NuMeng.Recognition.Data.Applications;

/// <summary>Partial copies of stored applications, for steps that must not read the whole row.</summary>
public static class StoredApplications
{
    /// <summary>
    /// Attaches <paramref name="copy"/> (the columns a step needs, read through a projection, so that for instance the
    /// enterprise's unsubmitted draft is never loaded) with the state and concurrency stamp as stored. It is tracked as
    /// unchanged: what the step then changes, <see cref="Application.Apply"/> included, is saved as an UPDATE guarded by
    /// the stamp.
    /// </summary>
    public static Application AttachStored(this DbSet<Application> applications, Application copy, ApplicationState storedState)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(copy);
        copy.RestoreStoredState(storedState);
        applications.Attach(copy);
        return copy;
    }
}
