namespace NuMeng.Recognition.Data.Identity;

/// <summary>
/// A portal account. Identity's own <see cref="IdentityUser{TKey}.ConcurrencyStamp"/> (a string maintained by
/// <see cref="UserManager{TUser}"/>) is its concurrency token.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The organisation the user acts for; null for experts (they act under assignments).</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Name shown in the UI and recorded in the audit log.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for expert accounts: the expert record the user is.</summary>
    public Guid? ExpertId { get; set; }

    /// <summary>When the password was last set; drives the configurable change interval.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Deactivated accounts cannot sign in (set by the system administrator).</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>A role; names are <see cref="Domain.Workflow.ActorRole"/> member names (see <see cref="RoleNames"/>).</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
        Id = Guid.CreateVersion7();
    }

    public AppRole(string roleName)
        : this()
    {
        Name = roleName;
    }

    /// <summary>Chinese label (e.g. 盟市审核员).</summary>
    public string Label { get; set; } = string.Empty;
}
